/* fz-script.h: reading a traditional-script copy as the report it is
 *
 * Sites convert their pages to traditional characters on request, and such
 * a copy reaches the bureau as the report itself.  Everything that reads
 * the wording (headings, metadata, the checklist, the checks) reads it
 * through the table in data/lists/traditional-chars.txt; the text the
 * reviewer sees is left as it came.  Every pair maps one character to one
 * of the same UTF-8 length, so a mapped copy has the same byte and
 * character offsets as the original.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The simplified form of @c when @c is a character never correct in
 * simplified text, else 0.  Thread-safe; the table is read on first use. */
gunichar fz_script_simplified_of (gunichar    c);

/* The table itself, indexed by code point below U+10000: the simplified
 * form, or 0.  For passes over every character. */
const guint16 *fz_script_get_table (void);
/* A bit per listed character below U+10000, to test before reading the
 * table. */
const guint8  *fz_script_get_bitmap (void);

/* A copy of @text[0, @len) with every listed traditional character
 * replaced, or NULL when it holds none; @len may be -1.  The copy has the
 * same length in bytes.  @n_traditional (nullable) receives how many were
 * replaced. */
char    *fz_script_simplify     (const char *text,
                                 gssize      len,
                                 guint      *n_traditional);

/* Like fz_script_simplify(), in place. */
guint    fz_script_simplify_in_place (char  *text,
                                      gsize  len);

G_END_DECLS
