/* bench-import.c: reading a .docx and a PDF, against the tools that only
 * extract their text
 *
 * On the same report, converted once to .docx (pandoc) and to PDF
 * (LibreOffice), prints the median time of:
 *   - import + analysis in the library, and of a whole `fazhi-check` run;
 *   - `pandoc -t plain` on the .docx (goal: fazhi at least 2× faster);
 *   - `pdftotext` on the PDF (goal: fazhi within 1.5× of it).
 * The report is the longest of the reference corpus when it is here,
 * else the bundled sample report.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/wait.h>

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "libfazhi.h"
#include "bench-util.h"

#define RUNS 15

static char *tmp_dir;

/* fazhi-check exits 1 when a report lacks elements, which is no failure
 * here: only a program that does not run is. */
static gboolean
run_status (const char * const *argv,
            gboolean            any_status)
{
  int status = 0;

  if (!g_spawn_sync (tmp_dir, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL))
    return FALSE;
  return any_status ? WIFEXITED (status) && WEXITSTATUS (status) <= 1
                    : g_spawn_check_wait_status (status, NULL);
}

static gboolean
run (const char * const *argv)
{
  return run_status (argv, FALSE);
}

/* Median wall time of running @argv, in milliseconds; negative when it
 * cannot run. */
static double
time_process (const char * const *argv,
              gboolean            any_status)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      if (!run_status (argv, any_status))
        return -1;
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (samples, ms);
    }
  return bench_median (samples);
}

static double
time_library (const char *path,
              FzRuleSet  *rules,
              guint      *n_paragraphs)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(FzDocument) doc = fz_import_file (file, NULL, &error);
      g_autoptr(FzAnalysis) analysis = NULL;
      double ms;

      if (doc == NULL)
        g_error ("%s: %s", path, error->message);
      analysis = fz_analysis_new (doc, rules);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (samples, ms);
      *n_paragraphs = fz_document_get_n_paragraphs (doc);
    }
  return bench_median (samples);
}

/* Each line its own paragraph: Markdown with every ASCII punctuation mark
 * escaped and blank lines between. */
static gboolean
make_docx (const char *txt,
           const char *docx)
{
  g_autofree char *contents = NULL;
  g_autofree char *md = g_build_filename (tmp_dir, "report.md", NULL);
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);
  const char *argv[] = { "pandoc", "-f", "markdown", "-t", "docx", "-o", docx, md, NULL };

  if (!g_file_get_contents (txt, &contents, NULL, NULL))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      for (const char *p = lines[i]; *p; p++)
        {
          if (g_ascii_ispunct (*p))
            g_string_append_c (out, '\\');
          if (*p != '\r')
            g_string_append_c (out, *p);
        }
      g_string_append (out, "\n\n");
    }
  g_file_set_contents (md, out->str, out->len, NULL);
  g_string_free (out, TRUE);

  return run (argv);
}

static gboolean
make_pdf (const char *txt,
          const char *pdf)
{
  g_autofree char *profile_dir = g_build_filename (tmp_dir, "profile", NULL);
  g_autofree char *profile = g_filename_to_uri (profile_dir, NULL, NULL);
  g_autofree char *env = g_strconcat ("-env:UserInstallation=", profile, NULL);
  g_autofree char *copy = g_build_filename (tmp_dir, "report.txt", NULL);
  g_autofree char *contents = NULL;
  gsize len;
  const char *argv[] = { "soffice", env, "--headless", "--infilter=Text (encoded):UTF8,LF,,,",
                         "--convert-to", "pdf", "--outdir", tmp_dir, copy, NULL };

  if (!g_file_get_contents (txt, &contents, &len, NULL) ||
      !g_file_set_contents (copy, contents, len, NULL))
    return FALSE;
  return run (argv) && g_file_test (pdf, G_FILE_TEST_EXISTS);
}

