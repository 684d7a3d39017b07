/* fz-annotation-popover.h: writing or editing one annotation
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_ANNOTATION_POPOVER (fz_annotation_popover_get_type ())

G_DECLARE_FINAL_TYPE (FzAnnotationPopover, fz_annotation_popover, FZ, ANNOTATION_POPOVER, GtkPopover)

GtkWidget            *fz_annotation_popover_new          (void);
/* Fills the popover for a new annotation of @quote, or to edit
 * @annotation when it is not NULL (then Delete is offered). */
void                  fz_annotation_popover_prepare      (FzAnnotationPopover *self,
                                                          const char          *quote,
                                                          FzAnnotation        *annotation);
FzAnnotationCategory  fz_annotation_popover_get_category (FzAnnotationPopover *self);
void                  fz_annotation_popover_set_category (FzAnnotationPopover *self,
                                                          FzAnnotationCategory category);
/* The note as typed, without surrounding white space. */
char                 *fz_annotation_popover_dup_note     (FzAnnotationPopover *self);
void                  fz_annotation_popover_set_note     (FzAnnotationPopover *self,
                                                          const char          *note);
/* As the Save button does. */
void                  fz_annotation_popover_save         (FzAnnotationPopover *self);

G_END_DECLS
