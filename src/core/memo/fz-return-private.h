/* fz-return-private.h: the returned report's state, shared by its files
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-return.h"

G_BEGIN_DECLS

struct _FzReturn
{
  GObject     parent_instance;

  FzAnalysis *analysis;
  FzReview   *review;
  char       *author;
  GDateTime  *date;
  GPtrArray  *findings;           /* FzFinding kept, or NULL for the default */
  GPtrArray  *remarks;            /* FzRemark, built on demand */
};

G_END_DECLS
