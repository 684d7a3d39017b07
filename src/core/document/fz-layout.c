/* fz-layout.c: the 公文 parts around the body, and what a web page adds
 *
 * Above the body of a 公文 stand the 发文机关标志, the 文号 and 签发人, the
 * title (over several lines when long) and the 主送机关; below it 特此报告,
 * the signature, the date, the 附注 and the 版记.  A report saved from a web
 * page has the page around it as well: a breadcrumb, the 政府信息公开 table,
 * the title a second time, 发布时间 and 来源, 【字体】 and 打印 links.  This
 * pass tells them apart line by line, reading each line in simplified
 * characters, so a traditional-script copy is read the same.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-normalizer"

#include "config.h"

#include <string.h>

#include "fz-furniture.h"
#include "fz-heading-marker.h"
#include "fz-layout-private.h"
#include "fz-regex.h"
#include "fz-text-util.h"
#include "fz-units.h"

/* How far the front matter and the furniture around it may reach. */
#define MAX_FRONT_LINES 16
#define MAX_TOP_FURNITURE 40
#define MAX_TAIL_FURNITURE 15
#define MAX_TITLE_LINES 4

FZ_DEFINE_STATIC_REGEX (doc_number_regex,
              "^[\\p{Han}A-Za-z]{1,15}\\s*[〔\\[【(（［]\\s*(?:19|20)\\d{2}\\s*[〕\\]】)）］]\\s*第?\\s*\\d{1,5}\\s*号")
/* A 文号 that a web page set at the end of the title line. */
FZ_DEFINE_STATIC_REGEX (title_doc_number_regex,
              "\\s*[（(]?([\\p{Han}A-Za-z]{1,15}\\s*[〔\\[【［]\\s*(?:19|20)\\d{2}\\s*[〕\\]】］]\\s*第?\\s*\\d{1,5}\\s*号)[）)]?$")
FZ_DEFINE_STATIC_REGEX (signer_regex, "^签\\s*发\\s*人\\s*[：:]")
FZ_DEFINE_STATIC_REGEX (date_line_regex,
              "^(?:(?:19|20)\\d{2}|[〇○零一二三四五六七八九]{4})\\s*年\\s*[0-9〇○零一二三四五六七八九十]{1,3}\\s*月\\s*"
              "[0-9〇○零一二三四五六七八九十]{1,3}\\s*日$"
              "|^(?:19|20)\\d{2}\\s*[.\\-/．]\\s*\\d{1,2}\\s*[.\\-/．]\\s*\\d{1,2}$")
FZ_DEFINE_STATIC_REGEX (printed_regex, "印\\s*发$")
FZ_DEFINE_STATIC_REGEX (cc_regex, "^抄\\s*送\\s*[：:]")
FZ_DEFINE_STATIC_REGEX (note_regex,
              "^[（(]?\\s*(?:联系人|联\\s*系\\s*人|联系电话|此件|本件|附注)")
FZ_DEFINE_STATIC_REGEX (closing_regex, "^(?:特此报告|以上报告|专此报告|特此汇报)")
FZ_DEFINE_STATIC_REGEX (org_regex,
              "(?:人民政府|政府|委员会|党委|党工委|管委会|办事处|办公室|司法局|局|厅|委|办|中心|镇|乡|街道|所|院|队)$")
FZ_DEFINE_STATIC_REGEX (title_keyword_regex,
              "报告|情况|总结|汇报|法治|年度|关于")

static FzLine *
line_at (GArray *lines,
         guint   i)
{
  return &g_array_index (lines, FzLine, i);
}

static gboolean
is_orgish (FzLine *l)
{
  const char *t = _fz_line_key (l);

  return l->n_chars >= 2 && l->n_chars <= 48 && !_fz_text_has_sentence_punct (t) &&
         strchr (t, ',') == NULL && strstr (t, "，") == NULL &&
         fz_regex_matches (org_regex (), t, -1);
}

static gboolean
is_date_line (FzLine *l)
{
  return fz_regex_matches (date_line_regex (), _fz_line_key (l), -1);
}

static gboolean
has_marker (const char *text)
{
  FzHeadingMarker marker;

  return fz_heading_marker_parse (text, strlen (text), &marker);
}

/* Furniture */

/* Breadcrumbs and tables above the title, buttons anywhere, and the links
 * under the report.  The top ends at the first heading or the first real
 * sentence; the tail reaches back over the closing parts. */
