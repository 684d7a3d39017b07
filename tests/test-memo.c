/* test-memo.c: the review memo in every format
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <libxml/parser.h>
#include <string.h>

#include "libfazhi.h"
#include "fz-test-utils.h"
#include "fz-file-util.h"

#define SHA "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"

#define UNIT       "青禾县司法局"
#define LETTERHEAD "青禾县司法局"

typedef struct
{
  FzAnalysis *analysis;
  FzReview   *review;
  FzMemo     *memo;
  char       *dir;
} Fixture;

static FzMemo *
letter_for (FzAnalysis *analysis,
            FzReview   *review)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (2025, 3, 6, 9, 0, 0);
  FzMemoOptions options = {
    .unit = UNIT,
    .letterhead = LETTERHEAD,
    .contact = "李明",
    .phone = "0759-7771234",
    .date = date,
  };

  return fz_memo_new_full (analysis, review, &options);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  FzDocument *doc;
  const char *text, *hit;
  guint start;

  f->analysis = fz_test_analyse_fixture ("reports", "checker-complete.txt");
  doc = fz_analysis_get_document (f->analysis);
  text = fz_document_get_text (doc);

  f->review = fz_review_new (SHA, "青山镇报告.txt");
  fz_review_set_reviewer (f->review, "王审查");
  fz_review_set_opinion (f->review, "报告内容基本完整。\n不足原因分析偏简单，请补充。");
  fz_review_set_rectification (f->review, "补充存在不足的原因分析。");
  fz_review_set_memo_number (f->review, "青司函〔2025〕12号");
  g_assert_true (fz_review_set_deadline (f->review, "2026-03-31", NULL));
  fz_review_set_decision (f->review, "causes", FZ_STATUS_PARTIAL, "原因只有一句 <简单>");
  fz_review_set_paragraph (f->review, "element:next_year_plan", "安排具体可行，<予以肯定>。");

  hit = strstr (text, "执法力量薄弱");
  g_assert_nonnull (hit);
  start = g_utf8_pointer_to_offset (text, hit);
  fz_review_add_annotation (f->review, doc, start, start + 6, FZ_ANNOTATION_PROBLEM,
                            "人员缺口多少？请量化 | 说明");
  hit = strstr (text, "以案释法不够");
  g_assert_nonnull (hit);
  start = g_utf8_pointer_to_offset (text, hit);
  fz_review_add_annotation (f->review, doc, start, start + 6, FZ_ANNOTATION_DOUBT,
                            "只给审查人自己看的疑问");

  f->memo = letter_for (f->analysis, f->review);
  f->dir = g_dir_make_tmp ("fz-memo-XXXXXX", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fz_remove_tree (f->dir);
  g_free (f->dir);
  g_clear_object (&f->memo);
  g_clear_object (&f->review);
  g_clear_object (&f->analysis);
}

static GRegex *
page_number_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("\\n— [0-9]+ —\\n", 0, 0, NULL));

  return regex;
}

/* Text as PDF tools extract it: without the spaces and line breaks that
 * wrapping and table cells put anywhere. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
contains_squeezed (const char *haystack,
                   const char *needle)
{
  /* A paragraph that runs over a page break has the page number ("— 2 —")
   * in the middle of its text as extracted. */
  g_autofree char *unpaged = g_regex_replace (page_number_regex (), haystack, -1, 0, "", 0, NULL);
  g_autofree char *h = squeeze (unpaged);
  g_autofree char *n = squeeze (needle);

  return strstr (h, n) != NULL;
}

static void
assert_contains_squeezed (const char *haystack,
                          const char *needle)
{
  if (!contains_squeezed (haystack, needle))
    g_error ("“%s” not found in the memo text:\n%s", needle, haystack);
}

/* Everything the memo says, whatever the format: each block with its
 * lead, each table row with its cells in order (PDF text taken with
 * pdftotext -raw, which keeps a cell's lines together). */
static void
assert_memo_content (Fixture    *f,
                     const char *text)
{
  FzMemoDocument *doc = fz_memo_get_document (f->memo);

  assert_contains_squeezed (text, fz_memo_get_heading (f->memo));
  for (guint i = 0; i < fz_memo_document_get_n_blocks (doc); i++)
    {
      const FzMemoBlock *b = fz_memo_document_get_block (doc, i);

      if (b->kind != FZ_MEMO_BLOCK_TABLE)
        {
          g_autofree char *whole = g_strconcat (b->lead != NULL ? b->lead : "", b->text, NULL);

          assert_contains_squeezed (text, whole);
          continue;
        }
      for (guint r = 0; r < b->rows->len; r++)
        {
          g_autofree char *joined = g_strjoinv ("", g_ptr_array_index (b->rows, r));

          assert_contains_squeezed (text, joined);
        }
    }
  assert_contains_squeezed (text, "青司函〔2025〕12号");
  assert_contains_squeezed (text, "不足原因分析偏简单，请补充。");
  assert_contains_squeezed (text, "人员缺口多少？请量化");
  assert_contains_squeezed (text, "补充存在不足的原因分析。");
  assert_contains_squeezed (text, "请于2026年3月31日前将修改后的报告报送我局。");
  assert_contains_squeezed (text, UNIT "2025年3月6日");
}

static char *
render_string (FzMemo       *memo,
               FzMemoFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = fz_memo_render (memo, format, &error);
  gsize len;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &len);
  g_assert_true (g_utf8_validate (data, len, NULL));
  return g_strndup (data, len);
}

/* The letter's text as one string, with the kinds of its blocks. */
static char *
letter_text (FzMemo *memo)
{
  return fz_memo_document_dup_text (fz_memo_get_document (memo));
}

static int
find_block (FzMemo          *memo,
            FzMemoBlockKind  kind,
            const char      *prefix)
{
  FzMemoDocument *doc = fz_memo_get_document (memo);

  for (guint i = 0; i < fz_memo_document_get_n_blocks (doc); i++)
    {
      const FzMemoBlock *b = fz_memo_document_get_block (doc, i);

      if (b->kind == kind && (prefix == NULL || g_str_has_prefix (b->text, prefix)))
        return i;
    }

  return -1;
}

