/* test-ruleset-authoring.c: the example rule set and the user's own folder
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "fz-test-utils.h"

static char *
example_path (void)
{
  return g_build_filename (EXAMPLE_RULES, NULL);
}

/* The installed example is what people copy: it must load as it is. */
static void
test_example_validates (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(FzRuleSet) rules = fz_test_load_rules (path);
  const FzRuleElement *publication;
  guint month, day;

  g_assert_nonnull (rules);
  g_assert_cmpstr (fz_ruleset_get_id (rules), ==, "example-county");
  g_assert_cmpstr (fz_ruleset_get_extends (rules), ==, "national");

  /* national's six, less other_matters, plus publication. */
  g_assert_cmpuint (fz_ruleset_get_n_elements (rules), ==, 6);
  g_assert_null (fz_ruleset_find_element (rules, "other_matters"));
  publication = fz_ruleset_find_element (rules, "publication");
  g_assert_nonnull (publication);
  g_assert_cmpuint (publication->requirements->len, ==, 1);
  g_assert_cmpint (publication->year_offset, ==, -1);
  g_assert_cmpstr (fz_ruleset_get_element (rules, 0)->id, ==, "measures_and_results");
  g_assert_cmpstr (fz_ruleset_get_element (rules, 1)->id, ==, "publication");

  fz_ruleset_get_deadline (rules, &month, &day);
  g_assert_cmpuint (month, ==, 2);
  g_assert_cmpuint (day, ==, 15);
}

typedef struct
{
  const char *name;
  const char *from;     /* text in the example … */
  const char *to;       /* … replaced by this */
  const char *detail;   /* expected in the message */
} Breakage;

static const Breakage breakages[] = {
  { "regex", "(报告|年度报告)(的)?公开", "(报告|年度报告公开", "regular expression" },
  { "unknown-element", "<remove element=\"other_matters\"/>", "<remove element=\"no_such_part\"/>", "no_such_part" },
  { "bad-number", "<deadline month=\"2\"", "<deadline month=\"13\"", "month" },
  { "malformed", "</element>", "</elemnt>", "" },
};

/* A copy of the example with one mistake gives a message that starts with
 * the copy's name and the line of the mistake. */
static void
test_broken_copy (gconstpointer data)
{
  const Breakage *breakage = data;
  g_autofree char *example = example_path ();
  guint line;
  g_autofree char *path = fz_test_write_broken_copy (example, breakage->from, breakage->to, NULL, &line);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = NULL;

  rules = fz_ruleset_load (path, &error);
  g_assert_null (rules);
  fz_test_assert_error_at (error, path, line, breakage->detail);

  fz_test_remove_copy (path);
}

static char *
copy_example_into (const char *dir,
                   const char *file_name)
{
  g_autofree char *example = example_path ();
  g_autofree char *text = NULL;
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (example, &text, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

/* A folder chosen in the preferences replaces the default one, for listing
 * and for loading by id; NULL goes back to the default. */
static void
test_user_dir (void)
{
  g_autofree char *default_dir = fz_ruleset_get_user_dir ();
  g_autofree char *dir = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = NULL;
  g_auto(GStrv) ids = NULL;

  g_assert_true (g_str_has_prefix (default_dir, g_getenv ("XDG_CONFIG_HOME")));

  dir = g_dir_make_tmp ("fazhi-user-rules-XXXXXX", &error);
  g_assert_no_error (error);
  copy = copy_example_into (dir, "mine.xml");

  /* Not in the default folder: unknown. */
  rules = fz_ruleset_load ("example-county", &error);
  g_assert_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_NOT_FOUND);
  g_assert_null (rules);
  g_clear_error (&error);

  fz_ruleset_set_user_dir (dir);
  chosen = fz_ruleset_get_user_dir ();
  g_assert_cmpstr (chosen, ==, dir);

  ids = fz_ruleset_list_available ();
  g_assert_true (g_strv_contains ((const char * const *) ids, "example-county"));
  g_assert_cmpstr (ids[0], ==, "national");

  rules = fz_test_load_rules ("example-county");
  g_assert_cmpstr (fz_ruleset_get_origin (rules), ==, copy);
  g_clear_object (&rules);
  g_clear_pointer (&ids, g_strfreev);

  /* The error for an unknown id names the folder actually searched. */
  rules = fz_ruleset_load ("nothing-here", &error);
  g_assert_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, dir));
  g_clear_error (&error);

  fz_ruleset_set_user_dir (NULL);
  g_clear_pointer (&chosen, g_free);
  chosen = fz_ruleset_get_user_dir ();
  g_assert_cmpstr (chosen, ==, default_dir);
  ids = fz_ruleset_list_available ();
  g_assert_false (g_strv_contains ((const char * const *) ids, "example-county"));

  /* An empty string, as stored in GSettings, also means the default. */
  fz_ruleset_set_user_dir (dir);
  fz_ruleset_set_user_dir ("");
  g_clear_pointer (&chosen, g_free);
  chosen = fz_ruleset_get_user_dir ();
  g_assert_cmpstr (chosen, ==, default_dir);

  g_assert_cmpint (g_remove (copy), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/ruleset-authoring/example", test_example_validates);
  for (guint i = 0; i < G_N_ELEMENTS (breakages); i++)
    {
      g_autofree char *name = g_strdup_printf ("/ruleset-authoring/broken/%s",
                                               breakages[i].name);

      g_test_add_data_func (name, &breakages[i], test_broken_copy);
    }
  g_test_add_func ("/ruleset-authoring/user-dir", test_user_dir);

  return g_test_run ();
}
