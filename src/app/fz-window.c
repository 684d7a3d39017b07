/* fz-window.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-batch-page.h"
#include "fz-window.h"
#include "fz-window-rounds.h"

#include <string.h>

/* The name reports are filed under in the recently-used list; fixed, not
 * translated, so a change of language keeps the list. */
#define RECENT_APP_NAME "fazhi-review"
#define MAX_RECENT      8

/* The range of the font-size key in the schema. */
#define FONT_SIZE_MIN 8
#define FONT_SIZE_MAX 48

struct _FzWindow
{
  AdwApplicationWindow  parent_instance;

  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwTabView           *tab_view;
  AdwPreferencesGroup  *recent_group;

  GtkFileChooserNative *chooser;
  GtkFileChooserNative *save_chooser;   /* memo export, review save, report search */
  /* Follows the selected page so the title shows its progress. */
  GSignalGroup         *page_signals;
  GSettings            *settings;
  GtkRecentManager     *recent_manager;
  GPtrArray            *recent_rows;
};

G_DEFINE_FINAL_TYPE (FzWindow, fz_window, ADW_TYPE_APPLICATION_WINDOW)

static void
fz_window_update_title (FzWindow *self)
{
  FzReportPage *page = fz_window_get_current_report (self);
  g_autofree char *subtitle = NULL;

  if (page == NULL && fz_window_get_current_batch (self) != NULL)
    {
      FzBatchPage *batch = fz_window_get_current_batch (self);

      adw_window_title_set_title (self->window_title, fz_batch_page_get_title (batch));
      adw_window_title_set_subtitle (self->window_title,
                                     fz_batch_page_get_running (batch) ? _("Reading the reports…")
                                                                       : _("Batch overview"));
      gtk_window_set_title (GTK_WINDOW (self), fz_batch_page_get_title (batch));
      return;
    }

  if (page == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Fazhi Review"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Fazhi Review"));
      return;
    }

  if (fz_report_page_get_loading (page))
    subtitle = g_strdup (_("Analysing…"));
  else if (fz_report_page_get_analysis (page) != NULL)
    /* Translators: how many required checklist elements the reviewer has decided */
    subtitle = g_strdup_printf (_("Confirmed %u/%u"),
                                fz_report_page_get_n_decided (page),
                                fz_report_page_get_n_required (page));
  else if (fz_report_page_get_error_message (page) != NULL)
    subtitle = g_strdup (_("Could not be opened"));

  adw_window_title_set_title (self->window_title, fz_report_page_get_title (page));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), fz_report_page_get_title (page));
}

static void
fz_window_actions_update (FzWindow *self)
{
  FzReportPage *page = fz_window_get_current_report (self);
  gboolean loaded = page != NULL && fz_report_page_get_analysis (page) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-tab",
                                 adw_tab_view_get_selected_page (self->tab_view) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-open", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-open", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.decide", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.annotate", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-memo", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-review", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-memo", loaded);
  _fz_window_rounds_update_actions (self, page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-ledger",
                                 fz_window_get_current_batch (self) != NULL &&
                                 !fz_batch_page_get_running (fz_window_get_current_batch (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-memos",
                                 fz_window_get_current_batch (self) != NULL &&
                                 !fz_batch_page_get_running (fz_window_get_current_batch (self)));
}

static void
on_page_state_changed (FzWindow *self)
{
  fz_window_update_title (self);
  fz_window_actions_update (self);
}

static void
on_page_error_changed (FzWindow     *self,
                       GParamSpec   *pspec,
                       FzReportPage *page)
{
  const char *message = fz_report_page_get_error_message (page);

  /* The failed tab explains itself; the toast catches the eye when the
   * failure is in a tab the reviewer is not looking at. */
  if (message != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not open “%s”"),
                                               fz_report_page_get_title (page));
      fz_window_show_toast (self, text);
    }

  on_page_state_changed (self);
}

static void
on_selected_page_changed (FzWindow *self)
{
  AdwTabPage *tab = adw_tab_view_get_selected_page (self->tab_view);
  GtkWidget *child = tab != NULL ? adw_tab_page_get_child (tab) : NULL;

  g_signal_group_set_target (self->page_signals, FZ_IS_REPORT_PAGE (child) ? child : NULL);
  on_page_state_changed (self);
}

static void
on_n_pages_changed (FzWindow *self)
{
  gboolean empty = adw_tab_view_get_n_pages (self->tab_view) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "welcome" : "reports");
  fz_window_actions_update (self);
}

static FzReportPage *
fz_window_find_report (FzWindow *self,
                       GFile    *file)
{
  guint n = fz_window_get_n_reports (self);

  for (guint i = 0; i < n; i++)
    {
      FzReportPage *page = fz_window_get_report (self, i);

      if (g_file_equal (fz_report_page_get_file (page), file))
        return page;
    }

  return NULL;
}

/* Recent reports --------------------------------------------------------- */

static void
fz_window_add_recent (FzWindow *self,
                      GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *content_type = g_content_type_guess (basename, NULL, 0, NULL);
  g_autofree char *mime_type = g_content_type_get_mime_type (content_type);
  GtkRecentData data = {
    .display_name = basename,
    .mime_type = mime_type != NULL ? mime_type : (char *) "application/octet-stream",
    .app_name = (char *) RECENT_APP_NAME,
    .app_exec = (char *) "fazhi-review %u",
  };

  gtk_recent_manager_add_full (self->recent_manager, uri, &data);
}

