/* fz-test-ooxml.h: what OOXML requires of a returned report's comments
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "fz-test-utils.h"

G_BEGIN_DECLS

char       *fz_test_strip_spaces     (const char   *text);
/* A GDestroyNotify for a GString and its text. */
void        fz_test_string_free      (gpointer      string);
/* Every part of a zip, name → GBytes. */
GHashTable *fz_test_unzip            (GBytes       *zip);
/* A part parsed; the test fails when it is missing or not well-formed. */
xmlDoc     *fz_test_part             (GHashTable   *parts,
                                      const char   *name);
gboolean    fz_test_xml_is           (xmlNode      *node,
                                      const char   *name);
char       *fz_test_xml_attr         (xmlNode      *node,
                                      const char   *name);
/* Checks @docx as OOXML requires of comments (the part, its relationship
 * and content type; for each comment one w:commentRangeStart,
 * w:commentRangeEnd and w:commentReference in that order, with ids that
 * match the comments part) and returns the comments not in @old_ids
 * (nullable) in order as the text they stand on, spaces dropped; their own
 * texts go to @texts (nullable). */
GPtrArray  *fz_test_check_comments   (GBytes       *docx,
                                      GHashTable   *old_ids,
                                      GPtrArray    *texts);
/* Each remark's comment stands on its passage (but for a list number
 * Word draws itself). */
void        fz_test_check_anchors    (FzDocument   *doc,
                                      GPtrArray    *remarks,
                                      GPtrArray    *anchors,
                                      GPtrArray    *texts);
/* The ids of the comments in the .docx at @path. */
GHashTable *fz_test_comment_ids      (const char   *path);
/* Returns the report at @path (machine-only with @review NULL), checks
 * the package, the anchors and that it reads as the original; the
 * anchors go to @anchors_out (nullable). */
GBytes     *fz_test_return_and_check (FzRuleSet    *rules,
                                      const char   *path,
                                      FzReview     *review,
                                      FzReturnKind  want_kind,
                                      GHashTable   *old_ids,
                                      GPtrArray   **anchors_out);

G_END_DECLS
