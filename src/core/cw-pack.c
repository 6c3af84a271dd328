/* cw-pack.c: the Stage One submission pack (see cw-pack.h): what goes in,
 * what stops it, and writing it whole or not at all. */
#define G_LOG_DOMAIN "cw-pack"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cw-i18n.h"
#include <glib/gstdio.h>

#include "cw-audit.h"
#include "cw-pack.h"
#include "cw-register.h"
#include "cw-report-private.h"
#include "cw-review.h"

/* A base name longer than this is cut: file names travel to other systems
 * (a certifier's share, a zip) whose limits are tighter than ours. */
#define NAME_MAX_CHARS 60

static const char *const kind_tokens[] = {
  [CW_PACK_INDEX] = "index",
  [CW_PACK_DOCUMENT] = "document",
  [CW_PACK_AUDIT_REPORT] = "audit-report",
  [CW_PACK_REVIEW_MINUTES] = "review-minutes",
  [CW_PACK_KEPT_ELSEWHERE] = "kept-elsewhere",
};

const char *
cw_pack_kind_to_string (CwPackKind kind)
{
  g_return_val_if_fail (kind <= CW_PACK_KEPT_ELSEWHERE, "");
  return kind_tokens[kind];
}

static void
pack_item_free (CwPackItem *item)
{
  g_free (item->reference);
  g_free (item->title);
  g_free (item->version);
  g_free (item->source);
  g_free (item->sha256);
  g_free (item->file_name);
  g_free (item);
}

void
cw_pack_plan_free (CwPackPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->items, g_ptr_array_unref);
  g_clear_pointer (&plan->problems, g_ptr_array_unref);
  g_free (plan);
}

static CwPackItem *
add_item (CwPackPlan *plan, CwPackKind kind, const char *reference, const char *title,
          const char *version, gint64 record_id)
{
  CwPackItem *item = g_new0 (CwPackItem, 1);
  item->kind = kind;
  item->reference = g_strdup (reference);
  item->title = g_strdup (title != NULL ? title : "");
  item->version = g_strdup (version != NULL ? version : "");
  item->record_id = record_id;
  g_ptr_array_add (plan->items, item);
  return item;
}

