/* fz-places.h: where a remark on a report belongs
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-analysis.h"

G_BEGIN_DECLS

/* The title, else the first paragraph: where a remark on the whole report
 * goes.  Both 0 for a report with no text. */
void     fz_analysis_get_title_place   (FzAnalysis            *analysis,
                                        guint                 *start,
                                        guint                 *end);
/* The heading of section @section; FALSE when there is no such section. */
gboolean fz_analysis_get_heading_place (FzAnalysis            *analysis,
                                        int                    section,
                                        guint                 *start,
                                        guint                 *end);
/* Where an opinion on the checklist element @result goes: the heading of
 * its own section, else its first passage, else the heading of the part
 * it belongs in (the one whose section bounds its evidence, or one it may
 * nest in), else the title.  TRUE when the place is the element's own
 * (section or passage), FALSE when it is borrowed. */
gboolean fz_analysis_get_element_place (FzAnalysis            *analysis,
                                        const FzElementResult *result,
                                        guint                 *start,
                                        guint                 *end);

G_END_DECLS
