/* fz-normalizer.c: from the lines an importer read to clean paragraphs
 *
 * Real reports reach the bureau damaged: copied out of PDFs with page breaks
 * in mid-sentence, page numbers ("— 3 —") between the halves, stray spaces
 * inside titles ("法治政府 建设"), full-width indents and NBSPs.  This pass
 * repairs what can be repaired without guessing, and classifies the 公文
 * front matter and closing parts so later passes know where the body is.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-normalizer"

#include "config.h"

#include <string.h>

#include "fz-document-private.h"
#include "fz-heading-marker.h"
#include "fz-regex.h"
#include "fz-text-util.h"

typedef struct
{
  char            *text;          /* cleaned */
  guint            n_chars;
  guint            line;
  guint            line_end;
  guint            page;
  FzParagraphKind  kind;
  guint            hard_break : 1;
  guint            stands_alone : 1;
  guint            is_heading : 1;
  guint            joined : 1;    /* appended to the previous line */
} Line;

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_free (line->text);
}

FZ_DEFINE_STATIC_REGEX (page_number_regex,
              "^(?:[\\-－—–―─~～\\s]*第?\\s*\\d{1,4}\\s*页?[\\-－—–―─~～\\s]*"
              "|第\\s*\\d{1,4}\\s*页\\s*[,，/／]?\\s*共\\s*\\d{1,4}\\s*页"
              "|\\d{1,4}\\s*/\\s*\\d{1,4}|\\d{1,3})$")
FZ_DEFINE_STATIC_REGEX (doc_number_regex,
              "^[\\p{Han}A-Za-z]{1,15}\\s*[〔\\[【(（［]\\s*(?:19|20)\\d{2}\\s*[〕\\]】)）］]\\s*第?\\s*\\d{1,5}\\s*号")
FZ_DEFINE_STATIC_REGEX (signer_regex, "^签\\s*发\\s*人\\s*[：:]")
FZ_DEFINE_STATIC_REGEX (date_line_regex,
              "^(?:(?:19|20)\\d{2}|[〇○零一二三四五六七八九]{4})\\s*年\\s*[0-9〇○零一二三四五六七八九十]{1,3}\\s*月\\s*"
              "[0-9〇○零一二三四五六七八九十]{1,3}\\s*日$"
              "|^(?:19|20)\\d{2}\\s*[.\\-/．]\\s*\\d{1,2}\\s*[.\\-/．]\\s*\\d{1,2}$")
FZ_DEFINE_STATIC_REGEX (printed_regex, "印\\s*发$")
FZ_DEFINE_STATIC_REGEX (cc_regex, "^抄\\s*送\\s*[：:]")
FZ_DEFINE_STATIC_REGEX (note_regex,
              "^[（(]?\\s*(?:联系人|联\\s*系\\s*人|联系电话|此件|本件|附注)")
FZ_DEFINE_STATIC_REGEX (closing_regex, "^(?:特此报告|以上报告|专此报告|特此汇报)")
FZ_DEFINE_STATIC_REGEX (org_regex,
              "(?:人民政府|政府|委员会|党委|党工委|管委会|办事处|办公室|司法局|局|厅|委|办|中心|镇|乡|街道|所|院|队)$")
FZ_DEFINE_STATIC_REGEX (title_keyword_regex,
              "报告|情况|总结|汇报|法治|年度|关于")

static gboolean
is_sentence_punct (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B ||
         c == '!' || c == '?' || c == ';';
}

