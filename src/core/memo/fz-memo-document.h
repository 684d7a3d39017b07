/* fz-memo-document.h: a memo laid out as blocks, for its writers
 *
 * Every format (.docx, .pdf, print, .html, .md) and the window's preview
 * lay out the same blocks, so they cannot drift apart; the writers know
 * nothing of reports, reviews or batches.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FZ_MEMO_ERROR (fz_memo_error_quark ())

typedef enum
{
  FZ_MEMO_ERROR_UNKNOWN_FORMAT,
  FZ_MEMO_ERROR_UNWRITABLE,
  FZ_MEMO_ERROR_INVALID,
  FZ_MEMO_ERROR_FAILED,
} FzMemoError;

GQuark fz_memo_error_quark (void);

/* The parts of a letter (函) under GB/T 9704-2012, in the order they stand. */
typedef enum
{
  FZ_MEMO_BLOCK_LETTERHEAD,     /* 发文机关标志: red, centred, 小标宋, over a red line */
  FZ_MEMO_BLOCK_NUMBER,         /* 发文字号: at the right edge under the line */
  FZ_MEMO_BLOCK_TITLE,          /* 关于《…》的审查意见: centred, 小标宋 二号 */
  FZ_MEMO_BLOCK_ADDRESSEE,      /* 主送机关, flush left, ending in a full-width colon */
  FZ_MEMO_BLOCK_META,           /* a header line of a summary memo: 报告数量：… */
  FZ_MEMO_BLOCK_HEADING,        /* 一、总体意见: 黑体, indented two characters */
  FZ_MEMO_BLOCK_PARAGRAPH,      /* body text; an optional lead (（一）关于…。) in 楷体 */
  FZ_MEMO_BLOCK_TABLE,
  FZ_MEMO_BLOCK_SIGNATURE,      /* 发文机关署名, right, two characters in */
  FZ_MEMO_BLOCK_DATE,           /* 成文日期, right, under the signature */
  FZ_MEMO_BLOCK_NOTE,           /* 附注: （联系人：…，电话：…） */
} FzMemoBlockKind;

typedef struct
{
  FzMemoBlockKind   kind;
  char             *key;        /* paragraphs the reviewer may reword; nullable */
  char             *lead;       /* paragraphs: "（一）关于…。", nullable */
  char             *text;       /* all but tables */
  char            **header;     /* tables: column titles */
  GPtrArray        *rows;       /* tables: char ** per row */
  double           *widths;     /* tables: column widths, fractions summing to 1 */
} FzMemoBlock;

#define FZ_TYPE_MEMO_BLOCK (fz_memo_block_get_type ())

GType        fz_memo_block_get_type   (void) G_GNUC_CONST;
/* @text is copied. */
FzMemoBlock *fz_memo_block_new_text   (FzMemoBlockKind     kind,
                                       const char         *text);
/* A table of @n_columns with @header and @widths (both copied), no rows. */
FzMemoBlock *fz_memo_block_new_table  (guint               n_columns,
                                       const char * const *header,
                                       const double       *widths);
/* Appends a row of the table's number of cells (copied; NULL cells empty). */
void         fz_memo_block_add_row    (FzMemoBlock        *table,
                                       const char * const *cells);
FzMemoBlock *fz_memo_block_copy       (const FzMemoBlock  *block);
void         fz_memo_block_free       (FzMemoBlock        *block);

#define FZ_TYPE_MEMO_DOCUMENT (fz_memo_document_get_type ())

G_DECLARE_FINAL_TYPE (FzMemoDocument, fz_memo_document, FZ, MEMO_DOCUMENT, GObject)

/* An empty document; @heading is the memo's title, used for the file's
 * properties and the print job. */
FzMemoDocument *fz_memo_document_new         (const char     *heading);
const char     *fz_memo_document_get_heading (FzMemoDocument *self);
/* Takes @block. */
void            fz_memo_document_add         (FzMemoDocument *self,
                                              FzMemoBlock    *block);
/* A paragraph, with its key and lead (both nullable); returns it. */
FzMemoBlock    *fz_memo_document_add_text    (FzMemoDocument *self,
                                              FzMemoBlockKind kind,
                                              const char     *key,
                                              const char     *lead,
                                              const char     *text);
guint           fz_memo_document_get_n_blocks (FzMemoDocument *self);
const FzMemoBlock *fz_memo_document_get_block (FzMemoDocument *self,
                                              guint           index);
/* The block with @key, NULL when none. */
const FzMemoBlock *fz_memo_document_find     (FzMemoDocument *self,
                                              const char     *key);
/* The text as it reads, lead and all, one block a line; tables with their
 * cells separated by tabs.  For tests and the clipboard. */
char           *fz_memo_document_dup_text    (FzMemoDocument *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzMemoBlock, fz_memo_block_free)

G_END_DECLS
