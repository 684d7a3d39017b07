/* fz-checker-private.h: what the parts of the checker share
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-checker.h"
#include "fz-i18n.h"

G_BEGIN_DECLS

/* Top-level sections with less body than this are not counted as topical
 * measures. */
#define MIN_TOPICAL_CHARS 20
/* Less body than this under a heading is no content at all. */
#define MIN_CONTENT_CHARS 10
#define MAX_EVIDENCE 6
#define MAX_QUOTES 2
#define MAX_LISTED_SECTIONS 4
#define QUOTE_CONTEXT 12

typedef enum
{
  MATCH_NONE,
  MATCH_WEAK,
  MATCH_STRONG,
} Match;

typedef struct
{
  FzDocument  *document;
  const char  *text;              /* the analysis text: traditional characters read as simplified */
  const char  *shown;             /* the text as shown, at the same offsets: for quotations */
  GPtrArray   *sections;
  FzRuleSet   *rules;
  int          report_year;
  gboolean     zh;
  guint        n_elements;
  guint        n_sections;
  guint8      *matches;           /* [element * n_sections + section]: a Match */
  guint       *n_matched;         /* per section: elements whose headings match it */
  guint       *subtree_end;       /* per section: one past its last descendant */
  guint       *body_chars;        /* per section, G_MAXUINT until counted */
  int         *carrier;           /* per element: the section found by heading, or -1 */
  GArray      *parts;             /* top-level sections that tell the year's work (guint); NULL until read */
  guint        parts_element;     /* the element @parts were read for */
  gboolean     parts_borrowed;    /* @parts are another element's (第一责任人…), for want of any */
} Checker;

/* A passage that mentions an element outside any heading of its own. */
typedef struct
{
  const FzParagraph *para;
  gsize              sentence_start;  /* bytes */
  gsize              sentence_end;
  gsize              match_start;
  gsize              match_end;
} Hit;

static inline const char *tr (const Checker *c,
                              const char    *en,
                              const char    *zh) G_GNUC_FORMAT (2);

/* Explanations follow the reviewer's language even where no catalog is
 * installed, so the Chinese text is written here as well; the English
 * msgid still goes through gettext for any other catalog.  Both strings
 * must take the same arguments. */
static inline const char *
tr (const Checker *c,
    const char    *en,
    const char    *zh)
{
  return c->zh ? zh : _(en);
}

static inline FzSection *
section_at (const Checker *c,
            int            index)
{
  return g_ptr_array_index (c->sections, index);
}

static inline Match
match_at (const Checker *c,
          guint          element,
          guint          section)
{
  return c->matches[element * c->n_sections + section];
}

static inline const FzRuleElement *
element_at (const Checker *c,
            guint          index)
{
  return fz_ruleset_get_element (c->rules, index);
}

/* Whether a heading of element @inner may stand inside a part of element
 * @outer: @inner's rule names @outer among the parts it nests in. */
static inline gboolean
element_nests_in (const Checker *c,
                  guint          inner,
                  guint          outer)
{
  char **nest_in = element_at (c, inner)->nest_in;

  return nest_in != NULL && g_strv_contains ((const char * const *) nest_in, element_at (c, outer)->id);
}

/* fz-checker-text.c: offsets, sentences and evidence in the text */
gsize    _fz_checker_to_byte          (const Checker       *c,
                                       guint                offset);
guint    _fz_checker_count_chars      (const Checker       *c,
                                       gsize                from,
                                       gsize                to);
char    *_fz_checker_describe_section (const FzSection     *section);
void     _fz_checker_add_range        (GArray              *ranges,
                                       guint                start,
                                       guint                end);
void     _fz_checker_tidy_ranges      (GArray              *ranges);
guint    _fz_checker_count_body_chars (Checker             *c,
                                       guint                index);
void     _fz_checker_sentence_bounds  (const Checker       *c,
                                       Hit                 *hit);
void     _fz_checker_add_hit_range    (const Checker       *c,
                                       GArray              *ranges,
                                       const Hit           *hit);
char    *_fz_checker_join_names       (const Checker       *c,
                                       GPtrArray           *names);
gboolean _fz_checker_collect_evidence (Checker             *c,
                                       const FzRuleElement *e,
                                       gsize                lo,
                                       gsize                hi,
                                       FzElementResult     *result);

/* fz-checker-results.c: the parts that tell the year's work */
gboolean _fz_checker_read_results     (Checker             *c,
                                       guint                element,
                                       FzElementResult     *result);
void     _fz_checker_tag_results      (Checker             *c,
                                       guint                element);
gboolean _fz_checker_inside_results   (Checker             *c,
                                       guint                element,
                                       int                  section);

G_END_DECLS
