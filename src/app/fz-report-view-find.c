/* fz-report-view-find.c: finding and showing passages of the report
 *
 * Scrolling to a passage and flashing it (from the checklist, a finding,
 * an annotation), the search's matches, and the reviewer's selection.
 * Apart from the view's own file (fz-report-view.c), which lays the text
 * in and marks it.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-report-view-private.h"

/* How long a passage shown stays flashed. */
#define FLASH_MS 1500

static gboolean
fz_report_view_flash_done (gpointer data)
{
  FzReportView *self = data;
  GtkTextIter start, end;

  self->flash_id = 0;
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->flash_tag, &start, &end);

  return G_SOURCE_REMOVE;
}

void
fz_report_view_reveal_range (FzReportView *self,
                             guint         start,
                             guint         end)
{
  GtkTextIter begin, finish;
  GtkTextMark *mark;

  g_return_if_fail (FZ_IS_REPORT_VIEW (self));

  if (self->analysis == NULL)
    return;

  if (MAX (start, end) > self->fill_chars)
    _fz_report_view_finish_fill (self);

  gtk_text_buffer_get_iter_at_offset (self->buffer, &begin, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &finish, MAX (start, end));

  /* Drop the previous flash and its timer before starting a new one. */
  g_clear_handle_id (&self->flash_id, g_source_remove);
  fz_report_view_flash_done (self);
  gtk_text_buffer_apply_tag (self->buffer, self->flash_tag, &begin, &finish);
  self->flash_id = g_timeout_add (FLASH_MS, fz_report_view_flash_done, self);

  gtk_text_buffer_select_range (self->buffer, &begin, &finish);

  /* A mark rather than an iter: the scroll waits for the lines to be
   * measured, which matters right after loading. */
  mark = gtk_text_buffer_get_mark (self->buffer, "fz-reveal");
  gtk_text_buffer_move_mark (self->buffer, mark, &begin);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), mark, 0.05, TRUE, 0.0, 0.3);
}

guint
fz_report_view_mark_matches (FzReportView *self,
                             const char   *needle)
{
  GtkTextIter start, end, match_start, match_end;
  guint n_matches = 0;

  g_return_val_if_fail (FZ_IS_REPORT_VIEW (self), 0);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->search_tag, &start, &end);

  if (needle == NULL || *needle == '\0')
    return 0;

  _fz_report_view_finish_fill (self);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  while (gtk_text_iter_forward_search (&start, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                       &match_start, &match_end, NULL))
    {
      gtk_text_buffer_apply_tag (self->buffer, self->search_tag, &match_start, &match_end);
      n_matches++;
      start = match_end;
    }

  /* From the start of the current match, so typing refines it in place
   * instead of hopping ahead. */
  if (gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    gtk_text_buffer_place_cursor (self->buffer, &start);

  return n_matches;
}

gboolean
fz_report_view_find (FzReportView *self,
                     const char   *needle,
                     gboolean      forward)
{
  GtkTextIter sel_start, sel_end, match_start, match_end, iter;
  gboolean found;

  g_return_val_if_fail (FZ_IS_REPORT_VIEW (self), FALSE);

  if (self->analysis == NULL || needle == NULL || *needle == '\0')
    return FALSE;

  _fz_report_view_finish_fill (self);
  gtk_text_buffer_get_selection_bounds (self->buffer, &sel_start, &sel_end);

  if (forward)
    {
      found = gtk_text_iter_forward_search (&sel_end, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                            &match_start, &match_end, NULL);
      if (!found)
        {
          gtk_text_buffer_get_start_iter (self->buffer, &iter);
          found = gtk_text_iter_forward_search (&iter, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                                &match_start, &match_end, NULL);
        }
    }
  else
    {
      found = gtk_text_iter_backward_search (&sel_start, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                             &match_start, &match_end, NULL);
      if (!found)
        {
          gtk_text_buffer_get_end_iter (self->buffer, &iter);
          found = gtk_text_iter_backward_search (&iter, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                                 &match_start, &match_end, NULL);
        }
    }

  if (found)
    fz_report_view_reveal_range (self,
                                 gtk_text_iter_get_offset (&match_start),
                                 gtk_text_iter_get_offset (&match_end));

  return found;
}

gboolean
fz_report_view_get_selection (FzReportView *self,
                              guint        *start,
                              guint        *end)
{
  GtkTextIter begin, finish;

  g_return_val_if_fail (FZ_IS_REPORT_VIEW (self), FALSE);

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &begin, &finish))
    return FALSE;

  if (start != NULL)
    *start = gtk_text_iter_get_offset (&begin);
  if (end != NULL)
    *end = gtk_text_iter_get_offset (&finish);

  return TRUE;
}
