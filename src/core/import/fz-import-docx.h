/* fz-import-docx.h: what the .docx importer's files share
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-import-private.h"

G_BEGIN_DECLS

#define N_LEVELS 9

typedef enum
{
  NOTE_FOOT,
  NOTE_END,
  N_NOTE_KINDS
} NoteKind;

typedef struct
{
  GPtrArray    *lines;
  GHashTable   *abstracts;            /* abstractNumId → AbstractNum */
  GHashTable   *nums;                 /* numId → Num */
  GHashTable   *styles;               /* styleId → xmlNode <w:style> */
  GHashTable   *notes[N_NOTE_KINDS];  /* w:id → xmlNode <w:footnote>, <w:endnote> */
  GHashTable   *note_labels;          /* xmlNode → "[1]", once referenced */
  guint         n_notes[N_NOTE_KINDS];
  char         *note_format[N_NOTE_KINDS];  /* w:numFmt, NULL for Word's default */
  char         *last_look;            /* the look of the last paragraph with text */
  GCancellable *cancellable;
  gboolean      cancelled;
  guint         n_paragraphs;
} Docx;

void   _fz_docx_init            (Docx    *docx);
void   _fz_docx_clear           (Docx    *docx);
void   _fz_docx_load_numbering  (Docx    *docx,
                                 xmlDoc  *doc);
void   _fz_docx_load_styles     (Docx    *docx,
                                 xmlDoc  *doc);
/* The number Word draws before the paragraph of @ppr (counted), or NULL. */
char  *_fz_docx_paragraph_label (Docx    *docx,
                                 xmlNode *ppr);
/* The paragraph's alignment and text size, through its style: "center
 * 44"; two paragraphs that differ in it are never one paragraph. */
char  *_fz_docx_paragraph_look  (Docx    *docx,
                                 xmlNode *p);
int    _fz_docx_attr_int        (xmlNode *node,
                                 int      fallback);

G_END_DECLS
