/* fz-rules-xml-private.h: the rules layer's XML helpers (fz-rules-xml.c)
 *
 * What the rule-set reader (fz-ruleset-*.c) and the scoring-table reader
 * (fz-score-table-parse.c) share.  Every error names the file (@origin)
 * and the line, so that a mistake in a scoring table reads like one in a
 * rule set.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* Parses without network access, entities or a DOCTYPE, under the size
 * bound of rule sets; errors are FZ_RULESET_ERROR_PARSE. */
xmlDoc   *_fz_rules_xml_parse            (const char          *data,
                                          gsize                len,
                                          const char          *origin,
                                          GError             **error);
/* Reads @path whole: a missing file is FZ_RULESET_ERROR_NOT_FOUND, any
 * other failure FZ_RULESET_ERROR_PARSE, with GLib's message. */
gboolean  _fz_rules_xml_read_file        (const char          *path,
                                          char               **data,
                                          gsize               *len,
                                          GError             **error);
/* "ORIGIN:LINE: message", FZ_RULESET_ERROR_INVALID, at @node's line (0
 * when @node is NULL). */
void      _fz_rules_xml_error            (GError             **error,
                                          const char          *origin,
                                          xmlNode             *node,
                                          const char          *format,
                                          ...) G_GNUC_PRINTF (4, 5);
/* The same with any FzRuleSetError @code, at @line. */
void      _fz_rules_xml_error_at         (GError             **error,
                                          const char          *origin,
                                          long                 line,
                                          int                  code,
                                          const char          *format,
                                          ...) G_GNUC_PRINTF (5, 6);
gboolean  _fz_rules_xml_is               (xmlNode             *node,
                                          const char          *name);
/* The attribute's value, trimmed; NULL when absent. */
char     *_fz_rules_xml_attr             (xmlNode             *node,
                                          const char          *name);
gboolean  _fz_rules_xml_check_attributes (const char          *origin,
                                          xmlNode             *node,
                                          const char * const  *allowed,
                                          GError             **error);
/* The text of an element that holds only text, trimmed. */
char     *_fz_rules_xml_text             (const char          *origin,
                                          xmlNode             *node,
                                          gboolean             may_be_empty,
                                          GError             **error);
gboolean  _fz_rules_xml_check_empty      (const char          *origin,
                                          xmlNode             *node,
                                          GError             **error);
/* Only white space and comments may stand between elements. */
gboolean  _fz_rules_xml_check_stray_text (const char          *origin,
                                          xmlNode             *node,
                                          GError             **error);
/* An optional whole-number attribute from @min to @max; *@value is left
 * alone when the attribute is absent. */
gboolean  _fz_rules_xml_parse_int        (const char          *origin,
                                          xmlNode             *node,
                                          const char          *name,
                                          int                  min,
                                          int                  max,
                                          int                 *value,
                                          GError             **error);
/* An optional true/false (yes/no, 1/0) attribute, likewise. */
gboolean  _fz_rules_xml_parse_bool       (const char          *origin,
                                          xmlNode             *node,
                                          const char          *name,
                                          gboolean            *value,
                                          GError             **error);
/* A <name>-like element: its text goes to *@zh or *@en by its lang. */
gboolean  _fz_rules_xml_parse_localized  (const char          *origin,
                                          xmlNode             *node,
                                          char               **zh,
                                          char               **en,
                                          GError             **error);
/* A required id attribute, checked as rule-set ids are. */
char     *_fz_rules_xml_parse_id         (const char          *origin,
                                          xmlNode             *node,
                                          const char          *name,
                                          GError             **error);
gboolean  _fz_rules_xml_is_valid_id      (const char          *id);

G_END_DECLS