static void
on_recent_row_activated (FzWindow     *self,
                         AdwActionRow *row)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "fz-file");

  fz_window_open_file (self, file);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *tb = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return g_date_time_compare (tb, ta);
}

static void
fz_window_update_recent (FzWindow *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent_manager);
  g_autoptr(GPtrArray) ours = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  g_autofree char *home = g_strdup (g_get_home_dir ());

  for (guint i = 0; i < self->recent_rows->len; i++)
    adw_preferences_group_remove (self->recent_group, g_ptr_array_index (self->recent_rows, i));
  g_ptr_array_set_size (self->recent_rows, 0);

  /* Only reports this application opened, and only those still there: a
   * row that fails on activation teaches the reviewer to ignore the list. */
  for (const GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_has_application (info, RECENT_APP_NAME) &&
          gtk_recent_info_is_local (info) && gtk_recent_info_exists (info))
        g_ptr_array_add (ours, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (ours, compare_recent);

  for (guint i = 0; i < ours->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (ours, i);
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : NULL;
      g_autofree char *title = g_markup_escape_text (gtk_recent_info_get_display_name (info), -1);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (folder != NULL && g_str_has_prefix (folder, home) && home[1] != '\0')
        subtitle = g_strconcat ("~", folder + strlen (home), NULL);
      else
        subtitle = g_steal_pointer (&folder);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (subtitle != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
        }
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("x-office-document-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "fz-file", g_steal_pointer (&file), g_object_unref);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_recent_row_activated), self, G_CONNECT_SWAPPED);

      adw_preferences_group_add (self->recent_group, row);
      g_ptr_array_add (self->recent_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), self->recent_rows->len > 0);
}

/* Decisions made in a report's tab show in every overview that holds it. */
static void
on_report_review_changed (FzWindow     *self,
                          FzReportPage *page)
{
  FzReview *review = fz_report_page_get_review (page);
  guint n = adw_tab_view_get_n_pages (self->tab_view);

  if (review == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *child = adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i));

      if (FZ_IS_BATCH_PAGE (child))
        fz_batch_page_sync_review (FZ_BATCH_PAGE (child), review);
    }
}

/* Every file dialog of the window: one at a time in @slot, modal, answered
 * by @on_response.  Callers add filters and names, then show it. */
static GtkFileChooser *
fz_window_new_chooser (FzWindow              *self,
                       GtkFileChooserNative **slot,
                       const char            *title,
                       GtkFileChooserAction   action,
                       const char            *accept,
                       GCallback              on_response)
{
  if (*slot != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (*slot));
  g_clear_object (slot);

  *slot = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (*slot), TRUE);
  g_signal_connect_object (*slot, "response", on_response, self, G_CONNECT_SWAPPED);

  return GTK_FILE_CHOOSER (*slot);
}

/* Opens @chooser in the folder the setting @key remembers, if it is there. */
static void
fz_window_chooser_start_in (FzWindow       *self,
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

/* Reviews from elsewhere ------------------------------------------------- */

static gboolean
fz_window_is_review_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return basename != NULL && g_str_has_suffix (basename, ".fzreview");
}

static FzReportPage *
fz_window_find_report_by_hash (FzWindow   *self,
                               const char *sha256)
{
  guint n = fz_window_get_n_reports (self);

  for (guint i = 0; i < n; i++)
    {
      FzReportPage *page = fz_window_get_report (self, i);
      FzReview *review = fz_report_page_get_review (page);

      if (review != NULL && g_strcmp0 (fz_review_get_report_sha256 (review), sha256) == 0)
        return page;
    }

  return NULL;
}

static void
on_locate_report_response (FzWindow             *self,
                           int                   response,
                           GtkFileChooserNative *chooser)
{
  FzReview *review = g_object_get_data (G_OBJECT (chooser), "fz-review");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  sha256 = fz_review_hash_file (file, NULL, &error);
  if (sha256 == NULL)
    fz_window_show_toast (self, error->message);
  else if (!g_str_equal (sha256, fz_review_get_report_sha256 (review)))
    {
      g_autofree char *message = NULL;

      /* Translators: the review names the report by its file name */
      message = g_strdup_printf (_("This is not the report the review was made for (“%s”): its content differs."),
                                 fz_review_get_report_name (review));
      fz_window_show_toast (self, message);
    }
  else
    fz_window_open_file (self, file);

out:
  g_clear_object (&self->save_chooser);
}

/* The review is in the store now: the report opened (or opened again)
 * picks it up by its hash. */
static void
fz_window_finish_review_import (FzWindow *self,
                                FzReview *review)
{
  g_autoptr(GFile) store = fz_review_get_store_file (fz_review_get_report_sha256 (review));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  FzReportPage *page;

  fz_review_set_file (review, store);
  if (!fz_review_save (review, &error))
    {
      fz_window_show_toast (self, error->message);
      return;
    }

  if ((page = fz_window_find_report_by_hash (self, fz_review_get_report_sha256 (review))))
    {
      adw_tab_view_set_selected_page (self->tab_view,
                                      adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page)));
      fz_report_page_load (page);
      return;
    }

  /* Translators: %s is the report's file name as the review records it */
  title = g_strdup_printf (_("Locate the Report “%s”"), fz_review_get_report_name (review));
  fz_window_new_chooser (self, &self->save_chooser, title, GTK_FILE_CHOOSER_ACTION_OPEN,
                         _("_Open"), G_CALLBACK (on_locate_report_response));
  g_object_set_data_full (G_OBJECT (self->save_chooser), "fz-review", g_object_ref (review), g_object_unref);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

