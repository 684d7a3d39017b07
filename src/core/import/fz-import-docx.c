/* fz-import-docx.c: Word (OOXML) reports
 *
 * What a reviewer sees in Word is what must reach the checker: the body in
 * order, list numbers Word draws itself ("一、", "（一）") written out,
 * tables row by row (cells inside content controls too), tracked changes
 * as if accepted, and footnotes and endnotes after the paragraph that
 * refers to them.  Headers, footers and comments are not part of the
 * report's text and stay out.  The parts are found through the package's
 * relationships, as Word does.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "fz-i18n.h"
#include "fz-import-docx.h"
#include "fz-text-util.h"

gboolean
_fz_docx_run_is_hidden (xmlNode *run)
{
  xmlNode *rpr = _fz_xml_child (run, "rPr");
  xmlNode *vanish = _fz_xml_child (rpr, "vanish");

  if (vanish == NULL)
    return FALSE;
  /* <w:vanish w:val="false"/> switches it off. */
  {
    g_autofree char *v = _fz_xml_attr (vanish, "val");
    return v == NULL || !(g_str_equal (v, "false") || g_str_equal (v, "0") || g_str_equal (v, "off"));
  }
}

gboolean
_fz_docx_is_not_text (const char *local_name)
{
  static const char * const not_text[] = {
    "del", "moveFrom", "delText", "instrText", "delInstrText", "rPr", "pPr",
    "commentReference", "fldData", "Fallback", "sdtPr", "sdtEndPr",
    NULL,
  };

  return g_strv_contains (not_text, local_name);
}

static void
append_content (GString *out,
                xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_TEXT_NODE && c->content != NULL)
      g_string_append (out, (const char *) c->content);
}

static void walk_blocks (Docx *docx, xmlNode *parent, guint depth);

static void
defer_note (Docx      *docx,
            xmlNode   *reference,
            NoteKind   kind,
            GPtrArray *deferred)
{
  g_autofree char *id = _fz_xml_attr (reference, "id");
  xmlNode *note = id && docx->notes[kind] ? g_hash_table_lookup (docx->notes[kind], id) : NULL;

  if (note == NULL || g_hash_table_contains (docx->note_labels, note))
    return;

  {
    GString *label = g_string_new ("[");
    /* Word numbers footnotes 1, 2, 3 and endnotes i, ii, iii unless the
     * document says otherwise. */
    const char *format = docx->note_format[kind] ? docx->note_format[kind]
                                                 : kind == NOTE_FOOT ? "decimal" : "lowerRoman";

    _fz_append_list_number (label, format, (int) ++docx->n_notes[kind]);
    g_string_append (label, "] ");
    g_hash_table_insert (docx->note_labels, note, g_string_free (label, FALSE));
  }
  g_ptr_array_add (deferred, note);
}

/* Text boxes and notes anchored in a paragraph or a table, read after it. */
static void
walk_deferred (Docx      *docx,
               GPtrArray *deferred,
               guint      depth)
{
  for (guint i = 0; i < deferred->len; i++)
    {
      xmlNode *node = g_ptr_array_index (deferred, i);
      const char *label = g_hash_table_lookup (docx->note_labels, node);
      guint before = docx->lines->len;

      walk_blocks (docx, node, depth + 1);
      if (label != NULL && docx->lines->len > before)
        {
          FzSourceLine *first = g_ptr_array_index (docx->lines, before);
          char *text = g_strconcat (label, first->text, NULL);

          g_free (first->text);
          first->text = text;
        }
    }
}

