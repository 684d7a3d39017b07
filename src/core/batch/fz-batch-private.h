/* fz-batch-private.h: what fz-batch-filing.c gives fz-batch.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fz-batch.h"

G_BEGIN_DECLS

/* "; filing rate …; publication rate …" when any date is recorded. */
void _fz_batch_append_filing_summary (FzBatch    *self,
                                      GString    *out);
/* A saved batch's filing record; values it cannot take are left out. */
void _fz_batch_filing_from_json      (FzFiling   *filing,
                                      JsonObject *o);

G_END_DECLS
