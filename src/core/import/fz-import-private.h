/* fz-import-private.h: what the importers share inside libfazhi
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "fz-document.h"
#include "fz-error.h"

G_BEGIN_DECLS

/* Every importer takes the whole file as @bytes (already bounded by
 * FZ_IMPORT_MAX_BYTES) and returns a document or an FZ_IMPORT_ERROR whose
 * message does not yet name the file: fz_import_file() prefixes it. */
typedef FzDocument *(*FzImporter) (GBytes        *bytes,
                                   const char    *display_name,
                                   GCancellable  *cancellable,
                                   GError       **error);

FzDocument *_fz_import_docx    (GBytes *bytes, const char *display_name, GCancellable *cancellable, GError **error);
FzDocument *_fz_import_odt     (GBytes *bytes, const char *display_name, GCancellable *cancellable, GError **error);
FzDocument *_fz_import_pdf     (GBytes *bytes, const char *display_name, GCancellable *cancellable, GError **error);
FzDocument *_fz_import_ofd     (GBytes *bytes, const char *display_name, GCancellable *cancellable, GError **error);
FzDocument *_fz_import_html    (GBytes *bytes, const char *display_name, GCancellable *cancellable, GError **error);
FzDocument *_fz_import_mhtml   (GBytes *bytes, const char *display_name, GCancellable *cancellable, GError **error);
/* .doc, .wps, Works and .rtf through LibreOffice; @format names the kind
 * detected ("doc", "wps", "works", "rtf"). */
FzDocument *_fz_import_convert (GBytes *bytes, const char *format, const char *display_name,
                                GCancellable *cancellable, GError **error);

/* Appends one source line, numbered after the ones already there. */
FzSourceLine *_fz_lines_add      (GPtrArray  *lines,
                                const char *text,
                                gssize      len,
                                guint       page,
                                gboolean    hard_break);
/* Appends a paragraph of an unpaged document: its soft line breaks ('\n')
 * make lines of their own, and the last one ends the paragraph. */
void        _fz_lines_add_paragraph (GPtrArray  *lines,
                                     const char *text);
/* Fails with FZ_IMPORT_ERROR_NO_TEXT when @lines hold nothing readable. */
gboolean    _fz_lines_check_text (GPtrArray  *lines,
                                  GError    **error);
gboolean    _fz_import_check_cancelled (GCancellable  *cancellable,
                                        GError       **error);

/* A line as placed on a page (PDF, OFD), in points or millimetres from the
 * top left; all zero when the format gave no geometry. */
typedef struct
{
  char   *text;
  double  left;
  double  right;
  double  top;
  double  bottom;
  double  page_width;   /* of the page the line is on; 0 when unknown */
  guint   wide_gaps;    /* gaps of several characters: table cells */
} FzPageLine;

void        _fz_page_line_clear (gpointer line);
/* Puts fragments that stand side by side on one baseline back into one
 * line, left to right, with spaces for a wide gap ("委员会    人民政府"
 * signed side by side), and orders the lines top to bottom.  Takes
 * @fragments, returns a new array. */
GArray     *_fz_page_lines_merge (GArray *fragments);

/* Paged formats: @pages is an array of GArray of FzPageLine, in reading
 * order.  Removes running headers and footers (lines repeated at the top
 * or bottom of most pages), rejoins the lines of each paragraph from the
 * layout (a wider gap, a short line or an indent ends one; a paragraph
 * runs on across a page break), and adds the paragraphs to @lines with
 * their first page. */
void        _fz_pages_to_lines (GPtrArray  *pages,
                                GPtrArray  *lines);
/* Appends @more to @text as a line break inside a paragraph reads:
 * nothing between Chinese characters, a space between Latin words. */
void        _fz_append_joined  (GString    *text,
                                const char *more);

/* Appends @n as a list number in @fmt, an OOXML w:numFmt name ("decimal",
 * "chineseCounting", "ideographTraditional", "decimalEnclosedCircle",
 * "upperRoman", …); unknown formats give decimal. */
void        _fz_append_list_number (GString    *out,
                                    const char *fmt,
                                    int         n);

/* Zip containers (docx, odt, ofd): one streaming pass over the archive
 * under limits on entry count, uncompressed size and compression ratio.
 * Returns entry name → GBytes for each entry @want accepts. */
typedef gboolean (*FzZipWant) (const char *name,
                               gpointer    user_data);

GHashTable *_fz_zip_read       (GBytes        *zip,
                                FzZipWant      want,
                                gpointer       user_data,
                                GCancellable  *cancellable,
                                GError       **error);
/* The names of all entries (for telling docx, odt and ofd apart). */
GPtrArray  *_fz_zip_list       (GBytes        *zip,
                                GError       **error);

/* XML from outside: no network, no DTD, no entity expansion, bounded
 * depth.  A DOCTYPE is refused outright since none of the formats has one. */
xmlDoc     *_fz_xml_parse      (GBytes        *bytes,
                                const char    *what,
                                GError       **error);
/* Element helpers that compare local names, ignoring the namespace
 * prefix, so files from WPS, Word and LibreOffice read alike. */
gboolean    _fz_xml_is         (xmlNode       *node,
                                const char    *local_name);
xmlNode    *_fz_xml_child      (xmlNode       *node,
                                const char    *local_name);
/* Attribute by local name, whatever its namespace; newly allocated. */
char       *_fz_xml_attr       (xmlNode       *node,
                                const char    *local_name);

/* Word: a run hidden from the reader (w:vanish), and a block holding a
 * table of contents; neither is the report's text. */
gboolean    _fz_docx_run_is_hidden (xmlNode      *run);
gboolean    _fz_docx_is_toc_block  (xmlNode      *sdt);

/* Deepest nesting any importer's walk follows. */
#define FZ_XML_MAX_DEPTH 200

G_END_DECLS
