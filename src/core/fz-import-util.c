/* fz-import-util.c: XML, lines and pages, shared by the importers
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-import"

#include "config.h"

#include <string.h>

#include <libxml/parser.h>

#include "fz-i18n.h"
#include "fz-import-private.h"
#include "fz-text-util.h"

FzSourceLine *
_fz_lines_add (GPtrArray  *lines,
               const char *text,
               gssize      len,
               guint       page,
               gboolean    hard_break)
{
  FzSourceLine *line = fz_source_line_new (text, len, lines->len + 1, page);

  line->hard_break = !!hard_break;
  g_ptr_array_add (lines, line);
  return line;
}

gboolean
_fz_lines_check_text (GPtrArray  *lines,
                      GError    **error)
{
  for (guint i = 0; i < lines->len; i++)
    {
      FzSourceLine *line = g_ptr_array_index (lines, i);

      for (const char *p = line->text; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!fz_unichar_is_space (c) && !fz_unichar_is_invisible (c) && !g_unichar_isspace (c))
            return TRUE;
        }
    }

  g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_NO_TEXT,
                       _("The file contains no text."));
  return FALSE;
}

gboolean
_fz_import_check_cancelled (GCancellable  *cancellable,
                            GError       **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;

  g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CANCELLED,
                       _("Opening was cancelled."));
  return TRUE;
}

/* Digits vary from page to page in a running footer ("第 3 页"), the rest
 * does not. */
static char *
running_key (const char *line)
{
  GString *key = g_string_new (NULL);

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || fz_unichar_is_space (c))
        continue;
      if (g_unichar_isdigit (c))
        {
          if (key->len == 0 || key->str[key->len - 1] != '#')
            g_string_append_c (key, '#');
          continue;
        }
      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

static gboolean
is_blank_line (const char *line)
{
  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && !fz_unichar_is_space (c) && !fz_unichar_is_invisible (c))
        return FALSE;
    }
  return TRUE;
}

/* Index of the @nth non-blank line from the top (@from_end FALSE) or the
 * bottom of @page, or -1. */
static int
nth_line (GPtrArray *page,
          guint      nth,
          gboolean   from_end)
{
  guint seen = 0;

  for (guint k = 0; k < page->len; k++)
    {
      guint i = from_end ? page->len - 1 - k : k;

      if (is_blank_line (g_ptr_array_index (page, i)))
        continue;
      if (seen++ == nth)
        return (int) i;
    }
  return -1;
}

void
_fz_pages_to_lines (GPtrArray *pages,
                    GPtrArray *lines)
{
  g_autoptr(GHashTable) drop = g_hash_table_new (g_direct_hash, g_direct_equal);

  /* A running header or footer stands in the first or last two lines of
   * most pages.  One page, or two, tell nothing. */
  if (pages->len >= 3)
    {
      for (guint pass = 0; pass < 4; pass++)
        {
          gboolean from_end = pass >= 2;
          guint nth = pass % 2;
          g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

          for (guint p = 0; p < pages->len; p++)
            {
              GPtrArray *page = g_ptr_array_index (pages, p);
              int i = nth_line (page, nth, from_end);
              char *key = i >= 0 ? running_key (g_ptr_array_index (page, i)) : g_strdup ("");

              g_ptr_array_add (keys, key);
              if (key[0] != '\0')
                g_hash_table_insert (counts, g_strdup (key),
                                     GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
            }

          for (guint p = 0; p < pages->len; p++)
            {
              GPtrArray *page = g_ptr_array_index (pages, p);
              const char *key = g_ptr_array_index (keys, p);
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
              int i = nth_line (page, nth, from_end);

              /* Seen on more than half the pages, and short: a title or a
               * sentence would not repeat. */
              if (i >= 0 && key[0] != '\0' && n * 2 > pages->len &&
                  g_utf8_strlen (key, -1) <= 40)
                g_hash_table_add (drop, g_ptr_array_index (page, i));
            }
        }
    }

  for (guint p = 0; p < pages->len; p++)
    {
      GPtrArray *page = g_ptr_array_index (pages, p);

      for (guint i = 0; i < page->len; i++)
        {
          const char *text = g_ptr_array_index (page, i);

          if (g_hash_table_contains (drop, text) || is_blank_line (text))
            continue;
          _fz_lines_add (lines, text, -1, p + 1, FALSE);
        }
    }
}

xmlDoc *
_fz_xml_parse (GBytes      *bytes,
               const char  *what,
               GError     **error)
{
  xmlParserCtxt *ctxt;
  xmlDoc *doc;
  const char *data;
  gsize len;

  data = g_bytes_get_data (bytes, &len);

  if (len > G_MAXINT)
    {
      g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_TOO_LARGE,
                   _("The file’s part “%s” is too large to read."), what);
      return NULL;
    }

  /* No office format uses a DTD; one in a report is an attack (external
   * entities, "billion laughs"), refused before parsing. */
  if (g_strstr_len (data, MIN (len, 4096), "<!DOCTYPE") != NULL ||
      g_strstr_len (data, MIN (len, 4096), "<!ENTITY") != NULL)
    {
      g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSAFE,
                   _("The file’s part “%s” declares a document type or entities, which no report does; it was not read, for safety."),
                   what);
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNREADABLE,
                           _("Out of memory."));
      return NULL;
    }

  /* Without XML_PARSE_NOENT, XML_PARSE_DTDLOAD and XML_PARSE_HUGE libxml2
   * keeps entities unexpanded, loads nothing and caps depth and sizes. */
  doc = xmlCtxtReadMemory (ctxt, data, (int) len, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_NOCDATA);
  if (doc != NULL && doc->intSubset != NULL)
    {
      xmlFreeDoc (doc);
      doc = NULL;
      g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSAFE,
                   _("The file’s part “%s” declares a document type or entities, which no report does; it was not read, for safety."),
                   what);
    }
  else if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CORRUPT,
                   _("The file is damaged: its part “%s” is not well-formed XML. Ask the sender for a new copy."),
                   what);
    }
  xmlFreeParserCtxt (ctxt);

  return doc;
}

gboolean
_fz_xml_is (xmlNode    *node,
            const char *local_name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         strcmp ((const char *) node->name, local_name) == 0;
}

xmlNode *
_fz_xml_child (xmlNode    *node,
               const char *local_name)
{
  if (node == NULL)
    return NULL;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (_fz_xml_is (c, local_name))
      return c;

  return NULL;
}

char *
_fz_xml_attr (xmlNode    *node,
              const char *local_name)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;

  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (strcmp ((const char *) a->name, local_name) == 0)
      {
        xmlChar *v = xmlNodeListGetString (node->doc, a->children, 1);
        char *copy = g_strdup ((const char *) v);

        xmlFree (v);
        return copy;
      }

  return NULL;
}
