/* fz-annotations-view.h: the reviewer's notes on passages of the report
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_ANNOTATIONS_VIEW (fz_annotations_view_get_type ())

G_DECLARE_FINAL_TYPE (FzAnnotationsView, fz_annotations_view, FZ, ANNOTATIONS_VIEW, AdwBin)

/* Lists @review's annotations as they come, change and go. */
void        fz_annotations_view_set_review  (FzAnnotationsView *self,
                                             FzReview          *review);
guint       fz_annotations_view_get_n_rows  (FzAnnotationsView *self);
/* As the row's buttons: ::edit and ::delete for annotation @index. */
void        fz_annotations_view_edit        (FzAnnotationsView *self,
                                             guint              index);
void        fz_annotations_view_delete      (FzAnnotationsView *self,
                                             guint              index);
void        fz_annotations_view_activate    (FzAnnotationsView *self,
                                             guint              index);

G_END_DECLS