static void
on_replace_review_response (AdwMessageDialog *dialog,
                            const char       *response,
                            FzWindow         *self)
{
  FzReview *review = g_object_get_data (G_OBJECT (dialog), "fz-review");

  if (g_str_equal (response, "replace"))
    fz_window_finish_review_import (self, review);
}

static void
fz_window_open_review_file (FzWindow *self,
                            GFile    *file)
{
  g_autoptr(FzReview) review = NULL;
  g_autoptr(GFile) store = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (!(review = fz_review_new_from_file (file, &error)))
    {
      fz_window_show_toast (self, error->message);
      return;
    }

  /* Never overwrite the reviewer's own work on this machine unasked. */
  store = fz_review_get_store_file (fz_review_get_report_sha256 (review));
  if (!g_file_query_exists (store, NULL))
    {
      fz_window_finish_review_import (self, review);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Replace Your Review?"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  _("You already have a review of “%s” on this computer. Opening this file replaces it with the one from the file."),
                                  fz_review_get_report_name (review));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Mine"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "fz-review", g_steal_pointer (&review), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_review_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

FzReportPage *
fz_window_open_file (FzWindow *self,
                     GFile    *file)
{
  FzReportPage *page;
  AdwTabPage *tab;
  g_autofree char *parse_name = NULL;
  g_autofree char *tooltip = NULL;

  g_return_val_if_fail (FZ_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (fz_window_is_review_file (file))
    {
      fz_window_open_review_file (self, file);
      return NULL;
    }

  /* A report opened twice would get two independent sets of decisions. */
  if ((page = fz_window_find_report (self, file)))
    {
      adw_tab_view_set_selected_page (self->tab_view,
                                      adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page)));
      return page;
    }

  page = fz_report_page_new (file);
  tab = adw_tab_view_append (self->tab_view, GTK_WIDGET (page));

  g_object_bind_property (page, "title", tab, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "loading", tab, "loading", G_BINDING_SYNC_CREATE);
  /* The tab tooltip is markup; a path may contain '&'. */
  parse_name = g_file_get_parse_name (file);
  tooltip = g_markup_escape_text (parse_name, -1);
  adw_tab_page_set_tooltip (tab, tooltip);

  g_signal_connect_object (page, "notify::error-message",
                           G_CALLBACK (on_page_error_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "toast",
                           G_CALLBACK (fz_window_show_toast), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "review-changed",
                           G_CALLBACK (on_report_review_changed), self,
                           G_CONNECT_SWAPPED);

  adw_tab_view_set_selected_page (self->tab_view, tab);
  fz_report_page_load (page);
  fz_window_add_recent (self, file);

  return page;
}

/* A batch ------------------------------------------------------------------ */

FzBatchPage *
fz_window_get_current_batch (FzWindow *self)
{
  AdwTabPage *tab;

  g_return_val_if_fail (FZ_IS_WINDOW (self), NULL);

  tab = adw_tab_view_get_selected_page (self->tab_view);
  if (tab == NULL || !FZ_IS_BATCH_PAGE (adw_tab_page_get_child (tab)))
    return NULL;

  return FZ_BATCH_PAGE (adw_tab_page_get_child (tab));
}

/* The report opens in its own tab, with the passages the batch found it
 * shares with others among its findings. */
static void
on_batch_open_report (FzWindow     *self,
                      FzBatchEntry *entry,
                      FzBatchPage  *batch)
{
  FzReportPage *page = fz_window_open_file (self, fz_batch_entry_get_file (entry));

  if (page != NULL)
    fz_report_page_add_findings (page, fz_batch_entry_get_copy_findings (entry));
}

static void
on_batch_running_changed (FzWindow *self)
{
  fz_window_update_title (self);
  fz_window_actions_update (self);
}

FzBatchPage *
fz_window_open_batch (FzWindow  *self,
                      GPtrArray *files)
{
  g_autofree char *ruleset = NULL;
  FzBatchPage *page;
  AdwTabPage *tab;

  g_return_val_if_fail (FZ_IS_WINDOW (self), NULL);
  g_return_val_if_fail (files != NULL && files->len > 0, NULL);

  ruleset = g_settings_get_string (self->settings, "default-ruleset");
  page = fz_batch_page_new (files, ruleset);
  tab = adw_tab_view_append (self->tab_view, GTK_WIDGET (page));
  adw_tab_page_set_title (tab, fz_batch_page_get_title (page));
  {
    g_autoptr(GIcon) icon = g_themed_icon_new ("view-grid-symbolic");
    adw_tab_page_set_icon (tab, icon);
  }
  g_object_bind_property (page, "running", tab, "loading", G_BINDING_SYNC_CREATE);

  g_signal_connect_object (page, "open-report", G_CALLBACK (on_batch_open_report), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "toast", G_CALLBACK (fz_window_show_toast), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::running", G_CALLBACK (on_batch_running_changed), self, G_CONNECT_SWAPPED);

  adw_tab_view_set_selected_page (self->tab_view, tab);
  fz_batch_page_start (page);

  return page;
}

/* More than this many files at once is a batch, as is any folder. */
#define MAX_SEPARATE_TABS 5

void
fz_window_open_files (FzWindow *self,
                      GSList   *files)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();
  gboolean has_folder = FALSE;

  g_return_if_fail (FZ_IS_WINDOW (self));

  for (const GSList *l = files; l != NULL; l = l->next)
    {
      if (g_file_query_file_type (l->data, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        has_folder = TRUE;
      /* A review file is never part of a batch: it is taken in at once. */
      if (fz_window_is_review_file (l->data))
        fz_window_open_file (self, l->data);
      else
        g_ptr_array_add (batch, l->data);
    }

  if (batch->len == 0)
    return;

  if (has_folder || batch->len > MAX_SEPARATE_TABS)
    {
      fz_window_open_batch (self, batch);
      return;
    }

  for (guint i = 0; i < batch->len; i++)
    fz_window_open_file (self, g_ptr_array_index (batch, i));
}

void
fz_window_add_toast (FzWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (FZ_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
fz_window_show_toast (FzWindow   *self,
                      const char *message)
{
  AdwToast *toast;

  g_return_if_fail (FZ_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

guint
fz_window_get_n_reports (FzWindow *self)
{
  guint n_pages, n = 0;

  g_return_val_if_fail (FZ_IS_WINDOW (self), 0);

  n_pages = adw_tab_view_get_n_pages (self->tab_view);
  for (guint i = 0; i < (guint) n_pages; i++)
    if (FZ_IS_REPORT_PAGE (adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i))))
      n++;

  return n;
}

FzReportPage *
fz_window_get_report (FzWindow *self,
                      guint     index)
{
  guint n_pages;

  g_return_val_if_fail (FZ_IS_WINDOW (self), NULL);
  g_return_val_if_fail (index < fz_window_get_n_reports (self), NULL);

  /* Batch overviews share the tab bar; @index counts reports only. */
  n_pages = adw_tab_view_get_n_pages (self->tab_view);
  for (guint i = 0; i < n_pages; i++)
    {
      GtkWidget *child = adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i));

      if (FZ_IS_REPORT_PAGE (child) && index-- == 0)
        return FZ_REPORT_PAGE (child);
    }

  g_return_val_if_reached (NULL);
}

FzReportPage *
fz_window_get_current_report (FzWindow *self)
{
  AdwTabPage *tab;

  g_return_val_if_fail (FZ_IS_WINDOW (self), NULL);

  tab = adw_tab_view_get_selected_page (self->tab_view);

  if (tab == NULL || !FZ_IS_REPORT_PAGE (adw_tab_page_get_child (tab)))
    return NULL;

  return FZ_REPORT_PAGE (adw_tab_page_get_child (tab));
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

/* The formats reviewers receive.  Matched by MIME type and by name: mail
 * attachments often arrive without a type, and a .wps has none registered. */
static const struct {
  const char *name;
  const char *mime_types[4];
  const char *patterns[4];
} report_formats[] = {
  { N_("Text"), { "text/plain", NULL }, { "*.txt", NULL } },
  { N_("Word Documents"),
    { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword", NULL },
    { "*.docx", "*.doc", NULL } },
  { N_("WPS Documents"), { "application/wps-office.wps", NULL }, { "*.wps", NULL } },
  { N_("OpenDocument Text"), { "application/vnd.oasis.opendocument.text", NULL }, { "*.odt", NULL } },
  { N_("PDF Documents"), { "application/pdf", NULL }, { "*.pdf", NULL } },
  { N_("OFD Documents"), { "application/ofd", NULL }, { "*.ofd", NULL } },
  { N_("Web Pages"), { "text/html", "multipart/related", NULL }, { "*.html", "*.htm", "*.mhtml", "*.mht" } },
  { N_("Rich Text"), { "application/rtf", "text/rtf", NULL }, { "*.rtf", NULL } },
};

static void
fz_window_add_filters (FzWindow       *self,
                       GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) all_reports = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_files = gtk_file_filter_new ();

  gtk_file_filter_set_name (all_reports, _("All Reports"));
  gtk_file_chooser_add_filter (chooser, all_reports);

  for (guint i = 0; i < G_N_ELEMENTS (report_formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(report_formats[i].name));
      for (guint j = 0; j < G_N_ELEMENTS (report_formats[i].mime_types) && report_formats[i].mime_types[j]; j++)
        {
          gtk_file_filter_add_mime_type (filter, report_formats[i].mime_types[j]);
          gtk_file_filter_add_mime_type (all_reports, report_formats[i].mime_types[j]);
        }
      for (guint j = 0; j < G_N_ELEMENTS (report_formats[i].patterns) && report_formats[i].patterns[j]; j++)
        {
          gtk_file_filter_add_pattern (filter, report_formats[i].patterns[j]);
          gtk_file_filter_add_pattern (all_reports, report_formats[i].patterns[j]);
        }
      gtk_file_chooser_add_filter (chooser, filter);
    }

  /* The importer recognises formats by content and explains a refusal
   * better than a hidden file would: let the reviewer try anything. */
  gtk_file_filter_set_name (all_files, _("All Files"));
  gtk_file_filter_add_pattern (all_files, "*");
  gtk_file_chooser_add_filter (chooser, all_files);
  gtk_file_chooser_set_filter (chooser, all_reports);
}

void
fz_window_show_open_folder_dialog (FzWindow *self)
{
  GtkFileChooser *chooser;

  g_return_if_fail (FZ_IS_WINDOW (self));

  /* A folder is a batch: every report in it and its subfolders. */
  chooser = fz_window_new_chooser (self, &self->chooser, _("Open a Folder of Reports"),
                                   GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Open"),
                                   G_CALLBACK (on_chooser_response));
  gtk_file_chooser_set_select_multiple (chooser, TRUE);
  fz_window_chooser_start_in (self, chooser, "last-folder");
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
fz_window_show_open_dialog (FzWindow *self)
{
  GtkFileChooser *chooser;

  g_return_if_fail (FZ_IS_WINDOW (self));

  chooser = fz_window_new_chooser (self, &self->chooser, _("Open Reports"),
                                   GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                   G_CALLBACK (on_chooser_response));
  gtk_file_chooser_set_select_multiple (chooser, TRUE);
  fz_window_add_filters (self, chooser);
  fz_window_chooser_start_in (self, chooser, "last-folder");
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static GdkDragAction
on_drop_enter (FzWindow      *self,
               double         x,
               double         y,
               GtkDropTarget *target)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-active");

  return GDK_ACTION_COPY;
}

static void
on_drop_leave (FzWindow      *self,
               GtkDropTarget *target)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-active");
}

static gboolean
on_drop (FzWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GSList *files;

  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-active");

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  fz_window_open_files (self, files);
  g_slist_free (files);

  return TRUE;
}

static void
close_tab_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);
  AdwTabPage *tab = adw_tab_view_get_selected_page (self->tab_view);

  if (tab != NULL)
    adw_tab_view_close_page (self->tab_view, tab);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  FzReportPage *page = fz_window_get_current_report (FZ_WINDOW (widget));

  if (page == NULL)
    return;

  if (g_str_equal (action_name, "win.find"))
    fz_report_page_begin_search (page);
  else if (g_str_equal (action_name, "win.next-open"))
    fz_report_page_select_next_open (page, TRUE);
  else if (g_str_equal (action_name, "win.previous-open"))
    fz_report_page_select_next_open (page, FALSE);
}

/* The font size is a setting every tab follows; the steps are whole points
 * so the CJK glyphs stay crisp. */
static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);
  int size = g_settings_get_int (self->settings, "font-size");

  if (g_str_equal (action_name, "win.zoom-reset"))
    g_settings_reset (self->settings, "font-size");
  else if (g_str_equal (action_name, "win.zoom-in"))
    g_settings_set_int (self->settings, "font-size", MIN (size + 1, FONT_SIZE_MAX));
  else
    g_settings_set_int (self->settings, "font-size", MAX (size - 1, FONT_SIZE_MIN));
}

