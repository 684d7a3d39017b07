/* fz-section-list.h: two versions of a report, section by section
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_SECTION_LIST (fz_section_list_get_type ())

G_DECLARE_FINAL_TYPE (FzSectionList, fz_section_list, FZ, SECTION_LIST, AdwBin)

/* Property "comparison" (FzComparison, nullable): a row per pair of
 * sections, in the revised version's order, saying whether it is the
 * same, reworded, added or taken out.  Signal "activate-pair" (index into
 * fz_comparison_get_sections()) when a row is activated. */
GtkWidget    *fz_section_list_new            (void);
FzComparison *fz_section_list_get_comparison (FzSectionList *self);
void          fz_section_list_set_comparison (FzSectionList *self,
                                              FzComparison  *comparison);
/* Rows shown: the pairs with a heading on either side. */
guint         fz_section_list_get_n_rows     (FzSectionList *self);
/* Activates row @index as a click does. */
void          fz_section_list_activate_row   (FzSectionList *self,
                                              guint          index);

G_END_DECLS
