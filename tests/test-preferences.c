/* test-preferences.c: the preferences window and the reviewer's rule-set folder
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "libfazhi.h"
#include "fz-application.h"
#include "fz-preferences-window.h"
#include "libfazhi.h"

#define WAIT_SECONDS 10

typedef struct
{
  guint      changed;
  GPtrArray *problems;
} Events;

static void
changed_cb (FzRuleSetStore *rulesets,
            GParamSpec     *pspec,
            Events         *events)
{
  /* A reading has ended. */
  if (!fz_ruleset_store_get_loading (rulesets))
    events->changed++;
}

static void
problem_cb (FzRuleSetStore *rulesets,
            const char     *message,
            Events         *events)
{
  g_ptr_array_add (events->problems, g_strdup (message));
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the store has read the folder again. */
static void
wait_for_change (Events *events)
{
  guint before = events->changed;
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (WAIT_SECONDS, timeout_cb, &timed_out);

  while (events->changed == before && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
flush_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
read_example (void)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (EXAMPLE_RULES, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
wait_for_rulesets (FzRuleSetStore *rulesets)
{
  while (fz_ruleset_store_get_loading (rulesets))
    g_main_context_iteration (NULL, TRUE);
  flush_main_loop ();
}

static gboolean
lists (FzRuleSetStore *rulesets,
       const char     *id)
{
  return fz_ruleset_store_find (rulesets, id) != G_MAXUINT;
}

/* The reviewer's folder as the application watches it. */
static void
test_rules_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fazhi-rules-folder-XXXXXX", &error);
  g_autofree char *example = read_example ();
  g_autofree char *good = g_build_filename (dir, "county.xml", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.xml", NULL);
  g_autofree char *shadow = g_build_filename (dir, "shadow.xml", NULL);
  g_autoptr(FzRuleSetStore) rulesets = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  Events events = { 0, problems };
  const char * const *found;

  g_assert_no_error (error);
  rulesets = fz_ruleset_store_new (dir);
  wait_for_rulesets (rulesets);
  g_signal_connect (rulesets, "notify::loading", G_CALLBACK (changed_cb), &events);
  g_signal_connect (rulesets, "problem", G_CALLBACK (problem_cb), &events);

  g_assert_cmpstr (fz_ruleset_store_get_folder (rulesets), ==, dir);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rulesets)), ==, 2);
  g_assert_null (fz_ruleset_store_lookup (rulesets, "example-county"));
  g_assert_cmpuint (g_strv_length ((char **) fz_ruleset_store_get_problems (rulesets)), ==, 0);

  /* Saving a rule set into the folder is enough for it to be offered. */
  write_file (good, example);
  wait_for_change (&events);
  g_assert_true (lists (rulesets, "example-county"));
  g_assert_cmpstr (fz_ruleset_get_origin (fz_ruleset_store_lookup (rulesets, "example-county")),
                   ==, good);

  /* A mistake is announced once, with the file and the line. */
  write_file (broken,
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<ruleset id=\"broken\" version=\"1\">\n"
              "  <name>坏</name>\n"
              "  <element id=\"a\"><name>甲</name><heading>(甲</heading></element>\n"
              "</ruleset>\n");
  wait_for_change (&events);
  g_assert_cmpuint (problems->len, ==, 1);
  g_test_message ("%s", (char *) problems->pdata[0]);
  g_assert_nonnull (strstr (problems->pdata[0], "broken.xml:4: "));
  found = fz_ruleset_store_get_problems (rulesets);
  g_assert_cmpuint (g_strv_length ((char **) found), ==, 1);
  g_assert_true (g_str_has_prefix (found[0], "broken.xml:4: "));
  /* It is not offered. */
  g_assert_false (lists (rulesets, "broken"));

  /* A file that takes a built-in id is refused with a reason. */
  write_file (shadow,
              "<ruleset id=\"national\" version=\"1\"><name>冒名</name>"
              "<element id=\"a\"><name>甲</name><heading>甲</heading></element></ruleset>");
  wait_for_change (&events);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_true (g_str_has_prefix (problems->pdata[1], "A rule set was not loaded: shadow.xml: "));
  g_assert_nonnull (strstr (problems->pdata[1], "national"));

  /* Mending or removing files clears the problems without new toasts. */
  g_assert_cmpint (g_remove (broken), ==, 0);
  g_assert_cmpint (g_remove (shadow), ==, 0);
  wait_for_change (&events);
  flush_main_loop ();
  g_assert_cmpuint (g_strv_length ((char **) fz_ruleset_store_get_problems (rulesets)), ==, 0);
  g_assert_cmpuint (problems->len, ==, 2);

  g_assert_cmpint (g_remove (good), ==, 0);
  wait_for_change (&events);
  g_assert_false (lists (rulesets, "example-county"));

  /* Back to the default folder, as the reset button does. */
  fz_ruleset_store_set_folder (rulesets, NULL);
  g_assert_true (g_str_has_prefix (fz_ruleset_store_get_folder (rulesets),
                                   g_getenv ("XDG_CONFIG_HOME")));
  wait_for_rulesets (rulesets);

  g_clear_object (&rulesets);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static GtkWidget *
template_child (FzPreferencesWindow *window,
                const char          *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window),
                                                  FZ_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* What the row shows for an item: its expression's value. */
static char *
combo_item (AdwComboRow *row,
            guint        position)
{
  g_autoptr(GObject) item = g_list_model_get_item (adw_combo_row_get_model (row), position);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_true (gtk_expression_evaluate (adw_combo_row_get_expression (row), item, &value));
  return g_value_dup_string (&value);
}

static void
test_window_bindings (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fazhi-prefs-XXXXXX", &error);
  g_autofree char *example = read_example ();
  g_autofree char *county = g_build_filename (dir, "county.xml", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.xml", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(FzRuleSetStore) store = NULL;
  g_autofree char *value = NULL;
  g_autofree char *item = NULL;
  FzPreferencesWindow *window;
  AdwComboRow *rulesets;
  AdwComboRow *memo_format;
  GtkWidget *problems;

  g_assert_no_error (error);
  write_file (county, example);
  write_file (broken, "<ruleset id=\"broken\"");
  store = fz_ruleset_store_new (dir);
  wait_for_rulesets (store);
  g_settings_set_string (settings, "reviewer-name", "张三");

  window = fz_preferences_window_new (NULL, settings, store);
  gtk_window_present (GTK_WINDOW (window));
  flush_main_loop ();

  /* Settings to rows … */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (template_child (window, "reviewer_name_row"))),
                   ==, "张三");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (template_child (window, "font_size_spin"))),
                     ==, g_settings_get_int (settings, "font-size"));

  /* … and rows to settings. */
  gtk_editable_set_text (GTK_EDITABLE (template_child (window, "reviewer_unit_row")), "某县司法局");
  value = g_settings_get_string (settings, "reviewer-unit");
  g_assert_cmpstr (value, ==, "某县司法局");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (template_child (window, "font_size_spin")), 18);
  g_assert_cmpint (g_settings_get_int (settings, "font-size"), ==, 18);
  memo_format = ADW_COMBO_ROW (template_child (window, "memo_format_row"));
  adw_combo_row_set_selected (memo_format, 1);
  g_clear_pointer (&value, g_free);
  value = g_settings_get_string (settings, "memo-format");
  g_assert_cmpstr (value, ==, "pdf");

  /* The rule sets of the folder are offered; the broken one is listed
   * among the problems instead. */
  rulesets = ADW_COMBO_ROW (template_child (window, "default_ruleset_row"));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (rulesets)), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (rulesets), ==, 0);
  item = combo_item (rulesets, 2);
  g_assert_cmpstr (item, ==, fz_ruleset_get_display_name (fz_ruleset_store_lookup (store, "example-county")));
  adw_combo_row_set_selected (rulesets, 2);
  g_clear_pointer (&value, g_free);
  value = g_settings_get_string (settings, "default-ruleset");
  g_assert_cmpstr (value, ==, "example-county");
  problems = template_child (window, "problems_group");
  g_assert_true (gtk_widget_get_visible (problems));

  /* A default that is no longer there is not replaced: the setting keeps
   * it, the row shows the national set used meanwhile and says why. */
  g_assert_cmpint (g_remove (county), ==, 0);
  fz_ruleset_store_rescan (store);
  wait_for_rulesets (store);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (rulesets)), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (rulesets), ==, fz_ruleset_store_find (store, "national"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (rulesets)), "example-county"));
  g_clear_pointer (&value, g_free);
  value = g_settings_get_string (settings, "default-ruleset");
  g_assert_cmpstr (value, ==, "example-county");

  /* Choosing a set clears the reason. */
  adw_combo_row_set_selected (rulesets, fz_ruleset_store_find (store, "guangdong"));
  g_clear_pointer (&value, g_free);
  value = g_settings_get_string (settings, "default-ruleset");
  g_assert_cmpstr (value, ==, "guangdong");
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (rulesets)), "example-county"));

  g_assert_cmpint (g_remove (broken), ==, 0);
  fz_ruleset_store_rescan (store);
  wait_for_rulesets (store);
  g_assert_false (gtk_widget_get_visible (problems));

  gtk_window_destroy (GTK_WINDOW (window));
  flush_main_loop ();
  fz_ruleset_store_set_folder (store, NULL);
  wait_for_rulesets (store);
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  g_settings_reset (settings, "reviewer-name");
  g_settings_reset (settings, "reviewer-unit");
  g_settings_reset (settings, "font-size");
  g_settings_reset (settings, "memo-format");
  g_settings_reset (settings, "default-ruleset");
}

