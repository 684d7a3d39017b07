/* fz-page-compare-window.c: the reviewed text and the published page side by side
 *
 * The list of differences says what the page publishes otherwise; the
 * reviewer who doubts it reads the two texts beside each other, as the
 * comparison aligned them.  Only the body is marked, as only the body
 * counts: sites drop or restyle the 版头 and the signature.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-page-compare-window.h"

struct _FzPageCompareWindow
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  GtkTextView     *reviewed_view;
  GtkTextView     *published_view;

  FzPublishedPage *page;
  guint            n_marked;
};

G_DEFINE_FINAL_TYPE (FzPageCompareWindow, fz_page_compare_window, ADW_TYPE_WINDOW)

static void
mark (GtkTextBuffer *buffer,
      const char    *tag,
      guint          start,
      guint          end)
{
  GtkTextIter a, b;

  if (end <= start)
    return;
  gtk_text_buffer_get_iter_at_offset (buffer, &a, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, (int) end);
  gtk_text_buffer_apply_tag_by_name (buffer, tag, &a, &b);
}

static void
add_tags (GtkTextBuffer *buffer)
{
  /* Translucent, so they read on a dark background too. */
  gtk_text_buffer_create_tag (buffer, "changed", "paragraph-background", "rgba(229,165,10,0.18)", NULL);
  gtk_text_buffer_create_tag (buffer, "only", "paragraph-background", "rgba(224,27,36,0.16)", NULL);
  gtk_text_buffer_create_tag (buffer, "words", "background", "rgba(229,165,10,0.45)", NULL);
}

static void
fill (FzPageCompareWindow *self)
{
  FzComparison *comparison = fz_published_page_get_comparison (self->page);
  GtkTextBuffer *left = gtk_text_view_get_buffer (self->reviewed_view);
  GtkTextBuffer *right = gtk_text_view_get_buffer (self->published_view);
  GPtrArray *sections = fz_comparison_get_sections (comparison);

  gtk_text_buffer_set_text (left, fz_document_get_text (fz_comparison_get_a (comparison)), -1);
  gtk_text_buffer_set_text (right, fz_document_get_text (fz_comparison_get_b (comparison)), -1);
  add_tags (left);
  add_tags (right);

  for (guint i = 0; i < sections->len; i++)
    {
      const FzSectionPair *pair = g_ptr_array_index (sections, i);

      if (pair->region != FZ_REGION_SECTION)
        continue;
      for (guint j = 0; j < pair->paragraphs->len; j++)
        {
          const FzParagraphChange *change = g_ptr_array_index (pair->paragraphs, j);
          const char *tag = change->change == FZ_CHANGE_CHANGED ? "changed" : "only";

          if (change->change == FZ_CHANGE_SAME)
            continue;
          self->n_marked++;
          mark (left, tag, change->a_start, change->a_end);
          mark (right, tag, change->b_start, change->b_end);
          for (guint k = 0; change->a_spans != NULL && k < change->a_spans->len; k++)
            mark (left, "words", g_array_index (change->a_spans, FzRange, k).start,
                  g_array_index (change->a_spans, FzRange, k).end);
          for (guint k = 0; change->b_spans != NULL && k < change->b_spans->len; k++)
            mark (right, "words", g_array_index (change->b_spans, FzRange, k).start,
                  g_array_index (change->b_spans, FzRange, k).end);
        }
    }
}

static void
reveal (GtkTextView *view,
        guint        start,
        guint        end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, (int) end);
  gtk_text_buffer_select_range (buffer, &a, &b);
  gtk_text_view_scroll_to_iter (view, &a, 0.1, TRUE, 0.0, 0.3);
}

void
fz_page_compare_window_show_difference (FzPageCompareWindow   *self,
                                        FzPublishedDifference *difference)
{
  FzComparison *comparison;
  GPtrArray *sections;
  guint start, end;

  g_return_if_fail (FZ_IS_PAGE_COMPARE_WINDOW (self));
  g_return_if_fail (FZ_IS_PUBLISHED_DIFFERENCE (difference));

  comparison = fz_published_page_get_comparison (self->page);
  sections = fz_comparison_get_sections (comparison);
  start = fz_published_difference_get_start (difference);
  end = fz_published_difference_get_end (difference);
  reveal (self->reviewed_view, start, end);

  /* The page's side: the change at that place in the reviewed text. */
  for (guint i = 0; i < sections->len; i++)
    {
      const FzSectionPair *pair = g_ptr_array_index (sections, i);

      for (guint j = 0; j < pair->paragraphs->len; j++)
        {
          const FzParagraphChange *change = g_ptr_array_index (pair->paragraphs, j);

          if (change->change != FZ_CHANGE_SAME && change->a_start == start && change->a_end == end)
            {
              reveal (self->published_view, change->b_start, change->b_end);
              return;
            }
        }
    }
}

FzPublishedPage *
fz_page_compare_window_get_page (FzPageCompareWindow *self)
{
  g_return_val_if_fail (FZ_IS_PAGE_COMPARE_WINDOW (self), NULL);

  return self->page;
}

guint
fz_page_compare_window_get_n_marked (FzPageCompareWindow *self)
{
  g_return_val_if_fail (FZ_IS_PAGE_COMPARE_WINDOW (self), 0);

  return self->n_marked;
}

static void
fz_page_compare_window_dispose (GObject *object)
{
  FzPageCompareWindow *self = FZ_PAGE_COMPARE_WINDOW (object);

  g_clear_object (&self->page);

  G_OBJECT_CLASS (fz_page_compare_window_parent_class)->dispose (object);
}

static void
fz_page_compare_window_class_init (FzPageCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_page_compare_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-page-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FzPageCompareWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FzPageCompareWindow, reviewed_view);
  gtk_widget_class_bind_template_child (widget_class, FzPageCompareWindow, published_view);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fz_page_compare_window_init (FzPageCompareWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fz_page_compare_window_new (GtkWindow       *parent,
                            FzPublishedPage *page)
{
  FzPageCompareWindow *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (FZ_IS_PUBLISHED_PAGE (page), NULL);
  g_return_val_if_fail (fz_published_page_get_comparison (page) != NULL, NULL);

  self = g_object_new (FZ_TYPE_PAGE_COMPARE_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->page = g_object_ref (page);
  name = g_file_get_basename (fz_published_page_get_file (page));
  adw_window_title_set_subtitle (self->window_title, name);
  fill (self);

  return GTK_WIDGET (self);
}
