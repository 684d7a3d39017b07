/* fz-checks-substance.c: does the report say enough, and about what?
 *
 * Coverage of the nine task areas of the 纲要 (2021—2025), and the marks of
 * a thin report that rules.md section E collects: 重成绩轻问题, problems
 * without causes, achievements without figures, a plan without a year or
 * actions.  All of them are notes for the reviewer (rules.md marks them
 * [U]), never errors.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-checks"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fz-checks-private.h"
#include "fz-figures.h"
#include "fz-i18n.h"
#include "fz-outline-areas.h"
#include "fz-regex.h"
#include "fz-text-util.h"

static guint body_chars (FzCheckContext *ctx);

/* outline_coverage */

typedef struct
{
  guint      hits;
  guint      start;
  guint      end;
  gboolean   seen;
  GPtrArray *keywords;            /* const char *, borrowed from the outline */
} AreaCount;

/* @first_use: per keyword, where it first occurs (G_MAXUINT: never), so
 * that each area lists its keywords once, in the order the report uses
 * them. */
static void
count_keywords (FzCheckContext  *ctx,
                const FzOutline *outline,
                AreaCount       *counts,
                guint           *first_use)
{
  for (guint p = 0; p < ctx->n_paragraphs; p++)
    {
      const FzParagraph *para = ctx->paragraphs[p].paragraph;

      if (para->kind == FZ_PARAGRAPH_TITLE || para->kind == FZ_PARAGRAPH_ADDRESSEE)
        continue;

      for (guint i = para->start; i < para->end; i++)
        for (guint k = G_MAXUINT;
             G_UNLIKELY (_fz_outline_may_start (outline, ctx->chars, i)) &&
             _fz_outline_next_at (outline, ctx->chars, i, para->end, &k);)
          {
            const FzOutlineKeyword *kw = &g_array_index (outline->keywords, FzOutlineKeyword, k);
            AreaCount *count = &counts[kw->area];

            if (count->hits++ == 0)
              {
                count->start = i;
                count->end = i + kw->len;
              }
            if (first_use[k] == G_MAXUINT)
              {
                first_use[k] = i;
                g_ptr_array_add (count->keywords, kw->utf8);
              }
          }
    }
}

/* Where a note about the whole report goes: the achievements part, else
 * the first body paragraph. */
static guint
report_anchor (FzCheckContext *ctx)
{
  g_autoptr(GPtrArray) parts = _fz_check_sections_for (ctx, "measures_and_results");

  if (parts->len > 0)
    return ((FzSection *) g_ptr_array_index (parts, 0))->start;

  for (guint p = 0; p < ctx->n_paragraphs; p++)
    if (ctx->paragraphs[p].paragraph->kind == FZ_PARAGRAPH_BODY)
      return ctx->paragraphs[p].paragraph->start;

  return 0;
}

void
_fz_check_outline_coverage (FzCheckContext *ctx)
{
  const FzOutline *outline = _fz_outline_get ();
  int year = ctx->metadata != NULL ? ctx->metadata->report_year : 0;
  guint min_hits = (guint) _fz_check_param (ctx, "outline_coverage", "min-hits");
  g_autofree AreaCount *counts = NULL;
  g_autofree guint *first_use = NULL;
  g_autoptr(GString) absent = NULL;
  guint n_absent = 0, anchor;

  if (outline->areas->len == 0 || (year != 0 && (year < outline->from || year > outline->to)))
    return;

  counts = g_new0 (AreaCount, outline->areas->len);
  first_use = g_new (guint, MAX (outline->keywords->len, 1));
  for (guint k = 0; k < outline->keywords->len; k++)
    first_use[k] = G_MAXUINT;
  for (guint a = 0; a < outline->areas->len; a++)
    counts[a].keywords = g_ptr_array_new ();
  count_keywords (ctx, outline, counts, first_use);

  absent = g_string_new (NULL);
  for (guint a = 0; a < outline->areas->len; a++)
    {
      const FzOutlineArea *oa = &g_array_index (outline->areas, FzOutlineArea, a);
      FzCoverageArea *area = g_new0 (FzCoverageArea, 1);

      area->id = g_strdup (oa->id);
      area->part = g_strdup (oa->part);
      area->name = g_strdup (oa->name);
      area->name_en = g_strdup (oa->name_en);
      area->hits = counts[a].hits;
      area->start = counts[a].start;
      area->end = counts[a].end;
      area->status = counts[a].hits == 0 ? FZ_COVERAGE_ABSENT
                     : counts[a].hits < min_hits ? FZ_COVERAGE_MENTIONED : FZ_COVERAGE_COVERED;
      g_ptr_array_add (counts[a].keywords, NULL);
      area->keywords = g_strdupv ((char **) counts[a].keywords->pdata);
      g_ptr_array_unref (counts[a].keywords);
      g_ptr_array_add (ctx->coverage, area);

      if (area->status == FZ_COVERAGE_ABSENT)
        {
          if (n_absent++ > 0)
            g_string_append (absent, _("; "));
          g_string_append_printf (absent, "%s %s", oa->part ? oa->part : "",
                                  fz_coverage_area_get_display_name (area));
        }
    }

  /* On a fragment, a list of what it does not touch says nothing. */
  if (n_absent == 0 || body_chars (ctx) < 300)
    return;

  anchor = report_anchor (ctx);
  _fz_check_report (ctx, "outline_coverage", FZ_SEVERITY_INFO, anchor, anchor, NULL,
                    _("The report does not touch %u of the %u task areas of the outline: %s. A unit without powers in an area may rightly leave it out"),
                    n_absent, outline->areas->len, absent->str);
}

