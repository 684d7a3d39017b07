/* fz-import-docx.c: Word (OOXML) reports
 *
 * What a reviewer sees in Word is what must reach the checker: the body in
 * order, list numbers Word draws itself ("一、", "（一）") written out,
 * tables row by row, tracked changes as if accepted.  Headers, footers and
 * comments are not part of the report's text and stay out.
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
#include "fz-import-private.h"
#include "fz-text-util.h"

#define N_LEVELS 9

typedef struct
{
  int   start;
  char *fmt;
  char *text;
  char *suff;
  guint is_lgl : 1;
} Level;

typedef struct
{
  Level levels[N_LEVELS];
  int   count[N_LEVELS];
  guint used[N_LEVELS];
} AbstractNum;

typedef struct
{
  char *abstract_id;
  int   start_override[N_LEVELS];   /* -1 when none */
  guint override_applied : 1;
} Num;

typedef struct
{
  GPtrArray    *lines;
  GHashTable   *abstracts;      /* abstractNumId → AbstractNum */
  GHashTable   *nums;           /* numId → Num */
  GHashTable   *styles;         /* styleId → xmlNode <w:style> */
  GCancellable *cancellable;
  gboolean      cancelled;
  guint         n_paragraphs;
} Docx;

static void
abstract_num_free (AbstractNum *a)
{
  for (guint i = 0; i < N_LEVELS; i++)
    {
      g_free (a->levels[i].fmt);
      g_free (a->levels[i].text);
      g_free (a->levels[i].suff);
    }
  g_free (a);
}

static void
num_free (Num *n)
{
  g_free (n->abstract_id);
  g_free (n);
}

static int
attr_int (xmlNode *node,
          int      fallback)
{
  g_autofree char *v = _fz_xml_attr (node, "val");
  char *end = NULL;
  long n;

  if (v == NULL)
    return fallback;
  n = strtol (v, &end, 10);
  if (end == v || n < -1000000 || n > 1000000)
    return fallback;
  return (int) n;
}

static void
load_numbering (Docx   *docx,
                xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *c = root ? root->children : NULL; c != NULL; c = c->next)
    {
      if (_fz_xml_is (c, "abstractNum"))
        {
          g_autofree char *id = _fz_xml_attr (c, "abstractNumId");
          AbstractNum *a;

          if (id == NULL)
            continue;
          a = g_new0 (AbstractNum, 1);
          for (guint i = 0; i < N_LEVELS; i++)
            a->levels[i].start = 1;
          for (xmlNode *l = c->children; l != NULL; l = l->next)
            {
              g_autofree char *ilvl = NULL;
              Level *level;
              int k;

              if (!_fz_xml_is (l, "lvl"))
                continue;
              ilvl = _fz_xml_attr (l, "ilvl");
              k = ilvl ? atoi (ilvl) : -1;
              if (k < 0 || k >= N_LEVELS)
                continue;
              level = &a->levels[k];
              level->start = attr_int (_fz_xml_child (l, "start"), 1);
              g_free (level->fmt);
              level->fmt = _fz_xml_attr (_fz_xml_child (l, "numFmt"), "val");
              g_free (level->text);
              level->text = _fz_xml_attr (_fz_xml_child (l, "lvlText"), "val");
              g_free (level->suff);
              level->suff = _fz_xml_attr (_fz_xml_child (l, "suff"), "val");
              level->is_lgl = _fz_xml_child (l, "isLgl") != NULL;
            }
          g_hash_table_replace (docx->abstracts, g_steal_pointer (&id), a);
        }
      else if (_fz_xml_is (c, "num"))
        {
          g_autofree char *id = _fz_xml_attr (c, "numId");
          Num *n;

          if (id == NULL)
            continue;
          n = g_new0 (Num, 1);
          n->abstract_id = _fz_xml_attr (_fz_xml_child (c, "abstractNumId"), "val");
          for (guint i = 0; i < N_LEVELS; i++)
            n->start_override[i] = -1;
          for (xmlNode *o = c->children; o != NULL; o = o->next)
            {
              g_autofree char *ilvl = NULL;
              int k;

              if (!_fz_xml_is (o, "lvlOverride"))
                continue;
              ilvl = _fz_xml_attr (o, "ilvl");
              k = ilvl ? atoi (ilvl) : -1;
              if (k >= 0 && k < N_LEVELS && _fz_xml_child (o, "startOverride") != NULL)
                n->start_override[k] = attr_int (_fz_xml_child (o, "startOverride"), 1);
            }
          g_hash_table_replace (docx->nums, g_steal_pointer (&id), n);
        }
    }
}

