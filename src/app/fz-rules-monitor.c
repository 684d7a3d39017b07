/* fz-rules-monitor.c: the reviewer's rule-set folder, read again when it changes
 *
 * A reviewer edits a rule set in a text editor while the window is open;
 * saving should be enough for the rule-set menus to show the new set, and a
 * mistake should be reported at once with its line, not when the set is
 * next chosen.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fz-rules-monitor.h"

/* Editors save in several steps (temporary file, rename, attribute change):
 * one scan after the last of them is enough. */
#define RESCAN_DELAY_MS 300

struct _FzRulesMonitor
{
  GObject       parent_instance;

  char         *folder;
  GFileMonitor *monitor;
  guint         rescan_source;

  GStrv         ids;
  GHashTable   *rulesets;      /* id → FzRuleSet */
  GStrv         problems;
};

G_DEFINE_FINAL_TYPE (FzRulesMonitor, fz_rules_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOLDER,
  N_PROPS
};

enum {
  CHANGED,
  PROBLEM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* "…/rules/county.xml:12: …" reads better in a toast as "county.xml:12: …";
 * the folder is shown in the preferences. */
static char *
shorten_message (const char *path,
                 const char *message)
{
  g_autofree char *base = g_path_get_basename (path);

  if (g_str_has_prefix (message, path))
    return g_strconcat (base, message + strlen (path), NULL);

  return g_strdup_printf ("%s: %s", base, message);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The problems of one file of the folder, or NULL when it loads and is
 * the one its id refers to. */
static char *
check_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = fz_ruleset_new_from_file (path, &error);
  g_autoptr(FzRuleSet) chosen = NULL;
  g_autofree char *message = NULL;
  const char *id;

  if (rules == NULL)
    return shorten_message (path, error->message);

  id = fz_ruleset_get_id (rules);
  chosen = fz_ruleset_load (id, NULL);
  if (chosen == NULL || g_strcmp0 (fz_ruleset_get_origin (chosen), path) == 0)
    return NULL;

  if (g_str_has_prefix (fz_ruleset_get_origin (chosen), "resource://"))
    {
      message = g_strdup_printf (_("the id “%s” belongs to a built-in rule set; give this one an id of its own"),
                                 id);
    }
  else
    {
      g_autofree char *other = g_path_get_basename (fz_ruleset_get_origin (chosen));

      message = g_strdup_printf (_("%s has the same id “%s” and is used instead"), other, id);
    }

  return shorten_message (path, message);
}

static GStrv
scan_problems (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) problems = g_strv_builder_new ();
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_suffix (name, ".xml") && name[0] != '.')
        g_ptr_array_add (paths, g_build_filename (folder, name, NULL));

  g_ptr_array_sort (paths, compare_strings);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *problem = check_file (g_ptr_array_index (paths, i));

      if (problem != NULL)
        g_strv_builder_add (problems, problem);
    }

  return g_strv_builder_end (problems);
}