/* app.preferences with Ctrl+comma opens the window; the store follows
 * the rules-folder setting. */
static void
test_application (void)
{
  g_autoptr(FzApplication) app = fz_application_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fazhi-app-rules-XXXXXX", &error);
  FzRuleSetStore *rulesets;
  GtkWindow *preferences = NULL;

  g_assert_no_error (error);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_cmpstr (accels[0], ==, "<Control>comma");

  rulesets = fz_application_get_rulesets (app);
  g_settings_set_string (fz_application_get_settings (app), "rules-folder", dir);
  g_assert_cmpstr (fz_ruleset_store_get_folder (rulesets), ==, dir);
  g_settings_reset (fz_application_get_settings (app), "rules-folder");
  g_assert_cmpstr (fz_ruleset_store_get_folder (rulesets), !=, dir);
  wait_for_rulesets (rulesets);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  flush_main_loop ();
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (FZ_IS_PREFERENCES_WINDOW (l->data))
      preferences = l->data;
  g_assert_nonnull (preferences);
  gtk_window_destroy (preferences);
  flush_main_loop ();

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Cairo where OpenGL could only be software, GTK's choice where a render
 * node promises a GPU; the setting of LIBGL_ALWAYS_SOFTWARE wins. */
static void
test_renderer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fazhi-dri-XXXXXX", &error);
  g_autofree char *card = NULL;
  g_autofree char *render = NULL;
  g_autofree char *missing = NULL;

  g_assert_no_error (error);
  card = g_build_filename (dir, "card0", NULL);
  render = g_build_filename (dir, "renderD128", NULL);
  missing = g_build_filename (dir, "none", NULL);

  g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");
  g_assert_cmpstr (fz_application_pick_renderer (missing), ==, "cairo");
  g_assert_cmpstr (fz_application_pick_renderer (dir), ==, "cairo");
  g_assert_true (g_file_set_contents (card, "", 0, NULL));
  /* A display controller alone draws nothing with OpenGL. */
  g_assert_cmpstr (fz_application_pick_renderer (dir), ==, "cairo");
  g_assert_true (g_file_set_contents (render, "", 0, NULL));
  g_assert_null (fz_application_pick_renderer (dir));

  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "1", TRUE);
  g_assert_cmpstr (fz_application_pick_renderer (dir), ==, "cairo");
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "0", TRUE);
  g_assert_null (fz_application_pick_renderer (dir));
  g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");

  g_assert_cmpint (g_unlink (render), ==, 0);
  g_assert_cmpint (g_unlink (card), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  fz_init ();

  g_test_add_func ("/preferences/rules-folder", test_rules_folder);
  g_test_add_func ("/preferences/window", test_window_bindings);
  g_test_add_func ("/preferences/application", test_application);
  g_test_add_func ("/preferences/renderer", test_renderer);

  return g_test_run ();
}
