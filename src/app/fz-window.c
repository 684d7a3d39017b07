/* fz-window.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-window.h"

struct _FzWindow
{
  AdwApplicationWindow  parent_instance;

  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwTabView           *tab_view;

  GtkFileChooserNative *chooser;
  /* Follows the selected page so the title shows its progress. */
  GSignalGroup         *page_signals;
};

G_DEFINE_FINAL_TYPE (FzWindow, fz_window, ADW_TYPE_APPLICATION_WINDOW)

static void
fz_window_update_title (FzWindow *self)
{
  FzReportPage *page = fz_window_get_current_report (self);
  g_autofree char *subtitle = NULL;

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

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-tab", page != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-open", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-open", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.decide", loaded);
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

  g_signal_group_set_target (self->page_signals,
                             tab != NULL ? adw_tab_page_get_child (tab) : NULL);
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

  adw_tab_view_set_selected_page (self->tab_view, tab);
  fz_report_page_load (page);

  return page;
}

void
fz_window_open_files (FzWindow *self,
                      GSList   *files)
{
  g_return_if_fail (FZ_IS_WINDOW (self));

  for (const GSList *l = files; l != NULL; l = l->next)
    fz_window_open_file (self, G_FILE (l->data));
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
  g_return_val_if_fail (FZ_IS_WINDOW (self), 0);

  return adw_tab_view_get_n_pages (self->tab_view);
}

FzReportPage *
fz_window_get_report (FzWindow *self,
                      guint     index)
{
  g_return_val_if_fail (FZ_IS_WINDOW (self), NULL);
  g_return_val_if_fail (index < fz_window_get_n_reports (self), NULL);

  return FZ_REPORT_PAGE (adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, index)));
}

FzReportPage *
fz_window_get_current_report (FzWindow *self)
{
  AdwTabPage *tab;

  g_return_val_if_fail (FZ_IS_WINDOW (self), NULL);

  tab = adw_tab_view_get_selected_page (self->tab_view);

  return tab != NULL ? FZ_REPORT_PAGE (adw_tab_page_get_child (tab)) : NULL;
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

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          fz_window_open_file (self, file);
        }
    }

  g_clear_object (&self->chooser);
}

void
fz_window_show_open_dialog (FzWindow *self)
{
  g_return_if_fail (FZ_IS_WINDOW (self));

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  /* No filters: which formats can be read is the importer's business, and
   * it explains a refusal better than a greyed-out file would. */
  self->chooser = gtk_file_chooser_native_new (_("Open Reports"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
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
  else if (g_str_equal (action_name, "win.zoom-in"))
    fz_report_page_zoom_in (page);
  else if (g_str_equal (action_name, "win.zoom-out"))
    fz_report_page_zoom_out (page);
  else if (g_str_equal (action_name, "win.zoom-reset"))
    fz_report_page_zoom_reset (page);
  else if (g_str_equal (action_name, "win.next-open"))
    fz_report_page_select_next_open (page, TRUE);
  else if (g_str_equal (action_name, "win.previous-open"))
    fz_report_page_select_next_open (page, FALSE);
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

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->page_signals != NULL)
    g_signal_group_set_target (self->page_signals, NULL);
  g_clear_object (&self->page_signals);

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
  gtk_widget_class_bind_template_callback (widget_class, on_selected_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_n_pages_changed);

  gtk_widget_class_install_action (widget_class, "win.close-tab", NULL, close_tab_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.next-open", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.previous-open", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "win.decide", "i", decide_action);
}

static void
fz_window_init (FzWindow *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

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
