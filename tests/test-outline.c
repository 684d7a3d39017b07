/* test-outline.c: heading markers and the section tree
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "libfazhi.h"

static void
check_marker (const char    *text,
              FzMarkerLevel  level,
              guint          number,
              gboolean       standard)
{
  FzHeadingMarker m;

  if (!fz_heading_marker_parse (text, strlen (text), &m))
    g_error ("“%s” should be a heading marker", text);
  g_assert_cmpint (m.level, ==, level);
  g_assert_cmpuint (m.number, ==, number);
  g_assert_cmpint (m.standard, ==, standard);
}

static void
check_not_marker (const char *text)
{
  FzHeadingMarker m;

  if (fz_heading_marker_parse (text, strlen (text), &m))
    g_error ("“%s” is not a heading marker", text);
}

static void
test_markers (void)
{
  check_marker ("一、主要举措", FZ_MARKER_CHINESE, 1, TRUE);
  check_marker ("十二、其他", FZ_MARKER_CHINESE, 12, TRUE);
  check_marker ("二十一、其他", FZ_MARKER_CHINESE, 21, TRUE);
  check_marker ("一．主要举措", FZ_MARKER_CHINESE, 1, FALSE);
  check_marker ("三，存在问题", FZ_MARKER_CHINESE, 3, FALSE);
  check_marker ("（一）加强领导", FZ_MARKER_PAREN_CHINESE, 1, TRUE);
  check_marker ("(二)加强领导", FZ_MARKER_PAREN_CHINESE, 2, FALSE);
  check_marker ("（三）、加强领导", FZ_MARKER_PAREN_CHINESE, 3, FALSE);
  check_marker ("1.落实责任", FZ_MARKER_ARABIC, 1, TRUE);
  check_marker ("2．落实责任", FZ_MARKER_ARABIC, 2, TRUE);
  check_marker ("3、落实责任", FZ_MARKER_ARABIC, 3, FALSE);
  check_marker ("（1）具体事项", FZ_MARKER_PAREN_ARABIC, 1, TRUE);
  check_marker ("(2)具体事项", FZ_MARKER_PAREN_ARABIC, 2, FALSE);
  check_marker ("**一、加粗的标题**", FZ_MARKER_CHINESE, 1, TRUE);

  check_not_marker ("一是加强领导");
  check_not_marker ("一方面，加强领导");
  check_not_marker ("1.78万元罚款");
  check_not_marker ("12.4国家宪法日");
  check_not_marker ("2024年，全镇");
  check_not_marker ("（注：略）");
  check_not_marker ("一、");
}

static GPtrArray *
outline_of (const char  *text,
            FzDocument **doc_out)
{
  FzDocument *doc = fz_document_new_from_text (text, -1, NULL);
  GPtrArray *sections = fz_outline_build (doc);

  *doc_out = doc;
  return sections;
}

static FzSection *
sec (GPtrArray *sections,
     guint      i)
{
  g_assert_cmpuint (i, <, sections->len);
  return g_ptr_array_index (sections, i);
}

static void
test_tree (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) s = outline_of ("一、主要做法和成效\n"
                                       "（一）加强组织领导\n"
                                       "1、落实责任。一是把法治建设作为重要任务。\n"
                                       "2、带头学法。领导干部带头学习。\n"
                                       "（二）规范执法\n"
                                       "执法内容。\n"
                                       "二、存在问题\n"
                                       "问题内容。\n", &doc);

  g_assert_cmpuint (s->len, ==, 6);
  g_assert_cmpuint (sec (s, 0)->depth, ==, 1);
  g_assert_cmpuint (sec (s, 1)->depth, ==, 2);
  g_assert_cmpint (sec (s, 1)->parent, ==, 0);
  g_assert_cmpuint (sec (s, 2)->depth, ==, 3);
  g_assert_cmpint (sec (s, 2)->parent, ==, 1);
  g_assert_true (sec (s, 2)->inline_heading);
  g_assert_cmpstr (sec (s, 2)->heading, ==, "落实责任");
  g_assert_cmpstr (sec (s, 2)->label, ==, "1、");
  g_assert_cmpuint (sec (s, 3)->depth, ==, 3);
  g_assert_cmpuint (sec (s, 4)->depth, ==, 2);
  g_assert_cmpint (sec (s, 4)->parent, ==, 0);
  g_assert_cmpuint (sec (s, 5)->depth, ==, 1);
  g_assert_cmpstr (sec (s, 5)->heading, ==, "存在问题");

  /* Section one ends where section two begins; the ranges nest. */
  g_assert_cmpuint (sec (s, 0)->end, <, sec (s, 5)->start);
  g_assert_cmpuint (sec (s, 1)->end, <=, sec (s, 0)->end);
  g_assert_cmpuint (sec (s, 5)->end, ==, fz_document_get_length (doc));

  {
    g_autofree char *heading = fz_document_dup_range (doc, sec (s, 2)->start, sec (s, 2)->heading_end);
    g_autofree char *body = fz_document_dup_range (doc, sec (s, 2)->body_start, sec (s, 2)->end);

    g_assert_cmpstr (heading, ==, "1、落实责任");
    g_assert_cmpstr (body, ==, "一是把法治建设作为重要任务。");
  }
}

