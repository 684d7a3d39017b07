/* fz-text-row.h: a list row of a wrapped title and subtitle, cheap to measure
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FZ_TYPE_TEXT_ROW (fz_text_row_get_type ())

G_DECLARE_FINAL_TYPE (FzTextRow, fz_text_row, FZ, TEXT_ROW, GtkListBoxRow)

GtkWidget  *fz_text_row_new            (void);
const char *fz_text_row_get_title      (FzTextRow  *self);
void        fz_text_row_set_title      (FzTextRow  *self,
                                        const char *markup);
const char *fz_text_row_get_subtitle   (FzTextRow  *self);
void        fz_text_row_set_subtitle   (FzTextRow  *self,
                                        const char *markup);
/* At most @lines lines of subtitle, the last ellipsized (5 unless set). */
void        fz_text_row_set_subtitle_lines (FzTextRow *self,
                                            int        lines);
void        fz_text_row_add_prefix     (FzTextRow  *self,
                                        GtkWidget  *widget);
void        fz_text_row_add_suffix     (FzTextRow  *self,
                                        GtkWidget  *widget);

G_END_DECLS
