/* fz-analysis.h: everything the engine concludes about one report
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fz-checker.h"
#include "fz-coverage.h"
#include "fz-document.h"
#include "fz-figures.h"
#include "fz-finding.h"
#include "fz-metadata.h"
#include "fz-outline.h"
#include "fz-ruleset.h"

G_BEGIN_DECLS

#define FZ_TYPE_ANALYSIS (fz_analysis_get_type ())

G_DECLARE_FINAL_TYPE (FzAnalysis, fz_analysis, FZ, ANALYSIS, GObject)

/* Runs outline, metadata, figures, the checklist and the checks.  Pure
 * computation on immutable inputs: safe to call from a worker thread. */
FzAnalysis       *fz_analysis_new           (FzDocument *document,
                                             FzRuleSet  *rules);

FzDocument       *fz_analysis_get_document  (FzAnalysis *self);
FzRuleSet        *fz_analysis_get_ruleset   (FzAnalysis *self);
const FzMetadata *fz_analysis_get_metadata  (FzAnalysis *self);
GPtrArray        *fz_analysis_get_sections  (FzAnalysis *self);  /* FzSection */
GPtrArray        *fz_analysis_get_figures   (FzAnalysis *self);  /* FzFigure */
GPtrArray        *fz_analysis_get_elements  (FzAnalysis *self);  /* FzElementResult */
GPtrArray        *fz_analysis_get_findings  (FzAnalysis *self);  /* FzFinding */
GPtrArray        *fz_analysis_get_coverage  (FzAnalysis *self);  /* FzCoverageArea */
const FzElementResult *fz_analysis_find_element (FzAnalysis *self,
                                                 const char *id);

G_END_DECLS
