/* fz-rounds-points.c: the points of a first round and where they stand
 * in the revised report
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-rounds"

#include "config.h"

#include <string.h>

#include "fz-outline.h"
#include "fz-places.h"
#include "fz-round-point-private.h"
#include "fz-rounds-private.h"

gboolean
_fz_rounds_element_status (FzAnalysis *analysis,
                           FzReview   *review,
                           const char *id,
                           FzStatus   *status,
                           gboolean   *decided)
{
  const FzElementResult *r = fz_analysis_find_element (analysis, id);
  gboolean by_reviewer;

  if (r == NULL)
    return FALSE;
  by_reviewer = review != NULL && fz_review_get_decision (review, id, status, NULL, NULL);
  if (!by_reviewer)
    *status = r->status;
  if (decided != NULL)
    *decided = by_reviewer;
  return TRUE;
}

static const char *
chinese_name (FzAnalysis *analysis,
              const char *id)
{
  const FzRuleElement *re = fz_ruleset_find_element (fz_analysis_get_ruleset (analysis), id);

  return re != NULL && re->name != NULL ? re->name : id;
}

static gboolean
is_done (FzStatus status)
{
  return status == FZ_STATUS_PRESENT || status == FZ_STATUS_NOT_APPLICABLE;
}

/* A point's place in the second version: where the comparison maps its
 * place in the first, when anything of it is left. */
static void
add_point (GPtrArray    *points,
           FzComparison *comparison,
           FzRoundPoint *point,
           guint         first_start,
           guint         first_end,
           gboolean      has_second,
           guint         second_start,
           guint         second_end)
{
  if (!has_second && first_start != FZ_ROUND_POINT_NO_PLACE &&
      fz_comparison_map_range (comparison, first_start, first_end, &second_start, &second_end) != FZ_CHANGE_REMOVED)
    has_second = TRUE;
  _fz_round_point_set_places (point, first_start, first_end,
                              has_second ? second_start : FZ_ROUND_POINT_NO_PLACE,
                              has_second ? second_end : FZ_ROUND_POINT_NO_PLACE);
  g_ptr_array_add (points, point);
}

/* Elements. */

