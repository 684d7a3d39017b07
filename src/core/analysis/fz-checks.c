/* fz-checks.c: form and language checks that produce findings
 *
 * Each check is a small function in one of the fz-checks-*.c files; this
 * file holds the table that runs them and prepares the context they share.
 * The text is decoded to UCS-4 once per run so that every check works in
 * character offsets, the unit of every public offset.  What the checks
 * call on (reporting, thresholds, word lists, counting) is in
 * fz-checks-shared.c.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-checks"

#include "config.h"

#include <string.h>

#include "fz-check-registry.h"
#include "fz-checks-private.h"
#include "fz-figures.h"
#include "fz-ruleset.h"
#include "fz-regex.h"
#include "fz-script.h"
#include "fz-text-util.h"

typedef struct
{
  const char  *ids[6];            /* the finding ids it reports */
  FzCheckFunc  func;
} FzCheck;

/* markup_residue comes first: it masks the code it reports, which the
 * punctuation and Latin checks must not report again. */
static const FzCheck checks[] = {
  { { "markup_residue" },       _fz_check_markup_residue },
  { { "repeated_word" },        _fz_check_repeated_word },
  { { "punct_halfwidth" },      _fz_check_punct_halfwidth },
  { { "punct_unbalanced" },     _fz_check_punct_unbalanced },
  { { "latin_word" },           _fz_check_latin_word },
  { { "traditional_char" },     _fz_check_traditional_char },
  { { "booktitle_missing" },    _fz_check_booktitle_missing },
  { { "word_usage", "de_usage", "standard_name" },
                                _fz_check_usage },
  { { "numbering" },            _fz_check_numbering },
  { { "addressee_direction" },  _fz_check_addressee_direction },
  { { "missing_title", "missing_addressee", "missing_signature", "missing_date" },
                                _fz_check_missing_parts },
  { { "doc_number_format" },    _fz_check_doc_number_format },
  { { "request_in_report" },    _fz_check_request_in_report },
  { { "title_format" },         _fz_check_title_format },
  { { "cc_format" },            _fz_check_cc_format },
  { { "date_format" },          _fz_check_date_format },
  { { "deadline" },             _fz_check_deadline },
  { { "year_mismatch" },        _fz_check_year_mismatch },
  { { "figure_sum" },           _fz_check_figure_sum },
  { { "figure_rate" },          _fz_check_figure_rate },
  { { "figure_conflict" },      _fz_check_figure_conflict },
  { { "outline_coverage" },     _fz_check_outline_coverage },
  { { "weak_problems" },        _fz_check_weak_problems },
  { { "no_causes" },            _fz_check_no_causes },
  { { "few_figures" },          _fz_check_few_figures },
  { { "vague_plan" },           _fz_check_vague_plan },
};

char **
_fz_checks_run_ids (void)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **ids;

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    for (guint k = 0; k < G_N_ELEMENTS (checks[i].ids) && checks[i].ids[k] != NULL; k++)
      g_strv_builder_add (builder, checks[i].ids[k]);

  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return ids;
}

char **
fz_checks_list_ids (void)
{
  return fz_check_registry_list_ids ();
}

static gboolean
is_enabled (FzCheckContext *ctx,
            const char     *id)
{
  return ctx->rules == NULL || fz_ruleset_get_check_enabled (ctx->rules, id);
}

/* Preparing the context */

static void
read_marker (FzCheckContext  *ctx,
             const FzSection *section,
             FzCheckMarker   *out)
{
  const FzParagraph *para;
  const char *text;
  gsize len, lead = 0, stop;

  out->valid = FALSE;
  if (section->paragraph >= fz_document_get_n_paragraphs (ctx->document))
    return;

  para = fz_document_get_paragraph (ctx->document, section->paragraph);
  text = fz_document_get_paragraph_text (ctx->document, section->paragraph, &len);
  if (!fz_heading_marker_parse (text, len, &out->marker))
    return;

  /* The parser steps over "**" and "#" residue; the marker proper starts
   * after them and ends before the spaces the parser counts in. */
  while (lead < out->marker.marker_bytes && (text[lead] == '*' || text[lead] == '#' || text[lead] == ' '))
    lead++;
  stop = out->marker.marker_bytes;
  while (stop > lead && text[stop - 1] == ' ')
    stop--;

  /* All of the lead is ASCII, so its bytes are its characters. */
  out->start = para->start + lead;
  out->end = para->start + g_utf8_strlen (text, stop);
  out->valid = TRUE;
}

/* The mask */

