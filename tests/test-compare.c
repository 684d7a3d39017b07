/* test-compare.c: two versions of a report aligned section by section
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-test-utils.h"

/* Every paragraph of either version is accounted for exactly once, and
 * the ranges of each change are its paragraphs'. */
static void
check_invariants (FzComparison *cmp)
{
  FzDocument *a = fz_comparison_get_a (cmp);
  FzDocument *b = fz_comparison_get_b (cmp);
  GPtrArray *pairs = fz_comparison_get_sections (cmp);
  guint na = fz_document_get_n_paragraphs (a), nb = fz_document_get_n_paragraphs (b);
  g_autofree guint *seen_a = g_new0 (guint, na);
  g_autofree guint *seen_b = g_new0 (guint, nb);
  guint total = 0;

  for (guint k = 0; k < pairs->len; k++)
    {
      const FzSectionPair *pair = g_ptr_array_index (pairs, k);

      if (pair->region == FZ_REGION_SECTION)
        g_assert_true (pair->a_section >= 0 || pair->b_section >= 0);
      for (guint c = 0; c < pair->paragraphs->len; c++)
        {
          const FzParagraphChange *change = g_ptr_array_index (pair->paragraphs, c);

          total++;
          switch (change->change)
            {
            case FZ_CHANGE_SAME:
            case FZ_CHANGE_CHANGED:
              g_assert_cmpint (change->a_paragraph, >=, 0);
              g_assert_cmpint (change->b_paragraph, >=, 0);
              break;
            case FZ_CHANGE_ADDED:
              g_assert_cmpint (change->a_paragraph, ==, -1);
              g_assert_cmpint (change->b_paragraph, >=, 0);
              g_assert_cmpuint (change->a_start, ==, change->a_end);
              break;
            case FZ_CHANGE_REMOVED:
              g_assert_cmpint (change->a_paragraph, >=, 0);
              g_assert_cmpint (change->b_paragraph, ==, -1);
              g_assert_cmpuint (change->b_start, ==, change->b_end);
              break;
            default:
              g_assert_not_reached ();
            }
          if (change->a_paragraph >= 0)
            {
              const FzParagraph *p = fz_document_get_paragraph (a, change->a_paragraph);

              seen_a[change->a_paragraph]++;
              g_assert_cmpuint (change->a_start, ==, p->start);
              g_assert_cmpuint (change->a_end, ==, p->end);
              g_assert_true (fz_comparison_find_a_paragraph (cmp, change->a_paragraph) == change);
            }
          if (change->b_paragraph >= 0)
            {
              const FzParagraph *p = fz_document_get_paragraph (b, change->b_paragraph);

              seen_b[change->b_paragraph]++;
              g_assert_cmpuint (change->b_start, ==, p->start);
              g_assert_cmpuint (change->b_end, ==, p->end);
              g_assert_true (fz_comparison_find_b_paragraph (cmp, change->b_paragraph) == change);
            }
          if (change->change == FZ_CHANGE_CHANGED)
            {
              g_assert_nonnull (change->a_spans);
              g_assert_true (change->a_spans->len + change->b_spans->len > 0);
              for (guint s = 0; s < change->a_spans->len; s++)
                {
                  const FzRange *r = &g_array_index (change->a_spans, FzRange, s);

                  g_assert_cmpuint (r->start, >=, change->a_start);
                  g_assert_cmpuint (r->end, <=, change->a_end);
                  g_assert_cmpuint (r->start, <, r->end);
                }
            }
        }
    }

  for (guint i = 0; i < na; i++)
    g_assert_cmpuint (seen_a[i], ==, 1);
  for (guint j = 0; j < nb; j++)
    g_assert_cmpuint (seen_b[j], ==, 1);
  g_assert_cmpuint (total, ==, fz_comparison_count (cmp, FZ_CHANGE_SAME) +
                               fz_comparison_count (cmp, FZ_CHANGE_CHANGED) +
                               fz_comparison_count (cmp, FZ_CHANGE_ADDED) +
                               fz_comparison_count (cmp, FZ_CHANGE_REMOVED));
}

