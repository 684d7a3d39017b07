/* fz-report-versions.c: a page's report and the other versions set beside it
 *
 * Round two compares a page's report with its first version, the
 * last-year view with the unit's report of the year before.  This keeps
 * the three FzReports of one page; the views and their pages of the side
 * pane bind to its properties, so nothing is copied into them and a
 * report read again or checked with another rule set reaches them at once.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-report-versions.h"

struct _FzReportVersions
{
  GObject   parent_instance;

  FzReport *report;               /* the page's */
  FzReport *first;                /* another tab's */
  FzReport *last;
};

G_DEFINE_FINAL_TYPE (FzReportVersions, fz_report_versions, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_FIRST_REPORT,
  PROP_LAST_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

FzReportVersions *
fz_report_versions_for_page (FzReportPage *page)
{
  FzReportVersions *self;

  g_return_val_if_fail (FZ_IS_REPORT_PAGE (page), NULL);

  if ((self = g_object_get_data (G_OBJECT (page), "fz-report-versions")) != NULL)
    return self;

  self = g_object_new (FZ_TYPE_REPORT_VERSIONS, NULL);
  self->report = g_object_ref (fz_report_page_get_report (page));
  g_object_set_data_full (G_OBJECT (page), "fz-report-versions", self, g_object_unref);

  return self;
}

FzReport *
fz_report_versions_get_report (FzReportVersions *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_VERSIONS (self), NULL);
  return self->report;
}

FzReport *
fz_report_versions_get_first_report (FzReportVersions *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_VERSIONS (self), NULL);
  return self->first;
}

FzReport *
fz_report_versions_get_last_report (FzReportVersions *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_VERSIONS (self), NULL);
  return self->last;
}

void
fz_report_versions_set_first_report (FzReportVersions *self,
                                     FzReport         *first)
{
  g_return_if_fail (FZ_IS_REPORT_VERSIONS (self));
  g_return_if_fail (first == NULL || FZ_IS_REPORT (first));
  g_return_if_fail (first == NULL || first != self->report);

  if (g_set_object (&self->first, first))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_REPORT]);
}

void
fz_report_versions_set_last_report (FzReportVersions *self,
                                    FzReport         *last)
{
  g_return_if_fail (FZ_IS_REPORT_VERSIONS (self));
  g_return_if_fail (last == NULL || FZ_IS_REPORT (last));
  g_return_if_fail (last == NULL || last != self->report);

  if (g_set_object (&self->last, last))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_REPORT]);
}

static gboolean
is_set (GBinding     *binding,
        const GValue *from,
        GValue       *to,
        gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_object (from) != NULL);
  return TRUE;
}

void
fz_report_versions_attach (FzReportVersions *self,
                           AdwViewStackPage *round_two_page,
                           AdwViewStackPage *last_year_page)
{
  g_return_if_fail (FZ_IS_REPORT_VERSIONS (self));

  g_object_bind_property_full (self, "first-report", round_two_page, "visible", G_BINDING_SYNC_CREATE,
                               is_set, NULL, NULL, NULL);
  g_object_bind_property_full (self, "last-report", last_year_page, "visible", G_BINDING_SYNC_CREATE,
                               is_set, NULL, NULL, NULL);
}

void
fz_report_versions_bind_view (FzReportVersions *self,
                              GtkWidget        *view,
                              const char       *version)
{
  g_return_if_fail (FZ_IS_REPORT_VERSIONS (self));
  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (g_str_equal (version, "first-report") || g_str_equal (version, "last-report"));

  g_object_bind_property (self, "report", view, "report", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, version, view, version, G_BINDING_SYNC_CREATE);
}

static void
fz_report_versions_dispose (GObject *object)
{
  FzReportVersions *self = FZ_REPORT_VERSIONS (object);

  g_clear_object (&self->report);
  g_clear_object (&self->first);
  g_clear_object (&self->last);

  G_OBJECT_CLASS (fz_report_versions_parent_class)->dispose (object);
}

static void
fz_report_versions_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FzReportVersions *self = FZ_REPORT_VERSIONS (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_FIRST_REPORT:
      g_value_set_object (value, self->first);
      break;
    case PROP_LAST_REPORT:
      g_value_set_object (value, self->last);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_report_versions_class_init (FzReportVersionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fz_report_versions_dispose;
  object_class->get_property = fz_report_versions_get_property;

  properties[PROP_REPORT] = g_param_spec_object ("report", NULL, NULL, FZ_TYPE_REPORT, ro);
  properties[PROP_FIRST_REPORT] = g_param_spec_object ("first-report", NULL, NULL, FZ_TYPE_REPORT, ro);
  properties[PROP_LAST_REPORT] = g_param_spec_object ("last-report", NULL, NULL, FZ_TYPE_REPORT, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_report_versions_init (FzReportVersions *self)
{
}
