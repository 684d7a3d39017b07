/* fz-checks.h: form and language checks that produce findings
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-document.h"
#include "fz-finding.h"
#include "fz-metadata.h"

G_BEGIN_DECLS

/* Runs every check and returns the findings (FzFinding) sorted by position.
 * Thread-safe: lists and patterns are loaded once and shared. */
GPtrArray *fz_checks_run (FzDocument       *document,
                          GPtrArray        *sections,
                          const FzMetadata *metadata);

G_END_DECLS
