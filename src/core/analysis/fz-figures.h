/* fz-figures.h: the quantities a report states
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-document.h"

G_BEGIN_DECLS

struct _FzFigure
{
  char         *text;             /* as in the normalized text: "3000余人次", "1.7808万元" */
  double        value;            /* the number as written: 3000, 1.7808 */
  char         *unit;             /* as written, with any 万/亿 prefix: "人次", "万元", "%" */
  FzFigureKind  kind;
  guint         approx : 1;       /* 余 多 近 约 超 逾 以上 左右 … */
  guint         start;
  guint         end;
  int           section;          /* innermost section index, -1 outside any section */
  char         *context;          /* the clause around the figure, for lists */
};

#define FZ_TYPE_FIGURE (fz_figure_get_type ())

GType     fz_figure_get_type (void) G_GNUC_CONST;
FzFigure *fz_figure_copy     (const FzFigure *figure);
void      fz_figure_free     (FzFigure       *figure);

/* All figures in document order. */
GPtrArray *fz_figures_extract (FzDocument *document,
                               GPtrArray  *sections);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzFigure, fz_figure_free)

G_END_DECLS
