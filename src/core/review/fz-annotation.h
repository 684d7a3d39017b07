/* fz-annotation.h: a reviewer's note on a passage of the report
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "fz-document.h"

G_BEGIN_DECLS

typedef enum
{
  FZ_ANNOTATION_PROBLEM,        /* 问题 */
  FZ_ANNOTATION_SUGGESTION,     /* 建议 */
  FZ_ANNOTATION_DOUBT,          /* 存疑 */
} FzAnnotationCategory;

#define FZ_TYPE_ANNOTATION_CATEGORY (fz_annotation_category_get_type ())

GType       fz_annotation_category_get_type     (void) G_GNUC_CONST;
/* Stable identifiers for files: "problem", "suggestion", "doubt". */
const char *fz_annotation_category_to_string    (FzAnnotationCategory  category);
gboolean    fz_annotation_category_from_string  (const char           *str,
                                                 FzAnnotationCategory *category);
/* The Chinese word the memo prints: 问题, 建议, 存疑. */
const char *fz_annotation_category_to_chinese   (FzAnnotationCategory  category);

#define FZ_TYPE_ANNOTATION (fz_annotation_get_type ())

G_DECLARE_FINAL_TYPE (FzAnnotation, fz_annotation, FZ, ANNOTATION, GObject)

/* Annotations are changed through FzReview, which logs and saves every
 * change; the getters are all the window needs. */
guint                 fz_annotation_get_start     (FzAnnotation *self);
guint                 fz_annotation_get_end       (FzAnnotation *self);
const char           *fz_annotation_get_quote     (FzAnnotation *self);
const char           *fz_annotation_get_prefix    (FzAnnotation *self);
const char           *fz_annotation_get_suffix    (FzAnnotation *self);
FzAnnotationCategory  fz_annotation_get_category  (FzAnnotation *self);
const char           *fz_annotation_get_note      (FzAnnotation *self);
GDateTime            *fz_annotation_get_created   (FzAnnotation *self);
GDateTime            *fz_annotation_get_modified  (FzAnnotation *self);
/* FALSE when the quoted passage was not found in the document last
 * attached; start and end then keep their old values. */
gboolean              fz_annotation_get_attached  (FzAnnotation *self);

G_END_DECLS
