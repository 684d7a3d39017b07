/* test-memo-fonts.c: the memo .docx's fonts, as Word and LibreOffice read them
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GB/T 9704 names the faces (方正小标宋 for the title, 黑体, 楷体 and 仿宋
 * for the body); few machines outside a Chinese office have them.  Word
 * and WPS then use the font table's alternative names; LibreOffice asks
 * fontconfig for the missing name in the text's language, so the memo must
 * say zh-CN for its East Asian text, or a Japanese or Korean face comes back.
 *
 * The PDF's font names cannot tell: the Noto CJK collection that Debian
 * ships shares one CFF table, named after its Japanese face, between all
 * its faces, so pdffonts prints NotoSansCJKjp for the Simplified Chinese
 * face as well.  The LibreOffice test reads fontconfig's own answers
 * instead (FC_DEBUG=1).
 */

#include "config.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#include "fz-file-util.h"
#include "fz-test-utils.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

static const char *gbt_fonts[] = { "方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312" };

typedef struct
{
  char *dir;
  char *docx;
} Fixture;

/* A letter with every kind of paragraph: the red letterhead (小标宋), the
 * title, headings (黑体), leads (楷体), body text (仿宋) and a signature. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FzDocument) doc = fz_test_load_fixture ("checker-missing.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(FzRuleSet) rules = fz_test_load_rules ("national");
  g_autoptr(FzAnalysis) analysis = NULL;
  g_autoptr(FzMemo) memo = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_local (2025, 3, 6, 9, 0, 0);
  g_autoptr(GFile) file = NULL;
  FzMemoOptions options = {
    .unit = "青禾县司法局",
    .letterhead = "青禾县司法局",
    .contact = "李明",
    .phone = "0759-7771234",
    .date = date,
  };

  analysis = fz_analysis_new (doc, rules);
  memo = fz_memo_new_full (analysis, NULL, &options);
  f->dir = g_dir_make_tmp ("fz-memo-fonts-XXXXXX", NULL);
  f->docx = g_build_filename (f->dir, "memo.docx", NULL);
  file = g_file_new_for_path (f->docx);
  g_assert_true (fz_memo_export (memo, file, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fz_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->docx);
}

/* The parts of the .docx, parsed, by name. */
static GHashTable *
read_parts (const char *path)
{
  GHashTable *parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) xmlFreeDoc);
  g_autoptr(GPtrArray) zip = fz_test_read_zip (path);

  for (guint i = 0; i < zip->len; i++)
    {
      const FzTestZipPart *part = g_ptr_array_index (zip, i);
      gsize len;
      const char *data = g_bytes_get_data (part->content, &len);
      xmlDocPtr doc;

      if (!g_str_has_suffix (part->name, ".xml"))
        continue;
      doc = xmlReadMemory (data, len, part->name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
      g_assert_nonnull (doc);
      g_hash_table_insert (parts, g_strdup (part->name), doc);
    }

  return parts;
}

/* The nodes @xpath selects in @doc; free with xmlXPathFreeObject(). */
static xmlXPathObjectPtr
select_nodes (xmlDocPtr   doc,
              const char *xpath)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;

  xmlXPathRegisterNs (context, BAD_CAST "w", BAD_CAST W_NS);
  result = xmlXPathEvalExpression (BAD_CAST xpath, context);
  xmlXPathFreeContext (context);
  g_assert_nonnull (result);

  return result;
}

