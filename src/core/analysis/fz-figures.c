/* fz-figures.c: the quantities a report states
 *
 * Reviewers weigh a report by its facts: cases handled, people trained,
 * fines imposed.  This pass lists every number that carries a unit, so that
 * later checks can add up totals and the reviewer can scan them.  A number
 * without a unit is never a figure: that one rule already keeps out years,
 * dates, 文号, phone numbers and hotlines ("12345"), which never take a unit;
 * the few look-alikes that do (ordinals, clock times, product names) are
 * turned away explicitly.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-figures"

#include "config.h"

#include <string.h>

#include "fz-figures.h"
#include "fz-outline.h"
#include "fz-text-util.h"

G_DEFINE_BOXED_TYPE (FzFigure, fz_figure, fz_figure_copy, fz_figure_free)

FzFigure *
fz_figure_copy (const FzFigure *figure)
{
  FzFigure *copy;

  g_return_val_if_fail (figure != NULL, NULL);

  copy = g_memdup2 (figure, sizeof *figure);
  copy->text = g_strdup (figure->text);
  copy->unit = g_strdup (figure->unit);
  copy->context = g_strdup (figure->context);

  return copy;
}

void
fz_figure_free (FzFigure *figure)
{
  if (figure == NULL)
    return;

  g_free (figure->text);
  g_free (figure->unit);
  g_free (figure->context);
  g_free (figure);
}

typedef struct
{
  const char   *text;
  guint         len;
  FzFigureKind  kind;
} Unit;

#define U(text, kind) { text, sizeof (text) - 1, kind }

/* The longest unit that matches wins, so the order here does not matter:
 * "人次" beats "人", "个百分点" beats "个", "平方米" beats "米".  年, 月, 日,
 * 时, 分 and 号 are left out on purpose: after a number they are nearly
 * always a date, a clock time or a document number. */
