/* test-return.c: the report returned to its unit with Word comments
 *
 * Every returned .docx is checked against what OOXML requires of
 * comments (fz-test-ooxml.c), and the passage between the marks is the
 * remark's passage.  The seeds, real .docx files and LibreOffice are in
 * test-return-corpus.c.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>
#include <sys/wait.h>

#include "fz-file-util.h"
#include "fz-test-ooxml.h"

static char *tmp_dir;

static char *
fixture (const char *name)
{
  return g_build_filename (TESTDATADIR, "rounds", name, NULL);
}

static FzAnalysis *
analyse (FzDocument *doc)
{
  return fz_analysis_new (doc, fz_test_national ());
}

/* Returns @path's report machine-only and checks the result. */
static void
test_text_report (void)
{
  g_autofree char *path = fixture ("liuxi-first.txt");
  g_autoptr(GBytes) out = fz_test_return_and_check (fz_test_national (), path, NULL, FZ_RETURN_TEXT, NULL, NULL);
  g_autoptr(FzDocument) doc = fz_test_import_path (path);
  g_autoptr(FzAnalysis) analysis = analyse (doc);
  g_autoptr(FzReturn) ret = fz_return_new (analysis, NULL);
  GPtrArray *remarks = fz_return_get_remarks (ret);
  gboolean opinion = FALSE, causes = FALSE, frp = FALSE, repeated = FALSE;

  for (guint i = 0; i < remarks->len; i++)
    {
      const FzRemark *r = g_ptr_array_index (remarks, i);
      g_autofree char *passage = fz_document_dup_range (doc, r->start, r->end);

      if (r->kind == FZ_REMARK_OPINION)
        {
          opinion = TRUE;
          g_assert_cmpstr (passage, ==, "青禾县柳溪镇人民政府关于2024年度法治政府建设情况的报告");
          g_assert_true (g_str_has_prefix (r->text, "【审查意见】经审查"));
        }
      else if (r->kind == FZ_REMARK_ELEMENT && g_str_equal (r->id, "causes"))
        {
          /* No passage of its own: the shortcomings' heading. */
          causes = TRUE;
          g_assert_cmpstr (passage, ==, "二、2024年推进法治政府建设存在的不足");
          g_assert_true (g_str_has_prefix (r->text, "【缺项】"));
        }
      else if (r->kind == FZ_REMARK_ELEMENT && g_str_equal (r->id, "first_responsible_person"))
        {
          /* It may be reported under the measures: their heading. */
          frp = TRUE;
          g_assert_cmpstr (passage, ==, "一、2024年推进法治政府建设的主要举措和成效");
        }
      else if (r->kind == FZ_REMARK_FINDING && g_str_equal (r->id, "repeated_word"))
        {
          repeated = TRUE;
          g_assert_cmpstr (passage, ==, "压实压实");
          g_assert_nonnull (strstr (r->text, "建议改为“压实”"));
        }
      /* Notes for the reviewer stay out of the unit's copy. */
      g_assert_false (r->kind == FZ_REMARK_FINDING && g_str_equal (r->id, "outline_coverage"));
      if (i > 0)
        g_assert_cmpuint (r->start, >=, ((FzRemark *) g_ptr_array_index (remarks, i - 1))->start);
    }
  g_assert_true (opinion && causes && frp && repeated);
}

static void
test_own_docx (void)
{
  g_autofree char *path = fixture ("liuxi-first.docx");
  g_autoptr(GHashTable) old_ids = fz_test_comment_ids (path);
  g_autoptr(GBytes) out = fz_test_return_and_check (fz_test_national (), path, NULL, FZ_RETURN_ORIGINAL, old_ids, NULL);
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  GHashTableIter iter;
  const char *name;
  GBytes *bytes;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  original = g_bytes_new (contents, len);
  before = fz_test_unzip (original);
  after = fz_test_unzip (out);

  /* Only the main part, the comments and the declarations change. */
  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &bytes))
    {
      GBytes *now = g_hash_table_lookup (after, name);

      g_assert_nonnull (now);
      if (g_str_equal (name, "word/document.xml") || g_str_equal (name, "word/comments.xml") ||
          g_str_equal (name, "[Content_Types].xml"))
        continue;
      if (!g_bytes_equal (now, bytes))
        g_error ("the part %s changed", name);
    }

  /* The unit's own comment is still there, under its own id. */
  {
    xmlDoc *comments = fz_test_part (after, "word/comments.xml");
    g_autofree char *text = (char *) xmlNodeGetContent (xmlDocGetRootElement (comments));

    g_assert_nonnull (strstr (text, "报送前请镇长审阅。"));
    xmlFreeDoc (comments);
  }
}

