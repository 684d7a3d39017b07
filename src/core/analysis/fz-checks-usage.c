/* fz-checks-usage.c: words and names written the way standard Chinese does
 *
 * What a careful reviewer corrects in a draft that is otherwise sound:
 * 其它 for 其他, 地 or 的 where a complement takes 得 ("处理地不够好"), and the
 * names of laws and bodies shortened into no name ("《复议法》", "人大常委").
 * The words are data (data/lists/word-usage.txt, de-di-de.txt,
 * standard-names.txt), which the reviewer can extend.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-checks"

#include "config.h"

#include <string.h>

#include "fz-checks-private.h"
#include "fz-i18n.h"
#include "fz-lists.h"
#include "fz-text-util.h"

#define CH_DE_OF   0x7684         /* 的 */
#define CH_DE_ADV  0x5730         /* 地 */
#define CH_DE_COMP 0x5F97         /* 得 */
#define CH_OPEN    0x300A         /* 《 */
#define CH_CLOSE   0x300B         /* 》 */

typedef struct
{
  gunichar *chars;                /* NUL-terminated */
  guint     len;
  char     *right;                /* the form to write; nullable */
  gunichar *right_chars;
  guint     right_len;
} Word;

/* Words by their first character, for a scan over every character. */
typedef struct
{
  GArray *words;                  /* Word, sorted by the first character */
  guint8  first_bmp[0x10000 / 8];
  guint8  pair_bmp[0x10000 / 8];  /* hashed first two characters of words of two or more */
  guint8  last_bmp[0x10000 / 8];  /* last characters */
  gboolean has_single;            /* a word of one character: the pair says nothing */
} WordList;

typedef struct
{
  WordList usage;                 /* word-usage.txt */
  WordList bodies;                /* standard-names.txt, "body" */
  GArray  *laws;                  /* Word: standard-names.txt, "law" */
  WordList verbs;                 /* de-di-de.txt */
  WordList complements;
  WordList adverbs;
  WordList actions;
  guint8   pair_bmp[0x10000 / 8];  /* @usage's and @bodies' pairs together */
} UsageLists;

static void
word_list_init (WordList *list)
{
  list->words = g_array_new (FALSE, FALSE, sizeof (Word));
}

static void
word_list_add (WordList   *list,
               const char *word,
               const char *right)
{
  Word w = { 0 };
  glong n = 0;

  w.chars = g_utf8_to_ucs4_fast (word, -1, &n);
  w.len = n;
  if (n == 0 || w.chars[0] >= 0x10000)
    {
      g_free (w.chars);
      return;
    }
  if (right != NULL)
    {
      w.right = g_strdup (right);
      w.right_chars = g_utf8_to_ucs4_fast (right, -1, &n);
      w.right_len = n;
    }
  g_array_append_val (list->words, w);
  list->first_bmp[w.chars[0] / 8] |= 1 << (w.chars[0] % 8);
  if (w.chars[w.len - 1] < 0x10000)
    list->last_bmp[w.chars[w.len - 1] / 8] |= 1 << (w.chars[w.len - 1] % 8);
  if (w.len >= 2)
    {
      guint h = _fz_check_pair_hash (w.chars[0], w.chars[1]);

      list->pair_bmp[h / 8] |= 1 << (h % 8);
    }
  else
    list->has_single = TRUE;
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  const Word *wa = a, *wb = b;

  if (wa->chars[0] != wb->chars[0])
    return wa->chars[0] < wb->chars[0] ? -1 : 1;
  /* Longest first, so "截止到目前" wins over "截止到". */
  return wa->len > wb->len ? -1 : wa->len < wb->len;
}

/* The longest word of @list at @i in @c[0, @end), or NULL. */
static const Word *
word_at (const WordList *list,
         const gunichar *c,
         guint           i,
         guint           end)
{
  guint lo = 0, hi = list->words->len;

  /* Most places fail the pair of characters, a single load. */
  if (!list->has_single)
    {
      guint h = _fz_check_pair_hash (c[i], c[i + 1]);

      if ((list->pair_bmp[h / 8] & (1 << (h % 8))) == 0)
        return NULL;
    }
  if (c[i] >= 0x10000 || (list->first_bmp[c[i] / 8] & (1 << (c[i] % 8))) == 0)
    return NULL;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (list->words, Word, mid).chars[0] < c[i])
        lo = mid + 1;
      else
        hi = mid;
    }

  for (; lo < list->words->len; lo++)
    {
      const Word *w = &g_array_index (list->words, Word, lo);

      if (w->chars[0] != c[i])
        break;
      if (i + w->len <= end && memcmp (c + i, w->chars, w->len * sizeof (gunichar)) == 0)
        return w;
    }

  return NULL;
}

