/* bench-util.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-util.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
bench_median (GArray *samples)
{
  g_return_val_if_fail (samples != NULL && samples->len > 0, 0);

  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

char *
bench_dup_seeds_dir (void)
{
  const char *corpus = g_getenv ("FAZHI_CORPUS_DIR");

  return g_build_filename (corpus != NULL ? corpus : "../shared/corpus", "seeds", NULL);
}
