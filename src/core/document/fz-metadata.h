/* fz-metadata.h: the 公文 elements of a report
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-document.h"

G_BEGIN_DECLS

/* A value and where it stands; @value is NULL when the element is absent,
 * and then @start == @end == 0. */
typedef struct
{
  char  *value;
  guint  start;
  guint  end;
} FzMetaField;

struct _FzMetadata
{
  FzMetaField issuer_mark;        /* 发文机关标志 */
  FzMetaField doc_number;         /* 发文字号, as written (from a web page's table when the report has none) */
  FzMetaField signer;             /* 签发人 (names only) */
  FzMetaField title;              /* spaces removed, lines joined */
  FzMetaField addressee;          /* 主送机关 without the final colon */
  FzMetaField issuer;             /* 发文机关署名 */
  FzMetaField date;               /* 成文日期 as written (from a web page's table when the report has none); see @date_iso */
  FzMetaField contact;            /* 联系人 */
  FzMetaField cc;                 /* 抄送 */
  FzMetaField printed;            /* 印发机关和印发日期 */
  char       *date_iso;           /* YYYY-MM-DD, NULL when absent or unreadable */
  FzMetaField published;          /* 发布日期 of a saved web page, as written in its text */
  char       *published_iso;      /* YYYY-MM-DD, NULL when absent; also the date the page's markup gives (fz_document_get_page_date()) */
  int         report_year;        /* 0 when unknown */
  guint       report_year_from_title : 1;
  FzLevel     level;
};

GType       fz_metadata_get_type (void) G_GNUC_CONST;
FzMetadata *fz_metadata_copy     (const FzMetadata *meta);
void        fz_metadata_free     (FzMetadata       *meta);

FzMetadata *fz_metadata_extract  (FzDocument *document,
                                  GPtrArray  *sections);

/* Parses a 成文日期 in Arabic ("2024年12月25日") or Chinese numerals
 * ("二〇二四年十二月二十五日") and a few sloppy forms ("2024.12.25",
 * "2024-12-25").  Returns FALSE when @text is no date. */
gboolean    fz_parse_date        (const char *text,
                                  int        *year,
                                  int        *month,
                                  int        *day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzMetadata, fz_metadata_free)

G_END_DECLS