static void
decide_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FzReportPage *page = fz_window_get_current_report (FZ_WINDOW (widget));
  /* 1…4 follow the order of the decision drop-down: present, partial,
   * missing, not applicable. */
  int choice = g_variant_get_int32 (param);

  if (page == NULL || choice < 1 || choice > 4)
    return;

  fz_report_page_decide_selected (page, FZ_STATUS_PRESENT + (choice - 1));
}

/* Annotating, exporting, saving the review ----------------------------- */

static void
fz_window_show_error (FzWindow   *self,
                      const char *heading,
                      const char *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_open_file_clicked (AdwToast *toast,
                      FzWindow *self)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "fz-file");
  g_autofree char *uri = g_file_get_uri (file);

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

/* A toast saying @file was written, with a button that opens it. */
static void
fz_window_show_file_toast (FzWindow   *self,
                           const char *title,
                           GFile      *file)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "fz-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_file_clicked), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
annotate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);
  FzReportPage *page = fz_window_get_current_report (self);

  if (page != NULL && !fz_report_page_annotate_selection (page))
    fz_window_show_toast (self, _("Select a passage of the report first, then annotate it"));
}

static const struct {
  const char *name;
  const char *pattern;
  const char *extension;
} memo_formats[] = {
  { N_("Word Document (.docx)"), "*.docx", "docx" },
  { N_("PDF Document (.pdf)"), "*.pdf", "pdf" },
  { N_("Web Page (.html)"), "*.html", "html" },
  { N_("Markdown (.md)"), "*.md", "md" },
  { N_("JSON (.json)"), "*.json", "json" },
};

