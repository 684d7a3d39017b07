/* fz-window-private.h: the window's state, shared by its files
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-window.h"

G_BEGIN_DECLS

/* The name reports are filed under in the recently-used list; fixed, not
 * translated, so a change of language keeps the list. */
#define RECENT_APP_NAME "fazhi-review"
/* The file chooser files what it saves under the program's name too; the
 * reports the window opened are in this group of their own in the
 * desktop's list.  The welcome page reads the window's own list
 * (fz-recent-files.c), where memos are never reports. */
#define RECENT_GROUP    "fazhi-review-reports"
#define MAX_RECENT      8

struct _FzWindow
{
  AdwApplicationWindow  parent_instance;

  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwTabView           *tab_view;
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
  GtkWidget            *open_button;
  GtkWidget            *outline_button;
  GtkWidget            *menu_button;
  GtkWidget            *find_button;

  GtkFileChooserNative *chooser;
  GtkFileChooserNative *save_chooser;   /* memo export, review save, report search */
  /* Follows the selected page so the title shows its progress. */
  GSignalGroup         *page_signals;
  GMenu                *scoring_tables;  /* the main menu's section, see fz-window-score.c */
  GSettings            *settings;
  GtkRecentManager     *recent_manager;
  GPtrArray            *recent_rows;
  /* The list changed while reports hid the welcome page: made again when
   * the page shows, not on every report opened. */
  gboolean              recent_stale;
};

/* fz-window-files.c: the recent reports and the file dialogs */
void            _fz_window_add_recent       (FzWindow              *self,
                                             GFile                 *file);
void            _fz_window_update_recent    (FzWindow              *self);
/* When @file is a memo the window wrote: says so, opens its report
 * instead when it is still there, and returns TRUE. */
gboolean        _fz_window_open_memo        (FzWindow              *self,
                                             GFile                 *file);
/* Every file dialog of the window: one at a time in @slot, modal, answered
 * by @on_response.  Callers add filters and names, then show it. */
GtkFileChooser *_fz_window_new_chooser      (FzWindow              *self,
                                             GtkFileChooserNative **slot,
                                             const char            *title,
                                             GtkFileChooserAction   action,
                                             const char            *accept_label,
                                             GCallback              on_response);
void            _fz_window_chooser_start_in (FzWindow              *self,
                                             GtkFileChooser        *chooser,
                                             const char            *key);

/* fz-window-reviews.c: a review file from another machine */
gboolean        _fz_window_is_review_file   (GFile                 *file);
void            _fz_window_open_review_file (FzWindow              *self,
                                             GFile                 *file);

/* fz-window-export.c: the memo, the ledger and the review written out */
/* A dialog for what the reviewer has to act on: @heading, then why. */
void            _fz_window_show_error          (FzWindow   *self,
                                                const char *heading,
                                                const char *message);
/* A toast saying @file was written, with a button that opens it. */
void            _fz_window_show_file_toast     (FzWindow   *self,
                                                const char *title,
                                                GFile      *file);
void            _fz_window_annotate_action     (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *param);
void            _fz_window_export_memo_action  (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *param);
void            _fz_window_print_memo_action   (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *param);
void            _fz_window_export_ledger_action (GtkWidget *widget,
                                                 const char *action_name,
                                                 GVariant  *param);
void            _fz_window_export_memos_action (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *param);
void            _fz_window_save_review_action  (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *param);

/* fz-window.c */
FzReport     *_fz_window_new_report      (FzWindow *self,
                                          GFile    *file);
/* The report page shown once its report is read and checked (it has an
 * analysis): what a memo, a return or another version is made from;
 * NULL otherwise. */
FzReportPage *_fz_window_get_read_report (FzWindow *self);

G_END_DECLS