static void
walk_inline (Docx      *docx,
             xmlNode   *parent,
             GString   *out,
             GPtrArray *deferred,
             guint      depth)
{
  if (depth > FZ_XML_MAX_DEPTH)
    return;

  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      const char *name;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      name = (const char *) c->name;

      if (g_str_equal (name, "t"))
        append_content (out, c);
      else if (g_str_equal (name, "tab") || g_str_equal (name, "ptab"))
        g_string_append_c (out, '\t');
      else if (g_str_equal (name, "br") || g_str_equal (name, "cr"))
        {
          g_autofree char *type = _fz_xml_attr (c, "type");
          if (type == NULL || g_str_equal (type, "textWrapping"))
            g_string_append_c (out, '\n');
        }
      else if (g_str_equal (name, "noBreakHyphen"))
        g_string_append_c (out, '-');
      else if (_fz_docx_is_not_text (name))
        continue;
      /* The note's text follows the paragraph, labelled as Word numbers
       * it; the reference mark itself stays out of the sentence. */
      else if (g_str_equal (name, "footnoteReference") || g_str_equal (name, "endnoteReference"))
        defer_note (docx, c, name[0] == 'f' ? NOTE_FOOT : NOTE_END, deferred);
      else if (g_str_equal (name, "r") && _fz_docx_run_is_hidden (c))
        continue;
      else if (g_str_equal (name, "txbxContent"))
        g_ptr_array_add (deferred, c);
      else if (g_str_equal (name, "AlternateContent"))
        {
          /* Choice and Fallback hold the same content twice. */
          xmlNode *choice = _fz_xml_child (c, "Choice");
          walk_inline (docx, choice ? choice : c, out, deferred, depth + 1);
        }
      else
        walk_inline (docx, c, out, deferred, depth + 1);
    }
}

/* The text of one w:p, its list number first.  Text boxes and notes
 * anchored in it go to @deferred, to be read after it. */
static void
paragraph_text (Docx      *docx,
                xmlNode   *p,
                GString   *out,
                GPtrArray *deferred,
                guint      depth)
{
  g_autofree char *label = _fz_docx_paragraph_label (docx, _fz_xml_child (p, "pPr"));

  if (label != NULL)
    g_string_append (out, label);
  walk_inline (docx, p, out, deferred, depth + 1);
}

/* Content controls, custom XML, tracked insertions and smart tags wrap
 * rows, cells and paragraphs without being any of them. */
static gboolean
is_wrapper (xmlNode *node)
{
  return _fz_xml_is (node, "sdt") || _fz_xml_is (node, "sdtContent") ||
         _fz_xml_is (node, "customXml") || _fz_xml_is (node, "ins") ||
         _fz_xml_is (node, "moveTo") || _fz_xml_is (node, "smartTag");
}

/* The @name children of @parent, through any wrappers around them. */
static void
collect (xmlNode    *parent,
         const char *name,
         GPtrArray  *out,
         guint       depth)
{
  if (depth > FZ_XML_MAX_DEPTH)
    return;
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (_fz_xml_is (c, name))
        g_ptr_array_add (out, c);
      else if (is_wrapper (c))
        collect (c, name, out, depth + 1);
    }
}

static void
cell_text (Docx      *docx,
           xmlNode   *parent,
           GString   *out,
           GPtrArray *deferred,
           guint      depth)
{
  if (depth > FZ_XML_MAX_DEPTH)
    return;

  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (_fz_xml_is (c, "p"))
        {
          gsize begin = _fz_cell_begin_paragraph (out);

          paragraph_text (docx, c, out, deferred, depth + 1);
          _fz_cell_end_paragraph (out, begin);
        }
      else if (_fz_xml_is (c, "tbl") || _fz_xml_is (c, "tr") || _fz_xml_is (c, "tc") || is_wrapper (c))
        cell_text (docx, c, out, deferred, depth + 1);
    }
}

static void
walk_table (Docx    *docx,
            xmlNode *tbl,
            guint    depth)
{
  g_autoptr(GPtrArray) deferred = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (tbl, "tr", rows, depth + 1);
  for (guint r = 0; r < rows->len; r++)
    {
      g_autoptr(GString) row = g_string_new (NULL);
      g_autoptr(GPtrArray) cells = g_ptr_array_new ();

      collect (g_ptr_array_index (rows, r), "tc", cells, depth + 1);
      for (guint k = 0; k < cells->len; k++)
        {
          g_autoptr(GString) cell = g_string_new (NULL);

          cell_text (docx, g_ptr_array_index (cells, k), cell, deferred, depth + 1);
          _fz_row_add_cell (row, cell->str);
        }
      _fz_lines_add_row (docx->lines, row);
    }
  g_clear_pointer (&docx->last_look, g_free);

  walk_deferred (docx, deferred, depth);
}

/* A table of contents repeats the headings with page numbers; read, it
 * would put every heading twice into the outline. */
gboolean
_fz_docx_is_toc_block (xmlNode *sdt)
{
  xmlNode *gallery = _fz_xml_child (_fz_xml_child (_fz_xml_child (sdt, "sdtPr"), "docPartObj"), "docPartGallery");
  g_autofree char *val = _fz_xml_attr (gallery, "val");

  return val != NULL && g_str_equal (val, "Table of Contents");
}

