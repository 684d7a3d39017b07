/* fz-batch-file.c: the .fzbatch file: a batch saved and restored
 *
 * The JSON a batch is saved as and read back from.  Apart from the batch
 * so that the file format, and the reading of older versions of it, is
 * in one place.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-batch"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "fz-batch-private.h"
#include "fz-i18n.h"

#define SAVE_SCHEMA "fazhi-batch/1"

/* Saving and restoring */

char *
fz_batch_get_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "fazhi-review", "batches", NULL);
}

static JsonObject *
entry_to_json (FzBatchEntry *entry)
{
  JsonObject *o = json_object_new ();
  g_autofree char *uri = g_file_get_uri (entry->file);
  const char *sha = fz_batch_entry_get_sha256 (entry);
  const char *grade = fz_grade_to_string (entry->override);

  json_object_set_string_member (o, "uri", uri);
  if (sha != NULL)
    json_object_set_string_member (o, "sha256", sha);
  else
    json_object_set_null_member (o, "sha256");

  if (!entry->reference)
    {
      if (grade != NULL)
        json_object_set_string_member (o, "grade", grade);
      else
        json_object_set_null_member (o, "grade");

      /* Only decisions with no review to go to yet (FzBatchEntry): the
       * review keeps the others, and a saved batch never overrides it. */
      if (g_hash_table_size (entry->decisions) > 0)
        {
          JsonObject *decisions = json_object_new ();
          GHashTableIter iter;
          gpointer key, value;

          g_hash_table_iter_init (&iter, entry->decisions);
          while (g_hash_table_iter_next (&iter, &key, &value))
            json_object_set_string_member (decisions, key,
                                           fz_status_to_string (GPOINTER_TO_INT (value) - 1));
          json_object_set_object_member (o, "decisions", decisions);
        }
      if (!fz_filing_is_empty (entry->filing))
        json_object_set_object_member (o, "filing", fz_filing_to_json (entry->filing));
    }

  return o;
}

/* The batch as it stands, taken on the main thread; what needs the disk
 * (the SHA-256 of files not yet read, the file itself) is done after, in
 * any thread, on this copy alone. */
typedef struct
{
  JsonNode  *root;
  GPtrArray *unhashed;            /* FzBatchEntry whose file has no SHA-256 yet */
  GPtrArray *unhashed_objects;    /* their JsonObject in @root, parallel */
  GPtrArray *hashes;              /* utf8 or NULL, parallel: filled by write_snapshot() */
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->root, json_node_unref);
  g_clear_pointer (&snapshot->unhashed, g_ptr_array_unref);
  g_clear_pointer (&snapshot->unhashed_objects, g_ptr_array_unref);
  g_clear_pointer (&snapshot->hashes, g_ptr_array_unref);
  g_free (snapshot);
}

static Snapshot *
snapshot_new (FzBatch *self)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);
  GListStore *stores[] = { self->entries, self->references };
  const char *names[] = { "reports", "previous" };
  JsonObject *o = json_object_new ();

  snapshot->unhashed = g_ptr_array_new_with_free_func (g_object_unref);
  snapshot->unhashed_objects = g_ptr_array_new ();
  snapshot->hashes = g_ptr_array_new_with_free_func (g_free);

  json_object_set_string_member (o, "schema", SAVE_SCHEMA);
  json_object_set_string_member (o, "ruleset", fz_ruleset_get_id (self->rules));
  if (self->reviewer != NULL)
    json_object_set_string_member (o, "reviewer", self->reviewer);
  else
    json_object_set_null_member (o, "reviewer");

  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    {
      JsonArray *a = json_array_new ();

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (stores[s])); i++)
        {
          g_autoptr(FzBatchEntry) entry = g_list_model_get_item (G_LIST_MODEL (stores[s]), i);
          JsonObject *e = entry_to_json (entry);

          /* A batch saved before it was read still records what it holds. */
          if (fz_batch_entry_get_sha256 (entry) == NULL)
            {
              g_ptr_array_add (snapshot->unhashed, g_object_ref (entry));
              g_ptr_array_add (snapshot->unhashed_objects, e);
            }
          json_array_add_object_element (a, e);
        }
      json_object_set_array_member (o, names[s], a);
    }
  snapshot->root = json_node_init_object (json_node_alloc (), o);
  json_object_unref (o);

  return snapshot;
}

