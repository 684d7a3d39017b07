/* test-import-encodings.c: text in every encoding a report arrives in
 *
 * Each text is written here and converted with iconv: what is read back
 * must be the text itself, or a refusal that names the encoding, and an
 * unusual encoding is named in a warning, never read silently.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-test-import.h"
#include "libfazhi.h"

static const char *simplified =
  "青州市人民政府关于2024年法治政府建设情况的报告\n"
  "一、主要措施和成效\n"
  "全年审查规范性文件十二件，办理行政复议案件三十件，行政机关负责人出庭应诉率达到百分之百。\n";

static const char *traditional =
  "臺北市某區公所2024年度法治政府建設工作報告\n"
  "一、主要措施與成效\n"
  "本年度本所持續推動依法行政，健全行政決策程序，落實重大行政決策公眾參與、專家論證、"
  "風險評估、合法性審查及集體討論決定等法定程序。全年審查行政規章及規範性文件十二件，"
  "辦理行政復議案件三十件，行政訴訟應訴案件十五件，行政機關負責人出庭應訴率達到百分之百。\n"
  "二、存在的不足和原因\n"
  "部分基層執法人員法治意識有待加強，執法程序仍不夠規範，資訊公開的時效性亦有改進空間。\n";

static const char *japanese =
  "令和六年度の法令遵守に関する年次報告書\n"
  "本年度、当市では行政手続きの透明性を高めるため、各部署において研修を実施しました。"
  "市民からの意見募集は合計で十二回行われ、寄せられた意見はすべて公開されています。"
  "また、情報公開請求への対応期間を短縮し、平均処理日数は十日となりました。\n";

static const char *western =
  "Annual report on the rule of law, 2024\n"
  "The council’s “open files” programme answered 312 requests for information; "
  "the average wait fell to ten days. Café and shop owners’ complaints about "
  "inspections dropped by a third, and every decision now cites the rule it applies – "
  "a change the auditors had asked for since 2021.\n";

static const char *russian =
  "Годовой отчёт о соблюдении законности за 2024 год\n"
  "В отчётном году администрация рассмотрела двенадцать проектов нормативных актов, "
  "провела тридцать проверок и ответила на все обращения граждан в установленный срок.\n";

static char *
encode (const char *utf8,
        const char *charset,
        gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *out = g_convert (utf8, -1, charset, "UTF-8", NULL, len, &error);

  g_assert_no_error (error);
  return out;
}

/* The document's text is @expected, but for how lines are joined. */
static void
assert_text (FzDocument *doc,
             const char *expected)
{
  g_autofree char *got = fz_test_without_spaces (fz_document_get_text (doc));
  g_autofree char *want = fz_test_without_spaces (expected);

  g_assert_cmpstr (got, ==, want);
}

static gboolean
has_warnings (FzDocument *doc)
{
  GPtrArray *warnings = fz_document_get_warnings (doc);

  return warnings != NULL && warnings->len > 0;
}

