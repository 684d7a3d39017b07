/* fz-import-detect.c: what a file is, by its content
 *
 * The name a file arrives under says little (a .doc may be a .docx, a
 * web page or WordPerfect; a .docx may be a link Git left behind), so the
 * format is told by the bytes: magic numbers, the parts of a zip, the
 * streams of a compound file, the start of a text.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-import"

#include "config.h"

#include <string.h>

#include "fz-import-private.h"
#include "fz-import.h"

static gboolean
has_prefix (const char *data,
            gsize       len,
            const char *magic,
            gsize       magic_len)
{
  return len >= magic_len && memcmp (data, magic, magic_len) == 0;
}

static gboolean
contains (const char *data,
          gsize       len,
          const char *needle,
          gsize       needle_len)
{
  if (needle_len == 0 || len < needle_len)
    return FALSE;
  for (const char *p = data, *last = data + len - needle_len;
       p <= last && (p = memchr (p, needle[0], last - p + 1)) != NULL;
       p++)
    if (memcmp (p, needle, needle_len) == 0)
      return TRUE;
  return FALSE;
}

/* @ascii as UTF-16LE, as stream names stand in an OLE directory. */
static gboolean
has_utf16_name (const char *data,
                gsize       len,
                const char *ascii)
{
  gsize n = strlen (ascii);
  g_autofree char *wide = g_malloc0 (2 * n);

  for (gsize i = 0; i < n; i++)
    wide[2 * i] = ascii[i];

  return contains (data, len, wide, 2 * n);
}

/* Word's file header (FIB) says whether the document is encrypted with a
 * password (RC4 or XOR obfuscation). */
static gboolean
word_is_encrypted (GBytes *bytes)
{
  g_autoptr(GBytes) fib = _fz_cfb_read_stream (bytes, "WordDocument", 12);
  gsize n = 0;
  const guint8 *p = fib ? g_bytes_get_data (fib, &n) : NULL;

  return n >= 12 && p[0] == 0xEC && p[1] == 0xA5 && (p[0x0B] & 0x01) != 0;
}

static gboolean
stream_starts_with (GBytes     *bytes,
                    const char *stream,
                    const char *magic)
{
  gsize want = strlen (magic), n = 0;
  g_autoptr(GBytes) head = _fz_cfb_read_stream (bytes, stream, want);
  const char *p = head ? g_bytes_get_data (head, &n) : NULL;

  return n == want && memcmp (p, magic, want) == 0;
}

/* Word, Kingsoft WPS and Microsoft Works all write OLE compound files; the
 * names of their streams tell them apart.  Kingsoft adds its own streams
 * and properties next to a Word-compatible "WordDocument". */
static const char *
sniff_ole (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  gboolean word = has_utf16_name (data, len, "WordDocument");

  /* Word, WPS and Excel keep a password-protected .docx or .xlsx inside a
   * compound file; a password-protected .doc says so in its header. */
  if (has_utf16_name (data, len, "EncryptedPackage") || (word && word_is_encrypted (bytes)))
    return "encrypted";

  if (word && (has_utf16_name (data, len, "WpsCustomData") ||
               has_utf16_name (data, len, "KSOProductBuildVer") ||
               contains (data, len, "KSOProductBuildVer", 18) ||
               contains (data, len, "Kingsoft", 8)))
    return "wps";
  if (word)
    return "doc";
  /* Works 3 and 4 keep their text in "MatOST", Works 2000 and later in
   * "CONTENTS", a chain of chunks ("CHNKWKS ", "CHNKINK ") beside
   * "SPELLING" or a CompObj naming Works. */
  if (has_utf16_name (data, len, "MatOST") ||
      (has_utf16_name (data, len, "CONTENTS") &&
       (has_utf16_name (data, len, "SPELLING") || contains (data, len, "Works", 5) ||
        stream_starts_with (bytes, "CONTENTS", "CHNK"))))
    return "works";
  if (has_utf16_name (data, len, "Workbook") || has_utf16_name (data, len, "Book"))
    return "xls";
  if (has_utf16_name (data, len, "PowerPoint Document"))
    return "ppt";
  return "ole";
}

/* Word processors from before compound files, which LibreOffice reads:
 * Word 1 and 2 for Windows, Word for DOS and the Macintosh, and
 * WordPerfect 5 and later. */
