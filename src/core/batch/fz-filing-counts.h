/* fz-filing-counts.h: how many reports came in and were published on time
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fz-filing.h"

G_BEGIN_DECLS

/* How many reports of the batch (last year's left out) were received and
 * published, and how many of them on time: 报送率 and 公开率. */
typedef struct
{
  guint reports;
  guint received;                 /* with a 收文日期 */
  guint filed_on_time;
  guint filed_late;
  guint published;                /* with a 公开日期 */
  guint published_on_time;
  guint published_late;
} FzFilingCounts;

/* Counts @filing, filed and published with the timeliness given. */
void fz_filing_counts_add             (FzFilingCounts *counts,
                                       FzFiling       *filing,
                                       FzTimeliness    filed,
                                       FzTimeliness    published);
/* "; filing rate …; publication rate …" when any date is recorded. */
void _fz_filing_counts_append_summary (const FzFilingCounts *counts,
                                       GString              *out);
/* A saved filing record; values it cannot take are left out. */
void _fz_filing_from_json             (FzFiling       *filing,
                                       JsonObject     *o);

G_END_DECLS
