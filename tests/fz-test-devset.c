/* fz-test-devset.c: the reports of the development set, as the test builds them
 *
 * ../shared/corpus/real-openings stores only what a reviewer read off each
 * opening (see its README).  A report is built from each row: its title
 * and addressee, an opening sentence, each heading with a line of text
 * under it; as a 公文, as a saved web page or flattened into one line.  The
 * opening sentences and the lines of text are this file's own, in the
 * script of the report.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fz-test-devset.h"

static void
heading_row_free (FzDevsetHeading *h)
{
  g_free (h->marker);
  g_free (h->heading);
  g_free (h->element);
  g_free (h);
}

void
fz_devset_row_free (FzDevsetRow *row)
{
  g_free (row->id);
  g_free (row->body);
  g_free (row->level);
  g_free (row->title);
  g_free (row->addressee);
  g_free (row->doc_number);
  g_ptr_array_unref (row->headings);
  g_free (row);
}

static char *
nonempty (const char *s)
{
  return s != NULL && s[0] != '\0' ? g_strdup (s) : NULL;
}

static GPtrArray *
read_tsv (const char *dir,
          const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *out;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lines = g_strsplit (contents, "\n", -1);
  /* The first line names the columns. */
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (lines[i][0] != '\0')
        g_ptr_array_add (out, g_strsplit (lines[i], "\t", -1));
    }

  return out;
}

GPtrArray *
fz_devset_load (const char *dir)
{
  g_autoptr(GPtrArray) openings = read_tsv (dir, "openings.tsv");
  g_autoptr(GPtrArray) headings = read_tsv (dir, "headings.tsv");
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *out;

  if (openings == NULL || headings == NULL)
    return NULL;

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_devset_row_free);
  for (guint i = 0; i < openings->len; i++)
    {
      char **cols = g_ptr_array_index (openings, i);
      FzDevsetRow *row;

      g_assert_cmpuint (g_strv_length (cols), >=, 8);
      row = g_new0 (FzDevsetRow, 1);
      row->id = g_strdup (cols[0]);
      row->number = atoi (cols[0] + 1);
      row->body = g_strdup (cols[2]);
      row->level = g_strdup (cols[3]);
      row->year = atoi (cols[4]);
      row->title = nonempty (cols[5]);
      row->addressee = nonempty (cols[6]);
      row->doc_number = nonempty (cols[7]);
      row->traditional = cols[8] != NULL && g_str_equal (cols[8], "traditional");
      row->headings = g_ptr_array_new_with_free_func ((GDestroyNotify) heading_row_free);

      /* The labeller's note on a body whose name the opening hides:
       * "重庆市涪陵区一镇(URL ltz;名称未见于摘录)". */
      {
        char *note = strchr (row->body, '(');
        if (note != NULL)
          *note = '\0';
      }

      g_ptr_array_add (out, row);
      g_hash_table_insert (by_id, row->id, row);
    }

  for (guint i = 0; i < headings->len; i++)
    {
      char **cols = g_ptr_array_index (headings, i);
      FzDevsetRow *row = g_hash_table_lookup (by_id, cols[0]);
      FzDevsetHeading *h;

      g_assert_cmpuint (g_strv_length (cols), >=, 5);
      g_assert_nonnull (row);
      h = g_new0 (FzDevsetHeading, 1);
      h->level = atoi (cols[1]);
      h->marker = g_strdup (cols[2]);
      h->heading = g_strdup (cols[3]);
      h->element = g_strdup (cols[4]);
      g_ptr_array_add (row->headings, h);
    }

  return out;
}

/* Building the reports */

/* The lines of text under the headings, in both scripts (the traditional
 * ones as a site's converter writes them). */
