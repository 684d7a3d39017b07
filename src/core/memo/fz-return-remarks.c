/* fz-return-remarks.c: the remarks a returned report carries
 *
 * Gathered from the analysis and the review, in Chinese as the memo is:
 * the overall opinion on the title, each element the reviewer or the
 * machine found wanting on its passage, each finding kept (one comment
 * for a finding seen many times) and each annotation.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fz-memo.h"
#include "fz-places.h"
#include "fz-return-private.h"
#include "fz-text-util.h"

/* A finding seen more often than this gets one comment, on its first
 * occurrence, that counts them all: two hundred comments on commas hide
 * the ones that matter. */
#define MAX_EACH 5

G_DEFINE_BOXED_TYPE (FzRemark, fz_remark, fz_remark_copy, fz_remark_free)

const char *
fz_remark_kind_to_string (FzRemarkKind kind)
{
  switch (kind)
    {
    case FZ_REMARK_OPINION:    return "opinion";
    case FZ_REMARK_ELEMENT:    return "element";
    case FZ_REMARK_FINDING:    return "finding";
    case FZ_REMARK_ANNOTATION: return "annotation";
    default:                   return "finding";
    }
}

FzRemark *
fz_remark_copy (const FzRemark *remark)
{
  FzRemark *copy = g_memdup2 (remark, sizeof *remark);

  copy->id = g_strdup (remark->id);
  copy->text = g_strdup (remark->text);
  copy->date = remark->date ? g_date_time_ref (remark->date) : NULL;
  return copy;
}

void
fz_remark_free (FzRemark *remark)
{
  if (remark == NULL)
    return;
  g_free (remark->id);
  g_free (remark->text);
  g_clear_pointer (&remark->date, g_date_time_unref);
  g_free (remark);
}

static void
add_remark (GPtrArray    *remarks,
            FzRemarkKind  kind,
            const char   *id,
            guint         start,
            guint         end,
            char         *text,
            GDateTime    *date)
{
  FzRemark *remark = g_new0 (FzRemark, 1);

  remark->kind = kind;
  remark->id = g_strdup (id);
  remark->start = start;
  remark->end = MAX (end, start);
  remark->text = text;
  remark->date = date ? g_date_time_ref (date) : NULL;
  g_ptr_array_add (remarks, remark);
}

static const char *
chinese_name (FzAnalysis            *analysis,
              const FzElementResult *r)
{
  const FzRuleElement *re = fz_ruleset_find_element (fz_analysis_get_ruleset (analysis), r->id);

  return re != NULL && re->name != NULL ? re->name : r->name;
}

/* @text without a final 。 so that a sentence can follow. */
static char *
clause (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  gsize len = strlen (copy);

  while (len > 0 && (g_str_has_suffix (copy, "。") || g_str_has_suffix (copy, ".")))
    {
      len -= g_str_has_suffix (copy, "。") ? strlen ("。") : 1;
      copy[len] = '\0';
    }
  return g_steal_pointer (&copy);
}

static void
add_element_remarks (FzReturn  *self,
                     GPtrArray *remarks)
{
  GPtrArray *elements = fz_analysis_get_elements (self->analysis);

  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *r = g_ptr_array_index (elements, i);
      const char *name = chinese_name (self->analysis, r);
      FzStatus status = r->status;
      const char *reason = NULL;
      GDateTime *when = NULL;
      gboolean decided = self->review != NULL &&
                         fz_review_get_decision (self->review, r->id, &status, &reason, &when);
      g_autofree char *why = decided && reason != NULL ? clause (reason) : NULL;
      char *text = NULL;
      guint start, end;

      if (why != NULL && *why == '\0')
        g_clear_pointer (&why, g_free);

      switch (status)
        {
        case FZ_STATUS_MISSING:
          if (!r->required && !decided)
            break;
          text = why != NULL ? g_strdup_printf ("【缺项】未见“%s”的内容：%s。请补充。", name, why)
                             : g_strdup_printf ("【缺项】未见“%s”的内容，请按要求补充。", name);
          break;
        case FZ_STATUS_PARTIAL:
          {
            g_autofree char *detail = why != NULL ? g_strdup (why) : clause (r->explanation);

            text = *detail != '\0' ? g_strdup_printf ("【内容不完整】“%s”不完整：%s。请补充完善。", name, detail)
                                   : g_strdup_printf ("【内容不完整】“%s”不完整，请补充完善。", name);
          }
          break;
        case FZ_STATUS_NEEDS_REVIEW:
          text = g_strdup_printf ("【请核实】未能确认报告是否写明“%s”，请核实，并以小标题标明。", name);
          break;
        case FZ_STATUS_PRESENT:
        case FZ_STATUS_NOT_APPLICABLE:
        default:
          /* A reviewer who overruled the machine and said why tells the
           * unit too; what is simply present needs no comment. */
          if (why != NULL && status != r->status)
            text = g_strdup_printf ("【审查说明】关于“%s”：%s。", name, why);
          break;
        }

      if (text == NULL)
        continue;
      fz_analysis_get_element_place (self->analysis, r, &start, &end);
      add_remark (remarks, FZ_REMARK_ELEMENT, r->id, start, end, text, decided ? when : NULL);
    }
}