static void
load_styles (Docx   *docx,
             xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *c = root ? root->children : NULL; c != NULL; c = c->next)
    {
      char *id;

      if (!_fz_xml_is (c, "style") || (id = _fz_xml_attr (c, "styleId")) == NULL)
        continue;
      g_hash_table_replace (docx->styles, id, c);
    }
}

/* The number Word draws before a list paragraph, or NULL. */
static char *
numbering_label (Docx       *docx,
                 const char *num_id,
                 int         ilvl)
{
  Num *num;
  AbstractNum *a;
  Level *level;
  GString *label;

  if (num_id == NULL || g_str_equal (num_id, "0") || ilvl < 0 || ilvl >= N_LEVELS)
    return NULL;
  if ((num = g_hash_table_lookup (docx->nums, num_id)) == NULL || num->abstract_id == NULL)
    return NULL;
  if ((a = g_hash_table_lookup (docx->abstracts, num->abstract_id)) == NULL)
    return NULL;

  /* A list that restarts (e.g. each chapter's "（一）") carries a
   * startOverride in its own w:num. */
  if (!num->override_applied)
    {
      num->override_applied = TRUE;
      for (guint i = 0; i < N_LEVELS; i++)
        if (num->start_override[i] >= 0)
          {
            a->levels[i].start = num->start_override[i];
            a->used[i] = FALSE;
          }
    }

  if (!a->used[ilvl])
    {
      a->count[ilvl] = a->levels[ilvl].start;
      a->used[ilvl] = TRUE;
    }
  else if (a->count[ilvl] < 100000)
    a->count[ilvl]++;
  for (int i = ilvl + 1; i < N_LEVELS; i++)
    a->used[i] = FALSE;

  level = &a->levels[ilvl];
  if (level->text == NULL || g_strcmp0 (level->fmt, "bullet") == 0 || g_strcmp0 (level->fmt, "none") == 0)
    return NULL;

  label = g_string_new (NULL);
  for (const char *p = level->text; *p; p++)
    {
      if (p[0] == '%' && p[1] >= '1' && p[1] <= '9')
        {
          int k = p[1] - '1';
          int n = k <= ilvl ? (a->used[k] ? a->count[k] : a->levels[k].start) : 0;

          _fz_append_list_number (label, level->is_lgl ? "decimal" : a->levels[k].fmt, n);
          p++;
        }
      else
        g_string_append_c (label, *p);
    }

  if (label->len > 0 && g_strcmp0 (level->suff, "nothing") != 0)
    {
      gunichar last = g_utf8_get_char (g_utf8_find_prev_char (label->str, label->str + label->len));

      /* "一、" already separates; "1." wants its tab (written as a space). */
      if (!fz_unichar_is_cjk_punct (last))
        g_string_append_c (label, ' ');
    }

  return g_string_free (label, FALSE);
}

/* Numbering a paragraph takes from its own w:numPr, else from its style
 * chain (Word's numbered heading styles). */