/* The change holding the paragraph of @doc that starts with @prefix. */
static const FzParagraphChange *
change_of (FzComparison *cmp,
           gboolean      in_a,
           const char   *prefix)
{
  FzDocument *doc = in_a ? fz_comparison_get_a (cmp) : fz_comparison_get_b (cmp);

  for (guint i = 0; i < fz_document_get_n_paragraphs (doc); i++)
    {
      gsize len;
      const char *text = fz_document_get_paragraph_text (doc, i, &len);

      if (len >= strlen (prefix) && strncmp (text, prefix, strlen (prefix)) == 0)
        return in_a ? fz_comparison_find_a_paragraph (cmp, i) : fz_comparison_find_b_paragraph (cmp, i);
    }
  g_error ("no paragraph starts with “%s”", prefix);
  return NULL;
}

static const FzSectionPair *
pair_holding (FzComparison            *cmp,
              const FzParagraphChange *change)
{
  GPtrArray *pairs = fz_comparison_get_sections (cmp);

  for (guint k = 0; k < pairs->len; k++)
    {
      const FzSectionPair *pair = g_ptr_array_index (pairs, k);

      for (guint c = 0; c < pair->paragraphs->len; c++)
        if (g_ptr_array_index (pair->paragraphs, c) == change)
          return pair;
    }
  g_assert_not_reached ();
  return NULL;
}

static const char *
heading_of (GPtrArray *sections,
            int        index)
{
  g_assert_cmpint (index, >=, 0);
  return ((FzSection *) g_ptr_array_index (sections, index))->heading;
}

static char *
span_text (FzDocument   *doc,
           GArray       *spans)
{
  GString *out = g_string_new (NULL);

  for (guint s = 0; s < spans->len; s++)
    {
      const FzRange *r = &g_array_index (spans, FzRange, s);
      g_autofree char *text = fz_document_dup_range (doc, r->start, r->end);

      if (s > 0)
        g_string_append_c (out, '|');
      g_string_append (out, text);
    }
  return g_string_free (out, FALSE);
}

static void
test_textsim (void)
{
  g_autoptr(FzBigrams) a = fz_bigrams_new ("加强组织领导", -1);
  g_autoptr(FzBigrams) b = fz_bigrams_new ("强化组织领导", -1);
  g_autoptr(FzBigrams) c = fz_bigrams_new ("推进依法行政", -1);
  g_autoptr(FzBigrams) empty = fz_bigrams_new ("，。 ", -1);
  g_autoptr(FzBigrams) one = fz_bigrams_new ("甲", -1);
  g_autoptr(GArray) as = g_array_new (FALSE, FALSE, sizeof (FzTextSpan));
  g_autoptr(GArray) bs = g_array_new (FALSE, FALSE, sizeof (FzTextSpan));
  guint32 sa[] = { 1, 2, 3, 4, 5 }, sb[] = { 1, 3, 4, 9, 5 };
  guint8 del[5] = { 0 }, ins[5] = { 0 };
  guint common;

  /* 组织 织领 领导 of five pairs each. */
  g_assert_cmpfloat_with_epsilon (fz_bigrams_dice (a, b), 0.6, 1e-9);
  g_assert_cmpfloat (fz_bigrams_dice (a, c), ==, 0);
  g_assert_cmpfloat (fz_bigrams_dice (a, a), ==, 1);
  g_assert_cmpuint (fz_bigrams_get_size (empty), ==, 0);
  g_assert_cmpuint (fz_bigrams_get_size (one), ==, 1);
  g_assert_cmpfloat (fz_bigrams_containment (b, a), ==, 0.6);
  g_assert_cmpfloat (fz_bigrams_containment (empty, a), ==, 0);

  g_assert_true (fz_text_equal_ignoring_spaces ("依法 行政", -1, "依法行政 ", -1));
  g_assert_false (fz_text_equal_ignoring_spaces ("依法行政", -1, "依法执政", -1));

  common = fz_text_diff ("全年办理案件29宗。", -1, "全年共办理行政处罚案件29宗。", -1, 100, as, bs);
  g_assert_cmpuint (common, ==, 10);
  g_assert_cmpuint (as->len, ==, 0);
  /* 共 and 行政处罚 with only 办理 between: one span. */
  g_assert_cmpuint (bs->len, ==, 1);
  g_assert_cmpuint (g_array_index (bs, FzTextSpan, 0).start, ==, 2);
  g_assert_cmpuint (g_array_index (bs, FzTextSpan, 0).end, ==, 9);

  g_array_set_size (bs, 0);
  fz_text_diff ("全年依法办理案件29宗。", -1, "全年共依法办理行政处罚案件29宗。", -1, 100, as, bs);
  g_assert_cmpuint (as->len, ==, 0);
  g_assert_cmpuint (bs->len, ==, 2);
  g_assert_cmpuint (g_array_index (bs, FzTextSpan, 0).start, ==, 2);
  g_assert_cmpuint (g_array_index (bs, FzTextSpan, 0).end, ==, 3);
  g_assert_cmpuint (g_array_index (bs, FzTextSpan, 1).start, ==, 7);
  g_assert_cmpuint (g_array_index (bs, FzTextSpan, 1).end, ==, 11);

  /* Past the edit limit, one span between the common ends. */
  g_array_set_size (as, 0);
  g_array_set_size (bs, 0);
  fz_text_diff ("前甲乙丙丁戊后", -1, "前子丑寅卯辰后", -1, 2, as, bs);
  g_assert_cmpuint (as->len, ==, 1);
  g_assert_cmpuint (g_array_index (as, FzTextSpan, 0).start, ==, 1);
  g_assert_cmpuint (g_array_index (as, FzTextSpan, 0).end, ==, 6);

  g_assert_true (fz_sequence_diff (sa, 5, sb, 5, 100, del, ins));
  g_assert_cmpmem (del, 5, ((guint8[]) { 0, 1, 0, 0, 0 }), 5);
  g_assert_cmpmem (ins, 5, ((guint8[]) { 0, 0, 0, 1, 0 }), 5);
}

