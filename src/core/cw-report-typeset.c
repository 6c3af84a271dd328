/* cw-report-typeset.c: the reports' typesetter: measures with Pango on the
 * surface it will draw on, cuts text into pages line by line with
 * PangoLayoutIter, and replays the pages on demand. */
#define G_LOG_DOMAIN "cw-report"

#include "config.h"

#include <cairo-pdf.h>
#include "cw-i18n.h"
#include <string.h>

#include "cw-report-typeset.h"

/* Geometry in PostScript points. The header and footer live in the margins. */
#define MARGIN_SIDE 56.0
#define MARGIN_TOP 74.0
#define MARGIN_BOTTOM 66.0
#define CELL_PAD_X 5.0
#define CELL_PAD_Y 3.6
#define CHIP_SIZE 7.0
#define CHIP_ROOM 11.0
#define TALL_ROW 28.0
#define BAR_GAP 10.0
/* What a heading needs below it on its page, so that it is never left alone
 * at the foot of a page. */
#define KEEP_AFTER_HEADING 52.0

static const CwRgb ink = { 0.13, 0.14, 0.16 };
static const CwRgb navy = { 0.12, 0.23, 0.37 };
static const CwRgb grey = { 0.42, 0.45, 0.49 };
static const CwRgb rule_grey = { 0.78, 0.80, 0.83 };
static const CwRgb zebra = { 0.955, 0.965, 0.975 };
static const CwRgb group_shade = { 0.88, 0.91, 0.94 };
static const CwRgb white = { 1, 1, 1 };
static const CwRgb gold = { 0.80, 0.62, 0.22 };
static const CwRgb pale_gold = { 0.85, 0.72, 0.42 };
static const CwRgb pale_blue = { 0.82, 0.87, 0.93 };

typedef struct
{
  const char *font;
  const CwRgb *colour;
  double line_spacing; /* factor; 0 for the font's own */
  double space_after;
} StyleSpec;

static const StyleSpec style_specs[CW_N_STYLES] = {
  [CW_STYLE_BODY] = { "DejaVu Sans 9", &ink, 1.3, 5 },
  [CW_STYLE_SMALL] = { "DejaVu Sans 7.5", &grey, 1.2, 4 },
  [CW_STYLE_LABEL] = { "DejaVu Sans Bold 7", &grey, 0, 1.5 },
  [CW_STYLE_H1] = { "DejaVu Sans Bold 15", &navy, 0, 10 },
  [CW_STYLE_H2] = { "DejaVu Sans Bold 11", &navy, 0, 6 },
  [CW_STYLE_H3] = { "DejaVu Sans Bold 9.5", &ink, 0, 4 },
  [CW_STYLE_TABLE] = { "DejaVu Sans Condensed 8", &ink, 1.15, 0 },
  [CW_STYLE_TABLE_HEAD] = { "DejaVu Sans Condensed Bold 7.5", &white, 0, 0 },
  [CW_STYLE_BADGE] = { "DejaVu Sans Condensed Bold 7", &white, 0, 0 },
  [CW_STYLE_COVER_KICKER] = { "DejaVu Sans Bold 9", &white, 0, 0 },
  [CW_STYLE_COVER_TITLE] = { "DejaVu Sans Bold 24", &white, 1.1, 0 },
  [CW_STYLE_COVER_SUBTITLE] = { "DejaVu Sans 12", &white, 1.2, 0 },
  [CW_STYLE_COVER_FIELD] = { "DejaVu Sans 9.5", &ink, 1.2, 0 },
  [CW_STYLE_TOC] = { "DejaVu Sans 9", &ink, 0, 2.5 },
  [CW_STYLE_TOC_SECTION] = { "DejaVu Sans Bold 9.5", &navy, 0, 3 },
  [CW_STYLE_RUNNING] = { "DejaVu Sans 7", &grey, 0, 0 },
};

/* One measured piece of text and the geometry of its lines, in points
 * relative to the layout's top. */
typedef struct
{
  int refs; /* the pages that show it, and whoever is placing it */
  PangoLayout *layout; /* NULL once measured, when counting */
  int n_lines;
  double *top;
  double *height;
  double *baseline;
  double width;
  CwStyle style;
} CwText;

typedef enum
{
  OP_TEXT,
  OP_FILL,
  OP_FRAME,
  OP_PILL,
  OP_RULE,
  OP_DRAW,
  OP_CONTENTS_NUMBER,
  OP_TAG_BEGIN, /* structure of the tagged PDF: Table, TR, TH, TD */
  OP_TAG_END,
} OpKind;

typedef struct
{
  OpKind kind;
  double x, y, w, h;
  const CwRgb *colour;
  CwText *text;
  int first, count;
  CwDrawFunc func;
  gpointer data;
  guint anchor;
  const char *tag;
  gboolean grouped; /* text inside a structure element of its own block */
} Op;

typedef struct
{
  GArray *ops;
  gboolean plain; /* the cover: no running header or footer */
} Page;

/* What happens to a page once nothing more can land on it. */
typedef enum
{
  MODE_KEEP,  /* kept, to be drawn in any order (printing) */
  MODE_COUNT, /* counted and freed: the first pass of an export */
  MODE_DRAW,  /* drawn at once and freed: the second pass */
} Mode;

typedef struct
{
  char *title;
  guint level;
  guint page;
  double y;
  gboolean in_contents;
} Anchor;

struct _CwTypeset
{
  PangoContext *context;
  PangoFontDescription *fonts[CW_N_STYLES];
  double page_width, page_height;
  double left, right, top, bottom;

  Mode mode;
  GPtrArray *pages; /* the pages still held: all of them, or the last */
  guint n_gone;     /* pages already counted or drawn and freed */
  guint n_total;    /* all pages, once known */
  GArray *anchors;
  GArray *contents;   /* the anchors the contents list: in MODE_DRAW, the counting pass's */
  cairo_t *target;    /* MODE_DRAW: where pages are drawn */
  CwPageDone page_done;
  gpointer page_done_data;
  gboolean stopped; /* MODE_DRAW: the rest is laid out as empty and not drawn */
  guint grouping;   /* inside a block tagged as one element: its texts are not */
  double y;
  gboolean fresh;      /* nothing placed yet on the current page */
  gboolean needs_page; /* the next content starts a new page */
  int contents_at;     /* where the table of contents goes, or -1 */

  char *header_left, *header_right, *footer_left;
  PangoLayout *frame[3]; /* the same on every page: header left and right, footer */

  /* Short texts met again (labels, badges, a table's recurring cells) are
   * laid out once: "style width alignment markup" → CwText, shared by the
   * pages that show them. Bounded: emptied when it holds SHARED_MAX. */
  GHashTable *shared;
  GHashTable *badge_widths; /* a badge's markup → its width in pixels, plus one */

  /* Keep with next: a heading (and a table's header row) placed and nothing
   * after it yet. If the next block starts a new page, the held block moves
   * there with it rather than standing alone at the foot of the page. */
  gboolean holding;     /* placing the held block itself */
  gboolean pending;     /* a held block waits for its next block */
  gboolean moved;       /* the last new page took the held block along */
  guint pending_op;     /* its first operation on the current page */
  guint pending_anchor; /* its first anchor */
  double pending_y;     /* where it starts */
  CwTable *pending_table; /* the table whose header row is part of it */
};

struct _CwTable
{
  CwTypeset *typeset;
  guint n_columns;
  double *x, *w;
  CwText **header;
  double header_height;
  guint n_rows;
  gboolean group_held; /* the last row is a group's, held with the next */
};

static CwText *
text_ref (CwText *text)
{
  text->refs++;
  return text;
}

