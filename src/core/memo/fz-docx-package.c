/* fz-docx-package.c: writing Word packages inside libfazhi
 *
 * The parts are XML trees built and serialised by libxml2, and the
 * package is zipped by libarchive, never assembled from strings.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <libxml/xmlsave.h>

#include "fz-docx-package.h"
#include "fz-i18n.h"
#include "fz-memo.h"
#include "fz-memo-writers.h"
#include "fz-outline.h"

static la_ssize_t
collect (struct archive *a,
         void           *user_data,
         const void     *buffer,
         size_t          length)
{
  g_byte_array_append (user_data, buffer, length);
  return length;
}

GBytes *
_fz_package_write (GPtrArray   *names,
                   GHashTable  *parts,
                   GError     **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  struct archive *a = archive_write_new ();
  gboolean ok;

  ok = archive_write_set_format_zip (a) == ARCHIVE_OK &&
       archive_write_set_bytes_in_last_block (a, 1) == ARCHIVE_OK &&
       archive_write_open (a, out, NULL, collect, NULL) == ARCHIVE_OK;

  for (guint i = 0; ok && i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      GBytes *bytes = g_hash_table_lookup (parts, name);
      struct archive_entry *entry;
      gsize len;
      const void *data;

      g_return_val_if_fail (bytes != NULL, NULL);
      data = g_bytes_get_data (bytes, &len);
      entry = archive_entry_new ();
      archive_entry_set_pathname (entry, name);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, len);
      archive_entry_set_mtime (entry, (time_t) (g_get_real_time () / G_USEC_PER_SEC), 0);
      ok = archive_write_header (a, entry) == ARCHIVE_OK &&
           (len == 0 || archive_write_data (a, data, len) == (la_ssize_t) len);
      archive_entry_free (entry);
    }

  if (ok)
    ok = archive_write_close (a) == ARCHIVE_OK;
  if (!ok)
    g_set_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_FAILED,
                 _("Could not build the .docx file: %s"),
                 archive_error_string (a) ? archive_error_string (a) : "?");
  archive_write_free (a);

  return ok ? g_byte_array_free_to_bytes (g_steal_pointer (&out)) : NULL;
}

GBytes *
_fz_package_xml_bytes (xmlDoc *doc)
{
  xmlChar *mem = NULL;
  int len = 0;
  GBytes *bytes;

  xmlDocDumpMemoryEnc (doc, &mem, &len, "UTF-8");
  bytes = g_bytes_new (mem, MAX (len, 0));
  xmlFree (mem);

  return bytes;
}

/* A .docx of a document's text. */

typedef struct
{
  xmlDoc *doc;
  xmlNs  *w;
} Part;

static xmlNode *
element (Part       *part,
         xmlNode    *parent,
         const char *name)
{
  return xmlNewChild (parent, part->w, BAD_CAST name, NULL);
}

static xmlNode *
with_val (Part       *part,
          xmlNode    *parent,
          const char *name,
          const char *value)
{
  xmlNode *node = element (part, parent, name);

  xmlNewNsProp (node, part->w, BAD_CAST "val", BAD_CAST value);
  return node;
}

static xmlDoc *
new_part (Part       *part,
          const char *root)
{
  xmlNode *node;

  part->doc = xmlNewDoc (BAD_CAST "1.0");
  node = xmlNewNode (NULL, BAD_CAST root);
  xmlDocSetRootElement (part->doc, node);
  part->w = xmlNewNs (node, BAD_CAST FZ_W_NS, BAD_CAST "w");
  xmlSetNs (node, part->w);
  return part->doc;
}

static void
fonts (Part       *part,
       xmlNode    *rpr,
       const char *east_asia)
{
  xmlNode *f = element (part, rpr, "rFonts");

  xmlNewNsProp (f, part->w, BAD_CAST "ascii", BAD_CAST FZ_MEMO_FONT_LATIN);
  xmlNewNsProp (f, part->w, BAD_CAST "hAnsi", BAD_CAST FZ_MEMO_FONT_LATIN);
  xmlNewNsProp (f, part->w, BAD_CAST "eastAsia", BAD_CAST east_asia);
  xmlNewNsProp (f, part->w, BAD_CAST "cs", BAD_CAST FZ_MEMO_FONT_LATIN);
}

