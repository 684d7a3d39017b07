/* fz-score-table-list.h: the scoring tables a reviewer can choose from
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fz-ruleset-store.h"

G_BEGIN_DECLS

#define FZ_TYPE_SCORE_TABLE_LIST (fz_score_table_list_get_type ())

G_DECLARE_FINAL_TYPE (FzScoreTableList, fz_score_table_list, FZ, SCORE_TABLE_LIST, GObject)

/* A GListModel of FzScoreTable: the tables the rule sets of @store define
 * themselves, in the store's order (built-in first); a set that inherits
 * its table adds none.  It follows the store, which reads the rule sets in
 * a worker, so nothing is parsed for it on the main thread — unlike
 * fz_score_table_list_available(), which loads every set.
 *
 * A table is applied through the rule set that defines it
 * (fz_score_table_get_ruleset_id()): its deductions name that set's
 * elements. */
FzScoreTableList *fz_score_table_list_new       (FzRuleSetStore   *store);
FzRuleSetStore   *fz_score_table_list_get_store (FzScoreTableList *self);
/* Position of the table defined by rule set @ruleset_id, or G_MAXUINT. */
guint             fz_score_table_list_find      (FzScoreTableList *self,
                                                 const char       *ruleset_id);

G_END_DECLS
