/* fz-script.c: the traditional-to-simplified table for analysis
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-script"

#include "config.h"

#include <string.h>

#include "fz-lists.h"
#include "fz-script.h"

/* Indexed by code point: the simplified form, 0 for none.  128 KiB, read
 * once; a lookup is one load, which matters in passes over every
 * character. */
typedef struct
{
  guint16 to_simplified[0x10000];
  /* A bit per listed character: 8 KiB, which stays in the cache while a
   * text is scanned; the table itself is read only on a hit. */
  guint8  listed[0x10000 / 8];
} ScriptTable;

/* Only three-byte characters are taken (all of U+0800–U+FFFF outside the
 * surrogates), so a replacement never changes a length. */
static gboolean
is_three_byte (gunichar c)
{
  return c >= 0x800 && c <= 0xFFFF && (c < 0xD800 || c > 0xDFFF);
}

/* "爲 为": the traditional character, white space, the simplified form. */
static void
add_pair (const char *line,
          gpointer    user_data)
{
  ScriptTable *table = user_data;
  gunichar trad = g_utf8_get_char (line);
  const char *rest = g_utf8_next_char (line);
  gunichar simp;

  while (*rest == ' ' || *rest == '\t')
    rest++;
  if (*rest == '\0')
    return;
  simp = g_utf8_get_char (rest);
  if (*g_utf8_next_char (rest) != '\0' && !g_ascii_isspace (*g_utf8_next_char (rest)))
    return;                       /* one character to several: not for analysis */
  if (!is_three_byte (trad) || !is_three_byte (simp) || trad == simp)
    return;

  table->to_simplified[trad] = simp;
  table->listed[trad / 8] |= 1 << (trad % 8);
}

static const ScriptTable *
table_get (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      ScriptTable *table = g_new0 (ScriptTable, 1);

      fz_lists_load ("traditional-chars.txt", add_pair, table);
      g_once_init_leave (&once, (gsize) table);
    }

  return (const ScriptTable *) once;
}

const guint16 *
fz_script_get_table (void)
{
  return table_get ()->to_simplified;
}

const guint8 *
fz_script_get_bitmap (void)
{
  return table_get ()->listed;
}

gunichar
fz_script_simplified_of (gunichar c)
{
  if (c >= 0x10000)
    return 0;
  return table_get ()->to_simplified[c];
}

guint
fz_script_simplify_in_place (char  *text,
                             gsize  len)
{
  const ScriptTable *table = table_get ();
  guchar *p = (guchar *) text, *end = p + len;
  guint n = 0;

  while (p < end)
    {
      guchar b = *p;
      gunichar c, s;

      if (b < 0xE0 || b >= 0xF0 || end - p < 3)
        {
          /* ASCII, two- and four-byte sequences: never in the table. */
          p += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 1 : 4;
          continue;
        }

      c = ((b & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      if ((table->listed[c / 8] & (1 << (c % 8))) != 0 && (s = table->to_simplified[c]) != 0)
        {
          p[0] = 0xE0 | (s >> 12);
          p[1] = 0x80 | ((s >> 6) & 0x3F);
          p[2] = 0x80 | (s & 0x3F);
          n++;
        }
      p += 3;
    }

  return n;
}

/* The first listed character in @text[0, @len), or NULL: most reports
 * have none, and then nothing is copied. */
static const char *
first_traditional (const ScriptTable *table,
                   const char        *text,
                   gsize              len)
{
  const guchar *p = (const guchar *) text, *end = p + len;

  while (p < end)
    {
      guchar b = *p;

      if (b < 0xE0 || b >= 0xF0 || end - p < 3)
        {
          p += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 1 : 4;
          continue;
        }
      {
        gunichar c = ((b & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);

        if ((table->listed[c / 8] & (1 << (c % 8))) != 0)
          return (const char *) p;
      }
      p += 3;
    }

  return NULL;
}

char *
fz_script_simplify (const char *text,
                    gssize      len,
                    guint      *n_traditional)
{
  const char *first;
  char *copy;
  guint n;

  g_return_val_if_fail (text != NULL, NULL);

  if (len < 0)
    len = strlen (text);

  if (n_traditional != NULL)
    *n_traditional = 0;
  if ((first = first_traditional (table_get (), text, len)) == NULL)
    return NULL;

  copy = g_strndup (text, len);
  n = fz_script_simplify_in_place (copy + (first - text), len - (first - text));
  if (n_traditional != NULL)
    *n_traditional = n;

  return copy;
}
