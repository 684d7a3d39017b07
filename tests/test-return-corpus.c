/* test-return-corpus.c: returned reports of the seeds and of real .docx
 * files, and LibreOffice reading their comments back
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/parser.h>
#include <string.h>

#include "fz-file-util.h"
#include "fz-import-private.h"
#include "fz-test-ooxml.h"

static char *tmp_dir;
/* Returned documents for the LibreOffice test, and the passages their
 * new comments must anchor on (GPtrArray of stripped text). */
static GPtrArray *returned_paths;
static GHashTable *expected_anchors;

static char *
fixture (const char *name)
{
  return g_build_filename (TESTDATADIR, "rounds", name, NULL);
}

static void
remember_for_libreoffice (const char *name,
                          GBytes     *docx,
                          GPtrArray  *anchors)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (docx, NULL), g_bytes_get_size (docx), &error);
  g_assert_no_error (error);
  g_ptr_array_add (returned_paths, g_strdup (path));
  g_hash_table_insert (expected_anchors, g_strdup (name), g_ptr_array_ref (anchors));
}

/* The fixtures: a text report, the unit's own .docx with its comment,
 * Word numbering and a table of contents, and a report in each other
 * format. */
static void
test_fixtures (void)
{
  g_autofree char *text = fixture ("liuxi-first.txt");
  g_autofree char *own = fixture ("liuxi-first.docx");
  g_autofree char *numbered = g_build_filename (TESTDATADIR, "formats", "numbered.docx", NULL);
  g_autoptr(GHashTable) own_ids = fz_test_comment_ids (own);
  g_autoptr(GHashTable) numbered_ids = fz_test_comment_ids (numbered);
  g_autofree char *pdf = g_build_filename (TESTDATADIR, "formats", "report.pdf", NULL);
  g_autofree char *ofd = g_build_filename (TESTDATADIR, "formats", "report.ofd", NULL);
  g_autofree char *html = g_build_filename (TESTDATADIR, "formats", "report.html", NULL);
  g_autofree char *odt = g_build_filename (TESTDATADIR, "formats", "report.odt", NULL);
  struct { const char *path, *name; FzReturnKind kind; GHashTable *old; } cases[] = {
    { text, "liuxi-text.docx", FZ_RETURN_TEXT, NULL },
    { own, "liuxi-own.docx", FZ_RETURN_ORIGINAL, own_ids },
    { numbered, "numbered.docx", FZ_RETURN_ORIGINAL, numbered_ids },
    /* Other formats come back as a .docx of their text. */
    { pdf, "format-pdf.docx", FZ_RETURN_TEXT, NULL },
    { ofd, "format-ofd.docx", FZ_RETURN_TEXT, NULL },
    { html, "format-html.docx", FZ_RETURN_TEXT, NULL },
    { odt, "format-odt.docx", FZ_RETURN_TEXT, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) anchors = NULL;
      g_autoptr(GBytes) out = fz_test_return_and_check (fz_test_national (), cases[i].path, NULL, cases[i].kind,
                                                        cases[i].old, &anchors);

      remember_for_libreoffice (cases[i].name, out, anchors);
    }
}

static void
test_seeds (void)
{
  g_autoptr(GPtrArray) paths = fz_test_seed_paths ();
  guint n = 0;

  if (paths == NULL)
    return;
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *keep = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) out = NULL;
      g_autoptr(GPtrArray) anchors = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      before = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
      keep = g_strconcat ("seed-", name, ".docx", NULL);
      out = fz_test_return_and_check (fz_test_national (), path, NULL, FZ_RETURN_TEXT, NULL, &anchors);
      remember_for_libreoffice (keep, out, anchors);
      g_clear_pointer (&contents, g_free);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      after = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
      g_assert_cmpstr (after, ==, before);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

/* Real .docx files nobody on the project wrote (Apache POI, Tika,
 * pandoc, docling, mammoth… and provincial reports): every one the
 * importer reads comes back with its comments as OOXML requires, its
 * text unchanged, or as a .docx of its text when its package cannot take
 * them. */
