/* test-import-kinds.c: what a file is, and what the reviewer is told
 *
 * Files built here byte by byte: a Word compound file with the
 * "encrypted" bit in its header, Works files, WordPerfect and Word 2
 * headers, a password-protected OpenDocument file, the path Git leaves in
 * place of a symbolic link, RTF that lost its header.  Each is told for
 * what it is, and refused or read accordingly.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "fz-test-import.h"

static void
put32 (guint8  *p,
       guint32  v)
{
  p[0] = v & 0xFF;
  p[1] = (v >> 8) & 0xFF;
  p[2] = (v >> 16) & 0xFF;
  p[3] = v >> 24;
}

static void
put16 (guint8  *p,
       guint16  v)
{
  p[0] = v & 0xFF;
  p[1] = v >> 8;
}

static void
put_name (guint8     *entry,
          const char *name)
{
  gsize n = strlen (name);

  for (gsize i = 0; i < n; i++)
    put16 (entry + 2 * i, name[i]);
  put16 (entry + 0x40, (n + 1) * 2);
}

/* A compound file of 512-byte sectors: the FAT in sector 0, the
 * directory in sector 1, one 4096-byte stream @name from sector 2 holding
 * @head at its start, and @extra, a second stream's name, listed empty. */
static GBytes *
make_compound_file (const char   *name,
                    const guint8 *head,
                    gsize         head_len,
                    const char   *extra)
{
  gsize size = 512 * (1 + 2 + 8);
  guint8 *f = g_malloc0 (size);
  guint8 *fat = f + 512, *dir = f + 1024, *stream = f + 1536;

  memcpy (f, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  put16 (f + 0x18, 0x3E);
  put16 (f + 0x1A, 3);
  put16 (f + 0x1C, 0xFFFE);
  put16 (f + 0x1E, 9);
  put16 (f + 0x20, 6);
  put32 (f + 0x2C, 1);
  put32 (f + 0x30, 1);
  put32 (f + 0x38, 4096);
  put32 (f + 0x3C, 0xFFFFFFFE);
  put32 (f + 0x44, 0xFFFFFFFE);
  put32 (f + 0x4C, 0);
  for (guint i = 1; i < 109; i++)
    put32 (f + 0x4C + 4 * i, 0xFFFFFFFF);

  for (guint i = 0; i < 128; i++)
    put32 (fat + 4 * i, 0xFFFFFFFF);
  put32 (fat, 0xFFFFFFFD);
  put32 (fat + 4, 0xFFFFFFFE);
  for (guint i = 2; i < 9; i++)
    put32 (fat + 4 * i, i + 1);
  put32 (fat + 4 * 9, 0xFFFFFFFE);

  put_name (dir, "Root Entry");
  dir[0x42] = 5;
  put32 (dir + 0x74, 0xFFFFFFFE);
  put_name (dir + 128, name);
  dir[128 + 0x42] = 2;
  put32 (dir + 128 + 0x74, 2);
  put32 (dir + 128 + 0x78, 4096);
  if (extra != NULL)
    {
      put_name (dir + 256, extra);
      dir[256 + 0x42] = 2;
      put32 (dir + 256 + 0x74, 0xFFFFFFFE);
    }
  memcpy (stream, head, head_len);

  return g_bytes_new_take (f, size);
}

static void
assert_refused (const char *name,
                GBytes     *bytes,
                int         code,
                const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  doc = fz_test_import_data (name, data, len, &error);
  g_assert_null (doc);
  g_assert_error (error, FZ_IMPORT_ERROR, code);
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
}

/* Word's file header: wIdent 0xA5EC, and the fEncrypted bit in the flags
 * at 0x0A. */
static void
test_encrypted_doc (void)
{
  guint8 fib[16] = { 0xEC, 0xA5, 0xC1, 0x00 };
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) locked = NULL;

  plain = make_compound_file ("WordDocument", fib, sizeof fib, "1Table");
  g_assert_cmpstr (fz_import_detect_format (plain), ==, "doc");

  put16 (fib + 0x0A, 0x0100);
  locked = make_compound_file ("WordDocument", fib, sizeof fib, "1Table");
  g_assert_cmpstr (fz_import_detect_format (locked), ==, "encrypted");
  g_setenv ("LANGUAGE", "C", TRUE);
  assert_refused ("locked.doc", locked, FZ_IMPORT_ERROR_ENCRYPTED, "password");
}

/* Works 3 and 4 keep their text in MatOST; Works 2000 in CONTENTS, with a
 * CompObj naming Works, or a CONTENTS stream of chunks. */
