/* fz-memo-letter.c: the memo for one report, as a letter from the bureau
 *
 * A 审查意见 goes from the reviewing unit (司法局, 依法治X办) to the unit
 * that reported, in the form of a letter (函, GB/T 9704-2012 §10.1): the
 * 发文机关标志 and 文号, the title, the 主送机关, then the body — an
 * opening, the overall opinion, an opinion on each required element, the
 * problems grouped by kind with where they occur, the rectification
 * requests and a closing with the deadline — and the 署名, 成文日期 and
 * 联系人.  It says what the reviewer concluded: no file names, nothing of
 * what the machine thought, and nothing the reviewer left out.
 *
 * Each paragraph has a key; where the reviewer reworded one (kept in the
 * review), their words stand.  The body is a list of sections below: a new
 * part is one function and one line there.  Besides the report's own
 * review, the letter can state the score under the bureau's table (when
 * the reviewer puts it in), what a revised report fixed of the first
 * round, and how last year's plan and requests were followed through
 * (fz-memo-follow.c).
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */


#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include <string.h>

#include "fz-json-reader.h"
#include "fz-memo-letter-private.h"

/* Sections of the letter ------------------------------------------------ */

static void
add_opening (Letter *l)
{
  const FzMetadata *meta = fz_analysis_get_metadata (l->analysis);
  const char *source = fz_ruleset_get_source (fz_analysis_get_ruleset (l->analysis));
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "%s报送的", l->you);
  if (l->title != NULL)
    g_string_append_printf (text, "《%s》", l->title);
  else if (meta->report_year > 0)
    g_string_append_printf (text, "%d年度法治政府建设情况报告", meta->report_year);
  else
    g_string_append (text, "法治政府建设年度报告");
  if (meta->doc_number.value != NULL)
    g_string_append_printf (text, "（%s）", meta->doc_number.value);
  g_string_append (text, "收悉。");
  if (source != NULL && *source != '\0')
    g_string_append_printf (text, "%s依据%s对报告进行了审查，现将审查意见函告如下：", l->we, source);
  else
    g_string_append_printf (text, "%s对报告进行了审查，现将审查意见函告如下：", l->we);

  _fz_letter_paragraph (l, "opening", NULL, text->str);
}

static char *
draft_opinion (Letter *l)
{
  GPtrArray *elements = fz_analysis_get_elements (l->analysis);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GPtrArray) partial = g_ptr_array_new ();
  g_autoptr(GPtrArray) unsure = g_ptr_array_new ();
  g_autoptr(GPtrArray) lacking = _fz_letter_missing_elements (l);
  GString *out = g_string_new (NULL);
  guint n_required = 0, n_present = 0, n_kinds = 0;

  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *r = g_ptr_array_index (elements, i);

      if (!r->required)
        continue;
      n_required++;
      switch (_fz_letter_status (l, r, NULL))
        {
        case FZ_STATUS_PRESENT:
        case FZ_STATUS_NOT_APPLICABLE:
          n_present++;
          break;
        case FZ_STATUS_PARTIAL:
          g_ptr_array_add (partial, (gpointer) _fz_letter_element_name (l, r));
          break;
        case FZ_STATUS_MISSING:
          g_ptr_array_add (missing, (gpointer) _fz_letter_element_name (l, r));
          break;
        case FZ_STATUS_NEEDS_REVIEW:
        default:
          g_ptr_array_add (unsure, (gpointer) _fz_letter_element_name (l, r));
          break;
        }
    }

  for (guint i = 0; i < l->problems->len; i++)
    if (!fz_problem_kind_is_missing_element (((FzProblem *) g_ptr_array_index (l->problems, i))->kind))
      n_kinds++;

  if (missing->len == 0 && partial->len == 0 && unsure->len == 0 && lacking->len == 0 && n_kinds == 0)
    {
      g_string_append_printf (out, "报告应具备的%u项必备内容均已具备，公文要素齐全，符合要求。", n_required);
      return g_string_free (out, FALSE);
    }

  if (missing->len == 0 && partial->len == 0 && unsure->len == 0)
    g_string_append_printf (out, "报告应具备的%u项必备内容均已具备", n_required);
  else
    {
      g_string_append_printf (out, "报告应具备%u项必备内容，其中%u项已具备", n_required, n_present);
      if (partial->len > 0)
        {
          g_autofree char *names = _fz_letter_quoted_names (partial);
          g_string_append_printf (out, "，%s内容不够完整", names);
        }
      if (missing->len > 0)
        {
          g_autofree char *names = _fz_letter_quoted_names (missing);
          g_string_append_printf (out, "，未反映%s", names);
        }
      if (unsure->len > 0)
        {
          g_autofree char *names = _fz_letter_quoted_names (unsure);
          g_string_append_printf (out, "，%s反映不够明确", names);
        }
    }
  g_string_append (out, "。");

  if (lacking->len > 0)
    {
      g_autofree char *names = _fz_letter_joined (lacking, "、");
      g_string_append_printf (out, "报告缺少%s，公文要素不全。", names);
    }
  if (n_kinds > 0)
    g_string_append_printf (out, "%s报告在格式、文字或数据方面存在%u类问题。",
                            lacking->len > 0 ? "此外，" : "", n_kinds);

  if (missing->len > 0 || partial->len > 0 || lacking->len > 0)
    g_string_append (out, "请按本意见补充完善后重新报送。");
  else
    g_string_append (out, "请对照本意见修改完善。");

  return g_string_free (out, FALSE);
}

