/* fz-window-rounds.c: Return to Unit…, Open Revised Version… and Open Last Year's Report…
 *
 * The report returned to its unit is written in a worker while a toast
 * says so; a failure is a dialog with the reason, the review untouched.
 * The revised version opens in a tab of its own as round two of the
 * review of the report in front, whose live review it follows; last
 * year's report is read beside the report in front.  Each view binds to
 * the page's FzReportVersions and shows passages in the page's text.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-history-view.h"
#include "fz-report-versions.h"
#include "fz-return-export.h"
#include "fz-rounds-view.h"
#include "fz-window-rounds.h"

#define VIEW_KEY(kind) ((kind) == FZ_VERSION_REVISED ? "fz-rounds-dialog" : "fz-history-dialog")

/* Returning to the unit -------------------------------------------------- */

/* libadwaita 1.2 frees a toast dismissed before its show animation (300
 * ms) ends while that animation still runs: a quick return waits this
 * long before its "Returning…" toast goes. */
#define MIN_TOAST_MS 400

typedef struct
{
  GWeakRef      toast;            /* "Returning…", the overlay's: dismissed when done */
  gint64        shown_at;         /* monotonic µs */
  GCancellable *cancellable;
} Returning;

static gboolean
dismiss_later (gpointer data)
{
  g_autoptr(AdwToast) toast = g_weak_ref_get (data);

  if (toast != NULL)
    adw_toast_dismiss (toast);
  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
returning_free (Returning *returning)
{
  g_autoptr(AdwToast) toast = g_weak_ref_get (&returning->toast);
  gint64 shown_ms = (g_get_monotonic_time () - returning->shown_at) / 1000;

  g_cancellable_cancel (returning->cancellable);
  g_clear_object (&returning->cancellable);
  if (toast != NULL && shown_ms >= MIN_TOAST_MS)
    adw_toast_dismiss (toast);
  else if (toast != NULL)
    {
      GWeakRef *ref = g_new0 (GWeakRef, 1);

      g_weak_ref_init (ref, toast);
      g_timeout_add_full (G_PRIORITY_DEFAULT, MIN_TOAST_MS - shown_ms, dismiss_later, ref,
                          (GDestroyNotify) weak_ref_free);
    }
  g_weak_ref_clear (&returning->toast);
  g_free (returning);
}

gboolean
fz_window_get_returning (FzWindow *self)
{
  g_return_val_if_fail (FZ_IS_WINDOW (self), FALSE);
  return g_object_get_data (G_OBJECT (self), "fz-returning") != NULL;
}

static void
show_error (FzWindow   *self,
            const char *heading,
            const char *message)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_open_returned (AdwToast *toast)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "fz-file");
  g_autofree char *uri = g_file_get_uri (file);

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

static void
on_returned (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(FzWindow) self = g_weak_ref_get (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GFile) file = NULL;

  g_weak_ref_clear (user_data);
  g_free (user_data);
  file = fz_return_export_write_finish (result, NULL, &message, &error);
  if (self == NULL)
    return;

  g_object_set_data (G_OBJECT (self), "fz-returning", NULL);
  _fz_window_rounds_update_actions (self, fz_window_get_current_report (self));

  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        /* A dialog, not a toast: the reviewer has to act on it. */
        show_error (self, _("Could Not Return the Report"), error->message);
      return;
    }

  {
    AdwToast *toast = adw_toast_new (message);

    adw_toast_set_button_label (toast, _("_Open"));
    g_object_set_data_full (G_OBJECT (toast), "fz-file", g_object_ref (file), g_object_unref);
    g_signal_connect (toast, "button-clicked", G_CALLBACK (on_open_returned), NULL);
    fz_window_add_toast (self, toast);
  }
}

void
fz_window_return_to_unit (FzWindow *self,
                          GFile    *file)
{
  FzReportPage *page;
  FzReport *report;
  Returning *returning;
  AdwToast *toast;
  GWeakRef *ref;

  g_return_if_fail (FZ_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  page = fz_window_get_current_report (self);
  if (page == NULL || fz_report_page_get_analysis (page) == NULL || fz_window_get_returning (self))
    return;
  report = fz_report_versions_get_report (fz_report_versions_for_page (page));

  /* The review as it stands goes out: what the reviewer just did is in it. */
  returning = g_new0 (Returning, 1);
  returning->cancellable = g_cancellable_new ();
  toast = adw_toast_new (_("Returning the report to its unit…"));
  adw_toast_set_timeout (toast, 0);
  g_weak_ref_init (&returning->toast, toast);
  returning->shown_at = g_get_monotonic_time ();
  fz_window_add_toast (self, toast);
  g_object_set_data_full (G_OBJECT (self), "fz-returning", returning, (GDestroyNotify) returning_free);
  _fz_window_rounds_update_actions (self, page);

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  fz_return_export_write_async (report, file, returning->cancellable, on_returned, ref);
}

static void
on_return_chosen (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(FzWindow) self = g_weak_ref_get (user_data);
  g_autoptr(GFile) file = fz_return_export_choose_finish (result, NULL);

  g_weak_ref_clear (user_data);
  g_free (user_data);
  if (self != NULL && file != NULL)
    fz_window_return_to_unit (self, file);
}

static void
return_to_unit_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);
  FzReportPage *page = fz_window_get_current_report (self);
  GWeakRef *ref;

  if (page == NULL || fz_report_page_get_analysis (page) == NULL || fz_window_get_returning (self))
    return;

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  fz_return_export_choose (fz_report_versions_get_report (fz_report_versions_for_page (page)),
                           GTK_WINDOW (self), NULL, on_return_chosen, ref);
}