static void
test_real_docx (void)
{
  const char *env = g_getenv ("FAZHI_CORPUS_DIR");
  g_autofree char *corpus = g_strdup (env ? env : "../shared/corpus");
  g_autofree char *shared = g_path_get_dirname (corpus);
  g_autofree char *dir = g_build_filename (shared, "realfiles", "files", "docx", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n_files = 0, n_unread = 0, n_original = 0, n_text = 0, n_comments = 0, n_exact = 0, n_near = 0;
  gint64 started = g_get_monotonic_time ();
  const char *name;

  if (d == NULL)
    {
      g_test_skip ("the real files (../shared/realfiles) are not here");
      return;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) original = NULL;
      g_autoptr(FzDocument) doc = NULL;
      g_autoptr(FzAnalysis) analysis = NULL;
      g_autoptr(FzReturn) ret = NULL;
      g_autoptr(GBytes) out = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) anchors = NULL;
      g_autoptr(FzDocument) again = NULL;
      FzReturnKind kind;
      GPtrArray *remarks;
      gsize len;

      if (!g_file_get_contents (path, &contents, &len, NULL))
        continue;
      n_files++;
      original = g_bytes_new_take (g_steal_pointer (&contents), len);
      /* Only what is a Word package: a .doc named .docx would go through
       * LibreOffice, which other tests count the processes of. */
      if (g_strcmp0 (fz_import_detect_format (original), "docx") != 0)
        {
          n_unread++;
          continue;
        }
      if ((doc = fz_import_bytes (original, name, NULL, NULL)) == NULL)
        {
          n_unread++;
          continue;
        }
      analysis = fz_analysis_new (doc, fz_test_national ());
      ret = fz_return_new (analysis, NULL);
      out = fz_return_render (ret, original, &kind, &error);
      if (out == NULL)
        g_error ("%s: %s", name, error->message);
      if (kind == FZ_RETURN_TEXT)
        {
          n_text++;
          continue;
        }
      n_original++;
      g_test_message ("%s", name);

      /* Comments of the unit's own are numbered below ours. */
      {
        g_autoptr(GHashTable) parts = fz_test_unzip (original);
        g_autoptr(GHashTable) old_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        GBytes *part = parts ? g_hash_table_lookup (parts, "word/comments.xml") : NULL;
        xmlDoc *old;

        if (part != NULL &&
            (old = xmlReadMemory (g_bytes_get_data (part, NULL), g_bytes_get_size (part), NULL, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)) != NULL)
          {
            for (xmlNode *c = xmlDocGetRootElement (old)->children; c != NULL; c = c->next)
              if (fz_test_xml_is (c, "comment"))
                g_hash_table_add (old_ids, fz_test_xml_attr (c, "id"));
            xmlFreeDoc (old);
          }
        anchors = fz_test_check_comments (out, old_ids, texts);
      }

      remarks = fz_return_get_remarks (ret);
      g_assert_cmpuint (anchors->len, ==, remarks->len);
      for (guint i = 0; i < remarks->len; i++)
        {
          const FzRemark *r = g_ptr_array_index (remarks, i);

          n_comments++;
          if (r->anchor == FZ_REMARK_ANCHOR_EXACT)
            n_exact++;
          else if (r->anchor == FZ_REMARK_ANCHOR_NEAR)
            n_near++;
          g_assert_cmpstr (g_ptr_array_index (anchors, i), !=, "");
        }

      again = fz_import_bytes (out, name, NULL, &error);
      g_assert_no_error (error);
      {
        g_autofree char *want = fz_test_strip_spaces (fz_document_get_text (doc));
        g_autofree char *got = fz_test_strip_spaces (fz_document_get_text (again));

        if (!g_str_equal (want, got))
          g_error ("%s: the returned document reads differently", name);
      }
    }

  g_test_message ("%u real .docx: %u not a readable Word package, %u returned in their own package, %u as text; "
                  "%u comments, %u on their passage, %u at their paragraph, %u at the start; %.1f s",
                  n_files, n_unread, n_original, n_text, n_comments, n_exact, n_near,
                  n_comments - n_exact - n_near, (g_get_monotonic_time () - started) / 1e6);
  g_assert_cmpuint (n_original, >, 0);
}

/* The ODF text between office:annotation and its office:annotation-end,
 * per annotation, with the text of annotations themselves left out. */
static void
walk_odf (xmlNode    *node,
          GHashTable *open,
          GHashTable *closed,
          guint      *n_annotations)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE)
        {
          GHashTableIter iter;
          GString *seen;

          g_hash_table_iter_init (&iter, open);
          while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &seen))
            g_string_append (seen, (const char *) c->content);
        }
      else if (fz_test_xml_is (c, "annotation"))
        {
          g_autofree char *name = fz_test_xml_attr (c, "name");

          (*n_annotations)++;
          if (name != NULL)
            g_hash_table_insert (open, g_strdup (name), g_string_new (NULL));
        }
      else if (fz_test_xml_is (c, "annotation-end"))
        {
          g_autofree char *name = fz_test_xml_attr (c, "name");
          GString *seen = name ? g_hash_table_lookup (open, name) : NULL;

          if (seen != NULL)
            {
              g_ptr_array_add (g_hash_table_lookup (closed, ""), fz_test_strip_spaces (seen->str));
              g_hash_table_remove (open, name);
            }
        }
      else if (c->type == XML_ELEMENT_NODE)
        walk_odf (c, open, closed, n_annotations);
    }
}