static void
mark_furniture (GArray *lines)
{
  guint n = lines->len, i;

  for (i = 0; i < n && i < MAX_TOP_FURNITURE; i++)
    {
      FzLine *l = line_at (lines, i);
      const char *key = _fz_line_key (l);

      if (_fz_line_is_heading (key))
        break;
      if (fz_furniture_classify (key) != FZ_FURNITURE_NONE)
        l->kind = FZ_PARAGRAPH_FURNITURE;
      else if (_fz_text_has_sentence_punct (key) && l->n_chars > 30)
        break;
    }

  for (guint k = 0; k < MAX_TAIL_FURNITURE && k < n; k++)
    {
      FzLine *l = line_at (lines, n - 1 - k);
      const char *key;

      if (n - 1 - k < i)
        break;
      key = _fz_line_key (l);
      if (fz_furniture_classify (key) != FZ_FURNITURE_NONE)
        l->kind = FZ_PARAGRAPH_FURNITURE;
      else if (_fz_text_has_sentence_punct (key) && l->n_chars > 60)
        break;
    }

  /* 【字体：大 中 小】 and 分享到 may stand between paragraphs as well. */
  for (; i < n; i++)
    {
      FzLine *l = line_at (lines, i);

      if (l->n_chars <= 40 && l->kind == FZ_PARAGRAPH_BODY && fz_furniture_is_controls (_fz_line_key (l)))
        l->kind = FZ_PARAGRAPH_FURNITURE;
    }
}

/* Front matter */

/* A 主送机关 line: organ names ending in a colon, never a sentence such as
 * "现将…报告如下：" or "根据…要求：". */
static gboolean
is_addressee_line (FzLine *l)
{
  const char *t = _fz_line_key (l);
  gsize len = strlen (t);
  guint n = 0;

  if (g_str_has_suffix (t, "："))
    len -= strlen ("：");
  else if (len > 0 && t[len - 1] == ':')
    len--;
  else
    return FALSE;

  if (l->n_chars > 80 || _fz_text_has_sentence_punct (t) || has_marker (t))
    return FALSE;

  /* Names are separated by 、，； or spaces. */
  for (const char *p = t, *part = t; p <= t + len; p = p < t + len ? g_utf8_next_char (p) : p + 1)
    {
      gunichar c = p < t + len ? g_utf8_get_char (p) : 0;

      if (c != 0 && c != 0x3001 && c != 0xFF0C && c != ',' && c != 0xFF1B && c != ';' && c != ' ')
        continue;
      if (p > part)
        {
          if (!fz_units_is_organ (part, p - part))
            return FALSE;
          n++;
        }
      part = p < t + len ? g_utf8_next_char (p) : p;
    }

  return n > 0;
}

static gboolean
is_title_text (const char *key,
               guint       n_chars)
{
  return !_fz_text_has_sentence_punct (key) && n_chars <= 100 && !has_marker (key) &&
         !g_str_has_suffix (key, "：") && !g_str_has_suffix (key, ":");
}

static int
next_front_line (GArray *lines,
                 guint   i)
{
  for (i++; i < lines->len; i++)
    if (line_at (lines, i)->kind != FZ_PARAGRAPH_FURNITURE)
      return i;

  return -1;
}

/* "威海市生态环境局2022年法治政府建设情况工作报告（威环发〔2023〕3号）":
 * the 文号 goes on a line of its own.  Key and text have the same bytes. */
static void
split_title_doc_numbers (GArray *lines)
{
  guint seen = 0;

  for (guint i = 0; i < lines->len && seen < MAX_FRONT_LINES; i++)
    {
      FzLine *l = line_at (lines, i);
      const char *key;
      gssize g[4];
      FzLine number = { 0 };

      if (l->kind == FZ_PARAGRAPH_FURNITURE)
        continue;
      seen++;
      key = _fz_line_key (l);
      if (!is_title_text (key, l->n_chars) ||
          !fz_regex_search_groups (title_doc_number_regex (), key, strlen (key), 0, g, 2) ||
          g_utf8_strlen (key, g[0]) < 8 || !fz_regex_matches (title_keyword_regex (), key, g[0]))
        continue;

      number = *l;
      number.text = g_strndup (l->text + g[2], g[3] - g[2]);
      number.key = NULL;
      number.key_done = FALSE;
      number.n_chars = g_utf8_strlen (number.text, -1);
      number.starts_paragraph = TRUE;

      l->text[g[0]] = '\0';
      g_clear_pointer (&l->key, g_free);
      l->key_done = FALSE;
      l->n_chars = g_utf8_strlen (l->text, -1);
      g_array_insert_val (lines, i + 1, number);
      i++;
    }
}

/* A page shows the title above its table and again above the report:
 * when the title lines read twice the same words, the first copy is the
 * page's. */
static void
collapse_titles (GArray *lines,
                 GArray *titles)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  guint n = titles->len;

  if (n < 2)
    return;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (keys, fz_strip_spaces (_fz_line_key (line_at (lines, g_array_index (titles, guint, i))), -1));

  for (guint k = 1; k < n; k++)
    {
      g_autoptr(GString) first = g_string_new (NULL);
      g_autoptr(GString) second = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        g_string_append (i < k ? first : second, g_ptr_array_index (keys, i));
      if (g_str_equal (first->str, second->str))
        {
          for (guint i = 0; i < k; i++)
            line_at (lines, g_array_index (titles, guint, i))->kind = FZ_PARAGRAPH_FURNITURE;
          return;
        }
    }
}

/* Front matter: 发文机关标志, 文号, 签发人, title lines and 主送机关, up to the
 * first body line.  Furniture between them is passed over. */
