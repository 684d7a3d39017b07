/* fz-checker.c: which required elements a report has, and how surely
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-checker"

#include "config.h"

#include <string.h>

#include "fz-checker-private.h"
#include "fz-script.h"

/* The guiding rule: never say "present" where a careful reviewer would not.
 * A false "present" makes the reviewer skip a missing part; a false
 * "partial" only costs a look.  So an element is present only when a
 * heading of its own carries it and the text under that heading has
 * substance; everything weaker is partial or needs review, and the
 * explanation says why. */

/* Longer "headings" are numbered paragraphs that lack a full stop. */
#define MAX_HEADING_BYTES 600

G_DEFINE_BOXED_TYPE (FzElementResult, fz_element_result,
                     fz_element_result_copy, fz_element_result_free)

/* Why a section found by heading does or does not carry an element. */
typedef struct
{
  int        section;
  FzStatus   status;
  gboolean   specific;            /* no other element's heading matches */
  int        prio_rank;           /* elements of higher priority sharing the heading */
  guint      body_chars;
  gboolean   short_body;
  gboolean   deep;
  gboolean   weak_shared;
  int        nested_under;        /* section of another element above it, or -1 */
  int        bad_year;            /* the heading's year when it is wrong, else 0 */
  GPtrArray *failed;              /* FzRuleRequirement that were not met */
  GPtrArray *met;                 /* char *: "label（quotes）" of requirements met */
  GArray    *evidence;            /* FzRange */
} Verdict;

static void
verdict_free (Verdict *v)
{
  if (v == NULL)
    return;

  g_clear_pointer (&v->failed, g_ptr_array_unref);
  g_clear_pointer (&v->met, g_ptr_array_unref);
  g_clear_pointer (&v->evidence, g_array_unref);
  g_free (v);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Verdict, verdict_free)


FzElementResult *
fz_element_result_copy (const FzElementResult *result)
{
  FzElementResult *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_memdup2 (result, sizeof *result);
  copy->id = g_strdup (result->id);
  copy->name = g_strdup (result->name);
  copy->explanation = g_strdup (result->explanation);
  if (result->evidence != NULL)
    copy->evidence = g_array_copy (result->evidence);

  return copy;
}

void
fz_element_result_free (FzElementResult *result)
{
  if (result == NULL)
    return;

  g_free (result->id);
  g_free (result->name);
  g_free (result->explanation);
  g_clear_pointer (&result->evidence, g_array_unref);
  g_free (result);
}




















/* Years named in a heading: "2025年", "２０２５年", "二〇二五年". */
FZ_DEFINE_STATIC_REGEX (heading_year_regex,
                        "([0-9０-９]{4}|[〇零一二三四五六七八九]{4})\\s*年")

/* @opens[i]: the year stands at the start of the heading, as the part's
 * own year does ("2024年推进法治政府建设的主要举措和成效"). */
static guint
heading_years (const char *heading,
               int        *years,
               gboolean   *opens,
               guint       max_years)
{
  gsize len = strlen (heading);
  gsize from = 0;
  guint n = 0;
  gssize groups[4];

  while (n < max_years &&
         fz_regex_search_groups (heading_year_regex (), heading, len, from, groups, 2))
    {
      int year = 0;

      for (const char *p = heading + groups[2]; p < heading + groups[3]; p = g_utf8_next_char (p))
        {
          static const gunichar han[] = { 0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
                                          0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D };
          gunichar ch = g_utf8_get_char (p);
          int digit = 0;

          if (ch >= '0' && ch <= '9')
            digit = ch - '0';
          else if (ch >= 0xFF10 && ch <= 0xFF19)
            digit = ch - 0xFF10;
          else if (ch == 0x96F6)
            digit = 0;
          else
            for (guint k = 0; k < G_N_ELEMENTS (han); k++)
              if (han[k] == ch)
                digit = k;
          year = year * 10 + digit;
        }

      if (year >= 1990 && year <= 2100)
        {
          opens[n] = groups[2] == 0;
          years[n++] = year;
        }
      from = groups[1];
    }

  return n;
}

/* The nearest ancestor carrying another element, if @element may not stand
 * beneath it: a sub-heading there is not a part of the report of its own. */
