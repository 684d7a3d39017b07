/* fz-check-registry.h: the checks a rule set may name, and their thresholds
 *
 * A rule set's <check id="…" name="value"/> is validated against this
 * table when the file is read.  The checks themselves live in the analysis
 * layer, which runs one function per entry; the table sits here so that
 * rule sets never depend on the code that applies them.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every finding id a rule set may name: the checks on the text, in the
 * order they run, then the findings about the report's filing and
 * publication (filed_late, published_late, published_differs); free with
 * g_strfreev(). */
char     **fz_check_registry_list_ids  (void);

/* TRUE when @id is a finding id a rule set may name in <check>. */
gboolean   fz_check_registry_is_known  (const char *id);

/* The default and the allowed range of a check's threshold; FALSE when
 * check @id has no parameter @param.  Any of the out arguments may be
 * NULL. */
gboolean   fz_check_registry_get_param (const char *id,
                                        const char *param,
                                        double     *value,
                                        double     *min,
                                        double     *max);

G_END_DECLS
