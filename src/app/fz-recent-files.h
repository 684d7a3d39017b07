/* fz-recent-files.h: the reports the window opened and the memos it wrote
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FZ_TYPE_RECENT_FILES (fz_recent_files_get_type ())
G_DECLARE_FINAL_TYPE (FzRecentFiles, fz_recent_files, FZ, RECENT_FILES, GObject)

/* The list every window shares, kept in the user's data folder; emits
 * "changed" when a report is added. */
FzRecentFiles *fz_recent_files_get_default  (void);
FzRecentFiles *fz_recent_files_new          (const char    *path);

void           fz_recent_files_add_report   (FzRecentFiles *self,
                                             GFile         *report);
/* The reports opened, newest first, at most @max, each still there. */
GPtrArray     *fz_recent_files_dup_reports  (FzRecentFiles *self,
                                             guint          max);

/* @memo was just written for @report (NULL for a batch's summary). */
void           fz_recent_files_add_memo     (FzRecentFiles *self,
                                             GFile         *memo,
                                             GFile         *report);
/* Whether @file is a memo this application wrote and nobody has replaced
 * since; its report, when known, in @report. */
gboolean       fz_recent_files_is_memo      (FzRecentFiles *self,
                                             GFile         *file,
                                             GFile        **report);

G_END_DECLS
