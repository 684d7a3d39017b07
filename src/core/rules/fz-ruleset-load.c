/* fz-ruleset-load.c: finding a rule set by id or path
 *
 * A name is a path, a built-in id (parsed once from the resources and
 * shared, since a rule set is immutable) or the id of a file in the
 * user's folder, whose file name need not match.  Listing the sets that
 * can be chosen, and their scoring tables, reads the same places, so it
 * is here too.  Reading one document is fz-ruleset-parse.c's work.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-ruleset"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "fz-error.h"
#include "fz-i18n.h"
#include "fz-resources.h"
#include "fz-rules-xml-private.h"
#include "fz-ruleset-private.h"

#define RESOURCE_DIR "/io/github/fazhireview/FazhiReview/core/rules/"

static const char * const builtin_ids[] = { "national", "guangdong" };

static FzRuleSet *load_by_name (const char  *name,
                                const char  *folder,
                                GPtrArray   *chain,
                                GError     **error);

static FzRuleSet *
new_from_data (const char  *xml,
               gsize        len,
               const char  *origin,
               const char  *folder,
               GPtrArray   *chain,
               GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) own_chain = NULL;
  g_autofree char *default_folder = NULL;
  FzRuleSetLoader loader = { origin, folder, chain, load_by_name };

  if (folder == NULL)
    loader.folder = default_folder = fz_ruleset_get_user_dir ();

  if (chain == NULL)
    loader.chain = own_chain = g_ptr_array_new ();

  if ((doc = _fz_rules_xml_parse (xml, len, origin, error)) == NULL)
    return NULL;

  return _fz_ruleset_parse (&loader, doc, error);
}

FzRuleSet *
fz_ruleset_new_from_data (const char  *xml,
                          gsize        len,
                          const char  *origin,
                          GError     **error)
{
  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return new_from_data (xml, len, origin ? origin : "(rules)", NULL, NULL, error);
}

static FzRuleSet *
new_from_file (const char  *path,
               const char  *folder,
               GPtrArray   *chain,
               GError     **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!_fz_rules_xml_read_file (path, &data, &len, error))
    return NULL;

  return new_from_data (data, len, path, folder, chain, error);
}

FzRuleSet *
fz_ruleset_new_from_file (const char  *path,
                          GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return new_from_file (path, NULL, NULL, error);
}

/* Built-in rule sets are parsed once and shared: they are immutable.  The
 * lock is recursive because guangdong loads national while holding it. */
static GRecMutex builtin_lock;
static FzRuleSet *builtin_cache[G_N_ELEMENTS (builtin_ids)];

static FzRuleSet *
load_builtin (guint       index,
              GPtrArray  *chain,
              GError    **error)
{
  FzRuleSet *set = NULL;

  g_rec_mutex_lock (&builtin_lock);

  if (builtin_cache[index] == NULL)
    {
      g_autofree char *path = g_strconcat (RESOURCE_DIR, builtin_ids[index], ".xml", NULL);
      g_autofree char *origin = g_strconcat ("resource://", path, NULL);
      g_autoptr(GBytes) bytes = NULL;

      /* Going through fz_get_resource() also makes the linker keep the
       * resource data, which a static library would otherwise drop. */
      bytes = g_resource_lookup_data (fz_get_resource (), path,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes != NULL)
        builtin_cache[index] = new_from_data (g_bytes_get_data (bytes, NULL),
                                              g_bytes_get_size (bytes),
                                              origin, "", chain, error);
    }

  if (builtin_cache[index] != NULL)
    set = g_object_ref (builtin_cache[index]);

  g_rec_mutex_unlock (&builtin_lock);

  return set;
}

/* The folder fz_ruleset_load() looks in.  A FzRuleSetStore owns the folder
 * the reviewer chose and passes it explicitly; this process-wide choice
 * remains only for the window's FzRulesMonitor until it is replaced. */
static GMutex user_dir_lock;
static char *user_dir_override;

char *
fz_ruleset_get_user_dir (void)
{
  char *dir = NULL;

  g_mutex_lock (&user_dir_lock);
  if (user_dir_override != NULL)
    dir = g_strdup (user_dir_override);
  g_mutex_unlock (&user_dir_lock);

  if (dir == NULL)
    dir = fz_ruleset_get_default_dir ();

  return dir;
}

char *
fz_ruleset_get_default_dir (void)
{
  return g_build_filename (g_get_user_config_dir (), "fazhi-review", "rules", NULL);
}

void
fz_ruleset_set_user_dir (const char *dir)
{
  g_mutex_lock (&user_dir_lock);
  g_clear_pointer (&user_dir_override, g_free);
  if (dir != NULL && *dir != '\0')
    user_dir_override = g_strdup (dir);
  g_mutex_unlock (&user_dir_lock);
}

