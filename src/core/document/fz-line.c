/* fz-line.c: one line of a report as the normalizer and the layout pass read it
 *
 * Both passes ask the same questions of a line — its text in simplified
 * characters, whether it is a heading, whether it holds a sentence — so the
 * answers live here, below both.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-heading-marker.h"
#include "fz-line-private.h"
#include "fz-script.h"

const char *
_fz_line_key (FzLine *line)
{
  if (!line->key_done)
    {
      line->key = fz_script_simplify (line->text, -1, NULL);
      line->key_done = TRUE;
    }

  return line->key != NULL ? line->key : line->text;
}

gboolean
_fz_unichar_is_sentence_punct (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B ||
         c == '!' || c == '?' || c == ';';
}

gboolean
_fz_text_has_sentence_punct (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (_fz_unichar_is_sentence_punct (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

gboolean
_fz_line_is_heading (const char *text)
{
  FzHeadingMarker marker;
  gsize len = strlen (text);
  const char *rest;
  const char *stop;

  if (!fz_heading_marker_parse (text, len, &marker))
    return FALSE;

  rest = text + marker.marker_bytes;
  if (*rest == '\0')
    return FALSE;

  /* A marker line with a full stop inside is a lead heading followed by body
   * text; one with the stop only at its very end is still a heading. */
  stop = NULL;
  for (const char *p = rest; *p; p = g_utf8_next_char (p))
    if (_fz_unichar_is_sentence_punct (g_utf8_get_char (p)))
      {
        stop = p;
        break;
      }

  if (stop == NULL)
    return g_utf8_strlen (rest, -1) <= 200;

  return *g_utf8_next_char (stop) == '\0' && g_utf8_strlen (rest, -1) <= 60;
}