static void
gather_elements (FzAnalysis   *first,
                 FzReview     *first_review,
                 FzAnalysis   *second,
                 FzReview     *second_review,
                 FzComparison *comparison,
                 GPtrArray    *points)
{
  GPtrArray *elements = fz_analysis_get_elements (first);

  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *r1 = g_ptr_array_index (elements, i);
      const FzElementResult *r2 = fz_analysis_find_element (second, r1->id);
      const char *name = chinese_name (first, r1->id);
      const char *reason = NULL;
      g_autofree char *key = g_strconcat ("element:", r1->id, NULL);
      g_autofree char *text = NULL;
      const char *why;
      FzStatus s1 = r1->status, s2 = FZ_STATUS_MISSING;
      gboolean decided1, decided2 = FALSE, own_place;
      FzChange change = FZ_CHANGE_SAME;
      FzPointState state;
      guint a0 = FZ_ROUND_POINT_NO_PLACE, a1 = FZ_ROUND_POINT_NO_PLACE, b0 = 0, b1 = 0;

      decided1 = first_review != NULL && fz_review_get_decision (first_review, r1->id, &s1, &reason, NULL);
      if (s1 != FZ_STATUS_MISSING && s1 != FZ_STATUS_PARTIAL)
        continue;
      if (!r1->required && !decided1)
        continue;

      if (s1 == FZ_STATUS_MISSING)
        text = g_strdup_printf ("缺少“%s”", name);
      else if (reason != NULL && *reason != '\0')
        text = g_strdup_printf ("“%s”不完整（%s）", name, reason);
      else
        text = g_strdup_printf ("“%s”不完整", name);

      /* Whether the text it rests on was touched: its whole section, or
       * its passage. */
      own_place = fz_analysis_get_element_place (first, r1, &a0, &a1);
      if (r1->section >= 0)
        {
          const FzSection *s = g_ptr_array_index (fz_analysis_get_sections (first), r1->section);

          change = fz_comparison_map_range (comparison, s->start, s->end, NULL, NULL);
        }
      else if (own_place)
        change = fz_comparison_map_range (comparison, a0, a1, NULL, NULL);
      else
        change = fz_comparison_get_similarity (comparison) < 1 ? FZ_CHANGE_CHANGED : FZ_CHANGE_SAME;

      if (r2 != NULL)
        _fz_rounds_element_status (second, second_review, r1->id, &s2, &decided2);

      if (r2 == NULL)
        {
          state = FZ_POINT_CHANGED;
          why = "修改稿按另一规则集审查，未能比对该项，请核实。";
        }
      else if (is_done (s2))
        {
          /* The reviewer overruled the machine's "present" the first
           * time: the machine saying it again proves nothing. */
          if (decided1 && !decided2 && r1->status == FZ_STATUS_PRESENT)
            {
              state = change == FZ_CHANGE_SAME ? FZ_POINT_OPEN : FZ_POINT_CHANGED;
              why = change == FZ_CHANGE_SAME ? "首次审查时审查人认定不完整，修改稿该部分未作修改。"
                                             : "首次审查时审查人认定不完整，修改稿该部分已修改，请核实。";
            }
          else
            {
              state = FZ_POINT_RESOLVED;
              why = decided2 ? "修改稿中审查人已认定具备。" : "修改稿中已具备该项内容。";
            }
        }
      else if (s2 == FZ_STATUS_MISSING)
        {
          state = FZ_POINT_OPEN;
          why = "修改稿中仍未见该项内容。";
        }
      else if (s1 == FZ_STATUS_MISSING)
        {
          state = FZ_POINT_CHANGED;
          why = "修改稿中已有相关内容，但仍不完整或尚难确认。";
        }
      else
        {
          state = change == FZ_CHANGE_SAME ? FZ_POINT_OPEN : FZ_POINT_CHANGED;
          why = change == FZ_CHANGE_SAME ? "该部分未作修改，仍不完整。" : "该部分已修改，但仍不完整或尚难确认。";
        }

      if (r2 != NULL && is_done (s2))
        fz_analysis_get_element_place (second, r2, &b0, &b1);
      add_point (points, comparison, _fz_round_point_new (FZ_POINT_ELEMENT, key, text, state, why),
                 a0, a1, r2 != NULL && is_done (s2), b0, b1);
    }
}

/* Findings, one point per kind. */

static gboolean
overlaps (const FzFinding *f,
          guint            start,
          guint            end)
{
  return f->start < end && f->end > start;
}

/* What the second memo lists, so in Chinese whatever the reviewer's
 * language: the kind ("字词重复") and the first passage when it is a few
 * words (not a heading the finding is about), else the finding's own
 * message for a kind without a Chinese name. */
