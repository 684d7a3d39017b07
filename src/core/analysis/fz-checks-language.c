/* fz-checks-language.c: checks on the wording of a report
 *
 * Typing slips and conversion damage that a reviewer would otherwise have to
 * spot by eye: doubled words, Markdown left over from a web editor,
 * half-width punctuation, stray English and traditional characters.  They
 * read the title, addressee, body, headings, closing and signature only.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-checks"

#include "config.h"

#include <string.h>

#include "fz-checks-private.h"
#include "fz-i18n.h"
#include "fz-regex.h"
#include "fz-text-util.h"

/* The next language paragraph after @p that holds all of @content, or
 * NULL; start with @p = -1. */
static const FzParagraph *
next_paragraph (FzCheckContext *ctx,
                int            *p,
                FzCheckContent  content)
{
  while (++*p < (int) ctx->n_paragraphs)
    if ((ctx->paragraphs[*p].content & content) == content)
      return ctx->paragraphs[*p].paragraph;

  return NULL;
}

/* repeated_word
 *
 * "压实压实": a run of 2–4 Han characters typed twice.  A single doubled
 * character (层层, 件件) is ordinary Chinese and never looked at; legitimate
 * doubled words ("一个一个", "面对面对接") come from the list, and counted
 * pairs ("档案一案一卷" holds "案一案一") are known by their form. */

static guint
repeat_unit_at (const gunichar *c,
                guint           i,
                guint           end)
{
  for (guint n = 2; n <= 4 && i + 2 * n <= end; n++)
    {
      guint k;

      for (k = 0; k < n; k++)
        if (c[i + k] != c[i + n + k] || !fz_unichar_is_han (c[i + k]))
          break;
      if (k == n)
        return n;
    }

  return 0;
}

/* "一案一卷一审", "一村一辅警": counted pairs in a row.  "档案一案一卷" holds
 * "案一案一", which is no repetition: every other character is the count.
 * Structural, so it holds for any noun between them. */
static gboolean
is_counted_pairs (const gunichar *c,
                  guint           i,
                  guint           unit)
{
  if (unit % 2 != 0)
    return FALSE;

  for (guint parity = 0; parity < 2; parity++)
    {
      gboolean all = TRUE;

      for (guint k = parity; k < 2 * unit && all; k += 2)
        all = c[i + k] == 0x4E00 /* 一 */ || c[i + k] == 0x6BCF /* 每 */;
      if (all)
        return TRUE;
    }

  return FALSE;
}

/* Reports the run at @i of @unit characters repeated up to @end; returns
 * @end. */
static guint
report_repeat (FzCheckContext     *ctx,
               const FzCheckLists *lists,
               guint               i,
               guint               unit,
               guint               end)
{
  g_autofree char *doubled = _fz_check_dup_chars (ctx, i, i + 2 * unit);
  g_autofree char *word = NULL;

  if (g_hash_table_contains (lists->repeated_words, doubled) || is_counted_pairs (ctx->chars, i, unit))
    return end;

  word = _fz_check_dup_chars (ctx, i, i + unit);
  _fz_check_report (ctx, "repeated_word", FZ_SEVERITY_WARNING, i, end, word,
                    _("Repeated word “%s”"), word);

  return end;
}

void
_fz_check_repeated_word (FzCheckContext *ctx)
{
  const FzCheckLists *lists = _fz_check_lists_get ();
  const FzParagraph *para;
  int p = -1;

  while ((para = next_paragraph (ctx, &p, FZ_CHECK_HAS_HAN)) != NULL)
    {
      guint i = para->start;

      while (i < para->end)
        {
          const gunichar *c = ctx->chars + i;
          guint unit, end;

          /* A repeat starts where a character comes back 2, 3 or 4 places
           * on; the text is padded, so this may look past the paragraph. */
          if (c[0] != c[2] && c[0] != c[3] && c[0] != c[4])
            {
              i++;
              continue;
            }

          unit = repeat_unit_at (ctx->chars, i, para->end);
          if (unit == 0)
            {
              i++;
              continue;
            }

          /* "落实落实落实" is one finding. */
          end = i + 2 * unit;
          while (end + unit <= para->end &&
                 memcmp (ctx->chars + end, ctx->chars + i, unit * sizeof (gunichar)) == 0)
            end += unit;

          i = report_repeat (ctx, lists, i, unit, end);
        }
    }
}