static void add_problem (CwPackPlan *plan, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
add_problem (CwPackPlan *plan, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_ptr_array_add (plan->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* ---- File names ------------------------------------------------------------ */

/* Claims `name` in `taken` (compared without case, so that the folder
 * survives a trip through a file system that ignores case). */
static gboolean
claim (GHashTable *taken, const char *name)
{
  char *key = g_ascii_strdown (name, -1);
  if (g_hash_table_contains (taken, key))
    {
      g_free (key);
      return FALSE;
    }
  g_hash_table_add (taken, key);
  return TRUE;
}

/* ".pdf" from "/x/Policy v2.PDF"; "" when the name has no plain extension. */
static char *
extension_of (const char *source)
{
  g_autofree char *base = g_path_get_basename (source);
  const char *dot = strrchr (base, '.');
  if (dot == NULL || dot == base || dot[1] == '\0' || strlen (dot + 1) > 8)
    return g_strdup ("");
  for (const char *p = dot + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return g_strdup ("");
  return g_ascii_strdown (dot, -1);
}

/* A name for the folder made from the reference: ASCII letters, digits,
 * '-', '_' and '.', never a leading dot or dash (a hidden file, or an
 * option to the certifier's tools), never a path separator, and unique. */
static char *
file_name_for (const char *reference, const char *source, GHashTable *taken)
{
  g_autoptr (GString) base = g_string_new (NULL);
  for (const char *p = reference; *p != '\0' && base->len < NAME_MAX_CHARS;
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c < 128 && (g_ascii_isalnum (c) || c == '-' || c == '_' || (c == '.' && base->len > 0)))
        g_string_append_c (base, (char)c);
      else if (base->len > 0 && base->str[base->len - 1] != '-')
        g_string_append_c (base, '-');
    }
  while (base->len > 0 && strchr ("-.", base->str[0]) != NULL)
    g_string_erase (base, 0, 1);
  while (base->len > 0 && strchr ("-.", base->str[base->len - 1]) != NULL)
    g_string_truncate (base, base->len - 1);
  if (base->len == 0)
    g_string_assign (base, "document");
  g_autofree char *extension = extension_of (source);
  char *name = g_strconcat (base->str, extension, NULL);
  for (guint n = 2; !claim (taken, name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s-%u%s", base->str, n, extension);
    }
  return name;
}

/* ---- Reading and copying files --------------------------------------------- */

/* Reads `from` to its end, hashing it and, when `out` is not -1, writing
 * every byte to `out`. An error in G_FILE_ERROR names the file. */
static gboolean
copy_hashing (const char *from, int out, const char *to, char **sha256, GError **error)
{
  /* O_NONBLOCK: should the name now be a pipe, opening it must not wait. */
  int in = g_open (from, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  int saved_errno = 0;
  const char *failed = from;
  struct stat st;
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  if (in < 0)
    saved_errno = errno;
  else if (fstat (in, &st) != 0)
    saved_errno = errno;
  else if (!S_ISREG (st.st_mode))
    saved_errno = EINVAL;
  else
    {
      guchar buffer[64 * 1024];
      for (;;)
        {
          ssize_t n = read (in, buffer, sizeof buffer);
          if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
          if (n < 0)
            {
              saved_errno = errno;
              break;
            }
          if (n == 0)
            break;
          g_checksum_update (checksum, buffer, n);
          for (ssize_t done = 0; out >= 0 && done < n;)
            {
              ssize_t written = write (out, buffer + done, n - done);
              if (written < 0 && errno == EINTR)
                continue;
              if (written < 0)
                {
                  saved_errno = errno;
                  failed = to;
                  break;
                }
              done += written;
            }
          if (saved_errno != 0)
            break;
        }
    }
  if (in >= 0)
    close (in);
  if (saved_errno != 0)
    {
      g_autofree char *name = g_filename_display_name (failed);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s: %s", name,
                   saved_errno == EINVAL && failed == from ? _ ("not an ordinary file")
                                                           : g_strerror (saved_errno));
      return FALSE;
    }
  *sha256 = g_strdup (g_checksum_get_string (checksum));
  return TRUE;
}

/* ---- The plan -------------------------------------------------------------- */

/* An approved document: its file, checked now, or where it is kept. */
static void
plan_document (CwPackPlan *plan, const CwRegisterEntry *entry, GHashTable *taken)
{
  const char *location = entry->location != NULL ? entry->location : "";
  gboolean hashed = entry->sha256 != NULL && *entry->sha256 != '\0';
  if (!hashed && *location == '\0')
    {
      add_problem (plan,
                   _ ("%s (%s) is approved, but the register names neither its file nor where "
                      "it is kept: register its file, or its location."),
                   entry->reference, entry->title);
      return;
    }
  if (!hashed)
    {
      CwPackItem *item = add_item (plan, CW_PACK_KEPT_ELSEWHERE, entry->reference, entry->title,
                                   entry->version, entry->id);
      item->source = g_strdup (location);
      return;
    }
  if (*location == '\0')
    {
      add_problem (plan,
                   _ ("%s (%s) has a registered SHA-256 but no file path: register its file "
                      "again."),
                   entry->reference, entry->title);
      return;
    }

  g_autofree char *name = g_filename_display_name (location);
  g_autoptr (GError) local = NULL;
  g_autofree char *sha256 = NULL;
  if (!copy_hashing (location, -1, NULL, &sha256, &local))
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT)
          || g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOTDIR))
        add_problem (plan,
                     _ ("%s (%s): its file %s is not there any more: put the approved file "
                        "back, or register the file where it is now."),
                     entry->reference, entry->title, name);
      else
        add_problem (plan, _ ("%s (%s): its file cannot be read (%s): check the file and its "
                              "permissions."),
                     entry->reference, entry->title, local->message);
      return;
    }
  if (g_ascii_strcasecmp (sha256, entry->sha256) != 0)
    {
      add_problem (plan,
                   _ ("%s (%s): its file %s has changed since it was registered (SHA-256 now %s, "
                      "registered %s): restore the approved file, or register the new one with "
                      "its new version once it is approved."),
                   entry->reference, entry->title, name, sha256, entry->sha256);
      return;
    }
  CwPackItem *item = add_item (plan, CW_PACK_DOCUMENT, entry->reference, entry->title,
                               entry->version, entry->id);
  item->source = g_strdup (location);
  item->sha256 = g_ascii_strdown (entry->sha256, -1);
  item->file_name = file_name_for (entry->reference, location, taken);
}