FZ_DEFINE_STATIC_REGEX (url_regex,
      "(?:https?|ftp)://[A-Za-z0-9\\-._~:/?#@!$&*+=%]+"
      "|www\\.[A-Za-z0-9\\-.]+(?:/[A-Za-z0-9\\-._~/?#@!$&*+=%]*)?"
      "|[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)+"
      "|(?<![A-Za-z0-9\\-.])[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.(?:cn|com|net|org|gov|edu)(?![A-Za-z0-9])(?:/[A-Za-z0-9\\-._~/?#@!$&*+=%]*)?")

static void
mark_urls (FzCheckContext    *ctx,
           const FzParagraph *para,
           const char        *text,
           gsize              len)
{
  FzCheckCursor cursor;
  gsize from = 0;
  gssize s, e;

  _fz_check_cursor_init (&cursor, para, text);
  while (fz_regex_search (url_regex (), text, len, from, &s, &e) && e > s)
    {
      guint cs = _fz_check_cursor_char (&cursor, s);
      guint ce = _fz_check_cursor_char (&cursor, e);

      for (guint i = cs; i < ce; i++)
        ctx->mask[i] |= FZ_CHECK_MASK_URL;
      from = e;
    }
}

/* Which FzCheckContent an ASCII character adds. */
static const guint8 ascii_content[128] = {
  [','] = FZ_CHECK_HAS_ASCII_PUNCT, [';'] = FZ_CHECK_HAS_ASCII_PUNCT,
  [':'] = FZ_CHECK_HAS_ASCII_PUNCT, ['!'] = FZ_CHECK_HAS_ASCII_PUNCT,
  ['?'] = FZ_CHECK_HAS_ASCII_PUNCT, ['('] = FZ_CHECK_HAS_ASCII_PUNCT,
  [')'] = FZ_CHECK_HAS_ASCII_PUNCT, ['"'] = FZ_CHECK_HAS_ASCII_PUNCT,
  ['\''] = FZ_CHECK_HAS_ASCII_PUNCT, ['.'] = FZ_CHECK_HAS_ASCII_PUNCT,
  ['*'] = FZ_CHECK_HAS_MARKUP, ['_'] = FZ_CHECK_HAS_MARKUP, ['#'] = FZ_CHECK_HAS_MARKUP,
  ['['] = FZ_CHECK_HAS_MARKUP, ['`'] = FZ_CHECK_HAS_MARKUP, ['<'] = FZ_CHECK_HAS_MARKUP,
  ['&'] = FZ_CHECK_HAS_MARKUP,
  ['A'] = FZ_CHECK_HAS_LATIN, ['B'] = FZ_CHECK_HAS_LATIN, ['C'] = FZ_CHECK_HAS_LATIN,
  ['D'] = FZ_CHECK_HAS_LATIN, ['E'] = FZ_CHECK_HAS_LATIN, ['F'] = FZ_CHECK_HAS_LATIN,
  ['G'] = FZ_CHECK_HAS_LATIN, ['H'] = FZ_CHECK_HAS_LATIN, ['I'] = FZ_CHECK_HAS_LATIN,
  ['J'] = FZ_CHECK_HAS_LATIN, ['K'] = FZ_CHECK_HAS_LATIN, ['L'] = FZ_CHECK_HAS_LATIN,
  ['M'] = FZ_CHECK_HAS_LATIN, ['N'] = FZ_CHECK_HAS_LATIN, ['O'] = FZ_CHECK_HAS_LATIN,
  ['P'] = FZ_CHECK_HAS_LATIN, ['Q'] = FZ_CHECK_HAS_LATIN, ['R'] = FZ_CHECK_HAS_LATIN,
  ['S'] = FZ_CHECK_HAS_LATIN, ['T'] = FZ_CHECK_HAS_LATIN, ['U'] = FZ_CHECK_HAS_LATIN,
  ['V'] = FZ_CHECK_HAS_LATIN, ['W'] = FZ_CHECK_HAS_LATIN, ['X'] = FZ_CHECK_HAS_LATIN,
  ['Y'] = FZ_CHECK_HAS_LATIN, ['Z'] = FZ_CHECK_HAS_LATIN,
  ['a'] = FZ_CHECK_HAS_LATIN, ['b'] = FZ_CHECK_HAS_LATIN, ['c'] = FZ_CHECK_HAS_LATIN,
  ['d'] = FZ_CHECK_HAS_LATIN, ['e'] = FZ_CHECK_HAS_LATIN, ['f'] = FZ_CHECK_HAS_LATIN,
  ['g'] = FZ_CHECK_HAS_LATIN, ['h'] = FZ_CHECK_HAS_LATIN, ['i'] = FZ_CHECK_HAS_LATIN,
  ['j'] = FZ_CHECK_HAS_LATIN, ['k'] = FZ_CHECK_HAS_LATIN, ['l'] = FZ_CHECK_HAS_LATIN,
  ['m'] = FZ_CHECK_HAS_LATIN, ['n'] = FZ_CHECK_HAS_LATIN, ['o'] = FZ_CHECK_HAS_LATIN,
  ['p'] = FZ_CHECK_HAS_LATIN, ['q'] = FZ_CHECK_HAS_LATIN, ['r'] = FZ_CHECK_HAS_LATIN,
  ['s'] = FZ_CHECK_HAS_LATIN, ['t'] = FZ_CHECK_HAS_LATIN, ['u'] = FZ_CHECK_HAS_LATIN,
  ['v'] = FZ_CHECK_HAS_LATIN, ['w'] = FZ_CHECK_HAS_LATIN, ['x'] = FZ_CHECK_HAS_LATIN,
  ['y'] = FZ_CHECK_HAS_LATIN, ['z'] = FZ_CHECK_HAS_LATIN,
};