/* What leaks from inside the tool into a letter: the file, the machine's
 * view of the reviewer's decision, lines of a text file, and any English
 * (an English desktop must not make an English memo). */
static void
assert_nothing_internal (const char *text)
{
  static const char * const leaks[] = {
    "青山镇报告.txt", ".txt", "审查人认定", "系统判断", "系统初审", "未经人工审查",
    "行）", "第1行", "由系统根据", "只给审查人自己看的疑问", "原因只有一句",
  };

  for (guint i = 0; i < G_N_ELEMENTS (leaks); i++)
    if (strstr (text, leaks[i]) != NULL)
      g_error ("“%s” leaked into the memo:\n%s", leaks[i], text);

  /* Only GB/T (the standard's name) is written in Latin letters. */
  {
    g_auto(GStrv) pieces = g_strsplit (text, "GB/T", -1);
    g_autofree char *rest = g_strjoinv ("", pieces);

    for (const char *p = rest; *p != '\0'; p++)
      if (g_ascii_isalpha (*p))
        g_error ("Latin letters in the memo at “%.20s”:\n%s", p, text);
  }
}

static void
test_content (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *text = letter_text (f->memo);
  g_autofree char *md = render_string (f->memo, FZ_MEMO_FORMAT_MARKDOWN);
  g_autofree char *html = render_string (f->memo, FZ_MEMO_FORMAT_HTML);
  g_autoptr(FzMemo) machine = letter_for (f->analysis, NULL);
  g_autofree char *machine_text = letter_text (machine);
  g_autofree char *draft = fz_memo_draft_opinion (f->analysis, f->review);
  FzMemoDocument *doc = fz_memo_get_document (f->memo);
  int letterhead, number, title, addressee, signature, date, note;

  g_test_message ("%s", text);
  g_assert_false (fz_memo_get_opinion_is_draft (f->memo));
  g_assert_cmpstr (fz_memo_get_heading (f->memo), ==,
                   "关于《青山镇人民政府关于2024年度法治政府建设情况的报告》的审查意见");

  /* The head and the end of a letter (函), in their order. */
  letterhead = find_block (f->memo, FZ_MEMO_BLOCK_LETTERHEAD, LETTERHEAD);
  number = find_block (f->memo, FZ_MEMO_BLOCK_NUMBER, "青司函〔2025〕12号");
  title = find_block (f->memo, FZ_MEMO_BLOCK_TITLE, "关于《");
  addressee = find_block (f->memo, FZ_MEMO_BLOCK_ADDRESSEE, "青山镇人民政府：");
  signature = find_block (f->memo, FZ_MEMO_BLOCK_SIGNATURE, UNIT);
  date = find_block (f->memo, FZ_MEMO_BLOCK_DATE, "2025年3月6日");
  note = find_block (f->memo, FZ_MEMO_BLOCK_NOTE, "（联系人：李明，联系电话：0759-7771234）");
  g_assert_cmpint (letterhead, ==, 0);
  g_assert_cmpint (number, ==, 1);
  g_assert_cmpint (title, ==, 2);
  g_assert_cmpint (addressee, ==, 3);
  g_assert_cmpint (signature, >, addressee);
  g_assert_cmpint (date, ==, signature + 1);
  g_assert_cmpint (note, ==, date + 1);
  g_assert_cmpint (note + 1, ==, fz_memo_document_get_n_blocks (doc));

  /* The body: the opening, then the numbered parts. */
  g_assert_nonnull (strstr (text, "你镇报送的《青山镇人民政府关于2024年度法治政府建设情况的报告》收悉。"));
  g_assert_nonnull (strstr (text, "我局依据《法治政府建设与责任落实督察工作规定》"));
  g_assert_cmpint (find_block (f->memo, FZ_MEMO_BLOCK_HEADING, "一、总体意见"), >, addressee);
  g_assert_cmpint (find_block (f->memo, FZ_MEMO_BLOCK_HEADING, "二、必备内容审查意见"), >, addressee);
  g_assert_nonnull (fz_memo_document_find (doc, "element:causes"));
  g_assert_nonnull (strstr (text, "（三）关于不足的原因。"));
  g_assert_nonnull (strstr (text, "内容不够完整"));

  /* The reviewer's words stand where they wrote them; the memo's own
   * wording is still at hand for "restore". */
  g_assert_cmpstr (fz_memo_document_find (doc, "element:next_year_plan")->text, ==, "安排具体可行，<予以肯定>。");
  g_assert_nonnull (strstr (fz_memo_get_default_text (f->memo, "element:next_year_plan"), "内容具备"));
  g_assert_nonnull (strstr (text, "报告内容基本完整。\n不足原因分析偏简单，请补充。"));
  g_assert_nonnull (strstr (text, "人员缺口多少？请量化 | 说明。（见第三部分：“执法力量薄弱”）"));
  g_assert_nonnull (strstr (text, "请于2026年3月31日前将修改后的报告报送我局。"));
  g_assert_nonnull (strstr (text, "特此函告。"));

  assert_nothing_internal (text);
  assert_nothing_internal (machine_text);

  /* Markdown and HTML escape the reviewer's markup. */
  g_assert_nonnull (strstr (md, "请量化 \\| 说明"));
  g_assert_nonnull (strstr (html, "&lt;予以肯定&gt;"));
  g_assert_null (strstr (html, "<予以肯定>"));
  g_assert_nonnull (strstr (html, "class=\"letterhead\""));

  /* Without a review: the memo's own opinion, and still no file name. */
  g_assert_true (fz_memo_get_opinion_is_draft (machine));
  g_assert_nonnull (strstr (machine_text, "报告应具备的5项必备内容均已具备"));
  /* The draft counts the reviewer's partial decision. */
  g_assert_nonnull (strstr (draft, "其中4项已具备"));
  g_assert_nonnull (strstr (draft, "内容不够完整"));
}

