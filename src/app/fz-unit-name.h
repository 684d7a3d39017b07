/* fz-unit-name.h: how the window names a report: 北坡镇 · 2024年度
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "libfazhi.h"

G_BEGIN_DECLS

/* The short name a reviewer calls a unit by: the township, county or
 * city itself ("遂溪县北坡镇人民政府" → "北坡镇", "中共西坪镇委员会西坪镇人民
 * 政府" → "西坪镇"); a department keeps its whole name. */
char *fz_unit_short_name   (const char *unit);
/* "北坡镇 · 2024年度" from the report's 公文 elements: the unit from its
 * signature, its 发文机关标志 or its title; NULL when neither the unit nor
 * the year is known. */
char *fz_report_short_title (FzAnalysis *analysis);

G_END_DECLS
