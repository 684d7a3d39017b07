/* fz-copy-window.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-copy-window.h"

struct _FzCopyWindow
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkLabel       *a_label;
  GtkLabel       *b_label;
  GtkTextView    *a_view;
  GtkTextView    *b_view;

  GArray         *passages;       /* FzCopyPassage, offsets into the texts shown */
  guint           current;
};

G_DEFINE_FINAL_TYPE (FzCopyWindow, fz_copy_window, ADW_TYPE_WINDOW)

static void
reveal (GtkTextView *view,
        guint        start,
        guint        end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter begin, finish;
  GtkTextMark *mark;

  gtk_text_buffer_get_iter_at_offset (buffer, &begin, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &finish, end);
  gtk_text_buffer_select_range (buffer, &begin, &finish);
  mark = gtk_text_buffer_get_mark (buffer, "fz-passage");
  gtk_text_buffer_move_mark (buffer, mark, &begin);
  gtk_text_view_scroll_to_mark (view, mark, 0.05, TRUE, 0.0, 0.2);
}

void
fz_copy_window_show_passage (FzCopyWindow *self,
                             guint         index)
{
  const FzCopyPassage *passage;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (FZ_IS_COPY_WINDOW (self));

  if (self->passages->len == 0)
    return;

  self->current = index % self->passages->len;
  passage = &g_array_index (self->passages, FzCopyPassage, self->current);
  reveal (self->a_view, passage->a_start, passage->a_end);
  reveal (self->b_view, passage->b_start, passage->b_end);

  /* Translators: which shared passage is shown, and how alike the two sides are */
  subtitle = g_strdup_printf (_("Passage %u of %u · %.0f%% alike"),
                              self->current + 1, self->passages->len, passage->similarity * 100.0);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
on_previous_clicked (FzCopyWindow *self)
{
  fz_copy_window_show_passage (self, self->current + self->passages->len - 1);
}

static void
on_next_clicked (FzCopyWindow *self)
{
  fz_copy_window_show_passage (self, self->current + 1);
}

static void
fz_copy_window_finalize (GObject *object)
{
  FzCopyWindow *self = FZ_COPY_WINDOW (object);

  g_clear_pointer (&self->passages, g_array_unref);

  G_OBJECT_CLASS (fz_copy_window_parent_class)->finalize (object);
}

static void
fz_copy_window_class_init (FzCopyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fz_copy_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-copy-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FzCopyWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FzCopyWindow, a_label);
  gtk_widget_class_bind_template_child (widget_class, FzCopyWindow, b_label);
  gtk_widget_class_bind_template_child (widget_class, FzCopyWindow, a_view);
  gtk_widget_class_bind_template_child (widget_class, FzCopyWindow, b_view);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fz_copy_window_init (FzCopyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->passages = g_array_new (FALSE, FALSE, sizeof (FzCopyPassage));
}

/* Fills @view with the whole report when its analysis was kept, else with
 * the shared passages alone; @a_side picks which offsets of each passage
 * apply.  Offsets are rewritten to what the view shows. */
static void
fill_side (FzCopyWindow      *self,
           GtkTextView       *view,
           FzBatchEntry      *entry,
           const FzBatchCopy *copy,
           gboolean           a_side)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  FzAnalysis *analysis = fz_batch_entry_get_analysis (entry);
  GPtrArray *texts = a_side ? copy->a_texts : copy->b_texts;
  GtkTextTag *tag;
  GtkTextIter iter;

  tag = gtk_text_buffer_create_tag (buffer, "shared",
                                    "background-rgba", &(GdkRGBA) { 0.90, 0.38, 0.0, 0.22 },
                                    NULL);

  if (analysis != NULL)
    {
      FzDocument *document = fz_analysis_get_document (analysis);

      gtk_text_buffer_set_text (buffer, fz_document_get_text (document), fz_document_get_text_bytes (document));
    }

  for (guint i = 0; i < copy->passages->len; i++)
    {
      FzCopyPassage *passage = &g_array_index (self->passages, FzCopyPassage, i);
      guint *start = a_side ? &passage->a_start : &passage->b_start;
      guint *end = a_side ? &passage->a_end : &passage->b_end;
      GtkTextIter begin, finish;

      if (analysis == NULL)
        {
          /* Only the passages: one after another, a blank line apart. */
          const char *text = g_ptr_array_index (texts, i);

          gtk_text_buffer_get_end_iter (buffer, &iter);
          if (i > 0)
            gtk_text_buffer_insert (buffer, &iter, "\n\n", -1);
          *start = gtk_text_iter_get_offset (&iter);
          gtk_text_buffer_insert (buffer, &iter, text, -1);
          *end = gtk_text_iter_get_offset (&iter);
        }

      gtk_text_buffer_get_iter_at_offset (buffer, &begin, *start);
      gtk_text_buffer_get_iter_at_offset (buffer, &finish, *end);
      gtk_text_buffer_apply_tag (buffer, tag, &begin, &finish);
    }

  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_create_mark (buffer, "fz-passage", &iter, TRUE);
}

GtkWidget *
fz_copy_window_new (const FzBatchCopy *copy)
{
  FzCopyWindow *self;

  g_return_val_if_fail (copy != NULL, NULL);

  self = g_object_new (FZ_TYPE_COPY_WINDOW, NULL);
  g_array_append_vals (self->passages, copy->passages->data, copy->passages->len);

  gtk_label_set_label (self->a_label, fz_batch_entry_get_display_name (copy->a));
  gtk_label_set_label (self->b_label, fz_batch_entry_get_display_name (copy->b));
  fill_side (self, self->a_view, copy->a, copy, TRUE);
  fill_side (self, self->b_view, copy->b, copy, FALSE);
  fz_copy_window_show_passage (self, 0);

  return GTK_WIDGET (self);
}

guint
fz_copy_window_get_n_passages (FzCopyWindow *self)
{
  g_return_val_if_fail (FZ_IS_COPY_WINDOW (self), 0);

  return self->passages->len;
}
