/* test-import-progress.c: slow conversions, told and kept out of the way
 *
 * A stand-in for LibreOffice, put first on PATH, takes its time and then
 * writes a .docx made here: reading through it reports the conversion's
 * stage and elapsed time, and in a batch the text files beside it are
 * read while it still runs.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "fz-test-import.h"

static const char report_text[] =
  "测试县司法局2024年法治政府建设情况报告\n"
  "一、主要措施和成效\n"
  "全年审查规范性文件九件，办理行政复议案件三十件。\n";

/* soffice --outdir DIR … INPUT: waits, then writes DIR/report.docx. */
static void
install_slow_soffice (double seconds)
{
  static const char script[] =
    "#!/bin/sh\n"
    "outdir=\n"
    "while [ $# -gt 0 ]; do\n"
    "  if [ \"$1\" = --outdir ]; then outdir=$2; shift; fi\n"
    "  shift\n"
    "done\n"
    "sleep \"$FAKE_SOFFICE_SLEEP\"\n"
    "cp \"$FAKE_SOFFICE_DOCX\" \"$outdir/report.docx\"\n";
  const char *entries[] = {
    "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
    "word/document.xml",
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
    "<w:p><w:r><w:t>测试县司法局2024年法治政府建设情况报告</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>全年审查规范性文件九件。</w:t></w:r></w:p></w:body></w:document>",
    NULL,
  };
  g_autofree char *bin = fz_test_tmp_path ("bin");
  g_autofree char *soffice = g_build_filename (bin, "soffice", NULL);
  g_autofree char *docx = fz_test_write_zip ("converted.docx", entries);
  g_autofree char *path = g_strconcat (bin, ":", g_getenv ("PATH"), NULL);
  g_autofree char *sleep = g_strdup_printf ("%.1f", seconds);

  g_assert_cmpint (g_mkdir_with_parents (bin, 0700), ==, 0);
  g_assert_true (g_file_set_contents (soffice, script, -1, NULL));
  g_assert_cmpint (g_chmod (soffice, 0700), ==, 0);
  g_setenv ("PATH", path, TRUE);
  g_setenv ("FAKE_SOFFICE_DOCX", docx, TRUE);
  g_setenv ("FAKE_SOFFICE_SLEEP", sleep, TRUE);
}

/* An RTF file, which always goes through LibreOffice. */
static char *
write_rtf (const char *name)
{
  char *path = fz_test_tmp_path (name);

  g_assert_true (g_file_set_contents (path, "{\\rtf1\\ansi Report\\par}", -1, NULL));
  return path;
}

typedef struct
{
  GFile            *file;
  FzImportProgress *progress;
  FzDocument       *doc;
  GError           *error;
  gboolean          done;
  gboolean          saw_converting;
  gboolean          saw_extracting;
  double            max_elapsed;
  double            limit;
  char             *description;
} Watch;

