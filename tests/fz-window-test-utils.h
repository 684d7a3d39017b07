/* fz-window-test-utils.h: helpers shared by the tests that drive the window
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-application.h"
#include "fz-batch-page.h"
#include "fz-memo-paragraph.h"
#include "fz-memo-view.h"
#include "fz-report-page.h"
#include "fz-window.h"

G_BEGIN_DECLS

#define FZ_TEST_TIMEOUT_SECONDS 60

/* Starts GTK, libadwaita and the engine for a test program, with a data
 * folder of its own (reviews are kept by the report's hash there: each
 * run starts with none, as a reviewer new to a report would).  Returns
 * that folder, for fz_test_remove_tree() at the end. */
GFile         *fz_test_window_init        (int     *argc,
                                           char  ***argv);
void           fz_test_remove_tree        (GFile   *file);

/* The application every test of a program shares: registered on the
 * session bus when there is one, and an id is exported once per connection. */
FzApplication *fz_test_create_application (void);

void      fz_test_flush_main_loop  (void);
/* A GSourceFunc for g_timeout_add(): sets the gboolean at @timed_out. */
gboolean  fz_test_timeout_cb       (gpointer     timed_out);
/* Runs the main loop until @done says so, failing after the timeout. */
void      fz_test_wait_until       (GSourceFunc  done,
                                    gpointer     data);
void      fz_test_wait_for_page    (FzReportPage *page);
void      fz_test_wait_for_batch   (FzBatchPage  *batch);
/* Runs the main loop for @ms milliseconds. */
void      fz_test_spin             (guint        ms);

/* Every widget under @widget (itself included) of @type, depth first. */
void      fz_test_collect_widgets  (GtkWidget   *widget,
                                    GType        type,
                                    GPtrArray   *found);
/* The one widget of @type under @root; fails unless there is exactly one. */
gpointer  fz_test_find_widget      (GtkWidget   *root,
                                    GType        type);
/* The visible AdwMessageDialog among the toplevels, NULL when none. */
AdwMessageDialog *fz_test_find_message_dialog (void);
/* Every visible toplevel window but @except. */
GPtrArray *fz_test_dup_other_toplevels (GtkWindow *except);

/* The paragraph @key of what @view shows, or NULL; owned by the view. */
FzMemoParagraph *fz_test_memo_paragraph (FzMemoView *view,
                                         const char *key);

/* Hands @files to the window's drop target as the compositor would: a
 * GdkFileList through "enter" and "drop", the path a drag from the file
 * manager takes. */
void      fz_test_drop_files       (FzWindow    *window,
                                    GSList      *files);
/* Drops @files on @window as above and returns the batch page they open,
 * read to the end. */
FzBatchPage *fz_test_drop_batch    (FzWindow    *window,
                                    GSList      *files);
FzReportPage *fz_test_open_in_new_window (FzApplication *app,
                                          GFile         *report,
                                          FzWindow     **window);

/* The seeds of the shared corpus (sorted), empty when it is absent. */
GPtrArray *fz_test_dup_seed_files  (void);
/* The first seed, else the sample that ships with the application. */
GFile     *fz_test_dup_report_file (void);

/* The reviewer's decision on @element_id as the checklist item of the
 * page's FzReport holds it; FALSE when it is undecided or not listed. */
gboolean  fz_test_get_decision     (FzReportPage *page,
                                    const char   *element_id,
                                    FzStatus     *status,
                                    const char  **reason);
/* Records a decision in the review of the page's FzReport, as the
 * checklist does; FALSE when the report has no such element. */
gboolean  fz_test_set_decision     (FzReportPage *page,
                                    const char   *element_id,
                                    FzStatus      status,
                                    const char   *reason);
/* The id of the rule set the page's FzReport is checked with. */
const char *fz_test_get_ruleset_id (FzReportPage *page);
/* Closes @window and runs the main loop until it is idle, then fails
 * unless @page and its FzReport were freed: nothing holds a tab's report
 * once its window is gone.  The report's FzReview lives on in the
 * application's review store, shared with other tabs and batches, and
 * must be held by it alone. */
void      fz_test_close_and_assert_freed (GtkWindow    *window,
                                          FzReportPage *page);
/* Fails unless @review is held only by its review store and the caller's
 * one reference. */
void      fz_test_assert_review_only_in_store (FzReview *review);

/* Fails when a label or button under @widget has a Windows-style
 * mnemonic: GNOME applications underline no letters. */
void      fz_test_assert_no_mnemonics (GtkWidget *widget);

/* The tooltip query GTK makes when the pointer rests at (@x, @y) of
 * @root's surface: the widget picked there, then its parents, each asked
 * in its own coordinates until one has a tooltip.  Returns that widget,
 * NULL when no tooltip would show. */
GtkWidget *fz_test_query_tooltip_at (GtkWidget  *root,
                                     double      x,
                                     double      y);

/* Ctrl+Return as the key controllers of @widget see it first, in the
 * capture phase, before a text view inside would take it as a new line.
 * Returns whether one handled it. */
gboolean  fz_test_press_ctrl_return  (GtkWidget  *widget);
/* Clicks the button labelled @label of a toast on show in @window. */
gboolean  fz_test_click_toast_button (GtkWidget  *window,
                                      const char *label);

G_END_DECLS
