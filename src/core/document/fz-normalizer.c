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

#include "fz-heading-marker.h"
#include "fz-layout-private.h"
#include "fz-line-private.h"
#include "fz-script.h"
#include "fz-regex.h"
#include "fz-text-util.h"

static void
line_clear (gpointer data)
{
  FzLine *line = data;

  g_free (line->text);
  g_free (line->key);
}

FZ_DEFINE_STATIC_REGEX (page_number_regex,
              "^(?:[\\-－—–―─~～\\s]*第?\\s*\\d{1,4}\\s*页?[\\-－—–―─~～\\s]*"
              "|第\\s*\\d{1,4}\\s*页\\s*[,，/／]?\\s*共\\s*\\d{1,4}\\s*页"
              "|\\d{1,4}\\s*/\\s*\\d{1,4}|\\d{1,3})$")
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
      punct |= _fz_unichar_is_sentence_punct (c);
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
              punct |= _fz_unichar_is_sentence_punct (c);
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

/* Run-on headings
 *
 * A page flattened by its site or by copying runs a heading into the line
 * before it: "一、主要措施和成效 （一）强化组织引领，夯实法治根基。…".  A
 * marker after a gap, or a level-1 or level-2 marker right after a full
 * stop or colon, starts a line of its own.  Inline enumerations keep their
 * place: "一是" is no marker, and "（1）" after a full stop stays in its
 * sentence. */

static gboolean
is_gap (gunichar c)
{
  return c == ' ' || c == '\t' || fz_unichar_is_space (c);
}

static gboolean
starts_run_on (const char *p,
               const char *end,
               gboolean    after_gap)
{
  FzHeadingMarker m;
  const char *rest;
  gunichar first;

  if (!fz_heading_marker_parse (p, end - p, &m))
    return FALSE;
  if (!m.standard && !m.halfwidth_brackets)
    return FALSE;
  if (!after_gap && m.level != FZ_MARKER_CHINESE && m.level != FZ_MARKER_PAREN_CHINESE)
    return FALSE;

  rest = p + m.marker_bytes;
  first = g_utf8_get_char (rest);
  /* "1. 5万元" is a number torn by a gap; "一、2024年…" is a heading. */
  if (m.level <= FZ_MARKER_PAREN_CHINESE)
    return first != 0 && !fz_unichar_is_space (first);
  return fz_unichar_is_han (first);
}

/* "(", a digit, "（", or one of 一 to 十, from their bytes. */
static inline gboolean
may_be_marker (const guchar *p)
{
  switch (p[0])
    {
    case '(':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return TRUE;
    case 0xEF:                    /* （ */
      return p[1] == 0xBC && p[2] == 0x88;
    case 0xE4:                    /* 一 二 三 五 七 九 */
      return (p[1] == 0xB8 && (p[2] == 0x80 || p[2] == 0x89 || p[2] == 0x83)) ||
             (p[1] == 0xBA && (p[2] == 0x8C || p[2] == 0x94)) || (p[1] == 0xB9 && p[2] == 0x9D);
    case 0xE5:                    /* 四 六 八 十 */
      return (p[1] == 0x9B && p[2] == 0x9B) || (p[1] == 0x85 && (p[2] == 0xAD || p[2] == 0xAB)) ||
             (p[1] == 0x8D && p[2] == 0x81);
    default:
      return FALSE;
    }
}

/* Whether two Han characters stand in [@text, @end): some words of the
 * line's own come before a run-on heading, not only "##". */
static gboolean
has_words_before (const char *text,
                  const char *end)
{
  guint han = 0;

  for (const guchar *p = (const guchar *) text; p < (const guchar *) end && han < 2; p++)
    han += *p >= 0xE4 && *p <= 0xE9;

  return han >= 2;
}

/* Byte offsets where @text holds a run-on heading.  Every line of every
 * report passes here, so it jumps from one byte that may start a gap or a
 * stop to the next with strpbrk(): a gap is a space, a tab, NBSP,
 * U+2000–U+200A or U+3000; a stop is 。：；！？.  What follows them is read
 * only when it may be a marker. */