static void
test_numbered_docx (void)
{
  g_autofree char *path = g_build_filename (TESTDATADIR, "formats", "numbered.docx", NULL);
  g_autoptr(GHashTable) old_ids = fz_test_comment_ids (path);
  g_autoptr(GBytes) out = fz_test_return_and_check (fz_test_national (), path, NULL, FZ_RETURN_ORIGINAL, old_ids, NULL);
}

static FzReview *
make_review (FzDocument *doc,
             const char *sha256)
{
  g_autoptr(GError) error = NULL;
  FzReview *review = fz_review_new (sha256, "liuxi-first.txt");
  const char *text = fz_document_get_text (doc);
  guint at = g_utf8_pointer_to_offset (text, strstr (text, "压实压实"));

  fz_review_set_reviewer (review, "李明");
  fz_review_set_opinion (review, "报告结构基本完整，但缺少第一责任人履职情况。");
  fz_review_set_rectification (review, "补充党政主要负责人履行第一责任人职责情况；分析不足的原因。");
  g_assert_true (fz_review_set_deadline (review, "2025-04-01", &error));
  fz_review_set_decision (review, "causes", FZ_STATUS_PARTIAL, "只列举了问题，未分析原因");
  fz_review_set_decision (review, "measures_and_results", FZ_STATUS_PARTIAL, "成效缺少数据对比");
  fz_review_add_annotation (review, doc, at, at + 4, FZ_ANNOTATION_PROBLEM, "“压实”重复");
  return review;
}

static void
test_review (void)
{
  g_autofree char *path = fixture ("liuxi-first.txt");
  g_autoptr(FzDocument) doc = fz_test_import_path (path);
  g_autoptr(FzAnalysis) analysis = analyse (doc);
  g_autoptr(FzReview) review = make_review (doc, "0000000000000000000000000000000000000000000000000000000000000001");
  g_autoptr(FzReturn) ret = fz_return_new (analysis, review);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) anchors = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *remarks;
  gboolean annotation = FALSE, causes = FALSE, measures = FALSE;

  g_assert_cmpstr (fz_return_get_author (ret), ==, "李明");
  remarks = fz_return_get_remarks (ret);
  for (guint i = 0; i < remarks->len; i++)
    {
      const FzRemark *r = g_ptr_array_index (remarks, i);

      if (r->kind == FZ_REMARK_OPINION)
        {
          g_assert_cmpstr (r->text, ==,
                           "【审查意见】报告结构基本完整，但缺少第一责任人履职情况。\n"
                           "【整改要求】补充党政主要负责人履行第一责任人职责情况；分析不足的原因。\n"
                           "请于2025年4月1日前将修改后的报告报送。");
          g_assert_null (r->date);
        }
      else if (r->kind == FZ_REMARK_ANNOTATION)
        {
          g_autofree char *passage = fz_document_dup_range (doc, r->start, r->end);

          annotation = TRUE;
          g_assert_cmpstr (r->text, ==, "【问题】“压实”重复。");
          g_assert_cmpstr (passage, ==, "压实压实");
          g_assert_nonnull (r->date);
        }
      else if (r->kind == FZ_REMARK_ELEMENT && g_str_equal (r->id, "causes"))
        {
          causes = TRUE;
          g_assert_cmpstr (r->text, ==, "【内容不完整】“上一年度推进法治政府建设存在不足的原因”不完整：只列举了问题，未分析原因。请补充完善。");
          g_assert_nonnull (r->date);
        }
      else if (r->kind == FZ_REMARK_ELEMENT && g_str_equal (r->id, "measures_and_results"))
        {
          g_autofree char *passage = fz_document_dup_range (doc, r->start, r->end);

          /* Overruled from present, on its own heading. */
          measures = TRUE;
          g_assert_cmpstr (passage, ==, "一、2024年推进法治政府建设的主要举措和成效");
          g_assert_nonnull (strstr (r->text, "成效缺少数据对比"));
        }
    }
  g_assert_true (annotation && causes && measures);

  out = fz_return_render (ret, NULL, NULL, &error);
  g_assert_no_error (error);
  anchors = fz_test_check_comments (out, NULL, texts);
  fz_test_check_anchors (doc, remarks, anchors, texts);

  /* The reviewer signs every comment. */
  {
    g_autoptr(GHashTable) parts = fz_test_unzip (out);
    xmlDoc *comments = fz_test_part (parts, "word/comments.xml");

    for (xmlNode *c = xmlDocGetRootElement (comments)->children; c != NULL; c = c->next)
      if (fz_test_xml_is (c, "comment"))
        {
          g_autofree char *author = fz_test_xml_attr (c, "author");
          g_autofree char *initials = fz_test_xml_attr (c, "initials");

          g_assert_cmpstr (author, ==, "李明");
          g_assert_cmpstr (initials, ==, "李");
        }
    xmlFreeDoc (comments);
  }
}