/* markup_residue
 *
 * Reports pasted from a web editor or a chat tool keep their Markdown or
 * HTML: "**二是加强行政执法监督。**", "&nbsp;", "<br>". */

static FzRegex *
markup_regex (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    g_once_init_leave (&once, (gsize) fz_regex_new_static (
      "\\*\\*(?=\\S)([^*\\n]+?)(?<=\\S)\\*\\*"           /* 1: **bold** */
      "|__(?=\\S)([^_\\n]+?)(?<=\\S)__"                  /* 2: __bold__ */
      "|\\[([^\\[\\]\\n]+)\\]\\([^()\\s]+\\)"             /* 3: [text](url) */
      "|`([^`\\n]+)`"                                    /* 4: `code` */
      "|</?[A-Za-z][A-Za-z0-9]*(?:\\s[^<>\\n]*)?/?>"     /* HTML tags */
      "|&(?:[A-Za-z]{2,8}|#[0-9]{1,6}|#[xX][0-9A-Fa-f]{1,6});" /* entities */
      "|^#{1,6}(?=[ \\t]|\\p{Han}|$)[ \\t]*"             /* # heading */
      "|^\\*[ \\t]+"                                     /* * bullet */
      "|\\*{2,}"));                                      /* stray ** */

  return (FzRegex *) once;
}

