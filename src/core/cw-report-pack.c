/* cw-report-pack.c: the index of a Stage One submission pack (cw-pack.h),
 * the first thing a certifier opens: every file in the folder with the
 * reference, title and version it stands for and its SHA-256, so that each
 * can be checked (sha256sum) against what the organisation sent; then the
 * approved documents kept outside the pack, with where they are kept. */
#define G_LOG_DOMAIN "cw-report"

#include "config.h"

#include "cw-i18n.h"

#include "cw-date.h"
#include "cw-report-private.h"

typedef struct
{
  CwOrganisation *organisation;
  GPtrArray *items; /* CwPackItem, copied: the report outlives the plan */
  char *as_of;
} PackContent;

static void
copied_item_free (CwPackItem *item)
{
  g_free (item->reference);
  g_free (item->title);
  g_free (item->version);
  g_free (item->source);
  g_free (item->sha256);
  g_free (item->file_name);
  g_free (item);
}

static void
pack_content_free (PackContent *content)
{
  if (content->organisation != NULL)
    cw_organisation_free (content->organisation);
  g_clear_pointer (&content->items, g_ptr_array_unref);
  g_free (content->as_of);
  g_free (content);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PackContent, pack_content_free)

static const char *
kind_label (CwPackKind kind)
{
  switch (kind)
    {
    case CW_PACK_INDEX:
      return _ ("Index");
    case CW_PACK_DOCUMENT:
      return _ ("Document");
    case CW_PACK_AUDIT_REPORT:
      return _ ("Internal audit report");
    case CW_PACK_REVIEW_MINUTES:
      return _ ("Management review minutes");
    case CW_PACK_KEPT_ELSEWHERE:
      return _ ("Kept outside the pack");
    }
  return "";
}

/* In groups of 16, as fingerprints are printed: the column is narrow, and
 * a reader compares a hash group by group. */
static char *
grouped_hash (const char *sha256)
{
  if (sha256 == NULL || *sha256 == '\0')
    return cw_markup_printf ("%s", "—");
  g_autoptr (GString) grouped = g_string_new (NULL);
  for (const char *p = sha256; *p != '\0'; p++)
    {
      if (p != sha256 && (p - sha256) % 16 == 0)
        g_string_append_c (grouped, ' ');
      g_string_append_c (grouped, *p);
    }
  return cw_markup_printf ("<span font_family=\"monospace\">%s</span>", grouped->str);
}