static void
paragraph_numbering (Docx     *docx,
                     xmlNode  *ppr,
                     char    **num_id,
                     int      *ilvl)
{
  xmlNode *numpr = _fz_xml_child (ppr, "numPr");
  g_autofree char *style_id = _fz_xml_attr (_fz_xml_child (ppr, "pStyle"), "val");

  *num_id = NULL;
  *ilvl = -1;

  if (numpr != NULL)
    {
      *num_id = _fz_xml_attr (_fz_xml_child (numpr, "numId"), "val");
      *ilvl = attr_int (_fz_xml_child (numpr, "ilvl"), -1);
    }

  for (guint hops = 0; style_id != NULL && hops < 16 && (*num_id == NULL || *ilvl < 0); hops++)
    {
      xmlNode *style = g_hash_table_lookup (docx->styles, style_id);
      xmlNode *snumpr = _fz_xml_child (_fz_xml_child (style, "pPr"), "numPr");

      if (style == NULL)
        break;
      if (snumpr != NULL)
        {
          if (*num_id == NULL)
            *num_id = _fz_xml_attr (_fz_xml_child (snumpr, "numId"), "val");
          if (*ilvl < 0)
            *ilvl = attr_int (_fz_xml_child (snumpr, "ilvl"), -1);
        }
      g_free (style_id);
      style_id = _fz_xml_attr (_fz_xml_child (style, "basedOn"), "val");
    }

  if (*num_id != NULL && *ilvl < 0)
    *ilvl = 0;
}

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
      /* Tracked deletions, field instructions, properties, references to
       * comments and notes: none is text of the report. */
      else if (g_str_equal (name, "del") || g_str_equal (name, "moveFrom") ||
               g_str_equal (name, "delText") || g_str_equal (name, "instrText") ||
               g_str_equal (name, "delInstrText") || g_str_equal (name, "rPr") ||
               g_str_equal (name, "pPr") || g_str_equal (name, "commentReference") ||
               g_str_equal (name, "footnoteReference") || g_str_equal (name, "endnoteReference") ||
               g_str_equal (name, "fldData") || g_str_equal (name, "Fallback"))
        continue;
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

/* The text of one w:p, its list number first.  Text boxes anchored in it
 * go to @deferred, to be read after it. */
static void
paragraph_text (Docx      *docx,
                xmlNode   *p,
                GString   *out,
                GPtrArray *deferred,
                guint      depth)
{
  g_autofree char *num_id = NULL;
  g_autofree char *label = NULL;
  int ilvl;

  paragraph_numbering (docx, _fz_xml_child (p, "pPr"), &num_id, &ilvl);
  label = numbering_label (docx, num_id, ilvl);
  if (label != NULL)
    g_string_append (out, label);
  walk_inline (docx, p, out, deferred, depth + 1);
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
          gsize before = out->len;

          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          paragraph_text (docx, c, out, deferred, depth + 1);
          for (gsize i = before; i < out->len; i++)
            if (out->str[i] == '\n' || out->str[i] == '\t')
              out->str[i] = ' ';
        }
      else if (_fz_xml_is (c, "tbl") || _fz_xml_is (c, "tr") || _fz_xml_is (c, "tc") ||
               _fz_xml_is (c, "sdt") || _fz_xml_is (c, "sdtContent") ||
               _fz_xml_is (c, "customXml") || _fz_xml_is (c, "ins") || _fz_xml_is (c, "moveTo"))
        cell_text (docx, c, out, deferred, depth + 1);
    }
}