/* A file name safe on every file system, from the memo's heading. */
static char *
memo_file_name (const char *heading,
                const char *extension)
{
  g_autoptr(GString) name = g_string_new (NULL);

  for (const char *p = heading; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || strchr ("/\\:*?\"<>|", (int) c) != NULL)
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  g_string_append_printf (name, ".%s", extension);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FzMemo *memo = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "fz-file");
  GError *error = NULL;

  if (fz_memo_export (memo, file, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  FzWindow *self = FZ_WINDOW (object);
  GFile *file = g_object_get_data (G_OBJECT (result), "fz-file");
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* A dialog, not a toast: the reviewer has to act on it, and the
       * review itself is untouched and still saved. */
      fz_window_show_error (self, _("Could Not Export the Memo"), error->message);
      return;
    }

  {
    g_autofree char *basename = g_file_get_basename (file);
    g_autofree char *title = g_strdup_printf (_("Memo saved as “%s”"), basename);

    fz_window_show_file_toast (self, title, file);
  }
}

void
fz_window_export_memo (FzWindow *self,
                       GFile    *file)
{
  FzReportPage *page;
  g_autoptr(FzMemo) memo = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FZ_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  page = fz_window_get_current_report (self);
  if (page == NULL || fz_report_page_get_analysis (page) == NULL)
    return;

  /* The memo is a snapshot taken now; writing it runs off the main loop. */
  memo = fz_memo_new (fz_report_page_get_analysis (page), fz_report_page_get_review (page));
  task = g_task_new (self, NULL, export_cb, NULL);
  g_task_set_source_tag (task, fz_window_export_memo);
  g_task_set_task_data (task, g_steal_pointer (&memo), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "fz-file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_response (FzWindow             *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *basename = g_file_get_basename (file);
      FzMemoFormat format;

      /* A name typed without an extension takes the chosen filter's. */
      if (!fz_memo_format_from_filename (basename, &format))
        {
          GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
          const char *extension = g_object_get_data (G_OBJECT (filter), "fz-extension");
          g_autofree char *named = g_strdup_printf ("%s.%s", basename, extension != NULL ? extension : "docx");

          g_set_object (&file, g_file_get_child (parent, named));
        }
      else
        g_settings_set_string (self->settings, "memo-format", fz_memo_format_to_extension (format));

      if (parent != NULL && g_file_peek_path (parent) != NULL)
        g_settings_set_string (self->settings, "last-export-folder", g_file_peek_path (parent));

      fz_window_export_memo (self, file);
    }

  g_clear_object (&self->save_chooser);
}