static const Unit units[] = {
  /* counts */
  U ("人次", FZ_FIGURE_COUNT), U ("场次", FZ_FIGURE_COUNT), U ("户次", FZ_FIGURE_COUNT),
  U ("车次", FZ_FIGURE_COUNT), U ("架次", FZ_FIGURE_COUNT), U ("批次", FZ_FIGURE_COUNT),
  U ("件次", FZ_FIGURE_COUNT), U ("班次", FZ_FIGURE_COUNT), U ("部门", FZ_FIGURE_COUNT),
  U ("件", FZ_FIGURE_COUNT), U ("宗", FZ_FIGURE_COUNT), U ("起", FZ_FIGURE_COUNT),
  U ("次", FZ_FIGURE_COUNT), U ("场", FZ_FIGURE_COUNT), U ("人", FZ_FIGURE_COUNT),
  U ("名", FZ_FIGURE_COUNT), U ("位", FZ_FIGURE_COUNT), U ("个", FZ_FIGURE_COUNT),
  U ("项", FZ_FIGURE_COUNT), U ("家", FZ_FIGURE_COUNT), U ("份", FZ_FIGURE_COUNT),
  U ("条", FZ_FIGURE_COUNT), U ("篇", FZ_FIGURE_COUNT), U ("台", FZ_FIGURE_COUNT),
  U ("辆", FZ_FIGURE_COUNT), U ("艘", FZ_FIGURE_COUNT), U ("批", FZ_FIGURE_COUNT),
  U ("期", FZ_FIGURE_COUNT), U ("户", FZ_FIGURE_COUNT), U ("所", FZ_FIGURE_COUNT),
  U ("座", FZ_FIGURE_COUNT), U ("套", FZ_FIGURE_COUNT), U ("册", FZ_FIGURE_COUNT),
  U ("本", FZ_FIGURE_COUNT), U ("张", FZ_FIGURE_COUNT), U ("块", FZ_FIGURE_COUNT),
  U ("处", FZ_FIGURE_COUNT), U ("部", FZ_FIGURE_COUNT), U ("支", FZ_FIGURE_COUNT),
  U ("轮", FZ_FIGURE_COUNT), U ("堂", FZ_FIGURE_COUNT), U ("节", FZ_FIGURE_COUNT),
  U ("门", FZ_FIGURE_COUNT), U ("间", FZ_FIGURE_COUNT), U ("栋", FZ_FIGURE_COUNT),
  U ("幢", FZ_FIGURE_COUNT), U ("幅", FZ_FIGURE_COUNT), U ("面", FZ_FIGURE_COUNT),
  U ("组", FZ_FIGURE_COUNT), U ("类", FZ_FIGURE_COUNT), U ("种", FZ_FIGURE_COUNT),
  U ("例", FZ_FIGURE_COUNT), U ("单", FZ_FIGURE_COUNT), U ("封", FZ_FIGURE_COUNT),
  U ("届", FZ_FIGURE_COUNT), U ("盏", FZ_FIGURE_COUNT), U ("棵", FZ_FIGURE_COUNT),
  U ("株", FZ_FIGURE_COUNT), U ("只", FZ_FIGURE_COUNT), U ("头", FZ_FIGURE_COUNT),
  U ("对", FZ_FIGURE_COUNT), U ("枚", FZ_FIGURE_COUNT), U ("盒", FZ_FIGURE_COUNT),
  U ("箱", FZ_FIGURE_COUNT), U ("袋", FZ_FIGURE_COUNT), U ("瓶", FZ_FIGURE_COUNT),
  U ("卷", FZ_FIGURE_COUNT), U ("首", FZ_FIGURE_COUNT), U ("道", FZ_FIGURE_COUNT),
  U ("层", FZ_FIGURE_COUNT), U ("片", FZ_FIGURE_COUNT), U ("趟", FZ_FIGURE_COUNT),

  /* money */
  U ("元", FZ_FIGURE_MONEY), U ("美元", FZ_FIGURE_MONEY),

  /* percentages and rates */
  U ("%", FZ_FIGURE_PERCENT), U ("％", FZ_FIGURE_PERCENT), U ("‰", FZ_FIGURE_PERCENT),
  U ("个百分点", FZ_FIGURE_PERCENT), U ("百分点", FZ_FIGURE_PERCENT), U ("倍", FZ_FIGURE_PERCENT),

  /* measures: area, length, weight, volume, energy, time */
  U ("平方公里", FZ_FIGURE_MEASURE), U ("平方千米", FZ_FIGURE_MEASURE),
  U ("平方米", FZ_FIGURE_MEASURE), U ("立方米", FZ_FIGURE_MEASURE),
  U ("公顷", FZ_FIGURE_MEASURE), U ("亩", FZ_FIGURE_MEASURE),
  U ("公里", FZ_FIGURE_MEASURE), U ("千米", FZ_FIGURE_MEASURE),
  U ("厘米", FZ_FIGURE_MEASURE), U ("毫米", FZ_FIGURE_MEASURE), U ("米", FZ_FIGURE_MEASURE),
  U ("吨", FZ_FIGURE_MEASURE), U ("千克", FZ_FIGURE_MEASURE), U ("公斤", FZ_FIGURE_MEASURE),
  U ("克", FZ_FIGURE_MEASURE), U ("斤", FZ_FIGURE_MEASURE),
  U ("升", FZ_FIGURE_MEASURE), U ("毫升", FZ_FIGURE_MEASURE),
  U ("千瓦时", FZ_FIGURE_MEASURE), U ("千瓦", FZ_FIGURE_MEASURE),
  U ("小时", FZ_FIGURE_MEASURE), U ("分钟", FZ_FIGURE_MEASURE), U ("天", FZ_FIGURE_MEASURE),
  U ("个月", FZ_FIGURE_MEASURE), U ("个工作日", FZ_FIGURE_MEASURE),
  U ("工作日", FZ_FIGURE_MEASURE), U ("学时", FZ_FIGURE_MEASURE), U ("课时", FZ_FIGURE_MEASURE),
};

/* 千 and 百 multiply only when a unit follows ("5千元"); 万 and 亿 also
 * stand alone ("阅读量超10万"). */
static const char * const multipliers[] = {
  "千万", "百万", "十万", "亿", "万", "千", "百",
};

/* Longer prefixes first: "大约" must not be read as "约". */
static const char * const approx_before[] = {
  "大约", "将近", "接近", "超过", "约", "近", "超", "逾",
};