static char *
finding_point_text (const FzFinding *example,
                    guint            n)
{
  const char *label = fz_finding_get_kind_label_in (example->id, TRUE);
  g_autoptr(GString) text = g_string_new (NULL);

  if (label == NULL || g_str_equal (label, example->id))
    g_string_append (text, example->message);
  else
    {
      g_string_append (text, label);
      if (example->text != NULL && *example->text != '\0' && g_utf8_strlen (example->text, -1) <= 12)
        g_string_append_printf (text, "（如“%s”）", example->text);
    }
  if (n > 1)
    g_string_append_printf (text, "（共%u处）", n);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
gather_findings (FzAnalysis   *first,
                 FzAnalysis   *second,
                 FzComparison *comparison,
                 GPtrArray    *points)
{
  GPtrArray *all1 = fz_analysis_get_findings (first);
  GPtrArray *all2 = fz_analysis_get_findings (second);
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();

  /* Kinds in the order they first occur. */
  for (guint i = 0; i < all1->len; i++)
    {
      const FzFinding *f = g_ptr_array_index (all1, i);

      /* Notes are for the reviewer; the unit was not asked about them. */
      if (f->severity == FZ_SEVERITY_INFO)
        continue;
      if (!g_ptr_array_find_with_equal_func (kinds, f->id, g_str_equal, NULL))
        g_ptr_array_add (kinds, f->id);
    }

  for (guint k = 0; k < kinds->len; k++)
    {
      const char *kind = g_ptr_array_index (kinds, k);
      g_autofree char *key = g_strconcat ("finding:", kind, NULL);
      g_autofree char *text = NULL;
      g_autofree char *why = NULL;
      const FzFinding *example = NULL, *example2 = NULL;
      guint n1 = 0, n2 = 0, still = 0;
      FzPointState state;

      for (guint i = 0; i < all2->len; i++)
        {
          const FzFinding *f = g_ptr_array_index (all2, i);

          if (g_str_equal (f->id, kind))
            {
              if (example2 == NULL)
                example2 = f;
              n2++;
            }
        }

      for (guint i = 0; i < all1->len; i++)
        {
          const FzFinding *f = g_ptr_array_index (all1, i);
          guint b0 = 0, b1 = 0;
          FzChange change;

          if (!g_str_equal (f->id, kind))
            continue;
          if (example == NULL)
            example = f;
          n1++;
          if (f->start == f->end)
            {
              /* About the whole report (no title, no date). */
              still += n2 > 0;
              continue;
            }
          change = fz_comparison_map_range (comparison, f->start, f->end, &b0, &b1);
          if (change == FZ_CHANGE_SAME)
            still++;
          else if (change == FZ_CHANGE_CHANGED)
            for (guint j = 0; j < all2->len; j++)
              {
                const FzFinding *f2 = g_ptr_array_index (all2, j);

                if (g_str_equal (f2->id, kind) && overlaps (f2, b0, b1))
                  {
                    still++;
                    break;
                  }
              }
        }

      text = finding_point_text (example, n1);
      if (n2 == 0)
        {
          state = FZ_POINT_RESOLVED;
          why = g_strdup ("修改稿中已无此类问题。");
        }
      else if (still >= n1)
        {
          state = FZ_POINT_OPEN;
          why = n1 > 1 ? g_strdup_printf ("原有%u处均未改正。", n1) : g_strdup ("该处未改正。");
        }
      else if (still == 0)
        {
          state = FZ_POINT_CHANGED;
          why = g_strdup_printf ("原有问题已改正，但修改稿中另有%u处同类问题。", n2);
        }
      else
        {
          state = FZ_POINT_CHANGED;
          why = g_strdup_printf ("原有%u处中已改正%u处，仍有%u处。", n1, n1 - still, still);
        }

      add_point (points, comparison, _fz_round_point_new (FZ_POINT_FINDING, key, text, state, why),
                 example->start, example->end, example2 != NULL,
                 example2 ? example2->start : 0, example2 ? example2->end : 0);
    }
}

/* Annotations. */

static void
gather_annotations (FzReview     *first_review,
                    FzAnalysis   *second,
                    FzComparison *comparison,
                    GPtrArray    *points)
{
  GListModel *annotations = fz_review_get_annotations (first_review);
  const char *text2 = fz_document_get_text (fz_analysis_get_document (second));

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(FzAnnotation) a = g_list_model_get_item (annotations, i);
      g_autofree char *created = g_date_time_format_iso8601 (fz_annotation_get_created (a));
      g_autofree char *key = g_strconcat ("annotation:", created, NULL);
      const char *note = fz_annotation_get_note (a);
      const char *quote = fz_annotation_get_quote (a);
      g_autofree char *text = NULL;
      const char *why;
      FzPointState state;
      gboolean has_second = FALSE;
      guint a0 = FZ_ROUND_POINT_NO_PLACE, a1 = FZ_ROUND_POINT_NO_PLACE, b0 = 0, b1 = 0;

      text = g_strdup_printf ("【%s】%s（原文“%s”）", fz_annotation_category_to_chinese (fz_annotation_get_category (a)),
                              note != NULL && *note != '\0' ? note : "", quote);

      if (fz_annotation_get_attached (a))
        {
          FzChange change;

          a0 = fz_annotation_get_start (a);
          a1 = fz_annotation_get_end (a);
          change = fz_comparison_map_range (comparison, a0, a1, &b0, &b1);
          has_second = change != FZ_CHANGE_REMOVED;
          switch (change)
            {
            case FZ_CHANGE_SAME:
              state = FZ_POINT_OPEN;
              why = "所批注的文字未作修改。";
              break;
            case FZ_CHANGE_REMOVED:
              state = FZ_POINT_CHANGED;
              why = "所批注的文字已删除，请核实。";
              break;
            case FZ_CHANGE_CHANGED:
            case FZ_CHANGE_ADDED:
            default:
              state = FZ_POINT_CHANGED;
              why = "所批注的段落已修改，请查看。";
              break;
            }
        }
      else
        {
          /* Its passage was not found in the first version either: look
           * for the quote itself. */
          const char *at = *quote != '\0' ? strstr (text2, quote) : NULL;

          state = at != NULL ? FZ_POINT_OPEN : FZ_POINT_CHANGED;
          why = at != NULL ? "所批注的文字在修改稿中仍在。" : "所批注的文字在修改稿中已找不到，请核实。";
          if (at != NULL)
            {
              has_second = TRUE;
              b0 = g_utf8_pointer_to_offset (text2, at);
              b1 = b0 + g_utf8_strlen (quote, -1);
            }
        }
      add_point (points, comparison, _fz_round_point_new (FZ_POINT_ANNOTATION, key, text, state, why),
                 a0, a1, has_second, b0, b1);
    }
}

