/* fz-report-pair.h: two reports a view compares, followed until both are read
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

typedef enum
{
  FZ_REPORT_PAIR_INCOMPLETE,      /* one of the two is not given */
  FZ_REPORT_PAIR_LOADING,         /* one is being read or checked */
  FZ_REPORT_PAIR_READY,           /* both are checked */
  FZ_REPORT_PAIR_FAILED,          /* one could not be read: see FzReportPair:message */
} FzReportPairState;

#define FZ_TYPE_REPORT_PAIR_STATE (fz_report_pair_state_get_type ())
GType fz_report_pair_state_get_type (void) G_GNUC_CONST;

#define FZ_TYPE_REPORT_PAIR (fz_report_pair_get_type ())

G_DECLARE_FINAL_TYPE (FzReportPair, fz_report_pair, FZ, REPORT_PAIR, GObject)

/* Emits "changed" whenever the pair is ready with analyses or reviews it
 * was not ready with before: once both are read, and again when either
 * report is checked again (another rule set) or read again. */
FzReportPair      *fz_report_pair_new         (void);
FzReport          *fz_report_pair_get_first   (FzReportPair *self);
void               fz_report_pair_set_first   (FzReportPair *self,
                                               FzReport     *report);
FzReport          *fz_report_pair_get_second  (FzReportPair *self);
void               fz_report_pair_set_second  (FzReportPair *self,
                                               FzReport     *report);
FzReportPairState  fz_report_pair_get_state   (FzReportPair *self);
/* Why the pair failed, in the reviewer's language; NULL otherwise. */
const char        *fz_report_pair_get_message (FzReportPair *self);

/* Shows on @stack the page a view over the pair is at: "waiting" (a
 * report not given), "loading" (@spinner spinning), "failed" with
 * @failed_page saying why (the pair's reason, else the view's own
 * @error), or "ready" once the view is @ready. */
void               fz_report_pair_show_page   (FzReportPair  *self,
                                               const char    *error,
                                               gboolean       ready,
                                               GtkStack      *stack,
                                               GtkSpinner    *spinner,
                                               AdwStatusPage *failed_page);

G_END_DECLS
