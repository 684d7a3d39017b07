/* fz-metadata.c: 发文字号, 标题, 主送机关, 署名, 成文日期 and the report year
 *
 * The normalizer has already told front matter and closing parts apart; this
 * pass reads values out of those paragraphs and falls back on the body for
 * what a web-published copy leaves out (the year, the reporter's level).
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-metadata"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fz-metadata.h"
#include "fz-outline.h"
#include "fz-regex.h"
#include "fz-text-util.h"

G_DEFINE_BOXED_TYPE (FzMetadata, fz_metadata, fz_metadata_copy, fz_metadata_free)

static void
field_copy (FzMetaField       *dst,
            const FzMetaField *src)
{
  *dst = *src;
  dst->value = g_strdup (src->value);
}

FzMetadata *
fz_metadata_copy (const FzMetadata *meta)
{
  FzMetadata *copy = g_memdup2 (meta, sizeof *meta);

  field_copy (&copy->issuer_mark, &meta->issuer_mark);
  field_copy (&copy->doc_number, &meta->doc_number);
  field_copy (&copy->signer, &meta->signer);
  field_copy (&copy->title, &meta->title);
  field_copy (&copy->addressee, &meta->addressee);
  field_copy (&copy->issuer, &meta->issuer);
  field_copy (&copy->date, &meta->date);
  field_copy (&copy->contact, &meta->contact);
  field_copy (&copy->cc, &meta->cc);
  field_copy (&copy->printed, &meta->printed);
  copy->date_iso = g_strdup (meta->date_iso);

  return copy;
}

void
fz_metadata_free (FzMetadata *meta)
{
  if (meta == NULL)
    return;

  g_free (meta->issuer_mark.value);
  g_free (meta->doc_number.value);
  g_free (meta->signer.value);
  g_free (meta->title.value);
  g_free (meta->addressee.value);
  g_free (meta->issuer.value);
  g_free (meta->date.value);
  g_free (meta->contact.value);
  g_free (meta->cc.value);
  g_free (meta->printed.value);
  g_free (meta->date_iso);
  g_free (meta);
}

FZ_DEFINE_STATIC_REGEX (doc_number_regex,
              "[\\p{Han}A-Za-z]{1,15}\\s*[〔\\[【(（［]\\s*(?:19|20)\\d{2}\\s*[〕\\]】)）］]\\s*第?\\s*\\d{1,5}\\s*号")
FZ_DEFINE_STATIC_REGEX (signer_regex, "签\\s*发\\s*人\\s*[：:]\\s*(.+)$")
/* A year that is not the end of a range such as 2021—2025年. */
FZ_DEFINE_STATIC_REGEX (year_regex, "(?<![\\d—\\-－–~～至到])((?:19|20)\\d{2})\\s*年")
FZ_DEFINE_STATIC_REGEX (locality_regex,
              "(省|自治区|市|州|盟|县|区|旗|镇|乡|街道)"
              "(?:人民政府|政府|委员会|党委|党工委|委|办事处|管委会)")
FZ_DEFINE_STATIC_REGEX (department_regex,
              "(?:局|厅|署|办公室|中心|司法所|管理处|委员会办公室)$")
FZ_DEFINE_STATIC_REGEX (self_reference_regex, "(?:我|本|全)(镇|乡|街道|县|区|市|州|省|局|厅|委|办)")

static void
set_field (FzMetaField *field,
           char        *value,
           guint        start,
           guint        end)
{
  g_free (field->value);
  field->value = value;
  field->start = start;
  field->end = end;
}

static char *
paragraph_dup (FzDocument *doc,
               guint       index)
{
  gsize len;
  const char *text = fz_document_get_paragraph_text (doc, index, &len);

  return g_strndup (text, len);
}

static char *
strip_final_colon (char *value)
{
  gsize len = strlen (value);

  if (g_str_has_suffix (value, "："))
    value[len - strlen ("：")] = '\0';
  else if (len > 0 && value[len - 1] == ':')
    value[len - 1] = '\0';

  return g_strstrip (value);
}

