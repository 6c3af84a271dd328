/* cw-output.h: where a file the app exports (a PDF report) may go.
 *
 * An export is written to a temporary file beside its target and renamed
 * into place, so its target must be a regular file or a name not yet in use.
 * Refused, before anything is opened for writing:
 *
 * - folders, named pipes, sockets and devices (also behind a symbolic link);
 *   opening a pipe would wait for a reader forever, and the rename would put
 *   a plain file where a device node was;
 * - anything in /dev or /proc, or reached through them: /dev/stdout,
 *   /dev/null, /dev/fd/N. An export is a document someone keeps (a lead
 *   auditor expects a file), never a stream, whatever the stream leads to;
 * - an SQLite database (a workspace among them), and the -wal, -shm and
 *   -journal beside one, whether or not that companion exists yet: SQLite
 *   would read a foreign file there as the database's own.
 *
 * A symbolic link to a regular file is followed: the file it points to is
 * replaced and the link stays. A dangling link is replaced itself.
 *
 * Nothing here blocks: the target is looked at with lstat()/stat() and only a
 * regular file is opened (O_NONBLOCK, to read its first bytes); a workspace
 * this process has open is recognised without being opened at all.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CW_OUTPUT_ERROR (cw_output_error_quark ())
typedef enum
{
  CW_OUTPUT_ERROR_NOT_A_FILE, /* a folder, pipe, socket, device or stream */
  CW_OUTPUT_ERROR_DATABASE,   /* a database, or a companion file of one */
} CwOutputError;

GQuark cw_output_error_quark (void);

char *cw_output_resolve (const char *path, GError **error);

G_END_DECLS
