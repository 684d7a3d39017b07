/* fz-copy-private.h: what the fingerprints and the detection share
 *
 * fz-copy-fingerprint.c turns a report into comparable sentences with
 * MinHash band keys; fz-copy.c pairs them up and verifies the candidates
 * on the exact shingles, which only the fingerprint side knows how to
 * make again.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-copy.h"

G_BEGIN_DECLS

/* LSH bands of a sentence's MinHash signature. */
#define FZ_COPY_N_BANDS 16

/* A sentence long enough to compare. */
typedef struct
{
  guint   start;                  /* characters */
  guint   end;
  gsize   byte_start;
  gsize   byte_end;
  guint   norm_len;
  guint32 keys[FZ_COPY_N_BANDS];
} FzCopySentence;

struct _FzCopyFingerprint
{
  FzDocument *document;
  GArray     *sentences;          /* FzCopySentence */
  gboolean    reference;
};

/* The sorted, distinct shingle hashes of @sentence of @print into @out,
 * made again as the fingerprint made them; @norm is scratch space. */
void _fz_copy_sentence_shingles (const FzCopyFingerprint *print,
                                 const FzCopySentence    *sentence,
                                 GArray                  *norm,
                                 GArray                  *out);

G_END_DECLS
