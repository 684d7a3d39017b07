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

static char *
dup_seeds_dir (void)
{
  const char *corpus = g_getenv ("FAZHI_CORPUS_DIR");

  return g_build_filename (corpus != NULL ? corpus : "../shared/corpus", "seeds", NULL);
}

/* g_ptr_array_sort() hands the comparison pointers to the elements. */
static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
bench_list_seeds (void)
{
  g_autofree char *seeds = dup_seeds_dir ();
  g_autoptr(GDir) dir = g_dir_open (seeds, 0, NULL);
  GPtrArray *paths;
  const char *name;

  if (dir == NULL)
    return NULL;

  paths = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (paths, g_build_filename (seeds, name, NULL));
  g_ptr_array_sort (paths, compare_paths);

  return paths;
}
