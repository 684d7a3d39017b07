/* fz-memo-docx-private.h: what the memo's .docx parts share
 *
 * The page's measures, the fonts and a few helpers over libxml2's text
 * writer, for the document body (fz-memo-docx.c) and its styles, fonts
 * and settings (fz-memo-docx-styles.c).
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/xmlwriter.h>

#include "fz-memo-writers.h"

G_BEGIN_DECLS

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* The type area's width, in twentieths of a point. */
#define TEXT_W   (FZ_MEMO_PAGE_W - FZ_MEMO_MARGIN_L - FZ_MEMO_MARGIN_R)

#define START(x, name) xmlTextWriterStartElement ((x)->w, BAD_CAST (name))
#define END(x) xmlTextWriterEndElement ((x)->w)
#define ATTR(x, name, value) xmlTextWriterWriteAttribute ((x)->w, BAD_CAST (name), BAD_CAST (value))

typedef struct
{
  xmlBufferPtr     buffer;
  xmlTextWriterPtr w;
} Xml;

static inline void
_fz_docx_xml_begin (Xml *x)
{
  x->buffer = xmlBufferCreate ();
  x->w = xmlNewTextWriterMemory (x->buffer, 0);
  xmlTextWriterStartDocument (x->w, NULL, "UTF-8", "yes");
}

static inline GBytes *
_fz_docx_xml_end (Xml *x)
{
  GBytes *bytes;

  xmlTextWriterEndDocument (x->w);
  xmlFreeTextWriter (x->w);
  bytes = g_bytes_new (xmlBufferContent (x->buffer), xmlBufferLength (x->buffer));
  xmlBufferFree (x->buffer);

  return bytes;
}


static inline void
_fz_docx_attr_int (Xml        *x,
          const char *name,
          int         value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%d", value);
  ATTR (x, name, buf);
}

/* <NAME w:val="VALUE"/> */
static inline void
_fz_docx_val (Xml        *x,
     const char *name,
     const char *value)
{
  START (x, name);
  ATTR (x, "w:val", value);
  END (x);
}

static inline void
_fz_docx_val_int (Xml        *x,
         const char *name,
         int         value)
{
  START (x, name);
  _fz_docx_attr_int (x, "w:val", value);
  END (x);
}

/* The hint makes Word and WPS set the characters Chinese and Western text
 * share (quotation marks, dashes, ellipses) in the Chinese face, as a
 * 公文 sets them, rather than in Times New Roman.  The face LibreOffice
 * falls back to, where the GB/T 9704 fonts are missing, follows the
 * document's East Asian language (zh-CN, in styles_xml()): fontconfig
 * answers with the installed Simplified Chinese face. */
static inline void
_fz_docx_fonts (Xml        *x,
       const char *east_asia)
{
  START (x, "w:rFonts");
  ATTR (x, "w:hint", "eastAsia");
  ATTR (x, "w:ascii", FZ_MEMO_FONT_LATIN);
  ATTR (x, "w:hAnsi", FZ_MEMO_FONT_LATIN);
  ATTR (x, "w:eastAsia", east_asia);
  ATTR (x, "w:cs", FZ_MEMO_FONT_LATIN);
  END (x);
}

/* Single black lines on every side of a table and between its cells. */
static inline void
_fz_docx_borders (Xml        *x,
                  const char *element)
{
  static const char * const sides[] = { "w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV" };

  START (x, element);
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      START (x, sides[i]);
      ATTR (x, "w:val", "single");
      ATTR (x, "w:sz", "4");
      ATTR (x, "w:space", "0");
      ATTR (x, "w:color", "000000");
      END (x);
    }
  END (x);
}

/* word/settings.xml, word/styles.xml and word/fontTable.xml. */
GBytes *_fz_memo_docx_settings_xml   (void);
GBytes *_fz_memo_docx_styles_xml     (void);
GBytes *_fz_memo_docx_font_table_xml (void);

G_END_DECLS
