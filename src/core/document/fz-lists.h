/* fz-lists.h: the word lists of data/lists, built in and extended by the reviewer
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called once per line that is neither empty nor a "#" comment, trimmed. */
typedef void (*FzListLineFunc) (const char *line,
                                gpointer    user_data);

/* Reads the built-in list @name ("law-names.txt"), then the reviewer's own
 * additions in $XDG_CONFIG_HOME/fazhi-review/lists/@name.  A missing
 * built-in list is a packaging error and logged as critical. */
void fz_lists_load (const char     *name,
                    FzListLineFunc  func,
                    gpointer        user_data);

G_END_DECLS
