/* fz-published.h: the report as a unit published it on the web
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fz-analysis.h"
#include "fz-compare.h"
#include "fz-filing.h"
#include "fz-published-difference.h"

G_BEGIN_DECLS

#define FZ_TYPE_PUBLISHED_PAGE (fz_published_page_get_type ())

G_DECLARE_FINAL_TYPE (FzPublishedPage, fz_published_page, FZ, PUBLISHED_PAGE, GObject)

/* A saved web page (.html, .htm, .mht, .mhtml) of the published report:
 * its text, the date of publication it gives (发布时间) and the address it
 * was saved from.  Blocking; errors are the importer's (FZ_IMPORT_ERROR),
 * and a file that is no web page is refused with FZ_IMPORT_ERROR_UNSUPPORTED. */
FzPublishedPage *fz_published_page_load        (GFile               *file,
                                                GCancellable        *cancellable,
                                                GError             **error);
/* The same in a worker thread, and there compared with @reviewed too
 * (nullable) as fz_published_page_compare() does: the window gets the
 * page ready to show beside the report. */
void             fz_published_page_load_async  (GFile               *file,
                                                FzAnalysis          *reviewed,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
FzPublishedPage *fz_published_page_load_finish (GAsyncResult        *result,
                                                GError             **error);

GFile           *fz_published_page_get_file     (FzPublishedPage *self);
FzDocument      *fz_published_page_get_document (FzPublishedPage *self);
/* YYYY-MM-DD, or NULL when the page gives no date. */
const char      *fz_published_page_get_date     (FzPublishedPage *self);
/* The http(s) address the page was saved from, or NULL. */
const char      *fz_published_page_get_url      (FzPublishedPage *self);

/* Compares the page with the report reviewed, section by section (the
 * page is checked under @reviewed's rule set, so that its parts align by
 * checklist element too), and keeps the result.  Pure computation: may
 * run in a worker, before the page is shared. */
void             fz_published_page_compare      (FzPublishedPage *self,
                                                 FzAnalysis      *reviewed);
/* The comparison (reviewed text first, published second), NULL before
 * fz_published_page_compare(); for showing the two side by side. */
FzComparison    *fz_published_page_get_comparison (FzPublishedPage *self);
/* published_differs (FzFinding), one per paragraph of the body that the
 * page does not publish as reviewed, in the reviewed text's order: its
 * place in the reviewed text (empty where the page adds a paragraph),
 * its section, and what the page has instead.  The front matter and the
 * closing (版头, 主送, 署名, 日期) are left out: sites drop or restyle
 * them.  Empty before fz_published_page_compare(). */
GPtrArray       *fz_published_page_get_findings   (FzPublishedPage *self);
/* The same differences as a GListModel of FzPublishedDifference, in the
 * same order, for a list beside the report: each with its section and
 * the words on each side.  Empty before fz_published_page_compare(). */
GListModel      *fz_published_page_get_differences (FzPublishedPage *self);

/* Records the page's date and address in @filing where it has none, so
 * that what the reviewer typed is never overwritten; TRUE when it
 * recorded anything. */
gboolean         fz_published_page_fill_filing  (FzPublishedPage *self,
                                                 FzFiling        *filing);

G_END_DECLS