static gboolean
run_soffice (const char *format,
             const char *outdir)
{
  g_autofree char *profile_dir = g_build_filename (tmp_dir, "lo-profile", NULL);
  g_autofree char *profile = g_filename_to_uri (profile_dir, NULL, NULL);
  g_autofree char *env = g_strconcat ("-env:UserInstallation=", profile, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) "soffice");
  g_ptr_array_add (argv, env);
  g_ptr_array_add (argv, (char *) "--headless");
  g_ptr_array_add (argv, (char *) "--convert-to");
  g_ptr_array_add (argv, (char *) format);
  g_ptr_array_add (argv, (char *) "--outdir");
  g_ptr_array_add (argv, (char *) outdir);
  for (guint i = 0; i < returned_paths->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (returned_paths, i));
  g_ptr_array_add (argv, NULL);

  return g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                       G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, &error) &&
         g_spawn_check_wait_status (status, NULL);
}

/* Every returned document converts in LibreOffice, to PDF and to ODF, and
 * its comments read back with their anchors. */
static void
test_libreoffice (void)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *outdir = g_build_filename (tmp_dir, "lo", NULL);

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed");
      return;
    }
  g_assert_cmpuint (returned_paths->len, >, 0);
  g_assert_true (run_soffice ("pdf", outdir));
  g_assert_true (run_soffice ("odt", outdir));

  for (guint i = 0; i < returned_paths->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (returned_paths, i));
      g_autofree char *stem = g_strndup (base, strlen (base) - strlen (".docx"));
      g_autofree char *pdf_name = g_strconcat (stem, ".pdf", NULL);
      g_autofree char *odt_name = g_strconcat (stem, ".odt", NULL);
      g_autofree char *pdf = g_build_filename (outdir, pdf_name, NULL);
      g_autofree char *odt = g_build_filename (outdir, odt_name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GHashTable) parts = NULL;
      g_autoptr(GHashTable) open = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          fz_test_string_free);
      g_autoptr(GHashTable) closed = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
      GPtrArray *want = g_hash_table_lookup (expected_anchors, base);
      GPtrArray *got;
      guint n_annotations = 0;
      gsize len;
      xmlDoc *content;

      g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
      g_assert_true (len > 1000 && strncmp (contents, "%PDF", 4) == 0);
      g_clear_pointer (&contents, g_free);

      g_assert_true (g_file_get_contents (odt, &contents, &len, NULL));
      bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
      parts = fz_test_unzip (bytes);
      content = fz_test_part (parts, "content.xml");
      g_hash_table_insert (closed, (gpointer) "", g_ptr_array_new_with_free_func (g_free));
      walk_odf (xmlDocGetRootElement (content), open, closed, &n_annotations);
      xmlFreeDoc (content);
      got = g_hash_table_lookup (closed, "");

      /* LibreOffice sees every new comment on its passage (and the
       * unit's own comments besides). */
      g_test_message ("%s: %u comments written, %u read back by LibreOffice", base, want->len, n_annotations);
      g_assert_cmpuint (n_annotations, >=, want->len);
      for (guint k = 0; k < want->len; k++)
        {
          const char *anchor = g_ptr_array_index (want, k);
          gboolean found = FALSE;

          for (guint j = 0; j < got->len && !found; j++)
            if (g_ptr_array_index (got, j) != NULL && g_str_equal (g_ptr_array_index (got, j), anchor))
              {
                /* Each read-back anchor answers one comment. */
                g_free (g_ptr_array_index (got, j));
                g_ptr_array_index (got, j) = NULL;
                found = TRUE;
              }
          if (!found)
            g_error ("%s: LibreOffice does not show a comment on “%s”", base, anchor);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  fz_init ();

  tmp_dir = fz_test_make_tmp_dir ("fazhi-return-XXXXXX");
  returned_paths = g_ptr_array_new_with_free_func (g_free);
  expected_anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  g_test_add_func ("/return-corpus/fixtures", test_fixtures);
  g_test_add_func ("/return-corpus/seeds", test_seeds);
  g_test_add_func ("/return-corpus/real-docx", test_real_docx);
  /* Last: it converts what the others returned. */
  g_test_add_func ("/return-corpus/libreoffice", test_libreoffice);

  ret = fz_test_run ();

  g_ptr_array_unref (returned_paths);
  g_hash_table_unref (expected_anchors);
  /* The temporary folder and what LibreOffice left in it. */
  fz_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