/* Rectification requests. */

static gboolean
is_item_break (gunichar c)
{
  return c == '\n' || c == 0x3002 /* 。 */ || c == 0xFF1B /* ； */ || c == ';';
}

char **
_fz_rounds_split_requests (const char *text)
{
  static const char * const ordinals[] = { "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是", NULL };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;

  for (const char *p = text; p != NULL; )
    {
      gboolean end = *p == '\0';
      gunichar c = end ? 0 : g_utf8_get_char (p);

      if (end || is_item_break (c))
        {
          g_autofree char *item = g_strstrip (g_strndup (start, p - start));
          const char *body = item;
          FzHeadingMarker marker;

          if (fz_heading_marker_parse (body, strlen (body), &marker))
            body += marker.marker_bytes;
          for (guint i = 0; ordinals[i] != NULL; i++)
            if (g_str_has_prefix (body, ordinals[i]))
              {
                body += strlen (ordinals[i]);
                break;
              }
          while (*body == ' ' || g_str_has_prefix (body, "，") || g_str_has_prefix (body, "："))
            body += *body == ' ' ? 1 : strlen ("，");
          if (*body != '\0')
            g_ptr_array_add (items, g_strdup (body));
          if (end)
            break;
          p = g_utf8_next_char (p);
          start = p;
          continue;
        }
      p = g_utf8_next_char (p);
    }

  g_ptr_array_add (items, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&items), FALSE);
}

/* Elements a request names: by their heading patterns, or by their name. */
GPtrArray *
_fz_rounds_named_elements (FzAnalysis *analysis,
                           const char *item)
{
  FzRuleSet *rules = fz_analysis_get_ruleset (analysis);
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < fz_ruleset_get_n_elements (rules); i++)
    {
      const FzRuleElement *re = fz_ruleset_get_element (rules, i);
      gboolean named = (re->name != NULL && strstr (item, re->name) != NULL) ||
                       (re->short_name != NULL && strstr (item, re->short_name) != NULL);

      for (guint h = 0; !named && re->headings != NULL && h < re->headings->len; h++)
        named = fz_regex_matches (g_ptr_array_index (re->headings, h), item, -1);
      if (named)
        g_ptr_array_add (ids, re->id);
    }
  return ids;
}

