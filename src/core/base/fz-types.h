/* fz-types.h: enumerations and forward declarations shared by libfazhi
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _FzDocument     FzDocument;
typedef struct _FzRuleSet      FzRuleSet;
typedef struct _FzAnalysis     FzAnalysis;

typedef struct _FzParagraph    FzParagraph;
typedef struct _FzSection      FzSection;
typedef struct _FzFigure       FzFigure;
typedef struct _FzFinding      FzFinding;
typedef struct _FzElementResult FzElementResult;
typedef struct _FzMetadata     FzMetadata;

/* What a paragraph is in the 公文 layout (GB/T 9704). The normalizer decides
 * the front matter and the closing parts; the outline pass decides headings. */
typedef enum
{
  FZ_PARAGRAPH_BODY,
  FZ_PARAGRAPH_ISSUER_MARK,     /* 发文机关标志: "北坡镇人民政府文件" */
  FZ_PARAGRAPH_DOC_NUMBER,      /* 发文字号 */
  FZ_PARAGRAPH_SIGNER,          /* 签发人 */
  FZ_PARAGRAPH_TITLE,
  FZ_PARAGRAPH_ADDRESSEE,       /* 主送机关 */
  FZ_PARAGRAPH_HEADING,         /* a heading standing alone on its line */
  FZ_PARAGRAPH_CLOSING,         /* 特此报告。 */
  FZ_PARAGRAPH_SIGNATURE,       /* 发文机关署名 */
  FZ_PARAGRAPH_DATE,            /* 成文日期 */
  FZ_PARAGRAPH_NOTE,            /* 附注, e.g. (联系人：…) */
  FZ_PARAGRAPH_CC,              /* 抄送 */
  FZ_PARAGRAPH_PRINTED,         /* 印发机关和印发日期 */
  FZ_PARAGRAPH_FURNITURE,       /* a web page's breadcrumb, 索引号 table, 分享/打印 links: not the report */
} FzParagraphKind;

typedef enum
{
  FZ_STATUS_PRESENT,
  FZ_STATUS_PARTIAL,
  FZ_STATUS_MISSING,
  FZ_STATUS_NOT_APPLICABLE,
  FZ_STATUS_NEEDS_REVIEW,
} FzStatus;

typedef enum
{
  FZ_SEVERITY_ERROR,
  FZ_SEVERITY_WARNING,
  FZ_SEVERITY_INFO,
} FzSeverity;

typedef enum
{
  FZ_LEVEL_UNKNOWN,
  FZ_LEVEL_TOWNSHIP,
  FZ_LEVEL_COUNTY,
  FZ_LEVEL_CITY,
  FZ_LEVEL_PROVINCE,
  FZ_LEVEL_DEPARTMENT,
} FzLevel;

typedef enum
{
  FZ_FIGURE_COUNT,
  FZ_FIGURE_MONEY,
  FZ_FIGURE_PERCENT,
  FZ_FIGURE_MEASURE,            /* lengths, areas, weights, durations */
} FzFigureKind;

/* Stable identifiers used in JSON and in rule files. */
const char *fz_paragraph_kind_to_string (FzParagraphKind kind);
const char *fz_status_to_string         (FzStatus        status);
gboolean    fz_status_from_string       (const char     *str,
                                         FzStatus       *status);
const char *fz_severity_to_string       (FzSeverity      severity);
const char *fz_level_to_string          (FzLevel         level);
/* FZ_LEVEL_UNKNOWN for NULL or a name that is no level. */
FzLevel     fz_level_from_string        (const char     *str);
const char *fz_figure_kind_to_string    (FzFigureKind    kind);

/* TRUE when the user's first UI language is Chinese; the engine then writes
 * its explanations in Chinese even without a compiled catalog. */
gboolean    fz_locale_is_chinese        (void);
/* The text to show of a pair that rule files give in Chinese and, optionally,
 * in English: @en outside Chinese when there is one, else @zh. */
const char *fz_localized                (const char     *zh,
                                         const char     *en);

G_END_DECLS
