/* bench-analysis.c: how fast one report is read, and a thousand
 *
 * Prints:
 *   - the median time to analyse a 15,000-character report in the library
 *     (goal < 1 ms), for the whole pipeline and for the analysis alone;
 *   - the median time the checks (figures, years, 公文 form, language,
 *     coverage) take of that analysis (goal < 1 ms), run on the outline,
 *     metadata and figures the analysis made;
 *   - the wall time of `fazhi-check --format=json` over 1,000 such reports
 *     (goal < 1 s on 2 cores).
 *
 * Reports are grown to the target length from a source text: its body
 * paragraphs are repeated with varied figures.  Two sources are measured
 * when available: the reference corpus (../shared/corpus/seeds, real
 * reports, about 7 figures per 1,000 characters) and the bundled sample
 * report, which is deliberately dense in figures (about 20 per 1,000) and so
 * a worst case for the output size.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "libfazhi.h"
#include "bench-util.h"

#define TARGET_CHARS 15000
#define RUNS 300
#define BATCH 1000

static gboolean
is_body_paragraph (const char *line)
{
  return g_utf8_strlen (line, -1) > 40 && strstr (line, "。") != NULL;
}

/* Grows @base to about TARGET_CHARS characters: body paragraphs of @pool
 * are inserted before @base's closing (特此报告 or its last line), with every
 * digit shifted by the round and @variant so that no two reports, and no two
 * paragraphs, are the same. */
static char *
grow_report (const char *base,
             const char *pool,
             guint       variant)
{
  g_auto(GStrv) lines = g_strsplit (base, "\n", -1);
  g_auto(GStrv) pool_lines = g_strsplit (pool, "\n", -1);
  g_autoptr(GPtrArray) body = g_ptr_array_new ();
  GString *out = g_string_new (NULL);
  guint n = g_strv_length (lines);
  guint closing = n;
  guint i;

  for (i = 0; i < n; i++)
    if (g_str_has_prefix (lines[i], "特此报告"))
      {
        closing = i;
        break;
      }

  for (i = 0; pool_lines[i] != NULL; i++)
    if (is_body_paragraph (pool_lines[i]))
      g_ptr_array_add (body, pool_lines[i]);

  for (i = 0; i < closing; i++)
    {
      g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
    }

  for (guint round = 0; g_utf8_strlen (out->str, out->len) < TARGET_CHARS && body->len > 0; round++)
    {
      const char *p = g_ptr_array_index (body, (round * 7 + variant) % body->len);

      for (; *p; p++)
        g_string_append_c (out, g_ascii_isdigit (*p) ? '0' + (*p - '0' + round + variant) % 10 : *p);
      g_string_append_c (out, '\n');
    }

  for (i = closing; i < n; i++)
    {
      g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static guint
count_figures (const char *report,
               FzRuleSet  *rules)
{
  g_autoptr(FzDocument) doc = fz_document_new_from_text (report, -1, NULL);
  g_autoptr(FzAnalysis) a = fz_analysis_new (doc, rules);

  return fz_analysis_get_figures (a)->len;
}

static void
bench_library (const char *label,
               const char *report,
               FzRuleSet  *rules)
{
  g_autoptr(GArray) whole = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) analysis = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(FzDocument) sample_doc = fz_document_new_from_text (report, -1, NULL);
  double checks_ms;
  guint n_findings;

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(FzDocument) doc = fz_document_new_from_text (report, -1, NULL);
      gint64 t1 = g_get_monotonic_time ();
      g_autoptr(FzAnalysis) a = fz_analysis_new (doc, rules);
      gint64 t2 = g_get_monotonic_time ();
      double w = (t2 - t0) / 1000.0, an = (t2 - t1) / 1000.0;

      g_array_append_val (whole, w);
      g_array_append_val (analysis, an);
    }

  /* The checks alone, on the very inputs the analysis gave them. */
  {
    g_autoptr(FzAnalysis) a = fz_analysis_new (sample_doc, rules);
    g_autoptr(GArray) checks = g_array_new (FALSE, FALSE, sizeof (double));
    for (guint i = 0; i < RUNS; i++)
      {
        g_autoptr(GPtrArray) coverage = NULL;
        gint64 t0 = g_get_monotonic_time ();
        g_autoptr(GPtrArray) findings = fz_checks_run_full (sample_doc,
                                                            fz_analysis_get_sections (a),
                                                            fz_analysis_get_metadata (a),
                                                            fz_analysis_get_figures (a),
                                                            rules, &coverage);
        double c = (g_get_monotonic_time () - t0) / 1000.0;

        g_array_append_val (checks, c);
      }

    checks_ms = bench_median (checks);
    n_findings = fz_analysis_get_findings (a)->len;
  }

  printf ("[%s] report: %u characters, %u paragraphs, %u figures\n", label,
          fz_document_get_length (sample_doc), fz_document_get_n_paragraphs (sample_doc),
          count_figures (report, rules));
  printf ("[%s] library, median of %d runs: %.3f ms normalize+analyse, %.3f ms analyse only (goal < 1 ms)\n",
          label, RUNS, bench_median (whole), bench_median (analysis));
  printf ("[%s] checks, median of %d runs: %.3f ms for %u findings, %.0f%% of the analysis (goal < 1 ms)\n",
          label, RUNS, checks_ms, n_findings, 100 * checks_ms / bench_median (analysis));

  /* The same analysis under a rule set that switches every check off:
   * what is left of the checks is the text decoded once for them. */
  {
    g_auto(GStrv) ids = fz_checks_list_ids ();
    g_autoptr(GString) xml = g_string_new ("<ruleset id=\"bench-off\" version=\"1\" extends=\"national\"><name>关</name>");
    g_autoptr(FzRuleSet) off = NULL;
    g_autoptr(GArray) on_times = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) off_times = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GError) error = NULL;
    double on_ms, off_ms;

    for (guint i = 0; ids[i] != NULL; i++)
      g_string_append_printf (xml, "<check id=\"%s\" enabled=\"false\"/>", ids[i]);
    g_string_append (xml, "</ruleset>");
    off = fz_ruleset_new_from_data (xml->str, xml->len, "bench-off.xml", &error);
    g_assert_no_error (error);

    /* Interleaved, so that load on the machine hits both alike. */
    for (guint i = 0; i < RUNS; i++)
      {
        gint64 t0 = g_get_monotonic_time ();
        g_autoptr(FzAnalysis) a_on = fz_analysis_new (sample_doc, rules);
        gint64 t1 = g_get_monotonic_time ();
        g_autoptr(FzAnalysis) a_off = fz_analysis_new (sample_doc, off);
        gint64 t2 = g_get_monotonic_time ();
        double x = (t1 - t0) / 1000.0, y = (t2 - t1) / 1000.0;

        g_array_append_val (on_times, x);
        g_array_append_val (off_times, y);
      }

    on_ms = bench_median (on_times);
    off_ms = bench_median (off_times);
    printf ("[%s] analysis with checks on %.3f ms, off %.3f ms: the checks add %.3f ms (goal < 1 ms)\n",
            label, on_ms, off_ms, on_ms - off_ms);
  }
}

