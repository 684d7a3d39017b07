/* fz-batch-filter.c: which rows of the batch matrix are shown
 *
 * The search field and the filter drop-down above the matrix, the count
 * of rows shown, and the refilter a change of a row calls for.  Apart from
 * the page (fz-batch-page.c), which owns the models and their reading.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-batch-page-private.h"

static gboolean
entry_needs_attention (FzBatchPage  *self,
                       FzBatchEntry *entry,
                       const char   *only_element)
{
  if (fz_batch_entry_get_state (entry) != FZ_BATCH_ENTRY_DONE)
    return FALSE;

  for (guint i = 0; i < self->element_ids->len; i++)
    {
      const char *id = g_ptr_array_index (self->element_ids, i);
      FzStatus status;

      if (only_element != NULL && !g_str_equal (id, only_element))
        continue;
      if (fz_batch_entry_get_status (entry, id, &status) &&
          (status == FZ_STATUS_MISSING || status == FZ_STATUS_PARTIAL || status == FZ_STATUS_NEEDS_REVIEW))
        return TRUE;
    }

  return FALSE;
}

gboolean
_fz_batch_page_filter_func (gpointer item,
                            gpointer user_data)
{
  FzBatchPage *self = user_data;
  FzBatchEntry *entry = item;
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  guint choice = gtk_drop_down_get_selected (self->filter_dropdown);

  if (*needle != '\0')
    {
      const char *fields[] = {
        fz_batch_entry_get_unit (entry),
        fz_batch_entry_get_title (entry),
        fz_batch_entry_get_display_name (entry),
      };
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (fields) && !found; i++)
        found = fields[i] != NULL && strstr (fields[i], needle) != NULL;
      if (!found)
        return FALSE;
    }

  switch (choice)
    {
    case FILTER_ALL:
    case GTK_INVALID_LIST_POSITION:
      return TRUE;
    case FILTER_ATTENTION:
      return entry_needs_attention (self, entry, NULL);
    case FILTER_UNREVIEWED:
      return fz_batch_entry_get_state (entry) == FZ_BATCH_ENTRY_DONE &&
             fz_batch_entry_get_n_decided (entry) < fz_batch_entry_get_n_required (entry);
    case FILTER_OTHER_YEAR:
      return fz_batch_is_off_year (self->batch, entry);
    case FILTER_COPIES:
      return fz_batch_entry_get_copy_findings (entry) != NULL &&
             fz_batch_entry_get_copy_findings (entry)->len > 0;
    case FILTER_UNREADABLE:
      return fz_batch_entry_get_state (entry) == FZ_BATCH_ENTRY_FAILED;
    default:
      if (choice - FILTER_FIRST_ELEMENT < self->element_ids->len)
        return entry_needs_attention (self, entry,
                                      g_ptr_array_index (self->element_ids, choice - FILTER_FIRST_ELEMENT));
      return TRUE;
    }
}

void
_fz_batch_page_update_count (FzBatchPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report", "%u reports", total), total);
  else
    /* Translators: the batch matrix after filtering */
    text = g_strdup_printf (_("%u of %u reports"), shown, total);
  gtk_label_set_label (self->count_label, text);
}

void
_fz_batch_page_on_filter_changed (FzBatchPage *self)
{
  /* The drop-down is filled before the models exist. */
  if (self->filter == NULL)
    return;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  _fz_batch_page_update_count (self);
}

gboolean
_fz_batch_page_flush_refresh (gpointer data)
{
  FzBatchPage *self = data;
  guint choice = gtk_drop_down_get_selected (self->filter_dropdown);

  self->refresh_id = 0;

  /* A decision made in a report's tab changes the counts too. */
  if (!self->running && self->batch != NULL)
    {
      g_autofree char *summary = fz_batch_dup_summary (self->batch);

      gtk_label_set_label (self->summary_label, summary);
    }

  /* Filtering again makes the matrix rebuild its rows: only when a
   * filter is on can a change make a row come or go. */
  if ((choice != FILTER_ALL && choice != GTK_INVALID_LIST_POSITION) ||
      *gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)) != '\0')
    _fz_batch_page_on_filter_changed (self);

  return G_SOURCE_REMOVE;
}

/* @entry changed: its cells follow by themselves (bind_cell()), but
 * whether it passes the filter may change too.  Checked once per turn, as
 * results arrive in bunches. */
void
_fz_batch_page_refresh_entry (FzBatchPage  *self,
                              FzBatchEntry *entry)
{
  if (self->frozen > 0 || self->refresh_id != 0)
    return;

  self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT, _fz_batch_page_flush_refresh, self, NULL);
}

void
fz_batch_page_filter_missing (FzBatchPage *self,
                              const char  *element_id)
{
  g_return_if_fail (FZ_IS_BATCH_PAGE (self));

  if (element_id == NULL)
    {
      gtk_drop_down_set_selected (self->filter_dropdown, FILTER_ALL);
      return;
    }

  for (guint i = 0; i < self->element_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->element_ids, i), element_id))
      gtk_drop_down_set_selected (self->filter_dropdown, FILTER_FIRST_ELEMENT + i);
}