static void
test_export (void)
{
  g_autofree char *path = fixture ("liuxi-first.docx");
  g_autofree char *copy_path = g_build_filename (tmp_dir, "report.docx", NULL);
  g_autofree char *out_path = g_build_filename (tmp_dir, "report-returned.docx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) original = NULL;
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GFile) alias = NULL;
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(FzAnalysis) analysis = NULL;
  g_autoptr(FzReturn) ret = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  FzReturnKind kind = FZ_RETURN_TEXT;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy_path, contents, len, NULL));
  before = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  original = g_file_new_for_path (copy_path);
  doc = fz_test_import (original);
  analysis = analyse (doc);
  ret = fz_return_new (analysis, NULL);

  /* Never over the original, under its own name or another path to it. */
  g_assert_false (fz_return_export (ret, original, original, NULL, NULL, &error));
  g_assert_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_UNWRITABLE);
  g_clear_error (&error);
  {
    g_autofree char *alias_path = g_build_filename (tmp_dir, ".", "report.docx", NULL);

    alias = g_file_new_for_path (alias_path);
  }
  g_assert_false (fz_return_export (ret, original, alias, NULL, NULL, &error));
  g_assert_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_UNWRITABLE);
  g_clear_error (&error);

  fz_return_export_async (ret, original, out, NULL, fz_test_keep_result, &result);
  g_assert_true (fz_return_export_finish (ret, fz_test_wait_result (&result), &kind, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, FZ_RETURN_ORIGINAL);
  g_clear_object (&result);
  g_assert_true (g_file_test (out_path, G_FILE_TEST_IS_REGULAR));

  /* With the bytes already read (the window checks they are those it
   * analysed): the same package, and still never over the original. */
  {
    g_autoptr(GBytes) bytes = g_file_load_bytes (original, NULL, NULL, &error);
    g_autofree char *bytes_path = g_build_filename (tmp_dir, "report-from-bytes.docx", NULL);
    g_autoptr(GFile) bytes_out = g_file_new_for_path (bytes_path);
    g_autoptr(FzDocument) again = NULL;

    g_assert_no_error (error);
    g_assert_false (fz_return_export_bytes (ret, original, bytes, alias, NULL, NULL, &error));
    g_assert_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_UNWRITABLE);
    g_clear_error (&error);
    kind = FZ_RETURN_TEXT;
    g_assert_true (fz_return_export_bytes (ret, original, bytes, bytes_out, NULL, &kind, &error));
    g_assert_no_error (error);
    g_assert_cmpint (kind, ==, FZ_RETURN_ORIGINAL);
    again = fz_test_import (bytes_out);
    g_assert_cmpstr (fz_document_get_text (again), ==, fz_document_get_text (doc));

    /* No bytes: the report's text comes back as a new .docx. */
    g_assert_true (fz_return_export_bytes (ret, NULL, NULL, bytes_out, NULL, &kind, &error));
    g_assert_no_error (error);
    g_assert_cmpint (kind, ==, FZ_RETURN_TEXT);
  }

  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (copy_path, &contents, &len, NULL));
  after = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  g_assert_cmpstr (after, ==, before);
}

