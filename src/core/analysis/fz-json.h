/* fz-json.h: the fazhi-check/1 JSON interface
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fz-analysis.h"

G_BEGIN_DECLS

#define FZ_JSON_SCHEMA "fazhi-check/1"

/* One entry of "reports".  Exactly one of @analysis and @error is set. */
JsonNode *fz_json_report      (const char    *file,
                               const char    *format,
                               const char    *ruleset_id,
                               FzAnalysis    *analysis,
                               const GError  *error,
                               gboolean       with_text);
/* {"schema": …, "reports": [...]}; takes the report nodes. */
char     *fz_json_document    (GPtrArray     *reports,
                               gboolean       pretty);
/* The "findings" array of a report: @findings (FzFinding) as JSON. */
JsonArray *fz_json_findings   (GPtrArray     *findings);

G_END_DECLS