void
fz_rules_monitor_rescan (FzRulesMonitor *self)
{
  g_auto(GStrv) available = NULL;
  g_auto(GStrv) old_problems = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  g_return_if_fail (FZ_IS_RULES_MONITOR (self));

  g_clear_handle_id (&self->rescan_source, g_source_remove);

  available = fz_ruleset_list_available ();
  g_hash_table_remove_all (self->rulesets);
  for (guint i = 0; available[i] != NULL; i++)
    {
      FzRuleSet *rules = fz_ruleset_load (available[i], NULL);

      /* A file whose id can be read but whose rules cannot is listed by
       * the engine; it is reported below instead of being offered. */
      if (rules == NULL)
        continue;
      g_strv_builder_add (ids, available[i]);
      g_hash_table_insert (self->rulesets, g_strdup (available[i]), rules);
    }

  g_strfreev (self->ids);
  self->ids = g_strv_builder_end (ids);

  old_problems = g_steal_pointer (&self->problems);
  self->problems = scan_problems (self->folder);

  /* Each mistake is announced once, not again at every save of another
   * file. */
  for (guint i = 0; self->problems[i] != NULL; i++)
    if (old_problems == NULL ||
        !g_strv_contains ((const char * const *) old_problems, self->problems[i]))
      {
        g_autofree char *message = g_strdup_printf (_("A rule set was not loaded: %s"),
                                                    self->problems[i]);

        g_signal_emit (self, signals[PROBLEM], 0, message);
      }

  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
rescan_cb (gpointer user_data)
{
  FzRulesMonitor *self = user_data;

  self->rescan_source = 0;
  fz_rules_monitor_rescan (self);

  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    gpointer           user_data)
{
  FzRulesMonitor *self = user_data;

  g_clear_handle_id (&self->rescan_source, g_source_remove);
  self->rescan_source = g_timeout_add (RESCAN_DELAY_MS, rescan_cb, self);
}

static void
fz_rules_monitor_watch (FzRulesMonitor *self)
{
  g_autoptr(GFile) folder = g_file_new_for_path (self->folder);
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, monitor_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  /* A folder that does not exist yet is watched too: creating it and
   * saving the first file there is noticed. */
  self->monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Not watching %s: %s", self->folder, error->message);
      return;
    }

  g_signal_connect (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
}

void
fz_rules_monitor_set_folder (FzRulesMonitor *self,
                             const char     *folder)
{
  g_autofree char *effective = NULL;

  g_return_if_fail (FZ_IS_RULES_MONITOR (self));

  fz_ruleset_set_user_dir (folder);
  effective = fz_ruleset_get_user_dir ();

  if (self->ids != NULL && g_strcmp0 (effective, self->folder) == 0)
    return;

  g_free (self->folder);
  self->folder = g_steal_pointer (&effective);

  fz_rules_monitor_watch (self);
  fz_rules_monitor_rescan (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);
}

const char *
fz_rules_monitor_get_folder (FzRulesMonitor *self)
{
  g_return_val_if_fail (FZ_IS_RULES_MONITOR (self), NULL);

  return self->folder;
}

const char * const *
fz_rules_monitor_get_ids (FzRulesMonitor *self)
{
  g_return_val_if_fail (FZ_IS_RULES_MONITOR (self), NULL);

  return (const char * const *) self->ids;
}

FzRuleSet *
fz_rules_monitor_get_ruleset (FzRulesMonitor *self,
                              const char     *id)
{
  g_return_val_if_fail (FZ_IS_RULES_MONITOR (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->rulesets, id);
}

const char * const *
fz_rules_monitor_get_problems (FzRulesMonitor *self)
{
  g_return_val_if_fail (FZ_IS_RULES_MONITOR (self), NULL);

  return (const char * const *) self->problems;
}

static void
fz_rules_monitor_dispose (GObject *object)
{
  FzRulesMonitor *self = FZ_RULES_MONITOR (object);

  g_clear_handle_id (&self->rescan_source, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, monitor_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  G_OBJECT_CLASS (fz_rules_monitor_parent_class)->dispose (object);
}

static void
fz_rules_monitor_finalize (GObject *object)
{
  FzRulesMonitor *self = FZ_RULES_MONITOR (object);

  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->ids, g_strfreev);
  g_clear_pointer (&self->rulesets, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_strfreev);

  G_OBJECT_CLASS (fz_rules_monitor_parent_class)->finalize (object);
}

static void
fz_rules_monitor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FzRulesMonitor *self = FZ_RULES_MONITOR (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_rules_monitor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FzRulesMonitor *self = FZ_RULES_MONITOR (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      fz_rules_monitor_set_folder (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_rules_monitor_class_init (FzRulesMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fz_rules_monitor_dispose;
  object_class->finalize = fz_rules_monitor_finalize;
  object_class->get_property = fz_rules_monitor_get_property;
  object_class->set_property = fz_rules_monitor_set_property;

  /**
   * FzRulesMonitor:folder:
   *
   * The folder watched; NULL or "" when set means the default folder.
   */
  properties[PROP_FOLDER] =
    g_param_spec_string ("folder", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FzRulesMonitor::changed:
   *
   * The folder was read again: rule sets may have come, gone or changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * FzRulesMonitor::problem:
   * @message: a sentence for a toast, with the file name and line
   *
   * A file of the folder newly fails to load.
   */
  signals[PROBLEM] =
    g_signal_new ("problem",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
fz_rules_monitor_init (FzRulesMonitor *self)
{
  self->rulesets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

FzRulesMonitor *
fz_rules_monitor_new (const char *folder)
{
  FzRulesMonitor *self = g_object_new (FZ_TYPE_RULES_MONITOR, NULL);

  fz_rules_monitor_set_folder (self, folder);

  return self;
}
