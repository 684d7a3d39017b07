/* fz-section-compare.c: one section of two versions, side by side
 *
 * The comparison has already paired the sections and, inside each pair,
 * the paragraphs; this only lays one pair out, its paragraphs in rows,
 * the first version on the left: what was reworded, added or taken out
 * tinted.  One section at a time, cut to a screenful of rows, so it
 * stays instant whatever the report's length.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-passage.h"
#include "fz-section-compare.h"
#include "fz-widget-util.h"
#include "fz-object-util.h"

#define MAX_ROWS      80
#define MAX_CHARS     1200

/* Tints that read on light and dark backgrounds. */
#define REMOVED_SPAN  "<span bgcolor=\"#e01b24\" bgalpha=\"22%\">"
#define ADDED_SPAN    "<span bgcolor=\"#2ec27e\" bgalpha=\"28%\">"

struct _FzSectionCompare
{
  AdwBin    parent_instance;

  GtkLabel *title_label;
  GtkGrid  *grid;

  guint     n_rows;
};

G_DEFINE_FINAL_TYPE (FzSectionCompare, fz_section_compare, ADW_TYPE_BIN)

enum {
  CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_close_clicked (FzSectionCompare *self)
{
  g_signal_emit (self, signals[CLOSE], 0);
}

/* The characters [@start, @end) of @doc as markup, the @spans (FzRange,
 * nullable) inside it opened with @tint, or the whole of it when @whole. */
static char *
paragraph_markup (FzDocument *doc,
                  guint       start,
                  guint       end,
                  GArray     *spans,
                  const char *tint,
                  gboolean    whole)
{
  GString *out = g_string_new (whole ? tint : NULL);
  guint stop = MIN (end, start + MAX_CHARS);
  guint at = start;

  for (guint k = 0; spans != NULL && k < spans->len; k++)
    {
      const FzRange *r = &g_array_index (spans, FzRange, k);
      guint from = CLAMP (r->start, at, stop), to = CLAMP (r->end, from, stop);
      g_autofree char *before = fz_document_dup_range (doc, at, from);
      g_autofree char *inside = fz_document_dup_range (doc, from, to);
      g_autofree char *before_markup = g_markup_escape_text (before, -1);
      g_autofree char *inside_markup = g_markup_escape_text (inside, -1);

      g_string_append (out, before_markup);
      if (to > from)
        g_string_append_printf (out, "%s%s</span>", tint, inside_markup);
      at = to;
    }
  {
    g_autofree char *rest = fz_document_dup_range (doc, at, stop);
    g_autofree char *rest_markup = g_markup_escape_text (rest, -1);

    g_string_append (out, rest_markup);
  }
  if (stop < end)
    g_string_append (out, "…");
  if (whole)
    g_string_append (out, "</span>");

  return g_string_free (out, FALSE);
}

static GtkWidget *
cell (const char *markup,
      gboolean    dim)
{
  GtkWidget *label = fz_label_new_wrapped (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Kept at the top by its yalign alone: GTK 4.8 asks a wrapped label
   * aligned other than "fill" for its width at its height, a search over
   * widths, whenever it is allocated. */
  gtk_widget_set_hexpand (label, TRUE);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");

  return label;
}

void
fz_section_compare_clear (FzSectionCompare *self)
{
  GtkWidget *child;

  g_return_if_fail (FZ_IS_SECTION_COMPARE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  gtk_label_set_text (self->title_label, "");
  self->n_rows = 0;
}

static gboolean
holds (guint start,
       guint end,
       guint offset)
{
  return offset != G_MAXUINT && offset >= start && (offset < end || (offset == start && start == end));
}

static const FzSectionPair *
find_pair (FzComparison *comparison,
           guint         first_offset,
           guint         second_offset)
{
  GPtrArray *pairs = fz_comparison_get_sections (comparison);

  /* A section's own paragraphs only: the innermost section wins. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < pairs->len; i++)
      {
        const FzSectionPair *pair = g_ptr_array_index (pairs, i);

        for (guint k = 0; k < pair->paragraphs->len; k++)
          {
            const FzParagraphChange *c = g_ptr_array_index (pair->paragraphs, k);

            if (pass == 0 && c->a_paragraph >= 0 && holds (c->a_start, c->a_end, first_offset))
              return pair;
            if (pass == 1 && c->b_paragraph >= 0 && holds (c->b_start, c->b_end, second_offset))
              return pair;
          }
      }
  return NULL;
}

char *
fz_section_compare_dup_pair_title (FzComparison        *comparison,
                                   const FzSectionPair *pair)
{
  GPtrArray *sections;
  int index;

  if (pair->region == FZ_REGION_FRONT)
    return g_strdup (_("Before the first heading"));
  if (pair->region == FZ_REGION_CLOSING)
    return g_strdup (_("The closing"));

  sections = pair->b_section >= 0 ? fz_comparison_get_b_sections (comparison)
                                  : fz_comparison_get_a_sections (comparison);
  index = pair->b_section >= 0 ? pair->b_section : pair->a_section;
  if (index < 0 || (guint) index >= sections->len)
    return g_strdup ("");
  {
    const FzSection *s = g_ptr_array_index (sections, index);

    return g_strconcat (s->label != NULL ? s->label : "", s->heading != NULL ? s->heading : "", NULL);
  }
}

gboolean
fz_section_compare_show (FzSectionCompare *self,
                         FzComparison     *comparison,
                         guint             first_offset,
                         guint             second_offset)
{
  const FzSectionPair *pair;

  g_return_val_if_fail (FZ_IS_SECTION_COMPARE (self), FALSE);
  g_return_val_if_fail (FZ_IS_COMPARISON (comparison), FALSE);

  if ((pair = find_pair (comparison, first_offset, second_offset)) == NULL)
    {
      fz_section_compare_clear (self);
      return FALSE;
    }
  fz_section_compare_show_pair (self, comparison, pair);
  return TRUE;
}

void
fz_section_compare_show_pair (FzSectionCompare    *self,
                              FzComparison        *comparison,
                              const FzSectionPair *pair)
{
  FzDocument *a, *b;
  g_autofree char *title = NULL;
  g_autofree char *one_line = NULL;

  g_return_if_fail (FZ_IS_SECTION_COMPARE (self));
  g_return_if_fail (FZ_IS_COMPARISON (comparison));
  g_return_if_fail (pair != NULL);

  fz_section_compare_clear (self);
  a = fz_comparison_get_a (comparison);
  b = fz_comparison_get_b (comparison);
  title = fz_section_compare_dup_pair_title (comparison, pair);
  one_line = fz_passage_one_line (title, 60);
  gtk_label_set_text (self->title_label, one_line);

  for (guint k = 0; k < pair->paragraphs->len && self->n_rows < MAX_ROWS; k++)
    {
      const FzParagraphChange *c = g_ptr_array_index (pair->paragraphs, k);
      gboolean same = c->change == FZ_CHANGE_SAME;
      g_autofree char *left = NULL;
      g_autofree char *right = NULL;

      left = c->a_paragraph >= 0 ? paragraph_markup (a, c->a_start, c->a_end, c->a_spans, REMOVED_SPAN,
                                                     c->change == FZ_CHANGE_REMOVED)
                                 : g_strdup ("");
      right = c->b_paragraph >= 0 ? paragraph_markup (b, c->b_start, c->b_end, c->b_spans, ADDED_SPAN,
                                                      c->change == FZ_CHANGE_ADDED)
                                  : g_strdup ("");
      gtk_grid_attach (self->grid, cell (left, same), 0, self->n_rows, 1, 1);
      gtk_grid_attach (self->grid, cell (right, same), 1, self->n_rows, 1, 1);
      self->n_rows++;
    }

  if (self->n_rows < pair->paragraphs->len)
    {
      /* Translators: below a comparison cut short; %u is how many paragraphs are left out */
      guint n = pair->paragraphs->len - self->n_rows;
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more paragraph not shown",
                                                            "%u more paragraphs not shown", n), n);
      g_autofree char *markup = g_markup_escape_text (more, -1);

      gtk_grid_attach (self->grid, cell (markup, TRUE), 0, self->n_rows, 2, 1);
    }
}

guint
fz_section_compare_get_n_rows (FzSectionCompare *self)
{
  g_return_val_if_fail (FZ_IS_SECTION_COMPARE (self), 0);
  return self->n_rows;
}

GtkWidget *
fz_section_compare_new (void)
{
  return g_object_new (FZ_TYPE_SECTION_COMPARE, NULL);
}

static void
fz_section_compare_class_init (FzSectionCompareClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* The close button was clicked: the owner hides the comparison. */
  signals[CLOSE] = fz_signal_new (klass, "close", 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-section-compare.ui");
  gtk_widget_class_bind_template_child (widget_class, FzSectionCompare, title_label);
  gtk_widget_class_bind_template_child (widget_class, FzSectionCompare, grid);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked);
}

static void
fz_section_compare_init (FzSectionCompare *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
