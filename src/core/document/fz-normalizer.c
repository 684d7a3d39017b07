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
#include "fz-normalizer-private.h"
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

FZ_DEFINE_STATIC_REGEX (page_number_regex,
              "^(?:[\\-－—–―─~～\\s]*第?\\s*\\d{1,4}\\s*页?[\\-－—–―─~～\\s]*"
              "|第\\s*\\d{1,4}\\s*页\\s*[,，/／]?\\s*共\\s*\\d{1,4}\\s*页"
              "|\\d{1,4}\\s*/\\s*\\d{1,4}|\\d{1,3})$")
static gboolean
is_sentence_punct (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B ||
         c == '!' || c == '?' || c == ';';
}

gboolean
_fz_text_has_sentence_punct (const char *text)
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
    if (is_sentence_punct (g_utf8_get_char (p)))
      {
        stop = p;
        break;
      }

  if (stop == NULL)
    return g_utf8_strlen (rest, -1) <= 200;

  return *g_utf8_next_char (stop) == '\0' && g_utf8_strlen (rest, -1) <= 60;
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
is_stop_before_marker (gunichar c)
{
  return c == 0x3002 || c == 0xFF1A || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F;
}

static gboolean
starts_run_on (const char *p,
               gboolean    after_gap)
{
  FzHeadingMarker m;
  const char *rest;
  gunichar first;

  if (!fz_heading_marker_parse (p, strlen (p), &m))
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

/* Byte offsets where @text holds a run-on heading, after two Han
 * characters of the line's own. */
static void
find_run_ons (const char *text,
              GArray     *cuts)
{
  gboolean any = FALSE;
  guint seen = 0;
  gunichar prev = 0;

  /* Cheap test first: no marker character, no cut. */
  for (const char *p = text; *p && !any; p++)
    any = *p == '(' || (guchar) *p == 0xEF /* （ */ || (guchar) *p == 0xE3 /* 、 */;
  if (!any)
    return;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (seen >= 2 && (is_gap (prev) || is_stop_before_marker (prev)) && !is_gap (c) &&
          starts_run_on (p, is_gap (prev)))
        {
          gsize at = p - text;

          g_array_append_val (cuts, at);
        }
      /* Some words of the line's own come first, not only "##". */
      if (fz_unichar_is_han (c))
        seen++;
      prev = c;
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

  if (strchr (text, '(') == NULL && strstr (text, "（") == NULL)
    return;

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
      gboolean heading = in_body && _fz_line_is_heading (_fz_line_key (l));

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
