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

#include "libfazhi.h"

typedef struct
{
  char  *seed;
  char  *kind;
  char  *id;
  char  *expected;
  guint  line;
} Expectation;

static char *corpus_dir;
static GPtrArray *expectations;
static FzRuleSet *national;
static FzRuleSet *guangdong;

static void
expectation_free (Expectation *e)
{
  g_free (e->seed);
  g_free (e->kind);
  g_free (e->id);
  g_free (e->expected);
  g_free (e);
}

static gboolean
load_expectations (void)
{
  g_autofree char *path = g_build_filename (corpus_dir, "expected.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;

  expectations = g_ptr_array_new_with_free_func ((GDestroyNotify) expectation_free);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      Expectation *e;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (cols) < 4)
        continue;

      e = g_new0 (Expectation, 1);
      e->seed = g_strdup (cols[0]);
      e->kind = g_strdup (cols[1]);
      e->id = g_strdup (cols[2]);
      e->expected = g_strdup (cols[3]);
      e->line = i + 1;
      g_ptr_array_add (expectations, e);
    }

  return TRUE;
}

static char *
no_space (const char *s)
{
  return s ? fz_strip_spaces (s, -1) : NULL;
}

static gboolean
status_allowed (FzStatus    status,
                const char *allowed)
{
  g_auto(GStrv) options = g_strsplit (allowed, "|", -1);

  for (guint i = 0; options[i] != NULL; i++)
    if (g_strcmp0 (options[i], fz_status_to_string (status)) == 0)
      return TRUE;

  return FALSE;
}

static const char *
meta_value (const FzMetadata *m,
            const char       *id,
            char            **owned)
{
  if (g_str_equal (id, "title"))
    return m->title.value;
  if (g_str_equal (id, "doc_number"))
    return m->doc_number.value;
  if (g_str_equal (id, "signer"))
    return m->signer.value;
  if (g_str_equal (id, "addressee"))
    return m->addressee.value;
  if (g_str_equal (id, "issuer"))
    return m->issuer.value;
  if (g_str_equal (id, "date"))
    return m->date_iso;
  if (g_str_equal (id, "report_year"))
    return m->report_year > 0 ? (*owned = g_strdup_printf ("%d", m->report_year)) : NULL;
  g_error ("unknown meta id %s", id);
  return NULL;
}

static gboolean
has_finding (FzAnalysis *a,
             const char *id)
{
  GPtrArray *findings = fz_analysis_get_findings (a);

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((FzFinding *) g_ptr_array_index (findings, i))->id, id))
      return TRUE;

  return FALSE;
}

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
      Expectation *e = g_ptr_array_index (expectations, i);
      g_autofree char *got = NULL;
      gboolean ok = TRUE;

      if (!g_str_equal (e->seed, seed))
        continue;
      checked++;

      if (g_str_equal (e->kind, "element"))
        {
          gboolean is_gd = g_str_has_prefix (e->id, "gd:");
          FzAnalysis *a = is_gd ? gd : nat;
          const FzElementResult *r = fz_analysis_find_element (a, is_gd ? e->id + 3 : e->id);

          if (r == NULL)
            {
              ok = FALSE;
              got = g_strdup ("(no such element)");
            }
          else
            {
              ok = status_allowed (r->status, e->expected);
              got = g_strdup_printf ("%s: %s", fz_status_to_string (r->status), r->explanation);
            }
        }
      else if (g_str_equal (e->kind, "meta"))
        {
          char *owned = NULL;
          const char *value = meta_value (fz_analysis_get_metadata (nat), e->id, &owned);
          g_autofree char *a = no_space (value);
          g_autofree char *b = no_space (e->expected);

          if (g_str_equal (e->expected, "-"))
            ok = value == NULL;
          else
            ok = g_strcmp0 (a, b) == 0;
          got = g_strdup (value ? value : "(absent)");
          g_free (owned);
        }
      else if (g_str_equal (e->kind, "finding"))
        {
          gboolean found = has_finding (nat, e->id);

          ok = found == g_str_equal (e->expected, "yes");
          got = g_strdup (found ? "reported" : "not reported");
        }
      else if (g_str_equal (e->kind, "text"))
        {
          ok = strstr (fz_document_get_text (doc), e->expected) != NULL;
          got = g_strdup (ok ? "found" : "not found in the normalized text");
        }
      else
        continue;

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

static void
skip_absent (void)
{
  g_test_skip ("the reference corpus (../shared/corpus) is not here");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *env = g_getenv ("FAZHI_CORPUS_DIR");
  int ret;

  g_test_init (&argc, &argv, NULL);
  fz_init ();

  corpus_dir = g_strdup (env ? env : "../shared/corpus");
  if (!load_expectations ())
    {
      g_test_add_func ("/corpus/absent", skip_absent);
      return g_test_run ();
    }

  national = fz_ruleset_load ("national", &error);
  g_assert_no_error (error);
  guangdong = fz_ruleset_load ("guangdong", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < expectations->len; i++)
    {
      Expectation *e = g_ptr_array_index (expectations, i);

      if (!g_hash_table_contains (seen, e->seed))
        {
          g_autofree char *test_path = g_strdup_printf ("/corpus/%s", e->seed);

          g_hash_table_add (seen, e->seed);
          g_test_add_data_func (test_path, e->seed, check_seed);
        }
    }

  ret = g_test_run ();

  g_clear_object (&national);
  g_clear_object (&guangdong);
  g_ptr_array_unref (expectations);
  g_free (corpus_dir);

  return ret;
}
