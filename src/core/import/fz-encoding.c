/* fz-encoding.c: which character encoding text is in, and its text
 *
 * Reports arrive as UTF-8 or GB18030 (GBK) mostly, but also as UTF-16 with
 * or without a byte-order mark, UTF-32, Big5 from Hong Kong and Taiwan,
 * and now and then in a Japanese or Western encoding.  A wrong guess is
 * garbage that looks like text, so it must never pass silently: the order
 * is a byte-order mark, then UTF-16/32 told by where the zero bytes fall,
 * then valid UTF-8, then what the document declares, then ICU's
 * statistical detector (ICU is already there, under libxml2), each guess
 * confirmed by iconv decoding every byte.  An encoding other than UTF-8,
 * UTF-16/32 and GB18030 is named in a warning; what cannot be decoded is
 * refused, naming the encoding when it is known.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-import"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <unicode/ucsdet.h>

#include "fz-i18n.h"
#include "fz-import-private.h"
#include "fz-import.h"

/* The detector's statistics settle long before this. */
#define SAMPLE_BYTES (256 * 1024)
/* Below this confidence (0–100) ICU's guess is a shrug. */
#define MIN_CONFIDENCE 15

typedef struct
{
  const char *icu;        /* ICU's name, or the declared one */
  const char *iconv;      /* what glibc's iconv decodes it with: a list,
                           * by ':', tried in turn */
  const char *name;       /* what FzDocument:encoding says */
  const char *label;      /* for the reviewer, or NULL when usual */
} Encoding;

/* Supersets decode what their base encoding writes and what Windows and
 * Hong Kong add to it, as browsers do. */
static const Encoding encodings[] = {
  { "UTF-8",        "UTF-8",        "UTF-8",        NULL },
  { "GB18030",      "GB18030",      "GB18030",      NULL },
  { "GBK",          "GB18030",      "GB18030",      NULL },
  { "GB2312",       "GB18030",      "GB18030",      NULL },
  { "CP936",        "GB18030",      "GB18030",      NULL },
  { "EUC-CN",       "GB18030",      "GB18030",      NULL },
  { "X-GBK",        "GB18030",      "GB18030",      NULL },
  { "Big5",         "BIG5-HKSCS:CP950", "Big5",         N_("Big5 (Traditional Chinese)") },
  { "Big5-HKSCS",   "BIG5-HKSCS:CP950", "Big5",         N_("Big5 (Traditional Chinese)") },
  { "CP950",        "CP950:BIG5-HKSCS", "Big5",         N_("Big5 (Traditional Chinese)") },
  { "Shift_JIS",    "CP932:SHIFT_JIS", "Shift_JIS",    N_("Shift_JIS (Japanese)") },
  { "SJIS",         "CP932:SHIFT_JIS", "Shift_JIS",    N_("Shift_JIS (Japanese)") },
  { "Windows-31J",  "CP932:SHIFT_JIS", "Shift_JIS",    N_("Shift_JIS (Japanese)") },
  { "CP932",        "CP932:SHIFT_JIS", "Shift_JIS",    N_("Shift_JIS (Japanese)") },
  { "EUC-JP",       "EUC-JP",       "EUC-JP",       N_("EUC-JP (Japanese)") },
  { "ISO-2022-JP",  "ISO-2022-JP",  "ISO-2022-JP",  N_("ISO-2022-JP (Japanese)") },
  { "EUC-KR",       "CP949:EUC-KR", "EUC-KR",       N_("EUC-KR (Korean)") },
  { "ISO-2022-KR",  "ISO-2022-KR",  "ISO-2022-KR",  N_("ISO-2022-KR (Korean)") },
  { "ISO-2022-CN",  "ISO-2022-CN",  "ISO-2022-CN",  N_("ISO-2022-CN (Chinese)") },
  { "ISO-8859-1",   "WINDOWS-1252", "windows-1252", N_("windows-1252 (Western European)") },
  { "US-ASCII",     "WINDOWS-1252", "windows-1252", N_("windows-1252 (Western European)") },
  { "windows-1252", "WINDOWS-1252", "windows-1252", N_("windows-1252 (Western European)") },
  { "ISO-8859-2",   "ISO-8859-2",   "ISO-8859-2",   N_("ISO-8859-2 (Central European)") },
  { "windows-1250", "WINDOWS-1250", "windows-1250", N_("windows-1250 (Central European)") },
  { "ISO-8859-5",   "ISO-8859-5",   "ISO-8859-5",   N_("ISO-8859-5 (Cyrillic)") },
  { "windows-1251", "WINDOWS-1251", "windows-1251", N_("windows-1251 (Cyrillic)") },
  { "KOI8-R",       "KOI8-R",       "KOI8-R",       N_("KOI8-R (Russian)") },
  { "ISO-8859-6",   "ISO-8859-6",   "ISO-8859-6",   N_("ISO-8859-6 (Arabic)") },
  { "windows-1256", "WINDOWS-1256", "windows-1256", N_("windows-1256 (Arabic)") },
  { "ISO-8859-7",   "ISO-8859-7",   "ISO-8859-7",   N_("ISO-8859-7 (Greek)") },
  { "windows-1253", "WINDOWS-1253", "windows-1253", N_("windows-1253 (Greek)") },
  { "ISO-8859-8",   "ISO-8859-8",   "ISO-8859-8",   N_("ISO-8859-8 (Hebrew)") },
  { "ISO-8859-8-I", "ISO-8859-8",   "ISO-8859-8",   N_("ISO-8859-8 (Hebrew)") },
  { "windows-1255", "WINDOWS-1255", "windows-1255", N_("windows-1255 (Hebrew)") },
  { "ISO-8859-9",   "ISO-8859-9",   "ISO-8859-9",   N_("ISO-8859-9 (Turkish)") },
  { "windows-1254", "WINDOWS-1254", "windows-1254", N_("windows-1254 (Turkish)") },
  { "UTF-16LE",     "UTF-16LE",     "UTF-16LE",     NULL },
  { "UTF-16BE",     "UTF-16BE",     "UTF-16BE",     NULL },
  { "UTF-32LE",     "UTF-32LE",     "UTF-32LE",     NULL },
  { "UTF-32BE",     "UTF-32BE",     "UTF-32BE",     NULL },
};

