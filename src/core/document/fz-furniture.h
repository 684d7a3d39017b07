/* fz-furniture.h: what a web page puts around a report
 *
 * A report saved from a government site keeps the page around it: a
 * breadcrumb, the 政府信息公开 table (索引号, 发文字号, 成文日期 …), the line
 * under the title (发布时间, 来源, 浏览次数), 【字体：大 中 小】, 分享到, 打印 and
 * 关闭.  None of it is the report; some of it tells what the report does not
 * (its 文号, its dates).  The words are in data/lists/page-furniture.txt.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  FZ_FURNITURE_NONE,
  FZ_FURNITURE_CRUMB,             /* 当前位置：首页 > 政务公开 > … */
  FZ_FURNITURE_FIELDS,            /* 索引号：…  发布机构：… */
  FZ_FURNITURE_CONTROLS,          /* 【字体：大 中 小】【打印】 分享到： */
} FzFurnitureKind;

/* What kind of furniture the line @text is, if any.  @text should be in
 * simplified characters (see fz_script_simplify()).  Thread-safe. */
FzFurnitureKind fz_furniture_classify (const char *text);

/* Whether @text is a line of buttons and links only (FZ_FURNITURE_CONTROLS):
 * the only furniture that may stand between paragraphs.  Cheaper than
 * fz_furniture_classify(). */
gboolean        fz_furniture_is_controls (const char *text);

/* The metadata a furniture field carries: "doc_number", "date" or
 * "published"; NULL for fields that carry none. */
typedef void (*FzFurnitureFieldFunc) (const char *meta,
                                      gsize       value_start,  /* bytes into the line */
                                      gsize       value_end,
                                      gpointer    user_data);

/* Calls @func for each "label：value" pair of a FZ_FURNITURE_FIELDS line
 * whose label names metadata, with the value's byte range (spaces
 * trimmed; possibly empty). */
void            fz_furniture_fields   (const char           *text,
                                       FzFurnitureFieldFunc  func,
                                       gpointer              user_data);

G_END_DECLS