/* What a language paragraph's traditional characters add to the count. */
typedef struct
{
  FzCheckContext *ctx;
  guint           start;          /* document offset of the paragraph */
} DecodeStats;

static void
note_traditional (DecodeStats *stats,
                  guint        at,
                  gunichar     original)
{
  FzCheckContext *ctx = stats->ctx;

  if (ctx->n_traditional == 0)
    {
      ctx->traditional_start = at;
      ctx->traditional_end = at + 1;
    }
  else if (at == ctx->traditional_end && !ctx->traditional_run_closed)
    ctx->traditional_end = at + 1;
  else
    ctx->traditional_run_closed = TRUE;
  ctx->n_traditional++;

  for (guint k = 0; k < ctx->n_examples; k++)
    if (ctx->examples[k] == original)
      return;
  if (ctx->n_examples < G_N_ELEMENTS (ctx->examples))
    ctx->examples[ctx->n_examples++] = original;
}

/* Decodes [@p, @end) into @out, traditional characters as their
 * simplified form (fz-script.h), and notes what it holds.  @stats is set
 * for the paragraphs language checks read, where traditional characters
 * are counted.  The normalizer guarantees valid UTF-8, so there is no
 * validation here: this loop and the repeated-word scan are the only
 * passes over every character. */
static FzCheckContent
decode_paragraph (const guint16 *to_simplified,
                  const guint8  *listed,
                  const guchar  *p,
                  const guchar  *end,
                  gunichar      *out,
                  DecodeStats   *stats)
{
  FzCheckContent content = 0;
  gunichar *first = out;

  while (p < end)
    {
      gunichar c = *p;

      if (c < 0x80)
        {
          content |= ascii_content[c];
          p++;
        }
      else
        {
          if (c < 0xE0)
            {
              c = ((c & 0x1F) << 6) | (p[1] & 0x3F);
              p += 2;
            }
          else if (c < 0xF0)
            {
              c = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
              p += 3;
            }
          else
            {
              c = ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
              p += 4;
            }

          if (c >= 0x3400)
            {
              if ((content & FZ_CHECK_HAS_HAN) == 0 && fz_unichar_is_han (c))
                content |= FZ_CHECK_HAS_HAN;
              if (c < 0x10000 && (listed[c / 8] & (1 << (c % 8))) != 0 && to_simplified[c] != 0)
                {
                  content |= FZ_CHECK_HAS_TRADITIONAL;
                  if (stats != NULL)
                    note_traditional (stats, stats->start + (out - first), c);
                  c = to_simplified[c];
                }
              if (stats != NULL && c <= 0x9FFF)
                stats->ctx->n_han++;
            }
        }

      *out++ = c;
    }

  return content;
}