static const char *
entity_replacement (const char *entity,
                    gsize       len)
{
  static const struct { const char *entity; const char *text; } entities[] = {
    /* A space entity in Chinese text stands where no space belongs. */
    { "&nbsp;", "" }, { "&ensp;", "" }, { "&emsp;", "" },
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
    { "&ldquo;", "“" }, { "&rdquo;", "”" }, { "&mdash;", "—" }, { "&hellip;", "…" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (strlen (entities[i].entity) == len && g_ascii_strncasecmp (entity, entities[i].entity, len) == 0)
      return entities[i].text;

  return NULL;
}

/* Hides the code characters [@start, @end) from the later checks:
 * "&nbsp;" is not also a Latin word and a half-width ";". */
static void
mask_code (FzCheckContext *ctx,
           guint           start,
           guint           end)
{
  for (guint i = start; i < end; i++)
    ctx->mask[i] |= FZ_CHECK_MASK_MARKUP;
}

void
_fz_check_markup_residue (FzCheckContext *ctx)
{
  const FzParagraph *para;
  int p = -1;

  while ((para = next_paragraph (ctx, &p, FZ_CHECK_HAS_MARKUP)) != NULL)
    {
      gsize len, from = 0;
      const char *text = fz_document_get_paragraph_key (ctx->document, ctx->paragraphs[p].index, &len);
      FzCheckCursor cursor;
      gssize g[10];

      _fz_check_cursor_init (&cursor, para, text);

      while (fz_regex_search_groups (markup_regex (), text, len, from, g, 5) && g[1] > g[0])
        {
          g_autofree char *token = NULL;
          g_autofree char *suggestion = NULL;
          guint start = _fz_check_cursor_char (&cursor, g[0]);
          guint end;
          const char *match = text + g[0];
          gsize match_len = g[1] - g[0];

          /* Groups 1–4 hold the text inside the code; that text stays
           * open to the other checks. */
          for (guint k = 1; k <= 4; k++)
            if (g[2 * k] >= 0)
              {
                static const char * const tokens[] = { NULL, "**", "__", "[…](…)", "`" };

                guint inner_start = _fz_check_cursor_char (&cursor, g[2 * k]);
                guint inner_end = _fz_check_cursor_char (&cursor, g[2 * k + 1]);

                end = _fz_check_cursor_char (&cursor, g[1]);
                token = g_strdup (tokens[k]);
                suggestion = g_strndup (text + g[2 * k], g[2 * k + 1] - g[2 * k]);
                mask_code (ctx, start, inner_start);
                mask_code (ctx, inner_end, end);
                break;
              }

          if (token == NULL)
            {
              if (match[0] == '&')
                {
                  token = g_strndup (match, match_len);
                  suggestion = g_strdup (entity_replacement (match, match_len));
                }
              else
                {
                  /* Tags, "#", bullets and unpaired "**" carry no text. */
                  token = g_strstrip (g_strndup (match, match_len));
                  suggestion = g_strdup ("");
                }
              end = _fz_check_cursor_char (&cursor, g[1]);
              mask_code (ctx, start, end);
            }

          _fz_check_report (ctx, "markup_residue", FZ_SEVERITY_WARNING, start, end, suggestion,
                            _("Formatting code “%s” left in the text"), token);
          from = g[1];
        }
    }
}

/* punct_halfwidth
 *
 * ASCII punctuation next to Chinese text: "县委、县政府:" should end in "：".
 * Numbers ("1,000", "9:30", "1.78"), URLs and Latin phrases keep theirs;
 * heading markers such as "(一)" are left to the numbering check. */

static gboolean
is_halfwidth_target (const gunichar *c,
                     guint           i,
                     guint           start,
                     guint           end)
{
  switch (c[i])
    {
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case '(':
    case ')':
    case '"':
    case '\'':
      return TRUE;

    case '.':
      /* A full stop typed after Chinese; never a decimal point, a "1."
       * marker, a domain or an ellipsis. */
      return i > start && fz_unichar_is_han (c[i - 1]) &&
             (i + 1 >= end || (c[i + 1] < 0x80 && !g_ascii_isalnum (c[i + 1]) && c[i + 1] != '.') ||
              c[i + 1] >= 0x80);

    default:
      return FALSE;
    }
}

void
_fz_check_punct_halfwidth (FzCheckContext *ctx)
{
  const FzParagraph *para;
  int p = -1;

  while ((para = next_paragraph (ctx, &p, FZ_CHECK_HAS_ASCII_PUNCT)) != NULL)
    {
      guint double_quotes = 0, single_quotes = 0;
      guint i = para->start;

      while (i < para->end)
        {
          g_autoptr(GString) suggestion = NULL;
          gunichar left = 0, right = 0;
          guint j, k;

          if (ctx->mask[i] != 0 || !is_halfwidth_target (ctx->chars, i, para->start, para->end))
            {
              /* Quotes are paired over the paragraph, flagged or not. */
              if (ctx->chars[i] == '"')
                double_quotes++;
              else if (ctx->chars[i] == '\'')
                single_quotes++;
              i++;
              continue;
            }

          suggestion = g_string_new (NULL);
          for (j = i; j < para->end && ctx->mask[j] == 0 &&
               is_halfwidth_target (ctx->chars, j, para->start, para->end); j++)
            {
              switch (ctx->chars[j])
                {
                case ',':  g_string_append (suggestion, "，"); break;
                case ';':  g_string_append (suggestion, "；"); break;
                case ':':  g_string_append (suggestion, "："); break;
                case '!':  g_string_append (suggestion, "！"); break;
                case '?':  g_string_append (suggestion, "？"); break;
                case '(':  g_string_append (suggestion, "（"); break;
                case ')':  g_string_append (suggestion, "）"); break;
                case '.':  g_string_append (suggestion, "。"); break;
                case '"':
                  g_string_append (suggestion, double_quotes++ % 2 == 0 ? "“" : "”");
                  break;
                case '\'':
                  g_string_append (suggestion, single_quotes++ % 2 == 0 ? "‘" : "’");
                  break;
                default:
                  g_assert_not_reached ();
                }
            }

          for (k = i; k > para->start && fz_unichar_is_space (ctx->chars[k - 1]); k--)
            ;
          if (k > para->start)
            left = ctx->chars[k - 1];
          for (k = j; k < para->end && fz_unichar_is_space (ctx->chars[k]); k++)
            ;
          if (k < para->end)
            right = ctx->chars[k];

          if (fz_unichar_is_cjk (left) || fz_unichar_is_cjk (right))
            {
              g_autofree char *marks = _fz_check_dup_chars (ctx, i, j);

              _fz_check_report (ctx, "punct_halfwidth", FZ_SEVERITY_WARNING, i, j, suggestion->str,
                                _("Half-width punctuation “%s” in Chinese text"), marks);
            }

          i = j;
        }
    }
}

/* latin_word
 *
 * "精神 and 二十大精神": English left in Chinese text.  Known tokens (APP,
 * PPT, QQ, GDP …) come from the list.  An unknown all-capital abbreviation is
 * only worth a look (info); a word with lower-case letters is a slip
 * (warning). */

/* URLs and markup code are Latin by nature. */
#define LATIN_SKIP (FZ_CHECK_MASK_URL | FZ_CHECK_MASK_MARKUP)

static gboolean
is_ascii_alnum (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum (c);
}

/* A token is letters and digits, joined inside by "-", "." or "'" ("Wi-Fi",
 * "PM2.5", "IPv6"). */
static guint
token_end (FzCheckContext *ctx,
           guint           i,
           guint           end,
           guint          *n_letters,
           gboolean       *has_lower)
{
  *n_letters = 0;
  *has_lower = FALSE;

  while (i < end && (ctx->mask[i] & LATIN_SKIP) == 0)
    {
      gunichar c = ctx->chars[i];

      if (is_ascii_alnum (c))
        {
          if (g_ascii_isalpha (c))
            (*n_letters)++;
          if (g_ascii_islower (c))
            *has_lower = TRUE;
          i++;
        }
      else if ((c == '-' || c == '.' || c == '\'') && i + 1 < end && is_ascii_alnum (ctx->chars[i + 1]) &&
               (ctx->mask[i + 1] & LATIN_SKIP) == 0)
        i++;
      else
        break;
    }

  return i;
}

static gboolean
is_known_latin (const FzCheckLists *lists,
                const char         *token)
{
  g_autofree char *upper = g_ascii_strup (token, -1);
  gsize letters = 0;

  if (g_hash_table_contains (lists->latin_words, upper))
    return TRUE;

  /* "ISO9001", "APP-based": the leading letters name the known token. */
  while (g_ascii_isalpha (upper[letters]))
    letters++;
  if (letters >= 2 && upper[letters] != '\0')
    {
      upper[letters] = '\0';
      return g_hash_table_contains (lists->latin_words, upper);
    }

  return FALSE;
}

static void
report_latin (FzCheckContext *ctx,
              guint           start,
              guint           end,
              gboolean        has_lower)
{
  g_autofree char *phrase = _fz_check_dup_chars (ctx, start, end);

  if (has_lower)
    _fz_check_report (ctx, "latin_word", FZ_SEVERITY_WARNING, start, end, NULL,
                      _("Latin word “%s” in Chinese text"), phrase);
  else
    _fz_check_report (ctx, "latin_word", FZ_SEVERITY_INFO, start, end, NULL,
                      _("Latin abbreviation “%s” in Chinese text; check that readers know it"),
                      phrase);
}

void
_fz_check_latin_word (FzCheckContext *ctx)
{
  const FzCheckLists *lists = _fz_check_lists_get ();
  const FzParagraph *para;
  int p = -1;

  /* Latin in a paragraph with no Chinese at all is not "inside Chinese
   * text". */
  while ((para = next_paragraph (ctx, &p, FZ_CHECK_HAS_LATIN | FZ_CHECK_HAS_HAN)) != NULL)
    {
      gboolean pending = FALSE, pending_lower = FALSE;
      guint pending_start = 0, pending_end = 0;
      guint i = para->start;

      while (i < para->end)
        {
          g_autofree char *token = NULL;
          guint n_letters, end;
          gboolean has_lower;

          if (!is_ascii_alnum (ctx->chars[i]) || (ctx->mask[i] & LATIN_SKIP) != 0)
            {
              i++;
              continue;
            }

          end = token_end (ctx, i, para->end, &n_letters, &has_lower);
          if (n_letters < 2)
            {
              i = end;
              continue;
            }

          token = _fz_check_dup_chars (ctx, i, end);
          if (!is_known_latin (lists, token))
            {
              gboolean joins = pending;

              /* Words of one English phrase make one finding. */
              for (guint k = pending_end; joins && k < i; k++)
                joins = ctx->chars[k] == ' ';

              if (joins)
                {
                  pending_end = end;
                  pending_lower |= has_lower;
                }
              else
                {
                  if (pending)
                    report_latin (ctx, pending_start, pending_end, pending_lower);
                  pending = TRUE;
                  pending_start = i;
                  pending_end = end;
                  pending_lower = has_lower;
                }
            }

          i = end;
        }

      if (pending)
        report_latin (ctx, pending_start, pending_end, pending_lower);
    }
}

/* traditional_char
 *
 * "行爲" in a simplified report: a character left over from a conversion or
 * an input method; or a whole copy a site converted to traditional script.
 * The list holds only characters that are never correct in simplified
 * text, so 乾 (乾坤), 於 (a surname) or 著 never appear.  The text was
 * read through the list already (see prepare() in fz-checks.c): one finding
 * tells how many there are, at the first of them. */

/* A converted copy rather than a slip: this share of the Han characters. */
#define CONVERTED_PER_MILLE 50

void
_fz_check_traditional_char (FzCheckContext *ctx)
{
  g_autoptr(GString) examples = g_string_new (NULL);
  g_autofree char *found = NULL;
  g_autofree char *suggestion = NULL;

  if (ctx->n_traditional == 0)
    return;

  for (guint k = 0; k < ctx->n_examples; k++)
    {
      if (k > 0)
        g_string_append (examples, "、");
      g_string_append (examples, "“");
      g_string_append_unichar (examples, ctx->examples[k]);
      g_string_append (examples, "”");
    }
  found = fz_document_dup_range (ctx->document, ctx->traditional_start, ctx->traditional_end);
  /* The context holds the simplified reading already. */
  suggestion = _fz_check_dup_chars (ctx, ctx->traditional_start, ctx->traditional_end);

  if ((guint64) ctx->n_traditional * 1000 >= (guint64) ctx->n_han * CONVERTED_PER_MILLE)
    _fz_check_report (ctx, "traditional_char", FZ_SEVERITY_WARNING,
                      ctx->traditional_start, ctx->traditional_end, suggestion,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "The text is in traditional script: %u traditional character (%s); it was read as simplified Chinese for the checks. Ask for the simplified original",
                                   "The text is in traditional script: %u traditional characters (%s and others); it was read as simplified Chinese for the checks. Ask for the simplified original",
                                   ctx->n_traditional),
                      ctx->n_traditional, examples->str);
  else
    _fz_check_report (ctx, "traditional_char", FZ_SEVERITY_WARNING,
                      ctx->traditional_start, ctx->traditional_end, suggestion,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "%u traditional character in simplified Chinese text: %s, first here as “%s”",
                                   "%u traditional characters in simplified Chinese text: %s, first here as “%s”",
                                   ctx->n_traditional),
                      ctx->n_traditional, examples->str, found);
}

