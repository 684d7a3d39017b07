/* fz-checks-years.c: checks on the years and dates of a report
 *
 * The commonest slip in an annual report is a year: last year's report
 * copied and half updated, a plan "for 2024" in the report on 2024, a
 * 成文日期 written before the year was over or after the deadline.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-checks"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fz-checks-private.h"
#include "fz-figures.h"
#include "fz-i18n.h"
#include "fz-regex.h"
#include "fz-text-util.h"

static gboolean
is_ascii_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

/* The next "2024年" in [@from, @to): four digits, not part of a longer
 * number, then 年 (spaces allowed).  Returns FALSE when there is none. */
static gboolean
next_year (FzCheckContext *ctx,
           guint           from,
           guint           to,
           guint          *start,
           guint          *end,
           int            *year)
{
  const gunichar *c = ctx->chars;

  for (guint i = from; i + 4 < to; i++)
    {
      guint k;
      int y;

      if (!is_ascii_digit (c[i]) || (i > 0 && is_ascii_digit (c[i - 1])) || is_ascii_digit (c[i + 4]))
        continue;
      if (!is_ascii_digit (c[i + 1]) || !is_ascii_digit (c[i + 2]) || !is_ascii_digit (c[i + 3]))
        continue;

      y = (c[i] - '0') * 1000 + (c[i + 1] - '0') * 100 + (c[i + 2] - '0') * 10 + (c[i + 3] - '0');
      for (k = i + 4; k < to && c[k] == ' '; k++)
        ;
      if (y < 1990 || y > 2099 || k >= to || c[k] != 0x5E74 /* 年 */)
        continue;

      *start = i;
      *end = i + 4;
      *year = y;
      return TRUE;
    }

  return FALSE;
}

static gboolean
chars_have (FzCheckContext *ctx,
            guint           at,
            guint           to,
            const char     *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p), at++)
    if (at >= to || ctx->chars[at] != g_utf8_get_char (p))
      return FALSE;

  return TRUE;
}

/* Whether the character at @at opens a sentence: the start of the text or
 * of a paragraph, or after 。 or ；.  "2024年，…" there is the year the
 * sentence is about, not a span's end or a date in passing. */
static gboolean
opens_sentence (FzCheckContext *ctx,
                guint           at)
{
  gunichar before = at > 0 ? ctx->chars[at - 1] : '\n';

  return before == '\n' || before == 0x3002 /* 。 */ || before == 0xFF1B /* ； */;
}

/* date_format
 *
 * GB/T 9704-2012 §7.3.5.4 [P]: the 成文日期 in Arabic numerals, the year in
 * full, month and day without a leading zero: "2025年2月1日". */

FZ_DEFINE_STATIC_REGEX (chinese_date_regex, "[〇○零一二三四五六七八九十]")
FZ_DEFINE_STATIC_REGEX (leading_zero_regex, "(?<!\\d)0\\d\\s*[月日]")
FZ_DEFINE_STATIC_REGEX (numeric_date_regex, "\\d{4}\\s*[./\\-－]\\s*\\d{1,2}\\s*[./\\-－]\\s*\\d{1,2}")

void
_fz_check_date_format (FzCheckContext *ctx)
{
  const FzMetadata *meta = ctx->metadata;
  const FzMetaField *date;
  g_autofree char *fixed = NULL;
  int y, m, d;

  if (meta == NULL || meta->date.value == NULL || meta->date.end > ctx->n_chars ||
      meta->date.start > meta->date.end)
    return;
  date = &meta->date;
  if (!fz_parse_date (date->value, &y, &m, &d))
    return;

  fixed = g_strdup_printf ("%d年%d月%d日", y, m, d);
  if (fz_regex_matches (chinese_date_regex (), date->value, -1))
    _fz_check_report (ctx, "date_format", FZ_SEVERITY_WARNING, date->start, date->end, fixed,
                      _("The date “%s” is written in Chinese numerals; official documents write it in Arabic numerals"),
                      date->value);
  else if (fz_regex_matches (numeric_date_regex (), date->value, -1))
    _fz_check_report (ctx, "date_format", FZ_SEVERITY_WARNING, date->start, date->end, fixed,
                      _("The date “%s” should be written with 年, 月 and 日"), date->value);
  else if (fz_regex_matches (leading_zero_regex (), date->value, -1))
    _fz_check_report (ctx, "date_format", FZ_SEVERITY_WARNING, date->start, date->end, fixed,
                      _("The date “%s” has a leading zero; write month and day without one"),
                      date->value);
}

/* deadline
 *
 * A report is written after the year it covers and sent by the deadline
 * of the rule set (督察工作规定 and the provincial guides: 3月1日, 4月1日 for
 * provinces; local notices set their own). */

