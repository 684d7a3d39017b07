/* fz-checklist-item.h: one element of the checklist, as the reviewer sees it
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_CHECKLIST_ITEM (fz_checklist_item_get_type ())

G_DECLARE_FINAL_TYPE (FzChecklistItem, fz_checklist_item, FZ, CHECKLIST_ITEM, GObject)

/* The machine's verdict on @result from @analysis; the reviewer's decision
 * comes with fz_checklist_item_sync(). */
FzChecklistItem *fz_checklist_item_new            (FzAnalysis            *analysis,
                                                   const FzElementResult *result);
const char      *fz_checklist_item_get_id         (FzChecklistItem *self);
const char      *fz_checklist_item_get_name       (FzChecklistItem *self);
gboolean         fz_checklist_item_get_required   (FzChecklistItem *self);
FzStatus         fz_checklist_item_get_machine_status (FzChecklistItem *self);
const char      *fz_checklist_item_get_explanation (FzChecklistItem *self);
/* The colour of the element's headings and evidence in the text; NULL
 * when the text shows nothing of it. */
const char      *fz_checklist_item_get_color      (FzChecklistItem *self);
/* The reviewer's status when they decided, else the machine's. */
FzStatus         fz_checklist_item_get_status     (FzChecklistItem *self);
gboolean         fz_checklist_item_get_decided    (FzChecklistItem *self);
/* Why the reviewer overrode the machine; NULL when they did not say. */
const char      *fz_checklist_item_get_reason     (FzChecklistItem *self);
/* Where activating the item goes in the text: the first passage that
 * shows the element itself (a 不足的原因 sentence, not the 不足 heading it
 * shares); FALSE when there is none. */
gboolean         fz_checklist_item_get_target     (FzChecklistItem *self,
                                                   guint           *start,
                                                   guint           *end);
/* Takes the reviewer's decision from @review (nullable), notifying only
 * what changed. */
void             fz_checklist_item_sync           (FzChecklistItem *self,
                                                   FzReview        *review);

G_END_DECLS