static void
test_identical (void)
{
  g_autoptr(FzAnalysis) a = fz_test_analyse_fixture ("rounds", "liuxi-first.txt");
  g_autoptr(FzAnalysis) b = fz_test_analyse_fixture ("rounds", "liuxi-first.txt");
  g_autoptr(FzComparison) cmp = fz_comparison_new (a, b);
  GPtrArray *pairs = fz_comparison_get_sections (cmp);

  check_invariants (cmp);
  g_assert_cmpuint (fz_comparison_count (cmp, FZ_CHANGE_CHANGED), ==, 0);
  g_assert_cmpuint (fz_comparison_count (cmp, FZ_CHANGE_ADDED), ==, 0);
  g_assert_cmpuint (fz_comparison_count (cmp, FZ_CHANGE_REMOVED), ==, 0);
  g_assert_cmpfloat (fz_comparison_get_similarity (cmp), ==, 1);
  /* Front, one pair per section, closing. */
  g_assert_cmpuint (pairs->len, ==, fz_analysis_get_sections (a)->len + 2);
  for (guint k = 0; k < pairs->len; k++)
    {
      const FzSectionPair *pair = g_ptr_array_index (pairs, k);

      g_assert_cmpint (pair->change, ==, FZ_CHANGE_SAME);
      g_assert_cmpint (pair->a_section, ==, pair->b_section);
      g_assert_false (pair->moved);
      if (pair->region == FZ_REGION_SECTION)
        g_assert_cmpint (pair->a_section, ==, (int) k - 1);
    }
  g_assert_cmpint (((FzSectionPair *) g_ptr_array_index (pairs, 0))->region, ==, FZ_REGION_FRONT);
  g_assert_cmpint (((FzSectionPair *) g_ptr_array_index (pairs, pairs->len - 1))->region, ==, FZ_REGION_CLOSING);
}