static const char * const pool_simplified[] = {
  "全年组织领导班子集体学法4次，开展专题培训2场，参训干部136人次，干部依法行政意识明显增强。",
  "严格落实重大行政决策程序，对3项重大事项开展合法性审查，审查意见全部被采纳。",
  "聚焦群众关切，办理行政复议案件5件，行政机关负责人出庭应诉率达到100%。",
  "深入开展“八五”普法，举办法治宣传活动18场，发放宣传资料3200余份，群众法律意识不断提高。",
  "全面推行行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度，执法行为更加规范。",
  "建立健全矛盾纠纷排查化解机制，排查调处各类纠纷42起，化解率达95%以上。",
  "持续推进政务公开，主动公开政府信息260条，依申请公开答复率达100%。",
  "优化政务服务流程，推行“一窗受理、集成服务”，办理时限平均压缩30%以上。",
};

static const char * const pool_traditional[] = {
  "全年組織領導班子集體學法4次，開展專題培訓2場，參訓幹部136人次，幹部依法行政意識明顯增強。",
  "嚴格落實重大行政決策程序，對3項重大事項開展合法性審查，審查意見全部被採納。",
  "聚焦羣衆關切，辦理行政複議案件5件，行政機關負責人出庭應訴率達到100%。",
  "深入開展“八五”普法，舉辦法治宣傳活動18場，發放宣傳資料3200餘份，羣衆法律意識不斷提高。",
  "全面推行行政執法公示制度、執法全過程記錄制度和重大執法決定法制審覈制度，執法行爲更加規範。",
  "建立健全矛盾糾紛排查化解機制，排查調處各類糾紛42起，化解率達95%以上。",
  "持續推進政務公開，主動公開政府信息260條，依申請公開答覆率達100%。",
  "優化政務服務流程，推行“一窗受理、集成服務”，辦理時限平均壓縮30%以上。",
};

/* Three ways reports open: {body}, {year} and a {superior} are filled in. */
static const char * const openings_simplified[] = {
  "{year}年，{body}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，在{superior}的坚强领导下，扎实推进法治政府建设各项工作，取得了积极成效。现将有关情况报告如下：",
  "今年以来，{body}认真贯彻落实党中央、国务院关于法治政府建设的决策部署，全面推进依法行政。现将{year}年法治政府建设情况报告如下：",
  "{year}年，{body}紧紧围绕法治政府建设目标任务，坚持依法行政，各项工作取得新成效。根据{superior}工作要求，现将有关情况报告如下：",
};

static const char * const openings_traditional[] = {
  "{year}年，{body}堅持以習近平新時代中國特色社會主義思想爲指導，深入學習貫徹習近平法治思想，在{superior}的堅強領導下，紮實推進法治政府建設各項工作，取得了積極成效。現將有關情況報告如下：",
  "今年以來，{body}認真貫徹落實黨中央、國務院關於法治政府建設的決策部署，全面推進依法行政。現將{year}年法治政府建設情況報告如下：",
  "{year}年，{body}緊緊圍繞法治政府建設目標任務，堅持依法行政，各項工作取得新成效。根據{superior}工作要求，現將有關情況報告如下：",
};

/* Where a flattened page ran a sub-heading into its parent's line: the
 * marker's byte offset in @heading, or -1. */
gssize
fz_devset_run_on_marker (const char *heading)
{
  const char *p = strstr (heading, " (");

  if (p == NULL)
    p = strstr (heading, " （");
  if (p == NULL)
    return -1;
  return p + 1 - heading;
}

/* A title over two lines, as letterheads set long ones: cut before 关于. */
static void
append_title (GString    *out,
              const char *title,
              gboolean    split)
{
  const char *about = strstr (title, "关于");

  if (about == NULL)
    about = strstr (title, "關於");
  if (split && about != NULL && g_utf8_strlen (title, about - title) >= 6)
    {
      g_string_append_len (out, title, about - title);
      g_string_append_c (out, '\n');
      g_string_append (out, about);
      g_string_append_c (out, '\n');
    }
  else
    g_string_append_printf (out, "%s\n", title);
}

static char *
replace_all (const char *text,
             const char *what,
             const char *with)
{
  g_auto(GStrv) parts = g_strsplit (text, what, -1);

  return g_strjoinv (with, parts);
}