static const char *
longest_seed (const char *corpus_dir,
              char      **owned)
{
  g_autofree char *seeds = g_build_filename (corpus_dir, "seeds", NULL);
  g_autoptr(GDir) dir = g_dir_open (seeds, 0, NULL);
  const char *name;
  goffset best = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (seeds, name, NULL);
      GStatBuf st;

      if (g_str_has_suffix (name, ".txt") && g_stat (path, &st) == 0 && st.st_size > best)
        {
          best = st.st_size;
          g_free (*owned);
          *owned = g_steal_pointer (&path);
        }
    }
  return *owned;
}

static void
report (const char *label,
        const char *path,
        const char *fazhi_check,
        FzRuleSet  *rules,
        const char *tool_label,
        const char * const *tool_argv,
        double      goal,
        gboolean    goal_is_speedup)
{
  const char *check_argv[] = { fazhi_check, "--format", "json", path, NULL };
  guint n_paragraphs = 0;
  double lib = time_library (path, rules, &n_paragraphs);
  double cli = time_process (check_argv, TRUE);
  double tool = time_process (tool_argv, FALSE);
  GStatBuf st;

  g_stat (path, &st);
  printf ("[%s] %s: %.1f KB, %u paragraphs\n", label, path, st.st_size / 1024.0, n_paragraphs);
  printf ("[%s] median of %d runs: import+analysis %.2f ms in the library, %.2f ms as a fazhi-check process\n",
          label, RUNS, lib, cli);
  if (tool < 0)
    {
      printf ("[%s] %s is not installed; nothing to compare with\n", label, tool_label);
      return;
    }
  if (goal_is_speedup)
    printf ("[%s] %s alone: %.2f ms; fazhi is %.1f× faster in the library, %.1f× as a process (goal ≥ %.1f×)\n",
            label, tool_label, tool, tool / lib, tool / cli, goal);
  else
    printf ("[%s] %s alone: %.2f ms; fazhi takes %.2f× its time in the library, %.2f× as a process (goal ≤ %.1f×)\n",
            label, tool_label, tool, lib / tool, cli / tool, goal);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = NULL;
  g_autofree char *owned = NULL;
  g_autofree char *docx = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *fazhi_check = NULL;
  const char *corpus = g_getenv ("FAZHI_CORPUS_DIR");
  const char *source;

  if (argc < 4)
    {
      g_printerr ("usage: %s SAMPLE.txt FALLBACK.pdf FAZHI-CHECK\n", argv[0]);
      return 2;
    }

  /* The tools run in a temporary folder. */
  fazhi_check = g_canonicalize_filename (argv[3], NULL);
  fz_init ();
  rules = fz_ruleset_load ("national", &error);
  g_assert_no_error (error);

  tmp_dir = g_dir_make_tmp ("fazhi-bench-XXXXXX", &error);
  g_assert_no_error (error);

  source = corpus ? longest_seed (corpus, &owned) : NULL;
  if (source == NULL)
    source = argv[1];
  printf ("source report: %s\n", source);

  docx = g_build_filename (tmp_dir, "report.docx", NULL);
  if (make_docx (source, docx))
    {
      const char *pandoc[] = { "pandoc", "-t", "plain", "-o", "/dev/null", docx, NULL };
      report ("docx", docx, fazhi_check, rules, "pandoc -t plain", pandoc, 2.0, TRUE);
    }
  else
    printf ("[docx] pandoc is not installed; no .docx to measure\n");

  pdf = g_build_filename (tmp_dir, "report.pdf", NULL);
  if (!make_pdf (source, pdf))
    {
      printf ("[pdf] LibreOffice is not installed; measuring the small bundled PDF\n");
      g_free (pdf);
      pdf = g_strdup (argv[2]);
    }
  {
    const char *pdftotext[] = { "pdftotext", pdf, "/dev/null", NULL };
    report ("pdf", pdf, fazhi_check, rules, "pdftotext", pdftotext, 1.5, FALSE);
  }

  {
    const char *rm[] = { "rm", "-rf", tmp_dir, NULL };
    run (rm);
  }
  g_free (tmp_dir);

  return 0;
}
