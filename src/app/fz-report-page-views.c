/* fz-report-page-views.c: the side pane's views that a page makes late
 *
 * A new tab makes only what its first frames show: the text, the
 * outline, the checklist, the problems and the annotations.  The score,
 * the filing record and the memo are made the first time the reviewer
 * shows them (or exports the memo); round two and last year once their
 * other report is set beside the page's.  Made up front they were a
 * third of a new tab's making, and most reports are reviewed without
 * them.  Each is bound to the page's FzReport (and to FzReportVersions)
 * when made, so it shows the same as if it had been there all along.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-report-page-private.h"
#include "fz-report-versions.h"

/* Puts @view into @bin; its @reveal signal shows a range of the text. */
static gpointer
adopt (FzReportPage *self,
       AdwBin       *bin,
       GtkWidget    *view,
       const char   *reveal)
{
  if (reveal != NULL)
    g_signal_connect_object (view, reveal, G_CALLBACK (_fz_report_page_on_reveal), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (bin, view);

  return view;
}

static void
bind_to_memo (GtkWidget  *view,
              const char *property,
              FzMemoView *memo_view)
{
  if (view != NULL && memo_view != NULL)
    g_object_bind_property (view, property, memo_view, property, G_BINDING_SYNC_CREATE);
}

FzFilingView *
_fz_report_page_ensure_filing_view (FzReportPage *self)
{
  if (self->filing_view == NULL)
    {
      self->filing_view = adopt (self, self->filing_bin, fz_filing_view_new (), "reveal-range");
      fz_filing_view_set_report (self->filing_view, self->report);
    }

  return self->filing_view;
}

FzScoreView *
_fz_report_page_ensure_score_view (FzReportPage *self)
{
  if (self->score_view == NULL)
    {
      self->score_view = adopt (self, self->score_bin, fz_score_view_new (), "reveal-range");
      fz_score_view_set_report (self->score_view, self->report);
    }

  return self->score_view;
}

FzMemoView *
_fz_report_page_ensure_memo_view (FzReportPage *self)
{
  if (self->memo_view == NULL)
    {
      self->memo_view = adopt (self, self->memo_bin, g_object_new (FZ_TYPE_MEMO_VIEW, NULL), NULL);
      /* The report's own score, as the score view shows it. */
      g_object_bind_property (self->report, "score", self->memo_view, "score", G_BINDING_SYNC_CREATE);
      bind_to_memo (GTK_WIDGET (self->rounds_view), "rounds", self->memo_view);
      bind_to_memo (GTK_WIDGET (self->history_view), "history", self->memo_view);
      fz_memo_view_set_report (self->memo_view, self->report);
      fz_memo_view_set_review (self->memo_view, self->review);
      fz_memo_view_set_analysis (self->memo_view, self->analysis);
    }

  return self->memo_view;
}

static void
ensure_version_views (FzReportPage *self)
{
  FzReportVersions *versions = fz_report_versions_for_page (self);

  if (self->rounds_view == NULL && fz_report_versions_get_first_report (versions) != NULL)
    {
      self->rounds_view = adopt (self, self->rounds_bin, fz_rounds_view_new (), "reveal");
      fz_report_versions_bind_view (versions, GTK_WIDGET (self->rounds_view), "first-report");
      bind_to_memo (GTK_WIDGET (self->rounds_view), "rounds", self->memo_view);
    }
  if (self->history_view == NULL && fz_report_versions_get_last_report (versions) != NULL)
    {
      self->history_view = adopt (self, self->history_bin, fz_history_view_new (), "reveal");
      fz_report_versions_bind_view (versions, GTK_WIDGET (self->history_view), "last-report");
      bind_to_memo (GTK_WIDGET (self->history_view), "history", self->memo_view);
    }
}

void
_fz_report_page_attach_versions (FzReportPage *self)
{
  FzReportVersions *versions = fz_report_versions_for_page (self);

  fz_report_versions_attach (versions, self->round_two_page, self->last_year_page);
  g_signal_connect_object (versions, "notify::first-report", G_CALLBACK (ensure_version_views), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (versions, "notify::last-report", G_CALLBACK (ensure_version_views), self,
                           G_CONNECT_SWAPPED);
  ensure_version_views (self);
}

void
_fz_report_page_ensure_shown_view (FzReportPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "filing") == 0)
    _fz_report_page_ensure_filing_view (self);
  else if (g_strcmp0 (name, "score") == 0)
    _fz_report_page_ensure_score_view (self);
  else if (g_strcmp0 (name, "memo") == 0)
    _fz_report_page_ensure_memo_view (self);
}
