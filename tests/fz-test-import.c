/* fz-test-import.c: helpers for the importer tests
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include "fz-test-import.h"
#include "fz-file-util.h"

static char *dir;

const char *
fz_test_import_dir (void)
{
  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("fazhi-import-test-XXXXXX", NULL);
      g_assert_nonnull (dir);
    }
  return dir;
}

int
fz_test_import_run (void)
{
  int status = g_test_run ();

  if (dir != NULL)
    {
      fz_remove_tree (dir);
      g_clear_pointer (&dir, g_free);
    }
  return status;
}

char *
fz_test_tmp_path (const char *name)
{
  return g_build_filename (fz_test_import_dir (), name, NULL);
}

void
fz_test_write_zip_at (const char         *path,
                      const char * const *entries)
{
  struct archive *a = archive_write_new ();

  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  for (guint i = 0; entries[i] != NULL; i += 2)
    {
      struct archive_entry *e = archive_entry_new ();
      gsize len = strlen (entries[i + 1]);

      archive_entry_set_pathname (e, entries[i]);
      archive_entry_set_size (e, len);
      archive_entry_set_filetype (e, AE_IFREG);
      archive_entry_set_perm (e, 0644);
      g_assert_cmpint (archive_write_header (a, e), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (a, entries[i + 1], len), ==, (la_ssize_t) len);
      archive_entry_free (e);
    }
  archive_write_close (a);
  archive_write_free (a);
}

char *
fz_test_write_zip (const char         *name,
                   const char * const *entries)
{
  char *path = fz_test_tmp_path (name);

  fz_test_write_zip_at (path, entries);
  return path;
}

FzDocument *
fz_test_import_file_named (const char  *name,
                           GError     **error)
{
  g_autofree char *path = fz_test_tmp_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return fz_import_file (file, NULL, error);
}

FzDocument *
fz_test_import_zip (const char          *name,
                    const char * const  *entries,
                    GError             **error)
{
  g_autofree char *path = fz_test_write_zip (name, entries);

  return fz_test_import_file_named (name, error);
}

FzDocument *
fz_test_import_data (const char  *name,
                     const char  *data,
                     gsize        len,
                     GError     **error)
{
  g_autofree char *path = fz_test_tmp_path (name);

  g_assert_true (g_file_set_contents (path, data, len, NULL));
  return fz_test_import_file_named (name, error);
}

char *
fz_test_paragraph (FzDocument *doc,
                   guint       i)
{
  gsize len;
  const char *text = fz_document_get_paragraph_text (doc, i, &len);

  return g_strndup (text, len);
}

int
fz_test_find_paragraph (FzDocument *doc,
                        const char *needle)
{
  for (guint i = 0; i < fz_document_get_n_paragraphs (doc); i++)
    {
      g_autofree char *text = fz_test_paragraph (doc, i);

      if (strstr (text, needle) != NULL)
        return (int) i;
    }
  return -1;
}

gboolean
fz_test_has_warning (FzDocument *doc,
                     const char *needle)
{
  GPtrArray *warnings = fz_document_get_warnings (doc);

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    if (strstr (g_ptr_array_index (warnings, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

char *
fz_test_without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0x3000)
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}