static void
text_unref (CwText *text)
{
  if (text == NULL || --text->refs > 0)
    return;
  g_clear_object (&text->layout);
  g_free (text->top);
  g_free (text);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwText, text_unref)

/* A page holds its texts until it is freed: with pages drawn and freed as
 * they fill, a report's memory is bounded by a page, not by its length. */
static void
page_free (Page *page)
{
  for (guint i = 0; i < page->ops->len; i++)
    {
      Op *op = &g_array_index (page->ops, Op, i);
      if (op->kind == OP_TEXT)
        text_unref (op->text);
    }
  g_array_unref (page->ops);
  g_free (page);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Page, page_free)

static void
anchor_clear (Anchor *anchor)
{
  g_free (anchor->title);
}

char *
cw_markup_printf (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  char *markup = g_markup_vprintf_escaped (format, args);
  va_end (args);
  return markup;
}

static CwTypeset *
typeset_new (cairo_t *cr, double page_width, double page_height, Mode mode)
{
  g_return_val_if_fail (cr != NULL, NULL);

  CwTypeset *self = g_new0 (CwTypeset, 1);
  self->mode = mode;
  /* One context made from the very cairo_t we draw on: the metrics of a PDF
   * surface (no hinting) differ from an image surface's, and measuring on one
   * while drawing on the other clips or overlaps lines. */
  self->context = pango_cairo_create_context (cr);
  for (guint i = 0; i < CW_N_STYLES; i++)
    self->fonts[i] = pango_font_description_from_string (style_specs[i].font);
  self->page_width = page_width;
  self->page_height = page_height;
  self->left = MARGIN_SIDE;
  self->right = page_width - MARGIN_SIDE;
  self->top = MARGIN_TOP;
  self->bottom = page_height - MARGIN_BOTTOM;
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)page_free);
  self->anchors = g_array_new (FALSE, TRUE, sizeof (Anchor));
  g_array_set_clear_func (self->anchors, (GDestroyNotify)anchor_clear);
  self->contents = g_array_ref (self->anchors);
  self->needs_page = TRUE;
  self->contents_at = -1;
  self->shared
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)text_unref);
  self->badge_widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

/* Keeps every page, to be drawn in any order with cw_typeset_draw_page(). */
CwTypeset *
cw_typeset_new (cairo_t *cr, double page_width, double page_height)
{
  return typeset_new (cr, page_width, page_height, MODE_KEEP);
}

/* The first pass of an export: counts the pages and learns where each
 * heading lands, holding one page at a time. */
CwTypeset *
cw_typeset_new_counting (cairo_t *cr, double page_width, double page_height)
{
  return typeset_new (cr, page_width, page_height, MODE_COUNT);
}

/* The second pass: the same content poured again draws each page on `cr`
 * (and shows it) as soon as it is full, then frees it. `counted`, the first
 * pass after cw_typeset_finish(), gives the page count and the contents.
 * `done` (nullable) hears of each page drawn and may stop the drawing. */
CwTypeset *
cw_typeset_new_drawing (cairo_t *cr, double page_width, double page_height, CwTypeset *counted,
                        CwPageDone done, gpointer data)
{
  g_return_val_if_fail (counted != NULL && counted->mode == MODE_COUNT, NULL);
  CwTypeset *self = typeset_new (cr, page_width, page_height, MODE_DRAW);
  self->target = cairo_reference (cr);
  self->n_total = counted->n_total;
  g_array_unref (self->contents);
  self->contents = g_array_ref (counted->anchors);
  self->page_done = done;
  self->page_done_data = data;
  return self;
}

void
cw_typeset_free (CwTypeset *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->shared);
  g_hash_table_unref (self->badge_widths);
  g_ptr_array_unref (self->pages);
  g_array_unref (self->anchors);
  g_array_unref (self->contents);
  if (self->target != NULL)
    cairo_destroy (self->target);
  for (guint i = 0; i < CW_N_STYLES; i++)
    pango_font_description_free (self->fonts[i]);
  g_object_unref (self->context);
  g_free (self->header_left);
  g_free (self->header_right);
  g_free (self->footer_left);
  for (guint i = 0; i < G_N_ELEMENTS (self->frame); i++)
    g_clear_object (&self->frame[i]);
  g_free (self);
}

void
cw_typeset_set_running (CwTypeset *self, const char *header_left, const char *header_right,
                        const char *footer_left)
{
  g_free (self->header_left);
  g_free (self->header_right);
  g_free (self->footer_left);
  for (guint i = 0; i < G_N_ELEMENTS (self->frame); i++)
    g_clear_object (&self->frame[i]);
  self->header_left = g_strdup (header_left);
  self->header_right = g_strdup (header_right);
  self->footer_left = g_strdup (footer_left);
}

/* ---- Measuring --------------------------------------------------------- */

/* Identifiers and references ("CAR-2026-001", "ISO/IEC", "SMP-01/v2")
 * hold hyphens and slashes, after which Pango may break a line: keeps each
 * such token of reasonable length whole. Longer runs (URLs) may still break. */
#define TOKEN_MAX_BYTES 40

/* Ligatures off: a PDF reader's text of "ﬁ" is not always "fi", and the
 * structure text screen readers follow stopped at the first one. With
 * `protect`, tokens are kept whole too. */
