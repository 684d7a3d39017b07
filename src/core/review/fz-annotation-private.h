/* fz-annotation-private.h: what FzReview changes on an annotation
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-annotation.h"

G_BEGIN_DECLS

/* How many characters of context are kept on each side of the quote. */
#define FZ_ANNOTATION_CONTEXT 32

FzAnnotation *_fz_annotation_new           (guint                 start,
                                            guint                 end,
                                            const char           *quote,
                                            const char           *prefix,
                                            const char           *suffix,
                                            FzAnnotationCategory  category,
                                            const char           *note,
                                            GDateTime            *created,
                                            GDateTime            *modified);
void          _fz_annotation_set_category  (FzAnnotation         *self,
                                            FzAnnotationCategory  category);
void          _fz_annotation_set_note      (FzAnnotation         *self,
                                            const char           *note);
void          _fz_annotation_touch         (FzAnnotation         *self,
                                            GDateTime            *modified);
/* Finds the quote in @doc again, by its text and context with the old
 * offset as a hint.  Returns whether it was found. */
gboolean      _fz_annotation_attach        (FzAnnotation         *self,
                                            FzDocument           *doc);

G_END_DECLS
