/* fz-section-compare.h: one section of two versions, side by side
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_SECTION_COMPARE (fz_section_compare_get_type ())

G_DECLARE_FINAL_TYPE (FzSectionCompare, fz_section_compare, FZ, SECTION_COMPARE, AdwBin)

GtkWidget *fz_section_compare_new   (void);
/* Shows the pair of sections of @comparison holding character
 * @first_offset of the first version, else @second_offset of the second
 * (G_MAXUINT: not given): its paragraphs side by side, what changed
 * marked.  FALSE, showing nothing, when neither offset is in a section. */
gboolean   fz_section_compare_show  (FzSectionCompare *self,
                                     FzComparison     *comparison,
                                     guint             first_offset,
                                     guint             second_offset);
/* Shows @pair, one of fz_comparison_get_sections (@comparison). */
void       fz_section_compare_show_pair (FzSectionCompare    *self,
                                         FzComparison        *comparison,
                                         const FzSectionPair *pair);
void       fz_section_compare_clear (FzSectionCompare *self);
/* Rows shown (a pair of paragraphs each). */
guint      fz_section_compare_get_n_rows (FzSectionCompare *self);

/* The pair's heading, as the revised version has it (the first version's
 * when the revision dropped the section). */
char      *fz_section_compare_dup_pair_title (FzComparison        *comparison,
                                              const FzSectionPair *pair);

G_END_DECLS
