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

#define N_LEVELS 10

typedef struct
{
  char *format;         /* an OOXML numFmt name, NULL for bullets and none */
  char *prefix;
  char *suffix;
  char *list_format;    /* LibreOffice's "%1%.%2%、", when given */
  int   start;
  int   display_levels;
} Level;

typedef struct
{
  Level levels[N_LEVELS];
  int   count[N_LEVELS];
  guint used[N_LEVELS];
} ListStyle;

typedef struct
{
  GPtrArray  *lines;
  GPtrArray  *deferred;
  GHashTable *list_styles;    /* name → ListStyle */
  ListStyle  *outline;        /* numbering of text:h, or NULL */
  GHashTable *hidden_styles;  /* text styles that hide their text */
  ListStyle  *list;           /* the list being walked */
  int         level;          /* its depth, 1-based; 0 outside lists */
  gboolean    label_pending;  /* the list item's first paragraph is next */
} Odt;

static void
list_style_free (ListStyle *style)
{
  for (guint i = 0; i < N_LEVELS; i++)
    {
      g_free (style->levels[i].format);
      g_free (style->levels[i].prefix);
      g_free (style->levels[i].suffix);
      g_free (style->levels[i].list_format);
    }
  g_free (style);
}

/* ODF writes number formats as samples: "1", "a", "i", "一, 二, 三, ...". */
static char *
odf_format (const char *num_format)
{
  static const struct { const char *start; const char *name; } formats[] = {
    { "1", "decimal" }, { "a", "lowerLetter" }, { "A", "upperLetter" },
    { "i", "lowerRoman" }, { "I", "upperRoman" }, { "一", "chineseCounting" },
    { "壹", "chineseLegalSimplified" }, { "①", "decimalEnclosedCircle" },
    { "甲", "ideographTraditional" }, { "子", "ideographZodiac" }, { "１", "decimalFullWidth" },
  };

  if (num_format == NULL || num_format[0] == '\0')
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_prefix (num_format, formats[i].start))
      return g_strdup (formats[i].name);
  return g_strdup ("decimal");
}

static int
attr_int (xmlNode    *node,
          const char *name,
          int         fallback)
{
  g_autofree char *v = _fz_xml_attr (node, name);
  gint64 n;

  if (v == NULL || !g_ascii_string_to_signed (v, 10, 0, 100000, &n, NULL))
    return fallback;
  return (int) n;
}

static ListStyle *
parse_list_style (xmlNode *node)
{
  ListStyle *style = g_new0 (ListStyle, 1);

  for (guint i = 0; i < N_LEVELS; i++)
    style->levels[i].start = 1;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      g_autofree char *num_format = NULL;
      Level *level;
      int k;

      if (!_fz_xml_is (c, "list-level-style-number") && !_fz_xml_is (c, "outline-level-style"))
        continue;
      k = attr_int (c, "level", 0) - 1;
      if (k < 0 || k >= N_LEVELS)
        continue;
      level = &style->levels[k];
      num_format = _fz_xml_attr (c, "num-format");
      g_free (level->format);
      level->format = odf_format (num_format);
      g_free (level->prefix);
      level->prefix = _fz_xml_attr (c, "num-prefix");
      g_free (level->suffix);
      level->suffix = _fz_xml_attr (c, "num-suffix");
      g_free (level->list_format);
      level->list_format = _fz_xml_attr (c, "num-list-format");
      level->start = attr_int (c, "start-value", 1);
      level->display_levels = CLAMP (attr_int (c, "display-levels", 1), 1, k + 1);
    }
  return style;
}

/* List and outline styles, and the text styles that hide text, from one
 * styles container (office:styles or office:automatic-styles). */
static void
load_styles (Odt     *odt,
             xmlNode *container)
{
  for (xmlNode *c = container ? container->children : NULL; c != NULL; c = c->next)
    {
      if (_fz_xml_is (c, "list-style"))
        {
          char *name = _fz_xml_attr (c, "name");
          if (name != NULL)
            g_hash_table_replace (odt->list_styles, name, parse_list_style (c));
        }
      else if (_fz_xml_is (c, "outline-style") && odt->outline == NULL)
        odt->outline = parse_list_style (c);
      else if (_fz_xml_is (c, "style"))
        {
          g_autofree char *display = _fz_xml_attr (_fz_xml_child (c, "text-properties"), "display");
          char *name = _fz_xml_attr (c, "name");

          if (name != NULL && g_strcmp0 (display, "none") == 0)
            g_hash_table_add (odt->hidden_styles, name);
          else
            g_free (name);
        }
    }
}

