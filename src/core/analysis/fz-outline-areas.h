/* fz-outline-areas.h: the task areas of the 纲要 and the words of each
 *
 * data/rules/outline-2021.xml lists the nine task areas of
 * 《法治政府建设实施纲要（2021—2025年）》 with words a report on each uses.
 * The outline_coverage check counts them; the checklist reads them as
 * evidence that a report's topical parts are its account of the year's
 * work.  Private to the analysis layer.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char  *id;
  char  *part;
  char  *name;
  char  *name_en;
} FzOutlineArea;

typedef struct
{
  gunichar *chars;                /* NUL-terminated */
  guint     len;
  guint     area;
  char     *utf8;
} FzOutlineKeyword;

typedef struct
{
  char           *name;
  int             from;           /* report years the outline applies to */
  int             to;
  GArray         *areas;          /* FzOutlineArea */
  GArray         *keywords;       /* FzOutlineKeyword, sorted by first character */
  guint8          first_bmp[0x10000 / 8];
  guint8          pair_bmp[0x10000 / 8];  /* hashed first two characters */
} FzOutline;

/* Keywords mostly start with common characters (行, 政, 法); the pair of
 * the first two is far rarer, so a bit per hashed pair skips most places.
 * The same hash as _fz_check_pair_hash(). */
#define FZ_OUTLINE_PAIR_HASH(a, b) ((((guint) (a)) * 40503u + (guint) (b)) & 0xFFFF)

/* The built-in outline, read once; read-only afterwards.  Thread-safe. */
const FzOutline *_fz_outline_get           (void);

/* Index of the first keyword that starts with @c (or after it). */
guint            _fz_outline_keywords_from (const FzOutline *outline,
                                            gunichar         c);

/* Whether a keyword may start at @chars[@i]: one load, inline, for the
 * scans over every character.  @chars[@i + 1] must be readable. */
static inline gboolean
_fz_outline_may_start (const FzOutline *outline,
                       const gunichar  *chars,
                       guint            i)
{
  guint h = FZ_OUTLINE_PAIR_HASH (chars[i], chars[i + 1]);

  return (outline->pair_bmp[h / 8] & (1 << (h % 8))) != 0;
}

/* The keywords that start at @chars[@i] and end by @end, one a call:
 * start with *@k = G_MAXUINT; TRUE with *@k set while there are more.
 * @chars[@i + 1] must be readable. */
gboolean         _fz_outline_next_at       (const FzOutline *outline,
                                            const gunichar  *chars,
                                            guint            i,
                                            guint            end,
                                            guint           *k);

/* Keyword occurrences in @chars[0, @n) (UCS-4, with one readable
 * character after the end), and in how many areas (nullable). */
guint            _fz_outline_count_hits    (const FzOutline *outline,
                                            const gunichar  *chars,
                                            guint            n,
                                            guint           *n_areas);

G_END_DECLS