static int
find_foreign_parent (const Checker *c,
                     guint          element,
                     guint          section)
{
  for (int p = section_at (c, section)->parent; p >= 0; p = section_at (c, p)->parent)
    {
      if (c->n_matched[p] == 0)
        continue;
      if (match_at (c, element, p) != MATCH_NONE)
        return -1;
      for (guint f = 0; f < c->n_elements; f++)
        if (f != element && match_at (c, f, p) != MATCH_NONE &&
            element_nests_in (c, element, f))
          return -1;
      return p;
    }

  return -1;
}

static Verdict *
judge_section (Checker *c,
               guint    element,
               guint    index)
{
  const FzRuleElement *e = element_at (c, element);
  const FzSection *s = section_at (c, index);
  Verdict *v = g_new0 (Verdict, 1);
  int years[4];
  gboolean opens[4];
  guint n_years;

  v->section = index;
  v->failed = g_ptr_array_new ();
  v->met = g_ptr_array_new_with_free_func (g_free);
  v->evidence = g_array_new (FALSE, FALSE, sizeof (FzRange));
  _fz_checker_add_range (v->evidence, s->start, s->heading_end);

  v->specific = c->n_matched[index] == 1;
  for (guint f = 0; f < c->n_elements; f++)
    if (f != element && match_at (c, f, index) != MATCH_NONE &&
        element_at (c, f)->priority > e->priority)
      v->prio_rank++;

  v->deep = s->depth > 2;
  v->weak_shared = match_at (c, element, index) == MATCH_WEAK && !v->specific;
  v->nested_under = find_foreign_parent (c, element, index);
  v->body_chars = _fz_checker_count_body_chars (c, index);
  v->short_body = v->body_chars < e->min_body_chars;

  if (e->year_offset != G_MININT && c->report_year > 0 &&
      (n_years = heading_years (s->heading, years, opens, G_N_ELEMENTS (years))) > 0)
    {
      int expected = c->report_year + e->year_offset;
      gboolean ok = FALSE;
      int bad = 0;

      /* A neighbouring year inside the heading names something of that
       * year ("持续抓好2024年督察反馈问题整改" in the report on 2025); only a
       * year that opens the heading is the part's own. */
      for (guint i = 0; i < n_years; i++)
        {
          ok |= years[i] == expected;
          if (bad == 0 && years[i] != expected && (opens[i] || ABS (years[i] - expected) != 1))
            bad = years[i];
        }
      if (!ok)
        v->bad_year = bad;
    }

  for (guint r = 0; r < e->requirements->len; r++)
    {
      const FzRuleRequirement *req = g_ptr_array_index (e->requirements, r);
      guint lo_char = req->in_body ? s->body_start : s->start;
      gsize lo = _fz_checker_to_byte (c, lo_char);
      gsize hi = _fz_checker_to_byte (c, s->end);
      g_autoptr(GPtrArray) quotes = g_ptr_array_new_with_free_func (g_free);
      guint count = 0;
      gsize from = 0;
      gssize ms, me;

      while ((count < req->min_count || quotes->len < MAX_QUOTES) &&
             fz_regex_search (req->pattern, c->text + lo, hi - lo, from, &ms, &me))
        {
          g_autofree char *word = g_strndup (c->shown + lo + ms, me - ms);

          count++;
          if (quotes->len < MAX_QUOTES &&
              !g_ptr_array_find_with_equal_func (quotes, word, g_str_equal, NULL))
            {
              int para = fz_document_paragraph_at (c->document,
                                                   lo_char + _fz_checker_count_chars (c, lo, lo + ms));

              if (para >= 0)
                {
                  Hit hit = { fz_document_get_paragraph (c->document, para), 0, 0, lo + ms, lo + me };

                  _fz_checker_sentence_bounds (c, &hit);
                  _fz_checker_add_hit_range (c, v->evidence, &hit);
                }
              g_ptr_array_add (quotes, g_steal_pointer (&word));
            }
          /* An empty match must still move on, by a whole character. */
          from = me > ms ? (gsize) me
                         : (gsize) (g_utf8_next_char (c->text + lo + ms) - (c->text + lo));
          if (from >= hi - lo)
            break;
        }

      if (count < req->min_count)
        g_ptr_array_add (v->failed, (gpointer) req);
      else if (req->label != NULL)
        {
          GString *met = g_string_new (c->zh || req->label_en == NULL ? req->label : req->label_en);

          g_string_append (met, c->zh ? "（" : " (");
          for (guint q = 0; q < quotes->len; q++)
            g_string_append_printf (met, "%s“%s…”", q > 0 && !c->zh ? " " : "",
                                    (const char *) g_ptr_array_index (quotes, q));
          g_string_append (met, c->zh ? "）" : ")");
          g_ptr_array_add (v->met, g_string_free (met, FALSE));
        }
    }

  _fz_checker_tidy_ranges (v->evidence);

  if (v->deep || v->short_body || v->failed->len > 0)
    v->status = FZ_STATUS_PARTIAL;
  else if (v->weak_shared || v->nested_under >= 0 || v->bad_year != 0)
    v->status = FZ_STATUS_NEEDS_REVIEW;
  else
    v->status = FZ_STATUS_PRESENT;

  return v;
}

