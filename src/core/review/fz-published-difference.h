/* fz-published-difference.h: one place where the published page differs
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fz-compare.h"
#include "fz-finding.h"

G_BEGIN_DECLS

#define FZ_TYPE_PUBLISHED_DIFFERENCE (fz_published_difference_get_type ())

G_DECLARE_FINAL_TYPE (FzPublishedDifference, fz_published_difference, FZ, PUBLISHED_DIFFERENCE, GObject)

/* A paragraph of the body that the page does not publish as reviewed
 * (FzPublishedPage makes them, one per published_differs finding): the
 * section it stands in, as the comparison aligned the two texts, what
 * changed, its place in the reviewed text and the words on each side.
 * Immutable. */

/* FZ_CHANGE_CHANGED, FZ_CHANGE_ADDED (only on the page) or
 * FZ_CHANGE_REMOVED (left out of the page). */
FzChange         fz_published_difference_get_change        (FzPublishedDifference *self);
/* The section's number and heading ("（二）规范行政执法"), or "the
 * opening" before the first heading. */
const char      *fz_published_difference_get_section       (FzPublishedDifference *self);
/* The section pair's place in the comparison: differences of one section
 * share it, and a list shows the section once above them. */
guint            fz_published_difference_get_section_index (FzPublishedDifference *self);
/* Where it is in the reviewed text; empty (start == end) for a paragraph
 * only the page has, at the place it would stand. */
guint            fz_published_difference_get_start         (FzPublishedDifference *self);
guint            fz_published_difference_get_end           (FzPublishedDifference *self);
/* The words of each side, quoted (“…” after sixty characters); NULL for
 * the side that has none. */
const char      *fz_published_difference_get_reviewed      (FzPublishedDifference *self);
const char      *fz_published_difference_get_published     (FzPublishedDifference *self);
/* The finding published_differs it is: its message says it in a sentence. */
const FzFinding *fz_published_difference_get_finding       (FzPublishedDifference *self);

G_END_DECLS