void
_fz_check_deadline (FzCheckContext *ctx)
{
  const FzMetadata *meta = ctx->metadata;
  guint month = 3, day = 1;
  int y, m, d, year;
  g_autoptr(GDate) date = NULL;
  g_autoptr(GDate) deadline = NULL;
  g_autoptr(GDate) year_end = NULL;

  if (meta == NULL || meta->date_iso == NULL || meta->report_year == 0 ||
      meta->date.end > ctx->n_chars || meta->date.start > meta->date.end)
    return;
  if (sscanf (meta->date_iso, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return;
  year = meta->report_year;
  if (year < 1990 || year > 2099)
    return;

  if (ctx->rules != NULL)
    fz_ruleset_get_deadline_for_level (ctx->rules, meta->level, &month, &day);
  else if (meta->level == FZ_LEVEL_PROVINCE)
    month = 4;

  /* 29 February as a deadline falls back to the 28th in other years. */
  if (!g_date_valid_dmy (day, month, year + 1))
    day = 28;
  date = g_date_new_dmy (d, m, y);
  deadline = g_date_new_dmy (day, month, year + 1);
  year_end = g_date_new_dmy (31, G_DATE_DECEMBER, year);

  if (y < year)
    _fz_check_report (ctx, "deadline", FZ_SEVERITY_WARNING, meta->date.start, meta->date.end, NULL,
                      _("The report on %d is dated %s, before that year began"),
                      year, meta->date_iso);
  else if (g_date_compare (date, year_end) < 0)
    _fz_check_report (ctx, "deadline", FZ_SEVERITY_INFO, meta->date.start, meta->date.end, NULL,
                      _("The report on %d is dated %s, before the year ended: what happened after that date is not covered"),
                      year, meta->date_iso);
  else if (g_date_compare (date, deadline) > 0)
    _fz_check_report (ctx, "deadline", FZ_SEVERITY_WARNING, meta->date.start, meta->date.end, NULL,
                      _("The report on %d is dated %s, after the deadline of %d-%02u-%02u"),
                      year, meta->date_iso, year + 1, month, day);
}

/* year_mismatch
 *
 * The title, the opening, the achievements and the shortcomings speak of the
 * report year; the plan of the year after.  A year that disagrees is a
 * leftover of last year's report more often than not. */

static const char * const this_year_elements[] = {
  "measures_and_results", "shortcomings", "causes", "first_responsible_person", NULL,
};

static gboolean
opens_heading (FzCheckContext *ctx,
               guint           section,
               guint           at)
{
  const FzSection *s = g_ptr_array_index (ctx->sections, section);
  guint k = ctx->markers[section].valid ? ctx->markers[section].end : s->start;

  while (k < at && fz_unichar_is_space (ctx->chars[k]))
    k++;
  return k == at;
}

static void
check_headings (FzCheckContext *ctx,
                int             report_year)
{
  for (guint i = 0; i < ctx->sections->len; i++)
    {
      const FzSection *s = g_ptr_array_index (ctx->sections, i);
      guint ys, ye, to;
      int y, expected;

      if (s->element == NULL)
        continue;
      if (g_strv_contains (this_year_elements, s->element))
        expected = report_year;
      else if (g_str_equal (s->element, "next_year_plan"))
        expected = report_year + 1;
      else
        continue;

      to = MIN (s->heading_end, ctx->n_chars);
      if (!next_year (ctx, s->start, to, &ys, &ye, &y) || y == expected)
        continue;

      /* A neighbouring year inside the heading names something of that
       * year ("持续抓好2024年督察反馈问题整改" in the report on 2025); only a
       * year that opens the heading is the part's own. */
      if (ABS (y - expected) == 1 && !opens_heading (ctx, i, ys))
        continue;

      /* "2021—2025年" and "2023年以来" name a span, not the year of the part. */
      if (ys > s->start && (ctx->chars[ys - 1] == 0x2014 || ctx->chars[ys - 1] == '-' ||
                            ctx->chars[ys - 1] == 0xFF0D || ctx->chars[ys - 1] == 0x2013))
        continue;
      if (chars_have (ctx, ye + 1, to, "以来") || chars_have (ctx, ye + 1, to, "至"))
        continue;

      {
        g_autofree char *want = g_strdup_printf ("%d", expected);

        if (expected == report_year)
          _fz_check_report (ctx, "year_mismatch", FZ_SEVERITY_WARNING, ys, ye, want,
                            _("This part reports on %d, but its heading names %d"), report_year, y);
        else
          _fz_check_report (ctx, "year_mismatch", FZ_SEVERITY_WARNING, ys, ye, want,
                            _("The plan is for %d, the year after the report year %d, but its heading names %d"),
                            expected, report_year, y);
      }
    }
}

static guint
first_body_paragraph (FzCheckContext *ctx)
{
  for (guint p = 0; p < ctx->n_paragraphs; p++)
    {
      const FzParagraph *para = ctx->paragraphs[p].paragraph;

      if (para->kind == FZ_PARAGRAPH_HEADING)
        return G_MAXUINT;
      if (para->kind == FZ_PARAGRAPH_BODY)
        return p;
    }

  return G_MAXUINT;
}

/* The opening paragraph ("2024年，我镇…现将有关情况报告如下：") names the
 * report year; naming only another one is a leftover. */
static void
check_opening (FzCheckContext *ctx,
               int             report_year)
{
  guint p = first_body_paragraph (ctx);
  const FzParagraph *para;
  guint from, to, ys, ye, first_s = 0, first_e = 0;
  int y, first = 0;

  if (p == G_MAXUINT)
    return;
  para = ctx->paragraphs[p].paragraph;
  from = para->start;
  to = MIN (para->end, para->start + 300);

  while (next_year (ctx, from, to, &ys, &ye, &y))
    {
      gunichar before = ys > 0 ? ctx->chars[ys - 1] : 0;

      from = ye;
      /* The end of a span: "（2021—2025年）". */
      if (before == 0x2014 || before == '-' || before == 0xFF0D || before == 0x2013 || before == 0xFF5E)
        continue;
      /* The report year, or a span reaching it ("2021年以来"). */
      if (y == report_year || y == report_year + 1 || chars_have (ctx, ye + 1, to, "以来") ||
          chars_have (ctx, ye + 1, to, "至今"))
        return;
      if (first == 0)
        {
          first = y;
          first_s = ys;
          first_e = ye;
        }
    }

  if (first != 0)
    {
      g_autofree char *want = g_strdup_printf ("%d", report_year);

      _fz_check_report (ctx, "year_mismatch", FZ_SEVERITY_WARNING, first_s, first_e, want,
                        _("The report is on %d, but its opening speaks of %d"), report_year, first);
    }
}

/* "2022年，我镇共调处纠纷…" in the achievements of the report on 2024:
 * another year's figures presented among this year's. */
static void
check_stale (FzCheckContext *ctx,
             int             report_year)
{
  g_autoptr(GPtrArray) parts = _fz_check_sections_for (ctx, "measures_and_results");

  for (guint k = 0; k < parts->len; k++)
    {
      const FzSection *s = g_ptr_array_index (parts, k);
      guint from = s->body_start, to = MIN (s->end, ctx->n_chars), ys, ye;
      int y;

      while (next_year (ctx, from, to, &ys, &ye, &y))
        {
          guint stop = ye;
          gboolean has_figure = FALSE;

          from = ye;
          if (y >= report_year || y < report_year - 5)
            continue;
          /* At the start of a sentence, and not a span or a date past. */
          if (!opens_sentence (ctx, ys))
            continue;
          if (chars_have (ctx, ye + 1, to, "以来") || chars_have (ctx, ye + 1, to, "起") ||
              chars_have (ctx, ye + 1, to, "至") || chars_have (ctx, ye + 1, to, "—") ||
              chars_have (ctx, ye + 1, to, "-"))
            continue;

          while (stop < to && ctx->chars[stop] != 0x3002 && ctx->chars[stop] != '\n')
            stop++;
          for (guint f = 0; f < ctx->figures->len && !has_figure; f++)
            {
              const FzFigure *fig = g_ptr_array_index (ctx->figures, f);

              has_figure = fig->start >= ye && fig->end <= stop;
            }
          if (!has_figure)
            continue;

          _fz_check_report (ctx, "year_mismatch", FZ_SEVERITY_INFO, ys, ye, NULL,
                            _("The achievements of %d quote figures of %d; say why, or give this year's"),
                            report_year, y);
        }
    }
}

/* The plan is for the year after: "2025年，我镇将…" in the report on 2024.
 * A plan that names the report year and never the next one is last year's
 * plan or a slip. */
static void
check_plan (FzCheckContext *ctx,
            int             report_year)
{
  g_autoptr(GPtrArray) parts = _fz_check_sections_for (ctx, "next_year_plan");

  for (guint k = 0; k < parts->len; k++)
    {
      const FzSection *s = g_ptr_array_index (parts, k);
      guint from = s->body_start, to = MIN (s->end, ctx->n_chars), ys, ye;
      guint bad_s = 0, bad_e = 0;
      int y, bad = 0;

      while (next_year (ctx, from, to, &ys, &ye, &y))
        {
          from = ye;
          if (y == report_year + 1)
            {
              bad = 0;
              break;
            }
          if (bad == 0 && y == report_year &&
              opens_sentence (ctx, ys) &&
              !chars_have (ctx, ye + 1, to, "以来") && !chars_have (ctx, ye + 1, to, "底"))
            {
              bad = y;
              bad_s = ys;
              bad_e = ye;
            }
        }

      if (bad != 0)
        {
          g_autofree char *want = g_strdup_printf ("%d", report_year + 1);

          _fz_check_report (ctx, "year_mismatch", FZ_SEVERITY_WARNING, bad_s, bad_e, want,
                            _("The plan should be for %d, the year after the report year, but it speaks of %d"),
                            report_year + 1, bad);
        }
    }
}

void
_fz_check_year_mismatch (FzCheckContext *ctx)
{
  const FzMetadata *meta = ctx->metadata;

  if (meta == NULL || meta->report_year < 1990 || meta->report_year > 2099)
    return;

  if (meta->report_year_from_title)
    check_opening (ctx, meta->report_year);
  check_headings (ctx, meta->report_year);
  check_stale (ctx, meta->report_year);
  check_plan (ctx, meta->report_year);
}
