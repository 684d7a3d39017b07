/* fz-test-checks.h: helpers the tests of the checks share
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "libfazhi.h"

G_BEGIN_DECLS

/* FzMetadata built by hand from the document's own paragraphs, so the
 * checks are tested apart from the metadata pass. */
void        fz_test_set_field                (FzMetaField *field,
                                              FzDocument  *doc,
                                              guint        start,
                                              guint        end);
FzMetadata *fz_test_metadata_from_paragraphs (FzDocument  *doc,
                                              gboolean     with_closing);
void        fz_test_metadata_release         (FzMetadata  *meta);

/* Findings sorted, each describing its own range. */
void        fz_test_assert_consistent        (FzDocument  *doc,
                                              GPtrArray   *findings);
GPtrArray  *fz_test_check_doc                (FzDocument  *doc,
                                              FzMetadata  *meta);
/* Every check on @text, with the metadata its own paragraphs give. */
GPtrArray  *fz_test_check_text               (const char  *text,
                                              FzDocument **doc_out);

/* The finding @id over @text, or the test fails. */
FzFinding  *fz_test_find                     (GPtrArray   *findings,
                                              const char  *id,
                                              const char  *text);
FzFinding  *fz_test_find_with                (GPtrArray   *findings,
                                              const char  *id,
                                              const char  *text,
                                              const char  *in_message);
FzFinding  *fz_test_assert_finding           (GPtrArray   *findings,
                                              const char  *id,
                                              const char  *text,
                                              FzSeverity   severity,
                                              const char  *suggestion);
void        fz_test_assert_none              (GPtrArray   *findings,
                                              const char  *id);
/* @text, checked alone, gives no finding @id. */
void        fz_test_assert_clean             (const char  *id,
                                              const char  *text);

/* tests/data/reports/checks-clean.txt, and copies of it with a defect
 * planted: every @from replaced by @to. */
char       *fz_test_clean_text               (void);
char       *fz_test_replace_in               (const char  *text,
                                              const char  *from,
                                              const char  *to);
char       *fz_test_plant                    (const char  *from,
                                              const char  *to);
/* The whole analysis of @text under the national rule set, or under the
 * rule set @rules_xml (nullable). */
FzAnalysis *fz_test_analyse                  (const char  *text,
                                              const char  *rules_xml);
FzAnalysis *fz_test_analyse_planted          (const char  *from,
                                              const char  *to);

G_END_DECLS