static void
test_revision (void)
{
  g_autoptr(FzAnalysis) a = fz_test_analyse_fixture ("rounds", "liuxi-first.txt");
  g_autoptr(FzAnalysis) b = fz_test_analyse_fixture ("rounds", "liuxi-revised.txt");
  g_autoptr(FzComparison) cmp = fz_comparison_new (a, b);
  FzDocument *bdoc = fz_comparison_get_b (cmp);
  FzDocument *adoc = fz_comparison_get_a (cmp);
  GPtrArray *as = fz_comparison_get_a_sections (cmp), *bs = fz_comparison_get_b_sections (cmp);
  const FzParagraphChange *c;
  const FzSectionPair *pair;
  g_autofree char *text = NULL;
  guint added_sections = 0, removed_sections = 0;
  const char *boilerplate = "坚持以习近平法治思想为指导";

  check_invariants (cmp);

  /* A sentence added: only the addition is marked. */
  c = change_of (cmp, TRUE, "（二）规范行政执法行为");
  g_assert_cmpint (c->change, ==, FZ_CHANGE_CHANGED);
  g_assert_cmpuint (c->a_spans->len, ==, 0);
  text = span_text (bdoc, c->b_spans);
  g_assert_cmpstr (text, ==, "，未发生行政复议被纠错案件");
  g_clear_pointer (&text, g_free);

  /* A repeated word removed. */
  c = change_of (cmp, TRUE, "（三）化解矛盾纠纷");
  g_assert_cmpint (c->change, ==, FZ_CHANGE_CHANGED);
  text = span_text (adoc, c->a_spans);
  g_assert_cmpstr (text, ==, "压实");
  g_assert_cmpuint (c->b_spans->len, ==, 0);
  g_clear_pointer (&text, g_free);

  c = change_of (cmp, TRUE, "（一）健全依法决策机制");
  g_assert_cmpint (c->change, ==, FZ_CHANGE_SAME);

  /* The shortcomings section renamed and completed: the same section. */
  c = change_of (cmp, TRUE, "一是基层执法力量不足");
  g_assert_cmpint (c->change, ==, FZ_CHANGE_CHANGED);
  pair = pair_holding (cmp, c);
  g_assert_cmpstr (heading_of (as, pair->a_section), ==, "2024年推进法治政府建设存在的不足");
  g_assert_cmpstr (heading_of (bs, pair->b_section), ==, "2024年推进法治政府建设存在的不足和原因");
  g_assert_cmpint (pair->change, ==, FZ_CHANGE_CHANGED);
  g_assert_false (pair->moved);
  g_assert_cmpfloat (pair->heading_similarity, >, 0.8);

  /* The section the unit added. */
  c = change_of (cmp, FALSE, "二、党政主要负责人");
  g_assert_cmpint (c->change, ==, FZ_CHANGE_ADDED);
  pair = pair_holding (cmp, c);
  g_assert_cmpint (pair->change, ==, FZ_CHANGE_ADDED);
  g_assert_cmpint (pair->a_section, ==, -1);
  /* It stands, in the first version, where the shortcomings begin. */
  g_assert_cmpuint (pair->a_start, ==, pair->a_end);

  for (guint k = 0; k < fz_comparison_get_sections (cmp)->len; k++)
    {
      const FzSectionPair *p = g_ptr_array_index (fz_comparison_get_sections (cmp), k);

      added_sections += p->change == FZ_CHANGE_ADDED;
      removed_sections += p->change == FZ_CHANGE_REMOVED;
    }
  g_assert_cmpuint (added_sections, ==, 1);
  g_assert_cmpuint (removed_sections, ==, 0);

  /* The boilerplate closing the measures was dropped; the same sentence
   * closing the plan stays.  A greedy matcher would pair the dropped one
   * with the plan's; aligned by section, each stays in its own. */
  for (guint i = 0, seen = 0; i < fz_document_get_n_paragraphs (adoc); i++)
    {
      gsize len;
      const char *p = fz_document_get_paragraph_text (adoc, i, &len);

      if (strncmp (p, boilerplate, strlen (boilerplate)) != 0)
        continue;
      c = fz_comparison_find_a_paragraph (cmp, i);
      pair = pair_holding (cmp, c);
      if (seen++ == 0)
        {
          /* Written after （四）, it belongs to it. */
          g_assert_cmpint (c->change, ==, FZ_CHANGE_REMOVED);
          g_assert_cmpstr (heading_of (as, pair->a_section), ==, "深化法治宣传教育");
          g_assert_cmpstr (heading_of (bs, pair->b_section), ==, "深化法治宣传教育");
        }
      else
        {
          g_assert_cmpint (c->change, ==, FZ_CHANGE_SAME);
          g_assert_cmpstr (heading_of (bs, pair->b_section), ==, "推进普法精准化");
        }
    }

  /* Front matter and closing: the new number and date are changes. */
  c = change_of (cmp, TRUE, "柳府");
  g_assert_cmpint (c->change, ==, FZ_CHANGE_CHANGED);
  g_assert_cmpint (pair_holding (cmp, c)->region, ==, FZ_REGION_FRONT);
  c = change_of (cmp, TRUE, "2025年2月18日");
  g_assert_cmpint (pair_holding (cmp, c)->region, ==, FZ_REGION_CLOSING);

  g_assert_cmpfloat (fz_comparison_get_similarity (cmp), >, 0.8);
  g_assert_cmpfloat (fz_comparison_get_similarity (cmp), <, 1);
}

