/* fz-reference-list.h: the 公文要素, the task areas and the figures
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "libfazhi.h"

G_BEGIN_DECLS

#define FZ_TYPE_REFERENCE_LIST (fz_reference_list_get_type ())

G_DECLARE_FINAL_TYPE (FzReferenceList, fz_reference_list, FZ, REFERENCE_LIST, AdwBin)

FzAnalysis *fz_reference_list_get_analysis (FzReferenceList *self);
void        fz_reference_list_set_analysis (FzReferenceList *self,
                                            FzAnalysis      *analysis);
/* The 公文要素 and task-area rows listed. */
guint       fz_reference_list_get_n_rows   (FzReferenceList *self);

G_END_DECLS
