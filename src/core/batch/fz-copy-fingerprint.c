/* fz-copy-fingerprint.c: a report's comparable sentences (copy_overlap)
 *
 * Step 1 and the first half of step 2 of the detection described in
 * fz-copy.c: each body sentence normalized and cut free of stock phrases,
 * then its character shingles reduced to a MinHash signature cut into LSH
 * band keys.  Kept apart from the pairing because a fingerprint is made
 * once per report, in the batch's workers, and only its keys (and, for
 * the candidates, its shingles made again) go on to the comparison.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-copy"

#include "config.h"

#include <string.h>

#include "fz-copy-private.h"
#include "fz-lists.h"
#include "fz-text-util.h"

#define SHINGLE           4
#define ROWS              2
#define N_HASHES          (FZ_COPY_N_BANDS * ROWS)
/* Below this many characters, once stock phrases are gone, a sentence is
 * too generic to be evidence of copying. */
#define MIN_CHARS         15

/* Stock phrases */

typedef struct
{
  GHashTable *by_first;           /* first char → GPtrArray of GArray(gunichar), longest first */
  guint8      first_bmp[0x10000 / 8]; /* BMP first chars, to skip the lookup for most */
} StockList;

static gunichar
fold_char (gunichar c)
{
  /* Full-width forms count as their ASCII twins. */
  if (c >= 0xFF01 && c <= 0xFF5E)
    c -= 0xFEE0;
  if (c < 0x80)
    return g_ascii_isalnum (c) ? g_ascii_tolower (c) : 0;
  return fz_unichar_is_han (c) ? c : 0;
}

/* Appends the normalized characters of @text[0, len) to @out: Han,
 * letters and digits only, each run of digits (with its decimal point) one
 * '#'. */
static void
normalize_append (GArray     *out,
                  const char *text,
                  gsize       len)
{
  const char *p = text, *end = text + len;
  gboolean in_number = FALSE;

  while (p < end)
    {
      gunichar raw = g_utf8_get_char (p);
      gunichar c = fold_char (raw);

      p = g_utf8_next_char (p);
      if (in_number && (raw == '.' || raw == 0xFF0E))
        continue;
      if (c >= '0' && c <= '9')
        {
          if (!in_number)
            {
              gunichar hash = '#';
              g_array_append_val (out, hash);
            }
          in_number = TRUE;
          continue;
        }
      in_number = FALSE;
      if (c != 0)
        g_array_append_val (out, c);
    }
}

static int
compare_by_length_desc (gconstpointer a,
                        gconstpointer b)
{
  const GArray *x = *(const GArray **) a;
  const GArray *y = *(const GArray **) b;

  return (int) y->len - (int) x->len;
}

static void
add_stock (const char *line,
           gpointer    user_data)
{
  StockList *list = user_data;
  GArray *phrase = g_array_new (FALSE, FALSE, sizeof (gunichar));
  GPtrArray *bucket;
  gunichar first;

  normalize_append (phrase, line, strlen (line));
  /* One or two characters would cut ordinary words apart. */
  if (phrase->len < 3)
    {
      g_array_unref (phrase);
      return;
    }
  first = g_array_index (phrase, gunichar, 0);
  bucket = g_hash_table_lookup (list->by_first, GUINT_TO_POINTER (first));
  if (bucket == NULL)
    {
      bucket = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      g_hash_table_insert (list->by_first, GUINT_TO_POINTER (first), bucket);
    }
  g_ptr_array_add (bucket, phrase);
  if (first < 0x10000)
    list->first_bmp[first / 8] |= 1 << (first % 8);
}

static const StockList *
stock_list_get (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      StockList *list = g_new0 (StockList, 1);
      GHashTableIter iter;
      gpointer value;

      list->by_first = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
      /* The built-in list, then the reviewer's own additions. */
      fz_lists_load ("stock-phrases.txt", add_stock, list);

      /* Longest first, so a long quotation wins over the slogan inside it. */
      g_hash_table_iter_init (&iter, list->by_first);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_sort (value, compare_by_length_desc);

      g_once_init_leave (&once, (gsize) list);
    }

  return (const StockList *) once;
}