static const Encoding *
find_encoding (const char *name)
{
  g_autofree char *squeezed = NULL;

  if (name == NULL)
    return NULL;
  /* "gb_2312-80", "utf8", "x-sjis"… as pages declare them. */
  squeezed = g_strdelimit (g_ascii_strup (name, -1), "_", '-');
  if (g_str_has_prefix (squeezed, "X-"))
    memmove (squeezed, squeezed + 2, strlen (squeezed + 2) + 1);
  if (g_str_equal (squeezed, "UTF8"))
    return find_encoding ("UTF-8");
  if (g_str_has_prefix (squeezed, "GB-2312") || g_str_equal (squeezed, "CSGB2312"))
    return find_encoding ("GB2312");

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autofree char *known = g_strdelimit (g_ascii_strup (encodings[i].icu, -1), "_", '-');

      if (g_str_equal (squeezed, known))
        return &encodings[i];
    }
  if (g_str_equal (squeezed, "LATIN1") || g_str_equal (squeezed, "ISO8859-1") ||
      g_str_equal (squeezed, "CP1252"))
    return find_encoding ("windows-1252");
  return NULL;
}

static gboolean
is_bad_char (gunichar c)
{
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ||
         c == 0x7F || c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) ||
         (c >= 0x80 && c < 0xA0);
}

gboolean
_fz_text_looks_binary (const char *utf8,
                       gssize      len)
{
  gsize total = 0, bad = 0;
  const char *end = utf8 + (len < 0 ? (gssize) strlen (utf8) : len);

  for (const char *p = utf8; p < end; p = g_utf8_next_char (p))
    {
      total++;
      if (is_bad_char (g_utf8_get_char (p)))
        bad++;
    }

  return total > 0 && bad * 50 > total;
}

/* A character a document is made of: letters of the scripts in use,
 * punctuation, CJK; what decoding binary data as UTF-16 mostly gives is
 * neither. */