static void
find_run_ons (const char *text,
              GArray     *cuts)
{
  const char *end = text + strlen (text);
  const char *q = text;

  while ((q = strpbrk (q, " \t\xC2\xE2\xE3\xEF")) != NULL)
    {
      const guchar *b = (const guchar *) q;
      const char *r;
      int kind = 0;               /* 1: a gap, 2: a stop */
      guint n = 1;

      if (b[0] == ' ' || b[0] == '\t')
        kind = 1;
      else if (b[0] == 0xC2)
        {
          n = b[1] != 0 ? 2 : 1;
          kind = b[1] == 0xA0;
        }
      else if (b[1] != 0 && b[2] != 0)
        {
          n = 3;
          if (b[0] == 0xE3 && b[1] == 0x80)
            kind = b[2] == 0x80 ? 1 : b[2] == 0x82 ? 2 : 0;
          else if (b[0] == 0xE2 && b[1] == 0x80 && b[2] <= 0x8A)
            kind = 1;
          else if (b[0] == 0xEF && b[1] == 0xBC)
            kind = b[2] == 0x9A || b[2] == 0x9B || b[2] == 0x81 || b[2] == 0x9F ? 2 : 0;
        }

      q += n;
      if (kind == 0)
        continue;

      /* Past a run of gaps to what follows. */
      for (r = q; *r == ' ' || *r == '\t' || (guchar) r[0] == 0xC2 || (guchar) r[0] == 0xE2 ||
                  (guchar) r[0] == 0xE3;)
        {
          const guchar *g = (const guchar *) r;

          if (g[0] == ' ' || g[0] == '\t')
            r++;
          else if (g[0] == 0xC2 && g[1] == 0xA0)
            r += 2;
          else if ((g[0] == 0xE3 && g[1] == 0x80 && g[2] == 0x80) ||
                   (g[0] == 0xE2 && g[1] == 0x80 && g[2] <= 0x8A && g[2] != 0))
            r += 3;
          else
            break;
          kind = 1;
        }

      if (*r != '\0' && may_be_marker ((const guchar *) r) && has_words_before (text, r) &&
          starts_run_on (r, end, kind == 1))
        {
          gsize at = r - text;

          g_array_append_val (cuts, at);
        }
      q = r;
    }
}

/* In a flattened line a heading without a final stop runs on into its
 * text after a gap: "一、坚持党的领导 全年召开会议4次。".  Where the segment
 * from @at opens with a marker, the text after its last gap before the
 * first full stop starts a line of its own.  Returns that offset, or 0. */
static gsize
heading_gap (const char *text,
             gsize       at,
             gsize       end)
{
  FzHeadingMarker m;
  const char *p, *gap = NULL, *stop = NULL;
  guint before = 0, after = 0;

  if (!fz_heading_marker_parse (text + at, end - at, &m))
    return 0;

  for (p = text + at + m.marker_bytes; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B)
        {
          stop = p;
          break;
        }
      if (is_gap (c))
        {
          const char *q = p;

          while (q < text + end && is_gap (g_utf8_get_char (q)))
            q = g_utf8_next_char (q);
          if (q < text + end && fz_unichar_is_han (g_utf8_get_char (q)))
            {
              before += after;
              after = 0;
              gap = q;
            }
          p = g_utf8_prev_char (q);
          continue;
        }
      if (fz_unichar_is_han (c))
        {
          if (gap != NULL)
            after++;
          else
            before++;
        }
    }

  if (stop == NULL || gap == NULL || before < 2 || after < 2)
    return 0;
  return gap - text;
}

/* Debris of a site's converter: pinyin after a character whose reading it
 * could not choose, "建設(shè)", "法規(guī)".  Only lower-case pinyin with a
 * tone mark, right after a Han character, goes. */

static gboolean
is_tone_vowel (gunichar c)
{
  static const gunichar toned[] = {
    0x101, 0xE1, 0x1CE, 0xE0, 0x113, 0xE9, 0x11B, 0xE8, 0x12B, 0xED, 0x1D0, 0xEC,
    0x14D, 0xF3, 0x1D2, 0xF2, 0x16B, 0xFA, 0x1D4, 0xF9, 0x1D6, 0x1D8, 0x1DA, 0x1DC,
  };

  for (guint i = 0; i < G_N_ELEMENTS (toned); i++)
    if (toned[i] == c)
      return TRUE;
  return FALSE;
}