static const char * const approx_between[] = { "余", "多" };
static const char * const approx_after[] = { "以上", "左右", "上下" };

/* Characters that may follow a number in a figure: the first character of
 * a unit, a multiplier or 余/多.  Most numbers are years and dates, and
 * this turns them away before any string comparison. */
static const guint8 *
follower_bitmap (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      guint8 *bitmap = g_new0 (guint8, 0x10000 / 8);
      static const char * const extra[] = { "余", "多", "千", "百", "十", "万", "亿", "个", " " };

      for (guint i = 0; i < G_N_ELEMENTS (units); i++)
        {
          gunichar c = g_utf8_get_char (units[i].text);
          bitmap[c / 8] |= 1 << (c % 8);
        }
      for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
        {
          gunichar c = g_utf8_get_char (extra[i]);
          bitmap[c / 8] |= 1 << (c % 8);
        }

      g_once_init_leave (&once, (gsize) bitmap);
    }

  return (const guint8 *) once;
}

static gboolean
may_follow_number (const char *p,
                   const char *end)
{
  gunichar c;

  if (p >= end)
    return FALSE;

  c = g_utf8_get_char (p);
  return c < 0x10000 && (follower_bitmap ()[c / 8] & (1 << (c % 8))) != 0;
}

static gboolean
has_prefix (const char *p,
            const char *end,
            const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && memcmp (p, prefix, n) == 0;
}

static const char *
match_any (const char         *p,
           const char         *end,
           const char * const *list,
           guint               n_list)
{
  for (guint i = 0; i < n_list; i++)
    if (has_prefix (p, end, list[i]))
      return list[i];

  return NULL;
}

static const Unit *
match_unit (const char *p,
            const char *end)
{
  const Unit *best = NULL;
  gsize avail = end - p;

  if (avail == 0)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      const Unit *u = &units[i];

      /* Most units are one Han character: three bytes that all the
       * candidates mostly share only in the first. */
      if (u->len <= avail && u->text[0] == p[0] &&
          (u->len < 3 || (u->text[1] == p[1] && u->text[2] == p[2])) &&
          (best == NULL || u->len > best->len) &&
          memcmp (p, u->text, u->len) == 0)
        best = u;
    }

  return best;
}

/* Value of an ASCII or full-width digit at @p, or -1. */
static int
digit_at (const char  *p,
          const char  *end,
          const char **next)
{
  gunichar c;

  if (p >= end)
    return -1;

  if (g_ascii_isdigit (*p))
    {
      *next = p + 1;
      return *p - '0';
    }

  c = g_utf8_get_char (p);
  if (c >= 0xFF10 && c <= 0xFF19)
    {
      *next = g_utf8_next_char (p);
      return c - 0xFF10;
    }

  return -1;
}

static gboolean
is_digit_at (const char *p,
             const char *end)
{
  const char *next;

  return digit_at (p, end, &next) >= 0;
}

/* "." or the full-width "．" followed by a digit. */
static const char *
decimal_point_at (const char *p,
                  const char *end)
{
  const char *after = NULL;

  if (p < end && *p == '.')
    after = p + 1;
  else if (has_prefix (p, end, "．"))
    after = p + strlen ("．");

  return after != NULL && is_digit_at (after, end) ? after : NULL;
}

static const char *
skip_spaces (const char *p,
             const char *end)
{
  while (p < end && *p == ' ')
    p++;
  return p;
}

typedef struct
{
  const char *end;
  double      value;
} Number;

/* Reads digits with optional thousands groups ("1,000") and decimals.
 * Returns FALSE for digit runs that are codes rather than quantities. */
