/* fz-checklist-view-private.h: what the checklist view's files share
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-checklist-view.h"
#include "fz-reference-list.h"

G_BEGIN_DECLS

/* Positions in the decision drop-down; 0 means "not reviewed yet". */
enum {
  CHOICE_NONE,
  CHOICE_PRESENT,
  CHOICE_PARTIAL,
  CHOICE_MISSING,
  CHOICE_NOT_APPLICABLE,
};

struct _FzChecklistView
{
  AdwBin               parent_instance;

  GtkScrolledWindow   *scroller;
  GtkBox              *box;
  AdwPreferencesGroup *required_group;
  GtkListBox          *required_list;
  AdwPreferencesGroup *optional_group;
  GtkListBox          *optional_list;
  FzReferenceList     *reference_list;
  GtkPopover          *explain_popover;
  GtkLabel            *explain_label;

  FzAnalysis          *analysis;
  FzReview            *review;
  GListModel          *checklist;      /* FzChecklistItem, the report's */
  GtkSortListModel    *sorted;         /* the checklist, missing first */
  GtkFilterListModel  *required;       /* what the two list boxes show */
  GtkFilterListModel  *optional;
  char                *selected_id;
  guint                syncing : 1;    /* drop-downs set by code */
};

/* The drop-down position of a decision on @status. */
guint _fz_checklist_view_status_to_choice (FzStatus         status);
/* The row of @element_id, NULL when no row shows it. */
GtkWidget *_fz_checklist_view_find_row    (FzChecklistView *self,
                                           const char      *element_id);
/* Shows @row's evidence in the text, or what the checker looked for. */
void  _fz_checklist_view_activate_row     (FzChecklistView *self,
                                           GtkWidget       *row);

G_END_DECLS
