/* fz-file-util.h: files on disk
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Deletes the folder @path and all it holds, as far as it can; a link is
 * removed, never followed. For the work folders the engine and the tests
 * make with g_dir_make_tmp(). */
void fz_remove_tree (const char *path);

G_END_DECLS