static const char *
sniff_legacy_word (const char *data,
                   gsize       len)
{
  if (has_prefix (data, len, "\xFFWPC", 4))
    return "wordperfect";
  if (has_prefix (data, len, "\x9B\xA5", 2) || has_prefix (data, len, "\xDB\xA5", 2) ||
      has_prefix (data, len, "\x31\xBE\x00\x00\x00\xAB", 6) ||
      has_prefix (data, len, "\xFE\x37\x00\x1C", 4) || has_prefix (data, len, "\xFE\x37\x00\x23", 4))
    return "doc";
  return NULL;
}

/* RTF that lost its "{\rtf1" header: a group opening with control words,
 * and control words all through. */
static gboolean
looks_like_rtf_fragment (const char *data,
                         gsize       len)
{
  gsize i = 0, words = 0, window = MIN (len, 4096);

  while (i < window && g_ascii_isspace (data[i]))
    i++;
  if (i + 2 >= window || data[i] != '{' || data[i + 1] != '\\' || !g_ascii_isalpha (data[i + 2]))
    return FALSE;
  for (gsize k = i; k + 1 < window; k++)
    if (data[k] == '\\' && g_ascii_islower (data[k + 1]))
      words++;
  /* One control word every 40 bytes or more: no text has that. */
  return words * 40 >= window - i;
}

/* What Git leaves in place of a symbolic link on a system without them:
 * a few bytes holding the path it pointed to. */
char *
_fz_import_link_target (const char *data,
                        gsize       len)
{
  g_autofree char *line = NULL;
  const char *slash, *dot;

  if (len == 0 || len > 1024 || memchr (data, '\0', len) != NULL)
    return NULL;
  line = g_strstrip (g_strndup (data, len));
  if (line[0] == '\0' || strpbrk (line, " \t\r\n<>{}\"'|") != NULL ||
      !g_utf8_validate (line, -1, NULL))
    return NULL;
  slash = strrchr (line, '/');
  dot = strrchr (line, '.');
  /* A path with a folder and a file name with an extension. */
  if (slash == NULL || dot == NULL || dot < slash || strlen (dot) < 2 || strlen (dot) > 6)
    return NULL;
  for (const char *p = dot + 1; *p; p++)
    if (!g_ascii_isalnum (*p))
      return NULL;
  return g_steal_pointer (&line);
}

typedef struct
{
  gboolean docx, content, ofd, xlsx, pptx;
} ZipNames;

static gboolean
note_zip_name (const char *name,
               gpointer    user_data)
{
  ZipNames *names = user_data;

  names->docx |= g_str_equal (name, "word/document.xml");
  names->content |= g_str_equal (name, "content.xml");
  names->ofd |= g_str_equal (name, "OFD.xml");
  names->xlsx |= g_str_equal (name, "xl/workbook.xml");
  names->pptx |= g_str_equal (name, "ppt/presentation.xml");

  return g_str_equal (name, "mimetype") || g_str_equal (name, "_rels/.rels");
}

static const char *
sniff_zip (GBytes        *bytes,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GHashTable) parts = NULL;
  ZipNames names = { 0 };
  GBytes *mimetype;

  parts = _fz_zip_read (bytes, note_zip_name, &names, cancellable, error);
  if (parts == NULL)
    return NULL;

  /* Office files name their main part in _rels/.rels: Office 365 writes
   * word/document2.xml. */
  {
    g_autofree char *main_part = _fz_opc_related (parts, NULL, "officeDocument");

    if (main_part != NULL && g_str_has_prefix (main_part, "word/"))
      names.docx = TRUE;
    else if (main_part != NULL && g_str_has_prefix (main_part, "xl/"))
      names.xlsx = TRUE;
    else if (main_part != NULL && g_str_has_prefix (main_part, "ppt/"))
      names.pptx = TRUE;
  }
  if (names.docx)
    return "docx";
  if (names.ofd)
    return "ofd";
  if (names.xlsx)
    return "xlsx";
  if (names.pptx)
    return "pptx";
  if ((mimetype = g_hash_table_lookup (parts, "mimetype")) != NULL)
    {
      gsize n;
      const char *m = g_bytes_get_data (mimetype, &n);

      if (has_prefix (m, n, "application/vnd.oasis.opendocument.text", 39))
        return "odt";
      return "opendocument";
    }
  if (names.content)
    return "odt";
  return "zip";
}

