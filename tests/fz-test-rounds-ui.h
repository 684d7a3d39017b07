/* fz-test-rounds-ui.h: what the round-two, last-year and return tests share
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "libfazhi.h"
#include "fz-history-view.h"
#include "fz-round-row.h"
#include "fz-rounds-view.h"
#include "fz-window-test-utils.h"

G_BEGIN_DECLS

typedef struct
{
  guint n;
  guint start;
  guint end;
} Revealed;

/* fz_test_window_init(), the views' resources, and reviews kept in a
 * folder of the run's data folder. */
void          fz_test_rounds_init     (int         *argc,
                                       char      ***argv);
int           fz_test_rounds_run      (void);
FzReviewStore *fz_test_rounds_reviews (void);

char         *fz_test_fixture_path       (const char   *name);
FzReport     *fz_test_load_report_file   (GFile        *file);
/* A report of tests/data/views-rounds, read and checked. */
FzReport     *fz_test_load_report        (const char   *name);
guint         fz_test_offset_of          (FzReport     *report,
                                          const char   *needle);
/* The page the view's own stack shows. */
const char   *fz_test_shown_page         (GtkWidget    *view);
/* The text of every label under @widget (on screen only when
 * @mapped_only): what a reviewer reads. */
void          fz_test_collect_text       (GtkWidget    *widget,
                                          gboolean      mapped_only,
                                          GString      *out);
char         *fz_test_visible_text       (GtkWidget    *widget);
GtkWidget    *fz_test_window_with        (GtkWidget    *child);
/* The first round's review, as a reviewer would have written it. */
void          fz_test_write_first_review (FzReport     *first);
FzRoundPoint *fz_test_point_of_kind      (FzRounds     *rounds,
                                          FzPointKind   kind,
                                          const char   *text);
guint         fz_test_position_of        (GListModel   *model,
                                          gpointer      item);
FzRoundRow   *fz_test_row_of_point       (GtkWidget    *view,
                                          FzRoundPoint *point);
gboolean      fz_test_rounds_ready       (gpointer      data);
gboolean      fz_test_history_ready      (gpointer      data);
void          fz_test_on_reveal          (GtkWidget    *view,
                                          guint         start,
                                          guint         end,
                                          Revealed     *revealed);
gboolean      fz_test_saver_clean        (gpointer      data);

G_END_DECLS