/* The views ---------------------------------------------------------------- */

static void
on_reveal (FzReportPage *page,
           guint         start,
           guint         end)
{
  GtkWidget *tab_view = gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_TAB_VIEW);

  /* The passage in the page's own text, with its tab in front. */
  if (tab_view != NULL)
    adw_tab_view_set_selected_page (ADW_TAB_VIEW (tab_view),
                                    adw_tab_view_get_page (ADW_TAB_VIEW (tab_view), GTK_WIDGET (page)));
  fz_report_page_reveal_range (page, start, end);
}

/* A view's window, kept on its page: gone with the page's tab, or
 * already gone with the main window. */
typedef struct
{
  GWeakRef dialog;
} DialogRef;

static void
dialog_ref_free (DialogRef *ref)
{
  g_autoptr(GtkWindow) dialog = g_weak_ref_get (&ref->dialog);

  if (dialog != NULL)
    gtk_window_destroy (dialog);
  g_weak_ref_clear (&ref->dialog);
  g_free (ref);
}

static GtkWindow *
page_dialog (FzReportPage  *page,
             FzVersionKind  kind)
{
  DialogRef *ref = g_object_get_data (G_OBJECT (page), VIEW_KEY (kind));
  GtkWindow *dialog = ref != NULL ? g_weak_ref_get (&ref->dialog) : NULL;

  /* Borrowed: the toplevel list holds it while it is not destroyed. */
  if (dialog != NULL)
    g_object_unref (dialog);
  return dialog;
}

GtkWidget *
fz_window_get_version_view (FzWindow      *self,
                            FzReportPage  *page,
                            FzVersionKind  kind)
{
  GtkWindow *dialog;

  g_return_val_if_fail (FZ_IS_WINDOW (self), NULL);
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (page), NULL);

  dialog = page_dialog (page, kind);
  return dialog != NULL ? g_object_get_data (G_OBJECT (dialog), "fz-view") : NULL;
}

/* The view of @kind for @page, in a window of its own beside the main
 * one, made the first time. */
static GtkWidget *
ensure_view (FzWindow      *self,
             FzReportPage  *page,
             FzVersionKind  kind)
{
  FzReportVersions *versions = fz_report_versions_for_page (page);
  GtkWidget *dialog, *box, *header, *title, *view;
  const char *name;
  DialogRef *ref;

  if ((view = fz_window_get_version_view (self, page, kind)) != NULL)
    return view;

  if (kind == FZ_VERSION_REVISED)
    {
      view = fz_rounds_view_new ();
      g_object_bind_property (versions, "report", view, "report", G_BINDING_SYNC_CREATE);
      g_object_bind_property (versions, "first-report", view, "first-report", G_BINDING_SYNC_CREATE);
    }
  else
    {
      view = fz_history_view_new ();
      g_object_bind_property (versions, "report", view, "report", G_BINDING_SYNC_CREATE);
      g_object_bind_property (versions, "last-report", view, "last-report", G_BINDING_SYNC_CREATE);
    }
  gtk_widget_set_vexpand (view, TRUE);
  g_signal_connect_object (view, "reveal", G_CALLBACK (on_reveal), page, G_CONNECT_SWAPPED);

  name = kind == FZ_VERSION_REVISED ? _("Round Two") : _("Last Year");
  title = adw_window_title_new (name, NULL);
  g_object_bind_property (page, "title", title, "subtitle", G_BINDING_SYNC_CREATE);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), view);

  dialog = adw_window_new ();
  /* For the window list and screen readers; the header says it too. */
  gtk_window_set_title (GTK_WINDOW (dialog), name);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 520, 760);
  adw_window_set_content (ADW_WINDOW (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "fz-view", view);
  /* It goes with its page's tab. */
  ref = g_new0 (DialogRef, 1);
  g_weak_ref_init (&ref->dialog, dialog);
  g_object_set_data_full (G_OBJECT (page), VIEW_KEY (kind), ref, (GDestroyNotify) dialog_ref_free);

  return view;
}