/* punct_unbalanced
 *
 * Paired marks must pair (GB/T 15834-2011, rules.md p_balance [U]: a
 * warning): "《行政复议法" without its 》, a “ never closed, a stray ）.
 * Pairs are matched within a paragraph; ASCII brackets pair with
 * full-width ones, since punct_halfwidth reports the width already. */

static gunichar
opener_of (gunichar c)
{
  switch (c)
    {
    case 0x300B: return 0x300A;   /* 》《 */
    case 0x201D: return 0x201C;   /* ”“ */
    case 0x2019: return 0x2018;   /* ’‘ */
    case 0xFF09: return 0xFF08;   /* ）（ */
    case ')':    return 0xFF08;
    case 0x3015: return 0x3014;   /* 〕〔 */
    case 0x3011: return 0x3010;   /* 】【 */
    default:     return 0;
    }
}

static gboolean
is_opener (gunichar c)
{
  return c == 0x300A || c == 0x201C || c == 0x2018 || c == 0xFF08 || c == '(' ||
         c == 0x3014 || c == 0x3010;
}

static void
report_unbalanced (FzCheckContext *ctx,
                   guint           at,
                   gboolean        opener)
{
  g_autofree char *mark = _fz_check_dup_chars (ctx, at, at + 1);

  if (opener)
    _fz_check_report (ctx, "punct_unbalanced", FZ_SEVERITY_WARNING, at, at + 1, NULL,
                      _("“%s” is opened but never closed in this paragraph"), mark);
  else
    _fz_check_report (ctx, "punct_unbalanced", FZ_SEVERITY_WARNING, at, at + 1, NULL,
                      _("“%s” closes a mark that was never opened in this paragraph"), mark);
}

