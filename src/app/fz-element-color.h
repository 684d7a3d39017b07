/* fz-element-color.h: the colour each checklist element is drawn in
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "libfazhi.h"

G_BEGIN_DECLS

/* The colour of @element_id in @analysis's checklist ("#rrggbb"), or NULL
 * when the rule set has no such element.  The text, the outline and the
 * checklist all use it, so a heading and its row match at a glance. */
const char *fz_element_color (FzAnalysis *analysis,
                              const char *element_id);

G_END_DECLS