static gboolean
plan_documents (CwWorkspace *self, CwPackPlan *plan, GHashTable *taken, GError **error)
{
  g_autoptr (GPtrArray) items = cw_workspace_register_items (self, &plan->today, error);
  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      CwRegisterItem *item = g_ptr_array_index (items, i);
      if (item->mandatory && item->kind == CW_EXPECTED_DOCUMENT && item->status != CW_DOC_APPROVED)
        add_problem (plan,
                     _ ("Clause %s: no approved, current document (%s); approve one in the "
                        "register, or review it again if its review date has passed."),
                     item->clause, item->expected);
    }

  g_autoptr (GPtrArray) entries = cw_workspace_list_register (self, error);
  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      CwRegisterEntry *entry = g_ptr_array_index (entries, i);
      if (entry->kind == CW_EXPECTED_DOCUMENT
          && cw_register_entry_status (entry, &plan->today) == CW_DOC_APPROVED)
        plan_document (plan, entry, taken);
    }
  return TRUE;
}

/* The latest issued report: issued or closed, by its issue date. */
static gboolean
plan_audit (CwWorkspace *self, CwPackPlan *plan, GHashTable *taken, GError **error)
{
  g_autoptr (GPtrArray) audits = cw_workspace_list_audits (self, error);
  if (audits == NULL)
    return FALSE;
  CwAudit *latest = NULL;
  for (guint i = 0; i < audits->len; i++)
    {
      CwAudit *audit = g_ptr_array_index (audits, i);
      CwAuditStatus status = cw_audit_get_status (audit);
      const char *issued = cw_audit_get_issued_on (audit);
      if ((status != CW_AUDIT_REPORTED && status != CW_AUDIT_CLOSED)
          || cw_audit_get_version (audit) < 1 || issued == NULL)
        continue;
      if (latest == NULL || g_strcmp0 (issued, cw_audit_get_issued_on (latest)) > 0
          || (g_strcmp0 (issued, cw_audit_get_issued_on (latest)) == 0
              && cw_audit_get_id (audit) > cw_audit_get_id (latest)))
        latest = audit;
    }
  if (latest == NULL)
    {
      add_problem (plan, _ ("No internal audit report has been issued: hold an internal audit "
                            "and issue its report first."));
      return TRUE;
    }
  g_autofree char *version = g_strdup_printf ("%u", cw_audit_get_version (latest));
  CwPackItem *item = add_item (plan, CW_PACK_AUDIT_REPORT, _ ("Internal audit report"),
                               cw_audit_get_title (latest), version, cw_audit_get_id (latest));
  item->file_name = file_name_for ("audit-report", "report.pdf", taken);
  return TRUE;
}

/* The latest approved minutes, by their approval. */
static gboolean
plan_review (CwWorkspace *self, CwPackPlan *plan, GHashTable *taken, GError **error)
{
  g_autoptr (GPtrArray) reviews = cw_workspace_list_reviews (self, error);
  if (reviews == NULL)
    return FALSE;
  CwReview *latest = NULL;
  for (guint i = 0; i < reviews->len; i++)
    {
      CwReview *review = g_ptr_array_index (reviews, i);
      if (cw_review_get_status (review) != CW_REVIEW_APPROVED)
        continue;
      if (latest == NULL
          || g_strcmp0 (cw_review_get_approved_at (review), cw_review_get_approved_at (latest)) > 0)
        latest = review;
    }
  if (latest == NULL)
    {
      add_problem (plan, _ ("No management review has been approved: hold a management review "
                            "and approve its minutes first."));
      return TRUE;
    }
  const char *held = cw_review_get_held_on (latest);
  const char *approved = cw_review_get_approved_at (latest);
  /* Minutes have no version number: their approval date says which. */
  g_autofree char *approved_day = g_strndup (approved != NULL ? approved : "?", 10);
  g_autofree char *title
      = g_strdup_printf (_ ("Management review held on %s, minutes approved on %s"),
                         held != NULL ? held : "?", approved_day);
  CwPackItem *item = add_item (plan, CW_PACK_REVIEW_MINUTES, _ ("Management review minutes"),
                               title, NULL, cw_review_get_id (latest));
  item->file_name = file_name_for ("review-minutes", "minutes.pdf", taken);
  return TRUE;
}