void
_fz_check_punct_unbalanced (FzCheckContext *ctx)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint p = 0; p < ctx->n_paragraphs; p++)
    {
      const FzParagraph *para = ctx->paragraphs[p].paragraph;

      g_array_set_size (stack, 0);
      for (guint i = para->start; i < para->end; i++)
        {
          gunichar c = ctx->chars[i], want;

          /* Han text first: every paired mark is below U+4E00 or a
           * full-width form. */
          if ((c >= 0x4E00 && c < 0xFF08) || (c < 0x2018 && c != '(' && c != ')'))
            continue;
          if ((ctx->mask[i] & (FZ_CHECK_MASK_MARKER | FZ_CHECK_MASK_URL | FZ_CHECK_MASK_MARKUP)) != 0)
            continue;

          if (is_opener (c))
            g_array_append_val (stack, i);
          else if ((want = opener_of (c)) != 0)
            {
              guint k = stack->len;

              while (k > 0)
                {
                  gunichar o = ctx->chars[g_array_index (stack, guint, k - 1)];

                  if (o == want || (want == 0xFF08 && o == '('))
                    break;
                  k--;
                }

              if (k == 0)
                report_unbalanced (ctx, i, FALSE);
              else
                {
                  /* What was opened inside and not closed stays unclosed. */
                  for (guint j = k; j < stack->len; j++)
                    report_unbalanced (ctx, g_array_index (stack, guint, j), TRUE);
                  g_array_set_size (stack, k - 1);
                }
            }
        }

      for (guint j = 0; j < stack->len; j++)
        report_unbalanced (ctx, g_array_index (stack, guint, j), TRUE);
    }
}