static gboolean
has_sentence_punct (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (is_sentence_punct (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

static gboolean
is_joinable_neighbour (gunichar c)
{
  return fz_unichar_is_cjk (c);
}

static gboolean
is_numberish (gunichar c)
{
  return g_unichar_isdigit (c) || c == '%' || c == 0xFF05 || c == '.';
}

/* Cleans one line: invisible characters go, every kind of space becomes an
 * ASCII space, the ends are trimmed, and a run of spaces between two CJK
 * characters (or CJK and a number: "44 次") disappears.  A wide gap in a
 * short line with no sentence punctuation is kept as one space: that is how
 * two signing bodies stand side by side ("中共湖头镇委员会      湖头镇人民政府").
 * @keep_gaps keeps every gap between Han characters (names of signers).
 *
 * Every line of every report passes here, so it works in one pass over the
 * bytes and skips the space handling for the many lines that have none. */
static char *
clean_line (const char *text,
            gboolean    keep_gaps,
            guint      *n_chars_out)
{
  g_autofree char *valid = NULL;
  gsize len = strlen (text);
  GString *mapped;
  GString *out;
  gboolean keep_wide_gaps;
  gboolean has_space = FALSE;
  gboolean punct = FALSE;
  guint n_chars = 0;
  const char *p, *end;

  if (!g_utf8_validate_len (text, len, NULL))
    {
      /* The decoder guarantees UTF-8; this is only a safety net for
       * callers of the public constructors. */
      valid = g_utf8_make_valid (text, len);
      text = valid;
      len = strlen (text);
    }

  /* Most lines need no change at all: find out before copying anything. */
  for (p = text, end = text + len; p < end;)
    {
      guchar b = *p;
      gunichar c;

      if (b < 0x80)
        {
          if (b < 0x20 || b == 0x7F || b == ' ')
            break;
          punct |= b == '!' || b == '?' || b == ';';
          n_chars++;
          p++;
          continue;
        }
      c = g_utf8_get_char (p);
      if (fz_unichar_is_invisible (c) || fz_unichar_is_space (c) || c < 0xA0)
        break;
      punct |= is_sentence_punct (c);
      n_chars++;
      p = g_utf8_next_char (p);
    }
  if (p == end)
    {
      if (n_chars_out)
        *n_chars_out = n_chars;
      return g_strndup (text, len);
    }

  /* Copy the clean prefix in one go, then map character by character. */
  mapped = g_string_sized_new (len);
  g_string_append_len (mapped, text, p - text);
  for (; p < end;)
    {
      guchar b = *p;

      if (b < 0x80)
        {
          if (b == ' ' || b == '\t' || b == '\f' || b == '\v')
            {
              g_string_append_c (mapped, ' ');
              has_space = TRUE;
              n_chars++;
            }
          else if (b >= 0x20 && b != 0x7F)
            {
              g_string_append_c (mapped, b);
              punct |= b == '!' || b == '?' || b == ';';
              n_chars++;
            }
          p++;
        }
      else
        {
          const char *next = g_utf8_next_char (p);
          gunichar c = g_utf8_get_char (p);

          if (fz_unichar_is_invisible (c) || (c >= 0x80 && c < 0xA0))
            ;
          else if (fz_unichar_is_space (c))
            {
              g_string_append_c (mapped, ' ');
              has_space = TRUE;
              n_chars++;
            }
          else
            {
              g_string_append_len (mapped, p, next - p);
              punct |= is_sentence_punct (c);
              n_chars++;
            }
          p = next;
        }
    }

  if (!has_space)
    {
      if (n_chars_out)
        *n_chars_out = n_chars;
      return g_string_free (mapped, FALSE);
    }

  keep_wide_gaps = n_chars <= 48 && !punct;

  out = g_string_sized_new (mapped->len);
  n_chars = 0;
  p = mapped->str;
  while (*p == ' ')
    p++;

  while (*p)
    {
      if (*p == ' ')
        {
          const char *q = p;
          guint run = 0;
          gunichar before, after;

          while (*q == ' ')
            {
              q++;
              run++;
            }
          if (*q == '\0')
            break;

          before = out->len > 0 ? g_utf8_get_char (g_utf8_find_prev_char (out->str, out->str + out->len)) : 0;
          after = g_utf8_get_char (q);

          if (((run >= 2 && keep_wide_gaps) || keep_gaps) &&
              fz_unichar_is_han (before) && fz_unichar_is_han (after))
            {
              g_string_append_c (out, ' ');
              n_chars++;
            }
          else if ((is_joinable_neighbour (before) && (is_joinable_neighbour (after) || is_numberish (after))) ||
                   (is_numberish (before) && is_joinable_neighbour (after)))
            ; /* drop */
          else
            {
              g_string_append_c (out, ' ');
              n_chars++;
            }

          p = q;
          continue;
        }

      {
        const char *next = g_utf8_next_char (p);
        g_string_append_len (out, p, next - p);
        n_chars++;
        p = next;
      }
    }

  g_string_free (mapped, TRUE);

  if (n_chars_out)
    *n_chars_out = n_chars;

  return g_string_free (out, FALSE);
}

static gboolean
is_page_number (const char *text)
{
  gboolean has_dash = FALSE;

  if (!fz_regex_matches (page_number_regex (), text, -1))
    return FALSE;

  /* A bare number counts only when short: "3" is a page, "2024" is not. */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isdigit (g_utf8_get_char (p)) && *p != ' ')
      has_dash = TRUE;

  return has_dash || strlen (text) <= 3;
}

static gboolean
is_heading_line (const char *text)
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
    if (is_sentence_punct (g_utf8_get_char (p)))
      {
        stop = p;
        break;
      }

  if (stop == NULL)
    return g_utf8_strlen (rest, -1) <= 200;

  return *g_utf8_next_char (stop) == '\0' && g_utf8_strlen (rest, -1) <= 60;
}

static gboolean
is_orgish (const char *text)
{
  guint n = g_utf8_strlen (text, -1);

  return n >= 2 && n <= 48 && !has_sentence_punct (text) &&
         strchr (text, ',') == NULL && strstr (text, "，") == NULL &&
         fz_regex_matches (org_regex (), text, -1);
}

static gboolean
is_date_line (const char *text)
{
  return fz_regex_matches (date_line_regex (), text, -1);
}

/* Front matter: 发文机关标志, 文号, 签发人, title lines and 主送机关, up to the
 * first body line. */
static guint
classify_front (GArray *lines)
{
  guint i;
  gboolean seen_title = FALSE;
  guint title_lines = 0;

  for (i = 0; i < lines->len && i < 16; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      const char *t = l->text;
      gsize len = strlen (t);

      if (fz_regex_matches (signer_regex (), t, len))
        l->kind = FZ_PARAGRAPH_SIGNER;
      else if (fz_regex_matches (doc_number_regex (), t, len) && l->n_chars <= 48)
        l->kind = FZ_PARAGRAPH_DOC_NUMBER;
      else if (!seen_title && g_str_has_suffix (t, "文件") && l->n_chars <= 40 && !has_sentence_punct (t))
        l->kind = FZ_PARAGRAPH_ISSUER_MARK;
      else if ((g_str_has_suffix (t, "：") || g_str_has_suffix (t, ":")) &&
               l->n_chars <= 80 && !has_sentence_punct (t) && !is_heading_line (t) &&
               !fz_heading_marker_parse (t, len, &(FzHeadingMarker) { 0 }))
        {
          l->kind = FZ_PARAGRAPH_ADDRESSEE;
          return i + 1;
        }
      else if (!has_sentence_punct (t) && l->n_chars <= 100 && title_lines < 4 &&
               !fz_heading_marker_parse (t, len, &(FzHeadingMarker) { 0 }) &&
               !is_date_line (t))
        {
          gboolean keyword = fz_regex_matches (title_keyword_regex (), t, len);
          gboolean next_is_title = FALSE;

          if (!keyword && i + 1 < lines->len)
            {
              Line *n = &g_array_index (lines, Line, i + 1);
              next_is_title = !has_sentence_punct (n->text) && n->n_chars <= 100 &&
                              fz_regex_matches (title_keyword_regex (), n->text, -1);
            }

          if (!keyword && !next_is_title)
            return i;

          l->kind = FZ_PARAGRAPH_TITLE;
          seen_title = TRUE;
          title_lines++;
        }
      else
        return i;
    }

  return i;
}

/* Closing parts, read from the end: 印发, 抄送, 附注, 成文日期, 署名, 特此报告. */
static guint
classify_tail (GArray *lines,
               guint   body_start)
{
  int i = (int) lines->len - 1;
  gboolean have_date = FALSE;

  /* 版记 and 附注 first. */
  while (i >= (int) body_start)
    {
      Line *l = &g_array_index (lines, Line, i);
      const char *t = l->text;

      if (fz_regex_matches (printed_regex (), t, -1) && l->n_chars <= 60)
        {
          l->kind = FZ_PARAGRAPH_PRINTED;
          /* "北坡镇党政综合办公室" standing on the line above its date. */
          if (i - 1 >= (int) body_start)
            {
              Line *above = &g_array_index (lines, Line, i - 1);
              if (is_orgish (above->text) && !is_date_line (above->text))
                {
                  above->kind = FZ_PARAGRAPH_PRINTED;
                  i--;
                }
            }
        }
      else if (fz_regex_matches (cc_regex (), t, -1))
        l->kind = FZ_PARAGRAPH_CC;
      else if (fz_regex_matches (note_regex (), t, -1) && l->n_chars <= 120)
        l->kind = FZ_PARAGRAPH_NOTE;
      else
        break;
      i--;
    }

  if (i >= (int) body_start && is_date_line (g_array_index (lines, Line, i).text))
    {
      g_array_index (lines, Line, i).kind = FZ_PARAGRAPH_DATE;
      have_date = TRUE;
      i--;
    }

  /* Up to three signing bodies above the date (party committee and
   * government sign joint township reports). */
  for (guint n = 0; n < 3 && i >= (int) body_start; n++)
    {
      Line *l = &g_array_index (lines, Line, i);

      if (!is_orgish (l->text) || is_heading_line (l->text))
        break;
      /* Without a date below, only the very last line may be a signature. */
      if (!have_date && n > 0)
        break;
      l->kind = FZ_PARAGRAPH_SIGNATURE;
      i--;
    }

  if (i >= (int) body_start)
    {
      Line *l = &g_array_index (lines, Line, i);

      if (fz_regex_matches (closing_regex (), l->text, -1) && l->n_chars <= 24)
        {
          l->kind = FZ_PARAGRAPH_CLOSING;
          i--;
        }
    }

  return (guint) (i + 1);
}

static void
append_joined (GString    *text,
               const char *more)
{
  gunichar before, after;

  if (text->len == 0)
    {
      g_string_append (text, more);
      return;
    }

  before = g_utf8_get_char (g_utf8_find_prev_char (text->str, text->str + text->len));
  after = g_utf8_get_char (more);

  /* Latin words broken at a line end need their space back; Chinese never
   * takes one. */
  if (g_unichar_isalpha (before) && !fz_unichar_is_cjk (before) &&
      g_unichar_isalpha (after) && !fz_unichar_is_cjk (after))
    g_string_append_c (text, ' ');

  g_string_append (text, more);
}

GPtrArray *
_fz_normalize_lines (GPtrArray *source)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (Line));
  GPtrArray *drafts;
  FzDraftParagraph *current = NULL;
  guint body_start, body_end;

  g_array_set_clear_func (lines, line_clear);

  for (guint i = 0; i < source->len; i++)
    {
      FzSourceLine *sl = g_ptr_array_index (source, i);
      Line l = { 0 };

      /* Several signers stand on one line separated by spaces. */
      l.text = clean_line (sl->text, strstr (sl->text, "签发人") != NULL, &l.n_chars);
      if (l.text[0] == '\0' || is_page_number (l.text))
        {
          g_free (l.text);
          continue;
        }
      l.line = l.line_end = sl->line;
      l.page = sl->page;
      l.hard_break = sl->hard_break;
      l.stands_alone = sl->stands_alone;
      l.kind = FZ_PARAGRAPH_BODY;
      g_array_append_val (lines, l);
    }

  body_start = classify_front (lines);
  body_end = classify_tail (lines, body_start);

  drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) _fz_draft_paragraph_free);

  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      gboolean in_body = i >= body_start && i < body_end;
      gboolean heading = in_body && is_heading_line (l->text);

      if (current != NULL)
        {
          gboolean join = FALSE;

          if (l->stands_alone)
            join = FALSE;
          else if (current->kind == FZ_PARAGRAPH_TITLE && l->kind == FZ_PARAGRAPH_TITLE)
            join = TRUE;
          else if (current->kind == FZ_PARAGRAPH_BODY && in_body && !heading &&
                   !fz_text_ends_paragraph (current->text->str, current->text->len))
            join = TRUE;

          if (join)
            {
              append_joined (current->text, l->text);
              current->source_line_end = l->line;
              continue;
            }
        }

      current = g_new0 (FzDraftParagraph, 1);
      current->text = g_string_new (NULL);
      g_string_append (current->text, l->text);
      current->kind = heading ? FZ_PARAGRAPH_HEADING : l->kind;
      current->source_line = l->line;
      current->source_line_end = l->line;
      current->page = l->page;
      g_ptr_array_add (drafts, current);

      /* A hard break in the source (a real paragraph end in a .docx)
       * stops any joining after this line; a heading never continues. */
      if ((l->hard_break && fz_text_ends_paragraph (l->text, strlen (l->text))) || l->stands_alone)
        current = NULL;
      else if (heading || !in_body)
        current = current->kind == FZ_PARAGRAPH_TITLE ? current : NULL;
    }

  /* Joining may glue stray spaces back into a CJK run ("法治政府 " +
   * "建设"); clean once more where it happened. */
  for (guint i = 0; i < drafts->len; i++)
    {
      FzDraftParagraph *d = g_ptr_array_index (drafts, i);
      g_autofree char *again = NULL;

      if (d->source_line == d->source_line_end)
        continue;

      again = clean_line (d->text->str, FALSE, NULL);
      if (strcmp (again, d->text->str) != 0)
        g_string_assign (d->text, again);
    }

  return drafts;
}
