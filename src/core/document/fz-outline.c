/* fz-outline.c: heading markers and the section tree
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-outline"

#include "config.h"

#include <string.h>

#include "fz-outline.h"
#include "fz-text-util.h"

G_DEFINE_BOXED_TYPE (FzSection, fz_section, fz_section_copy, fz_section_free)

FzSection *
fz_section_copy (const FzSection *section)
{
  FzSection *copy = g_memdup2 (section, sizeof *section);

  copy->label = g_strdup (section->label);
  copy->heading = g_strdup (section->heading);
  copy->element = g_strdup (section->element);

  return copy;
}

void
fz_section_free (FzSection *section)
{
  if (section == NULL)
    return;

  g_free (section->label);
  g_free (section->heading);
  g_free (section->element);
  g_free (section);
}

static gboolean
is_trailing_punct (gunichar c)
{
  return fz_unichar_ends_sentence (c) || c == 0xFF1A || c == ':' || c == 0xFF0C || c == ',' ||
         c == 0x3001 || c == '*' || c == '.';
}

static char *
clean_heading (const char *text,
               gsize       len)
{
  g_autofree char *stripped = fz_strip_spaces (text, len);
  GString *out = g_string_new (NULL);
  char *end;

  for (const char *p = stripped; *p; p++)
    if (*p != '*')
      g_string_append_c (out, *p);

  end = out->str + out->len;
  while (out->len > 0)
    {
      char *prev = g_utf8_find_prev_char (out->str, end);

      if (!is_trailing_punct (g_utf8_get_char (prev)))
        break;
      g_string_truncate (out, prev - out->str);
      end = out->str + out->len;
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  FzMarkerLevel style;
  guint         last;
  int           section;
} StackEntry;

static gboolean
is_body_kind (FzParagraphKind kind)
{
  return kind == FZ_PARAGRAPH_BODY || kind == FZ_PARAGRAPH_HEADING;
}

GPtrArray *
fz_outline_build (FzDocument *document)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (StackEntry));
  GPtrArray *sections = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_section_free);
  guint n = fz_document_get_n_paragraphs (document);
  guint body_end = 0;

  g_return_val_if_fail (FZ_IS_DOCUMENT (document), sections);

  for (guint i = 0; i < n; i++)
    {
      const FzParagraph *para = fz_document_get_paragraph (document, i);
      const char *text;
      gsize len;
      FzHeadingMarker marker;
      FzSection *s;
      const char *rest, *stop = NULL;
      int k = -1;

      if (!is_body_kind (para->kind))
        continue;

      body_end = para->end;
      text = fz_document_get_paragraph_text (document, i, &len);
      if (!fz_heading_marker_parse (text, len, &marker))
        continue;

      rest = text + marker.marker_bytes;
      if (para->kind == FZ_PARAGRAPH_BODY)
        {
          for (const char *p = rest; p < text + len; p = g_utf8_next_char (p))
            if (fz_unichar_ends_sentence (g_utf8_get_char (p)))
              {
                stop = p;
                break;
              }
          /* A numbered paragraph with no stop at all is a heading as well. */
        }

      s = g_new0 (FzSection, 1);
      s->index = sections->len;
      s->marker_level = marker.level;
      s->number = marker.number;
      s->paragraph = i;
      s->label = g_strstrip (g_strndup (text, marker.marker_bytes));
      s->start = para->start;

      if (stop != NULL && g_utf8_next_char (stop) < text + len)
        {
          s->inline_heading = TRUE;
          s->heading = clean_heading (rest, stop - rest);
          s->heading_end = para->start + g_utf8_strlen (text, stop - text);
          s->body_start = s->heading_end + 1;
        }
      else
        {
          s->heading = clean_heading (rest, text + len - rest);
          s->heading_end = para->end;
          s->body_start = para->end + 1;
        }

      /* Place it in the tree.  A marker continues the outermost open run of
       * its style whose next number it is; "一、" after "三、" restarts inside
       * the open section, which is how writers nest 一二三 under a part. */
      for (guint j = 0; j < stack->len; j++)
        {
          StackEntry *e = &g_array_index (stack, StackEntry, j);
          if (e->style == marker.level && marker.number == e->last + 1)
            {
              k = j;
              break;
            }
        }
      if (k < 0)
        {
          int same = -1;

          for (int j = (int) stack->len - 1; j >= 0; j--)
            if (g_array_index (stack, StackEntry, j).style == marker.level)
              {
                same = j;
                break;
              }

          if (same >= 0 && marker.number == 1)
            {
              k = stack->len;
              s->restarted = TRUE;
            }
          else if (same >= 0)
            k = same;
          else
            {
              k = stack->len;
              while (k > 0 && g_array_index (stack, StackEntry, k - 1).style > marker.level)
                k--;
            }
        }

      g_array_set_size (stack, k);
      {
        StackEntry e = { marker.level, marker.number, s->index };
        g_array_append_val (stack, e);
      }
      s->depth = k + 1;
      s->parent = k > 0 ? g_array_index (stack, StackEntry, k - 1).section : -1;

      g_ptr_array_add (sections, s);
    }

  /* A section runs to the next heading at its depth or above, else to the
   * end of the body (the closing and signature are not part of it). */
  for (guint i = 0; i < sections->len; i++)
    {
      FzSection *s = g_ptr_array_index (sections, i);

      s->end = body_end;
      for (guint j = i + 1; j < sections->len; j++)
        {
          FzSection *t = g_ptr_array_index (sections, j);
          if (t->depth <= s->depth)
            {
              s->end = t->start > 0 ? t->start - 1 : 0;
              break;
            }
        }
      if (s->end < s->heading_end)
        s->end = s->heading_end;
      if (s->body_start > s->end)
        s->body_start = s->end;
    }

  return sections;
}

int
fz_outline_section_at (GPtrArray *sections,
                       guint      offset)
{
  int best = -1;

  for (guint i = 0; i < sections->len; i++)
    {
      FzSection *s = g_ptr_array_index (sections, i);

      if (s->start > offset)
        break;
      if (offset < s->end || (offset == s->end && offset == s->start))
        best = i;
    }

  return best;
}
