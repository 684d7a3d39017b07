/* fz-test-checker.h: helpers the tests of the checklist share
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "libfazhi.h"

G_BEGIN_DECLS

/* A document, its outline and the checklist's results on it. */
typedef struct
{
  FzDocument *document;
  GPtrArray  *sections;
  GPtrArray  *results;
} FzTestChecked;

void                   fz_test_checked_free    (FzTestChecked         *checked);
/* The checklist of rule set @rules_name on @document, with @report_year as
 * the only metadata; every result is checked for consistency. */
FzTestChecked         *fz_test_check_document  (FzDocument            *document,
                                                const char            *rules_name,
                                                int                    report_year);
/* The same on tests/data/reports/@name. */
FzTestChecked         *fz_test_check_fixture   (const char            *name,
                                                const char            *rules_name,
                                                int                    report_year);
const FzElementResult *fz_test_find_result     (const FzTestChecked   *checked,
                                                const char            *id);
const FzSection       *fz_test_result_section  (const FzTestChecked   *checked,
                                                const FzElementResult *result);
void                   fz_test_assert_status   (const FzTestChecked   *checked,
                                                const char            *id,
                                                FzStatus               status);
void                   fz_test_assert_explains (const FzTestChecked   *checked,
                                                const char            *id,
                                                const char            *text);
char                  *fz_test_evidence_text   (const FzTestChecked   *checked,
                                                const FzElementResult *result,
                                                guint                  index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzTestChecked, fz_test_checked_free)

G_END_DECLS