static int
status_rank (FzStatus status)
{
  switch (status)
    {
    case FZ_STATUS_PRESENT:        return 0;
    case FZ_STATUS_NEEDS_REVIEW:   return 1;
    case FZ_STATUS_PARTIAL:        return 2;
    case FZ_STATUS_NOT_APPLICABLE: return 3;
    case FZ_STATUS_MISSING:        return 4;
    default:                       return 4;
    }
}

/* Best first: the better status, then a heading about this element alone,
 * then the shallower, then the one it claims first, then the earlier. */
static gboolean
verdict_better (const Checker *c,
                const Verdict *a,
                const Verdict *b)
{
  guint da = section_at (c, a->section)->depth;
  guint db = section_at (c, b->section)->depth;

  if (status_rank (a->status) != status_rank (b->status))
    return status_rank (a->status) < status_rank (b->status);
  if (a->specific != b->specific)
    return a->specific;
  if (da != db)
    return da < db;
  if (a->prio_rank != b->prio_rank)
    return a->prio_rank < b->prio_rank;
  return a->section < b->section;
}

/* A heading shared by several elements that its sub-sections divide among
 * them ("二、存在问题及下一步工作计划" over "（一）存在问题" and
 * "（二）下一步工作计划"): each element then belongs to its sub-section. */
static gboolean
is_split (const Checker *c,
          guint          element,
          guint          section)
{
  gboolean shared = FALSE;

  for (guint f = 0; f < c->n_elements; f++)
    {
      gboolean below = FALSE;

      if (f == element || match_at (c, f, section) == MATCH_NONE)
        continue;
      shared = TRUE;
      for (guint d = section + 1; d < c->subtree_end[section] && !below; d++)
        below = match_at (c, f, d) != MATCH_NONE;
      if (!below)
        return FALSE;
    }

  return shared;
}

static Verdict *
find_by_heading (Checker *c,
                 guint    element)
{
  g_autofree gboolean *dropped = g_new0 (gboolean, c->n_sections + 1);
  Verdict *best = NULL;

  /* Between a section and one below it that both match, keep the outer
   * one ("五、存在的不足和原因" over its "（三）…存在短板"), unless the outer
   * one is split among elements. */
  for (guint a = 0; a < c->n_sections; a++)
    {
      if (match_at (c, element, a) == MATCH_NONE)
        continue;
      for (guint d = a + 1; d < c->subtree_end[a]; d++)
        {
          if (match_at (c, element, d) == MATCH_NONE)
            continue;
          if (is_split (c, element, a))
            dropped[a] = TRUE;
          else
            dropped[d] = TRUE;
        }
    }

  for (guint s = 0; s < c->n_sections; s++)
    {
      Verdict *v;

      if (dropped[s] || match_at (c, element, s) == MATCH_NONE)
        continue;

      v = judge_section (c, element, s);
      if (best == NULL || verdict_better (c, v, best))
        {
          verdict_free (best);
          best = v;
        }
      else
        verdict_free (v);
    }

  return best;
}

