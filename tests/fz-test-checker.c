/* fz-test-checker.c: helpers the tests of the checklist share
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-test-checker.h"
#include "fz-test-utils.h"

void
fz_test_checked_free (FzTestChecked *checked)
{
  g_clear_object (&checked->document);
  g_clear_pointer (&checked->sections, g_ptr_array_unref);
  g_clear_pointer (&checked->results, g_ptr_array_unref);
  g_free (checked);
}

FzTestChecked *
fz_test_check_document (FzDocument *document,
                        const char *rules_name,
                        int         report_year)
{
  g_autoptr(FzRuleSet) rules = fz_test_load_rules (rules_name);
  FzTestChecked *checked = g_new0 (FzTestChecked, 1);
  /* The metadata extractor is not under test here: only the year matters. */
  FzMetadata meta = { 0 };

  meta.report_year = report_year;
  checked->document = g_object_ref (document);
  checked->sections = fz_outline_build (document);
  checked->results = fz_checker_run (rules, document, checked->sections, &meta);

  g_assert_cmpuint (checked->results->len, ==, fz_ruleset_get_n_elements (rules));
  for (guint i = 0; i < checked->results->len; i++)
    {
      const FzElementResult *result = g_ptr_array_index (checked->results, i);

      g_assert_cmpstr (result->id, ==, fz_ruleset_get_element (rules, i)->id);
      g_assert_nonnull (result->name);
      g_assert_nonnull (result->explanation);
      g_assert_cmpfloat (result->confidence, >=, 0.0);
      g_assert_cmpfloat (result->confidence, <=, 1.0);
      g_assert_cmpint (result->section, <, (int) checked->sections->len);
      for (guint k = 0; k < result->evidence->len; k++)
        {
          const FzRange *r = &g_array_index (result->evidence, FzRange, k);

          g_assert_cmpuint (r->start, <, r->end);
          g_assert_cmpuint (r->end, <=, fz_document_get_length (document));
          if (k > 0)
            g_assert_cmpuint (g_array_index (result->evidence, FzRange, k - 1).end, <=, r->start);
        }
    }

  return checked;
}

FzTestChecked *
fz_test_check_fixture (const char *name,
                       const char *rules_name,
                       int         report_year)
{
  g_autofree char *path = g_build_filename (TESTDATADIR, "reports", name, NULL);
  g_autoptr(FzDocument) document = fz_test_import_path (path);

  return fz_test_check_document (document, rules_name, report_year);
}

const FzElementResult *
fz_test_find_result (const FzTestChecked *checked,
                     const char    *id)
{
  for (guint i = 0; i < checked->results->len; i++)
    {
      const FzElementResult *result = g_ptr_array_index (checked->results, i);

      if (g_str_equal (result->id, id))
        return result;
    }

  g_assert_not_reached ();
}

const FzSection *
fz_test_result_section (const FzTestChecked         *checked,
                        const FzElementResult *result)
{
  g_assert_cmpint (result->section, >=, 0);
  return g_ptr_array_index (checked->sections, result->section);
}

void
fz_test_assert_status (const FzTestChecked *checked,
                       const char    *id,
                       FzStatus       status)
{
  const FzElementResult *result = fz_test_find_result (checked, id);

  if (result->status != status)
    g_error ("%s: expected %s, got %s: %s", id, fz_status_to_string (status),
             fz_status_to_string (result->status), result->explanation);
}

void
fz_test_assert_explains (const FzTestChecked *checked,
                         const char    *id,
                         const char    *text)
{
  const FzElementResult *result = fz_test_find_result (checked, id);

  if (strstr (result->explanation, text) == NULL)
    g_error ("%s: “%s” does not say “%s”", id, result->explanation, text);
}

char *
fz_test_evidence_text (const FzTestChecked         *checked,
                       const FzElementResult *result,
                       guint                  index)
{
  const FzRange *r;

  g_assert_cmpuint (index, <, result->evidence->len);
  r = &g_array_index (result->evidence, FzRange, index);
  return fz_document_dup_range (checked->document, r->start, r->end);
}
