/* fz-application.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-app-resources.h"
#include "fz-application.h"
#include "fz-preferences-window.h"
#include "fz-tooltip.h"
#include "fz-window.h"

struct _FzApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  FzRuleSetStore *rulesets;
  FzReviewStore  *reviews;
};

G_DEFINE_FINAL_TYPE (FzApplication, fz_application, ADW_TYPE_APPLICATION)

static FzWindow *
fz_application_get_window (FzApplication *self)
{
  /* The main window most recently in front: the active window may be the
   * shortcuts or the preferences window, hidden or not. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (FZ_IS_WINDOW (l->data))
      return FZ_WINDOW (l->data);

  return fz_window_new (self);
}

GFile *
fz_application_dup_sample_file (void)
{
  const char *env = g_getenv ("FAZHI_SAMPLE");
  g_autofree char *installed = NULL;

  if (env != NULL && *env != '\0')
    return g_file_new_for_path (env);

  installed = g_build_filename (PKGDATADIR, "samples", "sample-report.txt", NULL);
  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    return g_file_new_for_path (installed);

  return NULL;
}

static void
fz_application_activate (GApplication *app)
{
  FzWindow *window = fz_application_get_window (FZ_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
}

static void
fz_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  FzWindow *window = fz_application_get_window (FZ_APPLICATION (app));
  GSList *list = NULL;

  /* As one drop: a folder or many files make a batch. */
  for (int i = n_files - 1; i >= 0; i--)
    list = g_slist_prepend (list, files[i]);
  fz_window_open_files (window, list);
  g_slist_free (list);

  gtk_window_present (GTK_WINDOW (window));
}

static void
open_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  FzWindow *window = fz_application_get_window (FZ_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  fz_window_show_open_dialog (window);
}

static void
open_folder_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  FzWindow *window = fz_application_get_window (FZ_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
  fz_window_show_open_folder_dialog (window);
}

static void
open_sample_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  FzWindow *window = fz_application_get_window (FZ_APPLICATION (user_data));
  g_autoptr(GFile) sample = fz_application_dup_sample_file ();

  gtk_window_present (GTK_WINDOW (window));

  if (sample == NULL)
    {
      fz_window_show_toast (window, _("The sample report is not installed"));
      return;
    }

  fz_window_open_file (window, sample);
}