static void
add_opinion (Letter *l)
{
  g_autofree char *text = draft_opinion (l);

  _fz_letter_heading (l, "总体意见");
  _fz_letter_paragraph (l, FZ_REVIEW_PARAGRAPH_OPINION, NULL, text);
}

static char *
draft_rectification (Letter *l)
{
  GPtrArray *elements = fz_analysis_get_elements (l->analysis);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lacking = _fz_letter_missing_elements (l);
  GListModel *annotations = l->review != NULL ? fz_review_get_annotations (l->review) : NULL;
  gboolean families[FZ_PROBLEM_CONTENT + 1] = { FALSE };
  GString *out;

  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *r = g_ptr_array_index (elements, i);

      if (!r->required)
        continue;
      switch (_fz_letter_status (l, r, NULL))
        {
        case FZ_STATUS_MISSING:
          g_ptr_array_add (items, g_strdup_printf ("补充“%s”的内容", _fz_letter_element_name (l, r)));
          break;
        case FZ_STATUS_PARTIAL:
          g_ptr_array_add (items, g_strdup_printf ("充实完善“%s”的内容", _fz_letter_element_name (l, r)));
          break;
        case FZ_STATUS_NEEDS_REVIEW:
          g_ptr_array_add (items, g_strdup_printf ("核实完善“%s”的内容", _fz_letter_element_name (l, r)));
          break;
        case FZ_STATUS_PRESENT:
        case FZ_STATUS_NOT_APPLICABLE:
        default:
          break;
        }
    }

  for (guint i = 0; i < l->problems->len; i++)
    families[fz_problem_kind_get_family (((FzProblem *) g_ptr_array_index (l->problems, i))->kind)] = TRUE;
  if (lacking->len > 0)
    {
      g_autofree char *names = _fz_letter_joined (lacking, "、");
      g_ptr_array_add (items, g_strdup_printf ("补全%s等公文要素", names));
    }
  if (families[FZ_PROBLEM_FORM])
    g_ptr_array_add (items, g_strdup ("按照《党政机关公文格式》（GB/T 9704—2012）规范公文格式"));
  if (families[FZ_PROBLEM_FIGURES])
    g_ptr_array_add (items, g_strdup ("核实并更正有关数据和年份"));
  if (families[FZ_PROBLEM_LANGUAGE])
    g_ptr_array_add (items, g_strdup ("更正标点符号和文字错误"));

  for (guint i = 0; annotations != NULL && i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(FzAnnotation) a = g_list_model_get_item (annotations, i);
      g_autofree char *note = g_strdup (fz_annotation_get_note (a));

      if (fz_annotation_get_category (a) != FZ_ANNOTATION_SUGGESTION || note == NULL)
        continue;
      g_strstrip (note);
      while (g_str_has_suffix (note, "。") || g_str_has_suffix (note, "；"))
        note[strlen (note) - strlen ("。")] = '\0';
      if (*note != '\0')
        g_ptr_array_add (items, g_steal_pointer (&note));
    }

  if (items->len == 0)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (out, "%s%u.%s%s", i > 0 ? "\n" : "", i + 1,
                            (const char *) g_ptr_array_index (items, i),
                            i + 1 < items->len ? "；" : "。");

  return g_string_free (out, FALSE);
}

static void
add_rectification (Letter *l)
{
  g_autofree char *text = draft_rectification (l);
  const char *reworded = l->review != NULL
                         ? fz_review_get_paragraph (l->review, FZ_REVIEW_PARAGRAPH_RECTIFICATION) : NULL;

  if (text == NULL && reworded == NULL)
    return;

  _fz_letter_heading (l, "整改要求");
  _fz_letter_paragraph (l, FZ_REVIEW_PARAGRAPH_RECTIFICATION, NULL, text != NULL ? text : "");
}

