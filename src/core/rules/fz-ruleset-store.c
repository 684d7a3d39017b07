/* fz-ruleset-store.c: the rule sets a reviewer can choose from, as a list
 *
 * A reviewer edits a rule set in a text editor while the window is open;
 * saving should be enough for every rule-set menu to show the new set, and
 * a mistake should be reported at once with its line, not when the set is
 * next chosen.  Parsing a set takes milliseconds, so the folder is read in
 * a worker and the list changes in one step when it is done.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-i18n.h"
#include "fz-ruleset-store.h"
#include "fz-object-util.h"

/* Editors save in several steps (temporary file, rename, attribute change):
 * one reading after the last of them is enough. */
#define RESCAN_DELAY_MS 300

struct _FzRuleSetStore
{
  GObject       parent_instance;

  char         *folder;
  GFileMonitor *monitor;
  guint         rescan_source;
  GCancellable *cancellable;      /* of the reading under way */
  gboolean      loading;

  GPtrArray    *items;            /* FzRuleSet, what the list shows */
  GStrv         problems;

  /* The same sets by id, for workers that need one (fz_ruleset_store_dup_ruleset). */
  GMutex        lock;
  GHashTable   *by_id;            /* id → FzRuleSet; NULL until the first reading */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FzRuleSetStore, fz_ruleset_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_LOADING,
  PROP_PROBLEMS,
  N_PROPS
};

enum {
  PROBLEM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Reading the folder, in a worker. */

typedef struct
{
  GPtrArray *sets;                /* FzRuleSet */
  GStrv      problems;
} ScanResult;

static void
scan_result_free (ScanResult *result)
{
  g_clear_pointer (&result->sets, g_ptr_array_unref);
  g_clear_pointer (&result->problems, g_strfreev);
  g_free (result);
}

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

static FzRuleSet *
find_set (GPtrArray  *sets,
          const char *id)
{
  for (guint i = 0; i < sets->len; i++)
    {
      FzRuleSet *set = g_ptr_array_index (sets, i);

      if (g_str_equal (fz_ruleset_get_id (set), id))
        return set;
    }

  return NULL;
}

/* Why the file at @path is not among @sets, or NULL when it is. */
static char *
file_problem (const char *folder,
              const char *path,
              GPtrArray  *sets)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = NULL;
  FzRuleSet *chosen;
  const char *id;

  for (guint i = 0; i < sets->len; i++)
    if (g_strcmp0 (fz_ruleset_get_origin (g_ptr_array_index (sets, i)), path) == 0)
      return NULL;

  if ((rules = fz_ruleset_load_from (folder, path, &error)) == NULL)
    return shorten_message (path, error->message);

  id = fz_ruleset_get_id (rules);
  chosen = find_set (sets, id);
  if (chosen == NULL)
    return NULL;

  if (g_str_has_prefix (fz_ruleset_get_origin (chosen), "resource://"))
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("the id “%s” belongs to a built-in rule set; give this one an id of its own"),
                                 id);
      return shorten_message (path, message);
    }
  else
    {
      g_autofree char *other = g_path_get_basename (fz_ruleset_get_origin (chosen));
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("%s has the same id “%s” and is used instead"), other, id);
      return shorten_message (path, message);
    }
}

static ScanResult *
scan_folder (const char   *folder,
             GCancellable *cancellable)
{
  ScanResult *result = g_new0 (ScanResult, 1);
  g_auto(GStrv) ids = fz_ruleset_list_in (folder);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) problems = g_strv_builder_new ();
  const char *name;

  result->sets = g_ptr_array_new_with_free_func (g_object_unref);

  /* A file whose id can be read but whose rules cannot is listed by the
   * engine; it is reported below instead of being offered. */
  for (guint i = 0; ids[i] != NULL && !g_cancellable_is_cancelled (cancellable); i++)
    {
      FzRuleSet *rules = fz_ruleset_load_from (folder, ids[i], NULL);

      if (rules != NULL)
        g_ptr_array_add (result->sets, rules);
    }

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_suffix (name, ".xml") && name[0] != '.')
        g_ptr_array_add (paths, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (paths, compare_strings);

  for (guint i = 0; i < paths->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autofree char *problem = file_problem (folder, g_ptr_array_index (paths, i), result->sets);

      if (problem != NULL)
        g_strv_builder_add (problems, problem);
    }
  result->problems = g_strv_builder_end (problems);

  return result;
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ScanResult *result = scan_folder (task_data, cancellable);

  if (g_task_return_error_if_cancelled (task))
    scan_result_free (result);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) scan_result_free);
}