static void
test_works (void)
{
  static const guint8 blank[16];
  static const guint8 compobj[] = "\1\0\xFE\xFF\3\xA\0\0MSWorksWPDoc\0Microsoft Works Word Processor";
  g_autoptr(GBytes) works4 = make_compound_file ("MatOST", blank, sizeof blank, NULL);
  g_autoptr(GBytes) works2000 = make_compound_file ("CompObj", compobj, sizeof compobj, "CONTENTS");
  g_autoptr(GBytes) chunks = make_compound_file ("CONTENTS", (const guint8 *) "CHNKINK \4\0\0\0", 12, "CompObj");
  g_autoptr(GBytes) other = make_compound_file ("CONTENTS", blank, sizeof blank, NULL);

  g_assert_cmpstr (fz_import_detect_format (works4), ==, "works");
  g_assert_cmpstr (fz_import_detect_format (works2000), ==, "works");
  g_assert_cmpstr (fz_import_detect_format (chunks), ==, "works");
  g_assert_cmpstr (fz_import_detect_format (other), ==, "ole");
}

/* Word processors from before compound files go to LibreOffice. */
static void
test_legacy_headers (void)
{
  static const struct { const char *head; gsize len; const char *format; } cases[] = {
    { "\xFFWPC\x10\x00\x00\x00\x01\x0A", 10, "wordperfect" },
    { "\xDB\xA5\x2D\x00\x00\x00\x09\x04", 8, "doc" },
    { "\x9B\xA5\x21\x00\x00\x00\x00\x00", 8, "doc" },
    { "\x31\xBE\x00\x00\x00\xAB\x00\x00", 8, "doc" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GByteArray) data = g_byte_array_new ();
      g_autoptr(GBytes) bytes = NULL;
      guint8 zeros[256] = { 0 };

      g_byte_array_append (data, (const guint8 *) cases[i].head, cases[i].len);
      g_byte_array_append (data, zeros, sizeof zeros);
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
      g_assert_cmpstr (fz_import_detect_format (bytes), ==, cases[i].format);
    }
}

/* LibreOffice protects an .odt with a password by encrypting its parts,
 * which the manifest lists with how. */
static void
test_encrypted_odt (void)
{
  const char *entries[] = {
    "mimetype", "application/vnd.oasis.opendocument.text",
    "META-INF/manifest.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
    "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
    "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">"
    "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" manifest:checksum=\"AAAA\">"
    "<manifest:algorithm manifest:algorithm-name=\"http://www.w3.org/2001/04/xmlenc#aes256-cbc\"/>"
    "</manifest:encryption-data></manifest:file-entry></manifest:manifest>",
    "content.xml", "\x8a\x13\xf0 not XML, but the encrypted bytes of it",
    NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = fz_test_import_zip ("locked.odt", entries, &error);

  g_assert_null (doc);
  g_assert_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_ENCRYPTED);
}

/* Git, on a system without symbolic links, leaves a small file holding
 * the link's path: not a report, whatever its name says. */
static void
test_link_stub (void)
{
  static const char stub[] = "../../../example-docs/handbook-1p.docx";
  static const char stub_nl[] = "docs/报告/2024年度报告.pdf\n";
  g_autoptr(GBytes) a = g_bytes_new_static (stub, sizeof stub - 1);
  g_autoptr(GBytes) b = g_bytes_new_static (stub_nl, sizeof stub_nl - 1);
  /* A one-line text that merely mentions a file is still text. */
  static const char sentence[] = "附件：docs/2024年度报告.pdf 已另行报送。";
  g_autoptr(GBytes) c = g_bytes_new_static (sentence, sizeof sentence - 1);

  g_assert_cmpstr (fz_import_detect_format (a), ==, "link");
  g_assert_cmpstr (fz_import_detect_format (b), ==, "link");
  g_assert_cmpstr (fz_import_detect_format (c), ==, "text");
  g_setenv ("LANGUAGE", "C", TRUE);
  assert_refused ("handbook-1p.docx", a, FZ_IMPORT_ERROR_NOT_DOCUMENT, "../../../example-docs/handbook-1p.docx");
}

/* RTF without its "{\rtf1" header is RTF, not text full of control
 * words; plain text with a backslash or two is still text. */
static void
test_rtf_fragment (void)
{
  /* 2024年法治政府建设情况 / 全年审查规范性文件9件。, as RTF writes them. */
  static const char fragment[] =
    "{\\pard \\ql \\f0 \\fs24 \\sa180 \\li0 \\fi0 2024\\u24180?\\u27861?\\u27835?\\u25919?\\u24220?\\u24314?\\u35774?\\u24773?\\u20917?\\par}\n"
    "{\\pard \\ql \\f0 \\fs24 \\sa180 \\li0 \\fi0 \\u20840?\\u24180?\\u23457?\\u26597?\\u35268?\\u33539?\\u24615?\\u25991?\\u20214?9\\u20214?\\u12290?\\par}\n";
  static const char text[] = "{注} 路径 C:\\报告\\2024 已归档，共9件。\n";
  g_autoptr(GBytes) a = g_bytes_new_static (fragment, sizeof fragment - 1);
  g_autoptr(GBytes) b = g_bytes_new_static (text, sizeof text - 1);
  g_autofree char *soffice = g_find_program_in_path ("soffice");

  g_assert_cmpstr (fz_import_detect_format (a), ==, "rtf");
  g_assert_cmpstr (fz_import_detect_format (b), ==, "text");

  /* Through LibreOffice, when it is here, the header is put back. */
  if (soffice != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FzDocument) doc = fz_test_import_data ("fragment.rtf", fragment, sizeof fragment - 1, &error);

      g_assert_no_error (error);
      g_assert_cmpint (fz_test_find_paragraph (doc, "全年审查规范性文件9件"), >=, 0);
      g_assert_cmpint (fz_test_find_paragraph (doc, "\\par"), ==, -1);
    }
}

