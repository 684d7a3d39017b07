/* fz-occurrence-list.h: the occurrences of a kind of problem, made as shown
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_OCCURRENCE_LIST (fz_occurrence_list_get_type ())

/* A GListModel of FzFindingItem, one per finding of @findings (FzFinding,
 * borrowed from @analysis, as an FzProblem holds them).  An item is made
 * the first time it is asked for: a kind with thousands of occurrences
 * costs nothing until the reviewer expands it, and then only the rows in
 * sight. */
G_DECLARE_FINAL_TYPE (FzOccurrenceList, fz_occurrence_list, FZ, OCCURRENCE_LIST, GObject)

FzOccurrenceList *fz_occurrence_list_new (FzAnalysis *analysis,
                                          GPtrArray  *findings);

G_END_DECLS