CwPackPlan *
cw_workspace_plan_stage_one_pack (CwWorkspace *self, const GDate *today, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr (CwPackPlan) plan = g_new0 (CwPackPlan, 1);
  plan->items = g_ptr_array_new_with_free_func ((GDestroyNotify)pack_item_free);
  plan->problems = g_ptr_array_new_with_free_func (g_free);
  plan->today = *today;
  g_autoptr (GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The made files claim their names first (the reports in
   * plan_audit() and plan_review(), before the documents): a document
   * called INDEX gets "INDEX-2.pdf", never the index's name. */
  CwPackItem *index = add_item (plan, CW_PACK_INDEX, _ ("Index"),
                                _ ("Index of the Stage One submission pack"), NULL, 0);
  index->file_name = file_name_for ("index", "index.pdf", taken);

  if (!plan_audit (self, plan, taken, error) || !plan_review (self, plan, taken, error)
      || !plan_documents (self, plan, taken, error))
    return NULL;

  /* The order a reader expects: the index, the documents, the reports,
   * then what is kept elsewhere. A stable sort keeps the register's order. */
  static const int rank[] = {
    [CW_PACK_INDEX] = 0,
    [CW_PACK_DOCUMENT] = 1,
    [CW_PACK_AUDIT_REPORT] = 2,
    [CW_PACK_REVIEW_MINUTES] = 3,
    [CW_PACK_KEPT_ELSEWHERE] = 4,
  };
  for (guint i = 1; i < plan->items->len; i++)
    for (guint j = i; j > 0; j--)
      {
        CwPackItem *a = g_ptr_array_index (plan->items, j - 1);
        CwPackItem *b = g_ptr_array_index (plan->items, j);
        if (rank[a->kind] <= rank[b->kind])
          break;
        plan->items->pdata[j - 1] = b;
        plan->items->pdata[j] = a;
      }
  return g_steal_pointer (&plan);
}

/* ---- Writing ----------------------------------------------------------------- */

static void
remove_partial (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      if (g_unlink (child) != 0)
        g_warning ("Could not remove %s: %s", child, g_strerror (errno));
    }
  if (g_rmdir (dir) != 0)
    g_warning ("Could not remove %s: %s", dir, g_strerror (errno));
}

static gboolean
set_write_error (GError **error, const char *path, int saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);
  g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FAILED,
               _ ("The pack could not be written (%s: %s); check that there is room and that "
                  "you may write there, then try again."),
               name, g_strerror (saved_errno));
  return FALSE;
}

/* Copies one document, checking its hash again on the very bytes copied:
 * the file may have changed since the plan was made. */
static gboolean
write_document (CwPackItem *item, const char *dir, GError **error)
{
  g_autofree char *to = g_build_filename (dir, item->file_name, NULL);
  int out = g_open (to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
  if (out < 0)
    return set_write_error (error, to, errno);
  g_autoptr (GError) local = NULL;
  g_autofree char *sha256 = NULL;
  gboolean copied = copy_hashing (item->source, out, to, &sha256, &local);
  int saved_errno = 0;
  if (copied && fsync (out) != 0)
    saved_errno = errno;
  if (close (out) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (!copied)
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_FAILED,
                   _ ("%s could not be copied into the pack (%s); check the file and the "
                      "folder, then try again."),
                   item->reference, local->message);
      return FALSE;
    }
  if (saved_errno != 0)
    return set_write_error (error, to, saved_errno);
  if (g_ascii_strcasecmp (sha256, item->sha256) != 0)
    {
      g_autofree char *name = g_filename_display_name (item->source);
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_CHANGED,
                   _ ("%s: its file %s changed while the pack was being written (SHA-256 now %s, "
                      "registered %s); nothing was written: check the file and try again."),
                   item->reference, name, sha256, item->sha256);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_report (CwReport *report, CwPackItem *item, const char *dir, GError **error)
{
  if (report == NULL)
    return FALSE;
  g_autofree char *path = g_build_filename (dir, item->file_name, NULL);
  if (!cw_report_write_pdf (report, path, NULL, NULL, NULL, error))
    return FALSE;
  g_autoptr (GError) local = NULL;
  g_clear_pointer (&item->sha256, g_free);
  if (!copy_hashing (path, -1, NULL, &item->sha256, &local))
    return set_write_error (error, path, EIO);
  return TRUE;
}

static gboolean
fill_folder (CwWorkspace *self, CwPackPlan *plan, const char *dir, GError **error)
{
  CwPackItem *index = NULL;
  for (guint i = 0; i < plan->items->len; i++)
    {
      CwPackItem *item = g_ptr_array_index (plan->items, i);
      gboolean ok = TRUE;
      switch (item->kind)
        {
        case CW_PACK_INDEX:
          index = item;
          break;
        case CW_PACK_DOCUMENT:
          ok = write_document (item, dir, error);
          break;
        case CW_PACK_AUDIT_REPORT:
          {
            g_autoptr (CwReport) report = cw_report_new_audit (self, item->record_id, error);
            ok = write_report (report, item, dir, error);
          }
          break;
        case CW_PACK_REVIEW_MINUTES:
          {
            g_autoptr (CwReport) report = cw_report_new_review (self, item->record_id, error);
            ok = write_report (report, item, dir, error);
          }
          break;
        case CW_PACK_KEPT_ELSEWHERE:
          break;
        }
      if (!ok)
        return FALSE;
    }
  /* Last, so that it can give the reports' hashes. */
  g_return_val_if_fail (index != NULL, FALSE);
  g_autoptr (CwReport) report = cw_report_new_pack_index (self, plan, error);
  return write_report (report, index, dir, error);
}

static gboolean
sync_folder (const char *dir, GError **error)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd < 0)
    return set_write_error (error, dir, errno);
  int saved_errno = fsync (fd) == 0 ? 0 : errno;
  close (fd);
  /* Some file systems cannot sync a folder; the files themselves are. */
  if (saved_errno != 0 && saved_errno != EINVAL && saved_errno != EROFS)
    return set_write_error (error, dir, saved_errno);
  return TRUE;
}

