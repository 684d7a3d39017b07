/* fz-heading-marker.c: reading the number in front of a heading
 *
 * GB/T 9704 §7.3.3 numbers headings 一、（一）1.（1）; real reports also write
 * "1、", "(一)", "（一）、" and "一." and still mean a heading.  The parser
 * accepts all of them and says which were standard, so the numbering check
 * can report the rest.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-heading-marker.h"
#include "fz-text-util.h"

static gboolean
is_chinese_digit (gunichar c)
{
  return c == 0x4E00 || c == 0x4E8C || c == 0x4E09 || c == 0x56DB ||
         c == 0x4E94 || c == 0x516D || c == 0x4E03 || c == 0x516B ||
         c == 0x4E5D || c == 0x5341 || c == 0x3007 || c == 0x96F6;
}

static const char *
skip_spaces (const char *p,
             const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  return p;
}

/* Reads a run of Chinese numerals of at most 3 characters. */
static const char *
read_chinese_number (const char *p,
                     const char *end,
                     guint      *value)
{
  const char *start = p;
  guint n = 0;
  int v;

  while (p < end && n < 3 && is_chinese_digit (g_utf8_get_char (p)))
    {
      p = g_utf8_next_char (p);
      n++;
    }
  if (n == 0)
    return NULL;

  v = fz_chinese_numeral_value (start, p - start);
  if (v <= 0)
    return NULL;

  *value = v;
  return p;
}

static const char *
read_arabic_number (const char *p,
                    const char *end,
                    guint      *value)
{
  guint v = 0, n = 0;

  while (p < end && n < 3 && g_ascii_isdigit (*p))
    {
      v = v * 10 + (*p - '0');
      p++;
      n++;
    }
  if (n == 0 || n > 2 || v == 0)
    return NULL;

  *value = v;
  return p;
}

static gboolean
consume (const char **p,
         const char  *end,
         gunichar     c)
{
  if (*p < end && g_utf8_get_char (*p) == c)
    {
      *p = g_utf8_next_char (*p);
      return TRUE;
    }
  return FALSE;
}

static gboolean
consume_open_paren (const char **p,
                    const char  *end,
                    gboolean    *halfwidth)
{
  if (consume (p, end, 0xFF08))
    {
      *halfwidth = FALSE;
      return TRUE;
    }
  if (consume (p, end, '('))
    {
      *halfwidth = TRUE;
      return TRUE;
    }
  return FALSE;
}

static gboolean
consume_close_paren (const char **p,
                     const char  *end,
                     gboolean    *halfwidth)
{
  if (consume (p, end, 0xFF09))
    return TRUE;
  if (consume (p, end, ')'))
    {
      *halfwidth = TRUE;
      return TRUE;
    }
  return FALSE;
}

/* Separators seen after a marker: 、 is the standard one for 一、 and the
 * sloppy "1、"; the full stop forms are standard for "1."; commas and colons
 * are always wrong but still mark a heading. */
static gboolean
consume_separator (const char **p,
                   const char  *end,
                   gunichar    *which)
{
  static const gunichar seps[] = { 0x3001, '.', 0xFF0E, 0xFF0C, ',', 0xFF1A, ':' };

  for (guint i = 0; i < G_N_ELEMENTS (seps); i++)
    if (consume (p, end, seps[i]))
      {
        *which = seps[i];
        return TRUE;
      }

  return FALSE;
}

gboolean
fz_heading_marker_parse (const char      *text,
                         gsize            len,
                         FzHeadingMarker *marker)
{
  const char *end = text + len;
  const char *p = text;
  const char *q;
  FzHeadingMarker m = { 0 };
  gunichar sep = 0;
  gboolean half = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);

  /* Markdown residue in front of a heading ("**一、…**", "## 一、…") must not
   * hide it; the residue itself is reported by the checks. */
  while (p < end && (*p == '*' || *p == '#'))
    p++;
  p = skip_spaces (p, end);

  if ((q = read_chinese_number (p, end, &m.number)) != NULL)
    {
      const char *after = q;

      /* "一是" and "一方面" have no separator: inline enumerations, never
       * headings. */
      if (!consume_separator (&after, end, &sep))
        return FALSE;
      m.level = FZ_MARKER_CHINESE;
      m.standard = sep == 0x3001;
      p = after;
    }
  else if ((q = p, consume_open_paren (&q, end, &half)))
    {
      const char *inner = q;
      const char *after;
      gboolean close_half = FALSE;

      if ((after = read_chinese_number (inner, end, &m.number)) != NULL)
        m.level = FZ_MARKER_PAREN_CHINESE;
      else if ((after = read_arabic_number (inner, end, &m.number)) != NULL)
        m.level = FZ_MARKER_PAREN_ARABIC;
      else
        return FALSE;

      if (!consume_close_paren (&after, end, &close_half))
        return FALSE;

      m.halfwidth_brackets = half || close_half;
      m.standard = !m.halfwidth_brackets;
      if (consume_separator (&after, end, &sep))
        m.standard = FALSE;
      p = after;
    }
  else if ((q = read_arabic_number (p, end, &m.number)) != NULL)
    {
      const char *after = q;
      gboolean close_half = FALSE;

      if (consume_close_paren (&after, end, &close_half))
        {
          m.level = FZ_MARKER_PAREN_ARABIC;
          m.standard = FALSE;
          m.halfwidth_brackets = close_half;
        }
      else if (consume_separator (&after, end, &sep) && sep != ',' && sep != 0xFF0C &&
               sep != ':' && sep != 0xFF1A)
        {
          /* "1.5万元" and "12.4”" are numbers, not markers. */
          if (after < end && (g_ascii_isdigit (*after) || *after == '%'))
            return FALSE;
          m.level = FZ_MARKER_ARABIC;
          m.standard = sep == '.' || sep == 0xFF0E;
        }
      else
        return FALSE;
      p = after;
    }
  else
    return FALSE;

  p = skip_spaces (p, end);

  /* A marker must head some text. */
  if (p >= end)
    return FALSE;

  m.marker_bytes = p - text;
  m.marker_chars = g_utf8_strlen (text, m.marker_bytes);

  if (marker)
    *marker = m;

  return TRUE;
}
