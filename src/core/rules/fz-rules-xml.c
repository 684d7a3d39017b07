/* fz-rules-xml.c: the rules layer's XML reader and element helpers
 *
 * Rule sets and scoring tables are files a reviewer writes by hand, so
 * both are read by the one parser here: no network, no entities, no
 * DOCTYPE, under a size bound.  The small helpers that read attributes and
 * text are shared too, so that every mistake in either kind of file is
 * reported the same way: "FILE:LINE: what is wrong".
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-ruleset"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <libxml/parser.h>

#include "fz-error.h"
#include "fz-i18n.h"
#include "fz-rules-xml-private.h"

/* A rule set is a few kilobytes; the bound keeps a wrong file from costing
 * time and memory. */
#define MAX_FILE_BYTES (1024 * 1024)
#define MAX_ID_LEN 64

/* Errors */

static void G_GNUC_PRINTF (5, 0)
set_error_valist (GError     **error,
                  const char  *origin,
                  long         line,
                  int          code,
                  const char  *format,
                  va_list      args)
{
  g_autofree char *detail = g_strdup_vprintf (format, args);

  g_set_error (error, FZ_RULESET_ERROR, code, "%s:%ld: %s", origin, line, detail);
}

/* Every message names the file and line, so that a user editing a rule set
 * can go straight to the mistake. */
void
_fz_rules_xml_error_at (GError     **error,
                        const char  *origin,
                        long         line,
                        int          code,
                        const char  *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  set_error_valist (error, origin, line, code, format, args);
  va_end (args);
}

void
_fz_rules_xml_error (GError     **error,
                     const char  *origin,
                     xmlNode     *node,
                     const char  *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  set_error_valist (error, origin, node != NULL ? xmlGetLineNo (node) : 0L,
                    FZ_RULESET_ERROR_INVALID, format, args);
  va_end (args);
}

/* Parsing */

static const char *
find_bytes (const char *haystack,
            gsize       len,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (haystack[i] == needle[0] && memcmp (haystack + i, needle, n) == 0)
      return haystack + i;

  return NULL;
}

static long
line_at (const char *data,
         const char *p)
{
  long line = 1;

  for (const char *q = data; q < p; q++)
    if (*q == '\n')
      line++;

  return line;
}

typedef struct
{
  char *message;
  int   line;
} FirstError;

/* libxml2 goes on after the first well-formedness error and its last error
 * is then often a consequence ("premature end of data"); the first one is
 * what the user has to fix. */
static void
record_first_error (void     *data,
                    xmlError *xe)
{
  xmlParserCtxt *ctxt = data;
  FirstError *first = ctxt->_private;

  if (first->message == NULL && xe != NULL && xe->level >= XML_ERR_ERROR)
    {
      first->message = g_strchomp (g_strdup (xe->message ? xe->message : "malformed XML"));
      first->line = xe->line;
    }
}