static void
paragraph_style (Part       *part,
                 xmlNode    *styles,
                 const char *id,
                 const char *name,
                 const char *font,
                 int         half_points,
                 const char *align,
                 gboolean    indent,
                 gboolean    bold)
{
  xmlNode *style = element (part, styles, "style");
  xmlNode *ppr, *rpr;
  g_autofree char *size = g_strdup_printf ("%d", half_points);

  xmlNewNsProp (style, part->w, BAD_CAST "type", BAD_CAST "paragraph");
  xmlNewNsProp (style, part->w, BAD_CAST "customStyle", BAD_CAST "1");
  xmlNewNsProp (style, part->w, BAD_CAST "styleId", BAD_CAST id);
  with_val (part, style, "name", name);
  with_val (part, style, "basedOn", "Normal");
  ppr = element (part, style, "pPr");
  if (indent)
    {
      xmlNode *ind = element (part, ppr, "ind");

      /* Two characters of 三号 (16 pt): 640 twentieths of a point. */
      xmlNewNsProp (ind, part->w, BAD_CAST "firstLineChars", BAD_CAST "200");
      xmlNewNsProp (ind, part->w, BAD_CAST "firstLine", BAD_CAST "640");
    }
  if (align != NULL)
    with_val (part, ppr, "jc", align);
  rpr = element (part, style, "rPr");
  fonts (part, rpr, font);
  if (bold)
    element (part, rpr, "b");
  with_val (part, rpr, "sz", size);
  with_val (part, rpr, "szCs", size);
}

static GBytes *
styles_part (void)
{
  Part part;
  xmlNode *root, *defaults, *rpr, *ppr, *spacing, *lang, *normal;
  GBytes *bytes;

  new_part (&part, "styles");
  root = xmlDocGetRootElement (part.doc);

  defaults = element (&part, root, "docDefaults");
  rpr = element (&part, element (&part, defaults, "rPrDefault"), "rPr");
  fonts (&part, rpr, FZ_MEMO_FONT_BODY);
  with_val (&part, rpr, "sz", "32");
  with_val (&part, rpr, "szCs", "32");
  /* Without it LibreOffice picks a Japanese face for the Chinese text. */
  lang = element (&part, rpr, "lang");
  xmlNewNsProp (lang, part.w, BAD_CAST "val", BAD_CAST "en-US");
  xmlNewNsProp (lang, part.w, BAD_CAST "eastAsia", BAD_CAST "zh-CN");
  ppr = element (&part, element (&part, defaults, "pPrDefault"), "pPr");
  spacing = element (&part, ppr, "spacing");
  xmlNewNsProp (spacing, part.w, BAD_CAST "line", BAD_CAST "560");
  xmlNewNsProp (spacing, part.w, BAD_CAST "lineRule", BAD_CAST "exact");
  with_val (&part, ppr, "jc", "both");

  normal = element (&part, root, "style");
  xmlNewNsProp (normal, part.w, BAD_CAST "type", BAD_CAST "paragraph");
  xmlNewNsProp (normal, part.w, BAD_CAST "default", BAD_CAST "1");
  xmlNewNsProp (normal, part.w, BAD_CAST "styleId", BAD_CAST "Normal");
  with_val (&part, normal, "name", "Normal");

  /* 二号 = 22 pt for the title, 三号 = 16 pt for the rest. */
  paragraph_style (&part, root, "ReportTitle", "Report Title", FZ_MEMO_FONT_TITLE, 44, "center", FALSE, FALSE);
  paragraph_style (&part, root, "ReportFront", "Report Front Matter", FZ_MEMO_FONT_BODY, 32, "center", FALSE, FALSE);
  paragraph_style (&part, root, "ReportAddressee", "Report Addressee", FZ_MEMO_FONT_BODY, 32, "left", FALSE, FALSE);
  paragraph_style (&part, root, "ReportHeading1", "Report Heading 1", FZ_MEMO_FONT_HEADING, 32, NULL, TRUE, FALSE);
  paragraph_style (&part, root, "ReportHeading2", "Report Heading 2", FZ_MEMO_FONT_KAI, 32, NULL, TRUE, FALSE);
  paragraph_style (&part, root, "ReportBody", "Report Body", FZ_MEMO_FONT_BODY, 32, NULL, TRUE, FALSE);
  paragraph_style (&part, root, "ReportSignature", "Report Signature", FZ_MEMO_FONT_BODY, 32, "right", FALSE, FALSE);

  bytes = _fz_package_xml_bytes (part.doc);
  xmlFreeDoc (part.doc);
  return bytes;
}