/* A word of @list ending right before @i, not before @floor_. */
static const Word *
word_before (const WordList *list,
             const gunichar *c,
             guint           floor_,
             guint           i)
{
  gunichar last = c[i - 1];

  /* Most characters before a 的 end no listed word. */
  if (last >= 0x10000 || (list->last_bmp[last / 8] & (1 << (last % 8))) == 0)
    return NULL;

  for (guint n = MIN (i - floor_, 4); n >= 1; n--)
    {
      const Word *w = word_at (list, c, i - n, i);

      if (w != NULL && w->len == n)
        return w;
    }

  return NULL;
}

static void
add_pair (const char *line,
          gpointer    user_data)
{
  WordList *list = user_data;
  g_auto(GStrv) parts = g_strsplit_set (line, " \t", -1);
  const char *words[2] = { NULL, NULL };
  guint n = 0;

  for (guint i = 0; parts[i] != NULL && n < 2; i++)
    if (parts[i][0] != '\0')
      words[n++] = parts[i];
  if (n == 2)
    word_list_add (list, words[0], words[1]);
}

static void
add_kind_entry (const char *line,
                gpointer    user_data)
{
  UsageLists *lists = user_data;
  g_auto(GStrv) parts = g_strsplit_set (line, " \t", -1);
  const char *words[3] = { NULL, NULL, NULL };
  guint n = 0;

  for (guint i = 0; parts[i] != NULL && n < 3; i++)
    if (parts[i][0] != '\0')
      words[n++] = parts[i];
  if (n < 2)
    return;

  if (g_str_equal (words[0], "verb"))
    word_list_add (&lists->verbs, words[1], NULL);
  else if (g_str_equal (words[0], "complement"))
    word_list_add (&lists->complements, words[1], NULL);
  else if (g_str_equal (words[0], "adverb"))
    word_list_add (&lists->adverbs, words[1], NULL);
  else if (g_str_equal (words[0], "action"))
    word_list_add (&lists->actions, words[1], NULL);
  else if (g_str_equal (words[0], "body") && n == 3)
    word_list_add (&lists->bodies, words[1], words[2]);
  else if (g_str_equal (words[0], "law") && n == 3)
    {
      Word w = { 0 };
      glong len = 0;

      w.chars = g_utf8_to_ucs4_fast (words[1], -1, &len);
      w.len = len;
      w.right = g_strdup (words[2]);
      g_array_append_val (lists->laws, w);
    }
}

static const UsageLists *
usage_lists_get (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      UsageLists *lists = g_new0 (UsageLists, 1);
      WordList *all[] = { &lists->usage, &lists->bodies, &lists->verbs, &lists->complements,
                          &lists->adverbs, &lists->actions };

      for (guint i = 0; i < G_N_ELEMENTS (all); i++)
        word_list_init (all[i]);
      lists->laws = g_array_new (FALSE, FALSE, sizeof (Word));

      fz_lists_load ("word-usage.txt", add_pair, &lists->usage);
      fz_lists_load ("de-di-de.txt", add_kind_entry, lists);
      fz_lists_load ("standard-names.txt", add_kind_entry, lists);
      for (guint i = 0; i < G_N_ELEMENTS (all); i++)
        g_array_sort (all[i]->words, compare_words);
      for (guint k = 0; k < sizeof lists->pair_bmp; k++)
        lists->pair_bmp[k] = lists->usage.pair_bmp[k] | lists->bodies.pair_bmp[k];

      g_once_init_leave (&once, (gsize) lists);
    }

  return (const UsageLists *) once;
}

/* Whether the right form @w->right stands over position @i, where the
 * wrong form was found: "人大常委会" is right, though it holds "人大常委". */
