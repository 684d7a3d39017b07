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
      JsonObject *decisions = json_object_new ();
      GHashTableIter iter;
      gpointer key, value;

      if (grade != NULL)
        json_object_set_string_member (o, "grade", grade);
      else
        json_object_set_null_member (o, "grade");

      g_hash_table_iter_init (&iter, entry->decisions);
      while (g_hash_table_iter_next (&iter, &key, &value))
        json_object_set_string_member (decisions, key,
                                       fz_status_to_string (GPOINTER_TO_INT (value) - 1));
      json_object_set_object_member (o, "decisions", decisions);
      if (!fz_filing_is_empty (entry->filing))
        json_object_set_object_member (o, "filing", fz_filing_to_json (entry->filing));
    }

  return o;
}

static void
ensure_hashes (FzBatch *self)
{
  GListStore *stores[] = { self->entries, self->references };

  /* A batch saved before it was analysed still records what it holds. */
  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (stores[s])); i++)
      {
        g_autoptr(FzBatchEntry) entry = g_list_model_get_item (G_LIST_MODEL (stores[s]), i);

        if (fz_batch_entry_get_sha256 (entry) == NULL)
          entry->sha256 = fz_review_hash_file (entry->file, NULL, NULL);
      }
}

gboolean
fz_batch_save (FzBatch  *self,
               GFile    *file,
               GError  **error)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *data = NULL;
  GListStore *stores[] = { self->entries, self->references };
  const char *names[] = { "reports", "previous" };
  JsonObject *o = json_object_new ();

  g_return_val_if_fail (FZ_IS_BATCH (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  ensure_hashes (self);

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

          json_array_add_object_element (a, entry_to_json (entry));
        }
      json_object_set_array_member (o, names[s], a);
    }
  json_node_take_object (root, o);
  data = json_to_string (root, TRUE);

  parent = g_file_get_parent (file);
  if (parent != NULL &&
      !g_file_make_directory_with_parents (parent, NULL, error))
    {
      if (!g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        return FALSE;
      g_clear_error (error);
    }

  /* Written beside the old file and renamed over it: a crash leaves the
   * old batch or the new one, never half of one. */
  return g_file_replace_contents (file, data, strlen (data), NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE, NULL, NULL, error);
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
fz_batch_load (GFile   *file,
               GError **error)
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

  name = g_file_get_parse_name (file);
  if (!g_file_load_contents (file, NULL, &contents, &len, NULL, &local_error) ||
      !json_parser_load_from_data (parser, contents, len, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
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

  rules = fz_ruleset_load (json_object_get_string_member_with_default (root, "ruleset", "national"),
                           &local_error);
  if (rules == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Could not open the saved batch “%s”: %s"), name, local_error->message);
      return NULL;
    }

  self = fz_batch_new (rules);
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