static void
export_memo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);
  FzReportPage *page = fz_window_get_current_report (self);
  g_autofree char *format = NULL;
  g_autofree char *name = NULL;
  g_autoptr(FzMemo) memo = NULL;

  if (page == NULL || fz_report_page_get_analysis (page) == NULL)
    return;

  memo = fz_memo_new (fz_report_page_get_analysis (page), fz_report_page_get_review (page));
  format = g_settings_get_string (self->settings, "memo-format");

  fz_window_new_chooser (self, &self->save_chooser, _("Export Review Memo"),
                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), G_CALLBACK (on_export_response));

  for (guint i = 0; i < G_N_ELEMENTS (memo_formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(memo_formats[i].name));
      gtk_file_filter_add_pattern (filter, memo_formats[i].pattern);
      g_object_set_data (G_OBJECT (filter), "fz-extension", (gpointer) memo_formats[i].extension);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->save_chooser), filter);
      if (g_str_equal (format, memo_formats[i].extension))
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->save_chooser), filter);
    }

  name = memo_file_name (fz_memo_get_heading (memo), format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->save_chooser), name);

  /* Beside the report, unless memos were exported somewhere before. */
  {
    g_autoptr(GFile) dir = g_file_get_parent (fz_report_page_get_file (page));

    if (dir != NULL)
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->save_chooser), dir, NULL);
  }
  fz_window_chooser_start_in (self, GTK_FILE_CHOOSER (self->save_chooser), "last-export-folder");

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                FzMemo            *memo)
{
  gtk_print_operation_set_n_pages (operation,
                                   MAX (1, fz_memo_count_pages (memo, gtk_print_context_get_cairo_context (context))));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              FzMemo            *memo)
{
  fz_memo_draw_page (memo, gtk_print_context_get_cairo_context (context), page);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               FzWindow                *self)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    {
      fz_window_show_error (self, _("Could Not Print the Memo"), error->message);
    }
}

/* The memo is laid out on A4 in points, as the PDF is: the printed page
 * and the exported one are the same. */
GtkPrintOperation *
fz_window_create_memo_print (FzWindow *self)
{
  FzReportPage *page;
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  FzMemo *memo;

  g_return_val_if_fail (FZ_IS_WINDOW (self), NULL);

  page = fz_window_get_current_report (self);
  if (page == NULL || fz_report_page_get_analysis (page) == NULL)
    return NULL;

  memo = fz_memo_new (fz_report_page_get_analysis (page), fz_report_page_get_review (page));
  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "fz-memo", memo, g_object_unref);

  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_job_name (operation, fz_memo_get_heading (memo));

  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print), memo, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page), memo, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);

  return operation;
}

static void
print_memo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = fz_window_create_memo_print (self);
  g_autoptr(GError) error = NULL;

  if (operation == NULL)
    return;

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    on_print_done (operation, GTK_PRINT_OPERATION_RESULT_ERROR, self);
}

