/* fz-checks-figures.c: do the figures of a report add up?
 *
 * A reviewer spends most time on arithmetic: a total and its parts
 * ("共受理纠纷52件…其中婚姻家庭纠纷12件，邻里纠纷10件…"), a count and its rate
 * ("受理27件，办结25件，办结率100%"), a quantity quoted twice with two
 * values.  Each finding shows the numbers and the sum it did, so the
 * reviewer can judge it at a glance.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* memmem() */
#define _GNU_SOURCE

#define G_LOG_DOMAIN "fz-checks"

#include "config.h"

#include <math.h>
#include <string.h>

#include "fz-checks-private.h"
#include "fz-figures.h"
#include "fz-i18n.h"
#include "fz-text-util.h"

#define CH_JU     0x3002          /* 。 */
#define CH_EXCL   0xFF01          /* ！ */
#define CH_QUES   0xFF1F          /* ？ */
#define CH_SEMI   0xFF1B          /* ； */
#define CH_COMMA  0xFF0C          /* ， */
#define CH_DUN    0x3001          /* 、 */
#define CH_LPAREN 0xFF08          /* （ */
#define CH_RPAREN 0xFF09          /* ） */

static gboolean
ends_sentence (gunichar c)
{
  return c == CH_JU || c == CH_EXCL || c == CH_QUES || c == '\n' || c == '!' || c == '?';
}

static guint
sentence_start (FzCheckContext *ctx,
                guint           at)
{
  while (at > 0 && !ends_sentence (ctx->chars[at - 1]))
    at--;
  return at;
}

static guint
sentence_end (FzCheckContext *ctx,
              guint           at)
{
  while (at < ctx->n_chars && !ends_sentence (ctx->chars[at]))
    at++;
  return at;
}

