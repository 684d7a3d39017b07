/* fz-score-test-utils.h: what the score and filing window tests share
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"
#include "fz-date-row.h"
#include "fz-filing-view.h"

G_BEGIN_DECLS

/* The test's own folder, for reviews, rule sets and files it writes. */
extern char *fz_score_test_dir;

/* Makes the folder, points XDG_DATA_HOME and XDG_CONFIG_HOME at it, and
 * starts GTK, libadwaita and the engine; finish removes the folder. */
void           fz_score_test_init     (int          *argc,
                                       char       ***argv);
void           fz_score_test_finish   (void);

/* The visible label under @widget whose text is @text, or NULL. */
GtkLabel      *find_label             (GtkWidget    *widget,
                                       const char   *text);
/* Whether a visible label under @widget starts with @prefix. */
gboolean       has_label_starting     (GtkWidget    *widget,
                                       const char   *prefix);
/* The first widget of @type under @widget, or NULL. */
GtkWidget     *find_child             (GtkWidget    *widget,
                                       GType         type);
/* tests/data/score/@name */
GFile         *fixture                (const char   *name);
/* Loads tests/data/score/@name with @reviews (nullable) under @rules
 * (nullable: the national set). */
FzReport      *load_report            (const char   *name,
                                       FzReviewStore *reviews,
                                       FzRuleSet    *rules);
/* A review store in the test's folder under @name. */
FzReviewStore *new_store              (const char   *name);
/* A tall window presenting @child. */
GtkWindow     *host                   (GtkWidget    *child);
guint          count_findings         (FzReport     *report,
                                       const char   *id);
/* A ::reveal-range handler: range[0] and [1] the last range, [2] counts. */
void           record_range           (GObject      *view,
                                       guint         start,
                                       guint         end,
                                       guint        *range);
/* The filing view's date rows: 0 received, 1 published. */
FzDateRow     *date_row               (FzFilingView *view,
                                       guint         index);

G_END_DECLS
