/* fz-metadata.c: 发文字号, 标题, 主送机关, 署名, 成文日期 and the report year
 *
 * The normalizer has already told front matter, closing parts and web-page
 * furniture apart; this pass reads values out of those paragraphs, in the
 * simplified reading of the text, and leaves the report year and the
 * reporter's level to fz-reporter.c.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-metadata"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fz-furniture.h"
#include "fz-metadata-private.h"
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
  field_copy (&copy->published, &meta->published);
  copy->date_iso = g_strdup (meta->date_iso);
  copy->published_iso = g_strdup (meta->published_iso);

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
  g_free (meta->published.value);
  g_free (meta->date_iso);
  g_free (meta->published_iso);
  g_free (meta);
}

FZ_DEFINE_STATIC_REGEX (doc_number_regex,
              "[\\p{Han}A-Za-z]{1,15}\\s*[〔\\[【(（［]\\s*(?:19|20)\\d{2}\\s*[〕\\]】)）］]\\s*第?\\s*\\d{1,5}\\s*号")
FZ_DEFINE_STATIC_REGEX (signer_regex, "签\\s*发\\s*人\\s*[：:]\\s*(.+)$")

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

/* The 政府信息公开 table of a saved web page: its 发文字号 and its dates are
 * the report's when the report itself does not say them. */
typedef struct
{
  FzMetadata        *meta;
  FzDocument        *doc;
  const FzParagraph *para;
  const char        *text;        /* the paragraph as shown */
  const char        *key;         /* and as read */
} FieldContext;

static void
take_field (const char *what,
            gsize       value_start,
            gsize       value_end,
            gpointer    user_data)
{
  FieldContext *fc = user_data;
  FzMetadata *meta = fc->meta;
  guint start = fc->para->start + g_utf8_strlen (fc->text, value_start);
  guint end = fc->para->start + g_utf8_strlen (fc->text, value_end);
  g_autofree char *value = g_strndup (fc->text + value_start, value_end - value_start);
  g_autofree char *key = g_strndup (fc->key + value_start, value_end - value_start);
  int y, m, d;
  char *space;

  if (value_end <= value_start)
    return;

  if (g_str_equal (what, "doc_number"))
    {
      gssize s, e;

      if (meta->doc_number.value == NULL &&
          fz_regex_search (doc_number_regex (), key, strlen (key), 0, &s, &e))
        set_field (&meta->doc_number, fz_strip_spaces (value + s, e - s),
                   start + g_utf8_strlen (value, s), start + g_utf8_strlen (value, e));
      return;
    }

  /* "2025-02-24 10:30": the day is enough. */
  if ((space = strchr (key, ' ')) != NULL)
    {
      *space = '\0';
      value[space - key] = '\0';
      end = start + g_utf8_strlen (value, -1);
    }
  if (!fz_parse_date (key, &y, &m, &d))
    return;

  if (g_str_equal (what, "date") && meta->date.value == NULL)
    {
      set_field (&meta->date, g_strdup (value), start, end);
      meta->date_iso = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
    }
  else if (g_str_equal (what, "published") && meta->published.value == NULL)
    {
      set_field (&meta->published, g_strdup (value), start, end);
      meta->published_iso = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
    }
}

FzMetadata *
fz_metadata_extract (FzDocument *doc,
                     GPtrArray  *sections)
{
  g_autoptr(FzMetadata) meta = g_new0 (FzMetadata, 1);
  g_autoptr(GArray) furniture = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n;
  int opening = -1;
  gboolean seen_heading = FALSE;

  g_return_val_if_fail (FZ_IS_DOCUMENT (doc), NULL);

  n = fz_document_get_n_paragraphs (doc);
  for (guint i = 0; i < n; i++)
    {
      const FzParagraph *p = fz_document_get_paragraph (doc, i);
      g_autofree char *text = paragraph_dup (doc, i);
      gsize key_len;
      const char *key = fz_document_get_paragraph_key (doc, i, &key_len);
      gssize s, e;
      gssize groups[4];

      switch (p->kind)
        {
        case FZ_PARAGRAPH_ISSUER_MARK:
          if (meta->issuer_mark.value == NULL)
            set_field (&meta->issuer_mark, fz_strip_spaces (text, -1), p->start, p->end);
          break;

        case FZ_PARAGRAPH_DOC_NUMBER:
          /* Matched in the simplified text ("…〔2025〕79號"), taken as shown. */
          if (meta->doc_number.value == NULL &&
              fz_regex_search (doc_number_regex (), key, key_len, 0, &s, &e))
            set_field (&meta->doc_number, fz_strip_spaces (text + s, e - s),
                       p->start + g_utf8_strlen (text, s), p->start + g_utf8_strlen (text, e));
          /* "北府〔2024〕47号  签发人：徐泽乾" on one line. */
          G_GNUC_FALLTHROUGH;
        case FZ_PARAGRAPH_SIGNER:
          if (meta->signer.value == NULL &&
              fz_regex_search_groups (signer_regex (), key, key_len, 0, groups, 2))
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
              g_autofree char *k = g_strndup (key, key_len);

              set_field (&meta->date, g_strdup (text), p->start, p->end);
              if (fz_parse_date (k, &y, &m, &d))
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

        case FZ_PARAGRAPH_FURNITURE:
          g_array_append_val (furniture, i);
          break;

        case FZ_PARAGRAPH_BODY:
          /* The opening: body text before the first heading. */
          if (opening < 0 && !seen_heading)
            opening = i;
          break;

        case FZ_PARAGRAPH_HEADING:
          seen_heading = TRUE;
          break;

        case FZ_PARAGRAPH_CLOSING:
        default:
          break;
        }
    }

  /* What the report leaves out, its web page may tell; the report's own
   * 文号 and 成文日期 come first. */
  for (guint k = 0; k < furniture->len; k++)
    {
      guint i = g_array_index (furniture, guint, k);
      g_autofree char *text = paragraph_dup (doc, i);
      gsize key_len;
      const char *key_at = fz_document_get_paragraph_key (doc, i, &key_len);
      g_autofree char *key = g_strndup (key_at, key_len);
      FieldContext fc = { meta, doc, fz_document_get_paragraph (doc, i), text, key };

      fz_furniture_fields (key, take_field, &fc);
    }
  /* The HTML importer may have read the page's date from its markup. */
  if (meta->published_iso == NULL && fz_document_get_page_date (doc) != NULL)
    meta->published_iso = g_strdup (fz_document_get_page_date (doc));

  {
    guint from_title = FALSE;

    meta->report_year = _fz_metadata_read_year (doc, meta, sections, opening, &from_title);
    meta->report_year_from_title = from_title;
  }
  meta->level = _fz_metadata_read_level (doc, meta, opening);

  return g_steal_pointer (&meta);
}