/* Cuts stock phrases out of @norm in place.  A cut leaves a 0 so that no
 * shingle spans the join.  Returns the characters left (0s not counted). */
static guint
remove_stock (GArray *norm)
{
  const StockList *list = stock_list_get ();
  gunichar *s = (gunichar *) (gpointer) norm->data;
  guint out = 0, kept = 0;

  for (guint i = 0; i < norm->len;)
    {
      GPtrArray *bucket = NULL;
      guint cut = 0;

      if (s[i] >= 0x10000 || (list->first_bmp[s[i] / 8] & (1 << (s[i] % 8))) != 0)
        bucket = g_hash_table_lookup (list->by_first, GUINT_TO_POINTER (s[i]));

      for (guint j = 0; bucket != NULL && j < bucket->len; j++)
        {
          const GArray *phrase = g_ptr_array_index (bucket, j);

          if (phrase->len <= norm->len - i &&
              memcmp (&s[i], phrase->data, phrase->len * sizeof (gunichar)) == 0)
            {
              cut = phrase->len;
              break;
            }
        }

      if (cut > 0)
        {
          if (out > 0 && s[out - 1] != 0)
            s[out++] = 0;
          i += cut;
        }
      else
        {
          s[out++] = s[i++];
          kept++;
        }
    }

  g_array_set_size (norm, out);
  return kept;
}

/* Hashing */

static inline guint64
mix64 (guint64 x)
{
  /* splitmix64's finalizer */
  x ^= x >> 30;
  x *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x ^= x >> 27;
  x *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  x ^= x >> 31;
  return x;
}

typedef struct
{
  guint64 a[N_HASHES];
  guint64 b[N_HASHES];
} HashFamily;

static const HashFamily *
hash_family_get (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      HashFamily *family = g_new (HashFamily, 1);
      guint64 seed = G_GUINT64_CONSTANT (0x66617a6869313233);

      for (guint i = 0; i < N_HASHES; i++)
        {
          seed += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
          family->a[i] = mix64 (seed) | 1;
          seed += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
          family->b[i] = mix64 (seed);
        }

      g_once_init_leave (&once, (gsize) family);
    }

  return (const HashFamily *) once;
}

static int
compare_guint32 (gconstpointer a,
                 gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

/* The sorted, distinct shingle hashes of a normalized sentence. */
static void
shingles (const GArray *norm,
          GArray       *out)
{
  const gunichar *s = (const gunichar *) (gconstpointer) norm->data;
  guint n = 0;

  g_array_set_size (out, 0);
  for (guint i = 0; i + SHINGLE <= norm->len; i++)
    {
      guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);
      gboolean joined = FALSE;
      guint32 v;

      for (guint k = 0; k < SHINGLE; k++)
        {
          if (s[i + k] == 0)
            {
              joined = TRUE;
              break;
            }
          h = (h ^ s[i + k]) * G_GUINT64_CONSTANT (0x100000001b3);
        }
      if (joined)
        continue;
      h = mix64 (h);
      v = (guint32) (h ^ (h >> 32));
      g_array_append_val (out, v);
    }

  if (out->len > 1)
    {
      guint32 *v = (guint32 *) (gpointer) out->data;

      qsort (v, out->len, sizeof *v, compare_guint32);
      for (guint i = 0; i < out->len; i++)
        if (n == 0 || v[n - 1] != v[i])
          v[n++] = v[i];
      g_array_set_size (out, n);
    }
}

/* Normalizes and de-stocks the sentence at bytes [bs, be) of @text into
 * @norm; returns the characters left. */
static guint
prepare (const char *text,
         gsize       bs,
         gsize       be,
         GArray     *norm)
{
  g_array_set_size (norm, 0);
  normalize_append (norm, text + bs, be - bs);
  return remove_stock (norm);
}

void
_fz_copy_sentence_shingles (const FzCopyFingerprint *print,
                            const FzCopySentence    *sentence,
                            GArray                  *norm,
                            GArray                  *out)
{
  prepare (fz_document_get_text (print->document), sentence->byte_start, sentence->byte_end, norm);
  shingles (norm, out);
}

/* Fingerprints */

static gboolean
is_closer (gunichar c)
{
  return c == 0x201D || c == 0x2019 || c == 0xFF09 || c == ')' ||
         c == 0x300D || c == 0x300F || c == 0x3011 || c == 0x300B;
}