static void
add_closing (Letter *l)
{
  const char *deadline = l->review != NULL ? fz_review_get_deadline (l->review) : NULL;
  g_autofree char *date = _fz_memo_iso_date_text (deadline);
  g_autofree char *text = NULL;
  gboolean requests = fz_memo_document_find (l->doc, FZ_REVIEW_PARAGRAPH_RECTIFICATION) != NULL;

  if (date != NULL)
    text = g_strdup_printf ("请于%s前将修改后的报告报送%s。\n特此函告。", date, l->we);
  else if (requests)
    text = g_strdup_printf ("请按照上述意见修改完善后，将报告重新报送%s。\n特此函告。", l->we);
  else
    text = g_strdup ("特此函告。");

  _fz_letter_paragraph (l, "closing", NULL, text);
}

/* The body, in order.  A new paragraph of the memo is a function above
 * and a line here. */
static const struct
{
  const char    *name;
  LetterSection  add;
} body[] = {
  { "opening", add_opening },
  { "opinion", add_opinion },
  { "score", _fz_letter_add_score },
  { "rounds", _fz_letter_add_rounds },
  { "elements", _fz_letter_add_elements },
  { "problems", _fz_letter_add_problems },
  { "history", _fz_letter_add_history },
  { "rectification", add_rectification },
  { "closing", add_closing },
};

/* Facts for the JSON memo ---------------------------------------------- */

static JsonObject *
letter_facts (Letter *l)
{
  const FzMetadata *meta = fz_analysis_get_metadata (l->analysis);
  GPtrArray *elements = fz_analysis_get_elements (l->analysis);
  JsonObject *facts = json_object_new ();
  JsonObject *report = json_object_new ();
  JsonArray *verdicts = json_array_new ();
  JsonArray *problems = json_array_new ();
  g_autoptr(GPtrArray) all = fz_problems_group (l->analysis, l->options->extra_findings);

  _fz_json_set_string_or_null (report, "title", l->title);
  _fz_json_set_string_or_null (report, "unit", l->addressee);
  _fz_json_set_string_or_null (report, "doc_number", meta->doc_number.value);
  _fz_json_set_string_or_null (report, "date", meta->date_iso);
  if (meta->report_year > 0)
    json_object_set_int_member (report, "year", meta->report_year);
  else
    json_object_set_null_member (report, "year");
  _fz_json_set_string_or_null (report, "sha256", l->review != NULL ? fz_review_get_report_sha256 (l->review) : NULL);
  json_object_set_object_member (facts, "report", report);
  _fz_json_set_string_or_null (facts, "ruleset", fz_ruleset_get_id (fz_analysis_get_ruleset (l->analysis)));

  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *r = g_ptr_array_index (elements, i);
      JsonObject *o = json_object_new ();
      gboolean by_reviewer;
      FzStatus status = _fz_letter_status (l, r, &by_reviewer);

      json_object_set_string_member (o, "id", r->id);
      json_object_set_string_member (o, "name", _fz_letter_element_name (l, r));
      json_object_set_boolean_member (o, "required", r->required);
      json_object_set_string_member (o, "status", fz_status_to_string (status));
      json_object_set_boolean_member (o, "by_reviewer", by_reviewer);
      json_array_add_object_element (verdicts, o);
    }
  json_object_set_array_member (facts, "elements", verdicts);

  for (guint i = 0; i < all->len; i++)
    {
      const FzProblem *problem = g_ptr_array_index (all, i);
      JsonObject *o = json_object_new ();

      json_object_set_string_member (o, "kind", problem->kind);
      json_object_set_string_member (o, "severity", fz_severity_to_string (problem->severity));
      json_object_set_int_member (o, "count", problem->findings->len);
      json_object_set_boolean_member (o, "in_memo", _fz_letter_problem_in_memo (l, problem));
      json_array_add_object_element (problems, o);
    }
  json_object_set_array_member (facts, "problems", problems);
  _fz_json_set_string_or_null (facts, "deadline", l->review != NULL ? fz_review_get_deadline (l->review) : NULL);
  _fz_letter_follow_facts (l, facts);

  return facts;
}

/* The letter ------------------------------------------------------------ */

static char *
letter_heading_text (Letter *l)
{
  const FzMetadata *meta = fz_analysis_get_metadata (l->analysis);

  if (l->title != NULL)
    return g_strdup_printf ("关于《%s》的审查意见", l->title);
  if (meta->report_year > 0)
    return g_strdup_printf ("关于%s%d年度法治政府建设情况报告的审查意见",
                            l->addressee != NULL ? l->addressee : "", meta->report_year);

  return g_strdup_printf ("关于%s法治政府建设年度报告的审查意见", l->addressee != NULL ? l->addressee : "");
}