static void
fz_ruleset_store_set_loading (FzRuleSetStore *self,
                              gboolean        loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
fz_ruleset_store_apply (FzRuleSetStore *self,
                        ScanResult     *result)
{
  g_auto(GStrv) old_problems = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  guint removed = self->items->len;

  by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  for (guint i = 0; i < result->sets->len; i++)
    {
      FzRuleSet *set = g_ptr_array_index (result->sets, i);

      g_hash_table_insert (by_id, (gpointer) fz_ruleset_get_id (set), g_object_ref (set));
    }
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  self->by_id = g_steal_pointer (&by_id);
  g_mutex_unlock (&self->lock);

  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_extend_and_steal (self->items, g_steal_pointer (&result->sets));
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);

  old_problems = g_steal_pointer (&self->problems);
  self->problems = g_steal_pointer (&result->problems);
  if (!g_strv_equal ((const char * const *) old_problems, (const char * const *) self->problems))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEMS]);

  /* Each mistake is announced once, not again at every save of another
   * file. */
  for (guint i = 0; self->problems[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) old_problems, self->problems[i]))
      {
        g_autofree char *message = g_strdup_printf (_("A rule set was not loaded: %s"),
                                                    self->problems[i]);

        g_signal_emit (self, signals[PROBLEM], 0, message);
      }
}

/* The task has no source object: a worker dropping its reference to the
 * finished task must not be what frees the store. */
static void
scan_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(FzRuleSetStore) self = user_data;
  ScanResult *scan = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Cancelled: a newer reading is under way, or the store is gone. */
  if (scan == NULL)
    return;

  fz_ruleset_store_apply (self, scan);
  scan_result_free (scan);
  g_clear_object (&self->cancellable);
  fz_ruleset_store_set_loading (self, FALSE);
}

void
fz_ruleset_store_rescan (FzRuleSetStore *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FZ_IS_RULESET_STORE (self));

  g_clear_handle_id (&self->rescan_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (NULL, self->cancellable, scan_cb, g_object_ref (self));
  g_task_set_source_tag (task, fz_ruleset_store_rescan);
  g_task_set_task_data (task, g_strdup (self->folder), g_free);
  g_task_run_in_thread (task, scan_thread);

  fz_ruleset_store_set_loading (self, TRUE);
}

static gboolean
rescan_cb (gpointer user_data)
{
  FzRuleSetStore *self = user_data;

  self->rescan_source = 0;
  fz_ruleset_store_rescan (self);

  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    gpointer           user_data)
{
  FzRuleSetStore *self = user_data;

  g_clear_handle_id (&self->rescan_source, g_source_remove);
  self->rescan_source = g_timeout_add (RESCAN_DELAY_MS, rescan_cb, self);
}

static void
fz_ruleset_store_unwatch (FzRuleSetStore *self)
{
  if (self->monitor == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->monitor, monitor_changed_cb, self);
  g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
}

