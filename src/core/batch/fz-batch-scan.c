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
