/* fz-memo-private.h: the memo's content, shared by its writers
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-memo.h"

G_BEGIN_DECLS

/* The memo as a sequence of blocks: every writer lays out the same
 * content, so the formats cannot drift apart. */
typedef enum
{
  FZ_MEMO_BLOCK_TITLE,          /* 关于《…》的审查意见, centred, 小标宋 */
  FZ_MEMO_BLOCK_META,           /* 报告单位：… lines, unindented */
  FZ_MEMO_BLOCK_HEADING,        /* 一、总体意见, 黑体 */
  FZ_MEMO_BLOCK_PARAGRAPH,      /* body text, first line indented two characters */
  FZ_MEMO_BLOCK_TABLE,
  FZ_MEMO_BLOCK_SIGNATURE,      /* right-aligned closing lines */
} FzMemoBlockKind;

typedef struct
{
  FzMemoBlockKind   kind;
  char             *text;       /* all but tables */
  char            **header;     /* tables: column titles */
  GPtrArray        *rows;       /* tables: char ** per row */
  const double     *widths;     /* tables: column widths, fractions summing to 1 */
} FzMemoBlock;

void       _fz_memo_block_free  (FzMemoBlock *block);
FzMemoBlock *_fz_memo_block_new_text  (FzMemoBlockKind  kind,
                                       char            *text);
/* A table with @header (taken) and no rows yet; @widths must outlive it. */
FzMemoBlock *_fz_memo_block_new_table (const double    *widths,
                                       char           **header);
/* A memo laid out by its maker: @blocks (FzMemoBlock) as they are, and
 * @widths (nullable), arrays its tables' widths point into, kept alive. */
FzMemo    *_fz_memo_new_with_blocks (const char *heading,
                                     GPtrArray  *blocks,
                                     GPtrArray  *widths);
/* FzMemoBlock, in reading order. */
GPtrArray *_fz_memo_get_blocks  (FzMemo      *self);

GBytes    *_fz_memo_write_docx     (FzMemo  *self,
                                    GError **error);
GBytes    *_fz_memo_write_pdf      (FzMemo  *self,
                                    GError **error);
GBytes    *_fz_memo_write_html     (FzMemo  *self,
                                    GError **error);
GBytes    *_fz_memo_write_markdown (FzMemo  *self,
                                    GError **error);

G_END_DECLS
