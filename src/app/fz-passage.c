/* fz-passage.c: a passage of a report, quoted in a row
 *
 * Rows quote what a point stands on: a comma alone says nothing, so a
 * short passage comes with a few characters of its paragraph around it,
 * and a whole section is cut to its first words.  Only the paragraph is
 * read, whatever the report's size.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-passage.h"

/* Appends @len bytes of @text escaped, line breaks as spaces. */
static void
append_escaped (GString    *out,
                const char *text,
                gsize       len)
{
  g_autofree char *copy = g_strndup (text, len);
  g_autofree char *escaped = NULL;

  g_strdelimit (copy, "\n\r\t", ' ');
  escaped = g_markup_escape_text (copy, -1);
  g_string_append (out, escaped);
}

char *
fz_passage_markup (FzDocument *doc,
                   guint       start,
                   guint       end,
                   guint       context,
                   guint       max)
{
  guint length, from, to, shown_end;
  const FzParagraph *paragraph;
  const char *text;
  int index;
  GString *out;

  g_return_val_if_fail (FZ_IS_DOCUMENT (doc), NULL);

  length = fz_document_get_length (doc);
  if (start == G_MAXUINT || start > length)
    return NULL;
  end = CLAMP (end, start, length);

  /* Context from the passage's own paragraph only. */
  from = start;
  to = end;
  index = fz_document_paragraph_at (doc, start);
  if (index >= 0 && (paragraph = fz_document_get_paragraph (doc, index)) != NULL)
    {
      from = start - MIN (context, start > paragraph->start ? start - paragraph->start : 0);
      to = end + MIN (context, paragraph->end > end ? paragraph->end - end : 0);
    }
  shown_end = MIN (end, start + max);

  text = fz_document_get_text (doc);
  out = g_string_new (NULL);
  if (index >= 0 && from > fz_document_get_paragraph (doc, index)->start)
    g_string_append (out, "…");
  append_escaped (out, text + fz_document_char_to_byte (doc, from),
                  fz_document_char_to_byte (doc, start) - fz_document_char_to_byte (doc, from));
  g_string_append (out, "<b>");
  append_escaped (out, text + fz_document_char_to_byte (doc, start),
                  fz_document_char_to_byte (doc, shown_end) - fz_document_char_to_byte (doc, start));
  g_string_append (out, shown_end < end ? "…</b>" : "</b>");
  if (shown_end == end)
    {
      append_escaped (out, text + fz_document_char_to_byte (doc, end),
                      fz_document_char_to_byte (doc, to) - fz_document_char_to_byte (doc, end));
      if (index >= 0 && to < fz_document_get_paragraph (doc, index)->end)
        g_string_append (out, "…");
    }

  return g_string_free (out, FALSE);
}

char *
fz_passage_one_line (const char *text,
                     guint       max)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");
  glong len;

  g_strdelimit (copy, "\n\r\t", ' ');
  g_strstrip (copy);
  len = g_utf8_strlen (copy, -1);
  if (len <= (glong) max)
    return g_steal_pointer (&copy);
  {
    g_autofree char *head = g_utf8_substring (copy, 0, max);

    return g_strconcat (head, "…", NULL);
  }
}