/* Read right, and the reviewer told which encoding it was read as. */
static void
check_legacy (const char *text,
              const char *charset,
              const char *name,
              const char *label)
{
  gsize len;
  g_autofree char *bytes = encode (text, charset, &len);
  g_autofree char *file = g_strconcat (name, ".txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = fz_test_import_data (file, bytes, len, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (fz_document_get_encoding (doc), ==, name);
  assert_text (doc, text);
  g_assert_true (fz_test_has_warning (doc, label));
}

static void
test_big5 (void)
{
  check_legacy (traditional, "BIG5", "Big5", "Big5");
  /* Hong Kong's superset, with a character only it has. */
  {
    g_autofree char *hk = g_strconcat (traditional, "香港特別行政區的「㗎」字亦可讀出。\n", NULL);
    check_legacy (hk, "BIG5-HKSCS", "Big5", "Big5");
  }
}

static void
test_shift_jis (void)
{
  check_legacy (japanese, "SHIFT_JIS", "Shift_JIS", "Shift_JIS");
}

static void
test_single_byte (void)
{
  check_legacy (western, "WINDOWS-1252", "windows-1252", "windows-1252");
  check_legacy (russian, "KOI8-R", "KOI8-R", "KOI8-R");
}

/* GB18030 stays the quiet default: no warning for the usual case. */
static void
test_gbk_quiet (void)
{
  gsize len;
  g_autofree char *gbk = encode (simplified, "GBK", &len);
  g_autoptr(FzDocument) doc = fz_test_import_data ("gbk.txt", gbk, len, NULL);

  g_assert_cmpstr (fz_document_get_encoding (doc), ==, "GB18030");
  assert_text (doc, simplified);
  g_assert_false (has_warnings (doc));
}

static void
test_utf16_without_bom (void)
{
  const char *charsets[] = { "UTF-16LE", "UTF-16BE" };

  for (guint i = 0; i < G_N_ELEMENTS (charsets); i++)
    {
      const char *texts[] = { simplified, western };

      for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
        {
          gsize len;
          g_autofree char *bytes = encode (texts[k], charsets[i], &len);
          g_autoptr(GError) error = NULL;
          g_autoptr(FzDocument) doc = fz_test_import_data ("nobom.txt", bytes, len, &error);

          g_assert_no_error (error);
          g_assert_cmpstr (fz_document_get_encoding (doc), ==, charsets[i]);
          assert_text (doc, texts[k]);
          g_assert_false (has_warnings (doc));
        }
    }
}

static void
test_utf32 (void)
{
  static const struct { const char *charset; const char *bom; } cases[] = {
    { "UTF-32LE", "\xFF\xFE\x00\x00" },
    { "UTF-32BE", "\x00\x00\xFE\xFF" },
    { "UTF-32LE", NULL },
    { "UTF-32BE", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len;
      g_autofree char *bytes = encode (simplified, cases[i].charset, &len);
      g_autofree char *with_bom = g_malloc (len + 4);
      gsize off = cases[i].bom ? 4 : 0;
      g_autoptr(GError) error = NULL;
      g_autoptr(FzDocument) doc = NULL;

      if (cases[i].bom)
        memcpy (with_bom, cases[i].bom, 4);
      memcpy (with_bom + off, bytes, len);
      doc = fz_test_import_data ("utf32.txt", with_bom, len + off, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (fz_document_get_encoding (doc), ==, cases[i].charset);
      assert_text (doc, simplified);
    }
}

/* A few bytes that no encoding decodes (damage) are shown, counted, and
 * the rest is read; zero bytes the same. */
static void
test_damaged (void)
{
  gsize len;
  g_autofree char *gbk = encode (traditional, "BIG5", &len);
  g_autoptr(GByteArray) damaged = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = NULL;

  g_byte_array_append (damaged, (guint8 *) gbk, 40);
  g_byte_array_append (damaged, (guint8 *) "\0\0", 2);
  g_byte_array_append (damaged, (guint8 *) gbk + 40, len - 40);
  doc = fz_test_import_data ("damaged.txt", (char *) damaged->data, damaged->len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fz_document_get_encoding (doc), ==, "Big5");
  assert_text (doc, traditional);
  g_assert_true (fz_test_has_warning (doc, "2"));
}

/* What cannot be decoded is refused, and the message says what it is. */
static void
test_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = NULL;
  /* A UTF-16 mark over an unpaired surrogate. */
  static const char broken[] = "\xFF\xFE" "A\0B\0\x00\xD8" "C\0";

  doc = fz_test_import_data ("broken16.txt", broken, sizeof broken - 1, &error);
  g_assert_null (doc);
  g_assert_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "UTF-16LE"));
}

/* Bytes counting up read as UTF-32BE fall on the upper planes; a few
 * bytes, or unassigned characters, are no text in any encoding. */
static void
test_binary_not_wide (void)
{
  static const char four[] = "\x00\x01\x02\x03";
  char counting[64];

  for (guint i = 0; i < sizeof counting; i++)
    counting[i] = (char) (i % 4 == 0 ? 0 : i);

  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FzDocument) doc = NULL;

      doc = k == 0 ? fz_test_import_data ("four.txt", four, sizeof four - 1, &error)
                   : fz_test_import_data ("counting.txt", counting, sizeof counting, &error);
      g_assert_null (doc);
      g_assert_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_BINARY);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/encodings/big5", test_big5);
  g_test_add_func ("/encodings/shift-jis", test_shift_jis);
  g_test_add_func ("/encodings/single-byte", test_single_byte);
  g_test_add_func ("/encodings/gbk-quiet", test_gbk_quiet);
  g_test_add_func ("/encodings/utf16-without-bom", test_utf16_without_bom);
  g_test_add_func ("/encodings/utf32", test_utf32);
  g_test_add_func ("/encodings/damaged", test_damaged);
  g_test_add_func ("/encodings/refused", test_refused);
  g_test_add_func ("/encodings/binary-not-wide", test_binary_not_wide);

  return fz_test_import_run ();
}