static gboolean
is_plausible (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c < 0x250) ||
         (c >= 0x370 && c < 0x530) || (c >= 0x590 && c < 0x700) ||
         (c >= 0x2000 && c < 0x2070) || (c >= 0x2100 && c < 0x2700) ||
         (c >= 0x3000 && c < 0x3100) || (c >= 0x3400 && c < 0xA000) ||
         (c >= 0xAC00 && c < 0xD7B0) || (c >= 0xF900 && c < 0xFB00) ||
         (c >= 0xFE30 && c < 0xFFF0) ||
         /* Of the upper planes, only characters Unicode has: binary data
          * read as UTF-32 lands there too, mostly on unassigned points. */
         (c >= 0x10000 && c < 0x110000 && g_unichar_isdefined (c) &&
          g_unichar_type (c) != G_UNICODE_PRIVATE_USE);
}

/* How many of the first units of @data, read as UTF-16 or UTF-32 of the
 * given byte order, are plausible characters, in thousandths. */
static guint
plausibility (const guint8 *data,
              gsize         len,
              guint         unit,
              gboolean      big_endian)
{
  gsize total = 0, good = 0;

  for (gsize i = 0; i + unit <= len; i += unit)
    {
      guint32 c;

      if (unit == 4)
        c = big_endian ? (guint32) data[i] << 24 | data[i + 1] << 16 | data[i + 2] << 8 | data[i + 3]
                       : (guint32) data[i + 3] << 24 | data[i + 2] << 16 | data[i + 1] << 8 | data[i];
      else
        c = big_endian ? (guint32) data[i] << 8 | data[i + 1] : (guint32) data[i + 1] << 8 | data[i];

      if (unit == 2 && c >= 0xD800 && c < 0xDC00 && i + 4 <= len)
        {
          /* A surrogate pair stands for one character of the upper planes. */
          guint32 low = big_endian ? (guint32) data[i + 2] << 8 | data[i + 3]
                                   : (guint32) data[i + 3] << 8 | data[i + 2];
          if (low >= 0xDC00 && low < 0xE000)
            {
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              i += 2;
            }
        }
      total++;
      /* Latin text read in the wrong byte order gives U+xx00, which real
       * text hardly has (but for 一 and the ideographic space). */
      if ((c & 0xFF) == 0 && c > 0xFF && c != 0x3000 && c != 0x4E00)
        continue;
      good += is_plausible (c);
    }
  return total > 0 ? (guint) (good * 1000 / total) : 0;
}

/* UTF-16 or UTF-32 without a byte-order mark: read either way, one byte
 * order gives characters a document is made of, the other (and binary
 * data) mostly does not. */