static gboolean
write_snapshot (Snapshot      *snapshot,
                GFile         *file,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *data = NULL;
  GError *local_error = NULL;

  for (guint i = 0; i < snapshot->unhashed->len; i++)
    {
      FzBatchEntry *entry = g_ptr_array_index (snapshot->unhashed, i);
      char *sha = fz_review_hash_file (entry->file, cancellable, NULL);

      g_ptr_array_add (snapshot->hashes, sha);
      if (sha != NULL)
        json_object_set_string_member (g_ptr_array_index (snapshot->unhashed_objects, i), "sha256", sha);
    }
  data = json_to_string (snapshot->root, TRUE);

  parent = g_file_get_parent (file);
  if (parent != NULL &&
      !g_file_make_directory_with_parents (parent, cancellable, &local_error))
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      g_clear_error (&local_error);
    }

  /* Written beside the old file and renamed over it: a crash leaves the
   * old batch or the new one, never half of one. */
  return g_file_replace_contents (file, data, strlen (data), NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE, NULL, cancellable, error);
}

/* Main thread: the files hashed while writing keep their SHA-256. */
static void
snapshot_keep_hashes (Snapshot *snapshot)
{
  for (guint i = 0; i < snapshot->hashes->len; i++)
    {
      FzBatchEntry *entry = g_ptr_array_index (snapshot->unhashed, i);

      if (fz_batch_entry_get_sha256 (entry) == NULL)
        entry->sha256 = g_strdup (g_ptr_array_index (snapshot->hashes, i));
    }
}

