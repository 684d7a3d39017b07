/* fz-window-files.c: the recent reports and the file dialogs
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-file-dialog.h"
#include "fz-recent-files.h"
#include "fz-text-row.h"
#include "fz-window-private.h"

/* Recent reports --------------------------------------------------------- */

void
_fz_window_add_recent (FzWindow *self,
                      GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *content_type = g_content_type_guess (basename, NULL, 0, NULL);
  g_autofree char *mime_type = g_content_type_get_mime_type (content_type);
  const char *groups[] = { RECENT_GROUP, NULL };
  GtkRecentData data = {
    .display_name = basename,
    .mime_type = mime_type != NULL ? mime_type : (char *) "application/octet-stream",
    .app_name = (char *) RECENT_APP_NAME,
    .app_exec = (char *) "fazhi-review %u",
    .groups = (char **) groups,
  };

  /* The welcome page's list, and the desktop's. */
  fz_recent_files_add_report (fz_recent_files_get_default (), file);
  gtk_recent_manager_add_full (self->recent_manager, uri, &data);
}

gboolean
_fz_window_open_memo (FzWindow *self,
                      GFile    *file)
{
  g_autoptr(GFile) report = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (!fz_recent_files_is_memo (fz_recent_files_get_default (), file, &report))
    return FALSE;

  /* Checked as a report, the memo would be found wanting on every
   * element; what the reviewer wants back is the report's review. */
  basename = g_file_get_basename (file);
  if (report != NULL && !g_file_equal (report, file) && g_file_query_exists (report, NULL))
    {
      fz_window_open_file (self, report);
      message = g_strdup_printf (_("“%s” is a review memo written here, so its report is opened instead"), basename);
    }
  else
    message = g_strdup_printf (_("“%s” is a review memo written here, not a report to check"), basename);
  fz_window_show_toast (self, message);

  return TRUE;
}

static void
on_recent_row_activated (FzWindow  *self,
                         FzTextRow *row)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "fz-file");

  fz_window_open_file (self, file);
}

/* The welcome page's list, which looks at each file on disk: only while
 * the page is what the window shows. */
void
_fz_window_update_recent (FzWindow *self)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *home = NULL;

  if (adw_tab_view_get_n_pages (self->tab_view) > 0)
    {
      self->recent_stale = TRUE;
      return;
    }
  self->recent_stale = FALSE;

  files = fz_recent_files_dup_reports (fz_recent_files_get_default (), MAX_RECENT);
  home = g_strdup (g_get_home_dir ());
  for (guint i = 0; i < self->recent_rows->len; i++)
    gtk_list_box_remove (self->recent_list, g_ptr_array_index (self->recent_rows, i));
  g_ptr_array_set_size (self->recent_rows, 0);

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : NULL;
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *title = g_markup_escape_text (basename, -1);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = fz_text_row_new ();

      if (folder != NULL && g_str_has_prefix (folder, home) && home[1] != '\0')
        subtitle = g_strconcat ("~", folder + strlen (home), NULL);
      else
        subtitle = g_steal_pointer (&folder);

      fz_text_row_set_title (FZ_TEXT_ROW (row), title);
      if (subtitle != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
          fz_text_row_set_subtitle (FZ_TEXT_ROW (row), escaped);
        }
      fz_text_row_add_prefix (FZ_TEXT_ROW (row), gtk_image_new_from_icon_name ("x-office-document-symbolic"));
      fz_text_row_add_suffix (FZ_TEXT_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "fz-file", g_object_ref (file), g_object_unref);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_recent_row_activated), self, G_CONNECT_SWAPPED);

      gtk_list_box_append (self->recent_list, row);
      g_ptr_array_add (self->recent_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), self->recent_rows->len > 0);
}

/* Decisions made in a report's tab show in every overview that holds it. */
GtkFileChooser *
_fz_window_new_chooser (FzWindow              *self,
                       GtkFileChooserNative **slot,
                       const char            *title,
                       GtkFileChooserAction   action,
                       const char            *accept,
                       GCallback              on_response)
{
  fz_file_dialog_clear (slot);

  *slot = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (*slot), TRUE);
  g_signal_connect_object (*slot, "response", on_response, self, G_CONNECT_SWAPPED);

  return GTK_FILE_CHOOSER (*slot);
}

/* Opens @chooser in the folder the setting @key remembers, if it is there. */
void
_fz_window_chooser_start_in (FzWindow       *self,
                            GtkFileChooser *chooser,
                            const char     *key)
{
  g_autofree char *path = g_settings_get_string (self->settings, key);

  if (*path != '\0' && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (path);
      gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }
}

static void
on_chooser_response (FzWindow             *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      guint n = g_list_model_get_n_items (files);
      GSList *list = NULL;

      for (guint i = n; i > 0; i--)
        list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));

      if (list != NULL)
        {
          g_autoptr(GFile) parent = g_file_get_parent (list->data);

          if (parent != NULL && g_file_peek_path (parent) != NULL)
            g_settings_set_string (self->settings, "last-folder", g_file_peek_path (parent));
        }
      fz_window_open_files (self, list);
      g_slist_free_full (list, g_object_unref);
    }

  g_clear_object (&self->chooser);
}

void
fz_window_show_open_folder_dialog (FzWindow *self)
{
  GtkFileChooser *chooser;

  g_return_if_fail (FZ_IS_WINDOW (self));

  /* A folder is a batch: every report in it and its subfolders. */
  chooser = _fz_window_new_chooser (self, &self->chooser, _("Open a Folder of Reports"),
                                   GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("Open"),
                                   G_CALLBACK (on_chooser_response));
  gtk_file_chooser_set_select_multiple (chooser, TRUE);
  _fz_window_chooser_start_in (self, chooser, "last-folder");
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
fz_window_show_open_dialog (FzWindow *self)
{
  GtkFileChooser *chooser;

  g_return_if_fail (FZ_IS_WINDOW (self));

  chooser = _fz_window_new_chooser (self, &self->chooser, _("Open Reports"),
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _("Open"),
                                   G_CALLBACK (on_chooser_response));
  gtk_file_chooser_set_select_multiple (chooser, TRUE);
  fz_file_dialog_add_report_filters (chooser);
  _fz_window_chooser_start_in (self, chooser, "last-folder");
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}