/* Word's TOC styles are named "toc 1"… whatever the interface language
 * (their ids are not: "TOC1" in English Word, "10" in Chinese). */
static gboolean
is_toc_paragraph (Docx    *docx,
                  xmlNode *p)
{
  g_autofree char *style_id = _fz_xml_attr (_fz_xml_child (_fz_xml_child (p, "pPr"), "pStyle"), "val");
  xmlNode *style = style_id ? g_hash_table_lookup (docx->styles, style_id) : NULL;
  g_autofree char *name = _fz_xml_attr (_fz_xml_child (style, "name"), "val");

  /* "toc 1"…"toc 9" are the entries; "TOC Heading" is the contents'
   * title, which some authors give the document's own title. */
  return name != NULL && g_ascii_strncasecmp (name, "toc ", 4) == 0 && g_ascii_isdigit (name[4]);
}

/* A paragraph whose look (alignment, size) differs from the one before
 * it is a paragraph of its own even without a sentence's end: a title's
 * lines are joined, but not the 来源 or date line in smaller print under
 * it. */
static void
add_paragraph (Docx       *docx,
               xmlNode    *p,
               const char *text)
{
  g_autofree char *look = NULL;
  guint first = docx->lines->len;
  gboolean blank = TRUE;

  for (const char *q = text; *q && blank; q = g_utf8_next_char (q))
    blank = g_unichar_isspace (g_utf8_get_char (q)) || fz_unichar_is_space (g_utf8_get_char (q));

  _fz_lines_add_paragraph (docx->lines, text);
  if (blank)
    return;
  look = _fz_docx_paragraph_look (docx, p);
  if (docx->last_look != NULL && !g_str_equal (look, docx->last_look))
    ((FzSourceLine *) g_ptr_array_index (docx->lines, first))->stands_alone = TRUE;
  g_free (docx->last_look);
  docx->last_look = g_steal_pointer (&look);
}

static void
walk_blocks (Docx    *docx,
             xmlNode *parent,
             guint    depth)
{
  if (parent == NULL || depth > FZ_XML_MAX_DEPTH || docx->cancelled)
    return;

  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (_fz_xml_is (c, "p"))
        {
          g_autoptr(GString) text = g_string_new (NULL);
          g_autoptr(GPtrArray) deferred = g_ptr_array_new ();

          if (++docx->n_paragraphs % 256 == 0 && g_cancellable_is_cancelled (docx->cancellable))
            docx->cancelled = TRUE;
          if (is_toc_paragraph (docx, c))
            continue;

          paragraph_text (docx, c, text, deferred, depth + 1);
          add_paragraph (docx, c, text->str);
          walk_deferred (docx, deferred, depth);
        }
      else if (_fz_xml_is (c, "tbl"))
        walk_table (docx, c, depth + 1);
      else if (_fz_xml_is (c, "sdt") && _fz_docx_is_toc_block (c))
        continue;
      else if (is_wrapper (c) || _fz_xml_is (c, "body"))
        walk_blocks (docx, c, depth + 1);
      else if (_fz_xml_is (c, "AlternateContent"))
        {
          xmlNode *choice = _fz_xml_child (c, "Choice");
          walk_blocks (docx, choice ? choice : c, depth + 1);
        }
    }
}

/* The relationships and the parts they may name; not the parts that hold
 * no text (fonts, settings, theme, properties), which only cost time. */
static gboolean
want_docx (const char *name,
           gpointer    user_data)
{
  static const char * const skipped_dirs[] = { "docProps/", "customXml/", "word/theme/", "word/glossary/" };
  static const char * const skipped[] = {
    "word/fontTable.xml", "word/settings.xml", "word/webSettings.xml", "[Content_Types].xml",
  };

  if (g_str_has_suffix (name, ".rels"))
    return TRUE;
  if (!g_str_has_suffix (name, ".xml"))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (skipped_dirs); i++)
    if (g_str_has_prefix (name, skipped_dirs[i]))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    if (g_str_equal (name, skipped[i]))
      return FALSE;
  return TRUE;
}

/* A part the main part relates to by @type, else where Word puts it;
 * parsed, or NULL when absent or damaged (it costs list numbers or notes,
 * not the report). */