static void
test_map_range (void)
{
  g_autoptr(FzAnalysis) a = fz_test_analyse_fixture ("rounds", "liuxi-first.txt");
  g_autoptr(FzAnalysis) b = fz_test_analyse_fixture ("rounds", "liuxi-revised.txt");
  g_autoptr(FzComparison) cmp = fz_comparison_new (a, b);
  FzDocument *adoc = fz_analysis_get_document (a), *bdoc = fz_analysis_get_document (b);
  const char *atext = fz_document_get_text (adoc);
  const char *hit;
  guint start, end, bstart = 0, bend = 0;
  g_autofree char *mapped = NULL;

  /* Unchanged text maps character for character. */
  hit = strstr (atext, "法律意见书21份");
  start = g_utf8_pointer_to_offset (atext, hit);
  end = start + g_utf8_strlen ("法律意见书21份", -1);
  g_assert_cmpint (fz_comparison_map_range (cmp, start, end, &bstart, &bend), ==, FZ_CHANGE_SAME);
  mapped = fz_document_dup_range (bdoc, bstart, bend);
  g_assert_cmpstr (mapped, ==, "法律意见书21份");
  g_clear_pointer (&mapped, g_free);

  /* Reworded: the whole counterpart paragraph. */
  hit = strstr (atext, "压实压实");
  start = g_utf8_pointer_to_offset (atext, hit);
  g_assert_cmpint (fz_comparison_map_range (cmp, start, start + 4, &bstart, &bend), ==, FZ_CHANGE_CHANGED);
  mapped = fz_document_dup_range (bdoc, bstart, bend);
  g_assert_true (g_str_has_prefix (mapped, "（三）化解矛盾纠纷"));
  g_clear_pointer (&mapped, g_free);

  /* Gone. */
  hit = strstr (atext, "持续推进法治政府建设向纵深发展");
  start = g_utf8_pointer_to_offset (atext, hit);
  g_assert_cmpint (fz_comparison_map_range (cmp, start, start + 5, NULL, NULL), ==, FZ_CHANGE_REMOVED);
}

static const char *moved_a =
  "关于2024年度法治政府建设情况的报告\n\n"
  "一、加强组织领导\n\n镇党委每季度专题研究法治建设，主要负责人带头学法，全年召开专题会议四次。\n\n"
  "二、规范行政执法\n\n全面推行行政执法三项制度，持证执法人员十二名，全年办理处罚案件三十一宗。\n\n"
  "三、深化普法宣传\n\n开展宪法宣传周和民法典进农村活动，发放资料九千份，培育法律明白人六十名。\n";
static const char *moved_b =
  "关于2024年度法治政府建设情况的报告\n\n"
  "一、加强组织领导\n\n镇党委每季度专题研究法治建设，主要负责人带头学法，全年召开专题会议四次。\n\n"
  "二、深化普法宣传\n\n开展宪法宣传周和民法典进农村活动，发放资料九千份，培育法律明白人六十名。\n\n"
  "三、规范行政执法\n\n全面推行行政执法三项制度，持证执法人员十二名，全年办理处罚案件三十一宗。\n";

static void
test_moved (void)
{
  g_autoptr(FzAnalysis) a = fz_test_analyse_text (moved_a);
  g_autoptr(FzAnalysis) b = fz_test_analyse_text (moved_b);
  g_autoptr(FzComparison) cmp = fz_comparison_new (a, b);
  GPtrArray *pairs = fz_comparison_get_sections (cmp);
  guint moved = 0, sections = 0;

  check_invariants (cmp);
  for (guint k = 0; k < pairs->len; k++)
    {
      const FzSectionPair *pair = g_ptr_array_index (pairs, k);

      if (pair->region != FZ_REGION_SECTION)
        continue;
      sections++;
      g_assert_cmpint (pair->a_section, >=, 0);
      g_assert_cmpint (pair->b_section, >=, 0);
      g_assert_cmpstr (heading_of (fz_comparison_get_a_sections (cmp), pair->a_section), ==,
                       heading_of (fz_comparison_get_b_sections (cmp), pair->b_section));
      moved += pair->moved;
    }
  g_assert_cmpuint (sections, ==, 3);
  g_assert_cmpuint (moved, ==, 1);
  /* Only the heading markers changed (二、 ↔ 三、). */
  g_assert_cmpuint (fz_comparison_count (cmp, FZ_CHANGE_ADDED), ==, 0);
  g_assert_cmpuint (fz_comparison_count (cmp, FZ_CHANGE_REMOVED), ==, 0);
  /* In the second version's order. */
  g_assert_cmpstr (heading_of (fz_comparison_get_b_sections (cmp),
                               ((FzSectionPair *) g_ptr_array_index (pairs, 2))->b_section), ==, "深化普法宣传");
}