static gboolean
looks_like_html (const char *data,
                 gsize       len)
{
  static const char * const starts[] = { "<!doctype html", "<html", "<head", "<meta", "<body", "<title" };
  gsize i = has_prefix (data, len, "\xEF\xBB\xBF", 3) ? 3 : 0;
  gsize window;

  while (i < len && g_ascii_isspace (data[i]))
    i++;
  for (guint k = 0; k < G_N_ELEMENTS (starts); k++)
    if (len - i >= strlen (starts[k]) && g_ascii_strncasecmp (data + i, starts[k], strlen (starts[k])) == 0)
      return TRUE;

  /* XHTML, and pages opening with a comment or a script: an <html>,
   * <head> or <body> tag near the start. */
  if (i < len && data[i] == '<')
    {
      window = MIN (len, 8192);
      for (gsize k = i; k + 6 <= window; k++)
        if (data[k] == '<' &&
            (g_ascii_strncasecmp (data + k + 1, "html", 4) == 0 ||
             g_ascii_strncasecmp (data + k + 1, "head", 4) == 0 ||
             g_ascii_strncasecmp (data + k + 1, "body", 4) == 0) &&
            (data[k + 5] == '>' || g_ascii_isspace (data[k + 5])))
          return TRUE;
    }
  return FALSE;
}

static gboolean
looks_like_mhtml (const char *data,
                  gsize       len)
{
  gsize window = MIN (len, 4096);

  for (gsize k = 0; k + 17 <= window; k++)
    if (g_ascii_strncasecmp (data + k, "multipart/related", 17) == 0)
      return has_prefix (data, len, "MIME-Version", 12) || has_prefix (data, len, "From:", 5) ||
             g_strstr_len (data, window, "MIME-Version") != NULL;
  return FALSE;
}

/* The format of @bytes by content; NULL with @error only when a zip
 * container is hostile or damaged. */
const char *
_fz_import_detect (GBytes        *bytes,
                   GCancellable  *cancellable,
                   GError       **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *legacy;

  if (has_prefix (data, len, "PK\x03\x04", 4))
    return sniff_zip (bytes, cancellable, error);
  if (has_prefix (data, len, "%PDF", 4) ||
      contains (data, MIN (len, 1024), "%PDF-", 5))
    return "pdf";
  if (has_prefix (data, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    return sniff_ole (bytes);
  if (has_prefix (data, len, "{\\rtf", 5) || looks_like_rtf_fragment (data, len))
    return "rtf";
  if ((legacy = sniff_legacy_word (data, len)) != NULL)
    return legacy;
  {
    g_autofree char *target = _fz_import_link_target (data, len);

    if (target != NULL)
      return "link";
  }
  if (looks_like_mhtml (data, len))
    return "mhtml";
  if (looks_like_html (data, len))
    return "html";

  /* A page saved as UTF-16 or UTF-32. */
  {
    g_autofree char *head = _fz_text_decode_head (data, len, 8192);

    if (head != NULL && looks_like_html (head, strlen (head)))
      return "html";
  }

  return "text";
}

const char *
fz_import_detect_format (GBytes *bytes)
{
  const char *format;

  g_return_val_if_fail (bytes != NULL, NULL);

  format = _fz_import_detect (bytes, NULL, NULL);
  if (format == NULL)
    {
      /* A damaged container still names its parts in its local headers. */
      gsize len;
      const char *data = g_bytes_get_data (bytes, &len);

      if (contains (data, len, "word/document.xml", 17))
        return "docx";
      if (contains (data, len, "OFD.xml", 7))
        return "ofd";
      if (contains (data, len, "application/vnd.oasis.opendocument.text", 39))
        return "odt";
      return "zip";
    }
  return format;
}

gboolean
_fz_import_head_converts (const char *data,
                          gsize       len)
{
  return has_prefix (data, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) ||
         has_prefix (data, len, "{\\rtf", 5) || looks_like_rtf_fragment (data, len) ||
         sniff_legacy_word (data, len) != NULL;
}