static FzElementResult *
result_new (const Checker       *c,
            const FzRuleElement *e)
{
  FzElementResult *result = g_new0 (FzElementResult, 1);

  result->id = g_strdup (e->id);
  result->name = g_strdup (c->zh || e->name_en == NULL ? e->name : e->name_en);
  result->required = e->required;
  result->evidence = g_array_new (FALSE, FALSE, sizeof (FzRange));
  result->section = -1;

  return result;
}

static char *
explain_verdict (const Checker       *c,
                 const FzRuleElement *e,
                 const Verdict       *v)
{
  const FzSection *s = section_at (c, v->section);
  g_autofree char *where = _fz_checker_describe_section (s);
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  GString *first = g_string_new (NULL);

  /* Translators: the start of a sentence; the next two strings may
   * follow it, then a full stop.  %s is a heading such as "二、存在的问题". */
  g_string_append_printf (first, tr (c, N_("Found under “%s”"), "在“%s”中找到"), where);
  for (guint i = 0; i < v->met->len; i++)
    {
      /* Translators: %s is what the text shows, e.g. "an analysis of causes (“由于…”)". */
      g_string_append_printf (first, tr (c, N_("; the text has %s"), "，正文有%s"),
                              (const char *) g_ptr_array_index (v->met, i));
    }
  for (guint i = 0; i < v->failed->len; i++)
    {
      const FzRuleRequirement *req = g_ptr_array_index (v->failed, i);

      /* Translators: %s says what is lacking, from the rule set. */
      g_string_append_printf (first, tr (c, N_(", but %s"), "，但%s"),
                              c->zh || req->message_en == NULL ? req->message : req->message_en);
    }
  g_string_append (first, c->zh ? "。" : ".");
  g_ptr_array_add (sentences, g_string_free (first, FALSE));

  if (v->deep)
    g_ptr_array_add (sentences,
                     g_strdup_printf (tr (c, N_("It is only a level-%u item, not a section of its own."),
                                          "这只是第%u级小标题，未单独成节。"),
                                      s->depth));
  if (v->short_body && v->body_chars < MIN_CONTENT_CHARS)
    g_ptr_array_add (sentences,
                     g_strdup (tr (c, N_("There is only the heading, with no content under it."),
                                   "只有标题，未见具体内容。")));
  else if (v->short_body)
    g_ptr_array_add (sentences,
                     g_strdup_printf (tr (c, N_("The text under the heading is only %u characters long, which is too thin for this part; check that it is complete."),
                                          "标题下正文仅%u字，内容过于简略，请核对是否完整。"),
                                      v->body_chars));
  if (v->weak_shared)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *list = NULL;

      for (guint f = 0; f < c->n_elements; f++)
        if (match_at (c, f, v->section) != MATCH_NONE && element_at (c, f) != e)
          g_ptr_array_add (names, (gpointer) fz_rule_element_get_display_name (element_at (c, f)));
      list = _fz_checker_join_names (c, names);
      g_ptr_array_add (sentences,
                       g_strdup_printf (tr (c, N_("The heading belongs to %s; check whether it covers this item as well."),
                                            "该标题属于%s，请核对是否也涵盖本项。"),
                                        list));
    }
  if (v->nested_under >= 0)
    {
      g_autofree char *parent = _fz_checker_describe_section (section_at (c, v->nested_under));

      g_ptr_array_add (sentences,
                       g_strdup_printf (tr (c, N_("The heading stands under “%s” instead of being a part of its own; please check."),
                                            "该标题位于“%s”之下，未单独成节，请核对。"),
                                        parent));
    }
  if (v->bad_year != 0)
    g_ptr_array_add (sentences,
                     g_strdup_printf (tr (c, N_("The heading names the year %d, but in a report on %d it should be %d; please check."),
                                          "标题写的是%d年，报告年度为%d年，此处应为%d年，请核对。"),
                                      v->bad_year, c->report_year,
                                      c->report_year + e->year_offset));

  g_ptr_array_add (sentences, NULL);
  return g_strjoinv (c->zh ? "" : " ", (char **) sentences->pdata);
}

static double
verdict_confidence (const Checker *c,
                    const Verdict *v)
{
  switch (v->status)
    {
    case FZ_STATUS_PRESENT:
      return v->specific && section_at (c, v->section)->depth == 1 ? 0.95 : 0.9;
    case FZ_STATUS_PARTIAL:
      return 0.7;
    case FZ_STATUS_NEEDS_REVIEW:
    case FZ_STATUS_MISSING:
    case FZ_STATUS_NOT_APPLICABLE:
    default:
      return 0.5;
    }
}