FzMemoDocument *
_fz_memo_build_letter (FzAnalysis          *analysis,
                       FzReview            *review,
                       const FzMemoOptions *options,
                       FzMemoLetterInfo    *info)
{
  static const FzMemoOptions no_options = { NULL };
  const FzMetadata *meta = fz_analysis_get_metadata (analysis);
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *date = NULL;
  Letter l = { 0 };
  const char *addressee;

  l.analysis = analysis;
  l.review = review;
  l.options = options != NULL ? options : &no_options;
  l.defaults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  l.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_problem_free);
  l.title = g_strdup (meta->title.value);
  l.addressee = _fz_letter_reporting_unit (meta);

  all = fz_problems_group (analysis, l.options->extra_findings);
  for (guint i = 0; i < all->len; i++)
    if (_fz_letter_problem_in_memo (&l, g_ptr_array_index (all, i)))
      g_ptr_array_add (l.problems, fz_problem_copy (g_ptr_array_index (all, i)));

  heading = letter_heading_text (&l);
  l.doc = fz_memo_document_new (heading);

  /* The head: 发文机关标志, 发文字号, title, 主送机关. */
  if (l.options->letterhead != NULL && *l.options->letterhead != '\0')
    fz_memo_document_add_text (l.doc, FZ_MEMO_BLOCK_LETTERHEAD, NULL, NULL, l.options->letterhead);
  if (review != NULL && fz_review_get_memo_number (review) != NULL)
    fz_memo_document_add_text (l.doc, FZ_MEMO_BLOCK_NUMBER, NULL, NULL, fz_review_get_memo_number (review));
  fz_memo_document_add_text (l.doc, FZ_MEMO_BLOCK_TITLE, NULL, NULL, heading);

  addressee = review != NULL ? fz_review_get_paragraph (review, "addressee") : NULL;
  g_hash_table_replace (l.defaults, g_strdup ("addressee"), g_strdup (l.addressee != NULL ? l.addressee : ""));
  if (addressee == NULL)
    addressee = l.addressee;
  if (addressee != NULL)
    {
      g_autofree char *line = g_strconcat (addressee, "：", NULL);
      FzMemoBlock *b = fz_memo_document_add_text (l.doc, FZ_MEMO_BLOCK_ADDRESSEE, NULL, NULL, line);

      b->key = g_strdup ("addressee");
    }
  l.you = _fz_letter_second_person (addressee);
  l.we = _fz_letter_first_person (l.options->unit);

  for (guint i = 0; i < G_N_ELEMENTS (body); i++)
    body[i].add (&l);

  /* The end: 发文机关署名, 成文日期, 联系人. */
  if (l.options->unit != NULL && *l.options->unit != '\0')
    fz_memo_document_add_text (l.doc, FZ_MEMO_BLOCK_SIGNATURE, NULL, NULL, l.options->unit);
  date = _fz_memo_date_text (l.options->date);
  fz_memo_document_add_text (l.doc, FZ_MEMO_BLOCK_DATE, NULL, NULL, date);
  if ((l.options->contact != NULL && *l.options->contact != '\0') ||
      (l.options->phone != NULL && *l.options->phone != '\0'))
    {
      g_autoptr(GString) note = g_string_new ("（");

      if (l.options->contact != NULL && *l.options->contact != '\0')
        g_string_append_printf (note, "联系人：%s", l.options->contact);
      if (l.options->phone != NULL && *l.options->phone != '\0')
        g_string_append_printf (note, "%s联系电话：%s", note->len > strlen ("（") ? "，" : "", l.options->phone);
      g_string_append (note, "）");
      fz_memo_document_add_text (l.doc, FZ_MEMO_BLOCK_NOTE, NULL, NULL, note->str);
    }

  info->facts = letter_facts (&l);
  info->defaults = l.defaults;
  info->opinion_is_draft = review == NULL || fz_review_get_opinion (review) == NULL ||
                           *fz_review_get_opinion (review) == '\0';

  g_clear_pointer (&l.problems, g_ptr_array_unref);
  g_free (l.title);
  g_free (l.addressee);

  return l.doc;
}

char *
fz_memo_draft_opinion (FzAnalysis *analysis,
                       FzReview   *review)
{
  FzMemoLetterInfo info = { 0 };
  g_autoptr(FzMemoDocument) doc = NULL;
  char *text;

  g_return_val_if_fail (FZ_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (review == NULL || FZ_IS_REVIEW (review), NULL);

  doc = _fz_memo_build_letter (analysis, review, NULL, &info);
  text = g_strdup (g_hash_table_lookup (info.defaults, FZ_REVIEW_PARAGRAPH_OPINION));
  g_hash_table_unref (info.defaults);
  json_object_unref (info.facts);

  return text;
}
