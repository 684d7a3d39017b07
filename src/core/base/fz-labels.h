/* fz-labels.h: what the shared enumerations are called, in one place
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-types.h"

G_BEGIN_DECLS

/* In the reviewer's language: the window, the ledger, the checker's text. */
const char *fz_status_get_label      (FzStatus   status);
const char *fz_severity_get_label    (FzSeverity severity);
/* "" for FZ_LEVEL_UNKNOWN. */
const char *fz_level_get_label       (FzLevel    level);

/* The same as words inside a line of text ("missing", "error",
 * "county"), in the reviewer's language: the checker's text report. */
const char *fz_status_get_word       (FzStatus   status);
const char *fz_severity_get_word     (FzSeverity severity);
/* "unknown" for FZ_LEVEL_UNKNOWN. */
const char *fz_level_get_word        (FzLevel    level);

/* Always Chinese: for what goes to the reporting unit (the memo, the
 * returned document), whatever the reviewer's desktop language. */
const char *fz_status_get_label_zh   (FzStatus   status);
const char *fz_level_get_label_zh    (FzLevel    level);

G_END_DECLS