static const char *
sniff_wide (const guint8 *data,
            gsize         len)
{
  static const struct { guint unit; gboolean big_endian; const char *name; } kinds[] = {
    { 4, FALSE, "UTF-32LE" }, { 4, TRUE, "UTF-32BE" },
    { 2, FALSE, "UTF-16LE" }, { 2, TRUE, "UTF-16BE" },
  };
  gsize n = MIN (len, 65536);
  guint score[G_N_ELEMENTS (kinds)];

  /* A few bytes say nothing of their encoding. */
  if (n < 16)
    return NULL;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    score[k] = len % kinds[k].unit == 0 ? plausibility (data, n, kinds[k].unit, kinds[k].big_endian) : 0;

  /* UTF-32 first: its text also reads as UTF-16 with a NUL every
   * other character, which is not plausible. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k += 2)
    {
      guint a = score[k], b = score[k + 1];

      if (MAX (a, b) >= 950 && MAX (a, b) >= MIN (a, b) + 200)
        return a > b ? kinds[k].name : kinds[k + 1].name;
    }
  return NULL;
}

/* @data decoded from the iconv encoding @iconv_name, whole: NULL when
 * one byte does not decode. */
static char *
convert_one (const char *data,
             gsize       len,
             const char *iconv_name,
             gsize      *out_len)
{
  g_autoptr(GError) error = NULL;
  gsize unit = g_str_has_prefix (iconv_name, "UTF-32") ? 4 : g_str_has_prefix (iconv_name, "UTF-16") ? 2 : 1;
  gsize read = 0;
  char *utf8;

  /* A last character cut short is the end of a truncated file, not a
   * reason to refuse the rest. */
  len -= len % unit;
  utf8 = g_convert (data, len, "UTF-8", iconv_name, &read, out_len, &error);
  if (utf8 == NULL && g_error_matches (error, G_CONVERT_ERROR, G_CONVERT_ERROR_PARTIAL_INPUT) &&
      len - read <= 4)
    {
      g_clear_error (&error);
      utf8 = g_convert (data, read, "UTF-8", iconv_name, NULL, out_len, &error);
    }
  if (utf8 != NULL && !g_utf8_validate_len (utf8, *out_len, NULL))
    g_clear_pointer (&utf8, g_free);
  return utf8;
}

/* Each of @iconv_names (by ':') in turn: Big5 as Hong Kong writes it,
 * then as Windows does. */
static char *
convert_all (const char *data,
             gsize       len,
             const char *iconv_names,
             gsize      *out_len)
{
  g_auto(GStrv) names = g_strsplit (iconv_names, ":", -1);
  char *utf8 = NULL;

  for (guint i = 0; names[i] != NULL && utf8 == NULL; i++)
    utf8 = convert_one (data, len, names[i], out_len);
  return utf8;
}

/* @data decoded from @iconv_name with every byte that does not decode
 * shown as U+FFFD; @n_bad receives how many there were. */
static char *
convert_lenient (const char *data,
                 gsize       len,
                 const char *iconv_name,
                 gsize      *n_bad)
{
  GIConv cd = g_iconv_open ("UTF-8", iconv_name);
  GString *out;
  char buf[4096];

  *n_bad = 0;
  if (cd == (GIConv) -1)
    return NULL;
  out = g_string_sized_new (len + len / 2);
  while (len > 0)
    {
      char *in = (char *) data, *o = buf;
      gsize in_left = len, out_left = sizeof buf;
      gsize r = g_iconv (cd, &in, &in_left, &o, &out_left);

      g_string_append_len (out, buf, o - buf);
      data = in;
      len = in_left;
      if (r == (gsize) -1 && errno != E2BIG)
        {
          /* EILSEQ or EINVAL: one byte is skipped, marked. */
          g_string_append (out, "\xEF\xBF\xBD");
          (*n_bad)++;
          data++;
          len--;
          g_iconv (cd, NULL, NULL, NULL, NULL);
        }
    }
  g_iconv_close (cd);
  if (!g_utf8_validate_len (out->str, out->len, NULL))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
set_binary (GError **error)
{
  g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_BINARY,
                       _("The file holds binary data, not text."));
}

static gboolean
is_binary_text (const char *utf8,
                gsize       n)
{
  return memchr (utf8, '\0', n) != NULL || _fz_text_looks_binary (utf8, n);
}

/* Decodes @data as @enc, refusing what does not look like text. */
static char *
decode_as (const char      *data,
           gsize            len,
           const Encoding  *enc,
           gboolean        *binary)
{
  gsize n = 0;
  char *utf8 = convert_all (data, len, enc->iconv, &n);

  *binary = FALSE;
  if (utf8 != NULL && is_binary_text (utf8, n))
    {
      *binary = TRUE;
      g_clear_pointer (&utf8, g_free);
    }
  return utf8;
}

/* ICU's guesses, best first: the first that iconv decodes wins, among
 * those nearly as likely as the best (windows-1252 decodes anything, and
 * would otherwise win whenever Big5 has a byte iconv does not know).
 * When none decodes cleanly, the best guess if no more than one byte in
 * a hundred fails (@n_bad receives how many, which the reviewer is told).  @best_name receives ICU's
 * best guess when nothing decodes. */
static char *
detect_legacy (const char      *data,
               gsize            len,
               gboolean         markup,
               const Encoding **found,
               gsize           *n_bad,
               const char     **best_name)
{
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector *detector = ucsdet_open (&status);
  const UCharsetMatch **matches;
  const Encoding *best = NULL;
  int32_t n_matches = 0, top = 0;
  char *utf8 = NULL;

  *best_name = NULL;
  *n_bad = 0;
  if (U_FAILURE (status))
    return NULL;

  ucsdet_enableInputFilter (detector, markup);
  ucsdet_setText (detector, data, (int32_t) MIN (len, SAMPLE_BYTES), &status);
  matches = ucsdet_detectAll (detector, &n_matches, &status);

  for (int32_t i = 0; U_SUCCESS (status) && i < n_matches && utf8 == NULL; i++)
    {
      UErrorCode s = U_ZERO_ERROR;
      const char *name = ucsdet_getName (matches[i], &s);
      int32_t confidence = ucsdet_getConfidence (matches[i], &s);
      const Encoding *enc;
      gboolean binary;

      if (i == 0)
        top = confidence;
      if (U_FAILURE (s) || confidence < MIN_CONFIDENCE || confidence * 2 < top)
        break;
      if (i == 0)
        *best_name = g_intern_string (name);
      /* EBCDIC and UTF-16/32 guesses are not for text without zeros. */
      if ((enc = find_encoding (name)) == NULL || g_str_has_prefix (enc->iconv, "UTF-"))
        continue;
      if (best == NULL)
        best = enc;
      if ((utf8 = decode_as (data, len, enc, &binary)) != NULL)
        *found = enc;
    }
  ucsdet_close (detector);

  if (utf8 == NULL && best != NULL)
    {
      g_autofree char *first = g_strndup (best->iconv, strcspn (best->iconv, ":"));
      char *lenient = convert_lenient (data, len, first, n_bad);

      if (lenient != NULL && *n_bad <= 2 + len / 100 && !is_binary_text (lenient, strlen (lenient)))
        {
          *found = best;
          return lenient;
        }
      g_free (lenient);
      *n_bad = 0;
    }
  return utf8;
}

char *
_fz_text_decode_full (const char  *data,
                      gsize        len,
                      const char  *declared,
                      gboolean     markup,
                      const char **encoding,
                      const char **label,
                      gsize       *n_undecoded,
                      GError     **error)
{
  static const struct { const char *bom; gsize n; const char *name; } boms[] = {
    { "\xEF\xBB\xBF", 3, "UTF-8" },
    /* UTF-32LE's mark starts like UTF-16LE's: it comes first. */
    { "\xFF\xFE\x00\x00", 4, "UTF-32LE" },
    { "\x00\x00\xFE\xFF", 4, "UTF-32BE" },
    { "\xFF\xFE", 2, "UTF-16LE" },
    { "\xFE\xFF", 2, "UTF-16BE" },
  };
  const Encoding *enc = NULL;
  const char *best = NULL;
  g_autofree char *stripped = NULL;
  gboolean binary = FALSE;
  gsize n_bad = 0, n_zeros = 0;
  char *utf8 = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (data == NULL)
    data = "";
  for (guint i = 0; i < G_N_ELEMENTS (boms) && enc == NULL; i++)
    if (len >= boms[i].n && memcmp (data, boms[i].bom, boms[i].n) == 0)
      {
        enc = find_encoding (boms[i].name);
        data += boms[i].n;
        len -= boms[i].n;
        if (g_str_equal (boms[i].name, "UTF-8"))
          /* Valid but for a stray byte: the mark says UTF-8, and it is. */
          utf8 = g_utf8_make_valid (data, len);
        else
          utf8 = decode_as (data, len, enc, &binary);
        if (utf8 == NULL && !binary)
          {
            g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_ENCODING,
                         _("The text says it is in %s but is not: parts of it are damaged. Ask the sender for a new copy."),
                         enc->name);
            return NULL;
          }
      }

  if (enc == NULL && memchr (data, '\0', len) != NULL)
    {
      const char *wide = sniff_wide ((const guint8 *) data, len);
      gsize zeros = 0;

      if (wide != NULL)
        utf8 = decode_as (data, len, (enc = find_encoding (wide)), &binary);
      for (gsize i = 0; wide == NULL && i < len; i++)
        zeros += data[i] == '\0';
      if (wide == NULL && zeros * 20 < len)
        {
          /* A few zero bytes in text: damage, left out and counted. */
          char *copy = g_malloc (len - zeros);
          gsize k = 0;

          for (gsize i = 0; i < len; i++)
            if (data[i] != '\0')
              copy[k++] = data[i];
          data = stripped = copy;
          len = k;
          n_zeros = zeros;
        }
      else
        /* Zeros that are not UTF-16 or UTF-32. */
        binary = utf8 == NULL;
    }

  if (enc != NULL || binary)
    ;
  else if (g_utf8_validate_len (data, len, NULL))
    {
      enc = find_encoding ("UTF-8");
      utf8 = g_strndup (data, len);
    }
  else
    {
      const Encoding *said = find_encoding (declared);

      /* What the page or the mail part declares, when all of it decodes
       * so: a page that says UTF-8 and is not is not believed. */
      if (said != NULL && !g_str_has_prefix (said->iconv, "UTF-") &&
          (utf8 = decode_as (data, len, said, &binary)) != NULL)
        enc = said;
      else
        utf8 = detect_legacy (data, len, markup, &enc, &n_bad, &best);
    }

  if (utf8 == NULL)
    {
      /* Control bytes that no text encoding uses for letters. */
      gsize controls = n_zeros;

      for (gsize i = 0; i < len; i++)
        controls += ((guchar) data[i] < 0x20 && !g_ascii_isspace (data[i])) || data[i] == 0x7F;
      if (binary || controls * 50 > len + n_zeros)
        set_binary (error);
      else if (best != NULL && find_encoding (best) == NULL)
        g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_ENCODING,
                     _("The text seems to be in the encoding %s, which cannot be read here. Save it as UTF-8 text and open that."),
                     best);
      else if (best != NULL)
        g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_ENCODING,
                     _("The text seems to be in %s, but parts of it do not decode: it may be damaged, or in an encoding that cannot be told. Save it as UTF-8 text and open that."),
                     _(find_encoding (best)->label ? find_encoding (best)->label : find_encoding (best)->name));
      else
        g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_ENCODING,
                             _("The text is in an encoding that cannot be told (it is not UTF-8, UTF-16, GB18030 or Big5). Save it as UTF-8 text and open that."));
      return NULL;
    }

  if (is_binary_text (utf8, strlen (utf8)))
    {
      g_free (utf8);
      set_binary (error);
      return NULL;
    }

  if (encoding != NULL)
    *encoding = enc->name;
  if (label != NULL)
    *label = enc->label ? _(enc->label) : NULL;
  if (n_undecoded != NULL)
    *n_undecoded = n_bad + n_zeros;
  return utf8;
}

