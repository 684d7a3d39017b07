/* fz-checks.h: form, language, figure and substance checks that produce findings
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-coverage.h"
#include "fz-document.h"
#include "fz-finding.h"
#include "fz-metadata.h"

G_BEGIN_DECLS

/* Runs every check with the default settings and returns the findings
 * (FzFinding) sorted by position.  The figures are extracted here.
 * Thread-safe: lists and patterns are loaded once and shared. */
GPtrArray *fz_checks_run      (FzDocument       *document,
                               GPtrArray        *sections,
                               const FzMetadata *metadata);

/* Like fz_checks_run(), with the figures already extracted (nullable) and
 * the checks switched and tuned by @rules (nullable: the defaults).  The
 * sections should carry the checklist elements fz_checker_run() gave them:
 * the substance checks read the achievements, shortcomings and plan parts
 * through them.  @coverage (nullable) receives the 纲要 areas
 * (FzCoverageArea), empty when the check is off or the outline does not
 * apply to the report year. */
GPtrArray *fz_checks_run_full (FzDocument       *document,
                               GPtrArray        *sections,
                               const FzMetadata *metadata,
                               GPtrArray        *figures,
                               FzRuleSet        *rules,
                               GPtrArray       **coverage);

/* Every finding id a rule set may name: the checks on the text, in the
 * order they run, then the findings about the report's filing and
 * publication (filed_late, published_late, published_differs); free with
 * g_strfreev().  The same as fz_check_registry_list_ids(). */
char     **fz_checks_list_ids (void);

/* The rule a finding rests on, as it is cited at the end of its message,
 * or NULL. */
const char *fz_checks_get_source (const char *id);

G_END_DECLS
