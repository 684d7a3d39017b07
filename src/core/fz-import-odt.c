/* fz-import-odt.c: OpenDocument text (.odt) reports
 *
 * content.xml holds the body; paragraphs and headings in order, lists and
 * sections walked through, tables row by row.  Tracked changes sit in
 * text:tracked-changes as the deleted text only, so leaving that element
 * out reads them as accepted.  Notes and annotations are not the report.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fz-i18n.h"
#include "fz-import-private.h"

typedef struct
{
  GPtrArray *lines;
  GPtrArray *deferred;
} Odt;

static void walk_blocks (Odt *odt, xmlNode *parent, guint depth);

static void
walk_inline (Odt     *odt,
             xmlNode *parent,
             GString *out,
             guint    depth)
{
  if (depth > FZ_XML_MAX_DEPTH)
    return;

  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      const char *name;

      if (c->type == XML_TEXT_NODE && c->content != NULL)
        {
          /* ODF collapses runs of white space in text; text:s carries
           * the real ones. */
          const char *p = (const char *) c->content;
          for (; *p; p++)
            {
              if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
                {
                  if (out->len == 0 || out->str[out->len - 1] != ' ')
                    g_string_append_c (out, ' ');
                }
              else
                g_string_append_c (out, *p);
            }
          continue;
        }
      if (c->type != XML_ELEMENT_NODE)
        continue;
      name = (const char *) c->name;

      if (g_str_equal (name, "s"))
        {
          g_autofree char *n = _fz_xml_attr (c, "c");
          int count = n ? CLAMP (atoi (n), 1, 64) : 1;
          for (int i = 0; i < count; i++)
            g_string_append_c (out, ' ');
        }
      else if (g_str_equal (name, "tab"))
        g_string_append_c (out, '\t');
      else if (g_str_equal (name, "line-break"))
        g_string_append_c (out, '\n');
      else if (g_str_equal (name, "note") || g_str_equal (name, "annotation") ||
               g_str_equal (name, "annotation-end") || g_str_equal (name, "tracked-changes"))
        continue;
      else if (g_str_equal (name, "frame") || g_str_equal (name, "text-box"))
        g_ptr_array_add (odt->deferred, c);
      else
        walk_inline (odt, c, out, depth + 1);
    }
}

static void
emit (Odt        *odt,
      const char *text)
{
  const char *p = text;

  for (;;)
    {
      const char *nl = strchr (p, '\n');

      if (nl == NULL)
        {
          _fz_lines_add (odt->lines, p, -1, 0, TRUE);
          break;
        }
      _fz_lines_add (odt->lines, p, nl - p, 0, FALSE);
      p = nl + 1;
    }
}

static void
cell_text (Odt     *odt,
           xmlNode *parent,
           GString *out,
           guint    depth)
{
  if (depth > FZ_XML_MAX_DEPTH)
    return;

  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (_fz_xml_is (c, "p") || _fz_xml_is (c, "h"))
        {
          gsize before = out->len;

          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          walk_inline (odt, c, out, depth + 1);
          for (gsize i = before; i < out->len; i++)
            if (out->str[i] == '\n' || out->str[i] == '\t')
              out->str[i] = ' ';
        }
      else if (c->type == XML_ELEMENT_NODE && !_fz_xml_is (c, "tracked-changes"))
        cell_text (odt, c, out, depth + 1);
    }
}

static void
walk_table (Odt     *odt,
            xmlNode *table,
            guint    depth)
{
  if (depth > FZ_XML_MAX_DEPTH)
    return;

  for (xmlNode *c = table->children; c != NULL; c = c->next)
    {
      g_autoptr(GString) row = NULL;

      if (_fz_xml_is (c, "table-rows") || _fz_xml_is (c, "table-header-rows") ||
          _fz_xml_is (c, "table-row-group"))
        {
          walk_table (odt, c, depth + 1);
          continue;
        }
      if (!_fz_xml_is (c, "table-row"))
        continue;

      row = g_string_new (NULL);
      for (xmlNode *cell = c->children; cell != NULL; cell = cell->next)
        {
          g_autoptr(GString) text = NULL;
          char *stripped;

          if (!_fz_xml_is (cell, "table-cell"))
            continue;
          text = g_string_new (NULL);
          cell_text (odt, cell, text, depth + 1);
          stripped = g_strstrip (text->str);
          if (*stripped == '\0')
            continue;
          if (row->len > 0)
            g_string_append (row, " | ");
          g_string_append (row, stripped);
        }
      if (row->len > 0)
        _fz_lines_add (odt->lines, row->str, row->len, 0, TRUE)->stands_alone = TRUE;
    }
}

static void
walk_blocks (Odt     *odt,
             xmlNode *parent,
             guint    depth)
{
  if (parent == NULL || depth > FZ_XML_MAX_DEPTH)
    return;

  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (_fz_xml_is (c, "p") || _fz_xml_is (c, "h"))
        {
          g_autoptr(GString) text = g_string_new (NULL);
          g_autoptr(GPtrArray) outer = odt->deferred;

          odt->deferred = g_ptr_array_new ();
          walk_inline (odt, c, text, depth + 1);
          emit (odt, text->str);
          for (guint i = 0; i < odt->deferred->len; i++)
            walk_blocks (odt, g_ptr_array_index (odt->deferred, i), depth + 1);
          g_ptr_array_unref (odt->deferred);
          odt->deferred = g_steal_pointer (&outer);
        }
      else if (_fz_xml_is (c, "table"))
        walk_table (odt, c, depth + 1);
      else if (_fz_xml_is (c, "tracked-changes") || _fz_xml_is (c, "sequence-decls") ||
               _fz_xml_is (c, "variable-decls") || _fz_xml_is (c, "user-field-decls"))
        continue;
      else if (c->type == XML_ELEMENT_NODE)
        /* text:list, text:list-item, text:section, text:index-body, draw:frame… */
        walk_blocks (odt, c, depth + 1);
    }
}

static gboolean
want_odt (const char *name,
          gpointer    user_data)
{
  return g_str_equal (name, "content.xml") || g_str_equal (name, "mimetype");
}

FzDocument *
_fz_import_odt (GBytes        *bytes,
                const char    *display_name,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GHashTable) parts = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  xmlNode *body;
  xmlDoc *content;
  GBytes *part;
  Odt odt = { 0 };
  FzDocument *doc = NULL;

  parts = _fz_zip_read (bytes, want_odt, NULL, cancellable, error);
  if (parts == NULL)
    return NULL;

  if ((part = g_hash_table_lookup (parts, "content.xml")) == NULL)
    {
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CORRUPT,
                           _("The file is damaged: it is an OpenDocument file without its content part (content.xml). Ask the sender for a new copy."));
      return NULL;
    }
  if ((content = _fz_xml_parse (part, "content.xml", error)) == NULL)
    return NULL;

  body = _fz_xml_child (_fz_xml_child (xmlDocGetRootElement (content), "body"), "text");
  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_source_line_free);
  odt.lines = lines;
  odt.deferred = g_ptr_array_new ();
  walk_blocks (&odt, body, 0);
  g_ptr_array_unref (odt.deferred);
  xmlFreeDoc (content);

  if (_fz_import_check_cancelled (cancellable, error))
    return NULL;
  if (body == NULL)
    {
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSUPPORTED,
                           _("This OpenDocument file is not a text document (perhaps a spreadsheet or a presentation). Open the report itself."));
      return NULL;
    }
  if (_fz_lines_check_text (lines, error))
    doc = fz_document_new_from_lines (lines, "odt", display_name);

  return doc;
}
