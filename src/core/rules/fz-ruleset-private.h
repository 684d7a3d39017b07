/* fz-ruleset-private.h: what the files of FzRuleSet share
 *
 *   fz-ruleset.c          the object and its getters
 *   fz-ruleset-element.c  one <element>: its patterns and requirements
 *   fz-ruleset-parse.c    a whole <ruleset>: deadlines, checks, scoring,
 *                         extends, remove and order
 *   fz-ruleset-load.c     finding a set by id or path: the built-in cache
 *                         and the user's folder
 *
 * The XML helpers they use are in fz-rules-xml-private.h.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "fz-ruleset.h"

G_BEGIN_DECLS

struct _FzRuleSet
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *name_en;
  char       *description;
  char       *description_en;
  char       *source;
  char       *origin;
  char       *extends;

  /* Inherited elements are borrowed from @parent, which is immutable. */
  FzRuleSet  *parent;
  GPtrArray  *own;                /* FzRuleElement, owned */
  GPtrArray  *elements;           /* FzRuleElement, borrowed, in checking order */

  guint       deadline_month;
  guint       deadline_day;

  /* <deadline level="…">, indexed by FzLevel; month 0 where not given. */
  guint8      level_deadline_month[FZ_LEVEL_DEPARTMENT + 1];
  guint8      level_deadline_day[FZ_LEVEL_DEPARTMENT + 1];
  gboolean    deadline_own;       /* a <deadline> without level in this file */

  /* <check>: finding id → FzRuleCheck, this set's own; see the getters. */
  GHashTable *checks;

  /* <deadline kind="publication">, indexed by FzLevel, FZ_LEVEL_UNKNOWN
   * holding the one without level; month 0 where not given. */
  guint8      publication_month[FZ_LEVEL_DEPARTMENT + 1];
  guint8      publication_day[FZ_LEVEL_DEPARTMENT + 1];

  /* <scoring>: this set's own table; see fz_ruleset_get_score_table(). */
  FzScoreTable *scoring;
};

/* One <check>: made by fz-ruleset-parse.c, freed with FzRuleSet.checks. */
typedef struct
{
  int         enabled;            /* -1 when not said */
  GHashTable *params;             /* parameter name → double *, owned */
} FzRuleCheck;

typedef FzRuleSet *(*FzRuleSetLoadFunc) (const char  *name,
                                         const char  *folder,
                                         GPtrArray   *chain,
                                         GError     **error);

/* What a rule set is being read for. */
typedef struct
{
  const char        *origin;
  const char        *folder;      /* the user's rule-set folder, where extends= looks */
  GPtrArray         *chain;       /* ids of the rule sets that extend this one, outermost first */
  /* Loads the set that extends= names, as fz_ruleset_load_from() would:
   * handed in by fz-ruleset-load.c, so that the reader does not need to
   * know where rule sets are kept. */
  FzRuleSetLoadFunc  load;
} FzRuleSetLoader;

/* fz-ruleset-element.c */
void           _fz_rule_element_free   (FzRuleElement *element);
/* The index of the element @id in @elements (FzRuleElement), or -1. */
int            _fz_rule_elements_find  (GPtrArray     *elements,
                                        const char    *id);
FzRuleElement *_fz_rule_element_parse  (const char    *origin,
                                        xmlNode       *node,
                                        GError       **error);

/* fz-ruleset-parse.c */
/* The rule set in @doc, with the set it extends loaded through @loader. */
FzRuleSet     *_fz_ruleset_parse       (const FzRuleSetLoader *loader,
                                        xmlDoc                *doc,
                                        GError               **error);

G_END_DECLS