/* booktitle_missing
 *
 * Names of laws and regulations go in 书名号 (GB/T 15834-2011; rules.md
 * p_booktitle: info).  The names come from the law-names list, which the
 * reviewer can extend. */

static guint
first_law_name (const FzCheckLists *lists,
                gunichar            c)
{
  guint lo = 0, hi = lists->law_names->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (((const gunichar *) g_ptr_array_index (lists->law_names, mid))[0] < c)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

void
_fz_check_booktitle_missing (FzCheckContext *ctx)
{
  const FzCheckLists *lists = _fz_check_lists_get ();
  static const gunichar prc[] = { 0x4E2D, 0x534E, 0x4EBA, 0x6C11, 0x5171, 0x548C, 0x56FD }; /* 中华人民共和国 */

  if (lists->law_names->len == 0)
    return;

  for (guint p = 0; p < ctx->n_paragraphs; p++)
    {
      const FzParagraph *para = ctx->paragraphs[p].paragraph;
      int depth = 0;

      if ((ctx->paragraphs[p].content & FZ_CHECK_HAS_HAN) == 0)
        continue;

      for (guint i = para->start; i < para->end; i++)
        {
          gunichar c = ctx->chars[i];

          guint h;

          if (G_UNLIKELY (c == 0x300A || c == 0x3008)) /* 《 〈 */
            {
              depth++;
              continue;
            }
          if (G_UNLIKELY (c == 0x300B || c == 0x3009)) /* 》 〉 */
            {
              depth = MAX (depth - 1, 0);
              continue;
            }

          /* One test per character in the common case: the pair. */
          h = _fz_check_pair_hash (c, ctx->chars[i + 1]);
          if (G_LIKELY ((lists->law_pair_bmp[h / 8] & (1 << (h % 8))) == 0))
            continue;
          if (depth > 0 || c >= 0x10000 || (lists->law_first_bmp[c / 8] & (1 << (c % 8))) == 0)
            continue;

          for (guint n = first_law_name (lists, c); n < lists->law_names->len; n++)
            {
              const gunichar *name = g_ptr_array_index (lists->law_names, n);
              guint k = 0, start = i, end;
              g_autofree char *found = NULL;
              g_autofree char *fixed = NULL;

              if (name[0] != c)
                break;
              while (name[k] != 0 && i + k < para->end && ctx->chars[i + k] == name[k])
                k++;
              if (name[k] != 0)
                continue;
              end = i + k;
              /* "行政处罚法律" is not the law's name. */
              if (end < para->end && (ctx->chars[end] == 0x5F8B /* 律 */ || ctx->chars[end] == 0x89C4 /* 规 */))
                continue;
              if (start >= para->start + G_N_ELEMENTS (prc) &&
                  memcmp (ctx->chars + start - G_N_ELEMENTS (prc), prc, sizeof prc) == 0)
                start -= G_N_ELEMENTS (prc);
              if (start > para->start && ctx->chars[start - 1] == 0x300A)
                continue;

              found = _fz_check_dup_chars (ctx, start, end);
              fixed = g_strconcat ("《", found, "》", NULL);
              _fz_check_report (ctx, "booktitle_missing", FZ_SEVERITY_INFO, start, end, fixed,
                                _("The title of the law “%s” belongs in book-title marks: “%s”"),
                                found, fixed);
              i = end - 1;
              break;
            }
        }
    }
}
