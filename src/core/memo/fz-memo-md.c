/* fz-memo-md.c: the review memo as Markdown
 *
 * For pasting into mail or a wiki; the tables are GitHub-flavoured.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include <string.h>

#include "fz-memo-private.h"

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

GBytes *
_fz_memo_write_markdown (FzMemo  *self,
                         GError **error)
{
  g_autoptr(GPtrArray) blocks = _fz_memo_get_blocks (self);
  GString *out = g_string_new (NULL);
  gsize len;

  for (guint i = 0; i < blocks->len; i++)
    {
      const FzMemoBlock *b = g_ptr_array_index (blocks, i);

      switch (b->kind)
        {
        case FZ_MEMO_BLOCK_TITLE:
          g_string_append (out, "# ");
          append_escaped (out, b->text, FALSE);
          g_string_append (out, "\n\n");
          break;

        case FZ_MEMO_BLOCK_META:
          append_escaped (out, b->text, FALSE);
          /* A hard line break keeps the header lines apart. */
          g_string_append (out, (i + 1 < blocks->len &&
                                 ((FzMemoBlock *) g_ptr_array_index (blocks, i + 1))->kind == FZ_MEMO_BLOCK_META)
                                ? "  \n" : "\n\n");
          break;

        case FZ_MEMO_BLOCK_HEADING:
          g_string_append (out, "## ");
          append_escaped (out, b->text, FALSE);
          g_string_append (out, "\n\n");
          break;

        case FZ_MEMO_BLOCK_PARAGRAPH:
          append_escaped (out, b->text, FALSE);
          g_string_append (out, "\n\n");
          break;

        case FZ_MEMO_BLOCK_SIGNATURE:
          g_string_append (out, "<p align=\"right\">");
          append_escaped (out, b->text, FALSE);
          g_string_append (out, "</p>\n\n");
          break;

        case FZ_MEMO_BLOCK_TABLE:
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
          break;

        default:
          g_assert_not_reached ();
        }
    }

  len = out->len;
  return g_bytes_new_take (g_string_free (out, FALSE), len);
}