static void
test_restart_nests (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) s = outline_of ("一、成效\n内容。\n"
                                       "二、问题\n内容。\n"
                                       "三、主要安排\n"
                                       "一、强化学法用法。落实学法制度。\n"
                                       "二、规范行政执法。落实三项制度。\n"
                                       "三、深化法治宣传。开展普法活动。\n", &doc);

  g_assert_cmpuint (s->len, ==, 6);
  g_assert_cmpuint (sec (s, 3)->depth, ==, 2);
  g_assert_true (sec (s, 3)->restarted);
  g_assert_cmpint (sec (s, 3)->parent, ==, 2);
  g_assert_cmpuint (sec (s, 4)->depth, ==, 2);
  g_assert_cmpuint (sec (s, 5)->depth, ==, 2);
  /* The part that holds the restarted items keeps its body. */
  g_assert_cmpuint (sec (s, 2)->end, ==, fz_document_get_length (doc));
}

static void
test_skipped_level (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) s = outline_of ("一、成效\n1.第一项。内容。\n2.第二项。内容。\n（一）回到二级\n", &doc);

  g_assert_cmpuint (s->len, ==, 4);
  g_assert_cmpuint (sec (s, 1)->depth, ==, 2);
  g_assert_cmpuint (sec (s, 1)->marker_level, ==, FZ_MARKER_ARABIC);
  /* （一） ranks above 1. and so closes it. */
  g_assert_cmpuint (sec (s, 3)->depth, ==, 2);
  g_assert_cmpint (sec (s, 3)->parent, ==, 0);
}

static void
test_section_at (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) s = outline_of ("开头段落。\n一、成效\n（一）子项\n子项正文。\n二、问题\n", &doc);
  const char *text = fz_document_get_text (doc);
  const char *hit = strstr (text, "子项正文");
  guint offset = g_utf8_pointer_to_offset (text, hit);

  g_assert_cmpint (fz_outline_section_at (s, 0), ==, -1);
  g_assert_cmpint (fz_outline_section_at (s, offset), ==, 1);
}

static void
test_enumeration_not_heading (void)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) s = outline_of ("一是加强领导。二是健全制度。\n三是强化监督。\n", &doc);

  g_assert_cmpuint (s->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/outline/markers", test_markers);
  g_test_add_func ("/outline/tree", test_tree);
  g_test_add_func ("/outline/restart-nests", test_restart_nests);
  g_test_add_func ("/outline/skipped-level", test_skipped_level);
  g_test_add_func ("/outline/section-at", test_section_at);
  g_test_add_func ("/outline/enumeration-not-heading", test_enumeration_not_heading);

  return g_test_run ();
}
