/* cw-test-util.h: helpers shared by the tests. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *cw_test_make_dir (void);
char *cw_test_path (const char *dir, const char *name);
GBytes *cw_test_read (const char *path);
void cw_test_write (const char *path, const void *data, gsize size);
void cw_test_assert_untouched (const char *path, GBytes *before);
void cw_test_sql (const char *path, const char *sql);
gint64 cw_test_sql_int (const char *path, const char *sql);

G_END_DECLS
