/* fz-report-page-review.c: annotating, and walking what is left to review
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-report-page-private.h"

/* Badges on the side pane's switcher: how many kinds of problem, how
 * many annotations. */
void
_fz_report_page_update_badges (FzReportPage *self)
{
  GListModel *groups = fz_findings_view_get_groups (self->findings_view);

  adw_view_stack_page_set_badge_number (self->problems_page, g_list_model_get_n_items (groups));
  adw_view_stack_page_set_badge_number (self->annotations_page,
                                        self->review != NULL
                                          ? g_list_model_get_n_items (fz_review_get_annotations (self->review)) : 0);
}

/* Annotations ------------------------------------------------------------ */

static void on_annotation_save   (FzReportPage        *self,
                                  FzAnnotation        *annotation,
                                  FzAnnotationPopover *popover);
static void on_annotation_delete (FzReportPage        *self,
                                  FzAnnotation        *annotation,
                                  FzAnnotationPopover *popover);

/* Made the first time the reviewer annotates: most tabs never do, and it
 * was a twentieth of a new tab's making. */
static FzAnnotationPopover *
fz_report_page_ensure_annotation_popover (FzReportPage *self)
{
  if (self->annotation_popover == NULL)
    {
      self->annotation_popover = FZ_ANNOTATION_POPOVER (fz_annotation_popover_new ());
      fz_report_view_add_popover (self->text_view, GTK_POPOVER (self->annotation_popover));
      g_signal_connect_object (self->annotation_popover, "save", G_CALLBACK (on_annotation_save), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->annotation_popover, "delete", G_CALLBACK (on_annotation_delete), self,
                               G_CONNECT_SWAPPED);
    }

  return self->annotation_popover;
}

static void
fz_report_page_popup_annotation (FzReportPage *self,
                                 guint         start,
                                 guint         end,
                                 FzAnnotation *annotation)
{
  g_autofree char *quote = NULL;
  FzAnnotationPopover *popover;

  self->annotate_start = start;
  self->annotate_end = end;

  if (annotation == NULL)
    quote = fz_document_dup_range (self->document, start, end);
  popover = fz_report_page_ensure_annotation_popover (self);
  fz_annotation_popover_prepare (popover, quote, annotation);
  fz_report_view_point_popover (self->text_view, GTK_POPOVER (popover), start, end);
  gtk_popover_popup (GTK_POPOVER (popover));
}

gboolean
fz_report_page_annotate_selection (FzReportPage *self)
{
  guint start, end;

  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), FALSE);

  if (self->analysis == NULL || self->review == NULL ||
      !fz_report_view_get_selection (self->text_view, &start, &end) || start == end)
    return FALSE;

  fz_report_page_popup_annotation (self, start, end, NULL);

  return TRUE;
}

static void
on_annotation_save (FzReportPage        *self,
                    FzAnnotation        *annotation,
                    FzAnnotationPopover *popover)
{
  g_autofree char *note = fz_annotation_popover_dup_note (popover);
  FzAnnotationCategory category = fz_annotation_popover_get_category (popover);

  if (self->review == NULL || self->document == NULL)
    return;

  /* Written to disk before this returns: a finished act. */
  if (annotation != NULL)
    fz_review_update_annotation (self->review, annotation, category, note);
  else
    fz_review_add_annotation (self->review, self->document, self->annotate_start, self->annotate_end,
                              category, note);
}

typedef struct
{
  FzReportPage *page;
  FzReview     *review;
  FzAnnotation *annotation;
  guint         position;
} Undo;

static void
undo_free (Undo *undo)
{
  g_object_unref (undo->page);
  g_object_unref (undo->review);
  g_object_unref (undo->annotation);
  g_free (undo);
}

static gboolean
undo_delete (gpointer data)
{
  Undo *undo = data;

  /* The review the annotation came from, even if the report was read
   * again meanwhile and holds another. */
  if (undo->review == undo->page->review && !undo->page->disposed)
    fz_review_insert_annotation (undo->review, undo->position, undo->annotation);

  return G_SOURCE_REMOVE;
}

static void
on_undo_delete (AdwToast     *toast,
                FzReportPage *self)
{
  Undo *undo;

  if (self->review == NULL || g_object_get_data (G_OBJECT (toast), "fz-review") != self->review)
    return;

  /* Once the toast has finished with the click: putting the annotation
   * back repaints the page while the toast is still being dismissed. */
  undo = g_new0 (Undo, 1);
  undo->page = g_object_ref (self);
  undo->review = g_object_ref (self->review);
  undo->annotation = g_object_ref (g_object_get_data (G_OBJECT (toast), "fz-annotation"));
  undo->position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "fz-position"));
  g_idle_add_full (G_PRIORITY_DEFAULT, undo_delete, undo, (GDestroyNotify) undo_free);
}

void
fz_report_page_delete_annotation (FzReportPage *self,
                                  FzAnnotation *annotation)
{
  AdwToast *toast;
  guint position;

  g_return_if_fail (FZ_IS_REPORT_PAGE (self));
  g_return_if_fail (FZ_IS_ANNOTATION (annotation));

  if (self->review == NULL ||
      !g_list_store_find (G_LIST_STORE (fz_review_get_annotations (self->review)), annotation, &position))
    return;

  g_object_ref (annotation);
  fz_review_remove_annotation (self->review, annotation);

  /* Deleting is undone from a toast, as GNOME applications do. */
  toast = adw_toast_new (_("Annotation deleted"));
  adw_toast_set_button_label (toast, _("Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "fz-annotation", annotation, g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "fz-review", g_object_ref (self->review), g_object_unref);
  g_object_set_data (G_OBJECT (toast), "fz-position", GUINT_TO_POINTER (position));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete), self, 0);
  _fz_report_page_show_toast (self, toast);
}