static void
add_sentence (FzCopyFingerprint *self,
              const char        *text,
              gsize              bs,
              gsize              be,
              guint              cs,
              guint              ce,
              GArray            *norm,
              GArray            *shingle_set)
{
  const HashFamily *family = hash_family_get ();
  guint32 mins[N_HASHES];
  FzCopySentence s = { 0 };
  guint kept;

  kept = prepare (text, bs, be, norm);
  if (kept < MIN_CHARS)
    return;
  shingles (norm, shingle_set);
  if (shingle_set->len == 0)
    return;

  for (guint h = 0; h < N_HASHES; h++)
    mins[h] = G_MAXUINT32;
  for (guint i = 0; i < shingle_set->len; i++)
    {
      guint64 x = g_array_index (shingle_set, guint32, i);

      for (guint h = 0; h < N_HASHES; h++)
        {
          guint32 v = (guint32) ((family->a[h] * x + family->b[h]) >> 32);

          if (v < mins[h])
            mins[h] = v;
        }
    }

  s.start = cs;
  s.end = ce;
  s.byte_start = bs;
  s.byte_end = be;
  s.norm_len = kept;
  for (guint b = 0; b < FZ_COPY_N_BANDS; b++)
    {
      guint64 key = ((guint64) mins[b * ROWS] << 32) | mins[b * ROWS + 1];

      s.keys[b] = (guint32) mix64 (key);
    }
  g_array_append_val (self->sentences, s);
}

/**
 * fz_copy_fingerprint_new:
 *
 * Returns: (transfer full): the comparable sentences of @document
 */
FzCopyFingerprint *
fz_copy_fingerprint_new (FzDocument *document,
                         gboolean    reference)
{
  FzCopyFingerprint *self;
  g_autoptr(GArray) norm = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr(GArray) shingle_set = g_array_new (FALSE, FALSE, sizeof (guint32));
  const char *text;
  guint n;

  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);

  self = g_new0 (FzCopyFingerprint, 1);
  self->document = g_object_ref (document);
  self->reference = !!reference;
  self->sentences = g_array_new (FALSE, FALSE, sizeof (FzCopySentence));

  text = fz_document_get_text (document);
  n = fz_document_get_n_paragraphs (document);
  for (guint i = 0; i < n; i++)
    {
      const FzParagraph *para = fz_document_get_paragraph (document, i);
      const char *p, *end, *sentence;
      guint c, sentence_c;

      /* Headings and the 公文 parts are the same in every report. */
      if (para->kind != FZ_PARAGRAPH_BODY)
        continue;

      p = sentence = text + para->byte_start;
      end = text + para->byte_end;
      c = sentence_c = para->start;
      while (p < end)
        {
          gunichar ch = g_utf8_get_char (p);

          p = g_utf8_next_char (p);
          c++;
          if (!fz_unichar_ends_sentence (ch))
            continue;
          while (p < end && is_closer (g_utf8_get_char (p)))
            {
              p = g_utf8_next_char (p);
              c++;
            }
          add_sentence (self, text, sentence - text, p - text, sentence_c, c, norm, shingle_set);
          sentence = p;
          sentence_c = c;
        }
      if (sentence < end)
        add_sentence (self, text, sentence - text, end - text, sentence_c, para->end, norm, shingle_set);
    }

  return self;
}

void
fz_copy_fingerprint_free (FzCopyFingerprint *print)
{
  if (print == NULL)
    return;

  g_clear_object (&print->document);
  g_clear_pointer (&print->sentences, g_array_unref);
  g_free (print);
}

FzDocument *
fz_copy_fingerprint_get_document (const FzCopyFingerprint *print)
{
  g_return_val_if_fail (print != NULL, NULL);
  return print->document;
}

gboolean
fz_copy_fingerprint_is_reference (const FzCopyFingerprint *print)
{
  g_return_val_if_fail (print != NULL, FALSE);
  return print->reference;
}

guint
fz_copy_fingerprint_get_n_sentences (const FzCopyFingerprint *print)
{
  g_return_val_if_fail (print != NULL, 0);
  return print->sentences->len;
}