static gboolean
read_number (const char *p,
             const char *end,
             Number     *num)
{
  char buf[64];
  guint n = 0, int_digits = 0;
  const char *q = p, *next, *after;
  int d;

  while ((d = digit_at (q, end, &next)) >= 0)
    {
      if (n < 30)
        buf[n++] = '0' + d;
      int_digits++;
      q = next;
    }
  if (int_digits == 0)
    return FALSE;

  /* "0759" is an area code or a padded number, never a quantity. */
  if (int_digits > 1 && buf[0] == '0')
    return FALSE;

  if (int_digits <= 3)
    {
      while (q + 4 <= end && q[0] == ',' &&
             g_ascii_isdigit (q[1]) && g_ascii_isdigit (q[2]) && g_ascii_isdigit (q[3]) &&
             !is_digit_at (q + 4, end))
        {
          if (n < 30)
            {
              buf[n++] = q[1];
              buf[n++] = q[2];
              buf[n++] = q[3];
            }
          q += 4;
        }
    }

  if ((after = decimal_point_at (q, end)) != NULL)
    {
      buf[n++] = '.';
      q = after;
      while ((d = digit_at (q, end, &next)) >= 0)
        {
          if (n < 60)
            buf[n++] = '0' + d;
          q = next;
        }
    }

  buf[n] = '\0';
  num->end = q;
  num->value = g_ascii_strtod (buf, NULL);

  return TRUE;
}

/* g_ascii_isalpha() takes a char: a Han character would be truncated. */
static gboolean
is_latin_letter (gunichar c)
{
  return c < 0x80 && g_ascii_isalpha (c);
}

static gunichar
char_before (const char *text,
             const char *p)
{
  return p > text ? g_utf8_get_char (g_utf8_find_prev_char (text, p)) : 0;
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0xFF0D || c == 0x2014 || c == 0x2013 || c == '~' || c == 0xFF5E;
}

/* Where the figure really starts, taking in an approximation word before
 * the number; NULL when what stands before the number rules it out. */
static const char *
look_behind (const char *text,
             const char *num_start,
             gboolean   *approx)
{
  const char *b = num_start;
  gunichar before;

  before = char_before (text, num_start);
  /* "PM2.5", "H5": digits inside a Latin word; "1+6+N": a formula. */
  if (is_latin_letter (before) || before == '+' || before == '#')
    return NULL;
  /* The minutes of "9:30". */
  if (before == ':' || before == 0xFF1A)
    {
      const char *colon = g_utf8_find_prev_char (text, num_start);

      if (colon > text && g_unichar_isdigit (char_before (text, colon)))
        return NULL;
    }

  while (b > text && b[-1] == ' ')
    b--;
  before = char_before (text, b);

  /* Ordinals (第3批, 第 3 次) and the year of a 文号 (〔2024〕). */
  if (before == 0x7B2C /* 第 */ || before == 0x3014 /* 〔 */ || before == '[' || before == 0x3010 /* 【 */)
    return NULL;

  /* Every approximation word ends in one of these. */
  if (before != 0x7EA6 /* 约 */ && before != 0x8FD1 /* 近 */ && before != 0x8D85 /* 超 */ &&
      before != 0x8FC7 /* 过 */ && before != 0x903E /* 逾 */)
    return num_start;

  for (guint i = 0; i < G_N_ELEMENTS (approx_before); i++)
    {
      gsize n = strlen (approx_before[i]);

      if ((gsize) (b - text) >= n && memcmp (b - n, approx_before[i], n) == 0)
        {
          /* 最近, 附近, 邻近 are "recent" or "nearby", not "nearly". */
          if (strcmp (approx_before[i], "近") == 0)
            {
              gunichar w = char_before (text, b - n);

              if (w == 0x6700 /* 最 */ || w == 0x9644 /* 附 */ || w == 0x90BB /* 邻 */ ||
                  w == 0x9760 /* 靠 */ || w == 0x4E34 /* 临 */)
                break;
            }
          *approx = TRUE;
          return b - n;
        }
    }

  return num_start;
}

typedef struct
{
  const char   *end;
  char         *unit;
  FzFigureKind  kind;
  gboolean      approx;
} Match;

/* Reads what follows a number: approximation words, a multiplier and the
 * unit.  Returns FALSE when there is no unit, or the number belongs to
 * something else (a clock time, a dotted date, the first half of a range,
 * "5G"). */
