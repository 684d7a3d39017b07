/* test-corpus.c: the reference reports and what a careful reviewer concludes
 *
 * Reads ../shared/corpus/expected.tsv (see its README) and checks every line
 * against the engine, under the national and the Guangdong rule sets.  The
 * corpus is not part of this tree: the test skips when it is absent.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-test-utils.h"
#include "libfazhi.h"

static char *corpus_dir;
static GPtrArray *expectations;
static FzRuleSet *national;
static FzRuleSet *guangdong;

static void
check_seed (gconstpointer data)
{
  const char *seed = data;
  g_autofree char *path = g_build_filename (corpus_dir, "seeds", seed, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = fz_import_file (file, NULL, &error);
  g_autoptr(FzAnalysis) nat = NULL;
  g_autoptr(FzAnalysis) gd = NULL;
  guint failures = 0, checked = 0;

  g_assert_no_error (error);
  nat = fz_analysis_new (doc, national);
  gd = fz_analysis_new (doc, guangdong);

  for (guint i = 0; i < expectations->len; i++)
    {
      FzTestExpectation *e = g_ptr_array_index (expectations, i);
      g_autofree char *got = NULL;
      gboolean ok;

      if (!g_str_equal (e->seed, seed))
        continue;
      checked++;

      ok = fz_test_check_expectation (e, doc, nat, gd, &got);

      if (!ok)
        {
          g_test_message ("expected.tsv:%u %s %s: expected “%s”, got “%s”",
                          e->line, e->kind, e->id, e->expected, got);
          failures++;
        }
    }

  g_test_message ("%s: %u expectations checked, %u failed", seed, checked, failures);
  g_assert_cmpuint (checked, >, 0);
  if (failures > 0)
    g_test_fail ();
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("FAZHI_CORPUS_DIR");
  int ret;

  g_test_init (&argc, &argv, NULL);
  fz_init ();

  corpus_dir = g_strdup (env ? env : "../shared/corpus");
  expectations = fz_test_load_expectations (corpus_dir);
  fz_test_add_seed_tests ("/corpus", expectations, check_seed);
  if (expectations == NULL)
    return g_test_run ();

  national = fz_test_load_rules ("national");
  guangdong = fz_test_load_rules ("guangdong");

  ret = g_test_run ();

  g_clear_object (&national);
  g_clear_object (&guangdong);
  g_ptr_array_unref (expectations);
  g_free (corpus_dir);

  return ret;
}
