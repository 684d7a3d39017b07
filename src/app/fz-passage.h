/* fz-passage.h: a passage of a report, quoted in a row
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "libfazhi.h"

G_BEGIN_DECLS

/* Pango markup quoting the characters [@start, @end) of @doc in bold,
 * with up to @context characters of their paragraph either side and at
 * most @max of the passage itself, "…" where it is cut, on one line.
 * NULL when @start is G_MAXUINT (no place) or past the text. */
char *fz_passage_markup (FzDocument *doc,
                         guint       start,
                         guint       end,
                         guint       context,
                         guint       max);

/* The plain text of a passage on one line, at most @max characters and
 * "…" where it is cut; newly allocated, never NULL. */
char *fz_passage_one_line (const char *text,
                           guint       max);

G_END_DECLS
