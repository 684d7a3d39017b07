/* bench-compare.c: how fast two versions of a report are aligned
 *
 * Prints the median time to compare a report with a revised copy of it
 * (one paragraph in ten dropped, heading or not, and one long paragraph in
 * ten given a sentence more), for the sample
 * report grown to 15,000 characters (goal < 20 ms: the round-two view
 * opens at once) and to 2 MB (goal < 2 s, in a worker: never on the main
 * thread), and for each seed of the reference corpus when it is there.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "libfazhi.h"
#include "bench-util.h"

static const char *topics[] = {
  "加强组织领导", "健全依法决策机制", "规范行政执法行为", "化解矛盾纠纷",
  "深化法治宣传教育", "强化行政权力监督", "推进政务公开", "加强执法队伍建设",
  "提升依法行政能力", "优化法治化营商环境", "完善规范性文件管理", "推进数字法治政府建设",
};

static const char *numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

static void
append_numeral (GString *out,
                guint    n)
{
  /* 1–99 as written in headings: 十一, 二十, 九十九. */
  if (n >= 20)
    g_string_append (out, numerals[n / 10 - 1]);
  if (n >= 10)
    g_string_append (out, "十");
  if (n % 10 != 0 || n < 10)
    g_string_append (out, numerals[(n % 10) - 1]);
}

/* A report of about @target characters laid out as real ones are: parts
 * (一、…) of subsections (（一）…) of a few paragraphs, the body paragraphs
 * of @text with their digits shifted so that no two are the same, up to
 * 99 parts and then as many subsections as it takes. */
static char *
grow (const char *text,
      guint       target)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) body = g_ptr_array_new ();
  GString *out = g_string_new ("关于2024年度法治政府建设情况的报告\n\n中共青禾县委、青禾县人民政府：\n\n");
  guint parts, round = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      FzHeadingMarker m;

      if (g_utf8_strlen (line, -1) < 40)
        continue;
      if (fz_heading_marker_parse (line, strlen (line), &m))
        line += m.marker_bytes;
      g_ptr_array_add (body, (gpointer) line);
    }
  parts = MIN (99, MAX (5, target / 8000));

  for (guint part = 1; part <= parts; part++)
    {
      g_string_append (out, "");
      append_numeral (out, part);
      g_string_append_printf (out, "、%s的主要举措和成效\n\n", topics[part % G_N_ELEMENTS (topics)]);
      for (guint sub = 1; (guint) g_utf8_strlen (out->str, out->len) < target * part / parts; sub++)
        {
          g_string_append (out, "（");
          append_numeral (out, MIN (sub, 99));
          g_string_append_printf (out, "）%s\n\n", topics[(part * 7 + sub) % G_N_ELEMENTS (topics)]);
          for (guint k = 0; k < 3; k++, round++)
            {
              const char *p = g_ptr_array_index (body, round % body->len);

              g_string_append_printf (out, "据第%u次统计，", round);
              for (; *p; p++)
                g_string_append_c (out, g_ascii_isdigit (*p) ? '0' + (*p - '0' + round / body->len) % 10 : *p);
              g_string_append (out, "\n\n");
            }
        }
    }
  g_string_append (out, "特此报告。\n\n青禾县石桥镇人民政府\n\n2025年2月20日\n");

  return g_string_free (out, FALSE);
}

/* A revision: every tenth paragraph dropped, every tenth (offset by five)
 * given an extra sentence. */
static char *
revise (FzDocument *doc)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < fz_document_get_n_paragraphs (doc); i++)
    {
      gsize len;
      const char *t = fz_document_get_paragraph_text (doc, i, &len);

      gboolean body = fz_document_get_paragraph (doc, i)->kind == FZ_PARAGRAPH_BODY && len > 120;

      if (i % 10 == 9)
        continue;
      g_string_append_len (out, t, len);
      if (i % 10 == 4 && body)
        g_string_append (out, "经复核，上述数据已与统计部门核对一致。");
      g_string_append (out, "\n\n");
    }

  return g_string_free (out, FALSE);
}

static void
bench (const char *label,
       const char *text,
       FzRuleSet  *rules,
       guint       runs,
       double      goal_ms)
{
  g_autoptr(FzDocument) a = fz_document_new_from_text (text, -1, NULL);
  g_autofree char *revised = revise (a);
  g_autoptr(FzDocument) b = fz_document_new_from_text (revised, -1, NULL);
  g_autoptr(FzAnalysis) aa = fz_analysis_new (a, rules);
  g_autoptr(FzAnalysis) ab = fz_analysis_new (b, rules);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(FzComparison) last = NULL;

  for (guint i = 0; i < runs; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      FzComparison *cmp = fz_comparison_new (aa, ab);
      double ms = (g_get_monotonic_time () - t0) / 1000.0;

      g_array_append_val (times, ms);
      g_clear_object (&last);
      last = cmp;
    }

  printf ("[%s] %u characters, %u paragraphs, %u sections: median of %u comparisons %.2f ms (goal < %.0f ms); "
          "%u same, %u changed, %u added, %u removed; similarity %.3f\n",
          label, fz_document_get_length (a), fz_document_get_n_paragraphs (a),
          fz_analysis_get_sections (aa)->len, runs, bench_median (times), goal_ms,
          fz_comparison_count (last, FZ_CHANGE_SAME), fz_comparison_count (last, FZ_CHANGE_CHANGED),
          fz_comparison_count (last, FZ_CHANGE_ADDED), fz_comparison_count (last, FZ_CHANGE_REMOVED),
          fz_comparison_get_similarity (last));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = NULL;
  g_autofree char *sample = NULL;
  g_autoptr(GPtrArray) seeds = bench_list_seeds ();

  /* Each line as soon as it is measured, also into a pipe. */
  setvbuf (stdout, NULL, _IOLBF, 0);
  fz_init ();
  if (argc < 2 || !g_file_get_contents (argv[1], &sample, NULL, &error))
    {
      fprintf (stderr, "usage: bench-compare SAMPLE-REPORT\n");
      return 2;
    }
  rules = fz_ruleset_load ("national", &error);
  g_assert_no_error (error);

  {
    g_autofree char *small = grow (sample, 15000);
    g_autofree char *large = grow (sample, 2 * 1024 * 1024 / 3);

    bench ("sample, 15k", small, rules, 51, 20);
    bench ("sample, 2 MB", large, rules, 3, 2000);
  }

  if (seeds != NULL)
    for (guint i = 0; i < seeds->len; i++)
      {
        const char *path = g_ptr_array_index (seeds, i);
        g_autofree char *name = g_path_get_basename (path);
        g_autofree char *text = NULL;

        if (g_file_get_contents (path, &text, NULL, NULL))
          bench (name, text, rules, 51, 20);
      }
  else
    printf ("[seeds] the reference corpus is not here; skipped\n");

  return 0;
}
