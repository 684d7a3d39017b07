/* fz-layout-private.h: the pass that tells a report's 公文 parts apart
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-line-private.h"

G_BEGIN_DECLS

/* fz-layout.c: the 公文 parts around the body, and web-page furniture.
 * Sets FzLine.kind; returns the first and one past the last body line. */
void        _fz_layout_classify     (GArray     *lines,
                                     guint      *body_start,
                                     guint      *body_end);

G_END_DECLS