static xmlDoc *
related_part (GHashTable *parts,
              const char *main_part,
              const char *type,
              const char *usual)
{
  g_autofree char *name = _fz_opc_related (parts, main_part, type);
  GBytes *bytes = g_hash_table_lookup (parts, name ? name : usual);

  return bytes ? _fz_xml_parse (bytes, name ? name : usual, NULL) : NULL;
}

/* w:id → note, for the notes of @doc that hold text (not Word's
 * separators). */
static GHashTable *
index_notes (xmlDoc     *doc,
             const char *element)
{
  GHashTable *notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlNode *root = doc ? xmlDocGetRootElement (doc) : NULL;

  for (xmlNode *c = root ? root->children : NULL; c != NULL; c = c->next)
    {
      g_autofree char *type = NULL;
      char *id;

      if (!_fz_xml_is (c, element))
        continue;
      type = _fz_xml_attr (c, "type");
      if ((type != NULL && !g_str_equal (type, "normal")) || (id = _fz_xml_attr (c, "id")) == NULL)
        continue;
      g_hash_table_replace (notes, id, c);
    }
  return notes;
}

FzDocument *
_fz_import_docx (GBytes        *bytes,
                 const char    *display_name,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GHashTable) parts = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *main_part = NULL;
  xmlDoc *document, *numbering, *styles, *footnotes, *endnotes;
  xmlNode *body, *sect;
  Docx docx = { 0 };
  FzDocument *doc = NULL;

  parts = _fz_zip_read (bytes, want_docx, NULL, cancellable, error);
  if (parts == NULL)
    return NULL;

  if ((main_part = _fz_opc_main_part (parts)) == NULL)
    {
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CORRUPT,
                           _("The file is damaged: it is a Word document without its main part (word/document.xml). Ask the sender for a new copy."));
      return NULL;
    }
  if ((document = _fz_xml_parse (g_hash_table_lookup (parts, main_part), main_part, error)) == NULL)
    return NULL;

  numbering = related_part (parts, main_part, "numbering", "word/numbering.xml");
  styles = related_part (parts, main_part, "styles", "word/styles.xml");
  footnotes = related_part (parts, main_part, "footnotes", "word/footnotes.xml");
  endnotes = related_part (parts, main_part, "endnotes", "word/endnotes.xml");

  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_source_line_free);
  docx.lines = lines;
  docx.cancellable = cancellable;
  _fz_docx_init (&docx);
  docx.notes[NOTE_FOOT] = index_notes (footnotes, "footnote");
  docx.notes[NOTE_END] = index_notes (endnotes, "endnote");
  docx.note_labels = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);

  if (numbering != NULL)
    _fz_docx_load_numbering (&docx, numbering);
  if (styles != NULL)
    _fz_docx_load_styles (&docx, styles);

  /* How the last section numbers its notes, when it says. */
  body = _fz_xml_child (xmlDocGetRootElement (document), "body");
  sect = _fz_xml_child (body, "sectPr");
  docx.note_format[NOTE_FOOT] = _fz_xml_attr (_fz_xml_child (_fz_xml_child (sect, "footnotePr"), "numFmt"), "val");
  docx.note_format[NOTE_END] = _fz_xml_attr (_fz_xml_child (_fz_xml_child (sect, "endnotePr"), "numFmt"), "val");

  walk_blocks (&docx, body, 0);

  if (docx.cancelled || _fz_import_check_cancelled (cancellable, NULL))
    g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CANCELLED,
                         _("Opening was cancelled."));
  else if (_fz_lines_check_text (lines, error))
    doc = fz_document_new_from_lines (lines, "docx", display_name);

  _fz_docx_clear (&docx);
  for (guint k = 0; k < N_NOTE_KINDS; k++)
    {
      g_clear_pointer (&docx.notes[k], g_hash_table_unref);
      g_free (docx.note_format[k]);
    }
  g_clear_pointer (&docx.note_labels, g_hash_table_unref);
  g_free (docx.last_look);
  g_clear_pointer (&footnotes, xmlFreeDoc);
  g_clear_pointer (&endnotes, xmlFreeDoc);
  g_clear_pointer (&styles, xmlFreeDoc);
  g_clear_pointer (&numbering, xmlFreeDoc);
  xmlFreeDoc (document);

  return doc;
}