static void
on_annotation_delete (FzReportPage        *self,
                      FzAnnotation        *annotation,
                      FzAnnotationPopover *popover)
{
  fz_report_page_delete_annotation (self, annotation);
}

void
_fz_report_page_on_annotation_delete_requested (FzReportPage *self,
                                                FzAnnotation *annotation)
{
  fz_report_page_delete_annotation (self, annotation);
}

void
_fz_report_page_on_annotation_edit (FzReportPage *self,
                                    FzAnnotation *annotation)
{
  guint start = fz_annotation_get_start (annotation);
  guint end = fz_annotation_get_end (annotation);

  if (self->document == NULL)
    return;

  /* A passage that is gone is edited where it was last seen. */
  if (fz_annotation_get_attached (annotation))
    fz_report_view_reveal_range (self->text_view, start, end);
  else
    start = end = MIN (start, fz_document_get_length (self->document));

  fz_report_page_popup_annotation (self, start, end, annotation);
}

void
_fz_report_page_init_review (FzReportPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  g_menu_append (menu, _("Annotate Selection…"), "win.annotate");
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->text_view), G_MENU_MODEL (menu));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->text_view));
}

/* Findings from the batch ------------------------------------------------- */

/* FzReport:added-findings grew.  The findings and memo views follow the
 * report themselves; the text is marked with what the report holds. */
void
_fz_report_page_on_added_findings (FzReportPage *self)
{
  fz_report_view_set_extra_findings (self->text_view, fz_report_get_added_findings (self->report));
  _fz_report_page_update_badges (self);
}

FzMemo *
fz_report_page_create_memo (FzReportPage *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), NULL);

  _fz_report_page_finish_apply (self);

  return fz_memo_view_create_memo (_fz_report_page_ensure_memo_view (self));
}

void
fz_report_page_show_view (FzReportPage *self,
                          const char   *name)
{
  g_return_if_fail (FZ_IS_REPORT_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

void
fz_report_page_choose_published_page (FzReportPage *self)
{
  g_return_if_fail (FZ_IS_REPORT_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "filing");
  fz_published_view_choose (fz_filing_view_get_published_view (_fz_report_page_ensure_filing_view (self)));
}

const char *
fz_report_page_get_visible_view (FzReportPage *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/* Keyboard review --------------------------------------------------------- */

static gboolean
try_checklist (FzReportPage *self,
               gboolean      forward)
{
  if (!fz_checklist_view_select_next_open (self->checklist_view, forward))
    return FALSE;

  self->walking_findings = FALSE;
  fz_findings_view_clear_selection (self->findings_view);
  fz_report_page_show_view (self, "checklist");
  return TRUE;
}

static gboolean
try_findings (FzReportPage *self,
              gboolean      forward)
{
  if (!fz_findings_view_select_next (self->findings_view, forward))
    return FALSE;

  self->walking_findings = TRUE;
  fz_report_page_show_view (self, "problems");
  return TRUE;
}

/* F8 stops at the required elements still waiting for a decision, then
 * at each kind of problem, and wraps around; Shift+F8 goes back. */
gboolean
fz_report_page_select_next_open (FzReportPage *self,
                                 gboolean      forward)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), FALSE);

  if (self->analysis == NULL)
    return FALSE;

  _fz_report_page_finish_apply (self);
  if (forward)
    {
      if (!self->walking_findings && try_checklist (self, TRUE))
        return TRUE;
      if (!self->walking_findings)
        fz_findings_view_clear_selection (self->findings_view);
      if (try_findings (self, TRUE))
        return TRUE;
      fz_checklist_view_clear_selection (self->checklist_view);
      if (try_checklist (self, TRUE))
        return TRUE;
      fz_findings_view_clear_selection (self->findings_view);
      if (try_findings (self, TRUE))
        return TRUE;
    }
  else
    {
      if (self->walking_findings && try_findings (self, FALSE))
        return TRUE;
      if (self->walking_findings)
        fz_checklist_view_clear_selection (self->checklist_view);
      if (try_checklist (self, FALSE))
        return TRUE;
      fz_findings_view_clear_selection (self->findings_view);
      if (try_findings (self, FALSE))
        return TRUE;
      fz_checklist_view_clear_selection (self->checklist_view);
      if (try_checklist (self, FALSE))
        return TRUE;
    }

  gtk_widget_error_bell (GTK_WIDGET (self));

  return FALSE;
}

const char *
fz_report_page_get_selected_element (FzReportPage *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), NULL);

  if (self->analysis == NULL)
    return NULL;

  return fz_checklist_view_get_selected_element (self->checklist_view);
}

gboolean
fz_report_page_decide_selected (FzReportPage *self,
                                FzStatus      status)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), FALSE);
  g_return_val_if_fail (status != FZ_STATUS_NEEDS_REVIEW, FALSE);

  if (self->analysis == NULL || !fz_checklist_view_decide_selected (self->checklist_view, status))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  return TRUE;
}
