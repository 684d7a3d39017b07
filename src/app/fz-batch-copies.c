/* fz-batch-copies.c: the batch page's list of reports sharing passages
 *
 * One row per pair the batch found, opening the side-by-side comparison.
 * Apart from the page because it is its own group of rows, rebuilt once
 * each time the batch is read.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-batch-page-private.h"
#include "fz-copy-window.h"
#include "fz-text-row.h"
#include "fz-tooltip.h"
#include "fz-widget-util.h"

static void
on_copy_row_activated (FzBatchPage *self,
                       FzTextRow   *row)
{
  const FzBatchCopy *copy = g_object_get_data (G_OBJECT (row), "fz-copy");
  GtkWidget *window = fz_copy_window_new (copy);

  gtk_window_set_transient_for (GTK_WINDOW (window), fz_widget_get_window (GTK_WIDGET (self)));
  gtk_window_present (GTK_WINDOW (window));
}

void
_fz_batch_page_show_copies (FzBatchPage *self)
{
  GPtrArray *copies = fz_batch_get_copies (self->batch);
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->copy_rows->len; i++)
    gtk_list_box_remove (self->copies_list, g_ptr_array_index (self->copy_rows, i));
  g_ptr_array_set_size (self->copy_rows, 0);

  for (guint i = 0; copies != NULL && i < copies->len; i++)
    {
      const FzBatchCopy *copy = g_ptr_array_index (copies, i);
      const char *excerpt = copy->a_texts->len > 0 ? g_ptr_array_index (copy->a_texts, 0) : "";
      g_autofree char *head = g_utf8_substring (excerpt, 0, MIN (g_utf8_strlen (excerpt, -1), 60));
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = fz_text_row_new ();

      title = g_markup_printf_escaped ("%s ↔ %s%s",
                                       _fz_batch_page_unit_text (copy->a),
                                       _fz_batch_page_unit_text (copy->b),
                                       fz_batch_entry_is_reference (copy->b) ? _(" (last year)") : "");
      subtitle = g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u shared passage: “%s…”",
                                                       "%u shared passages: “%s…”",
                                                       copy->passages->len),
                                          copy->passages->len, head);
      fz_text_row_set_title (FZ_TEXT_ROW (row), title);
      fz_text_row_set_subtitle (FZ_TEXT_ROW (row), subtitle);
      fz_text_row_add_suffix (FZ_TEXT_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      fz_tooltip_set_text (row, _("Compare side by side"));
      g_object_set_data (G_OBJECT (row), "fz-copy", (gpointer) copy);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_copy_row_activated), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->copies_list, row);
      g_ptr_array_add (self->copy_rows, row);
    }

  if (self->copy_rows->len == 0)
    description = g_strdup (_("No two reports share a passage beyond the phrases every report uses."));
  else
    description = g_strdup (_("Passages found in two reports, leaving aside the phrases every report uses. Each is also a finding in both reports."));
  adw_preferences_group_set_description (self->copies_group, description);
}