static gpointer
import_thread (gpointer data)
{
  Watch *w = data;

  w->doc = fz_import_file_with_progress (w->file, w->progress, NULL, &w->error);
  g_atomic_int_set (&w->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

static void
on_progress (FzImportProgress *progress,
             GParamSpec       *pspec,
             Watch            *w)
{
  switch (fz_import_progress_get_stage (progress))
    {
    case FZ_IMPORT_STAGE_CONVERTING:
      w->saw_converting = TRUE;
      w->max_elapsed = MAX (w->max_elapsed, fz_import_progress_get_elapsed (progress));
      w->limit = fz_import_progress_get_limit (progress);
      g_free (w->description);
      w->description = fz_import_progress_dup_description (progress);
      break;
    case FZ_IMPORT_STAGE_EXTRACTING:
      w->saw_extracting = TRUE;
      break;
    case FZ_IMPORT_STAGE_READING:
    default:
      break;
    }
}

/* The conversion says how long it has taken, and its limit, in the
 * thread that asked, while it runs. */
static void
test_progress (void)
{
  g_autofree char *rtf = write_rtf ("slow.rtf");
  g_autoptr(GThread) thread = NULL;
  Watch w = { 0 };

  install_slow_soffice (1.5);
  g_setenv ("FAZHI_CONVERT_TIMEOUT", "60", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  w.file = g_file_new_for_path (rtf);
  w.progress = fz_import_progress_new ();
  g_signal_connect (w.progress, "notify", G_CALLBACK (on_progress), &w);

  thread = g_thread_new ("import", import_thread, &w);
  while (!g_atomic_int_get (&w.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (g_steal_pointer (&thread));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_no_error (w.error);
  g_assert_nonnull (w.doc);
  g_assert_cmpstr (fz_document_get_format (w.doc), ==, "rtf");
  g_assert_true (w.saw_converting);
  g_assert_true (w.saw_extracting);
  g_assert_cmpfloat (w.max_elapsed, >=, 1.0);
  g_assert_cmpfloat (w.limit, ==, 60);
  g_assert_nonnull (strstr (w.description, "LibreOffice"));
  g_assert_nonnull (strstr (w.description, "60"));

  g_unsetenv ("FAZHI_CONVERT_TIMEOUT");
  g_clear_object (&w.doc);
  g_clear_object (&w.progress);
  g_clear_object (&w.file);
  g_free (w.description);
}

typedef struct
{
  GMutex      mutex;
  GHashTable *done_at;   /* display name → microseconds */
  gboolean    finished;
} Order;

static void
on_entry (FzBatchEntry *entry,
          FzAnalysis   *analysis,
          const GError *error,
          gpointer      user_data)
{
  Order *order = user_data;
  gint64 *at = g_new (gint64, 1);

  *at = g_get_monotonic_time ();
  g_mutex_lock (&order->mutex);
  g_hash_table_insert (order->done_at, g_strdup (fz_batch_entry_get_display_name (entry)), at);
  g_mutex_unlock (&order->mutex);
}

static void
on_analysed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Order *order = user_data;

  g_assert_true (fz_batch_analyse_finish (FZ_BATCH (source), result, NULL));
  order->finished = TRUE;
}

/* Slow conversions first in a batch, as many as there are workers: the
 * text files after them are all read before any of them ends. */
static void
test_batch_not_held_up (void)
{
  g_autoptr(FzRuleSet) rules = fz_ruleset_load ("national", NULL);
  g_autoptr(FzBatch) batch = fz_batch_new (rules);
  guint n_slow = CLAMP (g_get_num_processors (), 2, 8);
  gint64 first_slow = G_MAXINT64;
  Order order = { 0 };

  install_slow_soffice (3.0);
  g_mutex_init (&order.mutex);
  order.done_at = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < n_slow; i++)
    {
      g_autofree char *name = g_strdup_printf ("a-slow-%u.rtf", i);
      g_autofree char *path = write_rtf (name);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      fz_batch_add_file (batch, file, FALSE);
    }
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("c-text-%d.txt", i);
      g_autofree char *path = fz_test_tmp_path (name);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_assert_true (g_file_set_contents (path, report_text, -1, NULL));
      fz_batch_add_file (batch, file, FALSE);
    }

  fz_batch_set_entry_func (batch, on_entry, &order);
  fz_batch_analyse_async (batch, NULL, on_analysed, &order);
  while (!order.finished)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (g_hash_table_size (order.done_at), ==, n_slow + 6);
  for (guint i = 0; i < n_slow; i++)
    {
      g_autofree char *name = g_strdup_printf ("a-slow-%u.rtf", i);

      first_slow = MIN (first_slow, *(gint64 *) g_hash_table_lookup (order.done_at, name));
    }
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("c-text-%d.txt", i);

      g_assert_cmpint (*(gint64 *) g_hash_table_lookup (order.done_at, name), <, first_slow);
    }
  g_hash_table_unref (order.done_at);
  g_mutex_clear (&order.mutex);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/progress/conversion", test_progress);
  g_test_add_func ("/progress/batch-not-held-up", test_batch_not_held_up);

  return fz_test_import_run ();
}