static char *
attribute (xmlNodePtr  node,
           const char *name)
{
  xmlChar *value = xmlGetNsProp (node, BAD_CAST name, BAD_CAST W_NS);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* The East Asian face a paragraph style names. */
static char *
style_font (xmlDocPtr   styles,
            const char *style_id)
{
  g_autofree char *xpath = g_strdup_printf ("//w:style[@w:styleId='%s']/w:rPr/w:rFonts", style_id);
  xmlXPathObjectPtr found = select_nodes (styles, xpath);
  char *font = NULL;

  if (found->nodesetval != NULL && found->nodesetval->nodeNr == 1)
    font = attribute (found->nodesetval->nodeTab[0], "eastAsia");
  xmlXPathFreeObject (found);

  return font;
}

static gboolean
is_gbt_font (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (gbt_fonts); i++)
    if (g_strcmp0 (name, gbt_fonts[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
test_font_properties (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GHashTable) parts = read_parts (f->docx);
  g_autoptr(GHashTable) named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *with_fonts[] = { "word/styles.xml", "word/document.xml", "word/footer1.xml", "word/footer2.xml" };
  xmlDocPtr styles = g_hash_table_lookup (parts, "word/styles.xml");
  xmlDocPtr font_table = g_hash_table_lookup (parts, "word/fontTable.xml");
  xmlDocPtr settings = g_hash_table_lookup (parts, "word/settings.xml");
  xmlXPathObjectPtr found;
  guint n_fonts = 0;

  g_assert_nonnull (styles);
  g_assert_nonnull (font_table);
  g_assert_nonnull (settings);

  /* Each kind of paragraph in the face GB/T 9704 gives it. */
  {
    static const struct { const char *style, *font; } faces[] = {
      { "MemoLetterhead", "方正小标宋简体" },
      { "MemoTitle", "方正小标宋简体" },
      { "MemoHeading1", "黑体" },
      { "MemoMeta", "楷体_GB2312" },
      { "MemoBody", "仿宋_GB2312" },
      { "MemoAddressee", "仿宋_GB2312" },
      { "MemoSignature", "仿宋_GB2312" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (faces); i++)
      {
        g_autofree char *font = style_font (styles, faces[i].style);

        g_assert_cmpstr (font, ==, faces[i].font);
      }
  }

  /* Every run property names Times New Roman for Latin text and a
   * Chinese face for the rest, with the East Asian hint, so the
   * characters both share (“”——…) are set in the Chinese face. */
  for (guint p = 0; p < G_N_ELEMENTS (with_fonts); p++)
    {
      xmlDocPtr doc = g_hash_table_lookup (parts, with_fonts[p]);

      g_assert_nonnull (doc);
      found = select_nodes (doc, "//w:rFonts");
      for (int i = 0; found->nodesetval != NULL && i < found->nodesetval->nodeNr; i++)
        {
          xmlNodePtr node = found->nodesetval->nodeTab[i];
          g_autofree char *hint = attribute (node, "hint");
          g_autofree char *ascii = attribute (node, "ascii");
          g_autofree char *east_asia = attribute (node, "eastAsia");

          g_assert_cmpstr (hint, ==, "eastAsia");
          g_assert_cmpstr (ascii, ==, "Times New Roman");
          g_assert_nonnull (east_asia);
          g_assert_true (is_gbt_font (east_asia) || g_str_equal (east_asia, "宋体"));
          g_hash_table_add (named, g_steal_pointer (&east_asia));
          n_fonts++;
        }
      xmlXPathFreeObject (found);
    }
  g_assert_cmpuint (n_fonts, >, 10);
  for (guint i = 0; i < G_N_ELEMENTS (gbt_fonts); i++)
    g_assert_true (g_hash_table_contains (named, gbt_fonts[i]));

  /* The East Asian text is Simplified Chinese: what LibreOffice asks
   * fontconfig for, and what Word picks theme fonts by. */
  found = select_nodes (styles, "/w:styles/w:docDefaults/w:rPrDefault/w:rPr/w:lang");
  g_assert_nonnull (found->nodesetval);
  g_assert_cmpint (found->nodesetval->nodeNr, ==, 1);
  {
    g_autofree char *lang = attribute (found->nodesetval->nodeTab[0], "eastAsia");

    g_assert_cmpstr (lang, ==, "zh-CN");
  }
  xmlXPathFreeObject (found);
  found = select_nodes (styles, "//w:lang[@w:eastAsia and @w:eastAsia!='zh-CN']");
  g_assert_true (found->nodesetval == NULL || found->nodesetval->nodeNr == 0);
  xmlXPathFreeObject (found);
  found = select_nodes (settings, "//w:themeFontLang[@w:eastAsia='zh-CN']");
  g_assert_true (found->nodesetval != NULL && found->nodesetval->nodeNr == 1);
  xmlXPathFreeObject (found);

  /* Every face named is in the font table as a GB2312 (charset 86) font;
   * the GB/T ones with the name Word and WPS use when they are missing. */
  {
    GHashTableIter iter;
    const char *name;

    g_hash_table_iter_init (&iter, named);
    while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
      {
        g_autofree char *xpath = g_strdup_printf ("/w:fonts/w:font[@w:name='%s']", name);
        g_autofree char *charset = NULL;
        xmlXPathObjectPtr entry = select_nodes (font_table, xpath);

        g_assert_true (entry->nodesetval != NULL && entry->nodesetval->nodeNr == 1);
        xmlXPathFreeObject (entry);

        g_clear_pointer (&xpath, g_free);
        xpath = g_strdup_printf ("/w:fonts/w:font[@w:name='%s']/w:charset/@w:val", name);
        entry = select_nodes (font_table, xpath);
        g_assert_true (entry->nodesetval != NULL && entry->nodesetval->nodeNr == 1);
        charset = (char *) xmlNodeGetContent (entry->nodesetval->nodeTab[0]);
        g_assert_cmpstr (charset, ==, "86");
        xmlXPathFreeObject (entry);

        if (is_gbt_font (name))
          {
            g_clear_pointer (&xpath, g_free);
            xpath = g_strdup_printf ("/w:fonts/w:font[@w:name='%s']/w:altName/@w:val", name);
            entry = select_nodes (font_table, xpath);
            g_assert_true (entry->nodesetval != NULL && entry->nodesetval->nodeNr == 1);
            xmlXPathFreeObject (entry);
          }
      }
  }
}

typedef struct
{
  char *requested;
  char *lang;
  char *chosen;
  char *chosen_langs;
} FcMatch;

static void
fc_match_free (FcMatch *match)
{
  g_free (match->requested);
  g_free (match->lang);
  g_free (match->chosen);
  g_free (match->chosen_langs);
  g_free (match);
}

/* The first string of a fontconfig debug line such as
 *	family: "仿宋_GB2312"(s) "DejaVu Sans"(w) …  */
static char *
first_value (const char *line)
{
  const char *start = strchr (line, '"');
  const char *end;

  if (start == NULL || (end = strchr (start + 1, '"')) == NULL)
    return NULL;
  return g_strndup (start + 1, end - start - 1);
}

/* fontconfig's matches in FC_DEBUG=1 output: each "Match Pattern" block
 * (what was asked), then "Best score", then the pattern of the face found. */
static GPtrArray *
parse_fc_matches (const char *output)
{
  GPtrArray *matches = g_ptr_array_new_with_free_func ((GDestroyNotify) fc_match_free);
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  FcMatch *match = NULL;
  enum { OUTSIDE, ASKED, SCORED, FOUND } state = OUTSIDE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *value = line + strspn (line, " \t");

      if (g_str_has_prefix (line, "Match Pattern"))
        {
          match = g_new0 (FcMatch, 1);
          g_ptr_array_add (matches, match);
          state = ASKED;
        }
      else if (match != NULL && g_str_has_prefix (line, "Best score"))
        state = SCORED;
      else if (state == SCORED && g_str_has_prefix (line, "Pattern has"))
        state = FOUND;
      else if (state == ASKED && g_str_has_prefix (value, "family:") && match->requested == NULL)
        match->requested = first_value (value);
      else if (state == ASKED && g_str_has_prefix (value, "lang:") && match->lang == NULL)
        match->lang = g_strdup (value + 5);
      else if (state == FOUND && g_str_has_prefix (value, "family:") && match->chosen == NULL)
        match->chosen = first_value (value);
      else if (state == FOUND && g_str_has_prefix (value, "lang:") && match->chosen_langs == NULL)
        match->chosen_langs = g_strdup (value + 5);
      else if (state == FOUND && *line == '\0')
        state = OUTSIDE;
    }

  return matches;
}

/* A face for another written language than Simplified Chinese, by the
 * region the CJK families end their names with. */
static gboolean
is_other_cjk_region (const char *family)
{
  static const char *regions[] = { " JP", " KR", " TC", " HK", " J", " K" };

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_str_has_suffix (family, regions[i]))
      return TRUE;
  return strstr (family, "Japan") != NULL || strstr (family, "Korea") != NULL;
}

static void
test_libreoffice_faces (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");
  g_autofree char *pdf = NULL;
  g_autofree char *out = NULL;
  g_autofree char *fonts = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = NULL;
  guint n_gbt = 0;
  int status;

  if (soffice == NULL || pdffonts == NULL)
    {
      g_test_skip ("LibreOffice (soffice) or pdffonts is not installed");
      return;
    }

  env = g_environ_setenv (g_get_environ (), "FC_DEBUG", "1", TRUE);
  pdf = fz_test_soffice_to_pdf (soffice, f->docx, f->dir, env, &out);

  /* For every GB/T face it looked for, LibreOffice asked fontconfig in
   * Simplified Chinese and was given a face that writes it, not one made
   * for Japanese, Korean or traditional characters. */
  matches = parse_fc_matches (out);
  for (guint i = 0; i < matches->len; i++)
    {
      FcMatch *match = g_ptr_array_index (matches, i);

      if (!is_gbt_font (match->requested))
        continue;
      n_gbt++;
      g_test_message ("%s (lang %s) → %s", match->requested,
                      match->lang != NULL ? match->lang : "none", match->chosen);
      g_assert_nonnull (match->lang);
      g_assert_nonnull (strstr (match->lang, "zh-cn"));
      g_assert_nonnull (match->chosen);
      g_assert_false (is_other_cjk_region (match->chosen));
      g_assert_nonnull (match->chosen_langs);
      g_assert_nonnull (strstr (match->chosen_langs, "zh-cn"));
    }
  if (n_gbt == 0)
    {
      g_test_skip ("LibreOffice asked fontconfig nothing under FC_DEBUG (built without fontconfig?)");
      return;
    }

  /* Every face is embedded, so the PDF reads the same anywhere. */
  {
    const char *argv[] = { pdffonts, pdf, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &fonts, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_cmpuint (fz_test_assert_fonts_embedded (fonts), >, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add ("/memo/fonts/docx", Fixture, NULL, fixture_set_up, test_font_properties, fixture_tear_down);
  g_test_add ("/memo/fonts/libreoffice", Fixture, NULL, fixture_set_up, test_libreoffice_faces,
              fixture_tear_down);

  return g_test_run ();
}
