/* fz-memo-md.c: a memo as Markdown
 *
 * For pasting into mail or a wiki; the tables are GitHub-flavoured.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include <string.h>

#include "fz-memo-writers.h"

/* Characters that would start markup where plain text is meant. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    in_table)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (strchr ("\\`*_[]<>#|", *p) != NULL)
        g_string_append_c (out, '\\');
      if (in_table && (*p == '\n' || *p == '\r'))
        {
          g_string_append (out, "<br>");
          continue;
        }
      g_string_append_c (out, *p);
    }
}

static void
table (GString           *out,
       const FzMemoBlock *b)
{
  g_string_append (out, "|");
  for (guint c = 0; b->header[c] != NULL; c++)
    {
      g_string_append_c (out, ' ');
      append_escaped (out, b->header[c], TRUE);
      g_string_append (out, " |");
    }
  g_string_append (out, "\n|");
  for (guint c = 0; b->header[c] != NULL; c++)
    g_string_append (out, " --- |");
  g_string_append_c (out, '\n');
  for (guint r = 0; r < b->rows->len; r++)
    {
      char **cells = g_ptr_array_index (b->rows, r);

      g_string_append (out, "|");
      for (guint c = 0; cells[c] != NULL; c++)
        {
          g_string_append_c (out, ' ');
          append_escaped (out, cells[c], TRUE);
          g_string_append (out, " |");
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

/* Lines that belong together (the header lines of a summary, the
 * signature, the date and the note) end in a hard line break. */
static gboolean
runs_on (FzMemoDocument *doc,
         guint           i)
{
  FzMemoBlockKind kind = fz_memo_document_get_block (doc, i)->kind;
  FzMemoBlockKind next;

  if (i + 1 >= fz_memo_document_get_n_blocks (doc))
    return FALSE;
  next = fz_memo_document_get_block (doc, i + 1)->kind;

  return (kind == FZ_MEMO_BLOCK_META && next == FZ_MEMO_BLOCK_META) ||
         (kind == FZ_MEMO_BLOCK_SIGNATURE && next == FZ_MEMO_BLOCK_DATE);
}

GBytes *
_fz_memo_write_markdown (FzMemoDocument  *doc,
                         GError         **error)
{
  GString *out = g_string_new (NULL);
  gsize len;

  for (guint i = 0; i < fz_memo_document_get_n_blocks (doc); i++)
    {
      const FzMemoBlock *b = fz_memo_document_get_block (doc, i);

      switch (b->kind)
        {
        case FZ_MEMO_BLOCK_TITLE:
          g_string_append (out, "# ");
          append_escaped (out, b->text, FALSE);
          g_string_append (out, "\n\n");
          break;

        case FZ_MEMO_BLOCK_HEADING:
          g_string_append (out, "## ");
          append_escaped (out, b->text, FALSE);
          g_string_append (out, "\n\n");
          break;

        case FZ_MEMO_BLOCK_LETTERHEAD:
          g_string_append (out, "<p align=\"center\">");
          append_escaped (out, b->text, FALSE);
          g_string_append (out, "</p>\n\n");
          break;

        case FZ_MEMO_BLOCK_NUMBER:
        case FZ_MEMO_BLOCK_SIGNATURE:
        case FZ_MEMO_BLOCK_DATE:
          g_string_append (out, "<p align=\"right\">");
          append_escaped (out, b->text, FALSE);
          g_string_append (out, "</p>\n\n");
          break;

        case FZ_MEMO_BLOCK_PARAGRAPH:
          if (b->lead != NULL && *b->lead != '\0')
            {
              g_string_append (out, "**");
              append_escaped (out, b->lead, FALSE);
              g_string_append (out, "**");
            }
          {
            g_auto(GStrv) lines = g_strsplit (b->text, "\n", -1);

            for (guint l = 0; lines[l] != NULL; l++)
              {
                append_escaped (out, lines[l], FALSE);
                g_string_append (out, "\n\n");
              }
          }
          break;

        case FZ_MEMO_BLOCK_ADDRESSEE:
        case FZ_MEMO_BLOCK_META:
        case FZ_MEMO_BLOCK_NOTE:
          append_escaped (out, b->text, FALSE);
          g_string_append (out, runs_on (doc, i) ? "  \n" : "\n\n");
          break;

        case FZ_MEMO_BLOCK_TABLE:
          table (out, b);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  len = out->len;
  return g_bytes_new_take (g_string_free (out, FALSE), len);
}
