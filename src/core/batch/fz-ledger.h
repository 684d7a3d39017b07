/* fz-ledger.h: the batch as a spreadsheet, one row per report
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-batch.h"

G_BEGIN_DECLS

/* The ledger as CSV (RFC 4180: CRLF line ends, fields with a comma, quote
 * or line break quoted, quotes doubled), UTF-8 with a BOM so that Excel
 * reads the Chinese right.  Headers are in the reviewer's language. */
char     *fz_ledger_to_csv     (FzBatch     *batch);
/* Writes the ledger to @path, as .xlsx (status cells coloured) or .csv by
 * the name's extension; the file is replaced atomically. */
gboolean  fz_ledger_write      (FzBatch     *batch,
                                const char  *path,
                                GError     **error);

G_END_DECLS
