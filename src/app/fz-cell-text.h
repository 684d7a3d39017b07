/* fz-cell-text.h: one line of text in a cell of a table, cheap to make
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FZ_TYPE_CELL_TEXT (fz_cell_text_get_type ())

/* A line of text, cut with an ellipsis at the cell's width.  Like
 * GtkInscription, its size does not follow its text: a changed cell is
 * drawn again, and its table is not measured again.  Unlike GtkInscription
 * in GTK 4.8, it lays out nothing until it is drawn, and the height of a
 * line is worked out once per font, not once per cell: a table makes
 * thousands of these while it fills. */
G_DECLARE_FINAL_TYPE (FzCellText, fz_cell_text, FZ, CELL_TEXT, GtkWidget)

GtkWidget  *fz_cell_text_new      (void);
const char *fz_cell_text_get_text (FzCellText *self);
void        fz_cell_text_set_text (FzCellText *self,
                                   const char *text);

G_END_DECLS