static void
bench_cli (const char  *label,
           GPtrArray   *bases,
           const char  *pool,
           const char  *fazhi_check)
{
  g_autofree char *dir = g_dir_make_tmp ("fazhi-bench-XXXXXX", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *devnull_out = NULL;
  int status = 0;
  gint64 t0, t1;

  g_ptr_array_add (argv, g_strdup (fazhi_check));
  g_ptr_array_add (argv, g_strdup ("--format=json"));
  for (guint i = 0; i < BATCH; i++)
    {
      g_autofree char *text = grow_report (g_ptr_array_index (bases, i % bases->len), pool, i);
      char *path = g_strdup_printf ("%s/report-%04u.txt", dir, i);

      g_file_set_contents (path, text, -1, NULL);
      g_ptr_array_add (argv, path);
    }
  g_ptr_array_add (argv, NULL);

  t0 = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    g_error ("cannot run %s: %s", fazhi_check, error->message);
  t1 = g_get_monotonic_time ();

  printf ("[%s] fazhi-check --format=json over %d reports on %u cores: %.3f s wall (goal < 1 s), exit status %d\n",
          label, BATCH, g_get_num_processors (), (t1 - t0) / 1e6, WEXITSTATUS (status));

  for (guint i = 2; i < argv->len - 1; i++)
    g_unlink (g_ptr_array_index (argv, i));
  g_rmdir (dir);
}

/* The seeds, each a whole real report, in name order; NULL when the
 * corpus is absent. */
static GPtrArray *
load_corpus (void)
{
  g_autoptr(GPtrArray) paths = bench_list_seeds ();
  GPtrArray *seeds;

  if (paths == NULL)
    return NULL;

  seeds = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < paths->len; i++)
    {
      char *text = NULL;

      if (g_file_get_contents (g_ptr_array_index (paths, i), &text, NULL, NULL))
        g_ptr_array_add (seeds, text);
    }

  if (seeds->len == 0)
    g_clear_pointer (&seeds, g_ptr_array_unref);

  return seeds;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = NULL;
  g_autofree char *sample = NULL;
  g_autoptr(GPtrArray) corpus = NULL;

  if (argc < 2)
    {
      g_printerr ("usage: %s SAMPLE-REPORT [FAZHI-CHECK]\n", argv[0]);
      return 2;
    }

  fz_init ();

  if (!g_file_get_contents (argv[1], &sample, NULL, &error))
    g_error ("%s", error->message);
  rules = fz_ruleset_load ("national", &error);
  if (rules == NULL)
    g_error ("%s", error->message);

  corpus = load_corpus ();
  if (corpus != NULL)
    {
      g_autoptr(GString) pool = g_string_new (NULL);
      g_autofree char *report = NULL;

      for (guint i = 0; i < corpus->len; i++)
        {
          g_string_append (pool, g_ptr_array_index (corpus, i));
          g_string_append_c (pool, '\n');
        }
      report = grow_report (g_ptr_array_index (corpus, 0), pool->str, 0);
      bench_library ("corpus", report, rules);
      if (argc > 2)
        bench_cli ("corpus", corpus, pool->str, argv[2]);
    }
  else
    printf ("[corpus] ../shared/corpus is absent; skipped\n");

  {
    g_autoptr(GPtrArray) bases = g_ptr_array_new ();
    g_autofree char *report = grow_report (sample, sample, 0);

    g_ptr_array_add (bases, sample);
    bench_library ("sample", report, rules);
    if (argc > 2)
      bench_cli ("sample", bases, sample, argv[2]);
  }

  return 0;
}