/* The reviewer decides which kinds of problem the memo names. */
static void
test_problem_choice (void)
{
  g_autoptr(FzAnalysis) analysis = fz_test_analyse_fixture ("reports", "checks-defects.txt");
  g_autoptr(FzReview) review = fz_review_new (SHA, "defects.txt");
  g_autoptr(GPtrArray) problems = fz_problems_group (analysis, NULL);
  g_autoptr(FzMemo) before = letter_for (analysis, review);
  g_autoptr(FzMemo) after = NULL;
  const FzProblem *named = NULL;
  const FzProblem *left_out = NULL;
  g_autofree char *key_named = NULL;
  g_autofree char *key_left_out = NULL;

  for (guint i = 0; i < problems->len; i++)
    {
      const FzProblem *problem = g_ptr_array_index (problems, i);

      if (fz_problem_kind_is_missing_element (problem->kind))
        continue;
      if (named == NULL && fz_problem_kind_in_memo_by_default (problem->kind, problem->severity))
        named = problem;
      if (left_out == NULL && !fz_problem_kind_in_memo_by_default (problem->kind, problem->severity))
        left_out = problem;
    }
  g_assert_nonnull (named);
  key_named = g_strconcat ("problem:", named->kind, NULL);
  g_assert_nonnull (fz_memo_document_find (fz_memo_get_document (before), key_named));
  if (left_out != NULL)
    {
      key_left_out = g_strconcat ("problem:", left_out->kind, NULL);
      g_assert_null (fz_memo_document_find (fz_memo_get_document (before), key_left_out));
    }

  fz_review_set_problem_choice (review, named->kind, FALSE);
  if (left_out != NULL)
    fz_review_set_problem_choice (review, left_out->kind, TRUE);
  after = letter_for (analysis, review);
  g_assert_null (fz_memo_document_find (fz_memo_get_document (after), key_named));
  if (left_out != NULL)
    g_assert_nonnull (fz_memo_document_find (fz_memo_get_document (after), key_left_out));
}

static void
test_draft_missing (void)
{
  g_autoptr(FzAnalysis) analysis = fz_test_analyse_fixture ("reports", "checker-missing.txt");
  g_autofree char *draft = fz_memo_draft_opinion (analysis, NULL);
  GPtrArray *elements = fz_analysis_get_elements (analysis);
  gboolean any_missing = FALSE;

  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *r = g_ptr_array_index (elements, i);
      const FzRuleElement *re = fz_ruleset_find_element (fz_analysis_get_ruleset (analysis), r->id);

      if (r->required && r->status == FZ_STATUS_MISSING)
        {
          any_missing = TRUE;
          g_assert_nonnull (strstr (draft, re->name));
        }
    }
  g_assert_true (any_missing);
  g_assert_nonnull (strstr (draft, "未反映"));
  g_assert_nonnull (strstr (draft, "重新报送"));
}

/* A report with no title, addressee, signature or date is no "complete"
 * report, whatever its sections. */
static void
test_missing_elements_weigh (void)
{
  static const char text[] =
    "2024年，青山镇扎实推进法治政府建设。\n"
    "一、2024年推进法治政府建设的主要举措和成效\n"
    "全年办理行政处罚案件25宗，开展行政检查160次，培训干部300人次，聘请法律顾问出具法律意见书18份，"
    "全面落实行政执法三项制度，重大行政决策全部经过合法性审查。\n"
    "二、党政主要负责人履行推进法治建设第一责任人职责情况\n"
    "镇党委书记、镇长认真履行第一责任人职责，重要工作亲自部署、重大问题亲自过问，年终述职专门述法。\n"
    "三、2024年推进法治政府建设存在的不足和原因\n"
    "执法力量薄弱，由于执法事项下放后人员未相应增加，导致部分领域监管覆盖不全。\n"
    "四、2025年推进法治政府建设的主要安排\n"
    "加强干部学法用法，每季度开展一次以案释法专题培训，充实综合行政执法力量。\n";
  g_autoptr(FzDocument) doc = fz_document_new_from_text (text, -1, "bare.txt");
  g_autoptr(FzRuleSet) rules = fz_test_load_rules ("national");
  g_autoptr(FzAnalysis) analysis = fz_analysis_new (doc, rules);
  g_autoptr(FzMemo) memo = letter_for (analysis, NULL);
  g_autofree char *letter = letter_text (memo);
  const char *opinion = fz_memo_document_find (fz_memo_get_document (memo), FZ_REVIEW_PARAGRAPH_OPINION)->text;

  g_test_message ("%s", letter);
  g_assert_null (strstr (opinion, "符合要求"));
  g_assert_null (strstr (opinion, "结构完整"));
  g_assert_nonnull (strstr (opinion, "公文要素不全"));
  g_assert_nonnull (strstr (letter, "（一）公文要素不全。"));
  g_assert_nonnull (strstr (letter, "标题"));
  g_assert_nonnull (strstr (letter, "成文日期"));
  /* No title, no file name in the heading: the year names the report. */
  g_assert_cmpstr (fz_memo_get_heading (memo), ==, "关于2024年度法治政府建设情况报告的审查意见");
  assert_nothing_internal (letter);
}

/* A problem repeated through the report is named once, with its count
 * and the parts it is in: never the lines of a text file. */
static void
test_grouped_findings (void)
{
  static const char text[] =
    "青山镇人民政府关于2024年度法治政府建设情况的报告\n"
    "中共青禾县委、青禾县人民政府：\n"
    "一、主要举措和成效\n"
    "全年办理案件25宗,开展检查160次,培训干部300人次。\n"
    "二、存在的不足和原因\n"
    "执法力量薄弱,监管覆盖不全,原因是人员不足。\n";
  g_autoptr(FzDocument) doc = fz_document_new_from_text (text, -1, "g.txt");
  g_autoptr(FzRuleSet) rules = fz_test_load_rules ("national");
  g_autoptr(FzAnalysis) analysis = fz_analysis_new (doc, rules);
  g_autoptr(FzMemo) memo = fz_memo_new (analysis, NULL);
  g_autofree char *letter = letter_text (memo);
  g_autoptr(GPtrArray) problems = fz_problems_group (analysis, NULL);
  GPtrArray *findings = fz_analysis_get_findings (analysis);
  guint commas = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      const FzFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->id, "punct_halfwidth") && g_strcmp0 (f->text, ",") == 0)
        commas++;
    }
  g_assert_cmpuint (commas, ==, 4);
  for (guint i = 0; i < problems->len; i++)
    if (g_str_equal (((FzProblem *) g_ptr_array_index (problems, i))->kind, "punct_halfwidth"))
      g_assert_cmpuint (((FzProblem *) g_ptr_array_index (problems, i))->findings->len, ==, 4);
  g_assert_nonnull (strstr (letter, "中文语句中使用了半角标点符号。共4处，见第一部分、第二部分，如“"));
  g_assert_null (strstr (letter, "行）"));
}

