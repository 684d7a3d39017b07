/* fz-report-versions.c: a page's report and the other versions set beside it
 *
 * The report page reads its report its own way; round two and last year
 * need it as an FzReport, and the other report beside it.  This keeps,
 * for one page, the page's report adopted as an FzReport (the page's
 * analysis and its live review, so a state the reviewer confirms is in
 * the review the page saves) and the other versions, read here.  The
 * views bind to these three properties; nothing is copied into them.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-application.h"
#include "fz-report-versions.h"

struct _FzReportVersions
{
  GObject       parent_instance;

  FzReportPage *page;             /* weak: the page owns this */
  FzReport     *report;
  FzReport     *first;            /* another tab's */
  FzReport     *last;
  gboolean      last_is_ours;     /* read here, not another tab's */
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

/* The reviews of the versions opened beside a report: the application's
 * store, one live review per report for the whole program, else (a view
 * tested without the application) one of the process's own. */
static FzReviewStore *
other_reviews (void)
{
  static FzReviewStore *own;
  GApplication *app = g_application_get_default ();

  if (FZ_IS_APPLICATION (app))
    return fz_application_get_reviews (FZ_APPLICATION (app));
  if (own == NULL)
    own = fz_review_store_new (NULL);
  return own;
}

/* The page read or checked its report again, or started to. */
static void
on_page_analysis (FzReportVersions *self)
{
  FzAnalysis *analysis = self->page != NULL ? fz_report_page_get_analysis (self->page) : NULL;

  fz_report_adopt (self->report, analysis, analysis != NULL ? fz_report_page_get_review (self->page) : NULL);
}

static void
on_page_gone (gpointer  data,
              GObject  *where_the_page_was)
{
  FzReportVersions *self = data;

  self->page = NULL;
}

FzReportVersions *
fz_report_versions_for_page (FzReportPage *page)
{
  FzReportVersions *self;

  g_return_val_if_fail (FZ_IS_REPORT_PAGE (page), NULL);

  if ((self = g_object_get_data (G_OBJECT (page), "fz-report-versions")) != NULL)
    return self;

  self = g_object_new (FZ_TYPE_REPORT_VERSIONS, NULL);
  self->page = page;
  g_object_weak_ref (G_OBJECT (page), on_page_gone, self);
  self->report = fz_report_new (fz_report_page_get_file (page), NULL, NULL);
  g_signal_connect_object (page, "notify::analysis", G_CALLBACK (on_page_analysis), self, G_CONNECT_SWAPPED);
  on_page_analysis (self);
  g_object_set_data_full (G_OBJECT (page), "fz-report-versions", self, g_object_unref);

  return self;
}

FzReportPage *
fz_report_versions_get_page (FzReportVersions *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_VERSIONS (self), NULL);
  return self->page;
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

  if (self->last == last)
    return;
  /* Its reading is of no use any more. */
  if (self->last != NULL && self->last_is_ours)
    fz_report_cancel (self->last);
  g_set_object (&self->last, last);
  self->last_is_ours = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_REPORT]);
}

void
fz_report_versions_open_last_year (FzReportVersions *self,
                                   GFile            *file,
                                   FzReportPage     *open_page)
{
  g_autoptr(FzReport) report = NULL;

  g_return_if_fail (FZ_IS_REPORT_VERSIONS (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (open_page == NULL || FZ_IS_REPORT_PAGE (open_page));

  /* The tab's own report and review: one live review of that report. */
  if (open_page != NULL && open_page != self->page && g_file_equal (fz_report_page_get_file (open_page), file))
    {
      fz_report_versions_set_last_report (self, fz_report_versions_get_report (fz_report_versions_for_page (open_page)));
      return;
    }

  /* Read in workers; the view shows its progress or why it failed. */
  report = fz_report_new (file, other_reviews (), NULL);
  fz_report_versions_set_last_report (self, report);
  self->last_is_ours = TRUE;
  fz_report_load_async (report, NULL, NULL, NULL);
}

static void
fz_report_versions_dispose (GObject *object)
{
  FzReportVersions *self = FZ_REPORT_VERSIONS (object);

  if (self->page != NULL)
    g_object_weak_unref (G_OBJECT (self->page), on_page_gone, self);
  self->page = NULL;
  if (self->last != NULL && self->last_is_ours)
    fz_report_cancel (self->last);
  g_clear_object (&self->last);
  g_clear_object (&self->first);
  g_clear_object (&self->report);

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