/* Counts the paragraph in @style at @level (1-based) and returns its
 * label, as LibreOffice draws it. */
static char *
number_label (ListStyle *style,
              int        level)
{
  int k = level - 1;
  Level *l;
  GString *label;

  if (style == NULL || k < 0 || k >= N_LEVELS)
    return NULL;

  _fz_list_count (style->count, style->used, N_LEVELS, k, style->levels[k].start);

  l = &style->levels[k];
  if (l->format == NULL)
    return NULL;

  label = g_string_new (NULL);
  if (l->list_format != NULL)
    {
      for (const char *p = l->list_format; *p; p++)
        {
          if (p[0] == '%' && p[1] >= '1' && p[1] <= '9' && p[2] == '%')
            {
              int j = p[1] - '1';
              if (j <= k)
                _fz_append_list_number (label, style->levels[j].format,
                                        style->used[j] ? style->count[j] : style->levels[j].start);
              p += 2;
            }
          else
            g_string_append_c (label, *p);
        }
    }
  else
    {
      if (l->prefix)
        g_string_append (label, l->prefix);
      for (int j = k - l->display_levels + 1; j <= k; j++)
        {
          if (j < k)
            {
              _fz_append_list_number (label, style->levels[j].format,
                                      style->used[j] ? style->count[j] : style->levels[j].start);
              g_string_append_c (label, '.');
            }
          else
            _fz_append_list_number (label, l->format, style->count[k]);
        }
      if (l->suffix)
        g_string_append (label, l->suffix);
    }

  return g_string_free (label, FALSE);
}

static void walk_blocks (Odt *odt, xmlNode *parent, guint depth);

static gboolean
is_hidden (Odt     *odt,
           xmlNode *span)
{
  g_autofree char *style = _fz_xml_attr (span, "style-name");

  return style != NULL && g_hash_table_contains (odt->hidden_styles, style);
}

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
      else if (g_str_equal (name, "span") && is_hidden (odt, c))
        continue;
      else
        walk_inline (odt, c, out, depth + 1);
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
          gsize begin = _fz_cell_begin_paragraph (out);

          walk_inline (odt, c, out, depth + 1);
          _fz_cell_end_paragraph (out, begin);
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

          if (!_fz_xml_is (cell, "table-cell"))
            continue;
          text = g_string_new (NULL);
          cell_text (odt, cell, text, depth + 1);
          _fz_row_add_cell (row, text->str);
        }
      _fz_lines_add_row (odt->lines, row);
    }
}

