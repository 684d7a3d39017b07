/* fz-text-util.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-text-util.h"

gboolean
fz_unichar_is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x2EBEF) ||
         (c >= 0xF900 && c <= 0xFAFF) ||
         c == 0x3007; /* 〇 */
}

gboolean
fz_unichar_is_cjk_punct (gunichar c)
{
  return (c >= 0x3000 && c <= 0x303F && c != 0x3000 && c != 0x3007) ||
         (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65) ||
         (c >= 0xFE30 && c <= 0xFE4F) ||
         c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D ||
         c == 0x2014 || c == 0x2026 || c == 0x00B7 || c == 0x2015;
}

gboolean
fz_unichar_is_cjk (gunichar c)
{
  return fz_unichar_is_han (c) || fz_unichar_is_cjk_punct (c);
}

gboolean
fz_unichar_is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\f' || c == '\v' ||
         c == 0x00A0 || c == 0x3000 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
}

gboolean
fz_unichar_is_invisible (gunichar c)
{
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 ||
         c == 0xFEFF || c == 0x00AD;
}

gboolean
fz_unichar_ends_sentence (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF01 /* ！ */ || c == 0xFF1F /* ？ */ ||
         c == 0xFF1B /* ； */ || c == '!' || c == '?' || c == ';';
}

/* At the end of a text an ellipsis or a full-width full stop ends it too. */
static gboolean
is_sentence_final (gunichar c)
{
  return fz_unichar_ends_sentence (c) || c == 0x2026 /* … */ || c == 0xFF0E /* ． */;
}

static gboolean
is_closing_mark (gunichar c)
{
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F ||
         c == 0xFF09 || c == ')' || c == 0x3011 || c == '"' || c == 0x300B;
}

static gboolean
ends_with (const char *text,
           gsize       len,
           gboolean    colon_counts)
{
  const char *end = text + len;
  const char *p;
  gunichar c;

  while (end > text)
    {
      p = g_utf8_find_prev_char (text, end);
      if (p == NULL)
        return FALSE;
      c = g_utf8_get_char (p);
      if (!fz_unichar_is_space (c))
        break;
      end = p;
    }

  if (end <= text)
    return FALSE;

  p = g_utf8_find_prev_char (text, end);
  c = g_utf8_get_char (p);

  if (is_sentence_final (c))
    return TRUE;
  if (c == '.' )
    {
      /* "1." alone is a heading marker, not an end; after Han it ends. */
      const char *q = g_utf8_find_prev_char (text, p);
      return q != NULL && fz_unichar_is_han (g_utf8_get_char (q));
    }
  if (colon_counts && (c == 0xFF1A || c == ':'))
    return TRUE;
  if (is_closing_mark (c))
    {
      const char *q = g_utf8_find_prev_char (text, p);
      if (q != NULL)
        {
          gunichar d = g_utf8_get_char (q);
          return is_sentence_final (d) || (colon_counts && d == 0xFF1A);
        }
    }

  return FALSE;
}

gboolean
fz_text_ends_sentence (const char *text,
                       gsize       len)
{
  return ends_with (text, len, FALSE);
}

gboolean
fz_text_ends_paragraph (const char *text,
                        gsize       len)
{
  return ends_with (text, len, TRUE);
}

static int
digit_value (gunichar c)
{
  switch (c)
    {
    case 0x3007: /* 〇 */
    case 0x96F6: /* 零 */
    case 0x25CB: /* ○ */
      return 0;
    case 0x4E00: return 1;
    case 0x4E8C: return 2;
    case 0x4E09: return 3;
    case 0x56DB: return 4;
    case 0x4E94: return 5;
    case 0x516D: return 6;
    case 0x4E03: return 7;
    case 0x516B: return 8;
    case 0x4E5D: return 9;
    default:     return -1;
    }
}

int
fz_chinese_numeral_value (const char *text,
                          gsize       len)
{
  const char *p = text, *end = text + len;
  int value = 0, pending = -1;
  gboolean seen_ten = FALSE;

  if (len == 0)
    return -1;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      int d = digit_value (c);

      if (c == 0x5341) /* 十 */
        {
          if (seen_ten)
            return -1;
          seen_ten = TRUE;
          value = (pending < 0 ? 1 : pending) * 10;
          pending = -1;
        }
      else if (d >= 0)
        {
          if (pending >= 0)
            return -1;
          pending = d;
        }
      else
        return -1;

      p = g_utf8_next_char (p);
    }

  if (pending >= 0)
    value += pending;

  return value;
}

char *
fz_strip_spaces (const char *text,
                 gssize      len)
{
  GString *out;
  const char *p, *end;

  if (len < 0)
    len = strlen (text);

  out = g_string_sized_new (len);
  for (p = text, end = text + len; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!fz_unichar_is_space (c) && !fz_unichar_is_invisible (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

gboolean
fz_unichar_is_visible (gunichar c)
{
  return !g_unichar_isspace (c) && !fz_unichar_is_space (c) && !fz_unichar_is_invisible (c);
}

gboolean
fz_text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (fz_unichar_is_visible (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}
