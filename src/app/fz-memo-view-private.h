/* fz-memo-view-private.h: what the memo view's files share
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-memo-view.h"

G_BEGIN_DECLS

/* Writing the memo again waits for a pause in the changes. */
#define REBUILD_DELAY_MS 120

struct _FzMemoView
{
  AdwBin        parent_instance;

  GtkRevealer  *sender_revealer;
  AdwEntryRow  *number_row;
  AdwEntryRow  *deadline_row;
  AdwEntryRow  *reviewer_row;
  AdwActionRow *score_row;
  GtkSwitch    *score_switch;
  GtkListBox   *paper;

  FzAnalysis   *analysis;
  FzReview     *review;
  FzReport     *report;         /* nullable: its added findings */
  FzScore      *score;            /* the page's, nullable */
  FzRounds     *rounds;           /* round two, nullable */
  FzHistory    *history;          /* last year followed up, nullable */
  GSettings    *settings;
  GListStore   *paragraphs;       /* FzMemoParagraph */
  guint         rebuild_id;
  guint         syncing : 1;      /* fields set by code, not typed */
  guint         stale : 1;        /* changed while out of sight: made again when shown */
};

/* Writes the memo again after a pause in the changes. */
void       _fz_memo_view_schedule   (FzMemoView *self);

/* fz-memo-view-rows.c: the row of a FzMemoParagraph, for
 * gtk_list_box_bind_model(), with the view as @user_data. */
GtkWidget *_fz_memo_view_create_row (gpointer    item,
                                     gpointer    user_data);
/* Gives @row's paragraph back the memo's own wording. */
void       _fz_memo_view_restore_row (GtkWidget *row);

G_END_DECLS