static gboolean
look_ahead (const char *num_end,
            const char *end,
            Match      *m)
{
  const char *q = num_end;
  const char *mult, *approx, *before_mult, *mult_end = NULL;
  const Unit *unit;
  gunichar c;

  if (q < end)
    {
      c = g_utf8_get_char (q);
      if (is_latin_letter (c) || c == '+')
        return FALSE;
      if ((c == ':' || c == 0xFF1A || c == '.' || c == 0xFF0E || is_dash (c)) &&
          is_digit_at (g_utf8_next_char (q), end))
        return FALSE;
    }

  if (!may_follow_number (q, end))
    return FALSE;

  q = skip_spaces (q, end);
  if ((approx = match_any (q, end, approx_between, G_N_ELEMENTS (approx_between))) != NULL)
    {
      m->approx = TRUE;
      q = skip_spaces (q + strlen (approx), end);
    }

  before_mult = q;
  mult = match_any (q, end, multipliers, G_N_ELEMENTS (multipliers));
  if (mult != NULL)
    {
      mult_end = q + strlen (mult);
      q = skip_spaces (mult_end, end);
      if ((approx = match_any (q, end, approx_between, G_N_ELEMENTS (approx_between))) != NULL)
        {
          m->approx = TRUE;
          /* "10万余" without a unit still ends after 余. */
          mult_end = q + strlen (approx);
          q = skip_spaces (mult_end, end);
        }
    }

  /* "3个多月": the approximation sits inside the unit. */
  if (has_prefix (q, end, "个多月") || has_prefix (q, end, "个余月"))
    {
      m->approx = TRUE;
      m->unit = g_strconcat (mult ? mult : "", "个月", NULL);
      m->kind = FZ_FIGURE_MEASURE;
      m->end = q + strlen ("个多月");
      return TRUE;
    }

  unit = match_unit (q, end);
  if (unit == NULL && mult != NULL)
    {
      /* "3百分点": the would-be multiplier starts the unit. */
      unit = match_unit (before_mult, end);
      if (unit != NULL)
        {
          q = before_mult;
          mult = NULL;
        }
    }

  if (unit != NULL)
    {
      m->unit = g_strconcat (mult ? mult : "", unit->text, NULL);
      m->kind = unit->kind;
      m->end = q + strlen (unit->text);
    }
  else if (mult != NULL && (g_str_has_suffix (mult, "万") || g_str_has_suffix (mult, "亿")))
    {
      m->unit = g_strdup (mult);
      m->kind = FZ_FIGURE_COUNT;
      m->end = mult_end;
    }
  else
    return FALSE;

  q = skip_spaces (m->end, end);
  if ((approx = match_any (q, end, approx_after, G_N_ELEMENTS (approx_after))) != NULL)
    {
      m->approx = TRUE;
      m->end = q + strlen (approx);
    }

  return TRUE;
}

/* A clause ends at ，。；：！？ or their ASCII forms; a comma or colon
 * between digits belongs to a number ("1,000", "9:30").  @p is the first
 * byte of a character.  Works on bytes: this runs for every character of
 * every clause that holds a figure. */
static gboolean
is_break_at (const char *text,
             const char *end,
             const char *p)
{
  guchar b = *p;

  if (b < 0x80)
    {
      if (b == ';' || b == '!' || b == '?')
        return TRUE;
      if (b == ',' || b == ':')
        return !(p > text && g_ascii_isdigit (p[-1]) && p + 1 < end && g_ascii_isdigit (p[1]));
      return FALSE;
    }

  if (end - p < 3)
    return FALSE;

  /* ， ； ： ！ ？ are EF BC xx; 。 is E3 80 82. */
  if (b == 0xEF && (guchar) p[1] == 0xBC)
    {
      guchar c = p[2];

      return c == 0x8C || c == 0x9B || c == 0x9A || c == 0x81 || c == 0x9F;
    }

  return b == 0xE3 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x82;
}

static char *
clause_around (const char *text,
               const char *end,
               const char *start,
               const char *stop)
{
  const char *a = start, *b = stop;

  while (a > text)
    {
      const char *prev = a - 1;

      while (prev > text && ((guchar) *prev & 0xC0) == 0x80)
        prev--;
      if (is_break_at (text, end, prev))
        break;
      a = prev;
    }

  while (b < end && !is_break_at (text, end, b))
    b += g_utf8_skip[(guchar) *b];

  return g_strstrip (g_strndup (a, b - a));
}

/* TRUE when none of the 8 bytes at @p can start a number: all are
 * non-ASCII (no ASCII digit) and none is 0xEF (the lead byte of the
 * full-width digits).  @chars receives how many characters start there. */
