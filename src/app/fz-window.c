/* fz-window.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-batch-page.h"
#include "fz-file-dialog.h"
#include "fz-letter-sender.h"
#include "fz-recent-files.h"
#include "fz-tooltip.h"
#include "fz-upload-pool.h"
#include "fz-window-private.h"
#include "fz-window-score.h"
#include "fz-window-rounds.h"

#include <string.h>

/* The range of the font-size key in the schema. */
#define FONT_SIZE_MIN 8
#define FONT_SIZE_MAX 48


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

  /* The unit and year as the title, the file as the subtitle. */
  if (fz_report_page_get_loading (page) && fz_report_page_get_analysis (page) == NULL)
    /* Translators: the window's subtitle while a report is read: its file name */
    subtitle = g_strdup_printf (_("%s — analysing…"), fz_report_page_get_subtitle (page));
  else if (fz_report_page_get_error_message (page) != NULL)
    /* Translators: the window's subtitle when a report could not be read: its file name */
    subtitle = g_strdup_printf (_("%s — could not be opened"), fz_report_page_get_subtitle (page));
  else
    subtitle = g_strdup (fz_report_page_get_subtitle (page));

  adw_window_title_set_title (self->window_title, fz_report_page_get_title (page));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), fz_report_page_get_title (page));
}

static void
on_show_outline_change_state (GSimpleAction *action,
                              GVariant      *state,
                              FzWindow      *self)
{
  g_settings_set_boolean (self->settings, "show-outline", g_variant_get_boolean (state));
}

static void
on_show_outline_setting (FzWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-outline");

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_boolean (g_settings_get_boolean (self->settings, "show-outline")));
}

static void
fz_window_actions_update (FzWindow *self)
{
  FzReportPage *page = fz_window_get_current_report (self);
  gboolean loaded = page != NULL && fz_report_page_get_analysis (page) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-tab",
                                 adw_tab_view_get_selected_page (self->tab_view) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", loaded);
  /* The outline belongs to a report: no report, nothing to show. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "show-outline")),
                               loaded);
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

/* The report or batch page in the tab shown; NULL when there is none. */
static GtkWidget *
selected_child (FzWindow *self)
{
  AdwTabPage *tab = adw_tab_view_get_selected_page (self->tab_view);

  return tab != NULL ? adw_tab_page_get_child (tab) : NULL;
}

static void
on_selected_page_changed (FzWindow *self)
{
  GtkWidget *child = selected_child (self);

  g_signal_group_set_target (self->page_signals, FZ_IS_REPORT_PAGE (child) ? child : NULL);
  on_page_state_changed (self);
}

static void
on_n_pages_changed (FzWindow *self)
{
  gboolean empty = adw_tab_view_get_n_pages (self->tab_view) == 0;

  if (empty && self->recent_stale)
    _fz_window_update_recent (self);
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

/* A report of @file with the application's stores: one live review per
 * report and one list of rule sets for every tab and window. */
FzReport *
_fz_window_new_report (FzWindow *self,
                       GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_return_val_if_fail (FZ_IS_APPLICATION (app), NULL);

  return fz_report_new (file,
                        fz_application_get_reviews (FZ_APPLICATION (app)),
                        fz_application_get_rulesets (FZ_APPLICATION (app)));
}

FzReportPage *
fz_window_open_file (FzWindow *self,
                     GFile    *file)
{
  g_autoptr(FzReport) report = NULL;
  FzReportPage *page;
  AdwTabPage *tab;
  g_autofree char *parse_name = NULL;
  g_autofree char *tooltip = NULL;

  g_return_val_if_fail (FZ_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (_fz_window_is_review_file (file))
    {
      _fz_window_open_review_file (self, file);
      return NULL;
    }
  if (_fz_window_open_memo (self, file))
    return NULL;

  /* A report opened twice would get two independent sets of decisions. */
  if ((page = fz_window_find_report (self, file)))
    {
      adw_tab_view_set_selected_page (self->tab_view,
                                      adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page)));
      return page;
    }

  report = _fz_window_new_report (self, file);
  page = fz_report_page_new (report);
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
  g_signal_connect_object (page, "show-toast",
                           G_CALLBACK (adw_toast_overlay_add_toast), self->toast_overlay,
                           G_CONNECT_SWAPPED);

  adw_tab_view_set_selected_page (self->tab_view, tab);
  fz_report_page_load (page);
  _fz_window_add_recent (self, file);

  return page;
}

/* A batch ------------------------------------------------------------------ */

FzBatchPage *
fz_window_get_current_batch (FzWindow *self)
{
  GtkWidget *child;

  g_return_val_if_fail (FZ_IS_WINDOW (self), NULL);

  child = selected_child (self);
  return FZ_IS_BATCH_PAGE (child) ? FZ_BATCH_PAGE (child) : NULL;
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
    fz_report_add_findings (fz_report_page_get_report (page), fz_batch_entry_get_copy_findings (entry));
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
  /* The application's stores: a decision made in a report's tab is the
   * batch row's at once, being the same live review. */
  page = fz_batch_page_new (files, ruleset,
                            fz_application_get_rulesets (FZ_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)))),
                            fz_application_get_reviews (FZ_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)))));
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
      /* A review file is never part of a batch: it is taken in at once;
       * nor is a memo the window wrote. */
      if (_fz_window_is_review_file (l->data))
        fz_window_open_file (self, l->data);
      else if (!_fz_window_open_memo (self, l->data))
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
  GtkWidget *child;

  g_return_val_if_fail (FZ_IS_WINDOW (self), NULL);

  child = selected_child (self);
  return FZ_IS_REPORT_PAGE (child) ? FZ_REPORT_PAGE (child) : NULL;
}