static guint
classify_front (GArray *lines)
{
  g_autoptr(GArray) titles = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean seen_title = FALSE;
  guint seen = 0, i;

  split_title_doc_numbers (lines);

  for (i = 0; i < lines->len; i++)
    {
      FzLine *l = line_at (lines, i);
      const char *t;
      gsize len;

      if (l->kind == FZ_PARAGRAPH_FURNITURE)
        continue;
      if (++seen > MAX_FRONT_LINES)
        break;

      t = _fz_line_key (l);
      len = strlen (t);

      if (fz_regex_matches (signer_regex (), t, len))
        l->kind = FZ_PARAGRAPH_SIGNER;
      else if (fz_regex_matches (doc_number_regex (), t, len) && l->n_chars <= 48)
        l->kind = FZ_PARAGRAPH_DOC_NUMBER;
      else if (!seen_title && g_str_has_suffix (t, "文件") && l->n_chars <= 40 &&
               !_fz_text_has_sentence_punct (t))
        l->kind = FZ_PARAGRAPH_ISSUER_MARK;
      else if (g_str_has_suffix (t, "：") || g_str_has_suffix (t, ":"))
        {
          /* A line ending in a colon is the addressee or already the body
           * ("现将有关情况报告如下："); it is never a title. */
          if (is_addressee_line (l))
            {
              l->kind = FZ_PARAGRAPH_ADDRESSEE;
              i++;
            }
          break;
        }
      else if (is_title_text (t, l->n_chars) && !is_date_line (l) &&
               titles->len < 2 * MAX_TITLE_LINES)
        {
          gboolean keyword = fz_regex_matches (title_keyword_regex (), t, len);

          if (!keyword)
            {
              int next = next_front_line (lines, i);
              FzLine *nl = next >= 0 ? line_at (lines, next) : NULL;

              if (nl == NULL || !is_title_text (_fz_line_key (nl), nl->n_chars) ||
                  !fz_regex_matches (title_keyword_regex (), _fz_line_key (nl), -1))
                break;
            }

          l->kind = FZ_PARAGRAPH_TITLE;
          seen_title = TRUE;
          g_array_append_val (titles, i);
        }
      else
        break;
    }

  collapse_titles (lines, titles);

  return i;
}

/* Closing parts */

static int
previous_line (GArray *lines,
               int     i,
               guint   floor_)
{
  while (i >= (int) floor_ && line_at (lines, i)->kind == FZ_PARAGRAPH_FURNITURE)
    i--;
  return i;
}

/* Closing parts, read from the end: 印发, 抄送, 附注, 成文日期, 署名, 特此报告. */
static guint
classify_tail (GArray *lines,
               guint   body_start)
{
  int i = previous_line (lines, (int) lines->len - 1, body_start);
  gboolean have_date = FALSE;

  /* 版记 and 附注 first. */
  while (i >= (int) body_start)
    {
      FzLine *l = line_at (lines, i);
      const char *t = _fz_line_key (l);

      if (fz_regex_matches (printed_regex (), t, -1) && l->n_chars <= 60)
        {
          int above = previous_line (lines, i - 1, body_start);

          l->kind = FZ_PARAGRAPH_PRINTED;
          /* "北坡镇党政综合办公室" standing on the line above its date. */
          if (above >= (int) body_start && is_orgish (line_at (lines, above)) &&
              !is_date_line (line_at (lines, above)))
            {
              line_at (lines, above)->kind = FZ_PARAGRAPH_PRINTED;
              i = above;
            }
        }
      else if (fz_regex_matches (cc_regex (), t, -1))
        l->kind = FZ_PARAGRAPH_CC;
      else if (fz_regex_matches (note_regex (), t, -1) && l->n_chars <= 120)
        l->kind = FZ_PARAGRAPH_NOTE;
      else
        break;
      i = previous_line (lines, i - 1, body_start);
    }

  if (i >= (int) body_start && is_date_line (line_at (lines, i)))
    {
      line_at (lines, i)->kind = FZ_PARAGRAPH_DATE;
      have_date = TRUE;
      i = previous_line (lines, i - 1, body_start);
    }

  /* Up to three signing bodies above the date (party committee and
   * government sign joint township reports). */
  for (guint n = 0; n < 3 && i >= (int) body_start; n++)
    {
      FzLine *l = line_at (lines, i);

      if (!is_orgish (l) || _fz_line_is_heading (_fz_line_key (l)))
        break;
      /* Without a date below, only the very last line may be a signature. */
      if (!have_date && n > 0)
        break;
      l->kind = FZ_PARAGRAPH_SIGNATURE;
      i = previous_line (lines, i - 1, body_start);
    }

  if (i >= (int) body_start)
    {
      FzLine *l = line_at (lines, i);

      if (fz_regex_matches (closing_regex (), _fz_line_key (l), -1) && l->n_chars <= 24)
        {
          l->kind = FZ_PARAGRAPH_CLOSING;
          i--;
        }
    }

  return (guint) (i + 1);
}

void
_fz_layout_classify (GArray *lines,
                     guint  *body_start,
                     guint  *body_end)
{
  mark_furniture (lines);
  *body_start = classify_front (lines);
  *body_end = classify_tail (lines, *body_start);
  if (*body_end < *body_start)
    *body_end = *body_start;
}