/* Reads only the id of a rule set file, without validating the rest. */
static char *
peek_id (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;
  gsize len;
  char *id;

  if (!g_file_get_contents (path, &data, &len, NULL) ||
      (doc = _fz_rules_xml_parse (data, len, path, NULL)) == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !_fz_rules_xml_is (root, "ruleset"))
    return NULL;

  id = _fz_rules_xml_attr (root, "id");
  if (!_fz_rules_xml_is_valid_id (id))
    g_clear_pointer (&id, g_free);

  return id;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Paths of the *.xml files in @dir_path, sorted by name. */
static GPtrArray *
list_user_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return paths;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml") && name[0] != '.')
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));

  g_ptr_array_sort (paths, compare_paths);

  return paths;
}

static int
builtin_index (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    if (g_str_equal (id, builtin_ids[i]))
      return i;

  return -1;
}

static char *
find_user_file (const char *dir,
                const char *id)
{
  g_autofree char *file_name = g_strconcat (id, ".xml", NULL);
  g_autofree char *likely = g_build_filename (dir, file_name, NULL);
  g_autoptr(GPtrArray) paths = NULL;

  /* The file is usually named after its id; the id inside decides. */
  if (g_file_test (likely, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *found = peek_id (likely);

      if (g_strcmp0 (found, id) == 0)
        return g_steal_pointer (&likely);
    }

  paths = list_user_files (dir);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *found = NULL;

      if (g_str_equal (path, likely))
        continue;
      found = peek_id (path);
      if (g_strcmp0 (found, id) == 0)
        return g_strdup (path);
    }

  return NULL;
}

static gboolean
looks_like_path (const char *name)
{
  return strchr (name, '/') != NULL || strchr (name, G_DIR_SEPARATOR) != NULL ||
         g_str_has_suffix (name, ".xml");
}

static FzRuleSet *
load_by_name (const char  *name,
              const char  *folder,
              GPtrArray   *chain,
              GError     **error)
{
  g_autofree char *path = NULL;
  int builtin;

  if (looks_like_path (name))
    return new_from_file (name, folder, chain, error);

  if ((builtin = builtin_index (name)) >= 0)
    return load_builtin (builtin, chain, error);

  if (_fz_rules_xml_is_valid_id (name) && *folder != '\0' && (path = find_user_file (folder, name)) != NULL)
    return new_from_file (path, folder, chain, error);

  {
    g_auto(GStrv) available = fz_ruleset_list_in (folder);
    g_autofree char *list = g_strjoinv (", ", available);

    g_set_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_NOT_FOUND,
                 _("There is no rule set “%s”. Available: %s. Your own rule sets go in %s."),
                 name, list, folder);
  }

  return NULL;
}

FzRuleSet *
fz_ruleset_load (const char  *name,
                 GError     **error)
{
  g_autofree char *folder = fz_ruleset_get_user_dir ();

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_by_name (name, folder, NULL, error);
}

FzRuleSet *
fz_ruleset_load_from (const char  *folder,
                      const char  *name,
                      GError     **error)
{
  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_by_name (name, folder, NULL, error);
}

char **
fz_ruleset_list_available (void)
{
  g_autofree char *folder = fz_ruleset_get_user_dir ();

  return fz_ruleset_list_in (folder);
}

char **
fz_ruleset_list_in (const char *folder)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) paths = list_user_files (folder);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    g_strv_builder_add (builder, builtin_ids[i]);

  /* A user file may not shadow a built-in id; such a file is listed under
   * no name, just as fz_ruleset_load() never reaches it. */
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *id = peek_id (g_ptr_array_index (paths, i));

      if (id == NULL || builtin_index (id) >= 0 ||
          g_ptr_array_find_with_equal_func (seen, id, g_str_equal, NULL))
        continue;
      g_strv_builder_add (builder, id);
      g_ptr_array_add (seen, g_steal_pointer (&id));
    }

  return g_strv_builder_end (builder);
}

/* The tables are listed through the rule sets that name them, so the
 * listing lives with theirs rather than with FzScoreTable. */
GListModel *
fz_score_table_list_available (void)
{
  GListStore *store = g_list_store_new (FZ_TYPE_SCORE_TABLE);
  g_auto(GStrv) ids = fz_ruleset_list_available ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(FzRuleSet) rules = fz_ruleset_load (ids[i], NULL);
      FzScoreTable *table = rules ? fz_ruleset_get_score_table (rules) : NULL;

      /* An inherited table is listed under the set that defines it. */
      if (table != NULL && g_strcmp0 (fz_score_table_get_ruleset_id (table), ids[i]) == 0)
        g_list_store_append (store, table);
    }

  return G_LIST_MODEL (store);
}
