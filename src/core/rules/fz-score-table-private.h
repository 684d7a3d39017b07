/* fz-score-table-private.h: how a rule set reads and checks its table
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "fz-score-table.h"

G_BEGIN_DECLS

struct _FzScoreTable
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *name_en;
  char       *description;
  char       *description_en;
  char       *origin;
  char       *ruleset_id;
  GPtrArray  *items;              /* FzScoreTableItem */
  GPtrArray  *bands;              /* FzScoreBand, highest minimum first */
  int         max;                /* centi-points */
  /* What the rules count, for fz_score_table_counts_finding(). */
  GHashTable *counted_ids;        /* finding id → itself, borrowed from the rules */
  guint       counted_severities; /* 1 << FzSeverity */
};

/* Fills counted_ids and counted_severities once the items are read. */
void          _fz_score_table_index_findings  (FzScoreTable     *self);
void          _fz_score_rule_free             (FzScoreRule      *rule);
void          _fz_score_item_free             (FzScoreTableItem *item);
void          _fz_score_band_free             (FzScoreBand      *band);

/* The <scoring> element @node of the rule set read from @origin: the table
 * written inside it (its id defaulting to @ruleset_id), or the file its
 * file="…" names, relative to the rule set's own file. */
FzScoreTable *_fz_score_table_new_for_ruleset (const char    *origin,
                                               xmlNode       *node,
                                               const char    *ruleset_id,
                                               GError       **error);

typedef gboolean (*FzScoreHasElementFunc) (gpointer    data,
                                           const char *element_id);

/* Checks that every <element ref="…"> of @self names an element for which
 * @has_element says yes; the error names the table's file and line. */
gboolean      _fz_score_table_check_elements  (FzScoreTable          *self,
                                               FzScoreHasElementFunc  has_element,
                                               gpointer               data,
                                               GError               **error);

G_END_DECLS