FzReportPage *
_fz_window_get_read_report (FzWindow *self)
{
  FzReportPage *page = fz_window_get_current_report (self);

  return page != NULL && fz_report_page_get_analysis (page) != NULL ? page : NULL;
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

static void
fz_window_dispose (GObject *object)
{
  FzWindow *self = FZ_WINDOW (object);

  fz_file_dialog_clear (&self->chooser);
  fz_file_dialog_clear (&self->save_chooser);
  if (self->page_signals != NULL)
    g_signal_group_set_target (self->page_signals, NULL);
  g_clear_object (&self->page_signals);
  g_clear_object (&self->settings);
  g_signal_handlers_disconnect_by_data (fz_recent_files_get_default (), self);
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
  gtk_widget_class_bind_template_child (widget_class, FzWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, outline_button);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, find_button);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, FzWindow, scoring_tables);
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
  gtk_widget_class_install_action (widget_class, "win.annotate", NULL, _fz_window_annotate_action);
  gtk_widget_class_install_action (widget_class, "win.export-memo", NULL, _fz_window_export_memo_action);
  gtk_widget_class_install_action (widget_class, "win.save-review", NULL, _fz_window_save_review_action);
  gtk_widget_class_install_action (widget_class, "win.print-memo", NULL, _fz_window_print_memo_action);
  gtk_widget_class_install_action (widget_class, "win.export-ledger", NULL, _fz_window_export_ledger_action);
  gtk_widget_class_install_action (widget_class, "win.export-memos", NULL, _fz_window_export_memos_action);
  _fz_window_rounds_install_actions (widget_class);
}

static void
fz_window_init (FzWindow *self)
{
  g_autoptr(GAction) show_outline = NULL;
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  fz_upload_pool_keep_for (GTK_WINDOW (self));
  fz_tooltip_set_text_and_description (self->open_button, _("Open Reports… (Ctrl+O)"));
  fz_tooltip_set_text_and_description (self->outline_button, _("Show Outline (F9)"));
  fz_tooltip_set_text_and_description (self->menu_button, _("Main Menu (F10)"));
  fz_tooltip_set_text_and_description (self->find_button, _("Find in Report (Ctrl+F)"));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  /* Not g_settings_create_action(): that one cannot be made insensitive,
   * and with no report the outline toggle must be. */
  show_outline = G_ACTION (g_simple_action_new_stateful ("show-outline", NULL,
                                                         g_variant_new_boolean (g_settings_get_boolean (self->settings,
                                                                                                        "show-outline"))));
  g_signal_connect_object (show_outline, "change-state", G_CALLBACK (on_show_outline_change_state), self, 0);
  g_signal_connect_object (self->settings, "changed::show-outline", G_CALLBACK (on_show_outline_setting), self,
                           G_CONNECT_SWAPPED);
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
  g_signal_connect_object (fz_recent_files_get_default (), "changed",
                           G_CALLBACK (_fz_window_update_recent), self,
                           G_CONNECT_SWAPPED);
  _fz_window_update_recent (self);

  fz_window_score_setup (self, self->tab_view, self->scoring_tables);

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
