/* fz-report-adopt.c: a report read and checked by its owner, as a model to bind to
 *
 * The window's report page reads its report its own way and keeps the
 * reviewer's live review.  Views built on FzReport (round two, last
 * year, Return to Unit) bind to this instead: the page's analysis and its
 * very review object, never a copy, so what the reviewer confirms there
 * is in the review the page saves.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-report-private.h"

FzReport *
fz_report_new_adopted (GFile      *file,
                       FzAnalysis *analysis,
                       FzReview   *review)
{
  FzReport *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (analysis == NULL || FZ_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (review == NULL || FZ_IS_REVIEW (review), NULL);

  self = fz_report_new (file, NULL, NULL);
  fz_report_adopt (self, analysis, review);

  return self;
}

void
fz_report_adopt (FzReport   *self,
                 FzAnalysis *analysis,
                 FzReview   *review)
{
  const char *sha256;
  gboolean new_review;

  g_return_if_fail (FZ_IS_REPORT (self));
  g_return_if_fail (analysis == NULL || FZ_IS_ANALYSIS (analysis));
  g_return_if_fail (review == NULL || FZ_IS_REVIEW (review));

  /* A load of its own would replace what the owner gives. */
  _fz_report_restart (self);
  _fz_report_finish_pending (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                        "The report was given by its owner"));

  if (analysis == NULL)
    {
      /* The owner is reading it again. */
      _fz_report_set_stage (self, FZ_REPORT_STAGE_READING);
      return;
    }

  /* The review names the bytes the owner read. */
  sha256 = review != NULL ? fz_review_get_report_sha256 (review) : NULL;
  if (g_strcmp0 (self->sha256, sha256) != 0)
    {
      g_free (self->sha256);
      self->sha256 = g_strdup (sha256);
      _fz_report_notify (self, PROP_SHA256);
    }
  if (g_set_object (&self->document, fz_analysis_get_document (analysis)))
    _fz_report_notify (self, PROP_DOCUMENT);
  if (self->error != NULL)
    {
      g_clear_error (&self->error);
      _fz_report_notify (self, PROP_ERROR);
    }

  /* The review first: the checklist's items are made with it. */
  new_review = self->review != review;
  _fz_report_take_review (self, review);
  if (self->analysis != analysis || new_review)
    _fz_report_take_analysis (self, analysis);
  _fz_report_set_stage (self, FZ_REPORT_STAGE_READY);
}