static void
walk_list (Odt     *odt,
           xmlNode *list,
           guint    depth)
{
  g_autofree char *style_name = _fz_xml_attr (list, "style-name");
  g_autofree char *continues = _fz_xml_attr (list, "continue-numbering");
  g_autofree char *continue_list = _fz_xml_attr (list, "continue-list");
  ListStyle *outer = odt->list;
  int outer_level = odt->level;

  if (depth > FZ_XML_MAX_DEPTH)
    return;

  /* A nested list takes its style from the outer one unless it names its
   * own; a new top-level list restarts unless it says it continues. */
  if (style_name != NULL)
    odt->list = g_hash_table_lookup (odt->list_styles, style_name);
  odt->level = MIN (outer_level + 1, N_LEVELS);
  if (outer_level == 0 && odt->list != NULL &&
      g_strcmp0 (continues, "true") != 0 && continue_list == NULL)
    memset (odt->list->used, 0, sizeof odt->list->used);

  for (xmlNode *item = list->children; item != NULL; item = item->next)
    {
      if (!_fz_xml_is (item, "list-item") && !_fz_xml_is (item, "list-header"))
        continue;
      if (_fz_xml_is (item, "list-item") && odt->list != NULL)
        {
          int start = attr_int (item, "start-value", -1);
          int k = odt->level - 1;

          if (start >= 0)
            {
              /* Counted up to @start by the next label. */
              odt->list->count[k] = start - 1;
              odt->list->used[k] = TRUE;
            }
          odt->label_pending = TRUE;
        }
      walk_blocks (odt, item, depth + 1);
      odt->label_pending = FALSE;
    }

  odt->list = outer;
  odt->level = outer_level;
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
          /* A label LibreOffice cached in the file is read as text. */
          if (_fz_xml_child (c, "number") == NULL)
            {
              g_autofree char *label = NULL;

              if (odt->label_pending)
                label = number_label (odt->list, odt->level);
              else if (_fz_xml_is (c, "h") && odt->outline != NULL && odt->level == 0)
                label = number_label (odt->outline, attr_int (c, "outline-level", 1));
              if (label != NULL)
                g_string_append (text, label);
            }
          odt->label_pending = FALSE;
          walk_inline (odt, c, text, depth + 1);
          _fz_lines_add_paragraph (odt->lines, text->str);
          for (guint i = 0; i < odt->deferred->len; i++)
            walk_blocks (odt, g_ptr_array_index (odt->deferred, i), depth + 1);
          g_ptr_array_unref (odt->deferred);
          odt->deferred = g_steal_pointer (&outer);
        }
      else if (_fz_xml_is (c, "table"))
        walk_table (odt, c, depth + 1);
      else if (_fz_xml_is (c, "list"))
        walk_list (odt, c, depth + 1);
      /* A table of contents repeats the headings. */
      else if (_fz_xml_is (c, "tracked-changes") || _fz_xml_is (c, "sequence-decls") ||
               _fz_xml_is (c, "table-of-content") ||
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
  return g_str_equal (name, "content.xml") || g_str_equal (name, "styles.xml") ||
         g_str_equal (name, "META-INF/manifest.xml");
}

/* A password-protected OpenDocument file lists its parts in the manifest
 * with how each was encrypted; content.xml is then not XML at all. */
static gboolean
content_is_encrypted (GHashTable *parts)
{
  GBytes *bytes = g_hash_table_lookup (parts, "META-INF/manifest.xml");
  xmlDoc *manifest = bytes ? _fz_xml_parse (bytes, "META-INF/manifest.xml", NULL) : NULL;
  xmlNode *root = manifest ? xmlDocGetRootElement (manifest) : NULL;
  gboolean encrypted = FALSE;

  for (xmlNode *entry = root ? root->children : NULL; entry != NULL && !encrypted; entry = entry->next)
    {
      g_autofree char *path = NULL;

      if (!_fz_xml_is (entry, "file-entry"))
        continue;
      path = _fz_xml_attr (entry, "full-path");
      encrypted = g_strcmp0 (path, "content.xml") == 0 && _fz_xml_child (entry, "encryption-data") != NULL;
    }
  g_clear_pointer (&manifest, xmlFreeDoc);
  return encrypted;
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
  xmlDoc *content, *styles = NULL;
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
  if (content_is_encrypted (parts))
    {
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_ENCRYPTED,
                           _("The document is protected by a password. Ask the sender for a copy without a password."));
      return NULL;
    }
  if ((content = _fz_xml_parse (part, "content.xml", error)) == NULL)
    return NULL;

  body = _fz_xml_child (_fz_xml_child (xmlDocGetRootElement (content), "body"), "text");
  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_source_line_free);
  odt.lines = lines;
  odt.deferred = g_ptr_array_new ();
  odt.list_styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) list_style_free);
  odt.hidden_styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Styles only add list numbers and hide hidden text; a damaged
   * styles.xml costs the numbers, not the report. */
  if ((part = g_hash_table_lookup (parts, "styles.xml")) != NULL &&
      (styles = _fz_xml_parse (part, "styles.xml", NULL)) != NULL)
    {
      load_styles (&odt, _fz_xml_child (xmlDocGetRootElement (styles), "styles"));
      load_styles (&odt, _fz_xml_child (xmlDocGetRootElement (styles), "automatic-styles"));
    }
  load_styles (&odt, _fz_xml_child (xmlDocGetRootElement (content), "automatic-styles"));

  walk_blocks (&odt, body, 0);

  g_ptr_array_unref (odt.deferred);
  g_hash_table_unref (odt.list_styles);
  g_hash_table_unref (odt.hidden_styles);
  g_clear_pointer (&odt.outline, list_style_free);
  g_clear_pointer (&styles, xmlFreeDoc);
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
