/* fz-test-devset.h: the reports of the development set, as the test builds them
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int   level;                    /* 1 = 一、, 2 = （一）, 3 = 1. */
  char *marker;
  char *heading;
  char *element;                  /* "none", an element id, or "a|b" */
} FzDevsetHeading;

typedef struct
{
  char      *id;
  guint      number;              /* 4 for p004 */
  char      *body;
  char      *level;
  int        year;
  char      *title;               /* NULL when none is visible */
  char      *addressee;
  char      *doc_number;
  gboolean   traditional;
  GPtrArray *headings;            /* FzDevsetHeading */
} FzDevsetRow;

typedef enum
{
  FZ_DEVSET_OFFICIAL,
  FZ_DEVSET_WEB,
  FZ_DEVSET_FLAT,
} FzDevsetBuild;

/* The rows of @dir/openings.tsv with their headings.tsv rows, or NULL
 * when the set is not there. */
GPtrArray *fz_devset_load          (const char          *dir);
void       fz_devset_row_free      (FzDevsetRow         *row);
/* The report built from @row. */
char      *fz_devset_build         (const FzDevsetRow   *row,
                                    FzDevsetBuild        build);
/* Where a flattened page ran a sub-heading into its parent's heading: the
 * marker's byte offset in @heading, or -1. */
gssize     fz_devset_run_on_marker (const char          *heading);

G_END_DECLS