static void
append_value (FzMetaField *field,
              const char  *value,
              const char  *separator,
              guint        start,
              guint        end)
{
  if (field->value == NULL)
    {
      set_field (field, g_strdup (value), start, end);
      return;
    }

  {
    char *joined = g_strconcat (field->value, separator, value, NULL);
    g_free (field->value);
    field->value = joined;
    field->end = end;
  }
}

static int
chinese_digits_value (const char *text,
                      gsize       len)
{
  /* Years are written digit by digit (二〇二四); months and days as
   * numbers (十二, 二十五). */
  int v = fz_chinese_numeral_value (text, len);

  if (v >= 0 && g_utf8_strlen (text, len) <= 3)
    return v;

  v = 0;
  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    {
      int d = fz_chinese_numeral_value (p, g_utf8_next_char (p) - p);

      if (d < 0 || d > 9)
        return -1;
      v = v * 10 + d;
    }

  return v;
}

static int
read_number (const char **p,
             const char  *end)
{
  const char *start;

  while (*p < end && fz_unichar_is_space (g_utf8_get_char (*p)))
    *p = g_utf8_next_char (*p);

  start = *p;
  if (*p < end && g_ascii_isdigit (**p))
    {
      int v = 0;

      while (*p < end && g_ascii_isdigit (**p) && v < 100000)
        {
          v = v * 10 + (**p - '0');
          (*p)++;
        }
      return v;
    }

  while (*p < end)
    {
      gunichar c = g_utf8_get_char (*p);

      if (c == 0x5E74 || c == 0x6708 || c == 0x65E5 || c == 0x53F7) /* 年 月 日 号 */
        break;
      if (fz_chinese_numeral_value (*p, g_utf8_next_char (*p) - *p) < 0 && c != 0x5341 &&
          c != 0x25CB && c != 0x3007 && c != 0x96F6)
        break;
      *p = g_utf8_next_char (*p);
    }

  if (*p == start)
    return -1;

  return chinese_digits_value (start, *p - start);
}

static gboolean
expect (const char **p,
        const char  *end,
        const char  *what)
{
  gsize n = strlen (what);

  while (*p < end && fz_unichar_is_space (g_utf8_get_char (*p)))
    *p = g_utf8_next_char (*p);

  if ((gsize) (end - *p) >= n && memcmp (*p, what, n) == 0)
    {
      *p += n;
      return TRUE;
    }
  return FALSE;
}