/* weak_problems
 *
 * 重成绩轻问题: the shortcomings get a line or two at the end of pages of
 * achievements (rules.md E q_weak_problems: under 5% of the body or under
 * 150 characters). */

static guint
body_chars (FzCheckContext *ctx)
{
  guint n = 0;

  for (guint p = 0; p < ctx->n_paragraphs; p++)
    {
      const FzParagraph *para = ctx->paragraphs[p].paragraph;

      if (para->kind == FZ_PARAGRAPH_BODY || para->kind == FZ_PARAGRAPH_HEADING)
        n += _fz_check_count_text (ctx, para->start, para->end);
    }

  return n;
}

static guint
parts_chars (FzCheckContext *ctx,
             GPtrArray      *parts,
             gboolean        body_only)
{
  guint n = 0;

  for (guint i = 0; i < parts->len; i++)
    {
      const FzSection *s = g_ptr_array_index (parts, i);

      n += _fz_check_count_text (ctx, body_only ? MAX (s->body_start, s->start) : s->start, s->end);
    }

  return n;
}

static void
heading_range (FzCheckContext  *ctx,
               const FzSection *s,
               guint           *start,
               guint           *end)
{
  *start = MIN (s->start, ctx->n_chars);
  *end = MIN (MAX (s->heading_end, *start), ctx->n_chars);
}

void
_fz_check_weak_problems (FzCheckContext *ctx)
{
  g_autoptr(GPtrArray) parts = _fz_check_sections_for (ctx, "shortcomings");
  double min_share = _fz_check_param (ctx, "weak_problems", "min-share");
  double min_chars = _fz_check_param (ctx, "weak_problems", "min-chars");
  guint body, part, start, end;
  double share;

  if (parts->len == 0 || (body = body_chars (ctx)) == 0)
    return;

  part = parts_chars (ctx, parts, TRUE);

  /* A part of its own for the causes counts too, unless it sits inside
   * the shortcomings and is counted already. */
  {
    g_autoptr(GPtrArray) causes = _fz_check_sections_for (ctx, "causes");

    for (guint i = 0; i < causes->len; i++)
      {
        const FzSection *c = g_ptr_array_index (causes, i);
        gboolean inside = FALSE;

        for (guint k = 0; k < parts->len && !inside; k++)
          {
            const FzSection *p = g_ptr_array_index (parts, k);

            inside = c->start >= p->start && c->end <= p->end;
          }
        if (!inside)
          part += _fz_check_count_text (ctx, MAX (c->body_start, c->start), c->end);
      }
  }
  share = 100.0 * part / body;
  if (part >= min_chars && share >= min_share)
    return;

  heading_range (ctx, g_ptr_array_index (parts, 0), &start, &end);
  _fz_check_report (ctx, "weak_problems", FZ_SEVERITY_WARNING, start, end, NULL,
                    _("The shortcomings take %u characters, %.1f%% of the body (%u characters): achievements stressed, problems played down (重成绩轻问题); expected at least %.0f characters and %.0f%%"),
                    part, share, body, min_chars, min_share);
}

/* no_causes
 *
 * The regulations ask for the shortcomings and their causes (不足和原因);
 * a list of problems without a word of why is half the item. */

FZ_DEFINE_STATIC_REGEX (cause_regex,
      "原因|主要是|由于|导致|根源|究其|受限|因素|源于|造成|归因|之所以|因为|主观上|客观上")

static gboolean
range_matches (FzCheckContext *ctx,
               FzRegex        *regex,
               guint           start,
               guint           end)
{
  g_autofree char *text = NULL;

  if (end <= start)
    return FALSE;
  text = _fz_check_dup_chars (ctx, start, end);

  return text != NULL && fz_regex_matches (regex, text, -1);
}

void
_fz_check_no_causes (FzCheckContext *ctx)
{
  g_autoptr(GPtrArray) parts = _fz_check_sections_for (ctx, "shortcomings");
  g_autoptr(GPtrArray) causes = _fz_check_sections_for (ctx, "causes");
  guint start, end;

  if (parts->len == 0)
    return;

  for (guint i = 0; i < causes->len; i++)
    {
      const FzSection *s = g_ptr_array_index (causes, i);

      /* A part of its own for the causes, with text under it. */
      if (_fz_check_count_text (ctx, s->body_start, s->end) >= 20)
        return;
    }

  for (guint i = 0; i < parts->len; i++)
    {
      const FzSection *s = g_ptr_array_index (parts, i);

      if (range_matches (ctx, cause_regex (), s->body_start, MIN (s->end, ctx->n_chars)))
        return;
    }

  heading_range (ctx, g_ptr_array_index (parts, 0), &start, &end);
  _fz_check_report (ctx, "no_causes", FZ_SEVERITY_WARNING, start, end, NULL,
                    _("The shortcomings are listed without their causes; the report must give both the shortcomings and why they arose"));
}

