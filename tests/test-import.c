/* test-import.c: reading files from outside the bureau
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "fz-file-util.h"
#include "fz-test-utils.h"
#include "libfazhi.h"

static const char *report_utf8 =
  "青州市人民政府关于2024年法治政府建设情况的报告\n"
  "省委、省政府：\n"
  "2024年，我市扎实推进法治政府建设。\n";

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("fazhi-import-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fz_remove_tree (f->dir);
  g_free (f->dir);
}

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *data,
            gsize       len)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, len, NULL));
  return g_file_new_for_path (path);
}

static void
assert_import_fails (GFile *file,
                     int    code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = fz_import_file (file, NULL, &error);
  g_autofree char *basename = g_file_get_basename (file);

  g_assert_null (doc);
  g_assert_error (error, FZ_IMPORT_ERROR, code);
  /* Every message names the file it is about. */
  g_assert_nonnull (strstr (error->message, basename));
}

static void
assert_title (FzDocument *doc)
{
  gsize len;
  const char *t = fz_document_get_paragraph_text (doc, 0, &len);

  g_assert_cmpuint (len, ==, strlen ("青州市人民政府关于2024年法治政府建设情况的报告"));
  g_assert_true (strncmp (t, "青州市人民政府关于2024年法治政府建设情况的报告", len) == 0);
  g_assert_cmpint (fz_document_get_paragraph (doc, 0)->kind, ==, FZ_PARAGRAPH_TITLE);
}

static void
test_utf8 (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "plain.txt", report_utf8, strlen (report_utf8));
  g_autoptr(FzDocument) doc = fz_test_import (file);

  assert_title (doc);
  g_assert_cmpstr (fz_document_get_encoding (doc), ==, "UTF-8");
  g_assert_cmpstr (fz_document_get_format (doc), ==, "text");
  g_assert_cmpstr (fz_document_get_display_name (doc), ==, "plain.txt");
}

static void
test_utf8_bom_crlf (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *crlf = NULL;
  g_autofree char *with_bom = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(FzDocument) doc = NULL;
  g_auto(GStrv) lines = g_strsplit (report_utf8, "\n", -1);

  crlf = g_strjoinv ("\r\n", lines);
  with_bom = g_strconcat ("\xEF\xBB\xBF", crlf, NULL);
  file = write_file (f, "bom.txt", with_bom, strlen (with_bom));
  doc = fz_test_import (file);
  assert_title (doc);
  g_assert_cmpuint (fz_document_get_n_paragraphs (doc), ==, 3);
  g_assert_null (strchr (fz_document_get_text (doc), '\r'));
}

static void
test_utf16 (Fixture       *f,
            gconstpointer  data)
{
  const char *encodings[] = { "UTF-16LE", "UTF-16BE" };

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      gsize len;
      g_autofree char *converted = g_convert (report_utf8, -1, encodings[i], "UTF-8", NULL, &len, NULL);
      g_autofree char *with_bom = g_malloc (len + 2);
      g_autoptr(GFile) file = NULL;
      g_autoptr(FzDocument) doc = NULL;

      memcpy (with_bom, i == 0 ? "\xFF\xFE" : "\xFE\xFF", 2);
      memcpy (with_bom + 2, converted, len);
      file = write_file (f, "utf16.txt", with_bom, len + 2);
      doc = fz_test_import (file);
      assert_title (doc);
      g_assert_cmpstr (fz_document_get_encoding (doc), ==, encodings[i]);
    }
}

static void
test_gbk (Fixture       *f,
          gconstpointer  data)
{
  gsize len;
  g_autofree char *gbk = g_convert (report_utf8, -1, "GBK", "UTF-8", NULL, &len, NULL);
  g_autoptr(GFile) file = write_file (f, "gbk.txt", gbk, len);
  g_autoptr(FzDocument) doc = fz_test_import (file);

  assert_title (doc);
  g_assert_cmpstr (fz_document_get_encoding (doc), ==, "GB18030");
}

