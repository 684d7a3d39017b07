/* fz-memo-html.c: the review memo as a web page
 *
 * One self-contained file that prints on A4 much like the .docx: the same
 * margins and font families, with the fonts Debian ships as fallbacks.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include "fz-memo-private.h"

static const char style[] =
  "@page { size: A4; margin: 37mm 26mm 35mm 28mm; }\n"
  "body { font-family: FangSong, 'FangSong_GB2312', 仿宋, 'Noto Serif CJK SC', serif;"
  " font-size: 16pt; line-height: 1.75; max-width: 156mm; margin: 2em auto; }\n"
  "h1 { font-family: 'FZXiaoBiaoSong-B05S', 方正小标宋简体, 'Noto Serif CJK SC', serif;"
  " font-size: 22pt; font-weight: normal; text-align: center; }\n"
  "h2 { font-family: SimHei, 黑体, 'Noto Sans CJK SC', sans-serif; font-size: 16pt; font-weight: normal; }\n"
  "p.meta { margin: 0; }\n"
  "p.body { text-indent: 2em; margin: 0; }\n"
  "p.signature { text-align: right; margin: 0; }\n"
  "table { border-collapse: collapse; width: 100%; font-size: 12pt; line-height: 1.4; }\n"
  "th, td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; }\n"
  "th { font-family: SimHei, 黑体, 'Noto Sans CJK SC', sans-serif; font-weight: normal; }\n";

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

GBytes *
_fz_memo_write_html (FzMemo  *self,
                     GError **error)
{
  g_autoptr(GPtrArray) blocks = _fz_memo_get_blocks (self);
  GString *out = g_string_new (NULL);
  gsize len;

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
  append_escaped (out, fz_memo_get_heading (self));
  g_string_append_printf (out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);

  for (guint i = 0; i < blocks->len; i++)
    {
      const FzMemoBlock *b = g_ptr_array_index (blocks, i);

      switch (b->kind)
        {
        case FZ_MEMO_BLOCK_TITLE:
          g_string_append (out, "<h1>");
          append_escaped (out, b->text);
          g_string_append (out, "</h1>\n");
          break;

        case FZ_MEMO_BLOCK_META:
          g_string_append (out, "<p class=\"meta\">");
          append_escaped (out, b->text);
          g_string_append (out, "</p>\n");
          break;

        case FZ_MEMO_BLOCK_HEADING:
          g_string_append (out, "<h2>");
          append_escaped (out, b->text);
          g_string_append (out, "</h2>\n");
          break;

        case FZ_MEMO_BLOCK_PARAGRAPH:
          g_string_append (out, "<p class=\"body\">");
          append_escaped (out, b->text);
          g_string_append (out, "</p>\n");
          break;

        case FZ_MEMO_BLOCK_SIGNATURE:
          g_string_append (out, "<p class=\"signature\">");
          append_escaped (out, b->text);
          g_string_append (out, "</p>\n");
          break;

        case FZ_MEMO_BLOCK_TABLE:
          g_string_append (out, "<table>\n<colgroup>");
          for (guint c = 0; b->header[c] != NULL; c++)
            g_string_append_printf (out, "<col style=\"width: %u%%\">", (guint) (b->widths[c] * 100 + 0.5));
          g_string_append (out, "</colgroup>\n<thead><tr>");
          for (guint c = 0; b->header[c] != NULL; c++)
            {
              g_string_append (out, "<th>");
              append_escaped (out, b->header[c]);
              g_string_append (out, "</th>");
            }
          g_string_append (out, "</tr></thead>\n<tbody>\n");
          for (guint r = 0; r < b->rows->len; r++)
            {
              char **cells = g_ptr_array_index (b->rows, r);

              g_string_append (out, "<tr>");
              for (guint c = 0; cells[c] != NULL; c++)
                {
                  g_string_append (out, "<td>");
                  append_escaped (out, cells[c]);
                  g_string_append (out, "</td>");
                }
              g_string_append (out, "</tr>\n");
            }
          g_string_append (out, "</tbody>\n</table>\n");
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_string_append (out, "</body>\n</html>\n");

  len = out->len;
  return g_bytes_new_take (g_string_free (out, FALSE), len);
}