static int
element_index (const Checker *c,
               const char    *id)
{
  for (guint i = 0; i < c->n_elements; i++)
    if (g_str_equal (element_at (c, i)->id, id))
      return i;

  return -1;
}

static FzElementResult *
check_element (Checker *c,
               guint    element,
               Verdict *verdict)
{
  const FzRuleElement *e = element_at (c, element);
  FzElementResult *result = result_new (c, e);
  int scope = -1;
  gsize lo = 0, hi = fz_document_get_text_bytes (c->document);
  g_autofree char *scope_name = NULL;

  if (verdict != NULL)
    {
      result->status = verdict->status;
      result->confidence = verdict_confidence (c, verdict);
      result->explanation = explain_verdict (c, e, verdict);
      result->section = verdict->section;
      g_array_append_vals (result->evidence, verdict->evidence->data, verdict->evidence->len);
      return result;
    }

  if (e->collect_unclaimed && _fz_checker_read_results (c, element, result))
    {
      _fz_checker_tidy_ranges (result->evidence);
      return result;
    }

  if (e->evidence_in != NULL)
    {
      int k = element_index (c, e->evidence_in);

      scope = k >= 0 ? c->carrier[k] : -1;
      if (scope >= 0)
        {
          const FzSection *s = section_at (c, scope);

          lo = _fz_checker_to_byte (c, s->body_start);
          hi = _fz_checker_to_byte (c, s->end);
          scope_name = _fz_checker_describe_section (s);
        }
    }

  if ((e->evidence_in == NULL || scope >= 0) && _fz_checker_collect_evidence (c, e, lo, hi, result))
    {
      _fz_checker_tidy_ranges (result->evidence);
      return result;
    }

  if (!e->required)
    {
      result->status = FZ_STATUS_NOT_APPLICABLE;
      result->confidence = 0.9;
      result->explanation =
        g_strdup_printf (tr (c, N_("Not found. “%s” is optional, so leaving it out is not a defect."),
                             "未见此项。“%s”为选报内容，不写不算缺项。"),
                         result->name);
    }
  else if (scope_name != NULL)
    {
      result->status = FZ_STATUS_MISSING;
      result->confidence = 0.8;
      result->explanation =
        g_strdup_printf (tr (c, N_("There is no heading for it, and nothing about it under “%s”."),
                             "没有相应的标题，在“%s”中也未见相关表述。"),
                         scope_name);
    }
  else
    {
      result->status = FZ_STATUS_MISSING;
      result->confidence = 0.8;
      result->explanation =
        g_strdup_printf (tr (c, N_("Not found: no heading or passage deals with “%s”."),
                             "未找到：标题和正文中都没有关于“%s”的内容。"),
                         result->name);
    }

  return result;
}

static gboolean
matches_any (const FzRegex *joined,
             GPtrArray     *patterns,
             const char    *subject,
             gsize          len)
{
  if (joined != NULL)
    return fz_regex_search (joined, subject, len, 0, NULL, NULL);

  for (guint k = 0; k < patterns->len; k++)
    if (fz_regex_search (g_ptr_array_index (patterns, k), subject, len, 0, NULL, NULL))
      return TRUE;

  return FALSE;
}

static void
match_headings (Checker *c)
{
  for (guint s = 0; s < c->n_sections; s++)
    {
      const FzSection *section = section_at (c, s);
      /* 第一責任人 is 第一责任人: headings are matched as read. */
      g_autofree char *simplified = section->heading ? fz_script_simplify (section->heading, -1, NULL) : NULL;
      const char *heading = simplified ? simplified : section->heading ? section->heading : "";
      gsize len = strlen (heading);

      c->subtree_end[s] = c->n_sections;
      for (guint t = s + 1; t < c->n_sections; t++)
        if (section_at (c, t)->depth <= section->depth)
          {
            c->subtree_end[s] = t;
            break;
          }

      if (len == 0 || len > MAX_HEADING_BYTES)
        continue;

      for (guint e = 0; e < c->n_elements; e++)
        {
          const FzRuleElement *element = element_at (c, e);
          Match m = MATCH_NONE;

          if (matches_any (element->any_heading, element->headings, heading, len))
            m = MATCH_STRONG;
          else if (matches_any (element->any_weak_heading, element->weak_headings, heading, len))
            m = MATCH_WEAK;

          c->matches[e * c->n_sections + s] = m;
          if (m != MATCH_NONE)
            c->n_matched[s]++;
        }
    }
}

