/* fz-check-filing.h: fazhi-check's filing, publication and score
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "libfazhi.h"

G_BEGIN_DECLS

/* What --received and --published say. */
typedef struct
{
  char            *received;        /* YYYY-MM-DD */
  char            *published;       /* YYYY-MM-DD, from the option or the page */
  FzPublishedPage *page;
} FzCheckFiling;

/* Reads the options' values; @published is a date or a saved web page.
 * The error is for the user, naming the option. */
gboolean   fz_check_filing_init           (FzCheckFiling  *self,
                                           const char     *received,
                                           const char     *published,
                                           GError        **error);
void       fz_check_filing_clear          (FzCheckFiling  *self);
/* Records the dates (and the page's address) for every report of
 * @batch; a page belongs to one report only. */
gboolean   fz_check_filing_apply          (FzCheckFiling  *self,
                                           FzBatch        *batch,
                                           GError        **error);

/* Before the batch runs: a page is compared with the report's analysis,
 * which the batch must then keep. */
void       fz_check_filing_prepare        (FzCheckFiling  *self,
                                           FzBatch        *batch);
/* After it ran: the page compared, its differences (published_differs)
 * given to the report. */
void       fz_check_filing_compare        (FzCheckFiling  *self,
                                           FzBatch        *batch);

/* The findings besides the checks' of a report: the shared passages the
 * batch found, the published page's differences, then filed_late and
 * published_late.  The array holds its own copies. */
GPtrArray *fz_check_filing_extra_findings (FzBatch        *batch,
                                           FzBatchEntry   *entry);
/* ,"score":{…} (or null) ,"filing":{…} (or null), and
 * ,"published_page":{…} with a page, for the report's JSON. */
void       fz_check_filing_append_json    (const FzCheckFiling *self,
                                           GString        *out,
                                           FzBatch        *batch,
                                           FzBatchEntry   *entry);
/* The score, the filing record and the page's differences, for the text
 * report. */
void       fz_check_filing_print          (const FzCheckFiling *self,
                                           GString        *out,
                                           FzBatch        *batch,
                                           FzBatchEntry   *entry);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FzCheckFiling, fz_check_filing_clear)

G_END_DECLS
