/* fz-ruleset.h: a checklist of required report elements, read from XML
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fz-regex.h"
#include "fz-score-table.h"
#include "fz-types.h"

G_BEGIN_DECLS

/* A condition the section found by heading must meet to be "present"; when
 * it fails the element is only "partial" and @message says what is lacking. */
typedef struct
{
  FzRegex  *pattern;
  guint     min_count;
  guint     in_body : 1;          /* search the body only, not the heading */
  char     *message;              /* Chinese */
  char     *message_en;
  char     *label;                /* what a match shows, e.g. 原因分析; nullable */
  char     *label_en;
} FzRuleRequirement;

typedef struct
{
  char      *id;
  char      *name;                /* Chinese */
  char      *name_en;
  char      *short_name;          /* Chinese, a few words for a column header; nullable */
  char      *short_name_en;
  char      *article;             /* the provision it comes from; nullable */
  gboolean   required;
  int        priority;            /* higher claims a shared heading first */
  guint      min_body_chars;      /* less body than this under the heading: partial */
  int        year_offset;         /* heading year expected at report year + offset; G_MININT when unchecked */
  GPtrArray *headings;            /* FzRegex, matched against heading text */
  GPtrArray *evidence;            /* FzRegex, body sentences that mention the element */
  GPtrArray *requirements;        /* FzRuleRequirement */
  guint      xml_line;
  GPtrArray *weak_headings;       /* FzRegex: count in full only when no other element's heading matches */
  char      *evidence_in;         /* element whose section bounds the evidence search; nullable */
  char     **nest_in;             /* elements under whose section a sub-heading still counts in full; nullable */
  gboolean   collect_unclaimed;   /* without a heading, top-level sections nobody claims point to it */
  /* For speed.  @headings and @weak_headings each joined into one pattern
   * (NULL when there is only one or they cannot be joined), since headings
   * are short and each search has a fixed cost; @evidence split at every
   * top-level "|" where that is safe and compiled with PCRE2_MULTILINE,
   * since a pattern that opens with a literal is scanned far faster. */
  FzRegex   *any_heading;
  FzRegex   *any_weak_heading;
  GPtrArray *evidence_scan;       /* FzRegex */
} FzRuleElement;

/* The element's name in the reviewer's language. */
const char *fz_rule_element_get_display_name (const FzRuleElement *element);
/* A few words for a column header (<short>), else the display name. */
const char *fz_rule_element_get_short_name (const FzRuleElement *element);

#define FZ_TYPE_RULESET (fz_ruleset_get_type ())

G_DECLARE_FINAL_TYPE (FzRuleSet, fz_ruleset, FZ, RULESET, GObject)

FzRuleSet           *fz_ruleset_new_from_data   (const char  *xml,
                                                 gsize        len,
                                                 const char  *origin,
                                                 GError     **error);
FzRuleSet           *fz_ruleset_new_from_file   (const char  *path,
                                                 GError     **error);
/* @name is a built-in id ("national", "guangdong"), the id of a rule set in
 * the user folder (fz_ruleset_get_user_dir()), or a path to an XML file. */
FzRuleSet           *fz_ruleset_load            (const char  *name,
                                                 GError     **error);
/* The same, with user rule sets (and what they extend) looked up in
 * @folder: the one the reviewer chose, held by a FzRuleSetStore. */
FzRuleSet           *fz_ruleset_load_from       (const char  *folder,
                                                 const char  *name,
                                                 GError     **error);
/* Ids of the built-in and user rule sets, built-in first. */
char               **fz_ruleset_list_available  (void);
char               **fz_ruleset_list_in         (const char  *folder);
/* The tables of the built-in and the user's rule sets (FzScoreTable), each
 * listed once under the rule set that defines it, built-in first; for
 * the window's menu of tables.  Rule sets that cannot be loaded are left
 * out.  Declared here, not in fz-score-table.h, because it reads the rule
 * sets. */
GListModel          *fz_score_table_list_available (void);
/* The folder of user rule sets: $XDG_CONFIG_HOME/fazhi-review/rules/
 * (fz_ruleset_get_default_dir()) unless fz_ruleset_set_user_dir() chose
 * another; NULL or "" restores the default. */
char                *fz_ruleset_get_user_dir    (void);
char                *fz_ruleset_get_default_dir (void);
void                 fz_ruleset_set_user_dir    (const char  *dir);

const char          *fz_ruleset_get_id          (FzRuleSet   *self);
const char          *fz_ruleset_get_name        (FzRuleSet   *self);
const char          *fz_ruleset_get_display_name (FzRuleSet  *self);
const char          *fz_ruleset_get_source      (FzRuleSet   *self);
const char          *fz_ruleset_get_description (FzRuleSet   *self);
/* Id of the rule set this one extends, or NULL. */
const char          *fz_ruleset_get_extends     (FzRuleSet   *self);
const char          *fz_ruleset_get_origin      (FzRuleSet   *self);
guint                fz_ruleset_get_n_elements  (FzRuleSet   *self);
const FzRuleElement *fz_ruleset_get_element     (FzRuleSet   *self,
                                                 guint        index);
const FzRuleElement *fz_ruleset_find_element    (FzRuleSet   *self,
                                                 const char  *id);
/* Submission deadline (month, day) in the year after the report year. */
void                 fz_ruleset_get_deadline    (FzRuleSet   *self,
                                                 guint       *month,
                                                 guint       *day);

/* The deadline for a reporter of @level: a <deadline level="…"> of the set
 * or of a set it extends, else the set's default. */
void                 fz_ruleset_get_deadline_for_level (FzRuleSet *self,
                                                        FzLevel    level,
                                                        guint     *month,
                                                        guint     *day);
/* Which deadline: sending the report to the level above (<deadline>, the
 * one fz_ruleset_get_deadline_for_level() gives), or making it public
 * (<deadline kind="publication">, 4月1日 when no set names one). */
typedef enum
{
  FZ_DEADLINE_FILING,
  FZ_DEADLINE_PUBLICATION,
} FzDeadlineKind;

/* The last day (month, day of the year after the report year) for @kind
 * and a reporter of @level, found as fz_ruleset_get_deadline_for_level()
 * finds the filing one. */
void                 fz_ruleset_get_deadline_for (FzRuleSet      *self,
                                                  FzDeadlineKind  kind,
                                                  FzLevel         level,
                                                  guint          *month,
                                                  guint          *day);

/* The scoring table (<scoring>) of the set, or of the set it extends;
 * NULL when none has one.  Owned by the rule set. */
FzScoreTable        *fz_ruleset_get_score_table (FzRuleSet *self);

/* Whether the finding @id is reported (TRUE unless a <check> says no). */
gboolean             fz_ruleset_get_check_enabled (FzRuleSet  *self,
                                                   const char *id);
/* A check's threshold: the rule set's value, or the check's default. */
double               fz_ruleset_get_check_param   (FzRuleSet  *self,
                                                   const char *id,
                                                   const char *param);

G_END_DECLS