static void
strip_pinyin_debris (char *text)
{
  char *out = text;
  const char *p = text;
  gunichar prev = 0;

  /* Most lines have no bracket followed by a letter: pinyin starts with
   * one, ASCII or with a tone mark (lead byte C3 to C7). */
  {
    gboolean candidate = FALSE;

    for (const char *q = strchr (text, '('); q != NULL && !candidate; q = strchr (q + 1, '('))
      candidate = ((guchar) q[1] >= 'a' && (guchar) q[1] <= 'z') ||
                  ((guchar) q[1] >= 0xC3 && (guchar) q[1] <= 0xC7);
    for (const char *q = strstr (text, "（"); q != NULL && !candidate; q = strstr (q + 1, "（"))
      candidate = ((guchar) q[3] >= 'a' && (guchar) q[3] <= 'z') ||
                  ((guchar) q[3] >= 0xC3 && (guchar) q[3] <= 0xC7);
    if (!candidate)
      return;
  }

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if ((c == '(' || c == 0xFF08) && fz_unichar_is_han (prev))
        {
          const char *q = next;
          guint letters = 0;
          gboolean toned = FALSE;

          while (*q && letters <= 7)
            {
              gunichar l = g_utf8_get_char (q);

              if (!(l >= 'a' && l <= 'z') && l != 0xFC && !is_tone_vowel (l))
                break;
              toned |= is_tone_vowel (l);
              letters++;
              q = g_utf8_next_char (q);
            }
          if (toned && letters >= 1 && letters <= 7 &&
              (g_utf8_get_char (q) == ')' || g_utf8_get_char (q) == 0xFF09))
            {
              p = g_utf8_next_char (q);
              continue;
            }
        }

      memmove (out, p, next - p);
      out += next - p;
      prev = c;
      p = next;
    }
  *out = '\0';
}

static void
add_line (GArray             *lines,
          const FzSourceLine *sl,
          const char         *text,
          gboolean            split_after,
          gboolean            split_before)
{
  FzLine l = { 0 };

  /* Several signers stand on one line separated by spaces. */
  l.text = clean_line (text, strstr (text, "签发人") != NULL, &l.n_chars);
  if (l.text[0] == '\0' || is_page_number (l.text))
    {
      g_free (l.text);
      return;
    }
  strip_pinyin_debris (l.text);
  if (split_before || split_after)
    l.n_chars = g_utf8_strlen (l.text, -1);
  l.line = l.line_end = sl->line;
  l.page = sl->page;
  l.hard_break = sl->hard_break || split_after;
  l.stands_alone = sl->stands_alone;
  l.starts_paragraph = split_before;
  l.kind = FZ_PARAGRAPH_BODY;
  g_array_append_val (lines, l);
}

GPtrArray *
_fz_normalize_lines (GPtrArray *source)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (FzLine));
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  GPtrArray *drafts;
  FzDraftParagraph *current = NULL;
  guint body_start, body_end;

  g_array_set_clear_func (lines, line_clear);

  for (guint i = 0; i < source->len; i++)
    {
      FzSourceLine *sl = g_ptr_array_index (source, i);
      gsize from = 0;

      g_array_set_size (cuts, 0);
      find_run_ons (sl->text, cuts);
      /* Only in a line known to be flattened: a .docx paragraph with a
       * stray space keeps its heading whole. */
      if (cuts->len > 0)
        {
          gsize len = strlen (sl->text);

          for (guint k = 0; k <= cuts->len; k++)
            {
              gsize at = k == 0 ? 0 : g_array_index (cuts, gsize, k - 1);
              gsize end = k < cuts->len ? g_array_index (cuts, gsize, k) : len;
              gsize gap = heading_gap (sl->text, at, end);

              if (gap > 0)
                {
                  g_array_insert_val (cuts, k, gap);
                  k++;
                }
            }
        }
      for (guint k = 0; k < cuts->len; k++)
        {
          gsize at = g_array_index (cuts, gsize, k);
          g_autofree char *part = g_strndup (sl->text + from, at - from);

          add_line (lines, sl, part, TRUE, k > 0);
          from = at;
        }
      add_line (lines, sl, sl->text + from, FALSE, cuts->len > 0);
    }

  _fz_layout_classify (lines, &body_start, &body_end);

  drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) _fz_draft_paragraph_free);

  for (guint i = 0; i < lines->len; i++)
    {
      FzLine *l = &g_array_index (lines, FzLine, i);
      gboolean furniture = l->kind == FZ_PARAGRAPH_FURNITURE;
      gboolean in_body = i >= body_start && i < body_end && !furniture;
      /* Markers and stops are the same in either script: no need to
       * read the line simplified. */
      gboolean heading = in_body && _fz_line_is_heading (l->text);

      if (current != NULL)
        {
          gboolean join = FALSE;

          if (l->stands_alone || l->starts_paragraph || furniture)
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
      if ((l->hard_break && fz_text_ends_paragraph (l->text, strlen (l->text))) || l->stands_alone ||
          furniture)
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
