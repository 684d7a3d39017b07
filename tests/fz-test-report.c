/* fz-test-report.c: the fixture the report tests share
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fz-test-report.h"
#include "fz-file-util.h"

const char fz_test_report_text[] =
  "青山镇人民政府关于2024年度法治政府建设情况的报告\n"
  "县人民政府：\n"
  "现将我镇2024年度法治政府建设情况报告如下。\n"
  "一、主要举措和成效\n"
  "全年办理行政处罚案件25宗，开展行政检查160次，组织普法宣传活动42场，"
  "调解矛盾纠纷118宗，调解成功112宗。镇党委书记、镇长履行推进法治建设第一责任人职责，"
  "专题研究法治工作4次。\n"
  "二、存在的不足和原因\n"
  "执法力量薄弱，部分领域监管覆盖不全。原因是执法人员编制不足，培训不够系统。\n"
  "三、2025年工作安排\n"
  "加强执法队伍建设，开展行政检查，完善法律顾问制度，推进基层依法治理。\n"
  "青山镇人民政府\n"
  "2025年1月20日\n";

void
wait_for (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!*flag)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Drops the last reference to @object and checks that it is freed: at
 * once, or once a superseded worker's result has come back to the main
 * thread (a cancelled read still holds the report until then). */
void
assert_finalized (gpointer object)
{
  gpointer weak = object;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);
  while (weak != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
on_store_loaded (FzRuleSetStore *store,
                 GParamSpec     *pspec,
                 gboolean       *done)
{
  if (!fz_ruleset_store_get_loading (store))
    *done = TRUE;
}

void
wait_for_rulesets (FzRuleSetStore *store)
{
  gboolean done = !fz_ruleset_store_get_loading (store);
  gulong id = g_signal_connect (store, "notify::loading", G_CALLBACK (on_store_loaded), &done);

  wait_for (&done);
  g_signal_handler_disconnect (store, id);
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *reviews = NULL;
  g_autofree char *rules = NULL;
  g_autoptr(GFile) reviews_dir = NULL;

  f->dir = g_dir_make_tmp ("fz-report-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (f->dir, "青山镇.txt", NULL);
  g_file_set_contents (path, fz_test_report_text, -1, &error);
  g_assert_no_error (error);
  f->report_file = g_file_new_for_path (path);

  reviews = g_build_filename (f->dir, "reviews", NULL);
  reviews_dir = g_file_new_for_path (reviews);
  f->reviews = fz_review_store_new (reviews_dir);

  rules = g_build_filename (f->dir, "rules", NULL);
  g_assert_cmpint (g_mkdir (rules, 0700), ==, 0);
  f->rulesets = fz_ruleset_store_new (rules);
  wait_for_rulesets (f->rulesets);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->rulesets);
  g_assert_finalize_object (f->reviews);
  g_clear_object (&f->report_file);
  fz_remove_tree (f->dir);
  g_free (f->dir);
}

void
fz_test_report_add (const char *name,
                    void      (*test) (Fixture       *f,
                                       gconstpointer  data))
{
  g_autofree char *path = g_strconcat ("/report/", name, NULL);

  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  if (!fz_report_load_finish (FZ_REPORT (object), result, error) && *error == NULL)
    g_assert_not_reached ();
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "loaded");
}

/* Loads @report and returns how it ended: NULL when it loaded. */
GError *
load (FzReport *report)
{
  GError *error = NULL;

  fz_report_load_async (report, NULL, on_loaded, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_clear_error (&error);

  return error;
}

void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

/* A decision changes its item and the counts, nothing else: no list is
 * rebuilt, no other row repaints. */
void
write_rules (const char *folder,
             const char *name,
             const char *xml)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, xml, -1, &error);
  g_assert_no_error (error);
}

const char fz_test_county_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<ruleset id=\"county\" version=\"1\" extends=\"national\">\n"
  "  <name>某县审查要点</name>\n"
  "</ruleset>\n";

const char fz_test_broken_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<ruleset id=\"broken\" version=\"1\">\n"
  "  <name>坏的</name>\n"
  "  <element id=\"x\" required=\"yes\"><name>某项</name><heading>(</heading></element>\n"
  "</ruleset>\n";

void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gboolean   *changed)
{
  *changed = TRUE;
}