static GBytes *
font_table_part (void)
{
  static const struct { const char *name, *alt, *family; } table[] = {
    { FZ_MEMO_FONT_TITLE, "Noto Serif CJK SC", "roman" },
    { FZ_MEMO_FONT_HEADING, "Noto Sans CJK SC", "modern" },
    { FZ_MEMO_FONT_KAI, "Noto Serif CJK SC", "roman" },
    { FZ_MEMO_FONT_BODY, "Noto Serif CJK SC", "roman" },
  };
  Part part;
  GBytes *bytes;

  new_part (&part, "fonts");
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      xmlNode *font = element (&part, xmlDocGetRootElement (part.doc), "font");

      xmlNewNsProp (font, part.w, BAD_CAST "name", BAD_CAST table[i].name);
      with_val (&part, font, "altName", table[i].alt);
      with_val (&part, font, "charset", "86");
      with_val (&part, font, "family", table[i].family);
      with_val (&part, font, "pitch", "variable");
    }

  bytes = _fz_package_xml_bytes (part.doc);
  xmlFreeDoc (part.doc);
  return bytes;
}

static const char *
paragraph_style_for (FzDocument *doc,
                     guint       index,
                     GHashTable *headings)
{
  const FzParagraph *p = fz_document_get_paragraph (doc, index);
  gpointer depth;

  if (g_hash_table_lookup_extended (headings, GUINT_TO_POINTER (index), NULL, &depth))
    return GPOINTER_TO_UINT (depth) <= 1 ? "ReportHeading1" : "ReportHeading2";

  switch (p->kind)
    {
    case FZ_PARAGRAPH_TITLE:       return "ReportTitle";
    case FZ_PARAGRAPH_ISSUER_MARK:
    case FZ_PARAGRAPH_DOC_NUMBER:
    case FZ_PARAGRAPH_SIGNER:      return "ReportFront";
    case FZ_PARAGRAPH_ADDRESSEE:
    case FZ_PARAGRAPH_CC:
    case FZ_PARAGRAPH_PRINTED:     return "ReportAddressee";
    case FZ_PARAGRAPH_SIGNATURE:
    case FZ_PARAGRAPH_DATE:        return "ReportSignature";
    case FZ_PARAGRAPH_HEADING:     return "ReportHeading1";
    case FZ_PARAGRAPH_BODY:
    case FZ_PARAGRAPH_CLOSING:
    case FZ_PARAGRAPH_NOTE:
    case FZ_PARAGRAPH_FURNITURE:   /* a web page's lines around the report, kept as text */
    default:                       return "ReportBody";
    }
}