/* A passage the request quotes (“…”), or NULL. */
static char *
quoted (const char *item)
{
  const char *open = strstr (item, "“");
  const char *close = open ? strstr (open + strlen ("“"), "”") : NULL;

  if (close == NULL || close == open + strlen ("“"))
    return NULL;
  return g_strndup (open + strlen ("“"), close - open - strlen ("“"));
}

static void
gather_requests (FzAnalysis   *first,
                 FzReview     *first_review,
                 FzAnalysis   *second,
                 FzReview     *second_review,
                 FzComparison *comparison,
                 GPtrArray    *points)
{
  g_auto(GStrv) items = _fz_rounds_split_requests (fz_review_get_rectification (first_review));
  const char *text1 = fz_document_get_text (fz_analysis_get_document (first));
  const char *text2 = fz_document_get_text (fz_analysis_get_document (second));

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("rectification:%u", i + 1);
      g_autoptr(GPtrArray) ids = _fz_rounds_named_elements (first, items[i]);
      g_autoptr(GPtrArray) lacking = g_ptr_array_new ();
      g_autofree char *quote = quoted (items[i]);
      FzPointState state;
      const char *why;

      /* "分析存在不足的原因" names the shortcomings and their causes; a
       * request is about what the first version lacked. */
      for (guint k = 0; k < ids->len; k++)
        {
          FzStatus s1 = FZ_STATUS_MISSING;

          _fz_rounds_element_status (first, first_review, g_ptr_array_index (ids, k), &s1, NULL);
          if (!is_done (s1))
            g_ptr_array_add (lacking, g_ptr_array_index (ids, k));
        }
      if (lacking->len > 0)
        {
          g_ptr_array_unref (ids);
          ids = g_steal_pointer (&lacking);
        }

      if (ids->len > 0)
        {
          guint done = 0, missing = 0;

          for (guint k = 0; k < ids->len; k++)
            {
              FzStatus s2 = FZ_STATUS_MISSING;

              _fz_rounds_element_status (second, second_review, g_ptr_array_index (ids, k), &s2, NULL);
              done += is_done (s2);
              missing += s2 == FZ_STATUS_MISSING;
            }
          if (done == ids->len)
            {
              state = FZ_POINT_RESOLVED;
              why = "所涉内容在修改稿中已具备。";
            }
          else if (missing == ids->len)
            {
              state = FZ_POINT_OPEN;
              why = "所涉内容在修改稿中仍未见。";
            }
          else
            {
              state = FZ_POINT_CHANGED;
              why = "所涉内容在修改稿中有改动，但尚难确认已整改。";
            }
        }
      else if (quote != NULL && strstr (text1, quote) != NULL)
        {
          gboolean kept = strstr (text2, quote) != NULL;

          state = kept ? FZ_POINT_OPEN : FZ_POINT_CHANGED;
          why = kept ? "所指文字在修改稿中仍在。" : "所指文字在修改稿中已修改，请核实。";
        }
      else if (fz_comparison_get_similarity (comparison) < 1 ||
               fz_comparison_count (comparison, FZ_CHANGE_ADDED) > 0)
        {
          state = FZ_POINT_CHANGED;
          why = "报告已有修改，是否整改到位无法自动判断，请核实。";
        }
      else
        {
          state = FZ_POINT_OPEN;
          why = "报告未作任何修改。";
        }

      add_point (points, comparison, _fz_round_point_new (FZ_POINT_RECTIFICATION, key, items[i], state, why),
                 FZ_ROUND_POINT_NO_PLACE, FZ_ROUND_POINT_NO_PLACE, FALSE, 0, 0);
    }
}

void
_fz_rounds_gather (FzAnalysis   *first,
                   FzReview     *first_review,
                   FzAnalysis   *second,
                   FzReview     *second_review,
                   FzComparison *comparison,
                   GPtrArray    *points)
{
  gather_elements (first, first_review, second, second_review, comparison, points);
  gather_findings (first, second, comparison, points);
  if (first_review != NULL)
    {
      gather_annotations (first_review, second, comparison, points);
      gather_requests (first, first_review, second, second_review, comparison, points);
    }
}