/* Letters that make a word of English in @message, outside what it
 * quotes (the file's name, a path) and but for names (PDF, Word…). */
static gboolean
has_english (const char *message)
{
  static const char * const names[] = {
    "PDF", "OFD", "Word", "WPS", "LibreOffice", "OCR", "Git", "zip", "XML", NULL,
  };
  g_autoptr(GString) bare = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = message; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x201C)
        quoted = TRUE;
      else if (c == 0x201D)
        quoted = FALSE;
      else if (!quoted)
        g_string_append_unichar (bare, c);
    }
  for (const char *p = bare->str; *p;)
    {
      gsize n = 0;

      while (g_ascii_isalpha (p[n]) || (n > 0 && (g_ascii_isdigit (p[n]) || p[n] == '-' || p[n] == '_')))
        n++;
      if (n >= 2)
        {
          g_autofree char *word = g_strndup (p, n);
          gboolean name = strpbrk (word, "0123456789") != NULL || (p > bare->str && p[-1] == '.');

          for (guint i = 0; names[i] != NULL && !name; i++)
            name = g_ascii_strcasecmp (word, names[i]) == 0;
          if (!name)
            return TRUE;
        }
      p += n > 0 ? n : 1;
    }
  return FALSE;
}

/* Under zh_CN every refusal is Chinese, with no English and no library
 * jargon ("Truncated ZIP file header", "Invalid byte sequence"). */
static void
test_messages_chinese (void)
{
  static const char stub[] = "../../../example-docs/handbook-1p.docx";
  static const char link_name[] = "handbook.docx";
  guint8 fib[16] = { 0xEC, 0xA5, 0xC1, 0x00 };
  g_autoptr(GBytes) locked = NULL;
  g_autofree char *zip_path = NULL;
  g_autofree char *cut = NULL;
  gsize zip_len;
  guint8 binary[512];
  const char *entries[] = { "word/document.xml", "<w:document/>", "[Content_Types].xml", "<Types/>", NULL };
  struct { const char *name; const char *data; gsize len; } cases[4];

  put16 (fib + 0x0A, 0x0100);
  locked = make_compound_file ("WordDocument", fib, sizeof fib, NULL);
  zip_path = fz_test_write_zip ("whole.docx", entries);
  g_assert_true (g_file_get_contents (zip_path, &cut, &zip_len, NULL));
  for (guint i = 0; i < sizeof binary; i++)
    binary[i] = (guint8) (i * 7 + 3);

  cases[0] = (typeof (cases[0])) { "cut.docx", cut, zip_len / 2 };
  cases[1] = (typeof (cases[0])) { link_name, stub, sizeof stub - 1 };
  cases[2] = (typeof (cases[0])) { "locked.doc", g_bytes_get_data (locked, NULL), g_bytes_get_size (locked) };
  cases[3] = (typeof (cases[0])) { "noise.txt", (const char *) binary, sizeof binary };

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FzDocument) doc = fz_test_import_data (cases[i].name, cases[i].data, cases[i].len, &error);

      g_assert_null (doc);
      g_assert_nonnull (error);
      if (!g_utf8_validate (error->message, -1, NULL) || !g_regex_match_simple ("\\p{Han}", error->message, 0, 0) ||
          has_english (error->message))
        g_error ("not a Chinese message: %s", error->message);
    }
  g_setenv ("LANGUAGE", "C", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* LANGUAGE picks the catalog unless the locale is plain C. */
  setlocale (LC_ALL, "C.UTF-8");
  fz_init ();

  g_test_add_func ("/kinds/encrypted-doc", test_encrypted_doc);
  g_test_add_func ("/kinds/works", test_works);
  g_test_add_func ("/kinds/legacy-headers", test_legacy_headers);
  g_test_add_func ("/kinds/encrypted-odt", test_encrypted_odt);
  g_test_add_func ("/kinds/link-stub", test_link_stub);
  g_test_add_func ("/kinds/rtf-fragment", test_rtf_fragment);
  g_test_add_func ("/kinds/messages-chinese", test_messages_chinese);

  return fz_test_import_run ();
}
