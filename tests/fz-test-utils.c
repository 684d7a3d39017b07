/* fz-test-utils.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fz-test-utils.h"

FzDocument *
fz_test_import (GFile *file)
{
  g_autoptr(GError) error = NULL;
  FzDocument *doc = fz_import_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);

  return doc;
}

FzDocument *
fz_test_import_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return fz_test_import (file);
}

FzRuleSet *
fz_test_load_rules (const char *id_or_path)
{
  g_autoptr(GError) error = NULL;
  FzRuleSet *rules = fz_ruleset_load (id_or_path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  return rules;
}

static FzRuleSet *national_rules;

FzRuleSet *
fz_test_national (void)
{
  if (national_rules == NULL)
    national_rules = fz_test_load_rules ("national");
  return national_rules;
}

int
fz_test_run (void)
{
  int ret = g_test_run ();

  g_clear_object (&national_rules);
  return ret;
}

FzAnalysis *
fz_test_analyse_fixture (const char *folder,
                         const char *name)
{
  g_autofree char *path = g_build_filename (TESTDATADIR, folder, name, NULL);
  g_autoptr(FzDocument) doc = fz_test_import_path (path);

  return fz_analysis_new (doc, fz_test_national ());
}

FzAnalysis *
fz_test_analyse_text (const char *text)
{
  g_autoptr(FzDocument) doc = fz_document_new_from_text (text, -1, "test.txt");

  return fz_analysis_new (doc, fz_test_national ());
}

FzDocument *
fz_test_load_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (TESTDATADIR, "reports", name, NULL);

  return fz_test_import_path (path);
}

static void
expectation_free (FzTestExpectation *e)
{
  g_free (e->seed);
  g_free (e->kind);
  g_free (e->id);
  g_free (e->expected);
  g_free (e);
}

GPtrArray *
fz_test_load_expectations (const char *corpus_dir)
{
  g_autofree char *path = g_build_filename (corpus_dir, "expected.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *expectations;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  expectations = g_ptr_array_new_with_free_func ((GDestroyNotify) expectation_free);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      FzTestExpectation *e;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (cols) < 4)
        continue;

      e = g_new0 (FzTestExpectation, 1);
      e->seed = g_strdup (cols[0]);
      e->kind = g_strdup (cols[1]);
      e->id = g_strdup (cols[2]);
      e->expected = g_strdup (cols[3]);
      e->line = i + 1;
      g_ptr_array_add (expectations, e);
    }

  return expectations;
}

static void
skip_absent_corpus (void)
{
  g_test_skip ("the reference corpus (../shared/corpus) is not here");
}

void
fz_test_add_seed_tests (const char    *prefix,
                        GPtrArray     *expectations,
                        GTestDataFunc  test)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (expectations == NULL)
    {
      g_autofree char *test_path = g_strconcat (prefix, "/absent", NULL);

      g_test_add_func (test_path, skip_absent_corpus);
      return;
    }

  for (guint i = 0; i < expectations->len; i++)
    {
      FzTestExpectation *e = g_ptr_array_index (expectations, i);

      if (!g_hash_table_contains (seen, e->seed))
        {
          g_autofree char *test_path = g_strdup_printf ("%s/%s", prefix, e->seed);

          g_hash_table_add (seen, e->seed);
          g_test_add_data_func (test_path, e->seed, test);
        }
    }
}

static char *
no_space (const char *s)
{
  return s ? fz_strip_spaces (s, -1) : NULL;
}

static gboolean
status_allowed (FzStatus    status,
                const char *allowed)
{
  g_auto(GStrv) options = g_strsplit (allowed, "|", -1);

  for (guint i = 0; options[i] != NULL; i++)
    if (g_strcmp0 (options[i], fz_status_to_string (status)) == 0)
      return TRUE;

  return FALSE;
}

char *
fz_test_meta_value (const FzMetadata *m,
                    const char       *id)
{
  if (g_str_equal (id, "title"))
    return g_strdup (m->title.value);
  if (g_str_equal (id, "doc_number"))
    return g_strdup (m->doc_number.value);
  if (g_str_equal (id, "signer"))
    return g_strdup (m->signer.value);
  if (g_str_equal (id, "addressee"))
    return g_strdup (m->addressee.value);
  if (g_str_equal (id, "issuer"))
    return g_strdup (m->issuer.value);
  if (g_str_equal (id, "date"))
    return g_strdup (m->date_iso);
  if (g_str_equal (id, "report_year"))
    return m->report_year > 0 ? g_strdup_printf ("%d", m->report_year) : NULL;
  g_error ("unknown meta id %s", id);
  return NULL;
}

gboolean
fz_test_check_expectation (const FzTestExpectation  *e,
                           FzDocument               *doc,
                           FzAnalysis               *national,
                           FzAnalysis               *guangdong,
                           char                    **got)
{
  gboolean ok = TRUE;

  *got = NULL;

  if (g_str_equal (e->kind, "element"))
    {
      gboolean is_gd = g_str_has_prefix (e->id, "gd:");
      FzAnalysis *a = is_gd ? guangdong : national;
      const FzElementResult *r = fz_analysis_find_element (a, is_gd ? e->id + 3 : e->id);

      if (r == NULL)
        {
          ok = FALSE;
          *got = g_strdup ("(no such element)");
        }
      else
        {
          ok = status_allowed (r->status, e->expected);
          *got = g_strdup_printf ("%s: %s", fz_status_to_string (r->status), r->explanation);
        }
    }
  else if (g_str_equal (e->kind, "meta"))
    {
      g_autofree char *value = fz_test_meta_value (fz_analysis_get_metadata (national), e->id);
      g_autofree char *a = no_space (value);
      g_autofree char *b = no_space (e->expected);

      if (g_str_equal (e->expected, "-"))
        ok = value == NULL;
      else
        ok = g_strcmp0 (a, b) == 0;
      *got = g_strdup (value ? value : "(absent)");
    }
  else if (g_str_equal (e->kind, "finding"))
    {
      gboolean found = fz_test_count_id (fz_analysis_get_findings (national), e->id) > 0;

      ok = found == g_str_equal (e->expected, "yes");
      *got = g_strdup (found ? "reported" : "not reported");
    }
  else if (g_str_equal (e->kind, "text"))
    {
      ok = strstr (fz_document_get_text (doc), e->expected) != NULL;
      *got = g_strdup (ok ? "found" : "not found in the normalized text");
    }

  return ok;
}

void
fz_test_page_loaded (GObject      *object,
                     GAsyncResult *result,
                     gpointer      page_out)
{
  FzPublishedPage **page = page_out;
  g_autoptr(GError) error = NULL;

  *page = fz_published_page_load_finish (result, &error);
  g_assert_no_error (error);
}

void
fz_test_keep_result (GObject      *source,
                     GAsyncResult *result,
                     gpointer      result_out)
{
  *(GAsyncResult **) result_out = g_object_ref (result);
}

GAsyncResult *
fz_test_wait_result (GAsyncResult **result_out)
{
  while (*result_out == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result_out;
}

FzBatchEntry *
fz_test_find_entry (GListModel *entries,
                    const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(FzBatchEntry) entry = g_list_model_get_item (entries, i);

      if (g_str_equal (fz_batch_entry_get_display_name (entry), name))
        return entry;
    }

  g_error ("no entry %s", name);
  return NULL;
}

const FzMemoBlock *
fz_test_block_before (FzMemoDocument  *doc,
                      const char      *key,
                      FzMemoBlockKind  kind)
{
  const FzMemoBlock *before = NULL;

  for (guint i = 0; i < fz_memo_document_get_n_blocks (doc); i++)
    {
      const FzMemoBlock *b = fz_memo_document_get_block (doc, i);

      if (g_strcmp0 (b->key, key) == 0)
        return before;
      if (b->kind == kind)
        before = b;
    }
  return NULL;
}

guint
fz_test_count_id (GPtrArray  *findings,
                  const char *id)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (((FzFinding *) g_ptr_array_index (findings, i))->id, id) == 0)
      n++;

  return n;
}

guint
fz_test_line_of (const char *text,
                 const char *needle)
{
  const char *at = strstr (text, needle);
  guint line = 1;

  g_assert_nonnull (at);
  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      line++;

  return line;
}

char *
fz_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

char *
fz_test_corpus_dir (const char *subdir)
{
  const char *env = g_getenv ("FAZHI_CORPUS_DIR");
  g_autofree char *dir = g_build_filename (env ? env : "../shared/corpus", subdir, NULL);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      skip_absent_corpus ();
      return NULL;
    }
  return g_steal_pointer (&dir);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
fz_test_seed_paths (void)
{
  g_autofree char *dir = fz_test_corpus_dir ("seeds");
  g_autoptr(GDir) d = NULL;
  GPtrArray *paths;
  const char *name;

  if (dir == NULL)
    return NULL;
  d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  paths = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  /* A corpus without seeds is a broken one, not an absent one. */
  g_assert_cmpuint (paths->len, >, 0);
  return paths;
}

