/* fz-published-difference-private.h: how FzPublishedPage makes them
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-published-difference.h"

G_BEGIN_DECLS

/* Copies @finding; empty quotes are kept as NULL. */
FzPublishedDifference *_fz_published_difference_new (FzChange         change,
                                                     const char      *section,
                                                     guint            section_index,
                                                     const FzFinding *finding,
                                                     const char      *reviewed,
                                                     const char      *published);

G_END_DECLS