GtkWidget *
fz_window_open_version (FzWindow      *self,
                        FzReportPage  *page,
                        FzVersionKind  kind,
                        GFile         *file)
{
  FzReportPage *shown = page;
  GtkWidget *view;

  g_return_val_if_fail (FZ_IS_WINDOW (self), NULL);
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (page), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (kind == FZ_VERSION_REVISED)
    {
      /* The revised version is the report under review now: its own tab,
       * following the review of the one in front. */
      FzReportPage *revised = fz_window_open_file (self, file);

      if (revised == NULL || revised == page)
        {
          fz_window_show_toast (self, _("This file is not a report that can be the revised version."));
          return NULL;
        }
      fz_report_versions_set_first_report (fz_report_versions_for_page (revised),
                                           fz_report_versions_get_report (fz_report_versions_for_page (page)));
      shown = revised;
    }
  else
    {
      FzReportPage *open_page = NULL;

      for (guint i = 0; i < fz_window_get_n_reports (self) && open_page == NULL; i++)
        if (g_file_equal (fz_report_page_get_file (fz_window_get_report (self, i)), file))
          open_page = fz_window_get_report (self, i);
      fz_report_versions_open_last_year (fz_report_versions_for_page (page), file, open_page);
    }

  view = ensure_view (self, shown, kind);
  gtk_window_present (GTK_WINDOW (gtk_widget_get_root (view)));
  _fz_window_rounds_update_actions (self, fz_window_get_current_report (self));
  return view;
}

typedef struct
{
  GWeakRef      window;
  GWeakRef      page;
  FzVersionKind kind;
} Choosing;

static void
on_version_chosen (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Choosing *choosing = user_data;
  g_autoptr(FzWindow) self = g_weak_ref_get (&choosing->window);
  g_autoptr(FzReportPage) page = g_weak_ref_get (&choosing->page);
  FzVersionKind kind = choosing->kind;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = fz_version_chooser_finish (result, &error);

  g_weak_ref_clear (&choosing->window);
  g_weak_ref_clear (&choosing->page);
  g_free (choosing);
  if (self == NULL || page == NULL)
    return;

  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fz_window_show_toast (self, error->message);
      return;
    }
  fz_window_open_version (self, page, kind, file);
}

static void
open_version_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);
  FzReportPage *page = fz_window_get_current_report (self);
  Choosing *choosing;

  if (page == NULL || fz_report_page_get_analysis (page) == NULL)
    return;

  choosing = g_new0 (Choosing, 1);
  g_weak_ref_init (&choosing->window, self);
  g_weak_ref_init (&choosing->page, page);
  choosing->kind = g_str_equal (action_name, "win.open-revised-version") ? FZ_VERSION_REVISED
                                                                         : FZ_VERSION_LAST_YEAR;
  fz_version_chooser_run (fz_report_versions_get_report (fz_report_versions_for_page (page)), choosing->kind,
                          GTK_WINDOW (self), NULL, on_version_chosen, choosing);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  FzWindow *self = FZ_WINDOW (widget);
  FzReportPage *page = fz_window_get_current_report (self);
  FzVersionKind kind = g_str_equal (action_name, "win.show-round-two") ? FZ_VERSION_REVISED : FZ_VERSION_LAST_YEAR;
  GtkWidget *view = page != NULL ? fz_window_get_version_view (self, page, kind) : NULL;

  if (view != NULL)
    gtk_window_present (GTK_WINDOW (gtk_widget_get_root (view)));
}

/* The actions ---------------------------------------------------------------- */

void
_fz_window_rounds_update_actions (FzWindow     *self,
                                  FzReportPage *page)
{
  gboolean loaded = page != NULL && fz_report_page_get_analysis (page) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.return-to-unit",
                                 loaded && !fz_window_get_returning (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-revised-version", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-last-year", loaded);
  /* A view closed comes back from the menu. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-round-two",
                                 page != NULL && fz_window_get_version_view (self, page, FZ_VERSION_REVISED) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-last-year",
                                 page != NULL && fz_window_get_version_view (self, page, FZ_VERSION_LAST_YEAR) != NULL);
}

void
_fz_window_rounds_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.return-to-unit", NULL, return_to_unit_action);
  gtk_widget_class_install_action (widget_class, "win.open-revised-version", NULL, open_version_action);
  gtk_widget_class_install_action (widget_class, "win.open-last-year", NULL, open_version_action);
  gtk_widget_class_install_action (widget_class, "win.show-round-two", NULL, show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-last-year", NULL, show_view_action);
}