char *
fz_test_write_broken_copy (const char *source,
                           const char *from,
                           const char *to,
                           const char *line_of,
                           guint      *line)
{
  g_autofree char *text = NULL;
  g_autofree char *dir = fz_test_make_tmp_dir ("fazhi-broken-XXXXXX");
  g_autoptr(GString) broken = NULL;
  g_autoptr(GError) error = NULL;
  char *path;

  g_file_get_contents (source, &text, NULL, &error);
  g_assert_no_error (error);
  *line = fz_test_line_of (text, line_of ? line_of : from);

  broken = g_string_new (text);
  g_assert_cmpuint (g_string_replace (broken, from, to, 1), ==, 1);

  path = g_build_filename (dir, "county.xml", NULL);
  g_file_set_contents (path, broken->str, broken->len, &error);
  g_assert_no_error (error);
  return path;
}

char *
fz_test_write_late_page (void)
{
  g_autofree char *identical = g_build_filename (TESTDATADIR, "score", "page-identical.html", NULL);
  g_autofree char *dir = fz_test_make_tmp_dir ("fazhi-late-XXXXXX");
  g_autofree char *text = NULL;
  g_autoptr(GString) page = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "page-late.html", NULL);

  g_file_get_contents (identical, &text, NULL, &error);
  g_assert_no_error (error);
  page = g_string_new (text);
  g_assert_cmpuint (g_string_replace (page, "202503/t20250320_4821", "202504/t20250415_4907", 0), ==, 1);
  g_assert_cmpuint (g_string_replace (page, "发布时间：2025-03-20", "发布时间：2025-04-15", 0), ==, 1);
  g_file_set_contents (path, page->str, page->len, &error);
  g_assert_no_error (error);
  return path;
}