static GBytes *
document_part (FzDocument *doc,
               GPtrArray  *sections)
{
  g_autoptr(GHashTable) headings = g_hash_table_new (NULL, NULL);
  Part part;
  xmlNode *body, *sect, *size, *margins;
  GBytes *bytes;

  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      const FzSection *s = g_ptr_array_index (sections, i);

      /* A heading with body text after it in the same paragraph stays a
       * body paragraph: its text is more than the heading. */
      if (!s->inline_heading)
        g_hash_table_insert (headings, GUINT_TO_POINTER (s->paragraph), GUINT_TO_POINTER (s->depth));
    }

  new_part (&part, "document");
  body = element (&part, xmlDocGetRootElement (part.doc), "body");

  for (guint i = 0; i < fz_document_get_n_paragraphs (doc); i++)
    {
      gsize len;
      const char *text = fz_document_get_paragraph_text (doc, i, &len);
      g_autofree char *copy = g_strndup (text, len);
      xmlNode *p = element (&part, body, "p");
      xmlNode *run, *t;

      with_val (&part, element (&part, p, "pPr"), "pStyle", paragraph_style_for (doc, i, headings));
      run = element (&part, p, "r");
      t = xmlNewChild (run, part.w, BAD_CAST "t", NULL);
      xmlAddChild (t, xmlNewDocText (part.doc, BAD_CAST copy));
      xmlNodeSetSpacePreserve (t, 1);
    }

  sect = element (&part, body, "sectPr");
  size = element (&part, sect, "pgSz");
  xmlNewNsProp (size, part.w, BAD_CAST "w", BAD_CAST G_STRINGIFY (FZ_MEMO_PAGE_W));
  xmlNewNsProp (size, part.w, BAD_CAST "h", BAD_CAST G_STRINGIFY (FZ_MEMO_PAGE_H));
  margins = element (&part, sect, "pgMar");
  xmlNewNsProp (margins, part.w, BAD_CAST "top", BAD_CAST G_STRINGIFY (FZ_MEMO_MARGIN_T));
  xmlNewNsProp (margins, part.w, BAD_CAST "bottom", BAD_CAST G_STRINGIFY (FZ_MEMO_MARGIN_B));
  xmlNewNsProp (margins, part.w, BAD_CAST "left", BAD_CAST G_STRINGIFY (FZ_MEMO_MARGIN_L));
  xmlNewNsProp (margins, part.w, BAD_CAST "right", BAD_CAST G_STRINGIFY (FZ_MEMO_MARGIN_R));
  xmlNewNsProp (margins, part.w, BAD_CAST "header", BAD_CAST "851");
  xmlNewNsProp (margins, part.w, BAD_CAST "footer", BAD_CAST "992");
  xmlNewNsProp (margins, part.w, BAD_CAST "gutter", BAD_CAST "0");

  bytes = _fz_package_xml_bytes (part.doc);
  xmlFreeDoc (part.doc);
  return bytes;
}

/* Relationships, content types and core properties: no w: namespace. */

static xmlDoc *
plain_part (const char  *root,
            const char  *ns,
            xmlNode    **root_node)
{
  xmlDoc *doc = xmlNewDoc (BAD_CAST "1.0");

  *root_node = xmlNewNode (NULL, BAD_CAST root);
  xmlDocSetRootElement (doc, *root_node);
  xmlSetNs (*root_node, xmlNewNs (*root_node, BAD_CAST ns, NULL));
  return doc;
}

static void
relationship (xmlNode    *root,
              const char *id,
              const char *type,
              const char *target)
{
  xmlNode *rel = xmlNewChild (root, root->ns, BAD_CAST "Relationship", NULL);

  xmlNewProp (rel, BAD_CAST "Id", BAD_CAST id);
  xmlNewProp (rel, BAD_CAST "Type", BAD_CAST type);
  xmlNewProp (rel, BAD_CAST "Target", BAD_CAST target);
}

static GBytes *
take_bytes (xmlDoc *doc)
{
  GBytes *bytes = _fz_package_xml_bytes (doc);

  xmlFreeDoc (doc);
  return bytes;
}

