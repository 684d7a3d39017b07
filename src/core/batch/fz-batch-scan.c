/* fz-batch-scan.c: finding the reports in a dropped folder
 *
 * Which files of a folder tree are reports worth reading, and in what
 * order they join the batch.  Apart from the batch because it is file
 * system work with its own rules (hidden files, lock files, link loops).
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-batch"

#include "config.h"

#include <string.h>

#include "fz-batch-private.h"
#include "fz-formats.h"

/* What a folder of reports also holds and no one means to check. */
/* A file of a folder is read when its name says a report format, or says
 * none (an attachment saved without its extension): the content decides
 * then.  Office lock files (~$report.docx) and editor backups
 * (report.txt~) never are. */
static gboolean
is_report_name (const char *name)
{
  if (g_str_has_prefix (name, "~$") || g_str_has_suffix (name, "~"))
    return FALSE;

  return fz_formats_for_file_name (name) != NULL || strchr (name, '.') == NULL;
}

static gboolean
collect_folder (GFile         *folder,
                GPtrArray     *found,
                guint          depth,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  /* Symbolic links are followed; the depth bound keeps a loop finite. */
  if (depth > 32)
    return TRUE;

  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN ","
                                        G_FILE_ATTRIBUTE_STANDARD_IS_BACKUP,
                                        G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (children == NULL)
    return FALSE;

  while ((info = g_file_enumerator_next_file (children, cancellable, error)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      const char *name = g_file_info_get_name (info);
      g_autoptr(GFile) child = g_file_get_child (folder, name);

      if (g_file_info_get_is_hidden (info) || g_file_info_get_is_backup (info) || name[0] == '.')
        continue;

      switch (g_file_info_get_file_type (info))
        {
        case G_FILE_TYPE_DIRECTORY:
          {
            g_autoptr(GError) sub_error = NULL;

            /* An unreadable subfolder must not lose the rest of the batch. */
            if (!collect_folder (child, found, depth + 1, cancellable, &sub_error))
              {
                if (g_error_matches (sub_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
                  {
                    g_propagate_error (error, g_steal_pointer (&sub_error));
                    return FALSE;
                  }
                g_warning ("Skipping folder %s: %s", g_file_peek_path (child), sub_error->message);
              }
          }
          break;

        case G_FILE_TYPE_REGULAR:
        case G_FILE_TYPE_SYMBOLIC_LINK:
        case G_FILE_TYPE_UNKNOWN:
          if (is_report_name (name))
            g_ptr_array_add (found, g_steal_pointer (&child));
          break;

        case G_FILE_TYPE_SPECIAL:
        case G_FILE_TYPE_SHORTCUT:
        case G_FILE_TYPE_MOUNTABLE:
        default:
          break;
        }
    }

  return error == NULL || *error == NULL;
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *x = g_file_get_uri (*(GFile **) a);
  g_autofree char *y = g_file_get_uri (*(GFile **) b);

  return strcmp (x, y);
}

guint
fz_batch_add_folder (FzBatch       *self,
                     GFile         *folder,
                     gboolean       reference,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  guint added = 0;

  g_return_val_if_fail (FZ_IS_BATCH (self), 0);
  g_return_val_if_fail (G_IS_FILE (folder), 0);

  if (!collect_folder (folder, found, 0, cancellable, error))
    return 0;

  g_ptr_array_sort (found, compare_files);
  for (guint i = 0; i < found->len; i++)
    if (fz_batch_add_file (self, g_ptr_array_index (found, i), reference) != NULL)
      added++;

  return added;
}

/* What was dropped, read in a worker: the files to add, in order, and the
 * first folder that could not be read. */
typedef struct
{
  GPtrArray *dropped;             /* GFile */
  GPtrArray *found;               /* GFile */
  gboolean   reference;
  GError    *error;
} Scan;

static void
scan_free (Scan *scan)
{
  g_clear_pointer (&scan->dropped, g_ptr_array_unref);
  g_clear_pointer (&scan->found, g_ptr_array_unref);
  g_clear_error (&scan->error);
  g_free (scan);
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Scan *scan = task_data;

  for (guint i = 0; i < scan->dropped->len; i++)
    {
      GFile *file = g_ptr_array_index (scan->dropped, i);
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GError) error = NULL;

      if (g_task_return_error_if_cancelled (task))
        return;
      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY)
        {
          g_ptr_array_add (scan->found, g_object_ref (file));
          continue;
        }

      found = g_ptr_array_new_with_free_func (g_object_unref);
      if (!collect_folder (file, found, 0, cancellable, &error))
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          if (scan->error == NULL)
            scan->error = g_steal_pointer (&error);
          continue;
        }
      g_ptr_array_sort (found, compare_files);
      g_ptr_array_extend_and_steal (scan->found, g_steal_pointer (&found));
    }

  g_task_return_boolean (task, TRUE);
}

void
fz_batch_add_files_async (FzBatch             *self,
                          GPtrArray           *files,
                          gboolean             reference,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Scan *scan;

  g_return_if_fail (FZ_IS_BATCH (self));
  g_return_if_fail (files != NULL);

  scan = g_new0 (Scan, 1);
  scan->dropped = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (scan->dropped, g_object_ref (g_ptr_array_index (files, i)));
  scan->found = g_ptr_array_new_with_free_func (g_object_unref);
  scan->reference = !!reference;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fz_batch_add_files_async);
  g_task_set_task_data (task, scan, (GDestroyNotify) scan_free);
  g_task_run_in_thread (task, scan_thread);
}

guint
fz_batch_add_files_finish (FzBatch       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  Scan *scan;
  guint added = 0;

  g_return_val_if_fail (FZ_IS_BATCH (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return 0;

  /* The entries are added here, on the caller's main context. */
  scan = g_task_get_task_data (G_TASK (result));
  for (guint i = 0; i < scan->found->len; i++)
    if (fz_batch_add_file (self, g_ptr_array_index (scan->found, i), scan->reference) != NULL)
      added++;
  if (scan->error != NULL)
    g_propagate_error (error, g_steal_pointer (&scan->error));

  return added;
}
