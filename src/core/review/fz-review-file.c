/* fz-review-file.c: a review as a file, and the store that keeps them
 *
 * One small JSON file per report, named after the SHA-256 of the report's
 * bytes, replaced atomically on every save.  A file that cannot be
 * understood is never overwritten: it may hold someone's work.  What the
 * JSON holds, and how it is read back, is fz-review-json.c.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-review"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "fz-annotation-private.h"
#include "fz-i18n.h"
#include "fz-json-reader.h"
#include "fz-review-private.h"

/* A review file is a few kilobytes; anything this large is not one. */
#define MAX_FILE_BYTES (64 * 1024 * 1024)

/* Hashing and the store. */

char *
fz_review_hash_bytes (GBytes *bytes)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

char *
fz_review_hash_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GFileInputStream) in = NULL;
  guchar buf[64 * 1024];
  gssize n;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return NULL;

  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buf, sizeof buf, cancellable, error)) > 0)
    g_checksum_update (sum, buf, n);
  if (n < 0)
    return NULL;

  return g_strdup (g_checksum_get_string (sum));
}

char *
fz_review_get_store_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "fazhi-review", "reviews", NULL);
}

GFile *
fz_review_get_store_file (const char *report_sha256)
{
  g_autofree char *dir = fz_review_get_store_dir ();
  g_autofree char *name = NULL;

  g_return_val_if_fail (_fz_review_is_sha256 (report_sha256), NULL);

  name = g_strconcat (report_sha256, ".fzreview", NULL);
  return g_file_new_build_filename (dir, name, NULL);
}


static gboolean
read_review_file (GFile   *file,
                  char   **contents,
                  gsize   *len,
                  GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info != NULL && g_file_info_get_size (info) > MAX_FILE_BYTES)
    {
      g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_CORRUPT,
                   _("The review file “%s” is damaged: %s."), name, _("it is far too large"));
      return FALSE;
    }

  if (info == NULL || !g_file_load_contents (file, NULL, contents, len, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_NOT_FOUND,
                     _("The review file “%s” does not exist."), name);
      else
        g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_UNREADABLE,
                     _("Could not read the review file “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Moves a damaged file to NAME.corrupt-N, the first N free, so that the
 * next save does not destroy what may still be rescued by hand. */
static char *
move_aside (GFile   *file,
            GError **error)
{
  g_autofree char *path = g_file_get_path (file);

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *aside = g_strdup_printf ("%s.corrupt-%u", path, n);

      if (g_file_test (aside, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (path, aside) != 0)
        {
          int saved = errno;

          g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_UNWRITABLE,
                       _("Could not move the damaged review file “%s” aside: %s"),
                       path, g_strerror (saved));
          return NULL;
        }
      return g_steal_pointer (&aside);
    }

  g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_UNWRITABLE,
               _("Could not move the damaged review file “%s” aside: %s"),
               path, _("too many damaged copies"));
  return NULL;
}

FzReview *
fz_review_new_from_file (GFile   *file,
                         GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  FzReview *self;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!read_review_file (file, &contents, &len, error))
    return NULL;

  name = g_file_get_parse_name (file);
  self = fz_review_new_from_data (contents, len, name, error);
  if (self != NULL)
    self->file = fz_review_get_store_file (self->report_sha256);

  return self;
}

FzReview *
fz_review_load_for_report (const char  *report_sha256,
                           const char  *report_name,
                           GError     **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (_fz_review_is_sha256 (report_sha256), NULL);

  file = fz_review_get_store_file (report_sha256);

  return fz_review_load_from (file, report_sha256, report_name, error);
}