static char *
fill (const char *template,
      const char *body,
      const char *year,
      const char *superior)
{
  g_autofree char *a = replace_all (template, "{body}", body);
  g_autofree char *b = replace_all (a, "{year}", year);

  return replace_all (b, "{superior}", superior);
}


char *
fz_devset_build (const FzDevsetRow *row,
                 FzDevsetBuild      build)
{
  gboolean web = build == FZ_DEVSET_WEB;
  const char *sep = build == FZ_DEVSET_FLAT ? " " : "\n";
  GString *out = g_string_new (NULL);
  const char * const *pool = row->traditional ? pool_traditional : pool_simplified;
  const char * const *openings = row->traditional ? openings_traditional : openings_simplified;
  const char *superior = row->addressee ? row->addressee
                                        : row->traditional ? "上級黨委、政府" : "上级党委、政府";
  int published = row->year + 1;
  guint day = 1 + row->number % 27;

  if (web)
    {
      static const char * const crumbs[] = {
        "当前位置：首页 > 政务公开 > 法治政府建设年度报告",
        "首页 » 信息公开 » 法定主动公开内容 » 法治政府建设年度报告",
        "您当前的位置：首页>政府信息公开>部门信息>其他法定主动公开内容",
      };

      g_string_append_printf (out, "%s\n", crumbs[row->number % G_N_ELEMENTS (crumbs)]);
      g_string_append_printf (out, "索引号：11500116MB%07u/%d-%05u  发布机构：%s\n",
                              row->number * 7919, published, row->number, row->body);
      g_string_append_printf (out, "发文字号：%s  成文日期：%d-02-%02u\n",
                              row->doc_number ? row->doc_number : "", published, day);
      if (row->title != NULL)
        g_string_append_printf (out, "%s\n", row->title);
      g_string_append_printf (out, "发布时间：%d-02-%02u 10:%02u  来源：%s  浏览次数：%u\n",
                              published, day, row->number % 60,
                              row->number % 2 ? "本网" : "司法局", 100 + row->number * 13);
      g_string_append (out, "【字体：大 中 小】 【打印】 分享到：\n");
      if (row->title != NULL)
        append_title (out, row->title, FALSE);
    }
  else
    {
      if (row->doc_number != NULL)
        g_string_append_printf (out, "%s\n", row->doc_number);
      if (row->title != NULL)
        append_title (out, row->title, row->addressee != NULL || row->number % 3 == 0);
    }

  if (row->addressee != NULL)
    g_string_append_printf (out, "%s：\n", row->addressee);

  {
    g_autofree char *year = g_strdup_printf ("%d", row->year);
    g_autofree char *opening = fill (openings[row->number % 3], row->body, year, superior);

    g_string_append_printf (out, "%s%s", opening, sep);
  }

  for (guint i = 0; i < row->headings->len; i++)
    {
      const FzDevsetHeading *h = g_ptr_array_index (row->headings, i);
      const char *line = pool[(row->number + i) % G_N_ELEMENTS (pool_simplified)];
      gssize run_on = fz_devset_run_on_marker (h->heading);

      if (run_on >= 0 && i + 1 < row->headings->len)
        {
          /* A flattened page: the sub-heading, the next row, runs on
           * within the parent's line, and its text follows. */
          const FzDevsetHeading *next = g_ptr_array_index (row->headings, i + 1);

          g_string_append (out, h->marker);
          g_string_append_len (out, h->heading, run_on);
          g_string_append_printf (out, "%s%s %s%s", next->marker, next->heading, line, sep);
          i++;
          continue;
        }

      g_string_append_printf (out, "%s%s%s%s%s", h->marker, h->heading, sep, line, sep);
    }
  if (build == FZ_DEVSET_FLAT)
    g_string_append_c (out, '\n');

  if (web)
    g_string_append (out, "【打印本页】 【关闭窗口】\n扫一扫在手机打开当前页\n");

  return g_string_free (out, FALSE);
}