static GBytes *
content_types_part (void)
{
  static const struct { const char *part, *type; } overrides[] = {
    { "/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" },
    { "/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml" },
    { "/word/fontTable.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml" },
    { "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml" },
  };
  xmlNode *root, *node;
  xmlDoc *doc = plain_part ("Types", FZ_TYPES_NS, &root);

  node = xmlNewChild (root, root->ns, BAD_CAST "Default", NULL);
  xmlNewProp (node, BAD_CAST "Extension", BAD_CAST "rels");
  xmlNewProp (node, BAD_CAST "ContentType", BAD_CAST "application/vnd.openxmlformats-package.relationships+xml");
  node = xmlNewChild (root, root->ns, BAD_CAST "Default", NULL);
  xmlNewProp (node, BAD_CAST "Extension", BAD_CAST "xml");
  xmlNewProp (node, BAD_CAST "ContentType", BAD_CAST "application/xml");
  for (guint i = 0; i < G_N_ELEMENTS (overrides); i++)
    {
      node = xmlNewChild (root, root->ns, BAD_CAST "Override", NULL);
      xmlNewProp (node, BAD_CAST "PartName", BAD_CAST overrides[i].part);
      xmlNewProp (node, BAD_CAST "ContentType", BAD_CAST overrides[i].type);
    }

  return take_bytes (doc);
}

static GBytes *
core_part (const char *title)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  xmlDoc *doc = xmlNewDoc (BAD_CAST "1.0");
  xmlNode *root = xmlNewNode (NULL, BAD_CAST "coreProperties");
  xmlNs *cp, *dc, *dcterms, *xsi;
  xmlNode *created;

  xmlDocSetRootElement (doc, root);
  cp = xmlNewNs (root, BAD_CAST "http://schemas.openxmlformats.org/package/2006/metadata/core-properties", BAD_CAST "cp");
  dc = xmlNewNs (root, BAD_CAST "http://purl.org/dc/elements/1.1/", BAD_CAST "dc");
  dcterms = xmlNewNs (root, BAD_CAST "http://purl.org/dc/terms/", BAD_CAST "dcterms");
  xsi = xmlNewNs (root, BAD_CAST "http://www.w3.org/2001/XMLSchema-instance", BAD_CAST "xsi");
  xmlSetNs (root, cp);
  if (title != NULL)
    xmlNewTextChild (root, dc, BAD_CAST "title", BAD_CAST title);
  xmlNewTextChild (root, dc, BAD_CAST "language", BAD_CAST "zh-CN");
  created = xmlNewTextChild (root, dcterms, BAD_CAST "created", BAD_CAST stamp);
  xmlNewNsProp (created, xsi, BAD_CAST "type", BAD_CAST "dcterms:W3CDTF");

  return take_bytes (doc);
}

GBytes *
_fz_docx_from_document (FzDocument  *doc,
                        GPtrArray   *sections,
                        const char  *title,
                        GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) parts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_bytes_unref);
  xmlNode *root;
  xmlDoc *rels;

  g_return_val_if_fail (FZ_IS_DOCUMENT (doc), NULL);

#define ADD(name, bytes) G_STMT_START { \
    g_ptr_array_add (names, (gpointer) (name)); \
    g_hash_table_insert (parts, (gpointer) (name), (bytes)); \
  } G_STMT_END

  /* [Content_Types].xml first, as some readers expect. */
  ADD ("[Content_Types].xml", content_types_part ());

  rels = plain_part ("Relationships", FZ_REL_NS, &root);
  relationship (root, "rId1", FZ_REL_TYPE_OFFICE_DOCUMENT, "word/document.xml");
  relationship (root, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml");
  ADD ("_rels/.rels", take_bytes (rels));

  ADD ("word/document.xml", document_part (doc, sections));

  rels = plain_part ("Relationships", FZ_REL_NS, &root);
  relationship (root, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
                "styles.xml");
  relationship (root, "rId2", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable",
                "fontTable.xml");
  ADD ("word/_rels/document.xml.rels", take_bytes (rels));

  ADD ("word/styles.xml", styles_part ());
  ADD ("word/fontTable.xml", font_table_part ());
  ADD ("docProps/core.xml", core_part (title));
#undef ADD

  return _fz_package_write (names, parts, error);
}
