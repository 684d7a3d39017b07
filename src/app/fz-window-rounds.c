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
#include "fz-window-private.h"
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
        _fz_window_show_error (self, _("Could Not Return the Report"), error->message);
      return;
    }

  _fz_window_show_file_toast (self, message, file);
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

  page = _fz_window_get_read_report (self);
  if (page == NULL || fz_window_get_returning (self))
    return;
  report = fz_report_page_get_report (page);

  /* The review as it stands goes out: what the reviewer just did is in it. */
  returning = g_new0 (Returning, 1);
  returning->cancellable = g_cancellable_new ();
  toast = adw_toast_new (_("Returning the report to its unit…"));
  adw_toast_set_timeout (toast, 0);
  g_weak_ref_init (&returning->toast, toast);
  returning->shown_at = g_get_monotonic_time ();
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  g_object_set_data_full (G_OBJECT (self), "fz-returning", returning, (GDestroyNotify) returning_free);
  _fz_window_rounds_update_actions (self, page);

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  fz_return_export_write_async (report, file, returning->cancellable, on_returned, ref);
}

/* One dialog of these actions at a time in a window: a new one closes the
 * one before, unanswered. */
static GCancellable *
new_dialog (FzWindow *self)
{
  GCancellable *previous = g_object_get_data (G_OBJECT (self), "fz-rounds-dialog");
  GCancellable *cancellable = g_cancellable_new ();

  if (previous != NULL)
    g_cancellable_cancel (previous);
  g_object_set_data_full (G_OBJECT (self), "fz-rounds-dialog", cancellable, g_object_unref);
  return cancellable;
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
  FzReportPage *page = _fz_window_get_read_report (self);
  GWeakRef *ref;

  if (page == NULL || fz_window_get_returning (self))
    return;

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  fz_return_export_choose (fz_report_page_get_report (page),
                           GTK_WINDOW (self), new_dialog (self), on_return_chosen, ref);
}

/* The views ---------------------------------------------------------------- */

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
fz_window_get_version_view (FzWindow      *self,
                            FzReportPage  *page,
                            FzVersionKind  kind)
{
  g_return_val_if_fail (FZ_IS_WINDOW (self), NULL);
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (page), NULL);

  return find_descendant (GTK_WIDGET (page), kind == FZ_VERSION_REVISED ? FZ_TYPE_ROUNDS_VIEW : FZ_TYPE_HISTORY_VIEW);
}

static FzReportPage *
find_tab (FzWindow *self,
          GFile    *file)
{
  for (guint i = 0; i < fz_window_get_n_reports (self); i++)
    {
      FzReportPage *page = fz_window_get_report (self, i);

      if (g_file_equal (fz_report_page_get_file (page), file))
        return page;
    }
  return NULL;
}

GtkWidget *
fz_window_open_version (FzWindow      *self,
                        FzReportPage  *page,
                        FzVersionKind  kind,
                        GFile         *file)
{
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
      fz_report_versions_set_first_report (fz_report_versions_for_page (revised), fz_report_page_get_report (page));
      fz_report_page_show_view (revised, "round-two");
      return fz_window_get_version_view (self, revised, kind);
    }
  else
    {
      /* The tab's own report and live review when it is open; else read
       * with the application's stores, its saved review with it. */
      FzReportPage *open_page = find_tab (self, file);
      g_autoptr(FzReport) last = NULL;

      if (open_page != NULL && open_page != page)
        last = g_object_ref (fz_report_page_get_report (open_page));
      else
        {
          last = _fz_window_new_report (self, file);
          fz_report_load_async (last, NULL, NULL, NULL);
        }
      fz_report_versions_set_last_report (fz_report_versions_for_page (page), last);
      fz_report_page_show_view (page, "last-year");
      return fz_window_get_version_view (self, page, kind);
    }
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
  FzReportPage *page = _fz_window_get_read_report (self);
  Choosing *choosing;

  if (page == NULL)
    return;

  choosing = g_new0 (Choosing, 1);
  g_weak_ref_init (&choosing->window, self);
  g_weak_ref_init (&choosing->page, page);
  choosing->kind = g_str_equal (action_name, "win.open-revised-version") ? FZ_VERSION_REVISED
                                                                         : FZ_VERSION_LAST_YEAR;
  fz_version_chooser_run (fz_report_page_get_report (page), choosing->kind,
                          GTK_WINDOW (self), new_dialog (self), on_version_chosen, choosing);
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
}

void
_fz_window_rounds_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.return-to-unit", NULL, return_to_unit_action);
  gtk_widget_class_install_action (widget_class, "win.open-revised-version", NULL, open_version_action);
  gtk_widget_class_install_action (widget_class, "win.open-last-year", NULL, open_version_action);
}