static void
compose_pack (CwTypeset *ts, gpointer data)
{
  PackContent *c = data;
  guint in_pack = 0, elsewhere = 0;
  for (guint i = 0; i < c->items->len; i++)
    {
      CwPackItem *item = g_ptr_array_index (c->items, i);
      if (item->kind == CW_PACK_KEPT_ELSEWHERE)
        elsewhere++;
      else if (item->kind != CW_PACK_INDEX)
        in_pack++;
    }
  g_autofree char *stage_one = c->organisation->stage_one && *c->organisation->stage_one
                                   ? cw_report_date (c->organisation->stage_one)
                                   : NULL;
  g_autofree char *counted = g_strdup_printf (
      cw_ngettext ("%u file besides this index", "%u files besides this index",
                   in_pack),
      in_pack);
  const char *fields[] = {
    _ ("Organisation"),
    c->organisation->name,
    _ ("Certification body"),
    cw_report_or_dash (c->organisation->certification_body),
    _ ("Stage One"),
    cw_report_or_dash (stage_one),
    _ ("Prepared on"),
    c->as_of,
    _ ("In the pack"),
    counted,
    NULL,
  };
  cw_typeset_cover (ts, _ ("Stage One submission"), _ ("Documented information for Stage One"),
                    c->organisation->name, fields,
                    _ ("Every file in this folder is listed here with its SHA-256: a file whose "
                       "hash differs is not the one the organisation sent."));

  cw_typeset_heading (ts, 1, _ ("1  The files in the pack"), TRUE);
  cw_typeset_text (ts, CW_STYLE_BODY,
                   _ ("The register's approved, current documents, each checked against the "
                      "SHA-256 recorded when it was registered, then the latest issued internal "
                      "audit report and the latest approved management review minutes."));
  static const double widths[] = { 0.14, 0.25, 0.10, 0.29, 0.22 };
  const char *header[] = { _ ("Reference"), _ ("Title"), _ ("Version"), _ ("SHA-256"),
                           _ ("File in the folder") };
  CwTable *table = cw_typeset_table_begin (ts, 5, widths, header);
  for (guint i = 0; i < c->items->len; i++)
    {
      CwPackItem *item = g_ptr_array_index (c->items, i);
      if (item->kind == CW_PACK_INDEX || item->kind == CW_PACK_KEPT_ELSEWHERE)
        continue;
      g_autofree char *reference = item->kind == CW_PACK_DOCUMENT
                                       ? cw_markup_printf ("%s", item->reference)
                                       : cw_markup_printf ("<i>%s</i>", kind_label (item->kind));
      g_autofree char *title = cw_markup_printf ("%s", item->title);
      g_autofree char *version = cw_markup_printf ("%s", cw_report_or_dash (item->version));
      g_autofree char *hash = grouped_hash (item->sha256);
      g_autofree char *file = cw_markup_printf ("%s", item->file_name);
      const char *cells[] = { reference, title, version, hash, file };
      cw_table_row (table, cells, CW_ROW_NORMAL, -1, NULL);
    }
  cw_table_end (table);

  cw_typeset_heading (ts, 1, _ ("2  Kept outside the pack"), TRUE);
  if (elsewhere == 0)
    {
      cw_typeset_text (ts, CW_STYLE_BODY,
                       _ ("None: every approved, current document of the register is in the "
                          "pack."));
      return;
    }
  g_autofree char *intro = g_strdup_printf (
      cw_ngettext ("%u approved document is registered by where it is kept, not by a file, so "
                   "it could not be copied; ask the organisation for access there.",
                   "%u approved documents are registered by where they are kept, not by a file, "
                   "so they could not be copied; ask the organisation for access there.",
                   elsewhere),
      elsewhere);
  cw_typeset_text (ts, CW_STYLE_BODY, intro);
  static const double kept_widths[] = { 0.14, 0.30, 0.10, 0.46 };
  const char *kept_header[] = { _ ("Reference"), _ ("Title"), _ ("Version"),
                                _ ("Where it is kept") };
  table = cw_typeset_table_begin (ts, 4, kept_widths, kept_header);
  for (guint i = 0; i < c->items->len; i++)
    {
      CwPackItem *item = g_ptr_array_index (c->items, i);
      if (item->kind != CW_PACK_KEPT_ELSEWHERE)
        continue;
      g_autofree char *reference = cw_markup_printf ("%s", item->reference);
      g_autofree char *title = cw_markup_printf ("%s", item->title);
      g_autofree char *version = cw_markup_printf ("%s", cw_report_or_dash (item->version));
      g_autofree char *where = cw_markup_printf ("%s", item->source);
      const char *cells[] = { reference, title, version, where };
      cw_table_row (table, cells, CW_ROW_NORMAL, -1, NULL);
    }
  cw_table_end (table);
}

CwReport *
cw_report_new_pack_index (CwWorkspace *workspace, const CwPackPlan *plan, GError **error)
{
  g_return_val_if_fail (CW_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autoptr (CwSpeaking) speaking = cw_report_speak (workspace, error);
  if (speaking == NULL)
    return NULL;

  g_autoptr (PackContent) content = g_new0 (PackContent, 1);
  content->organisation = cw_workspace_get_organisation (workspace, error);
  if (content->organisation == NULL)
    return NULL;
  content->items = g_ptr_array_new_with_free_func ((GDestroyNotify)copied_item_free);
  for (guint i = 0; i < plan->items->len; i++)
    {
      const CwPackItem *item = g_ptr_array_index (plan->items, i);
      CwPackItem *copy = g_new0 (CwPackItem, 1);
      copy->kind = item->kind;
      copy->reference = g_strdup (item->reference);
      copy->title = g_strdup (item->title);
      copy->version = g_strdup (item->version);
      copy->source = g_strdup (item->source);
      copy->record_id = item->record_id;
      copy->sha256 = g_strdup (item->sha256);
      copy->file_name = g_strdup (item->file_name);
      g_ptr_array_add (content->items, copy);
    }
  g_autofree char *iso = cw_date_to_string (&plan->today);
  content->as_of = cw_report_date (iso);
  g_autofree char *subject = g_strdup_printf (_ ("Stage One submission pack of %s"),
                                              content->as_of);
  CwReportInfo info = {
    .title = _ ("Stage One submission pack"),
    .subject = subject,
    .reference = _ ("Stage One pack"),
    .author = content->organisation->name,
    .organisation = content->organisation->name,
  };
  return cw_report_new_with (workspace, &info, g_steal_pointer (&content),
                             (GDestroyNotify)pack_content_free, compose_pack, error);
}
