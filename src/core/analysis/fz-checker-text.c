/* fz-checker-text.c: offsets, sentences and evidence for the checker
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-checker"

#include "config.h"

#include <string.h>

#include "fz-checker-private.h"
#include "fz-text-util.h"

gsize
_fz_checker_to_byte (const Checker *c,
                     guint          offset)
{
  return fz_document_char_to_byte (c->document, offset);
}

/* Characters in the bytes [from, to) of the text: its UTF-8 lead bytes.
 * Much cheaper than fz_document_byte_to_char() when a nearby character
 * offset is known. */
guint
_fz_checker_count_chars (const Checker *c,
                         gsize          from,
                         gsize          to)
{
  const guchar *p = (const guchar *) c->text + from;
  const guchar *end = (const guchar *) c->text + to;
  guint n = 0;

  for (; p < end; p++)
    n += (*p & 0xC0) != 0x80;

  return n;
}

static guint
to_char_in (const Checker     *c,
            const FzParagraph *para,
            gsize              byte_offset)
{
  return para->start + _fz_checker_count_chars (c, para->byte_start, byte_offset);
}

char *
_fz_checker_describe_section (const FzSection *section)
{
  return g_strconcat (section->label ? section->label : "",
                      section->heading ? section->heading : "", NULL);
}

void
_fz_checker_add_range (GArray *ranges,
                       guint   start,
                       guint   end)
{
  FzRange r = { start, end };

  g_array_append_val (ranges, r);
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const FzRange *ra = a, *rb = b;

  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  return ra->end < rb->end ? -1 : ra->end > rb->end;
}

/* Document order, no duplicates, a nested range folded into its container. */
void
_fz_checker_tidy_ranges (GArray *ranges)
{
  guint j = 0;

  g_array_sort (ranges, compare_ranges);
  for (guint i = 0; i < ranges->len; i++)
    {
      FzRange *r = &g_array_index (ranges, FzRange, i);

      if (j > 0)
        {
          FzRange *last = &g_array_index (ranges, FzRange, j - 1);

          if (r->start < last->end)
            {
              last->end = MAX (last->end, r->end);
              continue;
            }
        }
      g_array_index (ranges, FzRange, j++) = *r;
    }
  g_array_set_size (ranges, j);
}

/* Characters of body text under a section, not counting the line breaks
 * between its paragraphs.  Cached: it runs for every candidate. */
guint
_fz_checker_count_body_chars (Checker *c,
                              guint    index)
{
  const FzSection *section;
  int first, last;
  guint n;

  if (c->body_chars[index] != G_MAXUINT)
    return c->body_chars[index];

  section = section_at (c, index);
  n = section->end - section->body_start;
  first = fz_document_paragraph_at (c->document, section->body_start);
  last = section->end > section->body_start
           ? fz_document_paragraph_at (c->document, section->end - 1) : first;
  if (first >= 0 && last > first)
    n -= MIN ((guint) (last - first), n);

  c->body_chars[index] = n;
  return n;
}

/* Whether a sentence terminator (。！？； or ASCII !?;) ends just before @p.
 * Works on bytes: it runs for every byte scanned. */
static gboolean
ends_sentence_before (const guchar *start,
                      const guchar *p)
{
  if (p - start >= 1 && (p[-1] == '!' || p[-1] == '?' || p[-1] == ';'))
    return TRUE;
  return p - start >= 3 &&
         ((p[-3] == 0xE3 && p[-2] == 0x80 && p[-1] == 0x82) ||          /* 。 */
          (p[-3] == 0xEF && p[-2] == 0xBC &&
           (p[-1] == 0x81 || p[-1] == 0x9F || p[-1] == 0x9B)));         /* ！？； */
}

/* The sentence around a match, inside its paragraph.  Stepping a byte at a
 * time is safe: it stops only at the paragraph's ends or right after a
 * terminator, all of them character boundaries. */
void
_fz_checker_sentence_bounds (const Checker *c,
                             Hit           *hit)
{
  const guchar *base = (const guchar *) c->text;
  const guchar *para_start = base + hit->para->byte_start;
  const guchar *para_end = base + hit->para->byte_end;
  const guchar *p = base + hit->match_start;
  const guchar *q = base + MIN (hit->match_end, hit->para->byte_end);

  while (p > para_start && !ends_sentence_before (para_start, p))
    p--;
  while (q < para_end && !ends_sentence_before (para_start, q))
    q++;

  hit->sentence_start = p - base;
  hit->sentence_end = q - base;
}

void
_fz_checker_add_hit_range (const Checker *c,
                           GArray        *ranges,
                           const Hit     *hit)
{
  guint start = to_char_in (c, hit->para, hit->sentence_start);

  _fz_checker_add_range (ranges, start, start + _fz_checker_count_chars (c, hit->sentence_start, hit->sentence_end));
}

/* The paragraph holding byte @offset, or NULL between paragraphs. */
static const FzParagraph *
paragraph_at_byte (const Checker *c,
                   gsize          offset)
{
  guint lo = 0, hi = fz_document_get_n_paragraphs (c->document);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const FzParagraph *para = fz_document_get_paragraph (c->document, mid);

      if (offset < para->byte_start)
        hi = mid;
      else if (offset >= para->byte_end)
        lo = mid + 1;
      else
        return para;
    }

  return NULL;
}

/* The first MAX_EVIDENCE sentences of body text within bytes [lo, hi) that
 * mention @e, in document order.  Each pattern of evidence_scan keeps its
 * next match, and the leftmost one is taken, so the text is scanned once
 * per pattern however many sentences match. */