static inline gboolean
word_is_plain (const char *p,
               guint      *chars)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 w, x, continuation;

  memcpy (&w, p, sizeof w);
  if ((w & highs) != highs)
    return FALSE;

  x = w ^ (0xEF * ones);
  if (((x - ones) & ~x & highs) != 0)
    return FALSE;

  /* A continuation byte has bit 7 set and bit 6 clear; the multiplication
   * adds up the per-byte flags in the top byte. */
  continuation = (w & ~(w << 1) & highs) >> 7;
  *chars = 8 - (guint) ((continuation * ones) >> 56);

  return TRUE;
}

static void
scan_paragraph (FzDocument *document,
                GPtrArray  *sections,
                guint       index,
                GPtrArray  *figures)
{
  const FzParagraph *para = fz_document_get_paragraph (document, index);
  gsize len;
  /* Read as simplified: "1.5萬元" is 1.5万元. */
  const char *text = fz_document_get_paragraph_key (document, index, &len);
  const char *end = text + len;
  const char *p = text;
  guint ci = para->start;

  while (p < end)
    {
      Number num = { 0 };
      Match m = { 0 };
      const char *next;
      const char *start;

      /* Skip to the next byte that can start a number: an ASCII digit or
       * 0xEF, the lead byte of the full-width digits.  Neither is ever a
       * continuation byte, so nothing needs decoding on the way; the
       * characters passed are the bytes that are not continuation bytes.
       * Eight bytes at a time where possible: figures run over every byte
       * of the body. */
      for (;;)
        {
          guint chars;

          while (p + 8 <= end && word_is_plain (p, &chars))
            {
              ci += chars;
              p += 8;
            }
          if (p >= end || (guint) ((guchar) *p - '0') < 10 || (guchar) *p == 0xEF)
            break;
          ci += ((guchar) *p & 0xC0) != 0x80;
          p++;
        }
      if (p >= end)
        break;
      if (digit_at (p, end, &next) < 0)
        {
          p = g_utf8_next_char (p);
          ci++;
          continue;
        }

      if (read_number (p, end, &num) &&
          (start = look_behind (text, p, &m.approx)) != NULL &&
          look_ahead (num.end, end, &m))
        {
          FzFigure *f = g_new0 (FzFigure, 1);

          f->value = num.value;
          f->unit = g_steal_pointer (&m.unit);
          f->kind = m.kind;
          f->approx = m.approx;
          f->start = ci - g_utf8_strlen (start, p - start);
          f->end = ci + g_utf8_strlen (p, m.end - p);
          f->text = g_strndup (start, m.end - start);
          f->section = sections != NULL ? fz_outline_section_at (sections, f->start) : -1;
          f->context = clause_around (text, end, start, m.end);
          g_ptr_array_add (figures, f);

          ci = f->end;
          p = m.end;
          continue;
        }

      g_free (m.unit);

      /* Skip the rest of the digit run (and its separators), so that the
       * "025" of "2025" is never read as a number of its own. */
      next = num.end != NULL && num.end > p ? num.end : p;
      while (next < end)
        {
          const char *n2;

          if (digit_at (next, end, &n2) >= 0)
            next = n2;
          else if ((*next == '.' || *next == ',') && is_digit_at (next + 1, end))
            next++;
          else
            break;
        }
      ci += g_utf8_strlen (p, next - p);
      p = next;
    }
}

GPtrArray *
fz_figures_extract (FzDocument *document,
                    GPtrArray  *sections)
{
  GPtrArray *figures = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_figure_free);
  guint n;

  g_return_val_if_fail (FZ_IS_DOCUMENT (document), figures);

  n = fz_document_get_n_paragraphs (document);
  for (guint i = 0; i < n; i++)
    {
      const FzParagraph *para = fz_document_get_paragraph (document, i);

      /* Figures belong to the body; the 附注 and 版记 hold phone numbers and
       * dates, the front matter a 文号. */
      if (para->kind == FZ_PARAGRAPH_BODY || para->kind == FZ_PARAGRAPH_HEADING)
        scan_paragraph (document, sections, i, figures);
    }

  return figures;
}