/* Two sections that share a formulaic sentence: moving the sentence out
 * of one section must not pair it with the other's. */
static void
test_no_cross_section_pairs (void)
{
  const char *a_text =
    "关于2024年度法治政府建设情况的报告\n\n"
    "一、主要举措和成效\n\n全年办理行政复议案件八件，全部依法审结。\n\n"
    "坚持以习近平法治思想为指导，推动法治政府建设取得新成效。\n\n"
    "二、存在的不足和原因\n\n执法人员专业背景不足，主要原因是编制有限。\n";
  const char *b_text =
    "关于2024年度法治政府建设情况的报告\n\n"
    "一、主要举措和成效\n\n全年办理行政复议案件八件，全部依法审结。\n\n"
    "二、存在的不足和原因\n\n执法人员专业背景不足，主要原因是编制有限。\n\n"
    "坚持以习近平法治思想为指导，推动法治政府建设取得新成效。\n";
  g_autoptr(FzAnalysis) a = fz_test_analyse_text (a_text);
  g_autoptr(FzAnalysis) b = fz_test_analyse_text (b_text);
  g_autoptr(FzComparison) cmp = fz_comparison_new (a, b);
  const FzParagraphChange *ca, *cb;

  check_invariants (cmp);
  ca = change_of (cmp, TRUE, "坚持以习近平法治思想");
  cb = change_of (cmp, FALSE, "坚持以习近平法治思想");
  g_assert_cmpint (ca->change, ==, FZ_CHANGE_REMOVED);
  g_assert_cmpint (cb->change, ==, FZ_CHANGE_ADDED);
  g_assert_true (ca != cb);
}