/* Every character of a memo's title survives into its file name, but
 * for the few no file system takes: 政 (U+653F) ends in the byte of "?". */
static void
test_file_name (void)
{
  const char *corpus = g_getenv ("FAZHI_CORPUS_DIR");
  g_autofree char *seeds = corpus != NULL ? g_build_filename (corpus, "seeds", NULL) : NULL;
  g_autoptr(GDir) dir = seeds != NULL ? g_dir_open (seeds, 0, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = fz_ruleset_load ("national", &error);
  const char *name;
  guint n_titles = 0, n_chars = 0;

  {
    g_autofree char *plain = fz_memo_dup_file_name ("关于《北坡镇人民政府报告》的审查意见", "docx");
    g_autofree char *odd = fz_memo_dup_file_name ("a/b\\c:d*e?f\"g<h>i|j\tk", "pdf");

    g_assert_cmpstr (plain, ==, "关于《北坡镇人民政府报告》的审查意见.docx");
    g_assert_cmpstr (odd, ==, "a_b_c_d_e_f_g_h_i_j_k.pdf");
  }

  if (dir == NULL)
    {
      g_test_skip ("the reference corpus is not there");
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (seeds, name, NULL);
      g_autoptr(FzDocument) doc = fz_test_import_path (path);
      g_autoptr(FzAnalysis) analysis = fz_analysis_new (doc, rules);
      g_autoptr(FzMemo) memo = fz_memo_new (analysis, NULL);
      const char *heading = fz_memo_get_heading (memo);
      g_autofree char *file_name = fz_memo_dup_file_name (heading, "docx");

      g_assert_true (g_str_has_suffix (file_name, ".docx"));
      /* The heading whole, and each of its characters alone. */
      g_assert_cmpint (strncmp (file_name, heading, strlen (heading)), ==, 0);
      for (const char *p = heading; *p != '\0'; p = g_utf8_next_char (p))
        {
          g_autofree char *one = g_strndup (p, g_utf8_next_char (p) - p);
          g_autofree char *named = fz_memo_dup_file_name (one, "md");
          g_autofree char *want = g_strconcat (one, ".md", NULL);

          g_assert_cmpstr (named, ==, want);
          n_chars++;
        }
      n_titles++;
    }
  g_test_message ("%u titles, %u characters kept in file names", n_titles, n_chars);
  g_assert_cmpuint (n_titles, >, 0);
}

static void
test_json_roundtrip (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *json = fz_memo_to_json (f->memo);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzMemo) back = fz_memo_new_from_json (json, -1, &error);
  g_autofree char *again = NULL;
  g_autofree char *md1 = NULL;
  g_autofree char *md2 = NULL;

  g_assert_no_error (error);
  again = fz_memo_to_json (back);
  g_assert_cmpstr (json, ==, again);
  md1 = render_string (f->memo, FZ_MEMO_FORMAT_MARKDOWN);
  md2 = render_string (back, FZ_MEMO_FORMAT_MARKDOWN);
  g_assert_cmpstr (md1, ==, md2);
  g_assert_nonnull (strstr (json, "\"schema\" : \"fazhi-memo/2\""));

  /* Every truncation is refused cleanly. */
  for (gsize cut = 0; cut + 1 < strlen (json); cut += 7)
    {
      g_autoptr(GError) cut_error = NULL;
      g_autoptr(FzMemo) cut_memo = fz_memo_new_from_json (json, cut, &cut_error);

      g_assert_null (cut_memo);
      g_assert_error (cut_error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_INVALID);
    }

  g_clear_object (&back);
  back = fz_memo_new_from_json ("{\"schema\":\"fazhi-check/1\"}", -1, &error);
  g_assert_null (back);
  g_assert_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_INVALID);
  g_clear_error (&error);
  back = fz_memo_new_from_json ("{\"schema\":", -1, &error);
  g_assert_null (back);
  g_assert_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *broken = g_strdup (json);
    char *kind = strstr (broken, "\"kind\" : \"");

    g_assert_nonnull (kind);
    memcpy (kind + strlen ("\"kind\" : \""), "XX", 2);
    back = fz_memo_new_from_json (broken, -1, &error);
    g_assert_null (back);
    g_assert_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_INVALID);
  }
}

static char *
export_to (Fixture    *f,
           const char *name)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (fz_memo_export (f->memo, file, &error));
  g_assert_no_error (error);
  return path;
}