gboolean
fz_window_export_ledger (FzWindow *self,
                         GFile    *file)
{
  FzBatchPage *batch;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (FZ_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((batch = fz_window_get_current_batch (self)) == NULL)
    return FALSE;

  if (!fz_ledger_write (fz_batch_page_get_batch (batch), g_file_peek_path (file), &error))
    {
      fz_window_show_error (self, _("Could Not Export the Ledger"), error->message);
      return FALSE;
    }

  {
    g_autofree char *basename = g_file_get_basename (file);
    g_autofree char *title = g_strdup_printf (_("Ledger saved as “%s”"), basename);

    fz_window_show_file_toast (self, title, file);
  }

  return TRUE;
}

/* Every report's memo and the summary memo, into one folder ------------ */

typedef struct
{
  FzBatch *batch;
  FzMemo  *summary;             /* made on the main thread: it reads decisions */
  GFile   *folder;
  char    *extension;
  guint    n_written;
} ExportMemos;

static void
export_memos_free (ExportMemos *job)
{
  g_clear_object (&job->batch);
  g_clear_object (&job->summary);
  g_clear_object (&job->folder);
  g_free (job->extension);
  g_free (job);
}

static void
export_memos_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ExportMemos *job = task_data;
  GListModel *entries = fz_batch_get_entries (job->batch);
  FzMemo *summary = job->summary;
  g_autoptr(GFile) summary_file = NULL;
  /* The summary has no JSON form; it goes with the others as .docx. */
  g_autofree char *summary_name = g_strdup_printf ("%s.%s", fz_memo_get_heading (summary),
                                                   g_str_equal (job->extension, "json") ? "docx" : job->extension);
  GError *error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(FzBatchEntry) entry = g_list_model_get_item (entries, i);
      FzAnalysis *analysis = fz_batch_entry_get_analysis (entry);
      g_autoptr(FzReview) review = NULL;
      g_autoptr(FzMemo) memo = NULL;
      g_autoptr(GFile) file = NULL;
      g_autofree char *base = NULL;
      g_autofree char *name = NULL;
      char *dot;

      if (analysis == NULL)
        continue;

      /* The reviewer's own work on the report, as the report's tab saved it. */
      if (fz_batch_entry_get_sha256 (entry) != NULL)
        review = fz_review_load_for_report (fz_batch_entry_get_sha256 (entry),
                                            fz_batch_entry_get_display_name (entry), NULL);
      memo = fz_memo_new (analysis, review);

      base = g_strdup (fz_batch_entry_get_display_name (entry));
      if ((dot = strrchr (base, '.')) != NULL && dot != base)
        *dot = '\0';
      /* Translators: the file name of one report's memo; %s is the report's name */
      name = g_strdup_printf (_("%s - review memo.%s"), base, job->extension);
      file = g_file_get_child (job->folder, name);
      if (!fz_memo_export (memo, file, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      job->n_written++;
    }

  summary_file = g_file_get_child (job->folder, summary_name);
  if (!fz_memo_export (summary, summary_file, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  job->n_written++;

  g_task_return_boolean (task, TRUE);
}

static void
export_memos_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  FzWindow *self = FZ_WINDOW (object);
  ExportMemos *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      fz_window_show_error (self, _("Could Not Export the Memos"), error->message);
      return;
    }

  /* Translators: after exporting a batch's memos into a folder */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u memo written", "%u memos written", job->n_written),
                           job->n_written);
  fz_window_show_file_toast (self, title, job->folder);
}

void
fz_window_export_batch_memos (FzWindow *self,
                              GFile    *folder)
{
  FzBatchPage *batch;
  g_autoptr(GTask) task = NULL;
  ExportMemos *job;

  g_return_if_fail (FZ_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  if ((batch = fz_window_get_current_batch (self)) == NULL)
    return;

  job = g_new0 (ExportMemos, 1);
  job->batch = g_object_ref (fz_batch_page_get_batch (batch));
  job->folder = g_object_ref (folder);
  job->extension = g_settings_get_string (self->settings, "memo-format");
  if (g_strcmp0 (fz_batch_get_reviewer (job->batch), NULL) == 0)
    {
      g_autofree char *name = g_settings_get_string (self->settings, "reviewer-name");
      g_autofree char *unit = g_settings_get_string (self->settings, "reviewer-unit");
      g_autofree char *reviewer = g_strstrip (g_strjoin (" ", unit, name, NULL));

      if (*reviewer != '\0')
        fz_batch_set_reviewer (job->batch, reviewer);
    }
  job->summary = fz_memo_new_for_batch (job->batch);

  task = g_task_new (self, NULL, export_memos_cb, NULL);
  g_task_set_source_tag (task, fz_window_export_batch_memos);
  g_task_set_task_data (task, job, (GDestroyNotify) export_memos_free);
  g_task_run_in_thread (task, export_memos_thread);
}

static void
on_export_memos_response (FzWindow             *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      fz_window_export_batch_memos (self, folder);
    }

  g_clear_object (&self->save_chooser);
}

static void
export_memos_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);

  if (fz_window_get_current_batch (self) == NULL)
    return;

  fz_window_new_chooser (self, &self->save_chooser, _("Export the Memos into a Folder"),
                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export"),
                         G_CALLBACK (on_export_memos_response));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

static void
on_export_ledger_response (FzWindow             *self,
                           int                   response,
                           GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *basename = g_file_get_basename (file);

      /* A name typed without an extension takes the chosen filter's. */
      if (!g_str_has_suffix (basename, ".xlsx") && !g_str_has_suffix (basename, ".csv"))
        {
          GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
          const char *extension = filter != NULL ? g_object_get_data (G_OBJECT (filter), "fz-extension") : NULL;
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *named = g_strdup_printf ("%s.%s", basename, extension != NULL ? extension : "xlsx");

          g_set_object (&file, g_file_get_child (parent, named));
        }

      fz_window_export_ledger (self, file);
    }

  g_clear_object (&self->save_chooser);
}