static void
test_binary (Fixture       *f,
             gconstpointer  data)
{
  guint8 junk[4096];
  g_autoptr(GFile) with_nul = NULL;
  g_autoptr(GFile) controls = NULL;
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);
  with_nul = write_file (f, "random.bin", (char *) junk, sizeof junk);
  assert_import_fails (with_nul, FZ_IMPORT_ERROR_BINARY);

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = 1 + (i % 30);
  controls = write_file (f, "controls.txt", (char *) junk, sizeof junk);
  assert_import_fails (controls, FZ_IMPORT_ERROR_BINARY);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GFile) empty = write_file (f, "empty.txt", "", 0);
  g_autoptr(GFile) blank = write_file (f, "blank.txt", " \n\xE3\x80\x80\r\n\t\n", 9);

  assert_import_fails (empty, FZ_IMPORT_ERROR_EMPTY);
  assert_import_fails (blank, FZ_IMPORT_ERROR_EMPTY);
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "huge.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  int fd = g_open (path, O_CREAT | O_WRONLY, 0600);
  gint64 started;

  /* A sparse 100 MB file: refused from its size, before any reading. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 100 * 1024 * 1024), ==, 0);
  close (fd);

  started = g_get_monotonic_time ();
  assert_import_fails (file, FZ_IMPORT_ERROR_TOO_LARGE);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
}

static void
test_missing_and_folder (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *missing_path = g_build_filename (f->dir, "gone.txt", NULL);
  g_autofree char *folder_path = g_build_filename (f->dir, "folder", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);

  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  assert_import_fails (missing, FZ_IMPORT_ERROR_NOT_FOUND);
  assert_import_fails (folder, FZ_IMPORT_ERROR_UNSUPPORTED);
}

/* Only the magic of a format, nothing after it: each route refuses with
 * its own reason instead of reading garbage. */
static void
test_other_formats_named (Fixture       *f,
                          gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *magic;
    gsize       len;
    int         code;
  } cases[] = {
    { "report.docx", "PK\x03\x04rest", 8, FZ_IMPORT_ERROR_CORRUPT },
    { "report.pdf", "%PDF-1.7\n", 9, FZ_IMPORT_ERROR_CORRUPT },
    { "report.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", 12, FZ_IMPORT_ERROR_UNSUPPORTED },
    { "page.html", "<!DOCTYPE html><html></html>", 28, FZ_IMPORT_ERROR_NO_TEXT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = write_file (f, cases[i].name, cases[i].magic, cases[i].len);

      assert_import_fails (file, cases[i].code);
    }
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "async.txt", report_utf8, strlen (report_utf8));
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fz_import_file_async (file, G_PRIORITY_DEFAULT, NULL, fz_test_keep_result, &result);
  doc = fz_import_file_finish (fz_test_wait_result (&result), &error);
  g_assert_no_error (error);

  assert_title (doc);
}

/* fazhi-check run from the build folder, without FAZHI_LOCALEDIR,
 * finds the build's own catalogs: its messages are Chinese under zh_CN. */
static void
test_uninstalled_translations (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "gone.txt", NULL);
  const char *argv[] = { FAZHI_CHECK, missing, NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  env = g_environ_unsetenv (env, "FAZHI_LOCALEDIR");
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "zh_CN", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  /* "文件不存在": the file does not exist, in the build's catalog. */
  g_assert_nonnull (strstr (out, "文件不存在"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fz_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/import/utf8", test_utf8);
  ADD ("/import/utf8-bom-crlf", test_utf8_bom_crlf);
  ADD ("/import/utf16", test_utf16);
  ADD ("/import/gbk", test_gbk);
  ADD ("/import/binary", test_binary);
  ADD ("/import/empty", test_empty);
  ADD ("/import/too-large", test_too_large);
  ADD ("/import/missing-and-folder", test_missing_and_folder);
  ADD ("/import/other-formats", test_other_formats_named);
  ADD ("/import/async", test_async);
  ADD ("/import/uninstalled-translations", test_uninstalled_translations);
#undef ADD

  return g_test_run ();
}