static void
find_hits (const Checker       *c,
           const FzRuleElement *e,
           gsize                lo,
           gsize                hi,
           GArray              *hits)
{
  GPtrArray *scan = e->evidence_scan;
  g_autofree gssize *starts = g_new (gssize, scan->len + 1);
  g_autofree gssize *ends = g_new (gssize, scan->len + 1);
  gsize pos = lo;

  /* G_MAXSSIZE: not searched yet; -1: no more matches. */
  for (guint k = 0; k < scan->len; k++)
    starts[k] = ends[k] = G_MAXSSIZE;

  while (hits->len < MAX_EVIDENCE && pos < hi)
    {
      const FzParagraph *para;
      Hit hit = { 0 };
      int best = -1;

      for (guint k = 0; k < scan->len; k++)
        {
          if (starts[k] == -1)
            continue;
          if ((starts[k] == G_MAXSSIZE || (gsize) starts[k] < pos) &&
              !fz_regex_search (g_ptr_array_index (scan, k), c->text, hi, pos,
                                &starts[k], &ends[k]))
            {
              starts[k] = -1;
              continue;
            }
          if (best < 0 || starts[k] < starts[best])
            best = k;
        }
      if (best < 0)
        break;

      hit.match_start = starts[best];
      hit.match_end = ends[best];
      para = paragraph_at_byte (c, hit.match_start);
      if (para == NULL || (para->kind != FZ_PARAGRAPH_BODY && para->kind != FZ_PARAGRAPH_HEADING))
        {
          /* The title or the closing parts say nothing about the body. */
          pos = para != NULL ? para->byte_end
                             : (gsize) (g_utf8_next_char (c->text + hit.match_start) - c->text);
          continue;
        }

      hit.para = para;
      _fz_checker_sentence_bounds (c, &hit);
      g_array_append_val (hits, hit);

      /* On to the next sentence: one mention per sentence is enough. */
      pos = MAX (hit.sentence_end, hit.match_end);
      if (pos <= hit.match_start)
        pos = g_utf8_next_char (c->text + hit.match_start) - c->text;
    }
}

/* “…context match context…”, cut at the sentence. */
static char *
quote_hit (const Checker *c,
           const Hit     *hit)
{
  const char *base = c->shown;
  const char *ss = base + hit->sentence_start;
  const char *se = base + hit->sentence_end;
  const char *s = base + hit->match_start;
  const char *e = base + hit->match_end;
  GString *out = g_string_new ("“");

  /* The sentence's own full stop adds nothing to a quotation. */
  if (se > e && fz_unichar_ends_sentence (g_utf8_get_char (g_utf8_find_prev_char (ss, se))))
    se = g_utf8_find_prev_char (ss, se);

  for (guint i = 0; i < QUOTE_CONTEXT && s > ss; i++)
    s = g_utf8_find_prev_char (ss, s);
  for (guint i = 0; i < QUOTE_CONTEXT && e < se; i++)
    e = g_utf8_next_char (e);

  if (s > ss)
    g_string_append (out, "…");
  g_string_append_len (out, s, e - s);
  if (e < se)
    g_string_append (out, "…");
  g_string_append (out, "”");

  return g_string_free (out, FALSE);
}

char *
_fz_checker_join_names (const Checker *c,
                        GPtrArray     *names)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (out, c->zh ? "、" : ", ");
      g_string_append_printf (out, "“%s”", (const char *) g_ptr_array_index (names, i));
    }

  return g_string_free (out, FALSE);
}

static char *
describe_location (const Checker     *c,
                   const FzParagraph *para,
                   gsize              byte_offset)
{
  int s = fz_outline_section_at (c->sections, to_char_in (c, para, byte_offset));
  g_autofree char *name = NULL;

  if (s < 0)
    {
      /* Translators: where a passage stands when it precedes every heading;
       * it fills the first %s of "…it is only mentioned in %s: %s." */
      return g_strdup (tr (c, N_("the opening paragraphs"), "开头部分"));
    }

  name = _fz_checker_describe_section (section_at (c, s));
  return g_strdup_printf ("“%s”", name);
}

gboolean
_fz_checker_collect_evidence (Checker             *c,
                              const FzRuleElement *e,
                              gsize                lo,
                              gsize                hi,
                              FzElementResult     *result)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (g_free);
  GString *places_text, *quotes;

  if (e->evidence->len == 0)
    return FALSE;

  find_hits (c, e, lo, hi, hits);
  if (hits->len == 0)
    return FALSE;

  for (guint i = 0; i < hits->len && i < MAX_EVIDENCE; i++)
    {
      const Hit *hit = &g_array_index (hits, Hit, i);

      _fz_checker_add_hit_range (c, result->evidence, hit);
    }

  places_text = g_string_new (NULL);
  quotes = g_string_new (NULL);
  for (guint i = 0; i < hits->len && i < MAX_QUOTES; i++)
    {
      const Hit *hit = &g_array_index (hits, Hit, i);
      g_autofree char *place = describe_location (c, hit->para, hit->match_start);
      g_autofree char *quote = quote_hit (c, hit);

      g_string_append (quotes, quote);
      if (!g_ptr_array_find_with_equal_func (places, place, g_str_equal, NULL))
        {
          if (places->len > 0)
            g_string_append (places_text, c->zh ? "、" : ", ");
          g_string_append (places_text, place);
          g_ptr_array_add (places, g_steal_pointer (&place));
        }
    }

  result->status = FZ_STATUS_PARTIAL;
  result->confidence = 0.6;
  result->explanation =
    g_strdup_printf (tr (c, N_("There is no heading for it; it is only mentioned in %s: %s."),
                         "没有相应的标题，只在%s中提及：%s。"),
                     places_text->str, quotes->str);

  g_string_free (places_text, TRUE);
  g_string_free (quotes, TRUE);

  return TRUE;
}