/* few_figures
 *
 * 运用事例少: achievements told in slogans.  Counted as figures per
 * thousand characters of the achievements (rules.md E: warn below ~3). */

void
_fz_check_few_figures (FzCheckContext *ctx)
{
  g_autoptr(GPtrArray) parts = _fz_check_sections_for (ctx, "measures_and_results");
  double min_rate = _fz_check_param (ctx, "few_figures", "min-per-1000");
  double min_chars = _fz_check_param (ctx, "few_figures", "min-chars");
  guint chars, n = 0, start, end;
  double rate;

  if (parts->len == 0)
    return;

  chars = parts_chars (ctx, parts, FALSE);
  if (chars == 0 || chars < min_chars)
    return;

  for (guint f = 0; f < ctx->figures->len; f++)
    {
      const FzFigure *fig = g_ptr_array_index (ctx->figures, f);

      for (guint i = 0; i < parts->len; i++)
        {
          const FzSection *s = g_ptr_array_index (parts, i);

          if (fig->start >= s->start && fig->start < s->end)
            {
              n++;
              break;
            }
        }
    }

  rate = 1000.0 * n / chars;
  if (rate >= min_rate)
    return;

  heading_range (ctx, g_ptr_array_index (parts, 0), &start, &end);
  _fz_check_report (ctx, "few_figures", FZ_SEVERITY_INFO, start, end, NULL,
                    _("The achievements give %u figures in %u characters, %.1f per thousand (expected at least %.0f): results are asserted rather than shown"),
                    n, chars, rate, min_rate);
}

/* vague_plan
 *
 * The plan is for the next year and says what will be done (rules.md E
 * q_vague_plan [U]: info). */

FZ_DEFINE_STATIC_REGEX (next_year_words_regex, "下一年|下一年度|明年|来年|新的一年")
FZ_DEFINE_STATIC_REGEX (any_year_regex, "(?<!\\d)(?:19|20)\\d{2}\\s*年")
FZ_DEFINE_STATIC_REGEX (enumeration_regex, "[一二三四五六七八九十]是|(?:^|\\n)\\s*(?:\\d+[.．、]|（\\d+）|（[一二三四五六七八九十]+）)")
FZ_DEFINE_STATIC_REGEX (action_regex,
      "开展|推进|建立|完善|落实|组织|制定|加强|健全|实施|举办|培训|出台|修订|完成|深化|强化|提升|规范|推动")

void
_fz_check_vague_plan (FzCheckContext *ctx)
{
  g_autoptr(GPtrArray) parts = _fz_check_sections_for (ctx, "next_year_plan");
  int year = ctx->metadata != NULL ? ctx->metadata->report_year : 0;

  for (guint i = 0; i < parts->len; i++)
    {
      const FzSection *s = g_ptr_array_index (parts, i);
      g_autofree char *text = NULL;
      guint start, end, len = MIN (s->end, ctx->n_chars) - MIN (s->start, s->end);
      gboolean named = FALSE, sub = FALSE;

      if (s->end > ctx->n_chars || s->start >= s->end)
        continue;
      text = g_ucs4_to_utf8 (ctx->chars + s->start, len, NULL, NULL, NULL);
      if (text == NULL)
        continue;
      heading_range (ctx, s, &start, &end);

      if (year != 0)
        {
          g_autofree char *next = g_strdup_printf ("%d", year + 1);

          named = strstr (text, next) != NULL;
        }
      /* A wrong year is year_mismatch's; this is for a plan with none. */
      named = named || fz_regex_matches (next_year_words_regex (), text, -1) ||
              fz_regex_matches (any_year_regex (), text, -1);
      if (!named && year != 0)
        _fz_check_report (ctx, "vague_plan", FZ_SEVERITY_INFO, start, end, NULL,
                          _("The plan does not say which year it is for; name %d, the year after the report year"),
                          year + 1);
      else if (!named)
        _fz_check_report (ctx, "vague_plan", FZ_SEVERITY_INFO, start, end, NULL,
                          _("The plan does not say which year it is for"));

      for (guint k = s->index + 1; k < ctx->sections->len && !sub; k++)
        sub = ((FzSection *) g_ptr_array_index (ctx->sections, k))->parent == s->index;

      if (!sub && !fz_regex_matches (enumeration_regex (), text, -1) &&
          fz_regex_count (action_regex (), text, strlen (text)) < 3)
        _fz_check_report (ctx, "vague_plan", FZ_SEVERITY_INFO, start, end, NULL,
                          _("The plan names no concrete actions: no items, and hardly a verb of what will be done"));
    }
}
