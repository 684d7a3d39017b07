/* fz-regex.h: PCRE2 compiled once, matched from any thread
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A compiled pattern (UTF + UCP, JIT when available).  Immutable after
 * compilation, so one FzRegex may be shared by all threads; match data is
 * kept per thread. */
typedef struct _FzRegex FzRegex;

FzRegex    *fz_regex_new      (const char  *pattern,
                               guint32      extra_options,
                               GError     **error);
void        fz_regex_free     (FzRegex     *regex);
const char *fz_regex_get_pattern (const FzRegex *regex);

/* Searches @subject[0, @len) from byte @from.  On a match returns TRUE and the
 * byte range of group @group (0 = whole match) in @match_start/@match_end;
 * a group that did not take part gives -1 in both. */
gboolean    fz_regex_search   (const FzRegex *regex,
                               const char    *subject,
                               gsize          len,
                               gsize          from,
                               gssize        *match_start,
                               gssize        *match_end);
gboolean    fz_regex_search_groups (const FzRegex *regex,
                                    const char    *subject,
                                    gsize          len,
                                    gsize          from,
                                    gssize        *groups,   /* 2 * n_groups entries */
                                    guint          n_groups);
gboolean    fz_regex_matches  (const FzRegex *regex,
                               const char    *subject,
                               gssize         len);
guint       fz_regex_count    (const FzRegex *regex,
                               const char    *subject,
                               gsize          len);

/* Compiles a pattern that is part of the program and must be valid; aborts
 * with the PCRE2 message otherwise.  Thread-safe, for use with
 * g_once_init_enter(). */
FzRegex    *fz_regex_new_static (const char *pattern);

/* The pattern behind @once, compiled on first use by whichever thread gets
 * there first; for FZ_DEFINE_STATIC_REGEX. */
FzRegex    *fz_regex_get_static (gsize      *once,
                                 const char *pattern);

/* Defines `static FzRegex *name (void)` returning a built-in pattern that is
 * compiled once and shared by all threads. */
#define FZ_DEFINE_STATIC_REGEX(name, pattern)          \
  static FzRegex *                                     \
  name (void)                                          \
  {                                                    \
    static gsize name##_once;                          \
    return fz_regex_get_static (&name##_once, pattern); \
  }

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzRegex, fz_regex_free)

G_END_DECLS
