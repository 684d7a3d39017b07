/* fz-rules-monitor.h
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_RULES_MONITOR (fz_rules_monitor_get_type ())

G_DECLARE_FINAL_TYPE (FzRulesMonitor, fz_rules_monitor, FZ, RULES_MONITOR, GObject)

/* Watches the folder of the reviewer's own rule sets.  @folder NULL or ""
 * is the default folder; setting it also makes the engine look there
 * (fz_ruleset_set_user_dir()), so there is one such folder per process. */
FzRulesMonitor      *fz_rules_monitor_new             (const char     *folder);
void                 fz_rules_monitor_set_folder      (FzRulesMonitor *self,
                                                       const char     *folder);
/* The folder actually watched, never NULL. */
const char          *fz_rules_monitor_get_folder      (FzRulesMonitor *self);
/* Reads the folder again now, instead of after the next change. */
void                 fz_rules_monitor_rescan          (FzRulesMonitor *self);
/* Ids of the rule sets that load, built-in first, as of the last scan. */
const char * const  *fz_rules_monitor_get_ids         (FzRulesMonitor *self);
/* The loaded rule set for @id, or NULL when it is not among the ids. */
FzRuleSet           *fz_rules_monitor_get_ruleset     (FzRulesMonitor *self,
                                                       const char     *id);
/* One message per file of the folder that was not loaded, each starting
 * with the file's name and, where there is one, the line. */
const char * const  *fz_rules_monitor_get_problems    (FzRulesMonitor *self);

G_END_DECLS
