/* fz-test-report.h: the fixture the report tests share
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "libfazhi.h"

G_BEGIN_DECLS

/* A short report of 青山镇, written to the fixture's folder. */
extern const char fz_test_report_text[];
/* A rule set extending national with no table of its own, and one that
 * does not load. */
extern const char fz_test_county_xml[];
extern const char fz_test_broken_xml[];

typedef struct
{
  char           *dir;
  GFile          *report_file;
  FzReviewStore  *reviews;
  FzRuleSetStore *rulesets;
} Fixture;

void     fixture_set_up      (Fixture       *f,
                              gconstpointer  data);
void     fixture_tear_down   (Fixture       *f,
                              gconstpointer  data);
/* Adds @test at /report/@name, run on a fixture of its own. */
void     fz_test_report_add  (const char    *name,
                              void         (*test) (Fixture       *f,
                                                    gconstpointer  data));
/* Runs the main loop until *@flag, failing after 20 seconds. */
void     wait_for            (gboolean      *flag);
/* Drops the last reference to @object and checks that it is freed. */
void     assert_finalized    (gpointer       object);
void     wait_for_rulesets   (FzRuleSetStore *store);
/* The callback of fz_report_load_async() for a GError ** (@user_data)
 * that starts NULL: the load's error, or G_IO_ERROR_EXISTS "loaded" when
 * it loaded, so that NULL means still running. */
void     on_loaded           (GObject       *object,
                              GAsyncResult  *result,
                              gpointer       user_data);
/* Loads @report through its async pipeline; the error, or NULL. */
GError  *load                (FzReport      *report);
void     count_notify        (GObject       *object,
                              GParamSpec    *pspec,
                              guint         *count);
void     count_items_changed (GListModel    *model,
                              guint          position,
                              guint          removed,
                              guint          added,
                              guint         *count);
void     write_rules         (const char    *folder,
                              const char    *name,
                              const char    *xml);
void     on_items_changed    (GListModel    *model,
                              guint          position,
                              guint          removed,
                              guint          added,
                              gboolean      *changed);

G_END_DECLS