static gboolean
set_exists_error (GError **error, const char *folder)
{
  g_autofree char *name = g_filename_display_name (folder);
  g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_EXISTS,
               _ ("%s already exists: the pack goes into a new folder, so choose a name not in "
                  "use yet."),
               name);
  return FALSE;
}

/* Never over something: rename() would replace an empty folder made
 * since the target was checked. */
static gboolean
rename_into_place (const char *from, const char *to, GError **error)
{
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return TRUE;
  int saved_errno = errno;
  if (saved_errno == EEXIST)
    return set_exists_error (error, to);
  if (saved_errno != EINVAL && saved_errno != ENOSYS)
    return set_write_error (error, to, saved_errno);
  /* The file system knows no RENAME_NOREPLACE: check, then rename. */
  GStatBuf st;
  if (g_lstat (to, &st) == 0)
    return set_exists_error (error, to);
  if (g_rename (from, to) != 0)
    return set_write_error (error, to, errno);
  return TRUE;
}

gboolean
cw_workspace_write_stage_one_pack (CwWorkspace *self, CwPackPlan *plan, const char *folder,
                                   GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  guint n = plan->problems->len;
  if (n > 0)
    {
      g_autoptr (GString) message = g_string_new (NULL);
      g_string_printf (message,
                       cw_ngettext ("The Stage One pack was not written: %u problem needs "
                                    "fixing first.",
                                    "The Stage One pack was not written: %u problems need "
                                    "fixing first.",
                                    n),
                       n);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (message, "\n%s",
                                (const char *)g_ptr_array_index (plan->problems, i));
      g_set_error_literal (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID, message->str);
      return FALSE;
    }

  g_autofree char *target = g_canonicalize_filename (folder, NULL);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *parent = g_path_get_dirname (target);
  g_autofree char *parent_name = g_filename_display_name (parent);
  if (g_str_equal (base, G_DIR_SEPARATOR_S) || g_str_equal (base, ".") || g_str_equal (base, ".."))
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_INVALID,
                   _ ("Name a new folder for the pack, not %s."), parent_name);
      return FALSE;
    }
  GStatBuf st;
  if (g_lstat (target, &st) == 0)
    return set_exists_error (error, target);
  if (errno != ENOENT)
    return set_write_error (error, target, errno);
  if (!g_file_test (parent, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CW_WORKSPACE_ERROR, CW_WORKSPACE_ERROR_NOT_FOUND,
                   _ ("There is no folder %s to put the pack in: create it first, or choose "
                      "another place."),
                   parent_name);
      return FALSE;
    }

  /* Beside the target, so that the last step is a rename on one file
   * system; hidden, so that nobody takes it for the pack meanwhile. */
  g_autofree char *template_name = g_strdup_printf (".%s.partial-XXXXXX", base);
  g_autofree char *partial = g_build_filename (parent, template_name, NULL);
  if (g_mkdtemp_full (partial, 0777) == NULL)
    return set_write_error (error, parent, errno);

  if (!fill_folder (self, plan, partial, error) || !sync_folder (partial, error)
      || !rename_into_place (partial, target, error))
    {
      remove_partial (partial);
      return FALSE;
    }
  g_autoptr (GError) local = NULL;
  if (!sync_folder (parent, &local))
    g_debug ("%s", local->message);
  return TRUE;
}