gboolean
fz_batch_save (FzBatch  *self,
               GFile    *file,
               GError  **error)
{
  Snapshot *snapshot;
  gboolean ok;

  g_return_val_if_fail (FZ_IS_BATCH (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  snapshot = snapshot_new (self);
  ok = write_snapshot (snapshot, file, NULL, error);
  snapshot_keep_hashes (snapshot);
  snapshot_free (snapshot);

  return ok;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "fz-file");
  GError *error = NULL;

  if (write_snapshot (task_data, file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
fz_batch_save_async (FzBatch             *self,
                     GFile               *file,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FZ_IS_BATCH (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fz_batch_save_async);
  g_task_set_task_data (task, snapshot_new (self), (GDestroyNotify) snapshot_free);
  g_object_set_data_full (G_OBJECT (task), "fz-file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, save_thread);
}

gboolean
fz_batch_save_finish (FzBatch       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (FZ_IS_BATCH (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  snapshot_keep_hashes (g_task_get_task_data (G_TASK (result)));

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
load_entries (FzBatch     *self,
              JsonObject  *root,
              const char  *member,
              gboolean     reference,
              GError     **error)
{
  JsonArray *a;

  if (!json_object_has_member (root, member))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, member)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a list of files"), member);
      return FALSE;
    }

  a = json_object_get_array_member (root, member);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *node = json_array_get_element (a, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *uri = o ? json_object_get_string_member_with_default (o, "uri", NULL) : NULL;
      g_autoptr(GFile) file = NULL;
      FzBatchEntry *entry;
      JsonObject *decisions;
      FzGrade grade;

      if (uri == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Entry %u of “%s” names no file"), i + 1, member);
          return FALSE;
        }

      file = g_file_new_for_uri (uri);
      entry = fz_batch_add_file (self, file, reference);
      if (entry == NULL)
        continue;

      entry->saved_sha256 = g_strdup (json_object_get_string_member_with_default (o, "sha256", NULL));
      if (json_object_has_member (o, "filing") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "filing")))
        _fz_filing_from_json (entry->filing, json_object_get_object_member (o, "filing"));
      if (fz_grade_from_string (json_object_get_string_member_with_default (o, "grade", NULL), &grade))
        entry->override = grade;

      decisions = json_object_has_member (o, "decisions") &&
                  JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "decisions"))
                  ? json_object_get_object_member (o, "decisions") : NULL;
      if (decisions != NULL)
        {
          g_autoptr(GList) ids = json_object_get_members (decisions);

          for (const GList *l = ids; l != NULL; l = l->next)
            {
              FzStatus status;

              if (fz_status_from_string (json_object_get_string_member_with_default (decisions, l->data, NULL),
                                         &status))
                g_hash_table_replace (entry->decisions, g_strdup (l->data),
                                      GINT_TO_POINTER (status + 1));
            }
        }
    }

  return TRUE;
}

/**
 * fz_batch_load:
 *
 * Returns: (transfer full): the restored batch, or NULL with @error set
 */
FzBatch *
fz_batch_load (GFile           *file,
               FzRuleSetStore  *rulesets,
               FzReviewStore   *reviews,
               GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(FzRuleSet) rules = NULL;
  g_autoptr(FzBatch) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  JsonObject *root;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (rulesets == NULL || FZ_IS_RULESET_STORE (rulesets), NULL);
  g_return_val_if_fail (reviews == NULL || FZ_IS_REVIEW_STORE (reviews), NULL);

  name = g_file_get_parse_name (file);
  if (!g_file_load_contents (file, NULL, &contents, &len, NULL, &local_error) ||
      !json_parser_load_from_data (parser, contents, len, &local_error))
    {
      /* No batch saved is no damage: the caller starts a new one. */
      g_set_error (error, G_IO_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                   ? G_IO_ERROR_NOT_FOUND : G_IO_ERROR_INVALID_DATA,
                   _("Could not open the saved batch “%s”: %s"), name, local_error->message);
      return NULL;
    }

  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
         ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  if (root == NULL ||
      g_strcmp0 (json_object_get_string_member_with_default (root, "schema", NULL), SAVE_SCHEMA) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a saved batch of Fazhi Review"), name);
      return NULL;
    }

  {
    const char *id = json_object_get_string_member_with_default (root, "ruleset", "national");

    rules = rulesets != NULL ? fz_ruleset_store_dup_ruleset (rulesets, id, &local_error)
                             : fz_ruleset_load (id, &local_error);
  }
  if (rules == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Could not open the saved batch “%s”: %s"), name, local_error->message);
      return NULL;
    }

  self = fz_batch_new (rules);
  fz_batch_set_reviews (self, reviews);
  fz_batch_set_reviewer (self, json_object_get_string_member_with_default (root, "reviewer", NULL));
  if (!load_entries (self, root, "reports", FALSE, &local_error) ||
      !load_entries (self, root, "previous", TRUE, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Could not open the saved batch “%s”: %s"), name, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&self);
}

typedef struct
{
  GFile          *file;
  FzRuleSetStore *rulesets;
  FzReviewStore  *reviews;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->rulesets);
  g_clear_object (&data->reviews);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  FzBatch *batch;

  if (g_task_return_error_if_cancelled (task))
    return;
  if ((batch = fz_batch_load (data->file, data->rulesets, data->reviews, &error)) != NULL)
    g_task_return_pointer (task, batch, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
fz_batch_load_async (GFile               *file,
                     FzRuleSetStore      *rulesets,
                     FzReviewStore       *reviews,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (rulesets == NULL || FZ_IS_RULESET_STORE (rulesets));
  g_return_if_fail (reviews == NULL || FZ_IS_REVIEW_STORE (reviews));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->rulesets = rulesets != NULL ? g_object_ref (rulesets) : NULL;
  data->reviews = reviews != NULL ? g_object_ref (reviews) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fz_batch_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * fz_batch_load_finish:
 *
 * Returns: (transfer full): the restored batch, or NULL with @error set
 */
FzBatch *
fz_batch_load_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
