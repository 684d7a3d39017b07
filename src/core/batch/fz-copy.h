/* fz-copy.h: passages two reports share (copy_overlap)
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fz-document.h"
#include "fz-finding.h"

G_BEGIN_DECLS

/* The comparable sentences of one report, reduced to MinHash band keys.
 * Holds a reference on the document, which supplies the passage texts. */
typedef struct _FzCopyFingerprint FzCopyFingerprint;

/* One shared passage: a run of sentences of report @a and the matching run
 * of report @b, in character offsets of each report's normalized text. */
typedef struct
{
  guint  a_start;
  guint  a_end;
  guint  b_start;
  guint  b_end;
  guint  n_sentences;             /* matched sentence pairs in the passage */
  double similarity;              /* mean Jaccard similarity of those pairs, 0–1 */
} FzCopyPassage;

/* Two reports that share at least one passage; @a < @b index the array
 * given to fz_copy_detect(). */
typedef struct
{
  guint   a;
  guint   b;
  GArray *passages;               /* FzCopyPassage, in the order of report @a */
} FzCopyPair;

/* Pure computation on an immutable document: safe in a worker thread.
 * A @reference report (last year's) is compared against but two reference
 * reports are never paired with each other. */
FzCopyFingerprint *fz_copy_fingerprint_new       (FzDocument              *document,
                                                  gboolean                 reference);
void               fz_copy_fingerprint_free      (FzCopyFingerprint       *print);
FzDocument        *fz_copy_fingerprint_get_document (const FzCopyFingerprint *print);
gboolean           fz_copy_fingerprint_is_reference (const FzCopyFingerprint *print);
/* Sentences long enough, once stock phrases are removed, to compare. */
guint              fz_copy_fingerprint_get_n_sentences (const FzCopyFingerprint *print);

/* Finds the passages the reports of @prints (FzCopyFingerprint; NULL
 * elements, e.g. unreadable files, are skipped) share.  Near-linear in the
 * number of sentences: MinHash with LSH banding proposes candidate sentence
 * pairs, which are then verified on their shingles.  Returns FzCopyPair
 * sorted by (a, b), or NULL with @error set when cancelled. */
GPtrArray         *fz_copy_detect                (GPtrArray               *prints,
                                                  GCancellable            *cancellable,
                                                  GError                 **error);

void               fz_copy_pair_free             (FzCopyPair              *pair);

/* The copy_overlap finding for one side of @passage in the report that
 * @print describes; @other_name names the other report and @other_is_reference
 * says it is last year's. */
FzFinding         *fz_copy_finding_new           (const FzCopyFingerprint *print,
                                                  const FzCopyPassage     *passage,
                                                  gboolean                 side_a,
                                                  const char              *other_name,
                                                  gboolean                 other_is_reference);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzCopyFingerprint, fz_copy_fingerprint_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzCopyPair, fz_copy_pair_free)

G_END_DECLS