xmlDoc *
_fz_rules_xml_parse (const char  *data,
                     gsize        len,
                     const char  *origin,
                     GError     **error)
{
  static gsize init;
  FirstError first = { NULL, 0 };
  xmlParserCtxt *ctxt;
  xmlDoc *doc;
  const char *bad;

  /* libxml2 must set up its global state once before any thread parses;
   * fz_init() does it too, but listing rule sets may come first. */
  if (g_once_init_enter (&init))
    {
      xmlInitParser ();
      g_once_init_leave (&init, 1);
    }

  if (len > MAX_FILE_BYTES)
    {
      g_set_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_PARSE,
                   _("%s: the file is larger than %d KB; a rule set is far smaller"),
                   origin, MAX_FILE_BYTES / 1024);
      return NULL;
    }

  /* A DOCTYPE can declare entities that expand without bound ("billion
   * laughs") or name external files.  A rule set needs neither, so refuse
   * before the parser ever reads one. */
  if ((bad = find_bytes (data, len, "<!DOCTYPE")) != NULL ||
      (bad = find_bytes (data, len, "<!ENTITY")) != NULL)
    {
      g_set_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_PARSE,
                   "%s:%ld: %s", origin, line_at (data, bad),
                   _("document type and entity declarations are not allowed in a rule set"));
      return NULL;
    }

  if (len > G_MAXINT)
    len = G_MAXINT;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_PARSE,
                   _("%s: out of memory while reading"), origin);
      return NULL;
    }

  /* Errors go to record_first_error() instead of stderr. */
  ctxt->_private = &first;
  ctxt->sax->serror = record_first_error;

  /* No XML_PARSE_NOENT and no XML_PARSE_DTDLOAD: nothing is substituted or
   * fetched. */
  doc = xmlCtxtReadMemory (ctxt, data, (int) len, origin, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
  if (doc == NULL || !ctxt->wellFormed)
    {
      xmlError *xe = xmlCtxtGetLastError (ctxt);

      if (first.message == NULL)
        {
          first.message = g_strchomp (g_strdup (xe && xe->message ? xe->message : "malformed XML"));
          first.line = xe ? xe->line : 0;
        }
      g_set_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_PARSE,
                   "%s:%d: %s", origin, first.line, first.message);
      g_free (first.message);
      g_clear_pointer (&doc, xmlFreeDoc);
      xmlFreeParserCtxt (ctxt);
      return NULL;
    }
  g_free (first.message);
  xmlFreeParserCtxt (ctxt);

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, FZ_RULESET_ERROR, FZ_RULESET_ERROR_PARSE, "%s: %s", origin,
                   _("document type and entity declarations are not allowed in a rule set"));
      xmlFreeDoc (doc);
      return NULL;
    }

  return doc;
}

gboolean
_fz_rules_xml_read_file (const char  *path,
                         char       **data,
                         gsize       *len,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_get_contents (path, data, len, &local_error))
    {
      g_set_error (error, FZ_RULESET_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? FZ_RULESET_ERROR_NOT_FOUND : FZ_RULESET_ERROR_PARSE,
                   "%s", local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Elements and attributes */

gboolean
_fz_rules_xml_is (xmlNode    *node,
                  const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

char *
_fz_rules_xml_attr (xmlNode    *node,
                    const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = g_strstrip (g_strdup ((const char *) value));
  xmlFree (value);

  return copy;
}

gboolean
_fz_rules_xml_check_attributes (const char          *origin,
                                xmlNode             *node,
                                const char * const  *allowed,
                                GError             **error)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (!g_strv_contains (allowed, (const char *) attr->name))
      {
        _fz_rules_xml_error (error, origin, node, _("unknown attribute “%s” on <%s>"),
                             (const char *) attr->name, (const char *) node->name);
        return FALSE;
      }

  return TRUE;
}

/* The text of an element that may hold only text. */
char *
_fz_rules_xml_text (const char  *origin,
                    xmlNode     *node,
                    gboolean     may_be_empty,
                    GError     **error)
{
  GString *text = g_string_new (NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (text, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE)
        {
          _fz_rules_xml_error (error, origin, child, _("unknown element <%s> inside <%s>"),
                               (const char *) child->name, (const char *) node->name);
          g_string_free (text, TRUE);
          return NULL;
        }
    }

  g_strstrip (text->str);
  if (text->str[0] == '\0' && !may_be_empty)
    {
      _fz_rules_xml_error (error, origin, node, _("<%s> must not be empty"),
                           (const char *) node->name);
      g_string_free (text, TRUE);
      return NULL;
    }

  return g_string_free (text, FALSE);
}

gboolean
_fz_rules_xml_check_empty (const char  *origin,
                           xmlNode     *node,
                           GError     **error)
{
  g_autofree char *text = _fz_rules_xml_text (origin, node, TRUE, error);

  if (text == NULL)
    return FALSE;

  if (text[0] != '\0')
    {
      _fz_rules_xml_error (error, origin, node, _("<%s> takes attributes only, no text"),
                           (const char *) node->name);
      return FALSE;
    }

  return TRUE;
}

/* Only whitespace and comments may stand between the structural elements. */
gboolean
_fz_rules_xml_check_stray_text (const char  *origin,
                                xmlNode     *node,
                                GError     **error)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      for (const char *p = (const char *) node->content; p && *p; p++)
        if (!g_ascii_isspace (*p))
          {
            _fz_rules_xml_error (error, origin, node, _("unexpected text inside <%s>"),
                                 (const char *) node->parent->name);
            return FALSE;
          }
    }

  return TRUE;
}