static void
fz_ruleset_store_watch (FzRuleSetStore *self)
{
  g_autoptr(GFile) folder = g_file_new_for_path (self->folder);
  g_autoptr(GError) error = NULL;

  fz_ruleset_store_unwatch (self);

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
fz_ruleset_store_set_folder (FzRuleSetStore *self,
                             const char     *folder)
{
  g_autofree char *effective = NULL;

  g_return_if_fail (FZ_IS_RULESET_STORE (self));

  effective = (folder != NULL && *folder != '\0') ? g_strdup (folder) : fz_ruleset_get_default_dir ();
  if (g_strcmp0 (effective, self->folder) == 0)
    return;

  g_free (self->folder);
  self->folder = g_steal_pointer (&effective);

  /* Until the new folder is read, its sets are loaded on demand from it,
   * not taken from the old folder's list. */
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_mutex_unlock (&self->lock);

  fz_ruleset_store_watch (self);
  fz_ruleset_store_rescan (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);
}

const char *
fz_ruleset_store_get_folder (FzRuleSetStore *self)
{
  g_return_val_if_fail (FZ_IS_RULESET_STORE (self), NULL);

  return self->folder;
}

gboolean
fz_ruleset_store_get_loading (FzRuleSetStore *self)
{
  g_return_val_if_fail (FZ_IS_RULESET_STORE (self), FALSE);

  return self->loading;
}

const char * const *
fz_ruleset_store_get_problems (FzRuleSetStore *self)
{
  g_return_val_if_fail (FZ_IS_RULESET_STORE (self), NULL);

  return (const char * const *) self->problems;
}

guint
fz_ruleset_store_find (FzRuleSetStore *self,
                       const char     *id)
{
  g_return_val_if_fail (FZ_IS_RULESET_STORE (self), G_MAXUINT);

  for (guint i = 0; id != NULL && i < self->items->len; i++)
    if (g_str_equal (fz_ruleset_get_id (g_ptr_array_index (self->items, i)), id))
      return i;

  return G_MAXUINT;
}

FzRuleSet *
fz_ruleset_store_lookup (FzRuleSetStore *self,
                         const char     *id)
{
  guint position = fz_ruleset_store_find (self, id);

  return position != G_MAXUINT ? g_ptr_array_index (self->items, position) : NULL;
}

FzRuleSet *
fz_ruleset_store_dup_ruleset (FzRuleSetStore  *self,
                              const char      *id,
                              GError         **error)
{
  g_autofree char *folder = NULL;
  FzRuleSet *set = NULL;
  gboolean scanned;

  g_return_val_if_fail (FZ_IS_RULESET_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  g_mutex_lock (&self->lock);
  scanned = self->by_id != NULL;
  if (scanned && (set = g_hash_table_lookup (self->by_id, id)) != NULL)
    g_object_ref (set);
  folder = g_strdup (self->folder);
  g_mutex_unlock (&self->lock);

  if (set != NULL)
    return set;

  /* Not listed: either not read yet, or a file that fails to load, whose
   * error is worth giving in full. */
  return fz_ruleset_load_from (folder, id, error);
}

/* GListModel */

static GType
fz_ruleset_store_get_item_type (GListModel *model)
{
  return FZ_TYPE_RULESET;
}

static guint
fz_ruleset_store_get_n_items (GListModel *model)
{
  return FZ_RULESET_STORE (model)->items->len;
}

static gpointer
fz_ruleset_store_get_item (GListModel *model,
                           guint       position)
{
  FzRuleSetStore *self = FZ_RULESET_STORE (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = fz_ruleset_store_get_item_type;
  iface->get_n_items = fz_ruleset_store_get_n_items;
  iface->get_item = fz_ruleset_store_get_item;
}

/* GObject */

static void
fz_ruleset_store_dispose (GObject *object)
{
  FzRuleSetStore *self = FZ_RULESET_STORE (object);

  g_clear_handle_id (&self->rescan_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  fz_ruleset_store_unwatch (self);

  G_OBJECT_CLASS (fz_ruleset_store_parent_class)->dispose (object);
}

static void
fz_ruleset_store_finalize (GObject *object)
{
  FzRuleSetStore *self = FZ_RULESET_STORE (object);

  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_strfreev);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (fz_ruleset_store_parent_class)->finalize (object);
}

static void
fz_ruleset_store_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FzRuleSetStore *self = FZ_RULESET_STORE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_string (value, self->folder);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_PROBLEMS:
      g_value_set_boxed (value, self->problems);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_ruleset_store_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FzRuleSetStore *self = FZ_RULESET_STORE (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      fz_ruleset_store_set_folder (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_ruleset_store_class_init (FzRuleSetStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fz_ruleset_store_dispose;
  object_class->finalize = fz_ruleset_store_finalize;
  object_class->get_property = fz_ruleset_store_get_property;
  object_class->set_property = fz_ruleset_store_set_property;

  /* The folder read; NULL or "" when set means the default folder. */
  properties[PROP_FOLDER] =
    g_param_spec_string ("folder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEMS] =
    g_param_spec_boxed ("problems", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A file of the folder newly fails to load; @message is a sentence for
   * a toast, with the file name and line. */
  signals[PROBLEM] = fz_signal_new (klass, "problem", 1, G_TYPE_STRING);
}

static void
fz_ruleset_store_init (FzRuleSetStore *self)
{
  g_mutex_init (&self->lock);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_new0 (char *, 1);
}

FzRuleSetStore *
fz_ruleset_store_new (const char *folder)
{
  FzRuleSetStore *self = g_object_new (FZ_TYPE_RULESET_STORE, NULL);

  fz_ruleset_store_set_folder (self, folder);

  return self;
}