static char *
run_tool (const char * const *argv,
          int                *exit_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (exit_status != NULL)
    *exit_status = status;
  else if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static void
test_docx (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = export_to (f, "memo.docx");
  g_autoptr(GPtrArray) zip = fz_test_read_zip (path);
  g_autoptr(GHashTable) parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *document, *styles, *fonts, *settings, *odd, *even;

  for (guint i = 0; i < zip->len; i++)
    {
      const FzTestZipPart *part = g_ptr_array_index (zip, i);
      gsize len;
      const char *content = g_bytes_get_data (part->content, &len);
      xmlDocPtr doc;

      /* Every part is well-formed XML. */
      doc = xmlReadMemory (content, len, part->name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
      if (doc == NULL)
        g_error ("%s in the .docx is not well-formed XML", part->name);
      xmlFreeDoc (doc);
      g_hash_table_insert (parts, g_strdup (part->name), g_strndup (content, len));
    }

  g_assert_cmpuint (zip->len, >, 0);
  g_assert_cmpstr (((FzTestZipPart *) g_ptr_array_index (zip, 0))->name, ==, "[Content_Types].xml");
  document = g_hash_table_lookup (parts, "word/document.xml");
  styles = g_hash_table_lookup (parts, "word/styles.xml");
  fonts = g_hash_table_lookup (parts, "word/fontTable.xml");
  settings = g_hash_table_lookup (parts, "word/settings.xml");
  odd = g_hash_table_lookup (parts, "word/footer1.xml");
  even = g_hash_table_lookup (parts, "word/footer2.xml");
  g_assert_nonnull (document);
  g_assert_nonnull (styles);
  g_assert_nonnull (fonts);
  g_assert_nonnull (settings);
  g_assert_nonnull (odd);
  g_assert_nonnull (even);
  g_assert_true (g_hash_table_contains (parts, "_rels/.rels"));

  /* A4 and the GB/T 9704 margins. */
  g_assert_nonnull (strstr (document, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
  g_assert_nonnull (strstr (document, "w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\""));
  /* Page numbers "— 1 —": odd pages right, even pages left. */
  g_assert_nonnull (strstr (document, "<w:footerReference w:type=\"default\" r:id=\"rId3\"/>"));
  g_assert_nonnull (strstr (document, "<w:footerReference w:type=\"even\" r:id=\"rId4\"/>"));
  g_assert_nonnull (strstr (settings, "<w:evenAndOddHeaders/>"));
  g_assert_nonnull (strstr (odd, "w:instr=\" PAGE \""));
  g_assert_nonnull (strstr (odd, "<w:jc w:val=\"right\"/>"));
  g_assert_nonnull (strstr (even, "<w:jc w:val=\"left\"/>"));
  g_assert_nonnull (strstr (odd, "— "));
  /* The standard's fonts, and what Word and WPS use without them. */
  g_assert_nonnull (strstr (styles, "w:eastAsia=\"仿宋_GB2312\""));
  g_assert_nonnull (strstr (styles, "w:eastAsia=\"方正小标宋简体\""));
  g_assert_nonnull (strstr (styles, "w:eastAsia=\"黑体\""));
  g_assert_nonnull (strstr (styles, "w:eastAsia=\"楷体_GB2312\""));
  g_assert_nonnull (strstr (fonts, "<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>"));
  g_assert_nonnull (strstr (fonts, "<w:font w:name=\"楷体_GB2312\"><w:altName w:val=\"楷体\"/>"));
  /* The red letterhead, and the closing kept with the signature. */
  g_assert_nonnull (strstr (styles, "<w:color w:val=\"E00000\"/>"));
  g_assert_nonnull (strstr (document, "<w:pStyle w:val=\"MemoLetterhead\"/>"));
  g_assert_nonnull (strstr (document, "<w:keepNext/><w:keepLines/>"));
  /* No empty paragraph at the end of the body. */
  g_assert_null (strstr (document, "<w:pStyle w:val=\"MemoBody\"/></w:pPr></w:p><w:sectPr>"));
}

/* The pages of a PDF as text, one string a page. */
static GPtrArray *
pdf_pages (const char *pdftotext,
           const char *pdf)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);
  const char *argv[] = { pdftotext, "-raw", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = run_tool (argv, NULL);
  g_auto(GStrv) split = g_strsplit (text, "\f", -1);

  for (guint i = 0; split[i] != NULL; i++)
    if (*g_strstrip (split[i]) != '\0')
      g_ptr_array_add (pages, g_strdup (split[i]));

  return pages;
}

/* The last page carries the closing with the signature, not the
 * signature alone. */
static void
assert_last_page_full (GPtrArray *pages)
{
  const char *last = g_ptr_array_index (pages, pages->len - 1);

  g_assert_true (contains_squeezed (last, UNIT));
  g_assert_true (contains_squeezed (last, "特此函告。"));
  g_assert_cmpuint (g_utf8_strlen (last, -1), >, 30);
}

static void
test_docx_libreoffice (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) pages = NULL;

  if (soffice == NULL || pdftotext == NULL)
    {
      g_test_skip ("LibreOffice (soffice) or pdftotext is not installed");
      return;
    }

  path = export_to (f, "memo.docx");
  pdf = fz_test_soffice_to_pdf (soffice, path, f->dir, NULL, NULL);
  {
    const char *argv[] = { pdftotext, "-raw", "-enc", "UTF-8", pdf, "-", NULL };

    text = run_tool (argv, NULL);
  }
  assert_memo_content (f, text);
  /* The page number as GB/T 9704 writes it. */
  {
    g_autofree char *squeezed = squeeze (text);

    g_assert_nonnull (strstr (squeezed, "—1—"));
  }
  pages = pdf_pages (pdftotext, pdf);
  assert_last_page_full (pages);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *path = export_to (f, "memo.pdf");
  g_autofree char *fonts = NULL;
  g_autofree char *text = NULL;

  if (pdffonts == NULL || pdftotext == NULL)
    {
      g_test_skip ("pdffonts or pdftotext (poppler-utils) is not installed");
      return;
    }

  {
    const char *argv[] = { pdffonts, path, NULL };

    fonts = run_tool (argv, NULL);
  }
  g_assert_cmpuint (fz_test_assert_fonts_embedded (fonts), >, 0);

  {
    const char *argv[] = { pdftotext, "-raw", "-enc", "UTF-8", path, "-", NULL };

    text = run_tool (argv, NULL);
  }
  assert_memo_content (f, text);
  {
    g_autoptr(GPtrArray) pages = pdf_pages (pdftotext, path);

    assert_last_page_full (pages);
  }
}

static double
ink_area (FzMemo *memo,
          guint   page)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  double x, y, w, h;

  fz_memo_draw_page (memo, cr, page);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
  cairo_surface_destroy (surface);

  return w * h;
}

static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  guint n = fz_memo_count_pages (f->memo, cr);
  double x, y, w, h;

  /* Counting draws nothing. */
  cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
  g_assert_cmpfloat (w * h, ==, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat (ink_area (f->memo, i), >, 0);
  g_assert_cmpfloat (ink_area (f->memo, n), ==, 0);

  /* The printed pages are the PDF's pages. */
  if (pdfinfo != NULL)
    {
      g_autofree char *path = export_to (f, "memo.pdf");
      const char *argv[] = { pdfinfo, path, NULL };
      g_autofree char *info = run_tool (argv, NULL);
      g_autofree char *want = g_strdup_printf ("Pages: %u", n);
      g_autofree char *squeezed = NULL;
      char *pages = strstr (info, "Pages:");

      g_assert_nonnull (pages);
      squeezed = g_strdup_printf ("Pages: %u", (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10));
      g_assert_cmpstr (squeezed, ==, want);
    }
}

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (f->dir, "memo.docx", NULL);
  g_autofree char *inside = g_build_filename (blocker, "keep.txt", NULL);
  g_autofree char *older = g_build_filename (f->dir, "older.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no-such-folder", "memo.pdf", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_entries = 0;

  /* A folder stands where the memo should go: nothing can replace it,
   * even as root, and nothing in it is touched. */
  g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);
  g_file_set_contents (inside, "keep", -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (blocker);
  g_assert_false (fz_memo_export (f->memo, file, &error));
  g_assert_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_UNWRITABLE);
  g_assert_nonnull (strstr (error->message, blocker));
  g_assert_true (g_file_get_contents (inside, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "keep");
  g_clear_error (&error);
  g_clear_object (&file);

  file = g_file_new_for_path (nowhere);
  g_assert_false (fz_memo_export (f->memo, file, &error));
  g_assert_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_UNWRITABLE);
  g_clear_error (&error);
  g_clear_object (&file);

  /* An unknown extension is refused before anything is written. */
  {
    g_autofree char *odd = g_build_filename (f->dir, "memo.odt", NULL);

    file = g_file_new_for_path (odd);
    g_assert_false (fz_memo_export (f->memo, file, &error));
    g_assert_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_UNKNOWN_FORMAT);
    g_assert_nonnull (strstr (error->message, ".docx"));
    g_assert_false (g_file_test (odd, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
    g_clear_object (&file);
  }

  /* Replacing an older memo works and leaves no temporary files. */
  g_file_set_contents (older, "old", -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (older);
  g_assert_true (fz_memo_export (f->memo, file, &error));
  g_assert_no_error (error);
  g_clear_pointer (&kept, g_free);
  g_assert_true (g_file_get_contents (older, &kept, NULL, NULL));
  g_assert_true (g_str_has_prefix (kept, "%PDF-"));

  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    n_entries++;
  g_assert_cmpuint (n_entries, ==, 2);
}

static void
test_formats (void)
{
  FzMemoFormat format;

  g_assert_true (fz_memo_format_from_filename ("a/审查意见.DOCX", &format));
  g_assert_cmpint (format, ==, FZ_MEMO_FORMAT_DOCX);
  g_assert_true (fz_memo_format_from_filename ("x.htm", &format));
  g_assert_cmpint (format, ==, FZ_MEMO_FORMAT_HTML);
  g_assert_true (fz_memo_format_from_filename ("x.md", &format));
  g_assert_cmpint (format, ==, FZ_MEMO_FORMAT_MARKDOWN);
  g_assert_false (fz_memo_format_from_filename ("x.doc", &format));
  g_assert_false (fz_memo_format_from_filename (".pdf", &format));
  g_assert_false (fz_memo_format_from_filename ("memo", &format));
}

static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fz-memo-cli-XXXXXX", NULL);
  g_autofree char *complete = g_build_filename (TESTDATADIR, "reports", "checker-complete.txt", NULL);
  g_autofree char *missing = g_build_filename (TESTDATADIR, "reports", "checker-missing.txt", NULL);
  g_autofree char *pattern = g_build_filename (dir, "{name}-审查意见.json", NULL);
  g_autofree char *memo_arg = g_strconcat ("--memo=", pattern, NULL);
  g_autofree char *dir_arg = g_strconcat ("--memo=", dir, NULL);
  g_autofree char *single = g_build_filename (dir, "one.md", NULL);
  g_autofree char *single_arg = g_strconcat ("--memo=", single, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  {
    const char *args[] = { memo_arg, complete, missing, NULL };
    g_autofree char *json = NULL;
    g_autofree char *path = g_build_filename (dir, "checker-missing-审查意见.json", NULL);
    g_autoptr(FzMemo) memo = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (fz_test_run_cli (args, &out, &err), ==, 0);
    g_assert_true (g_file_get_contents (path, &json, NULL, NULL));
    memo = fz_memo_new_from_json (json, -1, &error);
    g_assert_no_error (error);
    g_assert_true (fz_memo_get_opinion_is_draft (memo));
    g_unlink (path);
    g_clear_pointer (&path, g_free);
    path = g_build_filename (dir, "checker-complete-审查意见.json", NULL);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    g_unlink (path);
  }

  {
    /* A folder gets one .docx per report. */
    const char *args[] = { dir_arg, complete, missing, NULL };
    g_autofree char *a = g_build_filename (dir, "checker-complete.docx", NULL);
    g_autofree char *b = g_build_filename (dir, "checker-missing.docx", NULL);

    g_assert_cmpint (fz_test_run_cli (args, &out, &err), ==, 0);
    g_assert_true (g_file_test (a, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (b, G_FILE_TEST_IS_REGULAR));
    g_unlink (a);
    g_unlink (b);
  }

  {
    /* PDFs drawn in parallel worker threads. */
    g_autofree char *pdf_pattern = g_build_filename (dir, "{name}.pdf", NULL);
    g_autofree char *pdf_arg = g_strconcat ("--memo=", pdf_pattern, NULL);
    const char *args[] = { pdf_arg, complete, missing, NULL };
    g_autofree char *a = g_build_filename (dir, "checker-complete.pdf", NULL);
    g_autofree char *b = g_build_filename (dir, "checker-missing.pdf", NULL);
    g_autofree char *head = NULL;

    g_assert_cmpint (fz_test_run_cli (args, &out, &err), ==, 0);
    g_assert_true (g_file_get_contents (b, &head, NULL, NULL));
    g_assert_true (g_str_has_prefix (head, "%PDF-"));
    g_unlink (a);
    g_unlink (b);
  }

  {
    const char *args[] = { single_arg, complete, NULL };

    g_assert_cmpint (fz_test_run_cli (args, &out, &err), ==, 0);
    g_assert_true (g_file_test (single, G_FILE_TEST_IS_REGULAR));
    g_unlink (single);
  }

  {
    /* One file name for several reports, or an unknown format: usage. */
    const char *several[] = { single_arg, complete, missing, NULL };
    const char *odd[] = { "--memo=memo.txt", complete, NULL };

    g_assert_cmpint (fz_test_run_cli (several, &out, &err), ==, 2);
    g_assert_cmpint (fz_test_run_cli (odd, &out, &err), ==, 2);
  }

  {
    /* A memo that cannot be written: exit 4, the report is still printed. */
    g_autofree char *bad = g_build_filename (dir, "none", "memo.pdf", NULL);
    g_autofree char *bad_arg = g_strconcat ("--memo=", bad, NULL);
    const char *args[] = { bad_arg, complete, NULL };

    g_assert_cmpint (fz_test_run_cli (args, &out, &err), ==, 4);
    g_assert_nonnull (strstr (out, "checker-complete.txt"));
  }

  g_rmdir (dir);
}

/* The parts beyond the report itself ---------------------------------- */

/* The heading the block @key stands under. */
static const char *
heading_of (FzMemoDocument *doc,
            const char     *key)
{
  const FzMemoBlock *heading = fz_test_block_before (doc, key, FZ_MEMO_BLOCK_HEADING);

  return heading != NULL ? heading->text : NULL;
}

/* The score as a part of the memo: the reviewer's choice, kept in the
 * review; the CLI's flag; the total and 等次 as the table gives them. */
static void
test_score_part (void)
{
  g_autoptr(FzAnalysis) analysis = fz_test_analyse_fixture ("score", "score-gaps.txt");
  g_autoptr(FzReview) review = fz_review_new (SHA, "score-gaps.txt");
  g_autoptr(FzScore) score = fz_score_new (fz_ruleset_get_score_table (fz_analysis_get_ruleset (analysis)));
  g_autoptr(FzMemo) off = NULL;
  g_autoptr(FzMemo) on = NULL;
  g_autoptr(FzMemo) flagged = NULL;
  g_autoptr(FzMemo) adjusted = NULL;
  g_autoptr(FzMemo) reworded = NULL;
  g_autoptr(FzReview) reread = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  FzMemoOptions options = { 0 };
  const FzMemoBlock *block;
  JsonObject *facts;
  /* The example table on score-gaps.txt, by hand: content 50 less 8 (no
   * causes) and 10 (no first responsible person); substance 20 less 3
   * (no_causes); form 20 less 2 × 2 (no signature, no date) and 3 × 0.5
   * (three half-width commas); timeliness 10. */
  double total = 100 - 8 - 10 - 3 - 2 * 2 - 3 * 0.5;

  fz_score_set_analysis (score, analysis);
  fz_score_set_review (score, review);
  options.score = score;

  /* Off until the reviewer puts it in. */
  g_assert_false (fz_review_get_score_in_memo (review));
  off = fz_memo_new_full (analysis, review, &options);
  g_assert_null (fz_memo_document_find (fz_memo_get_document (off), "score"));
  text = letter_text (off);
  g_assert_null (strstr (text, "评分情况"));
  g_clear_pointer (&text, g_free);

  fz_review_set_score_in_memo (review, TRUE);
  on = fz_memo_new_full (analysis, review, &options);
  block = fz_memo_document_find (fz_memo_get_document (on), "score");
  g_assert_nonnull (block);
  /* 73.5 lies in 60–80: 合格. */
  g_assert_cmpfloat (total, ==, 73.5);
  expected = g_strdup_printf ("按《示例评分表（百分制，供各地替换）》评分，本报告得%s分（满分100分），等次为合格。", "73.5");
  g_assert_true (g_str_has_prefix (block->text, expected));
  g_assert_nonnull (strstr (block->text, "公文规范14.5分（满分20分"));
  /* Second, after the overall opinion. */
  g_assert_cmpstr (heading_of (fz_memo_get_document (on), "score"), ==, "二、评分情况");
  g_assert_cmpstr (heading_of (fz_memo_get_document (on), FZ_REVIEW_PARAGRAPH_OPINION), ==, "一、总体意见");
  text = letter_text (on);
  assert_nothing_internal (text);
  g_clear_pointer (&text, g_free);

  /* The JSON memo states the figure as data too. */
  json = fz_memo_to_json (on);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  facts = json_object_get_object_member (json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                                                        "facts"), "score");
  g_assert_cmpfloat (json_object_get_double_member (facts, "total"), ==, total);
  g_assert_cmpfloat (json_object_get_double_member (facts, "max"), ==, 100);
  g_assert_cmpstr (json_object_get_string_member (facts, "grade"), ==, "pass");
  g_assert_cmpstr (json_object_get_string_member (facts, "grade_name"), ==, "合格");

  /* The reviewer gives 必备内容完整 its 50 points: 73.5 + 18 = 91.5, 优秀. */
  g_assert_true (fz_score_adjust (score, "content", 50, "第一责任人履职情况见第二部分", &error));
  g_assert_no_error (error);
  adjusted = fz_memo_new_full (analysis, review, &options);
  g_assert_true (g_str_has_prefix (fz_memo_document_find (fz_memo_get_document (adjusted), "score")->text,
                                   "按《示例评分表（百分制，供各地替换）》评分，本报告得91.5分（满分100分），等次为优秀。"));

  /* Reworded like any paragraph. */
  fz_review_set_paragraph (review, "score", "本报告评分为优秀。");
  reworded = fz_memo_new_full (analysis, review, &options);
  g_assert_cmpstr (fz_memo_document_find (fz_memo_get_document (reworded), "score")->text, ==, "本报告评分为优秀。");
  fz_review_set_paragraph (review, "score", NULL);

  /* Saved with the review, which then needs the newer format. */
  saved = fz_review_to_data (review, NULL);
  g_assert_nonnull (strstr (saved, "\"score\" : true"));
  g_assert_nonnull (strstr (saved, "\"version\" : 2"));
  reread = fz_review_new_from_data (saved, strlen (saved), "test", &error);
  g_assert_no_error (error);
  g_assert_true (fz_review_get_score_in_memo (reread));
  {
    GPtrArray *log = fz_review_get_log (review);
    gboolean logged = FALSE;

    for (guint i = 0; i < log->len; i++)
      logged |= g_str_equal (((FzReviewChange *) g_ptr_array_index (log, i))->what, "memo:score");
    g_assert_true (logged);
  }

  /* Switched off again: gone; the CLI's --memo-score states it with no
   * review at all. */
  fz_review_set_score_in_memo (review, FALSE);
  g_clear_object (&off);
  off = fz_memo_new_full (analysis, review, &options);
  g_assert_null (fz_memo_document_find (fz_memo_get_document (off), "score"));
  options.with_score = TRUE;
  flagged = fz_memo_new_full (analysis, NULL, &options);
  g_assert_nonnull (fz_memo_document_find (fz_memo_get_document (flagged), "score"));
}

/* Every writer carries the score, round two's and last year's parts. */
static void
test_follow_parts (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(FzAnalysis) first = fz_test_analyse_fixture ("rounds", "liuxi-first.txt");
  g_autoptr(FzAnalysis) second = fz_test_analyse_fixture ("rounds", "liuxi-revised.txt");
  g_autoptr(FzAnalysis) last = fz_test_analyse_fixture ("rounds", "liuxi-2023.txt");
  g_autoptr(FzReview) review = fz_review_new (SHA, "liuxi-revised.txt");
  g_autoptr(FzScore) score = fz_score_new (fz_ruleset_get_score_table (fz_analysis_get_ruleset (second)));
  g_autoptr(FzRounds) rounds = fz_rounds_new (first, NULL, second, review);
  g_autoptr(FzHistory) history = fz_history_new (last, NULL, second);
  g_autoptr(GDateTime) date = g_date_time_new_local (2025, 3, 6, 9, 0, 0);
  FzMemoOptions options = { .unit = UNIT, .letterhead = LETTERHEAD, .date = date };
  static const char * const headings[] = {
    "一、总体意见", "二、评分情况", "三、首次审查意见整改情况", "四、必备内容审查意见",
  };
  static const char * const kinds[] = { "html", "md" };
  g_autofree char *text = NULL;
  FzMemoDocument *doc;
  guint n_headings = 0;

  fz_score_set_analysis (score, second);
  fz_score_set_review (score, review);
  fz_review_set_score_in_memo (review, TRUE);
  options.score = score;
  options.rounds = rounds;
  options.history = history;
  g_clear_object (&f->memo);
  f->memo = fz_memo_new_full (second, review, &options);
  doc = fz_memo_get_document (f->memo);

  /* Numbered in turn: 一、二、… with no gap. */
  for (guint i = 0; i < fz_memo_document_get_n_blocks (doc); i++)
    {
      const FzMemoBlock *b = fz_memo_document_get_block (doc, i);
      static const char * const ordinals[] = { "一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、" };

      if (b->kind != FZ_MEMO_BLOCK_HEADING)
        continue;
      g_assert_cmpuint (n_headings, <, G_N_ELEMENTS (ordinals));
      g_assert_true (g_str_has_prefix (b->text, ordinals[n_headings]));
      if (n_headings < G_N_ELEMENTS (headings))
        g_assert_cmpstr (b->text, ==, headings[n_headings]);
      n_headings++;
    }
  g_assert_true (g_str_has_suffix (heading_of (doc, "history"), "、上年度工作落实情况"));
  g_assert_nonnull (fz_memo_document_find (doc, "rounds:summary"));
  text = letter_text (f->memo);
  assert_nothing_internal (text);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      FzMemoFormat format;
      g_autofree char *name = g_strconcat ("memo.", kinds[k], NULL);
      g_autofree char *rendered = NULL;
      const char *parts[] = { "score", "rounds:summary", "history" };

      g_assert_true (fz_memo_format_from_filename (name, &format));
      rendered = render_string (f->memo, format);
      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        assert_contains_squeezed (rendered, fz_memo_document_find (doc, parts[i])->text);
      assert_contains_squeezed (rendered, "三、首次审查意见整改情况");
    }

  {
    /* The .docx's body, and the PDF as pdftotext reads it. */
    g_autoptr(GBytes) bytes = fz_memo_render (f->memo, FZ_MEMO_FORMAT_DOCX, NULL);
    g_autofree char *path = g_build_filename (f->dir, "parts.docx", NULL);
    g_autofree char *pdf = export_to (f, "parts.pdf");
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
    g_autofree char *body = NULL;

    g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
    body = fz_test_read_zip_member (path, "word/document.xml");
    g_assert_nonnull (body);
    g_assert_nonnull (strstr (body, "二、评分情况"));
    g_assert_nonnull (strstr (body, "三、首次审查意见整改情况"));
    g_assert_nonnull (strstr (body, "上年度工作落实情况"));

    if (pdftotext != NULL)
      {
        const char *argv[] = { pdftotext, "-raw", "-enc", "UTF-8", pdf, "-", NULL };
        g_autofree char *extracted = run_tool (argv, NULL);

        assert_contains_squeezed (extracted, "二、评分情况");
        assert_contains_squeezed (extracted, fz_memo_document_find (doc, "score")->text);
        assert_contains_squeezed (extracted, fz_memo_document_find (doc, "history")->text);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/memo/formats", test_formats);
  g_test_add ("/memo/content", Fixture, NULL, fixture_set_up, test_content, fixture_tear_down);
  g_test_add_func ("/memo/problem-choice", test_problem_choice);
  g_test_add_func ("/memo/draft-missing", test_draft_missing);
  g_test_add_func ("/memo/missing-elements-weigh", test_missing_elements_weigh);
  g_test_add_func ("/memo/grouped-findings", test_grouped_findings);
  g_test_add_func ("/memo/file-name", test_file_name);
  g_test_add ("/memo/json-roundtrip", Fixture, NULL, fixture_set_up, test_json_roundtrip, fixture_tear_down);
  g_test_add ("/memo/docx", Fixture, NULL, fixture_set_up, test_docx, fixture_tear_down);
  g_test_add ("/memo/docx-libreoffice", Fixture, NULL, fixture_set_up, test_docx_libreoffice, fixture_tear_down);
  g_test_add ("/memo/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/memo/print", Fixture, NULL, fixture_set_up, test_print, fixture_tear_down);
  g_test_add ("/memo/unwritable", Fixture, NULL, fixture_set_up, test_unwritable, fixture_tear_down);
  g_test_add_func ("/memo/cli", test_cli);
  g_test_add_func ("/memo/score-part", test_score_part);
  g_test_add ("/memo/follow-parts", Fixture, NULL, fixture_set_up, test_follow_parts, fixture_tear_down);

  return fz_test_run ();
}