static void
walk_table (Docx    *docx,
            xmlNode *tbl,
            guint    depth)
{
  g_autoptr(GPtrArray) deferred = g_ptr_array_new ();

  for (xmlNode *tr = tbl->children; tr != NULL; tr = tr->next)
    {
      g_autoptr(GString) row = NULL;

      if (!_fz_xml_is (tr, "tr"))
        continue;
      row = g_string_new (NULL);
      for (xmlNode *tc = tr->children; tc != NULL; tc = tc->next)
        {
          g_autoptr(GString) cell = NULL;
          char *stripped;

          if (!_fz_xml_is (tc, "tc"))
            continue;
          cell = g_string_new (NULL);
          cell_text (docx, tc, cell, deferred, depth + 1);
          stripped = g_strstrip (cell->str);
          if (*stripped == '\0')
            continue;
          /* Cells of a row stand side by side, as on the page. */
          if (row->len > 0)
            g_string_append (row, " | ");
          g_string_append (row, stripped);
        }
      if (row->len > 0)
        _fz_lines_add (docx->lines, row->str, row->len, 0, TRUE)->stands_alone = TRUE;
    }

  for (guint i = 0; i < deferred->len; i++)
    walk_blocks (docx, g_ptr_array_index (deferred, i), depth + 1);
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

  return name != NULL && g_ascii_strncasecmp (name, "toc ", 4) == 0;
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
          _fz_lines_add_paragraph (docx->lines, text->str);
          for (guint i = 0; i < deferred->len; i++)
            walk_blocks (docx, g_ptr_array_index (deferred, i), depth + 1);
        }
      else if (_fz_xml_is (c, "tbl"))
        walk_table (docx, c, depth + 1);
      else if (_fz_xml_is (c, "sdt") && _fz_docx_is_toc_block (c))
        continue;
      else if (_fz_xml_is (c, "sdt") || _fz_xml_is (c, "sdtContent") ||
               _fz_xml_is (c, "customXml") || _fz_xml_is (c, "ins") ||
               _fz_xml_is (c, "moveTo") || _fz_xml_is (c, "body"))
        walk_blocks (docx, c, depth + 1);
      else if (_fz_xml_is (c, "AlternateContent"))
        {
          xmlNode *choice = _fz_xml_child (c, "Choice");
          walk_blocks (docx, choice ? choice : c, depth + 1);
        }
    }
}

static gboolean
want_docx (const char *name,
           gpointer    user_data)
{
  return g_str_equal (name, "word/document.xml") ||
         g_str_equal (name, "word/numbering.xml") ||
         g_str_equal (name, "word/styles.xml");
}

FzDocument *
_fz_import_docx (GBytes        *bytes,
                 const char    *display_name,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GHashTable) parts = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  xmlDoc *document, *numbering = NULL, *styles = NULL;
  GBytes *part;
  Docx docx = { 0 };
  FzDocument *doc = NULL;

  parts = _fz_zip_read (bytes, want_docx, NULL, cancellable, error);
  if (parts == NULL)
    return NULL;

  if ((part = g_hash_table_lookup (parts, "word/document.xml")) == NULL)
    {
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CORRUPT,
                           _("The file is damaged: it is a Word document without its main part (word/document.xml). Ask the sender for a new copy."));
      return NULL;
    }
  if ((document = _fz_xml_parse (part, "word/document.xml", error)) == NULL)
    return NULL;

  /* Numbering and styles only add list numbers; a damaged one costs the
   * numbers, not the report. */
  if ((part = g_hash_table_lookup (parts, "word/numbering.xml")) != NULL)
    numbering = _fz_xml_parse (part, "word/numbering.xml", NULL);
  if ((part = g_hash_table_lookup (parts, "word/styles.xml")) != NULL)
    styles = _fz_xml_parse (part, "word/styles.xml", NULL);

  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_source_line_free);
  docx.lines = lines;
  docx.abstracts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) abstract_num_free);
  docx.nums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) num_free);
  docx.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  docx.cancellable = cancellable;

  if (numbering != NULL)
    load_numbering (&docx, numbering);
  if (styles != NULL)
    load_styles (&docx, styles);

  walk_blocks (&docx, _fz_xml_child (xmlDocGetRootElement (document), "body"), 0);

  if (docx.cancelled || _fz_import_check_cancelled (cancellable, NULL))
    g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CANCELLED,
                         _("Opening was cancelled."));
  else if (_fz_lines_check_text (lines, error))
    doc = fz_document_new_from_lines (lines, "docx", display_name);

  g_hash_table_unref (docx.abstracts);
  g_hash_table_unref (docx.nums);
  g_hash_table_unref (docx.styles);
  g_clear_pointer (&styles, xmlFreeDoc);
  g_clear_pointer (&numbering, xmlFreeDoc);
  xmlFreeDoc (document);

  return doc;
}
