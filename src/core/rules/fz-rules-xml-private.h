/* fz-rules-xml-private.h: the rule-set reader's XML helpers, for the
 * other files of the rules layer (scoring tables)
 *
 * Every error names the file (@origin) and the line, as the rule-set
 * reader's own do, so that a mistake in a scoring table reads like one in
 * a rule set.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Parses without network access, entities or a DOCTYPE, under the size
 * bound of rule sets; errors are FZ_RULESET_ERROR_PARSE. */
xmlDoc   *_fz_rules_xml_parse            (const char          *data,
                                          gsize                len,
                                          const char          *origin,
                                          GError             **error);
/* "ORIGIN:LINE: message", FZ_RULESET_ERROR_INVALID. */
void      _fz_rules_xml_error            (GError             **error,
                                          const char          *origin,
                                          xmlNode             *node,
                                          const char          *format,
                                          ...) G_GNUC_PRINTF (4, 5);
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
