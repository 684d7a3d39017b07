/* fz-ruleset-store.h: the rule sets a reviewer can choose from, as a list
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fz-ruleset.h"

G_BEGIN_DECLS

#define FZ_TYPE_RULESET_STORE (fz_ruleset_store_get_type ())

G_DECLARE_FINAL_TYPE (FzRuleSetStore, fz_ruleset_store, FZ, RULESET_STORE, GObject)

/* A GListModel of FzRuleSet: the built-in sets, then those of @folder
 * (NULL or "" for fz_ruleset_get_default_dir()), sorted by id.  The folder
 * is read in a worker and read again when a file in it changes; until the
 * first reading ends the list is empty and FzRuleSetStore:loading is TRUE. */
FzRuleSetStore     *fz_ruleset_store_new          (const char     *folder);
const char         *fz_ruleset_store_get_folder   (FzRuleSetStore *self);
void                fz_ruleset_store_set_folder   (FzRuleSetStore *self,
                                                   const char     *folder);
gboolean            fz_ruleset_store_get_loading  (FzRuleSetStore *self);
/* Reads the folder again now (after a GFileMonitor event the store does
 * this by itself, a moment after the last change). */
void                fz_ruleset_store_rescan       (FzRuleSetStore *self);
/* The files of the folder that were not loaded, each "file.xml:LINE: why". */
const char * const *fz_ruleset_store_get_problems (FzRuleSetStore *self);

/* The listed set with this id, or NULL.  Main thread. */
FzRuleSet          *fz_ruleset_store_lookup       (FzRuleSetStore *self,
                                                   const char     *id);
/* Position of the set with this id in the list, or G_MAXUINT. */
guint               fz_ruleset_store_find         (FzRuleSetStore *self,
                                                   const char     *id);
/* Any thread: the listed set with this id when the folder has been read,
 * else the set loaded from the folder now.  A new reference. */
FzRuleSet          *fz_ruleset_store_dup_ruleset  (FzRuleSetStore *self,
                                                   const char     *id,
                                                   GError        **error);

G_END_DECLS