static int
compare_by_position (gconstpointer a,
                     gconstpointer b)
{
  const FzFinding *x = *(FzFinding * const *) a, *y = *(FzFinding * const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return 0;
}

static void
add_finding_remarks (FzReturn  *self,
                     GPtrArray *remarks)
{
  GPtrArray *all = self->findings != NULL ? self->findings : fz_analysis_get_findings (self->analysis);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < all->len; i++)
    {
      FzFinding *f = g_ptr_array_index (all, i);

      /* Notes are for the reviewer (the 纲要 areas not touched, …). */
      if (self->findings == NULL && f->severity == FZ_SEVERITY_INFO)
        continue;
      g_ptr_array_add (kept, f);
      g_hash_table_insert (counts, f->id, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, f->id)) + 1));
    }
  g_ptr_array_sort (kept, compare_by_position);

  for (guint i = 0; i < kept->len; i++)
    {
      const FzFinding *f = g_ptr_array_index (kept, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, f->id));
      const char *label = g_str_has_prefix (f->id, "figure_") ? "数据核对" : "格式与文字";
      g_autofree char *message = clause (f->message);
      GString *text;
      guint start = f->start, end = f->end;

      if (count > MAX_EACH && g_hash_table_contains (done, f->id))
        continue;
      g_hash_table_add (done, f->id);

      text = g_string_new (NULL);
      g_string_append_printf (text, "【%s】%s。", label, message);
      if (f->suggestion != NULL && *f->suggestion != '\0')
        g_string_append_printf (text, "建议改为“%s”。", f->suggestion);
      if (count > MAX_EACH)
        g_string_append_printf (text, "\n全文共%u处同类问题，此处为第一处，请一并修改。", count);

      /* A finding about the whole report (no title, no addressee) has no
       * passage: the title, or the opening words. */
      if (start == end)
        fz_analysis_get_title_place (self->analysis, &start, &end);
      add_remark (remarks, FZ_REMARK_FINDING, f->id, start, end, g_string_free (text, FALSE), NULL);
    }
}

static void
add_annotation_remarks (FzReturn  *self,
                        GPtrArray *remarks)
{
  GListModel *annotations = fz_review_get_annotations (self->review);

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(FzAnnotation) a = g_list_model_get_item (annotations, i);
      g_autofree char *id = g_strdup_printf ("annotation:%u", i);
      g_autofree char *note = clause (fz_annotation_get_note (a));
      const char *category = fz_annotation_category_to_chinese (fz_annotation_get_category (a));
      char *text;
      guint start = fz_annotation_get_start (a), end = fz_annotation_get_end (a);

      if (!fz_annotation_get_attached (a))
        {
          /* The passage is no longer in the report: quote it on the title. */
          text = g_strdup_printf ("【%s】关于“%s”：%s。", category, fz_annotation_get_quote (a),
                                  *note != '\0' ? note : "请核实");
          fz_analysis_get_title_place (self->analysis, &start, &end);
        }
      else
        text = *note != '\0' ? g_strdup_printf ("【%s】%s。", category, note)
                             : g_strdup_printf ("【%s】请核实此处。", category);
      add_remark (remarks, FZ_REMARK_ANNOTATION, id, start, end, text, fz_annotation_get_modified (a));
    }
}

static char *
chinese_date (const char *iso)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  return g_strdup_printf ("%d年%d月%d日", y, m, d);
}

static void
add_opinion_remark (FzReturn  *self,
                    GPtrArray *remarks)
{
  const char *opinion = self->review ? fz_review_get_opinion (self->review) : NULL;
  const char *rectification = self->review ? fz_review_get_rectification (self->review) : NULL;
  g_autofree char *deadline = chinese_date (self->review ? fz_review_get_deadline (self->review) : NULL);
  g_autofree char *draft = NULL;
  GString *text = g_string_new ("【审查意见】");
  guint start, end;

  /* The memo's drafted opinion follows its own opening; alone in a
   * comment it says first that it is the outcome of the review. */
  if (fz_text_is_blank (opinion))
    {
      draft = fz_memo_draft_opinion (self->analysis, self->review);
      g_string_append (text, "经审查，");
      opinion = draft;
    }
  g_string_append (text, opinion);
  if (!fz_text_is_blank (rectification))
    g_string_append_printf (text, "\n【整改要求】%s", rectification);
  if (deadline != NULL)
    g_string_append_printf (text, "\n请于%s前将修改后的报告报送。", deadline);

  fz_analysis_get_title_place (self->analysis, &start, &end);
  add_remark (remarks, FZ_REMARK_OPINION, "opinion", start, end, g_string_free (text, FALSE), NULL);
}

static int
compare_remarks (gconstpointer a,
                 gconstpointer b)
{
  const FzRemark *x = *(FzRemark * const *) a, *y = *(FzRemark * const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  /* On one passage: the opinion, elements, findings, annotations. */
  return (int) x->kind - (int) y->kind;
}

GPtrArray *
fz_return_get_remarks (FzReturn *self)
{
  g_return_val_if_fail (FZ_IS_RETURN (self), NULL);

  if (self->remarks == NULL)
    {
      self->remarks = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_remark_free);
      add_opinion_remark (self, self->remarks);
      add_element_remarks (self, self->remarks);
      add_finding_remarks (self, self->remarks);
      if (self->review != NULL)
        add_annotation_remarks (self, self->remarks);
      /* Stable: one passage keeps its remarks in the order made. */
      g_ptr_array_sort (self->remarks, compare_remarks);
    }

  return self->remarks;
}