void
fz_test_assert_error_at (const GError *error,
                         const char   *file,
                         guint         line,
                         const char   *detail)
{
  g_autofree char *where = g_strdup_printf ("%s:%u: ", file, line);

  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (!g_str_has_prefix (error->message, where))
    g_error ("“%s” does not start with “%s”", error->message, where);
  if (strstr (error->message, detail) == NULL)
    g_error ("“%s” does not say “%s”", error->message, detail);
}

void
fz_test_remove_copy (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

GPtrArray *
fz_test_analyse_seeds (void)
{
  g_autoptr(GPtrArray) paths = fz_test_seed_paths ();
  GPtrArray *analyses;

  if (paths == NULL)
    return NULL;
  analyses = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(FzDocument) doc = fz_test_import_path (g_ptr_array_index (paths, i));

      g_ptr_array_add (analyses, fz_analysis_new (doc, fz_test_national ()));
    }
  return analyses;
}

int
fz_test_run_cli (const char * const *args,
                 char              **out,
                 char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  if (out != NULL)
    g_clear_pointer (out, g_free);
  if (err != NULL)
    g_clear_pointer (err, g_free);
  g_ptr_array_add (argv, (gpointer) FAZHI_CHECK);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT,
                               NULL, NULL, out, err, &status, &error));
  g_assert_no_error (error);
  /* What it said, should the test not expect how it ended. */
  if (status != 0 && err != NULL && *err != NULL)
    g_test_message ("fazhi-check: %s", *err);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