static void
test_async (void)
{
  g_autoptr(FzAnalysis) a = fz_test_analyse_fixture ("rounds", "liuxi-first.txt");
  g_autoptr(FzAnalysis) b = fz_test_analyse_fixture ("rounds", "liuxi-revised.txt");
  g_autoptr(FzComparison) cmp = NULL;
  g_autoptr(FzComparison) sync = fz_comparison_new (a, b);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) done = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  fz_comparison_new_async (a, b, NULL, fz_test_keep_result, &done);
  cmp = fz_comparison_new_finish (fz_test_wait_result (&done), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fz_comparison_count (cmp, FZ_CHANGE_CHANGED), ==, fz_comparison_count (sync, FZ_CHANGE_CHANGED));
  g_assert_cmpuint (fz_comparison_get_sections (cmp)->len, ==, fz_comparison_get_sections (sync)->len);

  g_cancellable_cancel (cancelled);
  fz_comparison_new_async (a, b, cancelled, fz_test_keep_result, &result);
  g_assert_null (fz_comparison_new_finish (fz_test_wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The seeds: each against itself, against itself with a paragraph
 * dropped and one reworded, and against each other. */
static void
test_seeds (void)
{
  g_autoptr(GPtrArray) analyses = fz_test_analyse_seeds ();

  if (analyses == NULL)
    return;

  for (guint i = 0; i < analyses->len; i++)
    {
      FzAnalysis *analysis = g_ptr_array_index (analyses, i);
      FzDocument *doc = fz_analysis_get_document (analysis);
      const char *name = fz_document_get_display_name (doc);
      g_autoptr(FzAnalysis) edited = NULL;
      g_autoptr(FzComparison) self_cmp = NULL;
      g_autoptr(FzComparison) edit_cmp = NULL;
      g_autoptr(GString) text = NULL;
      guint n, drop = 0, reword = 0;

      self_cmp = fz_comparison_new (analysis, analysis);
      check_invariants (self_cmp);
      g_assert_cmpfloat (fz_comparison_get_similarity (self_cmp), ==, 1);
      g_assert_cmpuint (fz_comparison_count (self_cmp, FZ_CHANGE_SAME), ==, fz_document_get_n_paragraphs (doc));

      /* Drop the longest body paragraph of the middle third, and add a
       * sentence to the next long one. */
      n = fz_document_get_n_paragraphs (doc);
      for (guint p = n / 3, best = 0; p < 2 * n / 3; p++)
        {
          const FzParagraph *para = fz_document_get_paragraph (doc, p);

          if (para->kind == FZ_PARAGRAPH_BODY && para->end - para->start > best)
            {
              best = para->end - para->start;
              drop = p;
            }
        }
      for (guint p = drop + 1; p < n && reword == 0; p++)
        {
          const FzParagraph *para = fz_document_get_paragraph (doc, p);

          if (para->kind == FZ_PARAGRAPH_BODY && para->end - para->start > 60)
            reword = p;
        }
      g_assert_cmpuint (drop, >, 0);
      g_assert_cmpuint (reword, >, 0);

      text = g_string_new (NULL);
      for (guint p = 0; p < n; p++)
        {
          gsize len;
          const char *t = fz_document_get_paragraph_text (doc, p, &len);

          if (p == drop)
            continue;
          g_string_append_len (text, t, len);
          if (p == reword)
            g_string_append (text, "另经复核，上述数据已与统计部门核对一致。");
          g_string_append (text, "\n\n");
        }
      edited = fz_test_analyse_text (text->str);
      edit_cmp = fz_comparison_new (analysis, edited);
      check_invariants (edit_cmp);
      g_assert_cmpint (fz_comparison_find_a_paragraph (edit_cmp, drop)->change, ==, FZ_CHANGE_REMOVED);
      g_assert_cmpint (fz_comparison_find_a_paragraph (edit_cmp, reword)->change, ==, FZ_CHANGE_CHANGED);
      g_test_message ("%s: %u paragraphs; edited copy: %u same, %u changed, %u added, %u removed; similarity %.3f",
                      name, n,
                      fz_comparison_count (edit_cmp, FZ_CHANGE_SAME), fz_comparison_count (edit_cmp, FZ_CHANGE_CHANGED),
                      fz_comparison_count (edit_cmp, FZ_CHANGE_ADDED), fz_comparison_count (edit_cmp, FZ_CHANGE_REMOVED),
                      fz_comparison_get_similarity (edit_cmp));
      g_assert_cmpuint (fz_comparison_count (edit_cmp, FZ_CHANGE_REMOVED), ==, 1);
      g_assert_cmpuint (fz_comparison_count (edit_cmp, FZ_CHANGE_ADDED), ==, 0);
      g_assert_cmpuint (fz_comparison_count (edit_cmp, FZ_CHANGE_CHANGED), ==, 1);
    }

  /* Different units: nothing holds them together but the formula. */
  for (guint i = 0; i < analyses->len; i++)
    for (guint j = 0; j < analyses->len; j++)
      {
        g_autoptr(FzComparison) cmp = NULL;

        if (i == j)
          continue;
        cmp = fz_comparison_new (g_ptr_array_index (analyses, i), g_ptr_array_index (analyses, j));
        check_invariants (cmp);
        g_test_message ("%s against %s: %u same, %u changed paragraphs; similarity %.3f",
                        fz_document_get_display_name (fz_analysis_get_document (g_ptr_array_index (analyses, i))),
                        fz_document_get_display_name (fz_analysis_get_document (g_ptr_array_index (analyses, j))),
                        fz_comparison_count (cmp, FZ_CHANGE_SAME), fz_comparison_count (cmp, FZ_CHANGE_CHANGED),
                        fz_comparison_get_similarity (cmp));
        g_assert_cmpuint (fz_comparison_count (cmp, FZ_CHANGE_SAME), <, 3);
        g_assert_cmpfloat (fz_comparison_get_similarity (cmp), <, 0.2);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/compare/textsim", test_textsim);
  g_test_add_func ("/compare/identical", test_identical);
  g_test_add_func ("/compare/revision", test_revision);
  g_test_add_func ("/compare/map-range", test_map_range);
  g_test_add_func ("/compare/moved", test_moved);
  g_test_add_func ("/compare/no-cross-section-pairs", test_no_cross_section_pairs);
  g_test_add_func ("/compare/async", test_async);
  g_test_add_func ("/compare/seeds", test_seeds);

  return fz_test_run ();
}