/* Values */

gboolean
_fz_rules_xml_parse_int (const char  *origin,
                         xmlNode     *node,
                         const char  *name,
                         int          min,
                         int          max,
                         int         *value,
                         GError     **error)
{
  g_autofree char *text = _fz_rules_xml_attr (node, name);
  gint64 v;

  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_signed (text, 10, min, max, &v, NULL))
    {
      _fz_rules_xml_error (error, origin, node,
                           _("“%s” is not a valid %s: expected a whole number from %d to %d"),
                           text, name, min, max);
      return FALSE;
    }

  *value = (int) v;
  return TRUE;
}

gboolean
_fz_rules_xml_parse_bool (const char  *origin,
                          xmlNode     *node,
                          const char  *name,
                          gboolean    *value,
                          GError     **error)
{
  g_autofree char *text = _fz_rules_xml_attr (node, name);

  if (text == NULL)
    return TRUE;

  if (g_str_equal (text, "true") || g_str_equal (text, "yes") || g_str_equal (text, "1"))
    *value = TRUE;
  else if (g_str_equal (text, "false") || g_str_equal (text, "no") || g_str_equal (text, "0"))
    *value = FALSE;
  else
    {
      _fz_rules_xml_error (error, origin, node,
                           _("“%s” is not a valid %s: expected true or false"), text, name);
      return FALSE;
    }

  return TRUE;
}

/* TRUE for Chinese (no lang, or zh…), FALSE for English. */
static gboolean
parse_lang (const char  *origin,
            xmlNode     *node,
            gboolean    *chinese,
            GError     **error)
{
  g_autofree char *lang = _fz_rules_xml_attr (node, "lang");

  if (lang == NULL || g_ascii_strncasecmp (lang, "zh", 2) == 0)
    *chinese = TRUE;
  else if (g_ascii_strncasecmp (lang, "en", 2) == 0)
    *chinese = FALSE;
  else
    {
      _fz_rules_xml_error (error, origin, node,
                           _("unsupported language “%s”: use zh (the default) or en"), lang);
      return FALSE;
    }

  return TRUE;
}

/* Stores the text of a <name>-like element in the slot for its language. */
gboolean
_fz_rules_xml_parse_localized (const char  *origin,
                               xmlNode     *node,
                               char       **zh,
                               char       **en,
                               GError     **error)
{
  static const char * const attrs[] = { "lang", NULL };
  gboolean chinese;
  char **slot;
  char *text;

  if (!_fz_rules_xml_check_attributes (origin, node, attrs, error) ||
      !parse_lang (origin, node, &chinese, error))
    return FALSE;

  slot = chinese ? zh : en;
  if (*slot != NULL)
    {
      _fz_rules_xml_error (error, origin, node, _("<%s> is given twice for the same language"),
                           (const char *) node->name);
      return FALSE;
    }

  if ((text = _fz_rules_xml_text (origin, node, FALSE, error)) == NULL)
    return FALSE;

  *slot = text;
  return TRUE;
}

gboolean
_fz_rules_xml_is_valid_id (const char *id)
{
  gsize len;

  if (id == NULL || !g_ascii_isalpha (id[0]))
    return FALSE;

  len = strlen (id);
  if (len > MAX_ID_LEN)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (id[i]) && id[i] != '_' && id[i] != '-')
      return FALSE;

  return TRUE;
}

char *
_fz_rules_xml_parse_id (const char  *origin,
                        xmlNode     *node,
                        const char  *name,
                        GError     **error)
{
  g_autofree char *id = _fz_rules_xml_attr (node, name);

  if (id == NULL)
    {
      _fz_rules_xml_error (error, origin, node, _("<%s> needs the attribute “%s”"),
                           (const char *) node->name, name);
      return NULL;
    }

  if (!_fz_rules_xml_is_valid_id (id))
    {
      _fz_rules_xml_error (error, origin, node,
                           _("“%s” is not a valid id: use ASCII letters, digits, “_” and “-”, starting with a letter"),
                           id);
      return NULL;
    }

  return g_steal_pointer (&id);
}
