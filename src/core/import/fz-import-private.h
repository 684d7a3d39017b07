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
#include "fz-import-progress.h"

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
/* A saved web page's bytes, in @charset_hint when a mail part says so
 * (NULL otherwise); @format is "html" or "mhtml". */
FzDocument *_fz_import_page    (const char *data, gsize len, const char *charset_hint,
                                const char *format, const char *display_name,
                                GCancellable *cancellable, GError **error);
/* .doc, .wps, Works and .rtf through LibreOffice; @format names the kind
 * detected ("doc", "wps", "works", "rtf"). */
FzDocument *_fz_import_convert (GBytes *bytes, const char *format, const char *display_name,
                                FzImportProgress *progress, GCancellable *cancellable, GError **error);
/* Whether @format, as detection names it, is read through LibreOffice. */
gboolean    _fz_import_format_converts (const char *format);

/* Text bytes decoded to UTF-8 (fz-encoding.c): a byte-order mark, then
 * UTF-16/32 told by its zero bytes, valid UTF-8, the encoding @declared
 * (a page's or a mail part's charset, or NULL) when all of it decodes so,
 * else ICU's guess confirmed by decoding.  @markup skips tags while
 * guessing.  @encoding receives the name (static), @label a translated
 * description when the encoding is an unusual one the reviewer should be
 * told about, else NULL; @n_undecoded how many bytes did not decode (a
 * text in a known encoding but for a few bytes reads, marked). */
char       *_fz_text_decode_full (const char  *data,
                                  gsize        len,
                                  const char  *declared,
                                  gboolean     markup,
                                  const char **encoding,
                                  const char **label,
                                  gsize       *n_undecoded,
                                  GError     **error);
/* The first @max bytes of UTF-16 or UTF-32 text in UTF-8 (for telling a
 * web page from plain text), or NULL when @data is not such text. */
char       *_fz_text_decode_head (const char  *data,
                                  gsize        len,
                                  gsize        max);
/* Decoded text that is mostly control characters or private-use glyphs:
 * some binary format. */
gboolean    _fz_text_looks_binary (const char *utf8,
                                   gssize      len);
/* Tells the reviewer which unusual encoding the text was read as. */
void        _fz_document_warn_encoding (FzDocument *doc,
                                        const char *label,
                                        gsize       n_undecoded);

/* The format of @bytes by content (fz-import-detect.c), as
 * fz_import_detect_format() names it, or "link" for a path that Git left
 * in place of a symbolic link; NULL with @error only when a zip container
 * is hostile or damaged. */
const char *_fz_import_detect  (GBytes        *bytes,
                                GCancellable  *cancellable,
                                GError       **error);
/* Whether the first bytes of a file say it goes through LibreOffice. */
gboolean    _fz_import_head_converts (const char *data,
                                      gsize       len);
/* The path such a link stub holds, or NULL when @data is not one. */
char       *_fz_import_link_target (const char *data,
                                    gsize       len);

/* Called from the importing thread, with @self NULL when nobody asked. */
void        _fz_import_progress_update (FzImportProgress *self,
                                        FzImportStage     stage,
                                        double            elapsed,
                                        double            limit);

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
/* Tables of the word processors' formats (docx, odt) read a row as one
 * line: a cell's paragraphs run on, a space between them, between
 * _fz_cell_begin_paragraph() and _fz_cell_end_paragraph(); the cells,
 * stripped, are joined with " | " (an empty one is left out), and a row
 * with any text is a line that stands alone. */
gsize       _fz_cell_begin_paragraph (GString    *cell);
void        _fz_cell_end_paragraph   (GString    *cell,
                                      gsize       begin);
/* Strips @cell in place. */
void        _fz_row_add_cell         (GString    *row,
                                      char       *cell);
void        _fz_lines_add_row        (GPtrArray  *lines,
                                      GString    *row);
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
/* Counts a paragraph at @level of a multi-level list as Word and
 * LibreOffice do: the level's first paragraph takes @start, the next ones
 * count on, and every deeper level starts over.  @count and @used hold
 * @n_levels entries. */
void        _fz_list_count         (int        *count,
                                    guint      *used,
                                    int         n_levels,
                                    int         level,
                                    int         start);

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
/* The entry a '/'-separated @path inside the container names: empty and
 * "." segments dropped, ".." taking back the one before, never above the
 * root.  A link in a package (OPC, OFD) is joined to its folder first. */
char       *_fz_zip_entry_name (const char    *path);

/* Office Open XML packages (fz-opc.c): the part that @part's
 * relationship of @type ("officeDocument", "styles", "footnotes"…, the
 * last segment of the type's URI) points to, as an entry name; @part NULL
 * for the package's own relationships.  NULL when there is none. */
char       *_fz_opc_related    (GHashTable    *parts,
                                const char    *part,
                                const char    *type);
/* The relationships part of @part: "word/document.xml" →
 * "word/_rels/document.xml.rels"; NULL or "" for the package's own. */
char       *_fz_opc_rels_name  (const char    *part);
/* A relationship's @target, relative to the folder of @part (NULL: the
 * package root) or absolute from the root, as an entry name. */
char       *_fz_opc_resolve    (const char    *part,
                                const char    *target);
/* The main document part, by the package's relationships, else
 * word/document.xml when there is one; NULL when neither is. */
char       *_fz_opc_main_part  (GHashTable    *parts);

/* OLE compound files (fz-cfb.c): the first @want bytes of the stream
 * named @name, or NULL when there is none or the file is damaged. */
GBytes     *_fz_cfb_read_stream (GBytes      *file,
                                 const char  *name,
                                 gsize        want);

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
/* Word: whether an element inside a paragraph, by its local name, holds
 * nothing of the report's text (tracked deletions, field instructions,
 * properties, comment marks).  The importer and the memo's comment
 * anchors both skip these, so that they read the same text. */
gboolean    _fz_docx_is_not_text   (const char   *local_name);

/* Deepest nesting any importer's walk follows. */
#define FZ_XML_MAX_DEPTH 200

G_END_DECLS
