/* cw-report-typeset.h: a small typesetter for the reports, private to the core.
 *
 * Content is poured in from top to bottom (cover, headings, paragraphs,
 * tables, drawings); the typesetter measures it with Pango on the cairo_t it
 * was made for and cuts it into pages as it goes, keeping per page a list of
 * drawing operations. The page count ("Page X of Y") and the table of
 * contents need the whole document before a page is drawn, so a typesetter
 * either keeps every page (cw_typeset_new(), for printing, where pages are
 * drawn in any order) or the content is poured twice: once to count
 * (cw_typeset_new_counting()), once to draw each page as it fills
 * (cw_typeset_new_drawing()). Those two hold one page at a time, so that a
 * report's memory is bounded by a page, not by its length.
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef enum
{
  CW_STYLE_BODY,
  CW_STYLE_SMALL,
  CW_STYLE_LABEL,
  CW_STYLE_H1,
  CW_STYLE_H2,
  CW_STYLE_H3,
  CW_STYLE_TABLE,
  CW_STYLE_TABLE_HEAD,
  CW_STYLE_BADGE,
  CW_STYLE_COVER_KICKER,
  CW_STYLE_COVER_TITLE,
  CW_STYLE_COVER_SUBTITLE,
  CW_STYLE_COVER_FIELD,
  CW_STYLE_TOC,
  CW_STYLE_TOC_SECTION,
  CW_STYLE_RUNNING,
  CW_N_STYLES
} CwStyle;

typedef struct
{
  double r, g, b;
} CwRgb;

typedef struct _CwTypeset CwTypeset;
typedef struct _CwTable CwTable;

/* Draws a figure into the box (0, 0) – (width, height) of the current user
 * space. */
typedef void (*CwDrawFunc) (cairo_t *cr, double width, double height, gpointer data);

/* Hears that page `page` (from 0) of `n_pages` was drawn; FALSE stops. */
typedef gboolean (*CwPageDone) (guint page, guint n_pages, gpointer data);

CwTypeset *cw_typeset_new (cairo_t *cr, double page_width, double page_height);
CwTypeset *cw_typeset_new_counting (cairo_t *cr, double page_width, double page_height);
CwTypeset *cw_typeset_new_drawing (cairo_t *cr, double page_width, double page_height,
                                   CwTypeset *counted, CwPageDone done, gpointer data);
void cw_typeset_free (CwTypeset *self);
void cw_typeset_set_running (CwTypeset *self, const char *header_left, const char *header_right,
                             const char *footer_left);

void cw_typeset_cover (CwTypeset *self, const char *kicker, const char *title, const char *subtitle,
                       const char *const *fields, const char *note);
void cw_typeset_contents_here (CwTypeset *self);
void cw_typeset_heading (CwTypeset *self, guint level, const char *text, gboolean in_contents);
void cw_typeset_text (CwTypeset *self, CwStyle style, const char *text);
void cw_typeset_labelled (CwTypeset *self, const char *label, const char *text, const CwRgb *bar);
void cw_typeset_badge_line (CwTypeset *self, const char *badge, const CwRgb *colour,
                            const char *markup, const CwRgb *bar);
void cw_typeset_box (CwTypeset *self, const char *label, double height);
void cw_typeset_drawing (CwTypeset *self, double height, CwDrawFunc func, gpointer data);
void cw_typeset_space (CwTypeset *self, double points);
void cw_typeset_keep (CwTypeset *self, double points);
void cw_typeset_page_break (CwTypeset *self);

/* Tables: cells are Pango markup. Rows never split unless one row alone is
 * taller than a page; the header row repeats on every page. */
typedef enum
{
  CW_ROW_NORMAL = 0,
  CW_ROW_GROUP = 1 << 0, /* a shaded, bold row that heads a group */
  CW_ROW_TALL = 1 << 1,  /* room to write by hand (signatures, responses) */
} CwRowFlags;

CwTable *cw_typeset_table_begin (CwTypeset *self, guint n_columns, const double *fractions,
                                 const char *const *header);
void cw_table_row (CwTable *table, const char *const *cells, CwRowFlags flags, int chip_column,
                   const CwRgb *chip);
void cw_table_end (CwTable *table);
void cw_typeset_sign_off (CwTypeset *self, const char *statement, const char *role_header,
                          const char *const *roles, const char *const *names, guint n);

void cw_typeset_finish (CwTypeset *self);
guint cw_typeset_get_n_pages (CwTypeset *self);
void cw_typeset_draw_page (CwTypeset *self, cairo_t *cr, guint page);
void cw_typeset_add_outlines (CwTypeset *self, cairo_surface_t *surface);

char *cw_markup_printf (const char *format, ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
