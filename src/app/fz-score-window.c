/* fz-score-window.c: a report's score, filing and publication, beside the window
 *
 * The report page's side pane is the checklist's; the bureau's score and
 * the filing record are a second look at the same report, so they stand
 * in a window of their own that the reviewer keeps beside the main one.
 * It holds nothing but the report: switching tabs gives it the next one.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-score-window.h"

struct _FzScoreWindow
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkMenuButton  *tables_button;
  AdwViewStack   *view_stack;
  FzScoreView    *score_view;
  FzFilingView   *filing_view;

  FzReport       *report;
};

G_DEFINE_FINAL_TYPE (FzScoreWindow, fz_score_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

enum {
  REVEAL_RANGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_title (FzScoreWindow *self)
{
  const char *name = self->report != NULL ? fz_report_get_display_name (self->report) : NULL;

  adw_window_title_set_subtitle (self->window_title, name != NULL ? name : "");
}

static void
on_reveal_range (FzScoreWindow *self,
                 guint          start,
                 guint          end)
{
  g_signal_emit (self, signals[REVEAL_RANGE], 0, start, end);
}

FzReport *
fz_score_window_get_report (FzScoreWindow *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_WINDOW (self), NULL);

  return self->report;
}

void
fz_score_window_set_report (FzScoreWindow *self,
                            FzReport      *report)
{
  g_return_if_fail (FZ_IS_SCORE_WINDOW (self));
  g_return_if_fail (report == NULL || FZ_IS_REPORT (report));

  if (self->report == report)
    return;

  if (self->report != NULL)
    g_signal_handlers_disconnect_by_data (self->report, self);
  g_set_object (&self->report, report);
  if (report != NULL)
    g_signal_connect_object (report, "notify::display-name", G_CALLBACK (update_title), self,
                             G_CONNECT_SWAPPED);
  fz_score_view_set_report (self->score_view, report);
  fz_filing_view_set_report (self->filing_view, report);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

void
fz_score_window_show_view (FzScoreWindow *self,
                           const char    *name)
{
  g_return_if_fail (FZ_IS_SCORE_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

void
fz_score_window_set_tables_menu (FzScoreWindow *self,
                                 GMenuModel    *menu,
                                 GActionGroup  *actions)
{
  g_return_if_fail (FZ_IS_SCORE_WINDOW (self));
  g_return_if_fail (actions == NULL || G_IS_ACTION_GROUP (actions));

  gtk_menu_button_set_menu_model (self->tables_button, menu);
  gtk_widget_set_visible (GTK_WIDGET (self->tables_button), menu != NULL);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "win", actions);
}

FzScoreView *
fz_score_window_get_score_view (FzScoreWindow *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_WINDOW (self), NULL);

  return self->score_view;
}

FzFilingView *
fz_score_window_get_filing_view (FzScoreWindow *self)
{
  g_return_val_if_fail (FZ_IS_SCORE_WINDOW (self), NULL);

  return self->filing_view;
}

static void
fz_score_window_dispose (GObject *object)
{
  FzScoreWindow *self = FZ_SCORE_WINDOW (object);

  if (self->report != NULL)
    g_signal_handlers_disconnect_by_data (self->report, self);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (fz_score_window_parent_class)->dispose (object);
}

static void
fz_score_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FzScoreWindow *self = FZ_SCORE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_score_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FzScoreWindow *self = FZ_SCORE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      fz_score_window_set_report (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_score_window_class_init (FzScoreWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_score_window_dispose;
  object_class->get_property = fz_score_window_get_property;
  object_class->set_property = fz_score_window_set_property;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, FZ_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[REVEAL_RANGE] =
    g_signal_new ("reveal-range", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  g_type_ensure (FZ_TYPE_SCORE_VIEW);
  g_type_ensure (FZ_TYPE_FILING_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-score-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FzScoreWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FzScoreWindow, tables_button);
  gtk_widget_class_bind_template_child (widget_class, FzScoreWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FzScoreWindow, score_view);
  gtk_widget_class_bind_template_child (widget_class, FzScoreWindow, filing_view);
  gtk_widget_class_bind_template_callback (widget_class, on_reveal_range);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fz_score_window_init (FzScoreWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fz_score_window_new (GtkWindow *parent)
{
  return g_object_new (FZ_TYPE_SCORE_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
}