gboolean
fz_parse_date (const char *text,
               int        *year,
               int        *month,
               int        *day)
{
  const char *p = text, *end;
  int y, m, d;

  g_return_val_if_fail (text != NULL, FALSE);

  end = text + strlen (text);

  y = read_number (&p, end);
  if (y < 0)
    return FALSE;

  if (expect (&p, end, "年"))
    {
      m = read_number (&p, end);
      if (m < 0 || !expect (&p, end, "月"))
        return FALSE;
      d = read_number (&p, end);
      if (d < 0 || !(expect (&p, end, "日") || expect (&p, end, "号")))
        return FALSE;
    }
  else
    {
      if (!(expect (&p, end, ".") || expect (&p, end, "-") || expect (&p, end, "/") ||
            expect (&p, end, "．")))
        return FALSE;
      m = read_number (&p, end);
      if (m < 0 || !(expect (&p, end, ".") || expect (&p, end, "-") || expect (&p, end, "/") ||
                     expect (&p, end, "．")))
        return FALSE;
      d = read_number (&p, end);
      if (d < 0)
        return FALSE;
    }

  while (p < end && fz_unichar_is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (p != end)
    return FALSE;

  if (y < 1900 || y > 2999 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  if (year)
    *year = y;
  if (month)
    *month = m;
  if (day)
    *day = d;

  return TRUE;
}

static int
first_year (const char *text,
            gsize       len)
{
  gssize groups[4];

  if (!fz_regex_search_groups (year_regex (), text, len, 0, groups, 2))
    return 0;

  return (int) g_ascii_strtoll (text + groups[2], NULL, 10);
}

static FzLevel
level_from_char (const char *unit)
{
  if (g_str_equal (unit, "镇") || g_str_equal (unit, "乡") || g_str_equal (unit, "街道"))
    return FZ_LEVEL_TOWNSHIP;
  if (g_str_equal (unit, "县") || g_str_equal (unit, "区") || g_str_equal (unit, "旗"))
    return FZ_LEVEL_COUNTY;
  if (g_str_equal (unit, "市") || g_str_equal (unit, "州") || g_str_equal (unit, "盟"))
    return FZ_LEVEL_CITY;
  if (g_str_equal (unit, "省") || g_str_equal (unit, "自治区"))
    return FZ_LEVEL_PROVINCE;
  if (g_str_equal (unit, "局") || g_str_equal (unit, "厅") || g_str_equal (unit, "委") ||
      g_str_equal (unit, "办"))
    return FZ_LEVEL_DEPARTMENT;
  return FZ_LEVEL_UNKNOWN;
}

/* The issuing body's own name says its level: the administrative unit right
 * before 人民政府/委员会 ("遂溪县北坡镇人民政府" is a township), unless the body
 * is a department ("…司法局"). */
static FzLevel
level_from_org (const char *org)
{
  gssize groups[4];
  gsize from = 0, len;
  FzLevel level = FZ_LEVEL_UNKNOWN;

  if (org == NULL)
    return FZ_LEVEL_UNKNOWN;

  len = strlen (org);
  if (fz_regex_matches (department_regex (), org, len))
    return FZ_LEVEL_DEPARTMENT;

  while (fz_regex_search_groups (locality_regex (), org, len, from, groups, 2))
    {
      g_autofree char *unit = g_strndup (org + groups[2], groups[3] - groups[2]);

      level = level_from_char (unit);
      from = groups[1];
    }

  return level;
}

static char *
title_org (const char *title)
{
  const char *about;
  gssize s, e;

  if (title == NULL)
    return NULL;

  if ((about = strstr (title, "关于")) != NULL)
    return g_strndup (title, about - title);

  if (fz_regex_search (year_regex (), title, strlen (title), 0, &s, &e))
    return g_strndup (title, s);

  return NULL;
}

/* When no name says it, the body does: "我镇" a dozen times is a township. */
static FzLevel
level_from_body (FzDocument *doc)
{
  const char *text = fz_document_get_text (doc);
  gsize len = fz_document_get_text_bytes (doc);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gssize groups[4];
  gsize from = 0;
  guint best = 0;
  FzLevel level = FZ_LEVEL_UNKNOWN;
  GHashTableIter iter;
  gpointer key, value;

  while (fz_regex_search_groups (self_reference_regex (), text, len, from, groups, 2))
    {
      char *unit = g_strndup (text + groups[2], groups[3] - groups[2]);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, unit));

      g_hash_table_replace (counts, unit, GUINT_TO_POINTER (n + 1));
      from = groups[1];
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint n = GPOINTER_TO_UINT (value);

      if (n > best || (n == best && level == FZ_LEVEL_UNKNOWN))
        {
          FzLevel l = level_from_char (key);
          if (l != FZ_LEVEL_UNKNOWN)
            {
              best = n;
              level = l;
            }
        }
    }

  g_hash_table_unref (counts);

  /* One passing "全市" in a township report says nothing. */
  return best >= 2 ? level : FZ_LEVEL_UNKNOWN;
}

