/* fz-checklist-view-select.c: moving through the checklist from the keyboard
 *
 * F8 and Shift+F8 go to the next or previous element without a decision,
 * and Alt+1…4 decide the one chosen last or holding the focus; apart from
 * the rows themselves, which fz-checklist-view.c makes from the report's
 * checklist.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-checklist-view-private.h"

/* Selection, F8 and Alt+1…4 -------------------------------------------- */

/* The row the reviewer moved to with Tab or the mouse wins over the one
 * F8 chose last, so Alt+1…4 act on what has the focus. */
static void
update_selection_from_focus (FzChecklistView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *widget = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (; widget != NULL && widget != GTK_WIDGET (self); widget = gtk_widget_get_parent (widget))
    {
      FzChecklistItem *item = ADW_IS_ACTION_ROW (widget) ? g_object_get_data (G_OBJECT (widget), "fz-item") : NULL;

      if (item != NULL)
        {
          g_free (self->selected_id);
          self->selected_id = g_strdup (fz_checklist_item_get_element_id (item));
          return;
        }
    }
}

gboolean
fz_checklist_view_select_next_open (FzChecklistView *self,
                                    gboolean         forward)
{
  guint n, from;
  gboolean found_selected = FALSE;

  g_return_val_if_fail (FZ_IS_CHECKLIST_VIEW (self), FALSE);

  update_selection_from_focus (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->required));
  from = forward ? 0 : n;

  for (guint i = 0; self->selected_id != NULL && i < n; i++)
    {
      g_autoptr(FzChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (self->required), i);

      if (g_str_equal (fz_checklist_item_get_element_id (item), self->selected_id))
        {
          from = forward ? i + 1 : i;
          found_selected = TRUE;
        }
    }
  if (!found_selected)
    from = forward ? 0 : n;

  for (guint step = 0; step < n; step++)
    {
      guint index;
      g_autoptr(FzChecklistItem) item = NULL;
      GtkWidget *row;

      if (forward)
        {
          if (from + step >= n)
            break;
          index = from + step;
        }
      else
        {
          if (step >= from)
            break;
          index = from - step - 1;
        }

      item = g_list_model_get_item (G_LIST_MODEL (self->required), index);
      if (fz_checklist_item_get_decided (item))
        continue;

      /* The list box is bound to the same model: row @index is the item's. */
      row = (GtkWidget *) gtk_list_box_get_row_at_index (self->required_list, index);
      if (row != NULL)
        gtk_widget_grab_focus (row);
      g_free (self->selected_id);
      self->selected_id = g_strdup (fz_checklist_item_get_element_id (item));
      if (row != NULL)
        _fz_checklist_view_activate_row (self, row);
      return TRUE;
    }

  return FALSE;
}

const char *
fz_checklist_view_get_selected_element (FzChecklistView *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_VIEW (self), NULL);

  update_selection_from_focus (self);

  return self->selected_id;
}

void
fz_checklist_view_clear_selection (FzChecklistView *self)
{
  g_return_if_fail (FZ_IS_CHECKLIST_VIEW (self));

  g_clear_pointer (&self->selected_id, g_free);
}

gboolean
fz_checklist_view_decide_selected (FzChecklistView *self,
                                   FzStatus         status)
{
  const char *id;
  GtkWidget *row;

  g_return_val_if_fail (FZ_IS_CHECKLIST_VIEW (self), FALSE);
  g_return_val_if_fail (status != FZ_STATUS_NEEDS_REVIEW, FALSE);

  id = fz_checklist_view_get_selected_element (self);
  row = _fz_checklist_view_find_row (self, id);
  if (row == NULL)
    return FALSE;

  /* Through the row's own drop-down, so an override asks for its reason
   * exactly as a choice made with the mouse does. */
  gtk_drop_down_set_selected (g_object_get_data (G_OBJECT (row), "fz-dropdown"), _fz_checklist_view_status_to_choice (status));

  return TRUE;
}