static void
prepare (FzCheckContext *ctx)
{
  const guint16 *to_simplified = fz_script_get_table ();
  const guint8 *listed = fz_script_get_bitmap ();
  const char *text = fz_document_get_text (ctx->document);
  guint n = fz_document_get_n_paragraphs (ctx->document);

  ctx->paragraphs = g_new (FzCheckParagraph, MAX (n, 1));
  ctx->n_paragraphs = 0;
  ctx->mapped_paragraphs = g_new0 (guint8, MAX (n, 1));

  /* Everything starts outside; language paragraphs are cleared below,
   * which leaves the '\n' separators and the closing parts outside. */
  memset (ctx->mask, FZ_CHECK_MASK_OUTSIDE, ctx->n_chars);

  for (guint i = 0; i < n; i++)
    {
      const FzParagraph *para = fz_document_get_paragraph (ctx->document, i);
      gboolean language = _fz_check_is_language_paragraph (para->kind);
      DecodeStats stats = { ctx, para->start };
      FzCheckContent content;

      content = decode_paragraph (to_simplified, listed, (const guchar *) text + para->byte_start,
                                  (const guchar *) text + para->byte_end, ctx->chars + para->start,
                                  language ? &stats : NULL);
      if (para->end < ctx->n_chars)
        ctx->chars[para->end] = '\n';
      if (content & FZ_CHECK_HAS_TRADITIONAL)
        {
          ctx->mapped = TRUE;
          ctx->mapped_paragraphs[i] = TRUE;
        }

      if (!language)
        continue;

      memset (ctx->mask + para->start, 0, para->end - para->start);
      if (content & FZ_CHECK_HAS_LATIN)
        mark_urls (ctx, para, text + para->byte_start, para->byte_end - para->byte_start);

      ctx->paragraphs[ctx->n_paragraphs].paragraph = para;
      ctx->paragraphs[ctx->n_paragraphs].index = i;
      ctx->paragraphs[ctx->n_paragraphs].content = content;
      ctx->paragraphs[ctx->n_paragraphs].n_text = G_MAXUINT;
      ctx->n_paragraphs++;
    }

  ctx->markers = g_new (FzCheckMarker, MAX (ctx->sections->len, 1));
  for (guint i = 0; i < ctx->sections->len; i++)
    {
      FzCheckMarker *m = &ctx->markers[i];

      read_marker (ctx, g_ptr_array_index (ctx->sections, i), m);
      if (m->valid)
        memset (ctx->mask + m->start, ctx->mask[m->start] | FZ_CHECK_MASK_MARKER, m->end - m->start);
    }
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const FzFinding *fa = *(const FzFinding * const *) a;
  const FzFinding *fb = *(const FzFinding * const *) b;

  if (fa->start != fb->start)
    return fa->start < fb->start ? -1 : 1;
  if (fa->end != fb->end)
    return fa->end < fb->end ? -1 : 1;

  return strcmp (fa->id, fb->id);
}

GPtrArray *
fz_checks_run (FzDocument       *document,
               GPtrArray        *sections,
               const FzMetadata *metadata)
{
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GPtrArray) no_sections = NULL;

  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);

  if (sections == NULL)
    sections = no_sections = g_ptr_array_new ();
  figures = fz_figures_extract (document, sections);

  return fz_checks_run_full (document, sections, metadata, figures, NULL, NULL);
}

GPtrArray *
fz_checks_run_full (FzDocument       *document,
                    GPtrArray        *sections,
                    const FzMetadata *metadata,
                    GPtrArray        *figures,
                    FzRuleSet        *rules,
                    GPtrArray       **coverage)
{
  g_autoptr(GPtrArray) no_sections = NULL;
  g_autoptr(GPtrArray) own_figures = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  g_autofree gunichar *chars = NULL;
  g_autofree guint8 *mask = NULL;
  g_autofree FzCheckParagraph *paragraphs = NULL;
  g_autofree FzCheckMarker *markers = NULL;
  g_autofree guint8 *mapped_paragraphs = NULL;
  FzCheckContext ctx = { 0 };
  guint n_chars;

  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (rules == NULL || FZ_IS_RULESET (rules), NULL);

  if (sections == NULL)
    sections = no_sections = g_ptr_array_new ();
  if (figures == NULL)
    figures = own_figures = fz_figures_extract (document, sections);
  areas = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_coverage_area_free);

  n_chars = fz_document_get_length (document);
  /* Zeros past the end let the repeated-word scan look ahead unguarded;
   * prepare() writes every character before them. */
  chars = g_new (gunichar, n_chars + 8);
  memset (chars + n_chars, 0, 8 * sizeof (gunichar));
  mask = g_malloc (n_chars + 1);

  ctx.document = document;
  ctx.sections = sections;
  ctx.metadata = metadata;
  ctx.figures = figures;
  ctx.rules = rules;
  ctx.coverage = areas;
  ctx.chars = chars;
  ctx.n_chars = n_chars;
  ctx.mask = mask;
  ctx.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_finding_free);

  prepare (&ctx);
  paragraphs = ctx.paragraphs;
  markers = ctx.markers;
  mapped_paragraphs = ctx.mapped_paragraphs;

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      gboolean any = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (checks[i].ids) && checks[i].ids[k] != NULL; k++)
        any |= is_enabled (&ctx, checks[i].ids[k]);
      if (any)
        checks[i].func (&ctx);
    }

  /* A check that reports several ids runs when any of them is on. */
  if (rules != NULL)
    for (guint i = ctx.findings->len; i-- > 0;)
      {
        FzFinding *f = g_ptr_array_index (ctx.findings, i);

        if (!is_enabled (&ctx, f->id))
          g_ptr_array_remove_index (ctx.findings, i);
      }

  /* GLib's sort is a stable merge sort: findings at one place keep the
   * order of the table. */
  g_ptr_array_sort (ctx.findings, compare_findings);

  if (coverage != NULL)
    *coverage = g_steal_pointer (&areas);

  return ctx.findings;
}
