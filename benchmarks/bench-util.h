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

/* The reference corpus's seed reports: $FAZHI_CORPUS_DIR/seeds, else
 * ../shared/corpus/seeds.  It may not be there. */
char  *bench_dup_seeds_dir (void);

G_END_DECLS