static char *
fz_application_get_debug_info (void)
{
  GString *info = g_string_new (NULL);

  g_string_append_printf (info, "%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
  g_string_append_printf (info, "GLib %u.%u.%u (built against %u.%u.%u)\n",
                          glib_major_version, glib_minor_version, glib_micro_version,
                          GLIB_MAJOR_VERSION, GLIB_MINOR_VERSION, GLIB_MICRO_VERSION);
  g_string_append_printf (info, "GTK %u.%u.%u (built against %u.%u.%u)\n",
                          gtk_get_major_version (), gtk_get_minor_version (),
                          gtk_get_micro_version (),
                          GTK_MAJOR_VERSION, GTK_MINOR_VERSION, GTK_MICRO_VERSION);
  g_string_append_printf (info, "libadwaita %u.%u.%u (built against %u.%u.%u)\n",
                          adw_get_major_version (), adw_get_minor_version (),
                          adw_get_micro_version (),
                          ADW_MAJOR_VERSION, ADW_MINOR_VERSION, ADW_MICRO_VERSION);

  return g_string_free (info, FALSE);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  static const char *developers[] = { "The Fazhi Review developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  g_autofree char *debug_info = fz_application_get_debug_info ();

  adw_show_about_window (parent,
                         "application-name", _("Fazhi Review"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Fazhi Review developers"),
                         "version", PACKAGE_VERSION,
                         "website", PACKAGE_WEBSITE,
                         "comments", _("Check annual reports on building a rule-of-law "
                                       "government against the required elements"),
                         "developers", developers,
                         "copyright", "© 2026 The Fazhi Review developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         "debug-info", debug_info,
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  FzApplication *self = FZ_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  FzPreferencesWindow *preferences;

  preferences = fz_preferences_window_new (parent,
                                           fz_application_get_settings (self),
                                           fz_application_get_rulesets (self));
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
rules_problem_cb (FzApplication *self,
                  const char    *message)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GList *windows;

  /* The preferences may be in front; the toast belongs to the main window. */
  if (!FZ_IS_WINDOW (window))
    for (windows = gtk_application_get_windows (GTK_APPLICATION (self));
         windows != NULL && !FZ_IS_WINDOW (window);
         windows = windows->next)
      window = windows->data;

  if (FZ_IS_WINDOW (window))
    fz_window_show_toast (FZ_WINDOW (window), message);
}

/* Until every view takes its rule sets from the store, the engine's own
 * lookup by id looks in the same folder. */
static void
rules_folder_cb (FzRuleSetStore *rulesets)
{
  fz_ruleset_set_user_dir (fz_ruleset_store_get_folder (rulesets));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "open", open_action },
  { "open-folder", open_folder_action },
  { "open-sample", open_sample_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
fz_application_startup (GApplication *app)
{
  FzApplication *self = FZ_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.open", { "<Control>o", NULL } },
    { "app.open-folder", { "<Shift><Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.close-tab", { "<Control>w", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.show-outline", { "F9", NULL } },
    { "win.annotate", { "<Control>m", NULL } },
    { "win.export-memo", { "<Control>e", NULL } },
    { "win.return-to-unit", { "<Shift><Control>e", NULL } },
    { "win.open-revised-version", { "<Shift><Control>r", NULL } },
    { "win.open-last-year", { "<Shift><Control>l", NULL } },
    { "win.save-review", { "<Shift><Control>s", NULL } },
    { "win.print-memo", { "<Control>p", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
    { "win.zoom-out", { "<Control>minus", NULL } },
    { "win.zoom-reset", { "<Control>0", NULL } },
    { "win.next-open", { "F8", NULL } },
    { "win.previous-open", { "<Shift>F8", NULL } },
    { "win.decide(1)", { "<Alt>1", NULL } },
    { "win.decide(2)", { "<Alt>2", NULL } },
    { "win.decide(3)", { "<Alt>3", NULL } },
    { "win.decide(4)", { "<Alt>4", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (fz_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   app);

  fz_tooltip_fit_gtk_tooltips ();

  /* One store for every window: the folder is a setting of the reviewer's. */
  g_settings_bind (fz_application_get_settings (self), "rules-folder",
                   fz_application_get_rulesets (self), "folder",
                   G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->rulesets, "notify::folder",
                           G_CALLBACK (rules_folder_cb), NULL, 0);
  rules_folder_cb (self->rulesets);
  g_signal_connect_object (self->rulesets, "problem",
                           G_CALLBACK (rules_problem_cb), self,
                           G_CONNECT_SWAPPED);

  /* Accelerators live here rather than in widget classes so the shortcuts
   * window can show them by action name. */
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           accels[i].action,
                                           accels[i].accels);
}

/* Whatever a review still holds back (a note being typed) is written
 * before the process ends. */
static void
fz_application_shutdown (GApplication *app)
{
  FzApplication *self = FZ_APPLICATION (app);

  g_autoptr(GError) error = NULL;

  if (self->reviews != NULL && !fz_review_store_flush (self->reviews, &error))
    g_warning ("Could not save a review on quitting: %s", error->message);

  G_APPLICATION_CLASS (fz_application_parent_class)->shutdown (app);
}

static void
fz_application_dispose (GObject *object)
{
  FzApplication *self = FZ_APPLICATION (object);

  g_clear_object (&self->rulesets);
  g_clear_object (&self->reviews);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (fz_application_parent_class)->dispose (object);
}

static void
fz_application_class_init (FzApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = fz_application_dispose;

  app_class->startup = fz_application_startup;
  app_class->shutdown = fz_application_shutdown;
  app_class->activate = fz_application_activate;
  app_class->open = fz_application_open;
}

static void
fz_application_init (FzApplication *self)
{
  /* Referencing the bundle keeps its object file, and with it the
   * constructor that registers the resources, in the static library link. */
  (void) fz_app_get_resource ();
}

FzApplication *
fz_application_new (void)
{
  return g_object_new (FZ_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/fazhireview/FazhiReview",
                       NULL);
}

GSettings *
fz_application_get_settings (FzApplication *self)
{
  g_return_val_if_fail (FZ_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  return self->settings;
}

FzRuleSetStore *
fz_application_get_rulesets (FzApplication *self)
{
  g_return_val_if_fail (FZ_IS_APPLICATION (self), NULL);

  if (self->rulesets == NULL)
    {
      g_autofree char *folder = g_settings_get_string (fz_application_get_settings (self),
                                                       "rules-folder");

      self->rulesets = fz_ruleset_store_new (folder);
    }

  return self->rulesets;
}

FzReviewStore *
fz_application_get_reviews (FzApplication *self)
{
  g_return_val_if_fail (FZ_IS_APPLICATION (self), NULL);

  if (self->reviews == NULL)
    self->reviews = fz_review_store_new (NULL);

  return self->reviews;
}

/* GTK draws with OpenGL wherever Mesa offers it.  On a PC without a GPU
 * driver that is llvmpipe, which rasterises every frame on the same two
 * cores that read and analyse the report: opening a seed report took
 * some 40 % longer than with the cairo renderer on such a machine
 * (bench-window under Xvfb, 2 cores).  Without a render node there can be
 * no hardware OpenGL, so the window draws with cairo there. */
const char *
fz_application_pick_renderer (const char *dri_dir)
{
  g_autoptr(GDir) dir = NULL;
  const char *software = g_getenv ("LIBGL_ALWAYS_SOFTWARE");
  const char *name;

  g_return_val_if_fail (dri_dir != NULL, NULL);

  if (software != NULL && *software != '\0' && !g_str_equal (software, "0"))
    return "cairo";

  dir = g_dir_open (dri_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return NULL;

  return "cairo";
}

void
fz_application_use_renderer (void)
{
  const char *renderer;

  if (g_getenv ("GSK_RENDERER") != NULL)
    return;

  renderer = fz_application_pick_renderer ("/dev/dri");
  if (renderer != NULL)
    g_setenv ("GSK_RENDERER", renderer, FALSE);
}