FzMetadata *
fz_metadata_extract (FzDocument *doc,
                     GPtrArray  *sections)
{
  g_autoptr(FzMetadata) meta = g_new0 (FzMetadata, 1);
  guint n;
  int first_body = -1;

  g_return_val_if_fail (FZ_IS_DOCUMENT (doc), NULL);

  n = fz_document_get_n_paragraphs (doc);
  for (guint i = 0; i < n; i++)
    {
      const FzParagraph *p = fz_document_get_paragraph (doc, i);
      g_autofree char *text = paragraph_dup (doc, i);
      gssize s, e;
      gssize groups[4];

      switch (p->kind)
        {
        case FZ_PARAGRAPH_ISSUER_MARK:
          if (meta->issuer_mark.value == NULL)
            set_field (&meta->issuer_mark, fz_strip_spaces (text, -1), p->start, p->end);
          break;

        case FZ_PARAGRAPH_DOC_NUMBER:
          if (meta->doc_number.value == NULL &&
              fz_regex_search (doc_number_regex (), text, strlen (text), 0, &s, &e))
            set_field (&meta->doc_number, fz_strip_spaces (text + s, e - s),
                       p->start + g_utf8_strlen (text, s), p->start + g_utf8_strlen (text, e));
          /* "北府〔2024〕47号  签发人：徐泽乾" on one line. */
          G_GNUC_FALLTHROUGH;
        case FZ_PARAGRAPH_SIGNER:
          if (meta->signer.value == NULL &&
              fz_regex_search_groups (signer_regex (), text, strlen (text), 0, groups, 2))
            {
              g_autofree char *names = g_strndup (text + groups[2], groups[3] - groups[2]);
              set_field (&meta->signer, g_strdup (g_strstrip (names)),
                         p->start + g_utf8_strlen (text, groups[2]), p->end);
            }
          break;

        case FZ_PARAGRAPH_TITLE:
          if (meta->title.value == NULL)
            set_field (&meta->title, fz_strip_spaces (text, -1), p->start, p->end);
          break;

        case FZ_PARAGRAPH_ADDRESSEE:
          if (meta->addressee.value == NULL)
            set_field (&meta->addressee, strip_final_colon (g_strdup (text)), p->start, p->end);
          break;

        case FZ_PARAGRAPH_SIGNATURE:
          append_value (&meta->issuer, text, " ", p->start, p->end);
          break;

        case FZ_PARAGRAPH_DATE:
          if (meta->date.value == NULL)
            {
              int y, m, d;

              set_field (&meta->date, g_strdup (text), p->start, p->end);
              if (fz_parse_date (text, &y, &m, &d))
                meta->date_iso = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
            }
          break;

        case FZ_PARAGRAPH_NOTE:
          if (meta->contact.value == NULL && strstr (text, "联系") != NULL)
            set_field (&meta->contact, g_strdup (text), p->start, p->end);
          break;

        case FZ_PARAGRAPH_CC:
          {
            const char *colon = strstr (text, "：");
            const char *value = colon ? colon + strlen ("：") : strchr (text, ':');

            if (value != NULL && *value == ':')
              value++;
            append_value (&meta->cc, g_strstrip ((char *) (value ? value : text)), "，", p->start, p->end);
          }
          break;

        case FZ_PARAGRAPH_PRINTED:
          append_value (&meta->printed, text, " ", p->start, p->end);
          break;

        case FZ_PARAGRAPH_BODY:
          if (first_body < 0)
            first_body = i;
          break;

        case FZ_PARAGRAPH_HEADING:
        case FZ_PARAGRAPH_CLOSING:
        default:
          break;
        }
    }

  /* The year reported on: the title names it; a copy without a title says
   * it in its opening sentence ("2024年，我镇…"). */
  if (meta->title.value != NULL)
    {
      meta->report_year = first_year (meta->title.value, strlen (meta->title.value));
      meta->report_year_from_title = meta->report_year != 0;
    }
  if (meta->report_year == 0 && first_body >= 0)
    {
      gsize len;
      const char *text = fz_document_get_paragraph_text (doc, first_body, &len);

      meta->report_year = first_year (text, MIN (len, 600));
    }
  if (meta->report_year == 0 && meta->date_iso != NULL)
    {
      int y = atoi (meta->date_iso), m = atoi (meta->date_iso + 5);

      /* Reports are written at the turn of the year they cover. */
      meta->report_year = m <= 6 ? y - 1 : y;
    }

  meta->level = level_from_org (meta->issuer.value);
  if (meta->level == FZ_LEVEL_UNKNOWN)
    {
      g_autofree char *org = title_org (meta->title.value);
      meta->level = level_from_org (org);
    }
  if (meta->level == FZ_LEVEL_UNKNOWN && meta->issuer_mark.value != NULL)
    {
      g_autofree char *org = g_strdup (meta->issuer_mark.value);

      if (g_str_has_suffix (org, "文件"))
        org[strlen (org) - strlen ("文件")] = '\0';
      meta->level = level_from_org (org);
    }
  if (meta->level == FZ_LEVEL_UNKNOWN)
    meta->level = level_from_body (doc);

  return g_steal_pointer (&meta);
}
