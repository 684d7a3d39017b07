/* fz-import-util.c: XML and lines, shared by the importers
 *
 * Laid-out pages (PDF, OFD) are turned into lines by fz-import-pages.c.
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

gsize
_fz_cell_begin_paragraph (GString *cell)
{
  gsize begin = cell->len;

  if (cell->len > 0 && cell->str[cell->len - 1] != ' ')
    g_string_append_c (cell, ' ');
  return begin;
}

void
_fz_cell_end_paragraph (GString *cell,
                        gsize    begin)
{
  for (gsize i = begin; i < cell->len; i++)
    if (cell->str[i] == '\n' || cell->str[i] == '\t')
      cell->str[i] = ' ';
}

void
_fz_row_add_cell (GString *row,
                  char    *cell)
{
  const char *stripped = g_strstrip (cell);

  if (*stripped == '\0')
    return;
  /* Cells of a row stand side by side, as on the page. */
  if (row->len > 0)
    g_string_append (row, " | ");
  g_string_append (row, stripped);
}

void
_fz_lines_add_row (GPtrArray *lines,
                   GString   *row)
{
  if (row->len > 0)
    _fz_lines_add (lines, row->str, row->len, 0, TRUE)->stands_alone = TRUE;
}

void
_fz_lines_add_paragraph (GPtrArray  *lines,
                         const char *text)
{
  const char *p = text;

  for (;;)
    {
      const char *nl = strchr (p, '\n');

      if (nl == NULL)
        {
          _fz_lines_add (lines, p, -1, 0, TRUE);
          break;
        }
      _fz_lines_add (lines, p, nl - p, 0, FALSE);
      p = nl + 1;
    }
}

gboolean
_fz_lines_check_text (GPtrArray  *lines,
                      GError    **error)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const FzSourceLine *line = g_ptr_array_index (lines, i);

      if (!fz_text_is_blank (line->text))
        return TRUE;
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

static const char * const han_digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

static void
append_chinese (GString *out,
                int      n)
{
  if (n <= 0 || n >= 10000)
    {
      g_string_append_printf (out, "%d", n);
      return;
    }
  if (n >= 1000)
    {
      g_string_append_printf (out, "%s千", han_digits[n / 1000]);
      n %= 1000;
      if (n == 0)
        return;
      if (n < 100)
        g_string_append (out, "零");
    }
  if (n >= 100)
    {
      g_string_append_printf (out, "%s百", han_digits[n / 100]);
      n %= 100;
      if (n == 0)
        return;
      if (n < 10)
        {
          g_string_append_printf (out, "零%s", han_digits[n]);
          return;
        }
      g_string_append_printf (out, "%s十", han_digits[n / 10]);
    }
  else if (n >= 10)
    {
      /* 十一, not 一十一, below twenty. */
      if (n >= 20)
        g_string_append (out, han_digits[n / 10]);
      g_string_append (out, "十");
    }
  if (n % 10 != 0)
    g_string_append (out, han_digits[n % 10]);
}

static void
append_roman (GString  *out,
              int       n,
              gboolean  upper)
{
  static const struct { int v; const char *s; } r[] = {
    { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
    { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
  };

  if (n <= 0 || n >= 4000)
    {
      g_string_append_printf (out, "%d", n);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (r); i++)
    while (n >= r[i].v)
      {
        for (const char *s = r[i].s; *s; s++)
          g_string_append_c (out, upper ? g_ascii_toupper (*s) : *s);
        n -= r[i].v;
      }
}

void
_fz_append_list_number (GString    *out,
                        const char *fmt,
                        int         n)
{
  static const char * const tiangan[] = { "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸" };
  static const char * const dizhi[] = { "子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥" };

  if (fmt == NULL || g_str_equal (fmt, "decimal") || (g_str_equal (fmt, "decimalZero") && n >= 10))
    g_string_append_printf (out, "%d", n);
  else if (g_str_equal (fmt, "decimalZero"))
    g_string_append_printf (out, "%02d", n);
  else if (g_str_has_prefix (fmt, "chineseCounting") || g_str_has_prefix (fmt, "japaneseCounting") ||
           g_str_has_prefix (fmt, "taiwaneseCounting") || g_str_equal (fmt, "ideographDigital") ||
           g_str_equal (fmt, "chineseLegalSimplified"))
    append_chinese (out, n);
  else if (g_str_equal (fmt, "ideographTraditional") && n >= 1 && n <= 10)
    g_string_append (out, tiangan[n - 1]);
  else if (g_str_equal (fmt, "ideographZodiac") && n >= 1 && n <= 12)
    g_string_append (out, dizhi[n - 1]);
  else if (g_str_has_prefix (fmt, "decimalEnclosedCircle") && n >= 1 && n <= 20)
    g_string_append_unichar (out, 0x2460 + n - 1);
  else if (g_str_equal (fmt, "decimalFullWidth") || g_str_equal (fmt, "decimalFullWidth2"))
    {
      g_autofree char *digits = g_strdup_printf ("%d", n);
      for (const char *d = digits; *d; d++)
        g_string_append_unichar (out, *d == '-' ? 0xFF0D : 0xFF10 + (*d - '0'));
    }
  else if ((g_str_equal (fmt, "upperLetter") || g_str_equal (fmt, "lowerLetter")) && n >= 1)
    {
      char c = (g_str_equal (fmt, "upperLetter") ? 'A' : 'a') + (n - 1) % 26;
      for (int k = 0; k <= (n - 1) / 26 && k < 10; k++)
        g_string_append_c (out, c);
    }
  else if (g_str_equal (fmt, "upperRoman") || g_str_equal (fmt, "lowerRoman"))
    append_roman (out, n, g_str_equal (fmt, "upperRoman"));
  else
    g_string_append_printf (out, "%d", n);
}

void
_fz_list_count (int   *count,
                guint *used,
                int    n_levels,
                int    level,
                int    start)
{
  if (!used[level])
    {
      count[level] = start;
      used[level] = TRUE;
    }
  /* A runaway list stops counting rather than overflow. */
  else if (count[level] < 100000)
    count[level]++;
  for (int i = level + 1; i < n_levels; i++)
    used[i] = FALSE;
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

  if (data == NULL || len == 0)
    {
      g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CORRUPT,
                   _("The file is damaged: its part “%s” is not well-formed XML. Ask the sender for a new copy."),
                   what);
      return NULL;
    }
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