static gboolean
right_form_here (FzCheckContext    *ctx,
                 const FzParagraph *para,
                 const Word        *w,
                 guint              i)
{
  for (guint k = 0; k + w->len <= w->right_len; k++)
    {
      guint at;

      if (memcmp (w->right_chars + k, w->chars, w->len * sizeof (gunichar)) != 0 || k > i - para->start)
        continue;
      at = i - k;
      if (at + w->right_len <= para->end &&
          memcmp (ctx->chars + at, w->right_chars, w->right_len * sizeof (gunichar)) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
report_word (FzCheckContext *ctx,
             const Word     *w,
             guint           i,
             gboolean        body)
{
  g_autofree char *found = _fz_check_dup_chars (ctx, i, i + w->len);

  if (body)
    _fz_check_report (ctx, "standard_name", FZ_SEVERITY_WARNING, i, i + w->len, w->right,
                      _("“%s” is not the body's name in full or in its standard short form: write “%s”"),
                      found, w->right);
  else
    _fz_check_report (ctx, "word_usage", FZ_SEVERITY_WARNING, i, i + w->len, w->right,
                      _("“%s” is written “%s” in standard usage"), found, w->right);
}

/* de_usage */

static void
report_de (FzCheckContext *ctx,
           guint           at,
           guint           from,
           guint           to,
           const char     *right)
{
  g_autofree char *phrase = _fz_check_dup_chars (ctx, from, to);
  g_autofree char *mark = _fz_check_dup_chars (ctx, at, at + 1);

  if (g_str_equal (right, "得"))
    _fz_check_report (ctx, "de_usage", FZ_SEVERITY_WARNING, at, at + 1, right,
                      _("In “%s” a complement follows the verb: write “得”, not “%s”"),
                      phrase, mark);
  else
    _fz_check_report (ctx, "de_usage", FZ_SEVERITY_WARNING, at, at + 1, right,
                      _("In “%s” a word modifies the verb after it: write “地”, not “%s”"),
                      phrase, mark);
}

/* 地 or 的 between a verb and its complement ("处理地不够好"), 得 between an
 * adverbial word and its verb ("认真得学习"). */
static void
check_de (FzCheckContext    *ctx,
          const UsageLists  *lists,
          const FzParagraph *para,
          guint              i)
{
  const Word *before, *after;

  if (i == para->start || i + 1 >= para->end)
    return;

  if (ctx->chars[i] != CH_DE_COMP)
    {
      if ((before = word_before (&lists->verbs, ctx->chars, para->start, i)) != NULL &&
          (after = word_at (&lists->complements, ctx->chars, i + 1, para->end)) != NULL)
        report_de (ctx, i, i - before->len, i + 1 + after->len, "得");
    }
  else if ((before = word_before (&lists->adverbs, ctx->chars, para->start, i)) != NULL &&
           (after = word_at (&lists->actions, ctx->chars, i + 1, para->end)) != NULL)
    report_de (ctx, i, i - before->len, i + 1 + after->len, "地");
}

/* standard_name */

static const gunichar prc[] = { 0x4E2D, 0x534E, 0x4EBA, 0x6C11, 0x5171, 0x548C, 0x56FD }; /* 中华人民共和国 */

/* 《复议法》: a 书名号 whose whole content is a wrong name.  Returns where the
 * scan goes on. */
static guint
check_law_name (FzCheckContext    *ctx,
                const UsageLists  *lists,
                const FzParagraph *para,
                guint              i)
{
  guint start = i + 1, end;

  for (end = start; end < para->end && ctx->chars[end] != CH_CLOSE && ctx->chars[end] != CH_OPEN; end++)
    ;
  if (end >= para->end || ctx->chars[end] != CH_CLOSE)
    return i;
  if (end - start > G_N_ELEMENTS (prc) && memcmp (ctx->chars + start, prc, sizeof prc) == 0)
    start += G_N_ELEMENTS (prc);

  for (guint k = 0; k < lists->laws->len; k++)
    {
      const Word *w = &g_array_index (lists->laws, Word, k);
      g_autofree char *found = NULL;
      g_autofree char *fixed = NULL;

      if (w->len != end - start || memcmp (ctx->chars + start, w->chars, w->len * sizeof (gunichar)) != 0)
        continue;

      found = _fz_check_dup_chars (ctx, i, end + 1);
      fixed = g_strconcat ("《", w->right, "》", NULL);
      _fz_check_report (ctx, "standard_name", FZ_SEVERITY_WARNING, i, end + 1, fixed,
                        _("%s is no law's name; write %s"), found, fixed);
      break;
    }

  return end;
}

/* word_usage, de_usage and standard_name read the same characters: one
 * pass does all three, and a finding of a check switched off is dropped
 * afterwards, as for every check that reports several ids. */
void
_fz_check_usage (FzCheckContext *ctx)
{
  const UsageLists *lists = usage_lists_get ();

  for (guint p = 0; p < ctx->n_paragraphs; p++)
    {
      const FzParagraph *para = ctx->paragraphs[p].paragraph;

      if ((ctx->paragraphs[p].content & FZ_CHECK_HAS_HAN) == 0)
        continue;

      for (guint i = para->start; i < para->end; i++)
        {
          gunichar c = ctx->chars[i];
          guint h = _fz_check_pair_hash (c, ctx->chars[i + 1]);
          const Word *w;

          if (G_UNLIKELY (c == CH_OPEN))
            {
              i = check_law_name (ctx, lists, para, i);
              continue;
            }
          if (G_UNLIKELY (c == CH_DE_OF || c == CH_DE_ADV || c == CH_DE_COMP))
            check_de (ctx, lists, para, i);
          if (G_LIKELY ((lists->pair_bmp[h / 8] & (1 << (h % 8))) == 0))
            continue;

          if ((w = word_at (&lists->usage, ctx->chars, i, para->end)) != NULL &&
              !right_form_here (ctx, para, w, i))
            {
              report_word (ctx, w, i, FALSE);
              i += w->len - 1;
            }
          else if ((w = word_at (&lists->bodies, ctx->chars, i, para->end)) != NULL &&
                   !right_form_here (ctx, para, w, i))
            {
              report_word (ctx, w, i, TRUE);
              i += w->len - 1;
            }
        }
    }
}