/* Figures are in document order: the first at or after @offset. */
static guint
first_figure_from (GPtrArray *figures,
                   guint      offset)
{
  guint lo = 0, hi = figures->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (((FzFigure *) g_ptr_array_index (figures, mid))->start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static gboolean
in_language_text (FzCheckContext *ctx,
                  const FzFigure *fig)
{
  return fig->end <= ctx->n_chars && (ctx->mask[fig->start] & FZ_CHECK_MASK_OUTSIDE) == 0;
}

/* "12", "1.5", "1.7808": the number as written, for the arithmetic shown. */
static void
append_number (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 1e15)
    g_string_append_printf (out, "%.0f", value);
  else
    g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.6g", value));
}

static gboolean
range_has (FzCheckContext *ctx,
           guint           from,
           guint           to,
           const char     *word)
{
  glong n = g_utf8_strlen (word, -1);
  gunichar first = g_utf8_get_char (word);

  for (guint i = from; i + n <= to; i++)
    if (ctx->chars[i] == first)
      {
        const char *p = word;
        guint k = i;

        while (*p != '\0' && ctx->chars[k] == g_utf8_get_char (p))
          {
            p = g_utf8_next_char (p);
            k++;
          }
        if (*p == '\0')
          return TRUE;
      }

  return FALSE;
}

static gboolean
range_has_any (FzCheckContext     *ctx,
               guint               from,
               guint               to,
               const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (range_has (ctx, from, to, words[i]))
      return TRUE;

  return FALSE;
}

/* figure_sum */

/* Words after 其中 that say the list is not complete. */
static const char * const partial_words[] = {
  "主要", "部分", "等", "包括", "如", "含", "以上", NULL,
};

/* A clause that starts another kind of count ends the list of parts:
 * "其中婚姻纠纷12件，邻里纠纷10件，涉及金额…", "…，办结50件". */
static const char * const list_breakers[] = {
  "涉及", "涉案", "金额", "挽回", "同比", "较上年", "较去年", "共计", "合计", "累计",
  "办结", "成功", "化解", "结案", "受理", "参与", "覆盖", "其余", "剩余", NULL,
};

static guint
clause_start (FzCheckContext *ctx,
              guint           at,
              guint           floor_)
{
  while (at > floor_)
    {
      gunichar c = ctx->chars[at - 1];

      if (c == CH_COMMA || c == CH_SEMI || c == CH_DUN || c == ',' || c == ';' || ends_sentence (c))
        break;
      at--;
    }

  return at;
}

/* The Han characters right before a figure ("婚姻家庭纠纷" of "婚姻家庭纠纷12件"),
 * at most 8, not reaching before @floor_. */
static guint
key_start (FzCheckContext *ctx,
           const FzFigure *fig,
           guint           floor_,
           guint          *key_end)
{
  guint i = fig->start, k;

  while (i > floor_ && ctx->chars[i - 1] == ' ')
    i--;
  for (k = i; k > floor_ && i - k < 8 && fz_unichar_is_han (ctx->chars[k - 1]); k--)
    ;
  *key_end = i;
  return k;
}

/* "受理纠纷30件，其中婚姻家庭纠纷12件，邻里纠纷10件" lists kinds of the total:
 * every part names the total's noun.  "办理复议案件20件，其中立案撤销8件，维持
 * 10件" names outcomes, of which some may be pending: a subset, and parts
 * that fall short of the total say nothing. */
static gboolean
parts_are_kinds (FzCheckContext *ctx,
                 const FzFigure *total,
                 GPtrArray      *parts,
                 guint           q)
{
  guint te, ts = key_start (ctx, total, 0, &te);

  if (te - ts < 2)
    return FALSE;

  for (guint i = 0; i < parts->len; i++)
    {
      const FzFigure *f = g_ptr_array_index (parts, i);
      guint pe, ps = key_start (ctx, f, q + 2, &pe);

      if (pe - ps < 2 ||
          ctx->chars[pe - 1] != ctx->chars[te - 1] || ctx->chars[pe - 2] != ctx->chars[te - 2])
        return FALSE;
    }

  return TRUE;
}

static void
check_sum_at (FzCheckContext *ctx,
              guint           q)
{
  GPtrArray *figures = ctx->figures;
  const FzFigure *total = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autoptr(GString) sum_text = NULL;
  guint s, e, i;
  gboolean paren = q > 0 && (ctx->chars[q - 1] == CH_LPAREN || ctx->chars[q - 1] == '(');
  double sum = 0;

  /* 其中 may open its own sentence after the total's: look back over the
   * sentence before as well. */
  s = sentence_start (ctx, q);
  if (s == q && s > 0 && ctx->chars[s - 1] != '\n')
    s = sentence_start (ctx, s - 1);
  if (paren)
    {
      for (e = q; e < ctx->n_chars && ctx->chars[e] != CH_RPAREN && ctx->chars[e] != ')' &&
                  !ends_sentence (ctx->chars[e]); e++)
        ;
    }
  else
    e = sentence_end (ctx, q);

  /* The parts: figures after 其中 in the unit of the first one. */
  for (i = first_figure_from (figures, q + 2); i < figures->len; i++)
    {
      const FzFigure *f = g_ptr_array_index (figures, i);
      guint cs;

      if (f->start >= e)
        break;
      if (f->kind == FZ_FIGURE_PERCENT)
        continue;
      if (parts->len > 0 && g_strcmp0 (f->unit, ((FzFigure *) g_ptr_array_index (parts, 0))->unit) != 0)
        continue;

      cs = clause_start (ctx, f->start, q + 2);
      if (range_has_any (ctx, cs, f->start, list_breakers))
        {
          if (parts->len == 0)
            return;               /* "其中调解成功50件": a subset, not a breakdown */
          break;
        }
      if (f->approx)
        return;
      g_ptr_array_add (parts, (gpointer) f);
    }

  if (parts->len < 2)
    return;

  /* The total: the nearest figure before 其中 in the unit of the parts. */
  for (i = first_figure_from (figures, q); i-- > 0;)
    {
      const FzFigure *f = g_ptr_array_index (figures, i);

      if (f->start < s)
        break;
      if (g_strcmp0 (f->unit, ((FzFigure *) g_ptr_array_index (parts, 0))->unit) == 0)
        {
          total = f;
          break;
        }
    }
  if (total == NULL || total->approx || !in_language_text (ctx, total))
    return;

  sum_text = g_string_new (NULL);
  for (i = 0; i < parts->len; i++)
    {
      const FzFigure *f = g_ptr_array_index (parts, i);

      if (i > 0)
        g_string_append (sum_text, " + ");
      append_number (sum_text, f->value);
      sum += f->value;
    }

  /* "立案20宗，办结19宗，在办1宗，其中19宗为…，1宗为…": the parts break down
   * an earlier figure than the nearest one.  Any figure before that the
   * parts add up to is taken as their total. */
  for (i = first_figure_from (figures, q); i-- > 0;)
    {
      const FzFigure *f = g_ptr_array_index (figures, i);

      if (f->start < s)
        break;
      if (g_strcmp0 (f->unit, total->unit) == 0 && fabs (f->value - sum) < 1e-6 * MAX (1.0, sum))
        return;
    }
  g_string_append (sum_text, " = ");
  append_number (sum_text, sum);

  {
    const FzFigure *last = g_ptr_array_index (parts, parts->len - 1);
    double tolerance = 1e-6 * MAX (1.0, fabs (total->value));
    g_autoptr(GString) total_text = g_string_new (NULL);

    append_number (total_text, total->value);
    if (sum > total->value + tolerance)
      _fz_check_report (ctx, "figure_sum", FZ_SEVERITY_WARNING, total->start, last->end, NULL,
                        _("The parts add up to more than the total: %s %s, but the total is %s %s"),
                        sum_text->str, total->unit, total_text->str, total->unit);
    else if (sum < total->value - tolerance && !range_has_any (ctx, q, e, partial_words) &&
             !range_has (ctx, q, e, "其他") && !range_has (ctx, q, e, "其它") &&
             parts_are_kinds (ctx, total, parts, q))
      _fz_check_report (ctx, "figure_sum", FZ_SEVERITY_WARNING, total->start, last->end, NULL,
                        _("The parts do not add up to the total: %s %s, but the total is %s %s; if only some parts are listed, say so (主要、部分、等)"),
                        sum_text->str, total->unit, total_text->str, total->unit);
  }
}

void
_fz_check_figure_sum (FzCheckContext *ctx)
{
  if (ctx->figures->len < 3)
    return;

  for (guint p = 0; p < ctx->n_paragraphs; p++)
    {
      const FzParagraph *para = ctx->paragraphs[p].paragraph;
      gsize len;
      const char *text = fz_document_get_paragraph_key (ctx->document, ctx->paragraphs[p].index, &len);
      const char *at = text, *end = text + len;
      FzCheckCursor cursor;

      /* memmem is far faster than a loop over the characters. */
      _fz_check_cursor_init (&cursor, para, text);
      while (at < end && (at = memmem (at, end - at, "其中", strlen ("其中"))) != NULL)
        {
          check_sum_at (ctx, _fz_check_cursor_char (&cursor, at - text));
          at += strlen ("其中");
        }
    }
}

/* figure_rate */

/* Rates that are a share of a whole and cannot pass 100%. */
static const char * const share_stems[] = {
  "办结", "结案", "覆盖", "合格", "成功", "出庭", "应诉", "参与", "知晓", "满意", "及格",
  "答复", "回复", "反馈", "公开", "审核", "备案", "普及", "持证", "参训", "化解", "受理",
  "调解", "准确", "正确", "通过", "签约", "建成", "上线", "录入", "到位", "审查", "落实",
  "参学", "参考", "出勤", "处置", "整改", "销号", "回访", NULL,
};

static gboolean
is_rate_filler (gunichar c)
{
  /* 达 为 是 均 都 了 分别 约 : between the rate's name and its value. */
  return c == 0x8FBE || c == 0x4E3A || c == 0x662F || c == 0x5747 || c == 0x90FD ||
         c == 0x4E86 || c == 0x5206 || c == 0x522B || c == ' ' || c == 0xFF1A || c == ':';
}

/* The name of the rate before @fig: the Han characters before 率, up to
 * four ("调解成功率达100%" → 调解成功).  Returns its length, 0 for none. */
static guint
rate_stem (FzCheckContext *ctx,
           const FzFigure *fig,
           guint          *stem_start)
{
  guint i = fig->start, floor_ = fig->start > 12 ? fig->start - 12 : 0, k;

  while (i > floor_ && is_rate_filler (ctx->chars[i - 1]))
    i--;
  if (i == 0 || ctx->chars[i - 1] != 0x7387 /* 率 */)
    return 0;
  i--;
  for (k = i; k > 0 && i - k < 4 && fz_unichar_is_han (ctx->chars[k - 1]); k--)
    ;
  *stem_start = k;
  return i - k;
}

static gboolean
stem_is_share (FzCheckContext *ctx,
               guint           start,
               guint           len)
{
  if (len < 2)
    return FALSE;

  for (guint i = 0; share_stems[i] != NULL; i++)
    {
      const char *w = share_stems[i];
      gunichar a = g_utf8_get_char (w), b = g_utf8_get_char (g_utf8_next_char (w));

      if (ctx->chars[start + len - 2] == a && ctx->chars[start + len - 1] == b)
        return TRUE;
    }

  return FALSE;
}

/* Whether the Han characters before a count share a word of two with the
 * rate's name: "调解成功48件" and "成功调解48件" both count 调解成功率. */
static gboolean
key_names_rate (FzCheckContext *ctx,
                guint           key_from,
                guint           key_to,
                guint           stem_start,
                guint           stem_len)
{
  for (guint a = stem_start; a + 1 < stem_start + stem_len; a++)
    for (guint b = key_from; b + 1 < key_to; b++)
      if (ctx->chars[a] == ctx->chars[b] && ctx->chars[a + 1] == ctx->chars[b + 1])
        return TRUE;

  return FALSE;
}

/* The figure the rate counts: the nearest count before @pct, in its
 * sentence or the one before ("…调解成功48件。调解成功率达100%"), whose name
 * shares a word with the rate's.  A rate earlier on has used the figures
 * before it. */
static const FzFigure *
rate_numerator (FzCheckContext *ctx,
                guint           pct_index,
                guint           scope,
                guint           stem_start,
                guint           stem_len,
                guint          *index)
{
  const FzFigure *pct = g_ptr_array_index (ctx->figures, pct_index);

  for (guint i = pct_index; i-- > 0;)
    {
      const FzFigure *f = g_ptr_array_index (ctx->figures, i);
      guint ke, ks;

      if (f->start < scope || (f->kind == FZ_FIGURE_PERCENT && f->end <= pct->start))
        break;
      if (f->kind != FZ_FIGURE_COUNT)
        continue;

      ks = key_start (ctx, f, scope, &ke);
      /* "共" and "了" join the name to the number. */
      while (ke > ks && (ctx->chars[ke - 1] == 0x4E86 /* 了 */ || ctx->chars[ke - 1] == 0x5171 /* 共 */))
        ke--;
      if (ke - ks >= 2 && key_names_rate (ctx, MAX (ks, ke >= 4 ? ke - 4 : 0), ke, stem_start, stem_len))
        {
          *index = i;
          return f;
        }
    }

  return NULL;
}

static void
check_rate_stem (FzCheckContext *ctx,
                 guint           index,
                 guint           stem_start,
                 guint           stem_len)
{
  const FzFigure *pct = g_ptr_array_index (ctx->figures, index);
  const FzFigure *num, *den = NULL;
  guint s, num_index = 0, decimals = 0;
  g_autofree char *stem = NULL;
  const char *dot;
  double computed, unit;

  if (!stem_is_share (ctx, stem_start, stem_len))
    return;
  stem = _fz_check_dup_chars (ctx, stem_start, stem_start + stem_len);

  if (pct->value > 100)
    {
      _fz_check_report (ctx, "figure_rate", FZ_SEVERITY_ERROR, pct->start, pct->end, NULL,
                        _("The %s率 of %s cannot be over 100%%: it is a share of a whole"),
                        stem, pct->text);
      return;
    }

  /* The rate's sentence and the one before it, within the paragraph. */
  s = sentence_start (ctx, pct->start);
  if (s > 0 && ctx->chars[s - 1] != '\n')
    s = sentence_start (ctx, s - 1);
  num = rate_numerator (ctx, index, s, stem_start, stem_len, &num_index);
  if (num == NULL || num->approx)
    return;

  /* The whole: the nearest count before the part in the same unit, else
   * the nearest count ("交办27件，到期办结24起": 件 and 起 both count cases). */
  for (guint i = num_index; i-- > 0;)
    {
      const FzFigure *f = g_ptr_array_index (ctx->figures, i);

      if (f->start < s || f->kind == FZ_FIGURE_PERCENT)
        break;
      if (f->kind != FZ_FIGURE_COUNT)
        continue;
      if (den == NULL)
        den = f;
      if (g_strcmp0 (f->unit, num->unit) == 0)
        {
          den = f;
          break;
        }
    }
  if (den == NULL || den->approx || den->value <= 0 || den->value < num->value)
    return;

  /* The rounding the text used: "90.9%" is right for 10/11 = 90.909…%. */
  dot = strchr (pct->text, '.');
  if (dot != NULL)
    for (dot++; g_ascii_isdigit (*dot); dot++)
      decimals++;
  unit = pow (10, -(double) decimals);
  computed = num->value / den->value * 100;

  if (fabs (computed - pct->value) > unit / 2 + 1e-9 &&
      !(computed >= pct->value && computed < pct->value + unit))
    {
      g_autoptr(GString) arithmetic = g_string_new (NULL);

      append_number (arithmetic, num->value);
      g_string_append (arithmetic, " ÷ ");
      append_number (arithmetic, den->value);
      g_string_append_printf (arithmetic, " = %.*f%%", MAX (decimals, 1), computed);

      _fz_check_report (ctx, "figure_rate", FZ_SEVERITY_WARNING, den->start, pct->end, NULL,
                        _("The %s率 does not match its figures: %s (%s of %s), but the text says %s"),
                        stem, arithmetic->str, num->text, den->text, pct->text);
    }
}

static void
check_rate (FzCheckContext *ctx,
            guint           index)
{
  const FzFigure *pct = g_ptr_array_index (ctx->figures, index);
  guint stem_start = 0, stem_len;

  if (pct->kind != FZ_FIGURE_PERCENT || pct->approx || !in_language_text (ctx, pct) ||
      (g_strcmp0 (pct->unit, "%") != 0 && g_strcmp0 (pct->unit, "％") != 0))
    return;
  if ((stem_len = rate_stem (ctx, pct, &stem_start)) < 2)
    return;
  check_rate_stem (ctx, index, stem_start, stem_len);

  /* "办结率、反馈率均达100%": every rate named gets the value. */
  while (stem_start >= 3 && ctx->chars[stem_start - 1] == CH_DUN && ctx->chars[stem_start - 2] == 0x7387)
    {
      guint end = stem_start - 2, k;

      for (k = end; k > 0 && end - k < 4 && fz_unichar_is_han (ctx->chars[k - 1]); k--)
        ;
      if (end - k < 2)
        break;
      stem_start = k;
      check_rate_stem (ctx, index, k, end - k);
    }
}

void
_fz_check_figure_rate (FzCheckContext *ctx)
{
  for (guint i = 0; i < ctx->figures->len; i++)
    check_rate (ctx, i);
}

/* figure_conflict
 *
 * "办理行政复议案件12件" here and "办理行政复议案件15件" there.  The key is the
 * run of Han characters right before the number; two figures with the
 * same key and unit but different values, neither of them approximate, in
 * sentences that speak of no other period, are one quantity quoted twice. */

static const char * const period_words[] = {
  "同比", "较上年", "较去年", "上年", "去年", "上一年", "年度", "季度", "上半年", "下半年",
  "月", "增长", "下降", "增加", "减少", "累计", "以来", "目标", "计划", "力争", NULL,
};

static char *
figure_key (FzCheckContext *ctx,
            const FzFigure *fig,
            guint           min_key,
            guint          *key_start)
{
  guint i = fig->start, k;

  while (i > 0 && ctx->chars[i - 1] == ' ')
    i--;
  for (k = i; k > 0 && i - k < 8 && fz_unichar_is_han (ctx->chars[k - 1]); k--)
    ;
  if (i - k < min_key)
    return NULL;

  *key_start = k;
  return _fz_check_dup_chars (ctx, k, i);
}

void
_fz_check_figure_conflict (FzCheckContext *ctx)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) plans = _fz_check_sections_for (ctx, "next_year_plan");
  guint min_key = (guint) _fz_check_param (ctx, "figure_conflict", "min-key");

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < ctx->figures->len; i++)
    {
      const FzFigure *f = g_ptr_array_index (ctx->figures, i);
      const FzFigure *other;
      g_autofree char *key = NULL;
      guint key_start = 0, s, e, os;
      gboolean in_plan = FALSE;

      if (f->approx || f->kind == FZ_FIGURE_PERCENT || !in_language_text (ctx, f))
        continue;
      for (guint k = 0; k < plans->len && !in_plan; k++)
        {
          const FzSection *sec = g_ptr_array_index (plans, k);

          in_plan = f->start >= sec->start && f->start < sec->end;
        }
      if (in_plan)
        continue;

      key = figure_key (ctx, f, MAX (min_key, 2), &key_start);
      if (key == NULL)
        continue;

      {
        g_autofree char *full = g_strconcat (key, "\t", f->unit, NULL);

        other = g_hash_table_lookup (seen, full);
        if (other == NULL)
          {
            g_hash_table_insert (seen, g_steal_pointer (&full), (gpointer) f);
            continue;
          }
      }
      if (other->value == f->value)
        continue;

      /* Rare by now, so the sentences are read only here: either one
       * speaking of another period makes two values plausible. */
      s = sentence_start (ctx, f->start);
      e = sentence_end (ctx, f->end);
      os = sentence_start (ctx, other->start);
      if (os == s || range_has_any (ctx, s, e, period_words) ||
          range_has_any (ctx, os, sentence_end (ctx, other->end), period_words))
        continue;

      {
        g_autoptr(GString) a = g_string_new (NULL);
        g_autoptr(GString) b = g_string_new (NULL);

        append_number (a, other->value);
        append_number (b, f->value);
        _fz_check_report (ctx, "figure_conflict", FZ_SEVERITY_WARNING, key_start, f->end, NULL,
                          _("“%s” is given as %s %s here but as %s %s earlier (“%s”); check which is right"),
                          key, b->str, f->unit, a->str, other->unit, other->context ? other->context : other->text);
      }
    }
}
