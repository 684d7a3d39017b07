/* bench-util.h: what the benchmarks measure with
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The median of @samples (doubles, at least one), which it sorts: one slow
 * run of a machine shared with others moves it less than the mean. */
double bench_median        (GArray *samples);

/* The paths of the reference corpus's seed reports (the .txt files of
 * $FAZHI_CORPUS_DIR/seeds, else ../shared/corpus/seeds) in name order, or
 * NULL when it is not there. */
GPtrArray *bench_list_seeds (void);

G_END_DECLS