FzReview *
fz_review_load_from (GFile       *file,
                     const char  *report_sha256,
                     const char  *report_name,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FzReview) self = NULL;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (_fz_review_is_sha256 (report_sha256), NULL);

  path = g_file_get_path (file);

  if (!read_review_file (file, &contents, &len, &local_error))
    {
      if (g_error_matches (local_error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_NOT_FOUND))
        {
          self = fz_review_new (report_sha256, report_name);
          g_set_object (&self->file, file);
          return g_steal_pointer (&self);
        }
      if (!g_error_matches (local_error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  else
    self = fz_review_new_from_data (contents, len, path, &local_error);

  if (self == NULL)
    {
      if (g_error_matches (local_error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_CORRUPT))
        {
          g_autoptr(GError) move_error = NULL;
          g_autofree char *aside = move_aside (file, &move_error);

          if (aside != NULL)
            g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_CORRUPT,
                         /* TRANSLATORS: the first %s says what is wrong, the second is a file */
                         _("%s It was kept as “%s”; a new review is started."),
                         local_error->message, aside);
          else
            g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_CORRUPT,
                         "%s %s", local_error->message, move_error->message);
          return NULL;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (g_strcmp0 (self->report_sha256, report_sha256) != 0)
    {
      g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_CORRUPT,
                   _("The review file “%s” is damaged: %s."), path,
                   _("it belongs to another report"));
      return NULL;
    }

  g_set_object (&self->file, file);
  /* The report may have been renamed since: the hash found it anyway. */
  if (report_name != NULL && g_strcmp0 (self->report_name, report_name) != 0)
    {
      g_free (self->report_name);
      self->report_name = g_strdup (report_name);
    }

  return g_steal_pointer (&self);
}

typedef struct
{
  GFile *report;
  char  *sha256;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->report);
  g_free (data->sha256);
  g_free (data);
}

FzReview *
fz_review_load_for_file (GFile         *report,
                         GCancellable  *cancellable,
                         char         **report_sha256,
                         GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *sha256 = NULL;
  FzReview *review;

  g_return_val_if_fail (G_IS_FILE (report), NULL);
  g_return_val_if_fail (report_sha256 != NULL, NULL);

  *report_sha256 = NULL;
  if ((sha256 = fz_review_hash_file (report, cancellable, error)) == NULL)
    return NULL;

  name = g_file_get_basename (report);
  review = fz_review_load_for_report (sha256, name, error);
  *report_sha256 = g_steal_pointer (&sha256);

  return review;
}

static void
load_for_file_thread (GTask        *task,
                      gpointer      source,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  FzReview *review = fz_review_load_for_file (data->report, cancellable, &data->sha256, &error);

  if (review == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, review, g_object_unref);
}

void
fz_review_load_for_file_async (GFile               *report,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (report));

  data = g_new0 (LoadData, 1);
  data->report = g_object_ref (report);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fz_review_load_for_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_for_file_thread);
}

FzReview *
fz_review_load_for_file_finish (GAsyncResult  *result,
                                char         **report_sha256,
                                GError       **error)
{
  LoadData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (report_sha256 != NULL)
    *report_sha256 = g_strdup (data->sha256);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Refuses to replace a file that we could not read back: one from a newer
 * version stays as it is; a damaged one is moved aside first. */
static gboolean
check_replaceable (GFile   *file,
                   GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return TRUE;                /* nothing there, or nothing we could lose by replacing */

  if (json_parser_load_from_data (parser, contents, len, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *o = json_node_get_object (root);
      JsonNode *version = json_object_get_member (o, "version");

      if (version != NULL && JSON_NODE_HOLDS_VALUE (version) &&
          json_node_get_value_type (version) == G_TYPE_INT64)
        {
          if (json_node_get_int (version) > FZ_REVIEW_FORMAT_VERSION)
            {
              g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_NEWER_VERSION,
                           _("The review was not saved: “%s” was written by a newer version "
                             "of Fazhi Review and is left unchanged."), path);
              return FALSE;
            }
          return TRUE;
        }
    }

  {
    g_autofree char *aside = move_aside (file, error);

    if (aside == NULL)
      return FALSE;
    g_message ("Damaged review file %s moved to %s", path, aside);
  }

  return TRUE;
}

static gboolean
write_atomically (GFile       *file,
                  const char  *data,
                  gsize        len,
                  GError     **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = NULL;
  g_autoptr(GError) local_error = NULL;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_UNWRITABLE,
                   _("Could not save the review to “%s”: %s"), uri, _("not a local file"));
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_UNWRITABLE,
                   _("Could not save the review to “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  /* A temporary file in the same folder, synced, then renamed over the
   * old one: a crash leaves the old or the new review, never a mix. */
  if (!g_file_set_contents_full (path, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &local_error))
    {
      g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_UNWRITABLE,
                   _("Could not save the review to “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
fz_review_save (FzReview  *self,
                GError   **error)
{
  g_return_val_if_fail (FZ_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);

  return fz_review_save_to_file (self, self->file, error);
}

gboolean
fz_review_save_to_file (FzReview  *self,
                        GFile     *file,
                        GError   **error)
{
  g_autofree char *data = NULL;
  gsize len;

  g_return_val_if_fail (FZ_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!check_replaceable (file, error))
    return FALSE;

  data = fz_review_to_data (self, &len);
  return write_atomically (file, data, len, error);
}
