/* fz-date-row.h: an entry row for a day, typed or picked from a calendar
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FZ_TYPE_DATE_ROW (fz_date_row_get_type ())

G_DECLARE_FINAL_TYPE (FzDateRow, fz_date_row, FZ, DATE_ROW, AdwEntryRow)

/* "date" is YYYY-MM-DD or NULL.  It changes (and notifies) when the
 * reviewer applies what they typed — the apply button or Enter — or picks
 * a day in the calendar, never while typing: a finished act.  A day may
 * be typed as 2025-03-05, 2025-3-5, 2025/3/5, 2025.3.5 or 2025年3月5日;
 * anything else is refused, and "error" says why until the text is
 * mended.  Setting "date" from code shows it without notifying anyone
 * but listeners of "date". */
GtkWidget  *fz_date_row_new       (void);
const char *fz_date_row_get_date  (FzDateRow  *self);
void        fz_date_row_set_date  (FzDateRow  *self,
                                   const char *date);
/* Why the text applied last is no day, or NULL. */
const char *fz_date_row_get_error (FzDateRow  *self);

/* YYYY-MM-DD for a day written in one of the ways above, else NULL. */
char       *fz_date_row_parse     (const char *text);

G_END_DECLS
