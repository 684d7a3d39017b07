/* fz-docx-package.h: writing Word packages inside libfazhi
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "fz-document.h"

G_BEGIN_DECLS

#define FZ_W_NS        "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define FZ_W_NS_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define FZ_REL_NS      "http://schemas.openxmlformats.org/package/2006/relationships"
#define FZ_TYPES_NS    "http://schemas.openxmlformats.org/package/2006/content-types"
#define FZ_REL_TYPE_OFFICE_DOCUMENT \
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
#define FZ_REL_TYPE_COMMENTS \
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
#define FZ_REL_TYPE_COMMENTS_STRICT \
  "http://purl.oclc.org/ooxml/officeDocument/relationships/comments"
#define FZ_CONTENT_TYPE_COMMENTS \
  "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"

/* A zip of @parts (name → GBytes), written in the order of @names, which
 * must all be in @parts.  Errors are FZ_MEMO_ERROR_FAILED. */
GBytes *_fz_package_write       (GPtrArray   *names,
                                 GHashTable  *parts,
                                 GError     **error);

/* Serialises @doc as UTF-8 with its declaration, as a package part. */
GBytes *_fz_package_xml_bytes   (xmlDoc      *doc);

/* A .docx of @doc's text, one Word paragraph per paragraph, laid out as a
 * 公文 (A4, GB/T 9704 margins, 仿宋 body, 黑体 and 楷体 headings): what a
 * report that came as PDF, OFD, a web page or text is returned as.
 * @sections (nullable) mark the headings; @title names the package. */
GBytes *_fz_docx_from_document  (FzDocument  *doc,
                                 GPtrArray   *sections,
                                 const char  *title,
                                 GError     **error);

G_END_DECLS