static void
export_ledger_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);
  FzBatchPage *batch = fz_window_get_current_batch (self);
  static const char * const names[] = { N_("Excel Workbook (.xlsx)"), N_("CSV (.csv)") };
  static const char * const extensions[] = { "xlsx", "csv" };
  g_autofree char *name = NULL;

  if (batch == NULL)
    return;

  fz_window_new_chooser (self, &self->save_chooser, _("Export Ledger"),
                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), G_CALLBACK (on_export_ledger_response));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *pattern = g_strdup_printf ("*.%s", extensions[i]);

      gtk_file_filter_set_name (filter, _(names[i]));
      gtk_file_filter_add_pattern (filter, pattern);
      g_object_set_data (G_OBJECT (filter), "fz-extension", (gpointer) extensions[i]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->save_chooser), filter);
    }
  /* Translators: the default file name of the ledger; %s names the batch */
  name = g_strdup_printf (_("Ledger of %s.xlsx"), fz_batch_page_get_title (batch));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->save_chooser), name);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

static void
on_save_review_response (FzWindow             *self,
                         int                   response,
                         GtkFileChooserNative *chooser)
{
  FzReportPage *page = fz_window_get_current_report (self);

  if (response == GTK_RESPONSE_ACCEPT && page != NULL && fz_report_page_get_review (page) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (fz_review_save_to_file (fz_report_page_get_review (page), file, &error))
        {
          g_autofree char *basename = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Review saved as “%s”"), basename);

          fz_window_show_toast (self, message);
        }
      else
        {
          fz_window_show_error (self, _("Could Not Save the Review"), error->message);
        }
    }

  g_clear_object (&self->save_chooser);
}

static void
save_review_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);
  FzReportPage *page = fz_window_get_current_report (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  char *dot;

  if (page == NULL || fz_report_page_get_review (page) == NULL)
    return;

  fz_window_new_chooser (self, &self->save_chooser, _("Save Review As"),
                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), G_CALLBACK (on_save_review_response));
  gtk_file_filter_set_name (filter, _("Reviews"));
  gtk_file_filter_add_pattern (filter, "*.fzreview");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->save_chooser), filter);

  basename = g_file_get_basename (fz_report_page_get_file (page));
  if ((dot = strrchr (basename, '.')) != NULL && dot != basename)
    *dot = '\0';
  name = g_strdup_printf ("%s.fzreview", basename);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->save_chooser), name);

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

static void
fz_window_dispose (GObject *object)
{
  FzWindow *self = FZ_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->save_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->save_chooser));
  g_clear_object (&self->save_chooser);
  if (self->page_signals != NULL)
    g_signal_group_set_target (self->page_signals, NULL);
  g_clear_object (&self->page_signals);
  g_clear_object (&self->settings);
  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->recent_manager, self);
  self->recent_manager = NULL;
  g_clear_pointer (&self->recent_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (fz_window_parent_class)->dispose (object);
}

static void
fz_window_class_init (FzWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_window_dispose;

  g_type_ensure (FZ_TYPE_REPORT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FzWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, tab_view);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, recent_group);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_n_pages_changed);

  gtk_widget_class_install_action (widget_class, "win.close-tab", NULL, close_tab_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.next-open", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.previous-open", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.decide", "i", decide_action);
  gtk_widget_class_install_action (widget_class, "win.annotate", NULL, annotate_action);
  gtk_widget_class_install_action (widget_class, "win.export-memo", NULL, export_memo_action);
  gtk_widget_class_install_action (widget_class, "win.save-review", NULL, save_review_action);
  gtk_widget_class_install_action (widget_class, "win.print-memo", NULL, print_memo_action);
  gtk_widget_class_install_action (widget_class, "win.export-ledger", NULL, export_ledger_action);
  gtk_widget_class_install_action (widget_class, "win.export-memos", NULL, export_memos_action);
  _fz_window_rounds_install_actions (widget_class);
}

static void
fz_window_init (FzWindow *self)
{
  g_autoptr(GAction) show_outline = NULL;
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  show_outline = g_settings_create_action (self->settings, "show-outline");
  g_action_map_add_action (G_ACTION_MAP (self), show_outline);

  self->page_signals = g_signal_group_new (FZ_TYPE_REPORT_PAGE);
  g_signal_group_connect_swapped (self->page_signals, "notify::loading",
                                  G_CALLBACK (on_page_state_changed), self);
  g_signal_group_connect_swapped (self->page_signals, "notify::analysis",
                                  G_CALLBACK (on_page_state_changed), self);
  g_signal_group_connect_swapped (self->page_signals, "notify::n-required",
                                  G_CALLBACK (on_page_state_changed), self);
  g_signal_group_connect_swapped (self->page_signals, "notify::n-decided",
                                  G_CALLBACK (on_page_state_changed), self);
  g_signal_group_connect_swapped (self->page_signals, "notify::title",
                                  G_CALLBACK (on_page_state_changed), self);

  /* Alt+1…4 record checklist decisions; tabs are a Ctrl+Page_Up/Down away. */
  adw_tab_view_remove_shortcuts (self->tab_view, ADW_TAB_VIEW_SHORTCUT_ALT_DIGITS);

  /* Dropping works anywhere on the window, over the tabs as well. */
  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "enter", G_CALLBACK (on_drop_enter), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "leave", G_CALLBACK (on_drop_leave), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  self->recent_rows = g_ptr_array_new ();
  self->recent_manager = gtk_recent_manager_get_default ();
  g_signal_connect_object (self->recent_manager, "changed",
                           G_CALLBACK (fz_window_update_recent), self,
                           G_CONNECT_SWAPPED);
  fz_window_update_recent (self);

  on_n_pages_changed (self);
  fz_window_update_title (self);
}

FzWindow *
fz_window_new (FzApplication *application)
{
  return g_object_new (FZ_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
