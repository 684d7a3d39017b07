/* libfazhi.h: the analysis engine of Fazhi Review (no GTK)
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-analysis.h"
#include "fz-checklist-item.h"
#include "fz-annotation.h"
#include "fz-batch.h"
#include "fz-check-registry.h"
#include "fz-checker.h"
#include "fz-checks.h"
#include "fz-compare.h"
#include "fz-copy.h"
#include "fz-coverage.h"
#include "fz-document.h"
#include "fz-enums.h"
#include "fz-error.h"
#include "fz-figures.h"
#include "fz-file-util.h"
#include "fz-filing.h"
#include "fz-finding.h"
#include "fz-formats.h"
#include "fz-history.h"
#include "fz-import.h"
#include "fz-json.h"
#include "fz-labels.h"
#include "fz-ledger.h"
#include "fz-memo.h"
#include "fz-metadata.h"
#include "fz-object-util.h"
#include "fz-thread-util.h"
#include "fz-outline.h"
#include "fz-places.h"
#include "fz-published.h"
#include "fz-regex.h"
#include "fz-report.h"
#include "fz-review.h"
#include "fz-review-saver.h"
#include "fz-return.h"
#include "fz-round-point.h"
#include "fz-rounds.h"
#include "fz-review-store.h"
#include "fz-ruleset.h"
#include "fz-ruleset-store.h"
#include "fz-score.h"
#include "fz-score-item.h"
#include "fz-score-table.h"
#include "fz-score-table-list.h"
#include "fz-text-util.h"
#include "fz-textsim.h"
#include "fz-types.h"

G_BEGIN_DECLS

/* Binds the engine's message catalog; call once before analysing. */
void        fz_init           (void);
/* Where the message catalogs are: $FAZHI_LOCALEDIR, else the build
 * folder's po/ when the program runs from a build folder, else the
 * installed locale folder. */
const char *fz_get_locale_dir (void);

G_END_DECLS