char *
fz_text_decode (const char  *data,
                gsize        len,
                const char **encoding,
                GError     **error)
{
  return _fz_text_decode_full (data, len, NULL, FALSE, encoding, NULL, NULL, error);
}

void
_fz_document_warn_encoding (FzDocument *doc,
                            const char *label,
                            gsize       n_undecoded)
{
  if (label != NULL)
    {
      g_autofree char *msg =
        g_strdup_printf (_("The text was read as %s. If it does not read right, ask the sender for the file in UTF-8 or GB18030."),
                         label);
      fz_document_add_warning (doc, msg);
    }
  if (n_undecoded > 0)
    {
      g_autofree char *msg =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u character of the text could not be decoded and shows as “�”.",
                                      "%u characters of the text could not be decoded and show as “�”.",
                                      n_undecoded),
                         (guint) n_undecoded);
      fz_document_add_warning (doc, msg);
    }
}

char *
_fz_text_decode_head (const char *data,
                      gsize       len,
                      gsize       max)
{
  const char *wide;
  gsize n = 0;

  if (len >= 4 && (memcmp (data, "\xFF\xFE\x00\x00", 4) == 0 || memcmp (data, "\x00\x00\xFE\xFF", 4) == 0))
    wide = data[0] == '\xFF' ? "UTF-32LE" : "UTF-32BE";
  else if (len >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    wide = data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
  else
    wide = sniff_wide ((const guint8 *) data, len);

  if (wide == NULL)
    return NULL;
  return convert_all (data, MIN (len, max), wide, &n);
}
