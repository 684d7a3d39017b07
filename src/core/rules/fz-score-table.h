/* fz-score-table.h: a bureau's scoring table (评分表), read from XML
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fz-types.h"

G_BEGIN_DECLS

/* Points are kept in hundredths ("centi-points") so that 0.5-point
 * deductions add up exactly; FZ_SCORE_POINTS() gives the points. */
#define FZ_SCORE_POINTS(centi) ((centi) / 100.0)

typedef enum
{
  FZ_SCORE_RULE_ELEMENT,          /* <element>: a checklist element missing or partial */
  FZ_SCORE_RULE_FINDING,          /* <finding>: so much per occurrence, up to a cap */
} FzScoreRuleKind;

/* One deduction rule of an item. */
typedef struct
{
  FzScoreRuleKind  kind;
  /* FZ_SCORE_RULE_ELEMENT */
  char            *element;       /* element id of the rule set */
  int              missing;       /* centi-points deducted when missing */
  int              partial;       /* … when partial */
  int              needs_review;  /* … when left to the reviewer (default: partial) */
  /* FZ_SCORE_RULE_FINDING */
  char           **findings;      /* finding ids; NULL when @severity decides */
  int              severity;      /* FzSeverity of the findings counted, -1 when @findings decide */
  int              each;          /* centi-points per occurrence */
  int              max;           /* cap, centi-points (the item's points when not given) */
  char            *label;         /* what the findings are, Chinese; nullable */
  char            *label_en;
  guint            xml_line;
} FzScoreRule;

/* One item of the table: points, and what takes them away. */
typedef struct
{
  char       *id;
  char       *name;               /* Chinese */
  char       *name_en;
  char       *guide;              /* what the reviewer judges, Chinese; nullable */
  char       *guide_en;
  int         points;             /* centi-points */
  gboolean    manual;             /* scored by the reviewer, no rules */
  GPtrArray  *rules;              /* FzScoreRule */
  guint       xml_line;
} FzScoreTableItem;

/* A band of totals that gives the 等次: totals from @min up. */
typedef struct
{
  char *id;
  char *name;                     /* Chinese, 优秀 */
  char *name_en;
  int   min;                      /* centi-points */
} FzScoreBand;

const char *fz_score_table_item_get_display_name (const FzScoreTableItem *item);
const char *fz_score_table_item_get_guide        (const FzScoreTableItem *item);
const char *fz_score_band_get_display_name       (const FzScoreBand      *band);
/* The rule's <finding label="…"> in the reviewer's language, or NULL. */
const char *fz_score_rule_get_label              (const FzScoreRule      *rule);

#define FZ_TYPE_SCORE_TABLE (fz_score_table_get_type ())

G_DECLARE_FINAL_TYPE (FzScoreTable, fz_score_table, FZ, SCORE_TABLE, GObject)

/* A table on its own (a <scoring> document).  Element references are
 * checked only when a rule set names the table. */
FzScoreTable           *fz_score_table_new_from_data    (const char    *xml,
                                                         gsize          len,
                                                         const char    *origin,
                                                         GError       **error);
FzScoreTable           *fz_score_table_new_from_file    (const char    *path,
                                                         GError       **error);

const char             *fz_score_table_get_id           (FzScoreTable  *self);
const char             *fz_score_table_get_name         (FzScoreTable  *self);
const char             *fz_score_table_get_display_name (FzScoreTable  *self);
const char             *fz_score_table_get_description  (FzScoreTable  *self);
/* The file it was read from ("resource://…" for a built-in one). */
const char             *fz_score_table_get_origin       (FzScoreTable  *self);
/* The rule set that names the table, NULL for a table read on its own. */
const char             *fz_score_table_get_ruleset_id   (FzScoreTable  *self);
/* The sum of the items' points. */
double                  fz_score_table_get_max          (FzScoreTable  *self);
int                     fz_score_table_get_max_centi    (FzScoreTable  *self);

guint                   fz_score_table_get_n_items      (FzScoreTable  *self);
const FzScoreTableItem *fz_score_table_get_item         (FzScoreTable  *self,
                                                         guint          index);
const FzScoreTableItem *fz_score_table_find_item        (FzScoreTable  *self,
                                                         const char    *id);
/* Bands from the highest minimum down. */
guint                   fz_score_table_get_n_bands      (FzScoreTable  *self);
const FzScoreBand      *fz_score_table_get_band         (FzScoreTable  *self,
                                                         guint          index);
/* The band a total of @centi hundredths of a point falls in. */
const FzScoreBand      *fz_score_table_get_band_for     (FzScoreTable  *self,
                                                         int            centi);

/* Whether any rule counts a finding of kind @id and @severity (in
 * *@counted); returns the table's own copy of @id when a rule names it,
 * NULL when only its severity counts (or nothing does). */
const char             *fz_score_table_counts_finding   (FzScoreTable  *self,
                                                         const char    *id,
                                                         FzSeverity     severity,
                                                         gboolean      *counted);

/* Whether a scoring table may name @id in <finding ref="…">: every finding
 * the checks report, the filing and publication findings, and
 * copy_overlap. */
gboolean                fz_score_table_finding_is_known (const char    *id);

G_END_DECLS