zip_part_free (gpointer data)
{
  FzTestZipPart *part = data;

  g_free (part->name);
  g_bytes_unref (part->content);
  g_free (part);
}

GPtrArray *
fz_test_read_zip (const char *path)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (zip_part_free);
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  int status;

  archive_read_support_format_zip (a);
  g_assert_cmpint (archive_read_open_filename (a, path, 16384), ==, ARCHIVE_OK);
  while ((status = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    {
      g_autoptr(GByteArray) content = g_byte_array_new ();
      FzTestZipPart *part = g_new0 (FzTestZipPart, 1);
      char buf[8192];
      la_ssize_t n;

      while ((n = archive_read_data (a, buf, sizeof buf)) > 0)
        g_byte_array_append (content, (guint8 *) buf, n);
      g_assert_cmpint (n, ==, 0);
      part->name = g_strdup (archive_entry_pathname (entry));
      part->content = g_byte_array_free_to_bytes (g_steal_pointer (&content));
      g_ptr_array_add (parts, part);
    }
  g_assert_cmpint (status, ==, ARCHIVE_EOF);
  archive_read_free (a);

  return parts;
}

char *
fz_test_read_zip_member (const char *path,
                         const char *name)
{
  g_autoptr(GPtrArray) parts = fz_test_read_zip (path);

  for (guint i = 0; i < parts->len; i++)
    {
      const FzTestZipPart *part = g_ptr_array_index (parts, i);

      if (g_str_equal (part->name, name))
        return g_strndup (g_bytes_get_data (part->content, NULL), g_bytes_get_size (part->content));
    }
  return NULL;
}

char *
fz_test_soffice_to_pdf (const char  *soffice,
                        const char  *input,
                        const char  *dir,
                        char       **envp,
                        char       **out)
{
  g_autofree char *profile = g_build_filename (dir, "lo-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *user_installation = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  const char *argv[] = { soffice, user_installation, "--headless", "--norestore",
                         "--convert-to", "pdf", "--outdir", dir, input, NULL };
  g_autofree char *base = g_path_get_basename (input);
  g_autofree char *pdf_name = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  char *pdf;
  int status;

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", soffice, err);

  /* LibreOffice names the PDF after the input, its extension replaced. */
  if (strrchr (base, '.') != NULL)
    *strrchr (base, '.') = '\0';
  pdf_name = g_strconcat (base, ".pdf", NULL);
  pdf = g_build_filename (dir, pdf_name, NULL);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  return pdf;
}

guint
fz_test_assert_fonts_embedded (const char *pdffonts_output)
{
  g_auto(GStrv) lines = g_strsplit (pdffonts_output, "\n", -1);
  guint n_fonts = 0;

  /* Two lines of header, then one a font. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      guint n;

      if (i < 2 || *g_strstrip (lines[i]) == '\0')
        continue;
      /* name type encoding emb sub uni object ID; the name may hold spaces
       * no more than the type, which may be two words, so count from the end. */
      fields = g_regex_split_simple ("\\s+", lines[i], 0, 0);
      n = g_strv_length (fields);
      g_assert_cmpuint (n, >=, 7);
      if (!g_str_equal (fields[n - 5], "yes"))
        g_error ("font not embedded: %s", lines[i]);
      n_fonts++;
    }
  return n_fonts;
}