static void
set_attributes (PangoLayout *layout, gboolean protect)
{
  const char *text = pango_layout_get_text (layout);
  PangoAttrList *old = pango_layout_get_attributes (layout);
  PangoAttrList *attrs = old ? pango_attr_list_copy (old) : pango_attr_list_new ();
  pango_attr_list_insert_before (attrs, pango_attr_font_features_new ("liga 0, clig 0"));
  const char *p = protect ? text : "";
  while (*p)
    {
      while (*p && g_ascii_isspace (*p))
        p++;
      const char *start = p;
      gboolean breakable = FALSE;
      while (*p && !g_ascii_isspace (*p))
        {
          breakable = breakable || *p == '-' || *p == '/' || *p == '\\';
          p++;
        }
      if (!breakable || p - start > TOKEN_MAX_BYTES)
        continue;
      PangoAttribute *keep = pango_attr_allow_breaks_new (FALSE);
      keep->start_index = start - text;
      keep->end_index = p - text;
      pango_attr_list_insert (attrs, keep);
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

/* Whether a word is wider than the layout's width. */
static gboolean
overflows (PangoLayout *layout)
{
  PangoRectangle logical;
  pango_layout_get_extents (layout, NULL, &logical);
  return logical.x + logical.width > pango_layout_get_width (layout);
}

/* Markup without tags or entities is its own text: giving it as text
 * spares parsing it, with the same result. */
static void
set_content (PangoLayout *layout, const char *markup)
{
  if (strpbrk (markup, "<&") == NULL)
    pango_layout_set_text (layout, markup, -1);
  else
    pango_layout_set_markup (layout, markup, -1);
}

static CwText *
text_lay_out (CwTypeset *self, CwStyle style, const char *markup, double width,
              PangoAlignment alignment)
{
  CwText *text = g_new0 (CwText, 1);
  text->refs = 1;
  text->style = style;
  text->width = width;
  text->layout = pango_layout_new (self->context);
  pango_layout_set_font_description (text->layout, self->fonts[style]);
  pango_layout_set_width (text->layout, (int)(width * PANGO_SCALE));
  /* Lines break between words only, so that identifiers and references
   * ("CAR-2026-001", "8.5.1.3.q2") stay whole. */
  pango_layout_set_wrap (text->layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (text->layout, alignment);
  if (style_specs[style].line_spacing > 0)
    pango_layout_set_line_spacing (text->layout, style_specs[style].line_spacing);
  set_content (text->layout, markup);
  set_attributes (text->layout, TRUE);
  if (overflows (text->layout))
    {
      /* A word wider than its column: in a table, a smaller type keeps it
       * whole; only a word wider than that (a long URL) breaks, rather than
       * run into the next column or the margin: nothing may be clipped. */
      if (style == CW_STYLE_TABLE || style == CW_STYLE_TABLE_HEAD)
        {
          int size = pango_font_description_get_size (self->fonts[style]);
          for (int step = 1; step <= 3 && overflows (text->layout); step++)
            {
              g_autoptr (PangoFontDescription) smaller
                  = pango_font_description_copy (self->fonts[style]);
              pango_font_description_set_size (smaller, size * (10 - step) / 10);
              pango_layout_set_font_description (text->layout, smaller);
            }
        }
      if (overflows (text->layout))
        {
          set_content (text->layout, markup);
          set_attributes (text->layout, FALSE);
          pango_layout_set_wrap (text->layout, PANGO_WRAP_WORD_CHAR);
        }
    }

  text->n_lines = pango_layout_get_line_count (text->layout);
  text->top = g_new (double, 3 * text->n_lines);
  text->height = text->top + text->n_lines;
  text->baseline = text->height + text->n_lines;
  PangoLayoutIter *iter = pango_layout_get_iter (text->layout);
  int i = 0;
  do
    {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      text->top[i] = (double)logical.y / PANGO_SCALE;
      text->height[i] = (double)logical.height / PANGO_SCALE;
      text->baseline[i] = (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      i++;
    }
  while (i < text->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  /* Counting needs the geometry only: the glyphs go at once. */
  if (self->mode == MODE_COUNT)
    g_clear_object (&text->layout);
  return text;
}

/* Only texts this short are shared: the ones that recur are. */
#define SHARED_MARKUP_MAX 64
#define SHARED_MAX 64

/* A measured text, new or shared: the caller owns a reference. */
static CwText *
text_new (CwTypeset *self, CwStyle style, const char *markup, double width,
          PangoAlignment alignment)
{
  /* A stopped export still pours the rest of its content, as empty text
   * that costs nothing to lay out. */
  if (self->stopped)
    markup = "";
  if (strlen (markup) > SHARED_MARKUP_MAX)
    return text_lay_out (self, style, markup, width, alignment);
  g_autofree char *key = g_strdup_printf ("%d %a %d %s", style, width, alignment, markup);
  CwText *text = g_hash_table_lookup (self->shared, key);
  if (text != NULL)
    return text_ref (text);
  if (g_hash_table_size (self->shared) >= SHARED_MAX)
    g_hash_table_remove_all (self->shared);
  text = text_lay_out (self, style, markup, width, alignment);
  g_hash_table_insert (self->shared, g_steal_pointer (&key), text_ref (text));
  return text;
}

static double
lines_height (const CwText *text, int first, int count)
{
  if (count <= 0)
    return 0;
  int last = first + count - 1;
  return text->top[last] + text->height[last] - text->top[first];
}

static double
text_height (const CwText *text)
{
  return lines_height (text, 0, text->n_lines);
}

/* How many lines from `first` fit into `room` points. */
static int
lines_fitting (const CwText *text, int first, double room)
{
  int count = 0;
  while (first + count < text->n_lines && lines_height (text, first, count + 1) <= room + 0.01)
    count++;
  return count;
}

/* ---- Pages and operations ---------------------------------------------- */

static Page *
current_page (CwTypeset *self)
{
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

/* The pages made so far, the current one included. */
static guint
n_made (CwTypeset *self)
{
  return self->n_gone + self->pages->len;
}

static void release_page (CwTypeset *self, gboolean last);
static void lay_out_contents (CwTypeset *self);

static void
move_held_block (CwTypeset *self, Page *old, Page *page)
{
  double dy = self->top - self->pending_y;
  for (guint i = self->pending_op; i < old->ops->len; i++)
    {
      Op op = g_array_index (old->ops, Op, i);
      op.y += dy;
      g_array_append_val (page->ops, op);
    }
  /* The texts' references went along with the operations. */
  g_array_set_size (old->ops, self->pending_op);
  for (guint i = self->pending_anchor; i < self->anchors->len; i++)
    {
      Anchor *anchor = &g_array_index (self->anchors, Anchor, i);
      anchor->page = n_made (self) - 1;
      anchor->y += dy;
    }
  self->y += dy;
  self->fresh = FALSE;
  self->moved = TRUE;
  self->pending_op = 0;
  self->pending_y = self->top;
}

static void
new_page (CwTypeset *self)
{
  Page *old = self->pages->len > 0 ? current_page (self) : NULL;
  /* Held blocks move along, unless they already start the page (then
   * moving gains nothing and would never end). */
  gboolean move = self->pending && old != NULL && self->pending_y > self->top + 0.5
                  && self->pending_op <= old->ops->len;
  Page *page = g_new0 (Page, 1);
  page->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  g_ptr_array_add (self->pages, page);
  self->fresh = TRUE;
  self->needs_page = FALSE;
  self->moved = FALSE;
  if (move)
    move_held_block (self, old, page);
  else
    {
      self->y = self->top;
      self->pending = FALSE;
      self->pending_table = NULL;
    }
  /* Nothing more can land on the old page. */
  if (old != NULL && self->mode != MODE_KEEP)
    release_page (self, FALSE);
}

static void
start_content (CwTypeset *self)
{
  if (self->needs_page || self->pages->len == 0)
    new_page (self);
}

static double
room (CwTypeset *self)
{
  return self->bottom - self->y;
}

/* The block placed next to a held one keeps it where it is. */
static void
hold_begin (CwTypeset *self)
{
  start_content (self);
  if (!self->pending)
    {
      self->pending_op = current_page (self)->ops->len;
      self->pending_anchor = self->anchors->len;
      self->pending_y = self->y;
    }
  self->holding = TRUE;
}

static void
hold_end (CwTypeset *self)
{
  self->holding = FALSE;
  self->pending = TRUE;
}

static Op *
add_op (CwTypeset *self, OpKind kind, double x, double y, double w, double h, const CwRgb *colour)
{
  if (!self->holding)
    {
      self->pending = FALSE;
      self->pending_table = NULL;
    }
  Op op = { .kind = kind, .x = x, .y = y, .w = w, .h = h, .colour = colour };
  GArray *ops = current_page (self)->ops;
  g_array_append_val (ops, op);
  return &g_array_index (ops, Op, ops->len - 1);
}

static void
add_lines (CwTypeset *self, CwText *text, int first, int count, double x, double y,
           const CwRgb *colour)
{
  Op *op = add_op (self, OP_TEXT, x, y, text->width, lines_height (text, first, count),
                   colour ? colour : style_specs[text->style].colour);
  op->text = text_ref (text);
  op->grouped = self->grouping > 0;
  op->first = first;
  op->count = count;
}

/* A mark in the structure of the tagged PDF. It places nothing, so a block
 * held with its next one stays held. */
static void
add_tag (CwTypeset *self, OpKind kind, const char *tag)
{
  Op op = { .kind = kind, .x = self->left, .y = self->y, .tag = tag };
  g_array_append_val (current_page (self)->ops, op);
}

/* A block tagged as one structure element, whatever styles its texts. */
static void
group_begin (CwTypeset *self, const char *tag)
{
  start_content (self);
  add_tag (self, OP_TAG_BEGIN, tag);
  self->grouping++;
}

static void
group_end (CwTypeset *self, const char *tag)
{
  self->grouping--;
  add_tag (self, OP_TAG_END, tag);
}

/* Breaks a page before content needing `points`, unless the page is still
 * empty (then nothing would be gained). */
void
cw_typeset_keep (CwTypeset *self, double points)
{
  start_content (self);
  if (!self->fresh && room (self) < points)
    new_page (self);
}

void
cw_typeset_space (CwTypeset *self, double points)
{
  start_content (self);
  if (!self->fresh)
    self->y = MIN (self->y + points, self->bottom);
}

void
cw_typeset_page_break (CwTypeset *self)
{
  self->needs_page = TRUE;
}

/* Pours text onto the pages line by line: lines stay whole, none is lost,
 * and a paragraph leaves neither a single first line at the foot of a page
 * nor a single last line at the head of the next. */
static void
flow_text (CwTypeset *self, CwText *text, double x, const CwRgb *colour, const CwRgb *bar)
{
  start_content (self);
  int first = 0;
  while (first < text->n_lines)
    {
      int count = lines_fitting (text, first, room (self));
      int rest = text->n_lines - first - count;
      if (count > 0 && rest > 0 && !self->fresh)
        {
          if (first == 0 && count == 1)
            count = 0;
          else if (rest == 1 && count >= 3)
            count--;
        }
      if (count == 0)
        {
          if (!self->fresh)
            {
              new_page (self);
              continue;
            }
          count = 1; /* a line taller than a page: place it rather than loop */
        }
      double height = lines_height (text, first, count);
      add_lines (self, text, first, count, x, self->y, colour);
      if (bar != NULL)
        add_op (self, OP_FILL, self->left, self->y - 1, 2.4, height + 2, bar);
      self->y += height;
      self->fresh = FALSE;
      first += count;
      if (first < text->n_lines)
        new_page (self);
    }
}

/* ---- Content ------------------------------------------------------------ */

void
cw_typeset_text (CwTypeset *self, CwStyle style, const char *text)
{
  g_autofree char *markup = g_markup_escape_text (text ? text : "", -1);
  g_autoptr (CwText) flowing = text_new (self, style, markup, self->right - self->left, PANGO_ALIGN_LEFT);
  flow_text (self, flowing, self->left, NULL, NULL);
  cw_typeset_space (self, style_specs[style].space_after);
}

/* A small grey capitalised label over its text, as in certification bodies'
 * forms; `bar` marks the left edge with the finding's grade colour. */
void
cw_typeset_labelled (CwTypeset *self, const char *label, const char *text, const CwRgb *bar)
{
  double x = bar ? self->left + BAR_GAP : self->left;
  double width = self->right - x;
  g_autofree char *upper = g_utf8_strup (label, -1);
  /* The trailing space keeps label and text apart for a reader of the
   * PDF's text, which joins the two. */
  g_autofree char *label_markup
      = cw_markup_printf ("<span letter_spacing=\"250\">%s</span> ", upper);
  g_autoptr (CwText) head = text_new (self, CW_STYLE_LABEL, label_markup, width, PANGO_ALIGN_LEFT);
  const char *value = (text && *text) ? text : _ ("(not recorded)");
  g_autofree char *body_markup = g_markup_escape_text (value, -1);
  g_autoptr (CwText) body = text_new (self, CW_STYLE_BODY, body_markup, width, PANGO_ALIGN_LEFT);

  /* The label goes with at least the first two lines of its text. */
  cw_typeset_keep (self, text_height (head) + lines_height (body, 0, MIN (2, body->n_lines)) + 2);
  /* One paragraph for label and text: the structure tree costs memory per
   * element until the file is finished, and a reader hears them together. */
  group_begin (self, "P");
  flow_text (self, head, x, NULL, bar);
  self->y += style_specs[CW_STYLE_LABEL].space_after;
  flow_text (self, body, x, NULL, bar);
  group_end (self, "P");
  cw_typeset_space (self, 7);
}

void
cw_typeset_badge_line (CwTypeset *self, const char *badge, const CwRgb *colour, const char *markup,
                       const CwRgb *bar)
{
  double x = bar ? self->left + BAR_GAP : self->left;
  g_autofree char *upper = g_utf8_strup (badge, -1);
  g_autofree char *badge_markup
      = cw_markup_printf ("<span letter_spacing=\"250\">%s</span>", upper);
  /* The badge is as wide as its word; the space drawn after it keeps it
   * apart from the line for a reader of the PDF's text. */
  g_autofree char *spaced = g_strconcat (badge_markup, " ", NULL);
  /* There are a few badges, each on many findings: each word is measured
   * once. */
  int word_width = GPOINTER_TO_INT (g_hash_table_lookup (self->badge_widths, badge_markup)) - 1;
  if (word_width < 0)
    {
      g_autoptr (PangoLayout) word = pango_layout_new (self->context);
      pango_layout_set_font_description (word, self->fonts[CW_STYLE_BADGE]);
      pango_layout_set_markup (word, badge_markup, -1);
      PangoRectangle logical;
      pango_layout_get_pixel_extents (word, NULL, &logical);
      word_width = logical.width;
      if (g_hash_table_size (self->badge_widths) >= SHARED_MAX)
        g_hash_table_remove_all (self->badge_widths);
      g_hash_table_insert (self->badge_widths, g_strdup (badge_markup),
                           GINT_TO_POINTER (word_width + 1));
    }
  g_autoptr (CwText) pill = text_new (self, CW_STYLE_BADGE, spaced, 400, PANGO_ALIGN_LEFT);
  double pill_w = word_width + 10, pill_h = text_height (pill) + 4;
  g_autoptr (CwText) line
      = text_new (self, CW_STYLE_H3, markup, self->right - x - pill_w - 8, PANGO_ALIGN_LEFT);
  double first_h = lines_height (line, 0, 1);

  cw_typeset_keep (self, MAX (pill_h, text_height (line)) + KEEP_AFTER_HEADING);
  if (!self->fresh)
    self->y += 8;
  hold_begin (self);
  group_begin (self, "H3"); /* the badge and its line make one heading */
  double pill_y = self->y + (first_h - pill_h) / 2;
  add_op (self, OP_PILL, x, pill_y, pill_w, pill_h, colour);
  /* Dark text on the light grade colours keeps the badge legible. */
  double luminance = 0.2126 * colour->r + 0.7152 * colour->g + 0.0722 * colour->b;
  add_lines (self, pill, 0, 1, x + 5, pill_y + 2, luminance > 0.55 ? &ink : NULL);
  if (bar != NULL)
    add_op (self, OP_FILL, self->left, self->y - 1, 2.4, MAX (pill_h, first_h) + 2, bar);
  flow_text (self, line, x + pill_w + 8, NULL, NULL);
  group_end (self, "H3");
  self->y = MAX (self->y, pill_y + pill_h);
  self->y += 6;
  hold_end (self);
}

void
cw_typeset_heading (CwTypeset *self, guint level, const char *title, gboolean in_contents)
{
  g_return_if_fail (level >= 1 && level <= 3);
  static const double before[] = { 0, 20, 14, 10 };
  CwStyle style = level == 1 ? CW_STYLE_H1 : level == 2 ? CW_STYLE_H2 : CW_STYLE_H3;
  g_autofree char *markup = g_markup_escape_text (title, -1);
  g_autoptr (CwText) text = text_new (self, style, markup, self->right - self->left, PANGO_ALIGN_LEFT);

  cw_typeset_keep (self, before[level] + text_height (text) + KEEP_AFTER_HEADING);
  if (!self->fresh)
    self->y += before[level];
  hold_begin (self);
  Anchor anchor = { g_strdup (title), level, n_made (self) - 1, self->y, in_contents };
  g_array_append_val (self->anchors, anchor);
  flow_text (self, text, self->left, NULL, NULL);
  if (level == 1)
    {
      self->y += 3;
      add_op (self, OP_RULE, self->left, self->y, self->right - self->left, 1.2, &navy);
      self->y += 2;
    }
  self->y += style_specs[style].space_after;
  hold_end (self);
}

void
cw_typeset_box (CwTypeset *self, const char *label, double height)
{
  g_autofree char *upper = g_utf8_strup (label, -1);
  g_autofree char *markup = cw_markup_printf ("<span letter_spacing=\"250\">%s</span>", upper);
  g_autoptr (CwText) head
      = text_new (self, CW_STYLE_LABEL, markup, self->right - self->left, PANGO_ALIGN_LEFT);
  cw_typeset_keep (self, text_height (head) + 3 + height);
  flow_text (self, head, self->left, NULL, NULL);
  self->y += 3;
  height = MIN (height, room (self));
  add_op (self, OP_FRAME, self->left, self->y, self->right - self->left, height, &rule_grey);
  self->y += height;
  cw_typeset_space (self, 8);
}

void
cw_typeset_drawing (CwTypeset *self, double height, CwDrawFunc func, gpointer data)
{
  cw_typeset_keep (self, height);
  height = MIN (height, room (self));
  Op *op = add_op (self, OP_DRAW, self->left, self->y, self->right - self->left, height, NULL);
  op->func = func;
  op->data = data;
  self->y += height;
  self->fresh = FALSE;
  cw_typeset_space (self, 8);
}

/* The cover: a dark band with the title, then the facts that identify the
 * report, laid out as a form. */
void
cw_typeset_cover (CwTypeset *self, const char *kicker, const char *title, const char *subtitle,
                  const char *const *fields, const char *note)
{
  self->pending = FALSE;
  new_page (self);
  current_page (self)->plain = TRUE;
  double width = self->right - self->left;
  double band = self->page_height * 0.40;

  g_autofree char *upper = g_utf8_strup (kicker, -1);
  g_autofree char *kicker_markup
      = cw_markup_printf ("<span letter_spacing=\"400\">%s</span>", upper);
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *subtitle_markup = g_markup_escape_text (subtitle ? subtitle : "", -1);
  g_autoptr (CwText) k = text_new (self, CW_STYLE_COVER_KICKER, kicker_markup, width, PANGO_ALIGN_LEFT);
  g_autoptr (CwText) s = text_new (self, CW_STYLE_COVER_SUBTITLE, subtitle_markup, width, PANGO_ALIGN_LEFT);
  /* A long title wraps; a very long one is set smaller so that the band
   * still holds it and the organisation under it. */
  g_autoptr (CwText) t = NULL;
  double block = 0;
  static const int title_points[] = { 24, 20, 16, 13 };
  for (guint i = 0; i < G_N_ELEMENTS (title_points); i++)
    {
      g_autofree char *sized = g_strdup_printf ("<span size=\"%d\">%s</span>",
                                                title_points[i] * PANGO_SCALE, title_markup);
      g_clear_pointer (&t, text_unref);
      t = text_new (self, CW_STYLE_COVER_TITLE, sized, width, PANGO_ALIGN_LEFT);
      block = text_height (k) + 14 + text_height (t) + 12 + text_height (s);
      if (60 + block + 48 <= self->page_height * 0.5)
        break;
    }
  /* Title block anchored to the foot of the band, which grows with it. */
  band = MAX (band, 60 + block + 48);
  add_op (self, OP_FILL, 0, 0, self->page_width, band, &navy);
  add_op (self, OP_FILL, 0, band, self->page_width, 5, &gold);
  double y = band - 48 - block;
  add_lines (self, k, 0, k->n_lines, self->left, y, &pale_gold);
  y += text_height (k) + 14;
  add_lines (self, t, 0, t->n_lines, self->left, y, NULL);
  y += text_height (t) + 12;
  add_lines (self, s, 0, s->n_lines, self->left, y, &pale_blue);

  y = band + 36;
  double label_w = 150;
  for (guint i = 0; fields != NULL && fields[i] != NULL && fields[i + 1] != NULL; i += 2)
    {
      g_autofree char *lu = g_utf8_strup (fields[i], -1);
      g_autofree char *lm = cw_markup_printf ("<span letter_spacing=\"250\">%s</span>", lu);
      g_autofree char *vm = g_markup_escape_text (fields[i + 1], -1);
      g_autoptr (CwText) l = text_new (self, CW_STYLE_LABEL, lm, label_w - 10, PANGO_ALIGN_LEFT);
      g_autoptr (CwText) v = text_new (self, CW_STYLE_COVER_FIELD, vm, width - label_w, PANGO_ALIGN_LEFT);
      double h = MAX (text_height (l), text_height (v));
      if (y + h > self->page_height - 110)
        break; /* the cover holds what fits; the report body repeats it all */
      add_lines (self, l, 0, l->n_lines, self->left, y + 2, NULL);
      add_lines (self, v, 0, v->n_lines, self->left + label_w, y, NULL);
      y += h + 7;
      add_op (self, OP_RULE, self->left, y - 3.5, width, 0.4, &rule_grey);
    }
  if (note != NULL)
    {
      g_autofree char *nm = g_markup_escape_text (note, -1);
      g_autoptr (CwText) n = text_new (self, CW_STYLE_SMALL, nm, width, PANGO_ALIGN_LEFT);
      add_lines (self, n, 0, n->n_lines, self->left, self->page_height - 60 - text_height (n),
                 NULL);
    }
  self->needs_page = TRUE;
}

void
cw_typeset_contents_here (CwTypeset *self)
{
  if (self->mode == MODE_DRAW)
    lay_out_contents (self);
  else
    {
      self->contents_at = n_made (self);
      self->needs_page = TRUE;
    }
}

/* ---- Tables ------------------------------------------------------------- */

static void table_header (CwTable *table);

CwTable *
cw_typeset_table_begin (CwTypeset *self, guint n_columns, const double *fractions,
                        const char *const *header)
{
  CwTable *table = g_new0 (CwTable, 1);
  table->typeset = self;
  table->n_columns = n_columns;
  table->x = g_new (double, n_columns);
  table->w = g_new (double, n_columns);
  double x = self->left, width = self->right - self->left;
  for (guint i = 0; i < n_columns; i++)
    {
      table->x[i] = x;
      table->w[i] = width * fractions[i];
      x += table->w[i];
    }
  if (header != NULL)
    {
      table->header = g_new0 (CwText *, n_columns);
      for (guint i = 0; i < n_columns; i++)
        {
          g_autofree char *upper = g_utf8_strup (header[i], -1);
          g_autofree char *markup = cw_markup_printf ("%s", upper);
          table->header[i] = text_new (self, CW_STYLE_TABLE_HEAD, markup,
                                       table->w[i] - 2 * CELL_PAD_X, PANGO_ALIGN_LEFT);
          table->header_height
              = MAX (table->header_height, text_height (table->header[i]) + 2 * CELL_PAD_Y + 1);
        }
    }
  /* The header is never left alone at the foot of a page: it is held
   * with the first row, and with the heading before it. */
  cw_typeset_keep (self, table->header_height + 28);
  if (table->header != NULL)
    {
      hold_begin (self);
      add_tag (self, OP_TAG_BEGIN, "Table");
      table_header (table);
      hold_end (self);
      self->pending_table = table;
    }
  else
    add_tag (self, OP_TAG_BEGIN, "Table");
  return table;
}

static void
table_header (CwTable *table)
{
  CwTypeset *self = table->typeset;
  if (table->header == NULL)
    return;
  add_op (self, OP_FILL, self->left, self->y, self->right - self->left, table->header_height,
          &navy);
  add_tag (self, OP_TAG_BEGIN, "TR");
  for (guint i = 0; i < table->n_columns; i++)
    {
      add_tag (self, OP_TAG_BEGIN, "TH");
      add_lines (self, table->header[i], 0, table->header[i]->n_lines, table->x[i] + CELL_PAD_X,
                 self->y + CELL_PAD_Y + 0.5, NULL);
      add_tag (self, OP_TAG_END, "TH");
    }
  add_tag (self, OP_TAG_END, "TR");
  self->y += table->header_height;
  self->fresh = FALSE;
}

static void
table_new_page (CwTable *table)
{
  CwTypeset *self = table->typeset;
  gboolean with_header = self->pending && self->pending_table == table;
  gboolean with_group = self->pending && table->group_held && !with_header;
  new_page (self);
  /* A header row that moved along with its first row is there already. */
  if (self->moved && with_header)
    return;
  if (self->moved && with_group)
    {
      /* A group's row moved along with its first row: the header goes
       * above it, first on the page and first in reading order. */
      GArray *ops = current_page (self)->ops;
      guint n_moved = ops->len;
      for (guint i = 0; i < n_moved; i++)
        g_array_index (ops, Op, i).y += table->header_height;
      double y = self->y + table->header_height;
      self->y = self->top;
      table_header (table);
      self->y = y;
      for (guint i = 0; i < n_moved; i++)
        {
          Op op = g_array_index (ops, Op, 0);
          g_array_remove_index (ops, 0);
          g_array_append_val (ops, op);
        }
      return;
    }
  table_header (table);
}

/* Places `count` lines of each cell from its cursor, as one row of the
 * tagged table. The first piece of a row tags every cell, empty ones too, so
 * that columns stay in step; a continuation only the cells that go on. */
/* Whether an operation belongs to the row piece that starts at `top`. */
static gboolean
placed_in_row (const Op *op, double top)
{
  return (op->kind == OP_TEXT || op->kind == OP_TAG_BEGIN || op->kind == OP_TAG_END)
         && op->y >= top;
}

static void
row_piece (CwTable *table, CwText **texts, int *cursor, const int *count, const double *inset,
           gboolean first_piece)
{
  CwTypeset *self = table->typeset;
  add_tag (self, OP_TAG_BEGIN, "TR");
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (count[i] == 0 && !first_piece)
        continue;
      add_tag (self, OP_TAG_BEGIN, "TD");
      if (count[i] > 0)
        add_lines (self, texts[i], cursor[i], count[i], table->x[i] + CELL_PAD_X + inset[i],
                   self->y + CELL_PAD_Y, NULL);
      add_tag (self, OP_TAG_END, "TD");
      cursor[i] += count[i];
    }
  add_tag (self, OP_TAG_END, "TR");
}

void
cw_table_row (CwTable *table, const char *const *cells, CwRowFlags flags, int chip_column,
              const CwRgb *chip)
{
  CwTypeset *self = table->typeset;
  guint n = table->n_columns;
  g_autofree CwText **texts = g_new0 (CwText *, n);
  g_autofree int *cursor = g_new0 (int, n);
  g_autofree int *count = g_new0 (int, n);
  g_autofree double *inset = g_new0 (double, n);
  double natural = 0;
  for (guint i = 0; i < n; i++)
    {
      inset[i] = (int)i == chip_column && chip != NULL ? CHIP_ROOM : 0;
      g_autofree char *bold
          = (flags & CW_ROW_GROUP) ? g_strdup_printf ("<b>%s</b>", cells[i]) : NULL;
      texts[i] = text_new (self, CW_STYLE_TABLE, bold ? bold : cells[i],
                           table->w[i] - 2 * CELL_PAD_X - inset[i], PANGO_ALIGN_LEFT);
      natural = MAX (natural, text_height (texts[i]));
    }
  double min_height = (flags & CW_ROW_TALL) ? TALL_ROW : 0;
  const CwRgb *shade = (flags & CW_ROW_GROUP)     ? &group_shade
                       : (table->n_rows % 2 == 1) ? &zebra
                                                  : NULL;
  table->n_rows++;

  if (self->needs_page || self->pages->len == 0)
    table_new_page (table);
  /* A group's row is never left alone at the foot of a page. */
  gboolean group = (flags & CW_ROW_GROUP) != 0;
  if (group)
    {
      hold_begin (self);
      table->group_held = TRUE;
    }
  gboolean first_piece = TRUE;
  for (;;)
    {
      double rest = 0;
      for (guint i = 0; i < n; i++)
        rest = MAX (rest, lines_height (texts[i], cursor[i], texts[i]->n_lines - cursor[i]));
      double need = MAX (rest + 2 * CELL_PAD_Y, min_height);
      double page_room = self->bottom - self->top - table->header_height;
      gboolean at_top = self->y <= self->top + table->header_height + 0.01
                        || (self->pending && self->pending_y <= self->top + 0.01);
      double piece;
      gboolean done;
      if (need <= room (self))
        {
          for (guint i = 0; i < n; i++)
            count[i] = texts[i]->n_lines - cursor[i];
          row_piece (table, texts, cursor, count, inset, first_piece);
          piece = need;
          done = TRUE;
        }
      else if (!at_top && (need <= page_room || room (self) < 3 * CELL_PAD_Y + 12))
        {
          /* Break between rows, the header follows onto the next page. */
          table_new_page (table);
          continue;
        }
      else
        {
          /* One row taller than a page: its cells continue on the next, line
           * by line, so nothing is cut. */
          double space = room (self) - 2 * CELL_PAD_Y;
          piece = 0;
          for (guint i = 0; i < n; i++)
            {
              count[i] = lines_fitting (texts[i], cursor[i], space);
              if (count[i] == 0 && at_top && cursor[i] < texts[i]->n_lines)
                count[i] = 1;
              piece = MAX (piece, lines_height (texts[i], cursor[i], count[i]));
            }
          row_piece (table, texts, cursor, count, inset, first_piece);
          piece += 2 * CELL_PAD_Y;
          done = TRUE;
          for (guint i = 0; i < n; i++)
            done = done && cursor[i] >= texts[i]->n_lines;
        }
      /* Shading goes under the text: insert it before this piece's texts. */
      if (shade != NULL)
        {
          GArray *ops = current_page (self)->ops;
          Op fill = { .kind = OP_FILL,
                      .x = self->left,
                      .y = self->y,
                      .w = self->right - self->left,
                      .h = piece,
                      .colour = shade };
          guint at = ops->len;
          while (at > 0 && placed_in_row (&g_array_index (ops, Op, at - 1), self->y))
            at--;
          g_array_insert_val (ops, at, fill);
        }
      if (first_piece && chip != NULL && chip_column >= 0)
        add_op (self, OP_FILL, table->x[chip_column] + CELL_PAD_X,
                self->y + CELL_PAD_Y + (texts[chip_column]->baseline[0] - CHIP_SIZE) + 0.5,
                CHIP_SIZE, CHIP_SIZE, chip);
      self->y += piece;
      add_op (self, OP_RULE, self->left, self->y - 0.2, self->right - self->left, 0.4, &rule_grey);
      self->fresh = FALSE;
      first_piece = FALSE;
      if (done)
        break;
      table_new_page (table);
    }
  if (group)
    hold_end (self);
  else
    table->group_held = FALSE;
  for (guint i = 0; i < n; i++)
    text_unref (texts[i]);
}

void
cw_table_end (CwTable *table)
{
  CwTypeset *self = table->typeset;
  if (self->pending_table == table)
    self->pending_table = NULL;
  if (self->pages->len > 0)
    add_tag (self, OP_TAG_END, "Table");
  for (guint i = 0; table->header != NULL && i < table->n_columns; i++)
    text_unref (table->header[i]);
  g_free (table->header);
  g_free (table->x);
  g_free (table->w);
  g_free (table);
  cw_typeset_space (self, 10);
}

/* A sign-off table: a tall row for each signatory, with Signature and Date
 * left blank to be signed by hand. A NULL name is left blank too. The
 * statement being signed (nullable) goes with the table: both start a new
 * page together if they do not fit, with the heading above them. */
void
cw_typeset_sign_off (CwTypeset *self, const char *statement, const char *role_header,
                     const char *const *roles, const char *const *names, guint n)
{
  static const double widths[] = { 0.28, 0.28, 0.28, 0.16 };
  const char *header[] = { role_header, _ ("Name"), _ ("Signature"), _ ("Date") };
  double need = 24 + n * (TALL_ROW + 6);
  g_autoptr (CwText) text = NULL;
  if (statement != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (statement, -1);
      text = text_new (self, CW_STYLE_BODY, markup, self->right - self->left, PANGO_ALIGN_LEFT);
      need += text_height (text) + style_specs[CW_STYLE_BODY].space_after;
    }
  cw_typeset_keep (self, need);
  if (text != NULL)
    {
      flow_text (self, text, self->left, NULL, NULL);
      cw_typeset_space (self, style_specs[CW_STYLE_BODY].space_after);
    }
  CwTable *table = cw_typeset_table_begin (self, 4, widths, header);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *role = cw_markup_printf ("%s", roles[i]);
      g_autofree char *name = cw_markup_printf ("%s", names[i] ? names[i] : "");
      const char *cells[] = { role, name, "", "" };
      cw_table_row (table, cells, CW_ROW_TALL, -1, NULL);
    }
  cw_table_end (table);
}

/* ---- Table of contents -------------------------------------------------- */

/* Lays the contents out on pages of their own, from `self->contents`.
 * Entries show their page numbers right-aligned in a column of their own,
 * so the number of contents pages does not depend on the numbers, which
 * are drawn from the anchors at draw time. */
static void
lay_out_contents (CwTypeset *self)
{
  self->pending = FALSE;
  new_page (self);
  g_autofree char *title = g_markup_escape_text (_ ("Contents"), -1);
  g_autoptr (CwText) head
      = text_new (self, CW_STYLE_H1, title, self->right - self->left, PANGO_ALIGN_LEFT);
  flow_text (self, head, self->left, NULL, NULL);
  self->y += 3;
  add_op (self, OP_RULE, self->left, self->y, self->right - self->left, 1.2, &navy);
  self->y += 14;

  for (guint i = 0; i < self->contents->len; i++)
    {
      Anchor *anchor = &g_array_index (self->contents, Anchor, i);
      if (!anchor->in_contents)
        continue;
      CwStyle style = anchor->level == 1 ? CW_STYLE_TOC_SECTION : CW_STYLE_TOC;
      double indent = (anchor->level - 1) * 16;
      g_autofree char *markup = g_markup_escape_text (anchor->title, -1);
      g_autoptr (CwText) entry = text_new (self, style, markup,
                                           self->right - self->left - indent - 44, PANGO_ALIGN_LEFT);
      if (anchor->level == 1 && !self->fresh)
        self->y += 7;
      if (room (self) < text_height (entry))
        new_page (self);
      double y = self->y;
      flow_text (self, entry, self->left + indent, NULL, NULL);
      Op *op = add_op (self, OP_CONTENTS_NUMBER, self->right,
                       y + entry->baseline[0] - entry->top[0], 0, 0, style_specs[style].colour);
      op->anchor = i;
      op->first = style;
      self->y += style_specs[style].space_after;
    }
  self->needs_page = TRUE;
}

/* Ends the pouring. The contents, asked for by cw_typeset_contents_here(),
 * go where they were asked for once the pages of every heading are known:
 * kept pages are spliced, counted ones counted; the drawing pass has laid
 * them out in place already, from the counting pass's headings. */
void
cw_typeset_finish (CwTypeset *self)
{
  if (self->contents_at >= 0 && self->mode != MODE_DRAW)
    {
      guint before = n_made (self);
      GPtrArray *body = NULL;
      if (self->mode == MODE_KEEP)
        {
          body = self->pages;
          self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)page_free);
        }
      lay_out_contents (self);
      guint n_contents = body != NULL ? self->pages->len : n_made (self) - before;
      if (body != NULL)
        {
          for (guint i = 0; i < n_contents; i++)
            g_ptr_array_insert (body, self->contents_at + i,
                                g_ptr_array_steal_index (self->pages, 0));
          g_ptr_array_unref (self->pages);
          self->pages = body;
        }
      for (guint i = 0; i < self->anchors->len; i++)
        {
          Anchor *anchor = &g_array_index (self->anchors, Anchor, i);
          if (anchor->page >= (guint)self->contents_at)
            anchor->page += n_contents;
        }
    }
  self->contents_at = -1;
  /* Nothing more is poured: the shared texts need not wait. */
  g_hash_table_remove_all (self->shared);
  if (self->mode == MODE_KEEP)
    {
      self->n_total = self->pages->len;
      return;
    }
  guint made = n_made (self);
  if (self->mode == MODE_DRAW && !self->stopped && made != self->n_total)
    g_warning ("The report has %u pages where its first pass counted %u", made, self->n_total);
  while (self->pages->len > 0)
    release_page (self, self->pages->len == 1);
  self->n_total = made;
}

guint
cw_typeset_get_n_pages (CwTypeset *self)
{
  return self->n_total;
}

/* ---- Drawing ------------------------------------------------------------ */

static void
set_colour (cairo_t *cr, const CwRgb *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

static void
draw_lines (cairo_t *cr, const CwText *text, int first, int count, double x, double y)
{
  GSList *lines = pango_layout_get_lines_readonly (text->layout);
  int i = 0;
  for (GSList *l = lines; l != NULL && i < first + count; l = l->next, i++)
    {
      if (i < first)
        continue;
      PangoRectangle logical;
      pango_layout_line_get_extents (l->data, NULL, &logical);
      /* Line extents are relative to the line's origin; alignment offsets
       * come from the layout, as PangoLayoutIter reports them. */
      double dx = 0;
      if (pango_layout_get_alignment (text->layout) != PANGO_ALIGN_LEFT)
        dx = text->width - (double)logical.width / PANGO_SCALE;
      if (pango_layout_get_alignment (text->layout) == PANGO_ALIGN_CENTER)
        dx /= 2;
      cairo_move_to (cr, x + dx, y + text->baseline[i] - text->top[first]);
      pango_cairo_show_layout_line (cr, l->data);
    }
}

/* A one-line text drawn in the margins or beside a contents entry, on the
 * measuring context so that it matches the rest of the page. */
static PangoLayout *
running_new (CwTypeset *self, CwStyle style, const char *text, gboolean right_aligned)
{
  PangoLayout *layout = pango_layout_new (self->context);
  pango_layout_set_font_description (layout, self->fonts[style]);
  pango_layout_set_text (layout, text ? text : "", -1);
  if (!right_aligned)
    pango_layout_set_width (layout, (int)((self->right - self->left) * 0.6 * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static void
running_draw (cairo_t *cr, PangoLayout *layout, double x, double baseline, gboolean right_aligned,
              const CwRgb *colour)
{
  PangoRectangle logical;
  pango_layout_get_extents (layout, NULL, &logical);
  double width = (double)logical.width / PANGO_SCALE;
  double ascent = (double)pango_layout_get_baseline (layout) / PANGO_SCALE;
  set_colour (cr, colour);
  cairo_move_to (cr, right_aligned ? x - width : x, baseline - ascent);
  pango_cairo_show_layout (cr, layout);
}

/* One made at draw time (page numbers). */
static void
draw_running (CwTypeset *self, cairo_t *cr, CwStyle style, const char *text, double x,
              double baseline, gboolean right_aligned, const CwRgb *colour)
{
  g_autoptr (PangoLayout) layout = running_new (self, style, text, right_aligned);
  running_draw (cr, layout, x, baseline, right_aligned, colour);
}

/* The running header and footer are the same on every page: laid out once,
 * when the first page is drawn. */
static void
frame_lay_out (CwTypeset *self)
{
  if (self->frame[0] != NULL)
    return;
  double width = self->right - self->left;
  self->frame[0] = running_new (self, CW_STYLE_RUNNING, self->header_left, FALSE);
  self->frame[1] = running_new (self, CW_STYLE_RUNNING, self->header_right, TRUE);
  /* The footer wraps onto a second line rather than being cut short. */
  PangoLayout *footer = pango_layout_new (self->context);
  pango_layout_set_font_description (footer, self->fonts[CW_STYLE_RUNNING]);
  pango_layout_set_text (footer, self->footer_left ? self->footer_left : "", -1);
  pango_layout_set_width (footer, (int)(width * 0.78 * PANGO_SCALE));
  pango_layout_set_wrap (footer, PANGO_WRAP_WORD);
  pango_layout_set_height (footer, -2);
  pango_layout_set_ellipsize (footer, PANGO_ELLIPSIZE_END);
  self->frame[2] = footer;
}

static void
draw_frame (CwTypeset *self, cairo_t *cr, guint page)
{
  double width = self->right - self->left;
  double head = self->top - 28, foot = self->bottom + 30;
  frame_lay_out (self);
  running_draw (cr, self->frame[0], self->left, head, FALSE, &grey);
  running_draw (cr, self->frame[1], self->right, head, TRUE, &grey);
  set_colour (cr, &rule_grey);
  cairo_rectangle (cr, self->left, head + 6, width, 0.5);
  cairo_fill (cr);
  cairo_rectangle (cr, self->left, foot - 12, width, 0.5);
  cairo_fill (cr);
  g_autofree char *number = g_strdup_printf (_ ("Page %u of %u"), page + 1, self->n_total);
  PangoLayout *footer = self->frame[2];
  set_colour (cr, &grey);
  cairo_move_to (cr, self->left, foot - (double)pango_layout_get_baseline (footer) / PANGO_SCALE);
  pango_cairo_show_layout (cr, footer);
  draw_running (self, cr, CW_STYLE_RUNNING, number, self->right, foot, TRUE, &grey);
}

static void
rounded (cairo_t *cr, double x, double y, double w, double h, double r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The structure a screen reader follows in the PDF (a tagged PDF): headings
 * by level, everything read as text a paragraph, drawings figures. The
 * running header and footer repeat on every page and stay out of it. On
 * other surfaces (printing) cairo ignores tags. */
static const char *
structure_tag (CwStyle style)
{
  switch (style)
    {
    case CW_STYLE_H1:
    case CW_STYLE_COVER_TITLE:
      return "H1";
    case CW_STYLE_H2:
      return "H2";
    case CW_STYLE_H3:
      return "H3";
    case CW_STYLE_RUNNING:
    case CW_STYLE_TABLE: /* in their TD and TH */
    case CW_STYLE_TABLE_HEAD:
      return NULL;
    default:
      return "P";
    }
}

/* Only an export is tagged: a table's structure spans pages, which
 * printing may draw in any order or in part. */
static void
draw_page (CwTypeset *self, cairo_t *cr, Page *page, guint page_index)
{
  gboolean tagged = self->mode == MODE_DRAW;
  cairo_save (cr);
  if (!page->plain)
    draw_frame (self, cr, page_index);
  for (guint i = 0; i < page->ops->len; i++)
    {
      Op *op = &g_array_index (page->ops, Op, i);
      switch (op->kind)
        {
        case OP_TEXT:
          {
            const char *tag
                = tagged && !op->grouped ? structure_tag (op->text->style) : NULL;
            if (tag != NULL)
              cairo_tag_begin (cr, tag, NULL);
            set_colour (cr, op->colour);
            draw_lines (cr, op->text, op->first, op->count, op->x, op->y);
            if (tag != NULL)
              cairo_tag_end (cr, tag);
          }
          break;
        case OP_FILL:
        case OP_RULE:
          set_colour (cr, op->colour);
          cairo_rectangle (cr, op->x, op->y, op->w, op->h);
          cairo_fill (cr);
          break;
        case OP_FRAME:
          set_colour (cr, op->colour);
          cairo_set_line_width (cr, 0.6);
          cairo_rectangle (cr, op->x + 0.3, op->y + 0.3, op->w - 0.6, op->h - 0.6);
          cairo_stroke (cr);
          break;
        case OP_PILL:
          set_colour (cr, op->colour);
          rounded (cr, op->x, op->y, op->w, op->h, MIN (3.0, op->h / 2));
          cairo_fill (cr);
          break;
        case OP_DRAW:
          if (tagged)
            cairo_tag_begin (cr, "Figure", NULL);
          cairo_save (cr);
          cairo_translate (cr, op->x, op->y);
          op->func (cr, op->w, op->h, op->data);
          cairo_restore (cr);
          if (tagged)
            cairo_tag_end (cr, "Figure");
          break;
        case OP_CONTENTS_NUMBER:
          {
            Anchor *anchor = &g_array_index (self->contents, Anchor, op->anchor);
            g_autofree char *number = g_strdup_printf ("%u", anchor->page + 1);
            draw_running (self, cr, (CwStyle)op->first, number, op->x, op->y, TRUE, op->colour);
          }
          break;
        case OP_TAG_BEGIN:
          if (tagged)
            cairo_tag_begin (cr, op->tag, NULL);
          break;
        case OP_TAG_END:
          if (tagged)
            cairo_tag_end (cr, op->tag);
          break;
        }
    }
  cairo_restore (cr);
}

void
cw_typeset_draw_page (CwTypeset *self, cairo_t *cr, guint page_index)
{
  g_return_if_fail (self->mode == MODE_KEEP);
  g_return_if_fail (page_index < self->pages->len);
  draw_page (self, cr, g_ptr_array_index (self->pages, page_index), page_index);
}

/* Gives away the oldest page held: counted, or drawn and shown. One
 * Document holds the structure of every page: with it the PDF is a tagged
 * one that screen readers can follow. */
static void
release_page (CwTypeset *self, gboolean last)
{
  g_autoptr (Page) page = g_ptr_array_steal_index (self->pages, 0);
  guint index = self->n_gone++;
  if (self->mode != MODE_DRAW || self->stopped)
    return;
  if (index == 0)
    cairo_tag_begin (self->target, "Document", NULL);
  draw_page (self, self->target, page, index);
  if (last)
    cairo_tag_end (self->target, "Document");
  cairo_show_page (self->target);
  if (self->page_done != NULL && !self->page_done (index, self->n_total, self->page_done_data))
    {
      /* Stopped (cancelled, or the disk is full): what is left is neither
       * laid out nor drawn. */
      self->stopped = TRUE;
      if (!last)
        cairo_tag_end (self->target, "Document");
    }
}

/* Bookmarks: one per heading, nested by level, pointing at the heading. */
void
cw_typeset_add_outlines (CwTypeset *self, cairo_surface_t *surface)
{
  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_PDF)
    return;
  int parents[4] = { CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT,
                     CAIRO_PDF_OUTLINE_ROOT };
  for (guint i = 0; i < self->anchors->len; i++)
    {
      Anchor *anchor = &g_array_index (self->anchors, Anchor, i);
      int parent = parents[anchor->level - 1];
      g_autofree char *link = g_strdup_printf ("page=%u pos=[%d %d]", anchor->page + 1,
                                               (int)self->left, (int)MAX (0, anchor->y - 6));
      int id = cairo_pdf_surface_add_outline (surface, parent, anchor->title, link,
                                              anchor->level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      for (guint level = anchor->level; level < G_N_ELEMENTS (parents); level++)
        parents[level] = id;
    }
}