/* fazhi-check --return uses the saved review when there is one. */
static void
test_cli (void)
{
  g_autofree char *path = fixture ("liuxi-first.txt");
  g_autofree char *copy_path = g_build_filename (tmp_dir, "cli-report.txt", NULL);
  g_autofree char *out_path = g_build_filename (tmp_dir, "cli-returned.docx", NULL);
  g_autofree char *plain_path = g_build_filename (tmp_dir, "cli-plain.docx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *out_arg = g_strconcat ("--return=", out_path, NULL);
  g_autofree char *plain_arg = g_strconcat ("--return=", plain_path, NULL);
  g_autoptr(GFile) copy = NULL;
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(FzReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GHashTable) parts = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  xmlDoc *comments;
  g_autofree char *all = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy_path, contents, len, NULL));
  copy = g_file_new_for_path (copy_path);
  sha = fz_review_hash_file (copy, NULL, &error);
  g_assert_no_error (error);
  doc = fz_test_import (copy);
  review = make_review (doc, sha);
  g_assert_true (fz_review_save (review, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);

  {
    const char *args[] = { "--format=json", out_arg, copy_path, NULL };

    g_assert_cmpint (fz_test_run_cli (args, &stdout_text, &stderr_text), ==, 0);
  }
  g_assert_true (g_file_get_contents (out_path, &contents, &len, NULL));
  out = g_bytes_new_take (g_steal_pointer (&contents), len);
  parts = fz_test_unzip (out);
  g_assert_no_error (error);
  comments = fz_test_part (parts, "word/comments.xml");
  all = (char *) xmlNodeGetContent (xmlDocGetRootElement (comments));
  g_assert_nonnull (strstr (all, "【问题】“压实”重复。"));
  g_assert_nonnull (strstr (all, "【整改要求】补充党政主要负责人"));
  for (xmlNode *c = xmlDocGetRootElement (comments)->children; c != NULL; c = c->next)
    if (fz_test_xml_is (c, "comment"))
      {
        g_autofree char *author = fz_test_xml_attr (c, "author");

        g_assert_cmpstr (author, ==, "李明");
      }
  xmlFreeDoc (comments);

  /* A report with no review (the revised one: the review goes with the
   * content, whatever the file's name): the machine's findings, signed as
   * asked. */
  {
    g_autofree char *revised = fixture ("liuxi-revised.txt");
    const char *args[] = { plain_arg, "--reviewer=王芳", revised, NULL };
    g_autoptr(GBytes) plain = NULL;
    g_autoptr(GHashTable) plain_parts = NULL;
    g_autofree char *author = NULL;
    xmlNode *first;

    g_assert_cmpint (fz_test_run_cli (args, &stdout_text, &stderr_text), ==, 0);
    g_assert_true (g_file_get_contents (plain_path, &contents, &len, NULL));
    plain = g_bytes_new_take (g_steal_pointer (&contents), len);
    plain_parts = fz_test_unzip (plain);
    comments = fz_test_part (plain_parts, "word/comments.xml");
    first = xmlDocGetRootElement (comments)->children;
    while (first != NULL && !fz_test_xml_is (first, "comment"))
      first = first->next;
    g_assert_nonnull (first);
    author = fz_test_xml_attr (first, "author");
    g_assert_cmpstr (author, ==, "王芳");
    xmlFreeDoc (comments);
  }

  /* Over the report itself: refused, as a usage error. */
  {
    g_autofree char *self_arg = g_strconcat ("--return=", copy_path, NULL);
    const char *args[] = { self_arg, copy_path, NULL };

    g_assert_cmpint (fz_test_run_cli (args, &stdout_text, &stderr_text), ==, 2);
    g_assert_nonnull (strstr (stderr_text, "--return"));
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  fz_init ();

  tmp_dir = fz_test_make_tmp_dir ("fazhi-return-XXXXXX");

  g_test_add_func ("/return/text-report", test_text_report);
  g_test_add_func ("/return/own-docx", test_own_docx);
  g_test_add_func ("/return/numbered-docx", test_numbered_docx);
  g_test_add_func ("/return/review", test_review);
  g_test_add_func ("/return/export", test_export);
  g_test_add_func ("/return/cli", test_cli);

  ret = fz_test_run ();

  /* The temporary folder and what LibreOffice left in it. */
  fz_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