static int
compare_by_priority (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const Checker *c = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  int pa = element_at (c, ia)->priority, pb = element_at (c, ib)->priority;

  if (pa != pb)
    return pa > pb ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

/* The higher-priority element claims a shared section for display. */
static void
claim_sections (Checker   *c,
                GPtrArray *results)
{
  g_autofree guint *order = g_new (guint, c->n_elements);

  for (guint i = 0; i < c->n_elements; i++)
    order[i] = i;
  g_qsort_with_data (order, c->n_elements, sizeof (guint), compare_by_priority, c);

  for (guint i = 0; i < c->n_elements; i++)
    {
      const FzElementResult *result = g_ptr_array_index (results, order[i]);
      FzSection *section;

      if (result->section < 0)
        continue;
      section = section_at (c, result->section);
      if (section->element == NULL)
        section->element = g_strdup (result->id);
    }
}

GPtrArray *
fz_checker_run (FzRuleSet        *rules,
                FzDocument       *document,
                GPtrArray        *sections,
                const FzMetadata *metadata)
{
  g_autoptr(GPtrArray) verdicts = NULL;
  GPtrArray *results;
  Checker c = { 0 };

  g_return_val_if_fail (FZ_IS_RULESET (rules), NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (sections != NULL, NULL);

  c.document = document;
  c.text = fz_document_get_analysis_text (document);
  c.shown = fz_document_get_text (document);
  c.sections = sections;
  c.rules = rules;
  c.report_year = metadata != NULL ? metadata->report_year : 0;
  c.zh = fz_locale_is_chinese ();
  c.n_elements = fz_ruleset_get_n_elements (rules);
  c.n_sections = sections->len;
  c.matches = g_new0 (guint8, c.n_elements * c.n_sections + 1);
  c.n_matched = g_new0 (guint, c.n_sections + 1);
  c.subtree_end = g_new0 (guint, c.n_sections + 1);
  c.body_chars = g_new (guint, c.n_sections + 1);
  for (guint s = 0; s <= c.n_sections; s++)
    c.body_chars[s] = G_MAXUINT;
  c.carrier = g_new (int, c.n_elements + 1);

  /* The marks describe the latest run only. */
  for (guint s = 0; s < c.n_sections; s++)
    g_clear_pointer (&section_at (&c, s)->element, g_free);

  match_headings (&c);

  /* Headings first for every element: evidence for one element may be
   * searched within the section found for another. */
  verdicts = g_ptr_array_new_with_free_func ((GDestroyNotify) verdict_free);
  for (guint e = 0; e < c.n_elements; e++)
    {
      Verdict *v = find_by_heading (&c, e);

      /* "（二）压实责任统筹推进交通法治建设情况" inside a topical part of the
       * year's work is a piece of that part, not the part itself. */
      if (v != NULL && element_at (&c, e)->collect_unclaimed &&
          _fz_checker_inside_results (&c, e, v->section))
        g_clear_pointer (&v, verdict_free);

      c.carrier[e] = v != NULL ? v->section : -1;
      g_ptr_array_add (verdicts, v);
    }

  results = g_ptr_array_new_full (c.n_elements, (GDestroyNotify) fz_element_result_free);
  for (guint e = 0; e < c.n_elements; e++)
    g_ptr_array_add (results, check_element (&c, e, g_ptr_array_index (verdicts, e)));

  claim_sections (&c, results);
  for (guint e = 0; e < c.n_elements; e++)
    if (element_at (&c, e)->collect_unclaimed)
      _fz_checker_tag_results (&c, e);

  g_clear_pointer (&c.parts, g_array_unref);
  g_free (c.matches);
  g_free (c.n_matched);
  g_free (c.subtree_end);
  g_free (c.body_chars);
  g_free (c.carrier);

  return results;
}
