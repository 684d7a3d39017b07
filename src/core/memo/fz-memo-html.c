/* fz-memo-html.c: a memo as a web page
 *
 * One self-contained file that prints on A4 much like the .docx: the same
 * margins and font families, with the fonts Debian ships as fallbacks.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include "fz-memo-writers.h"

static const char style[] =
  "@page { size: A4; margin: 37mm 26mm 35mm 28mm; }\n"
  "body { font-family: 仿宋_GB2312, 仿宋, FangSong, 'Noto Serif CJK SC', serif;"
  " font-size: 16pt; line-height: 1.75; max-width: 156mm; margin: 2em auto; }\n"
  "p.letterhead { font-family: 方正小标宋简体, 'FZXiaoBiaoSong-B05S', 宋体, 'Noto Serif CJK SC', serif;"
  " font-size: 26pt; color: #e00000; text-align: center; margin: 0;"
  " padding-bottom: 6pt; border-bottom: 4px double #e00000; }\n"
  "p.number { text-align: right; margin: 0.5em 0 0; }\n"
  "h1 { font-family: 方正小标宋简体, 'FZXiaoBiaoSong-B05S', 宋体, 'Noto Serif CJK SC', serif;"
  " font-size: 22pt; font-weight: normal; text-align: center; margin: 1em 0; }\n"
  "h2 { font-family: 黑体, SimHei, 'Noto Sans CJK SC', sans-serif; font-size: 16pt; font-weight: normal;"
  " text-indent: 2em; margin: 0; }\n"
  "span.lead { font-family: 楷体_GB2312, 楷体, KaiTi, 'Noto Serif CJK SC', serif; }\n"
  "p.meta, p.addressee { margin: 0; }\n"
  "p.body, p.note { text-indent: 2em; margin: 0; }\n"
  "p.signature { text-align: right; margin: 1.75em 2em 0 0; }\n"
  "p.date { text-align: right; margin: 0 2em 0 0; }\n"
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

/* A block's text with line breaks is several paragraphs, the lead on the
 * first. */
static void
paragraph (GString    *out,
           const char *css_class,
           const char *lead,
           const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_string_append_printf (out, "<p class=\"%s\">", css_class);
      if (i == 0 && lead != NULL && *lead != '\0')
        {
          g_string_append (out, "<span class=\"lead\">");
          append_escaped (out, lead);
          g_string_append (out, "</span>");
        }
      append_escaped (out, lines[i]);
      g_string_append (out, "</p>\n");
    }
}

static void
table (GString           *out,
       const FzMemoBlock *b)
{
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
}

GBytes *
_fz_memo_write_html (FzMemoDocument  *doc,
                     GError         **error)
{
  GString *out = g_string_new (NULL);
  gsize len;

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
  append_escaped (out, fz_memo_document_get_heading (doc));
  g_string_append_printf (out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);

  for (guint i = 0; i < fz_memo_document_get_n_blocks (doc); i++)
    {
      const FzMemoBlock *b = fz_memo_document_get_block (doc, i);

      switch (b->kind)
        {
        case FZ_MEMO_BLOCK_LETTERHEAD:
          paragraph (out, "letterhead", NULL, b->text);
          break;
        case FZ_MEMO_BLOCK_NUMBER:
          paragraph (out, "number", NULL, b->text);
          break;
        case FZ_MEMO_BLOCK_TITLE:
          g_string_append (out, "<h1>");
          append_escaped (out, b->text);
          g_string_append (out, "</h1>\n");
          break;
        case FZ_MEMO_BLOCK_ADDRESSEE:
          paragraph (out, "addressee", NULL, b->text);
          break;
        case FZ_MEMO_BLOCK_META:
          paragraph (out, "meta", NULL, b->text);
          break;
        case FZ_MEMO_BLOCK_HEADING:
          g_string_append (out, "<h2>");
          append_escaped (out, b->text);
          g_string_append (out, "</h2>\n");
          break;
        case FZ_MEMO_BLOCK_PARAGRAPH:
          paragraph (out, "body", b->lead, b->text);
          break;
        case FZ_MEMO_BLOCK_SIGNATURE:
          paragraph (out, "signature", NULL, b->text);
          break;
        case FZ_MEMO_BLOCK_DATE:
          paragraph (out, "date", NULL, b->text);
          break;
        case FZ_MEMO_BLOCK_NOTE:
          paragraph (out, "note", NULL, b->text);
          break;
        case FZ_MEMO_BLOCK_TABLE:
          table (out, b);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  g_string_append (out, "</body>\n</html>\n");

  len = out->len;
  return g_bytes_new_take (g_string_free (out, FALSE), len);
}
