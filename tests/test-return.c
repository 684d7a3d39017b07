/* test-return.c: the report returned to its unit with Word comments
 *
 * Every returned .docx is checked against what OOXML requires of
 * comments: the comments part, its relationship and content type; for
 * each comment one w:commentRangeStart, one w:commentRangeEnd and one
 * w:commentReference, in that order, with ids that match the comments
 * part; and the passage between the marks is the remark's passage.
 * LibreOffice then reads them back with their anchors.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>
#include <sys/wait.h>

#include "fz-import-private.h"
#include "fz-test-utils.h"

static FzRuleSet *national;
static char *tmp_dir;
/* Returned documents for the LibreOffice test, and the passages their
 * new comments must anchor on (GPtrArray of stripped text). */
static GPtrArray *returned_paths;
static GHashTable *expected_anchors;

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

static char *
fixture (const char *name)
{
  return g_build_filename (TESTDATADIR, "rounds", name, NULL);
}

static char *
strip_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !fz_unichar_is_space (c) && !fz_unichar_is_invisible (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
want_all (const char *name,
          gpointer    user_data)
{
  return TRUE;
}

static xmlDoc *
parse (GHashTable *parts,
       const char *name)
{
  GBytes *bytes = g_hash_table_lookup (parts, name);
  xmlDoc *doc;
  gsize len;
  const char *data;

  if (bytes == NULL)
    g_error ("the package has no part %s", name);
  data = g_bytes_get_data (bytes, &len);
  doc = xmlReadMemory (data, (int) len, name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
  if (doc == NULL)
    g_error ("the part %s is not well-formed XML", name);
  return doc;
}

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

static char *
attr (xmlNode    *node,
      const char *name)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (strcmp ((const char *) a->name, name) == 0)
      {
        xmlChar *v = xmlNodeListGetString (node->doc, a->children, 1);
        char *copy = g_strdup ((const char *) v);

        xmlFree (v);
        return copy;
      }
  return NULL;
}

typedef struct
{
  guint    order;                 /* visit counter */
  GHashTable *start;              /* id → order */
  GHashTable *end;
  GHashTable *ref;
  GHashTable *open;               /* id → GString of the text seen while open */
  GHashTable *text;               /* id → char * (closed) */
} Marks;

static void
count_mark (GHashTable *table,
            const char *id,
            guint       order)
{
  if (g_hash_table_contains (table, id))
    g_error ("the comment id %s is marked twice", id);
  g_hash_table_insert (table, g_strdup (id), GUINT_TO_POINTER (order + 1));
}

static void
walk_main (Marks   *marks,
           xmlNode *node,
           gboolean visible)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      g_autofree char *id = NULL;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      marks->order++;
      if (is (c, "commentRangeStart"))
        {
          id = attr (c, "id");
          count_mark (marks->start, id, marks->order);
          g_hash_table_insert (marks->open, g_strdup (id), g_string_new (NULL));
        }
      else if (is (c, "commentRangeEnd"))
        {
          GString *seen;

          id = attr (c, "id");
          count_mark (marks->end, id, marks->order);
          if ((seen = g_hash_table_lookup (marks->open, id)) != NULL)
            {
              g_hash_table_insert (marks->text, g_strdup (id), g_strdup (seen->str));
              g_hash_table_remove (marks->open, id);
            }
        }
      else if (is (c, "commentReference"))
        {
          id = attr (c, "id");
          /* Only in a run; the unit's own file may be sloppier. */
          count_mark (marks->ref, id, is (c->parent, "r") ? marks->order : G_MAXUINT - 1);
        }
      else if (is (c, "t") && visible)
        {
          g_autofree char *text = (char *) xmlNodeGetContent (c);
          GHashTableIter iter;
          GString *seen;

          g_hash_table_iter_init (&iter, marks->open);
          while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &seen))
            g_string_append (seen, text);
        }
      else
        walk_main (marks, c, visible && !is (c, "del") && !is (c, "delText"));
    }
}

/* Checks @docx as OOXML requires and returns the new comments (those
 * with an id not in @old_ids, nullable) in order as id → anchored text
 * (spaces dropped), with their texts in @texts. */
static GPtrArray *
check_package (GBytes     *docx,
               GHashTable *old_ids,
               GPtrArray  *texts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) parts = _fz_zip_read (docx, want_all, NULL, NULL, &error);
  g_autoptr(GHashTable) comment_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *anchors = g_ptr_array_new_with_free_func (g_free);
  xmlDoc *types, *rels, *comments, *main_doc;
  g_autofree char *comments_target = NULL;
  gboolean declared = FALSE;
  Marks marks = { 0 };

  g_autofree char *main_name = NULL;
  g_autofree char *main_rels = NULL;
  g_autofree char *comments_name = NULL;
  g_autofree char *comments_override = NULL;

  g_assert_no_error (error);

  /* The main part, where the package's relationships say. */
  rels = parse (parts, "_rels/.rels");
  for (xmlNode *r = xmlDocGetRootElement (rels)->children; r != NULL; r = r->next)
    {
      g_autofree char *type = r->type == XML_ELEMENT_NODE ? attr (r, "Type") : NULL;

      if (type != NULL && g_str_has_suffix (type, "/officeDocument") && main_name == NULL)
        {
          g_autofree char *target = attr (r, "Target");

          main_name = g_strdup (target[0] == '/' ? target + 1 : target);
        }
    }
  xmlFreeDoc (rels);
  g_assert_nonnull (main_name);
  {
    g_autofree char *dir = g_path_get_dirname (main_name);
    g_autofree char *base = g_path_get_basename (main_name);

    main_rels = g_strconcat (dir, "/_rels/", base, ".rels", NULL);

    /* The relationship from the main part, and the content type. */
    rels = parse (parts, main_rels);
    for (xmlNode *r = xmlDocGetRootElement (rels)->children; r != NULL; r = r->next)
      {
        g_autofree char *type = r->type == XML_ELEMENT_NODE ? attr (r, "Type") : NULL;

        /* Transitional, or ISO 29500 strict. */
        if (type != NULL && (g_str_equal (type, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments") ||
                             g_str_equal (type, "http://purl.oclc.org/ooxml/officeDocument/relationships/comments")))
          {
            g_autofree char *target = attr (r, "Target");

            g_assert_null (comments_target);
            comments_target = g_strdup (target);
            comments_name = target[0] == '/' ? g_strdup (target + 1) : g_strconcat (dir, "/", target, NULL);
          }
      }
    xmlFreeDoc (rels);
  }
  g_assert_nonnull (comments_name);
  comments_override = g_strconcat ("/", comments_name, NULL);

  types = parse (parts, "[Content_Types].xml");
  for (xmlNode *t = xmlDocGetRootElement (types)->children; t != NULL; t = t->next)
    {
      g_autofree char *part = t->type == XML_ELEMENT_NODE ? attr (t, "PartName") : NULL;
      g_autofree char *type = t->type == XML_ELEMENT_NODE ? attr (t, "ContentType") : NULL;

      if (part != NULL && g_ascii_strcasecmp (part, comments_override) == 0)
        {
          g_assert_false (declared);
          g_assert_cmpstr (type, ==, "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml");
          declared = TRUE;
        }
    }
  xmlFreeDoc (types);
  g_assert_true (declared);

  /* The comments: unique ids, an author and a date each. */
  comments = parse (parts, comments_name);
  g_assert_true (is (xmlDocGetRootElement (comments), "comments"));
  for (xmlNode *c = xmlDocGetRootElement (comments)->children; c != NULL; c = c->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *author = NULL;
      g_autofree char *date = NULL;

      if (!is (c, "comment"))
        continue;
      id = attr (c, "id");
      author = attr (c, "author");
      date = attr (c, "date");
      g_assert_nonnull (id);
      g_assert_false (g_hash_table_contains (comment_ids, id));
      g_hash_table_add (comment_ids, g_strdup (id));
      if (old_ids != NULL && g_hash_table_contains (old_ids, id))
        continue;
      g_assert_nonnull (author);
      g_assert_cmpstr (author, !=, "");
      g_assert_nonnull (date);
      {
        g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (date, NULL);

        g_assert_nonnull (parsed);
      }
      g_ptr_array_add (anchors, g_strdup (id));
      if (texts != NULL)
        {
          g_autofree char *text = (char *) xmlNodeGetContent (c);

          g_ptr_array_add (texts, g_steal_pointer (&text));
        }
    }
  xmlFreeDoc (comments);

  /* The marks: one of each per comment, in order, no stray id. */
  marks.start = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  marks.end = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  marks.ref = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  marks.open = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, string_free);
  marks.text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  main_doc = parse (parts, main_name);
  walk_main (&marks, xmlDocGetRootElement (main_doc), TRUE);
  xmlFreeDoc (main_doc);

  {
    GHashTable *tables[] = { marks.start, marks.end, marks.ref };

    for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
      {
        GHashTableIter iter;
        const char *id;

        g_hash_table_iter_init (&iter, tables[t]);
        while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
          if (!g_hash_table_contains (comment_ids, id))
            g_error ("the main part marks comment %s, which the comments part does not have", id);
      }
  }

  for (guint i = 0; i < anchors->len; i++)
    {
      char *id = g_ptr_array_index (anchors, i);
      guint s = GPOINTER_TO_UINT (g_hash_table_lookup (marks.start, id));
      guint e = GPOINTER_TO_UINT (g_hash_table_lookup (marks.end, id));
      guint r = GPOINTER_TO_UINT (g_hash_table_lookup (marks.ref, id));
      const char *text = g_hash_table_lookup (marks.text, id);

      if (s == 0 || e == 0 || r == 0)
        g_error ("comment %s lacks its %s", id, s == 0 ? "commentRangeStart" : e == 0 ? "commentRangeEnd" : "commentReference");
      g_assert_cmpuint (s, <, e);
      g_assert_cmpuint (e, <, r);
      g_assert_nonnull (text);
      g_ptr_array_index (anchors, i) = strip_spaces (text);
      g_free (id);
    }

  g_hash_table_unref (marks.start);
  g_hash_table_unref (marks.end);
  g_hash_table_unref (marks.ref);
  g_hash_table_unref (marks.open);
  g_hash_table_unref (marks.text);
  return anchors;
}

/* Each remark's comment stands on its passage: the same text, but for a
 * list number Word draws itself. */
static void
check_anchors (FzDocument *doc,
               GPtrArray  *remarks,
               GPtrArray  *anchors,
               GPtrArray  *texts)
{
  g_assert_cmpuint (anchors->len, ==, remarks->len);
  for (guint i = 0; i < remarks->len; i++)
    {
      const FzRemark *remark = g_ptr_array_index (remarks, i);
      g_autofree char *passage = fz_document_dup_range (doc, remark->start, remark->end);
      g_autofree char *want = strip_spaces (passage);
      const char *got = g_ptr_array_index (anchors, i);
      g_autofree char *comment = strip_spaces (g_ptr_array_index (texts, i));
      g_autofree char *remark_text = strip_spaces (remark->text);

      g_assert_cmpstr (comment, ==, remark_text);
      g_assert_cmpint (remark->anchor, ==, FZ_REMARK_ANCHOR_EXACT);
      if (!g_str_equal (want, got))
        {
          FzHeadingMarker marker;

          if (!g_str_has_suffix (want, got) ||
              !fz_heading_marker_parse (want, strlen (want), &marker) ||
              !g_str_equal (want + marker.marker_bytes, got))
            g_error ("comment %u stands on “%s” instead of “%s”", i, got, want);
        }
    }
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

static FzAnalysis *
analyse (FzDocument *doc)
{
  return fz_analysis_new (doc, national);
}

/* Returns @path's report machine-only and checks the result. */
static GBytes *
return_and_check (const char   *path,
                  FzReview     *review,
                  FzReturnKind  want_kind,
                  GHashTable   *old_ids,
                  const char   *keep_as)
{
  g_autoptr(FzDocument) doc = fz_test_import_path (path);
  g_autoptr(FzAnalysis) analysis = analyse (doc);
  g_autoptr(FzReturn) ret = fz_return_new (analysis, review);
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) anchors = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) again = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  FzReturnKind kind = 99;
  GBytes *out;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  original = g_bytes_new (contents, len);
  out = fz_return_render (ret, original, &kind, &error);
  g_assert_no_error (error);
  g_assert_nonnull (out);
  g_assert_cmpint (kind, ==, want_kind);
  g_assert_cmpuint (fz_return_get_remarks (ret)->len, >, 0);

  anchors = check_package (out, old_ids, texts);
  check_anchors (doc, fz_return_get_remarks (ret), anchors, texts);

  /* Comments add no text: the returned report reads as the original
   * (spaces aside: "委员会 人民政府" signed side by side in a text file is
   * one paragraph of a .docx). */
  again = fz_import_bytes (out, "returned.docx", NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *want = strip_spaces (fz_document_get_text (doc));
    g_autofree char *got = strip_spaces (fz_document_get_text (again));

    g_assert_cmpstr (got, ==, want);
  }

  if (keep_as != NULL)
    remember_for_libreoffice (keep_as, out, anchors);
  return out;
}

static void
test_text_report (void)
{
  g_autofree char *path = fixture ("liuxi-first.txt");
  g_autoptr(GBytes) out = return_and_check (path, NULL, FZ_RETURN_TEXT, NULL, "liuxi-text.docx");
  g_autoptr(FzDocument) doc = fz_test_import_path (path);
  g_autoptr(FzAnalysis) analysis = analyse (doc);
  g_autoptr(FzReturn) ret = fz_return_new (analysis, NULL);
  GPtrArray *remarks = fz_return_get_remarks (ret);
  gboolean opinion = FALSE, causes = FALSE, frp = FALSE, repeated = FALSE;

  for (guint i = 0; i < remarks->len; i++)
    {
      const FzRemark *r = g_ptr_array_index (remarks, i);
      g_autofree char *passage = fz_document_dup_range (doc, r->start, r->end);

      if (r->kind == FZ_REMARK_OPINION)
        {
          opinion = TRUE;
          g_assert_cmpstr (passage, ==, "青禾县柳溪镇人民政府关于2024年度法治政府建设情况的报告");
          g_assert_true (g_str_has_prefix (r->text, "【审查意见】经审查"));
        }
      else if (r->kind == FZ_REMARK_ELEMENT && g_str_equal (r->id, "causes"))
        {
          /* No passage of its own: the shortcomings' heading. */
          causes = TRUE;
          g_assert_cmpstr (passage, ==, "二、2024年推进法治政府建设存在的不足");
          g_assert_true (g_str_has_prefix (r->text, "【缺项】"));
        }
      else if (r->kind == FZ_REMARK_ELEMENT && g_str_equal (r->id, "first_responsible_person"))
        {
          /* It may be reported under the measures: their heading. */
          frp = TRUE;
          g_assert_cmpstr (passage, ==, "一、2024年推进法治政府建设的主要举措和成效");
        }
      else if (r->kind == FZ_REMARK_FINDING && g_str_equal (r->id, "repeated_word"))
        {
          repeated = TRUE;
          g_assert_cmpstr (passage, ==, "压实压实");
          g_assert_nonnull (strstr (r->text, "建议改为“压实”"));
        }
      /* Notes for the reviewer stay out of the unit's copy. */
      g_assert_false (r->kind == FZ_REMARK_FINDING && g_str_equal (r->id, "outline_coverage"));
      if (i > 0)
        g_assert_cmpuint (r->start, >=, ((FzRemark *) g_ptr_array_index (remarks, i - 1))->start);
    }
  g_assert_true (opinion && causes && frp && repeated);
}

static GHashTable *
ids_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GHashTable) parts = NULL;
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlDoc *doc;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  bytes = g_bytes_new (contents, len);
  parts = _fz_zip_read (bytes, want_all, NULL, NULL, NULL);
  doc = parse (parts, "word/comments.xml");
  for (xmlNode *c = xmlDocGetRootElement (doc)->children; c != NULL; c = c->next)
    if (is (c, "comment"))
      g_hash_table_add (ids, attr (c, "id"));
  xmlFreeDoc (doc);
  return ids;
}

static void
test_own_docx (void)
{
  g_autofree char *path = fixture ("liuxi-first.docx");
  g_autoptr(GHashTable) old_ids = ids_of (path);
  g_autoptr(GBytes) out = return_and_check (path, NULL, FZ_RETURN_ORIGINAL, old_ids, "liuxi-own.docx");
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  GHashTableIter iter;
  const char *name;
  GBytes *bytes;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  original = g_bytes_new (contents, len);
  before = _fz_zip_read (original, want_all, NULL, NULL, NULL);
  after = _fz_zip_read (out, want_all, NULL, NULL, NULL);

  /* Only the main part, the comments and the declarations change. */
  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &bytes))
    {
      GBytes *now = g_hash_table_lookup (after, name);

      g_assert_nonnull (now);
      if (g_str_equal (name, "word/document.xml") || g_str_equal (name, "word/comments.xml") ||
          g_str_equal (name, "[Content_Types].xml"))
        continue;
      if (!g_bytes_equal (now, bytes))
        g_error ("the part %s changed", name);
    }

  /* The unit's own comment is still there, under its own id. */
  {
    xmlDoc *comments = parse (after, "word/comments.xml");
    g_autofree char *text = (char *) xmlNodeGetContent (xmlDocGetRootElement (comments));

    g_assert_nonnull (strstr (text, "报送前请镇长审阅。"));
    xmlFreeDoc (comments);
  }
}

static void
test_numbered_docx (void)
{
  g_autofree char *path = g_build_filename (TESTDATADIR, "formats", "numbered.docx", NULL);
  g_autoptr(GHashTable) old_ids = ids_of (path);
  g_autoptr(GBytes) out = return_and_check (path, NULL, FZ_RETURN_ORIGINAL, old_ids, "numbered.docx");
}

static FzReview *
make_review (FzDocument *doc,
             const char *sha256)
{
  g_autoptr(GError) error = NULL;
  FzReview *review = fz_review_new (sha256, "liuxi-first.txt");
  const char *text = fz_document_get_text (doc);
  guint at = g_utf8_pointer_to_offset (text, strstr (text, "压实压实"));

  fz_review_set_reviewer (review, "李明");
  fz_review_set_opinion (review, "报告结构基本完整，但缺少第一责任人履职情况。");
  fz_review_set_rectification (review, "补充党政主要负责人履行第一责任人职责情况；分析不足的原因。");
  g_assert_true (fz_review_set_deadline (review, "2025-04-01", &error));
  fz_review_set_decision (review, "causes", FZ_STATUS_PARTIAL, "只列举了问题，未分析原因");
  fz_review_set_decision (review, "measures_and_results", FZ_STATUS_PARTIAL, "成效缺少数据对比");
  fz_review_add_annotation (review, doc, at, at + 4, FZ_ANNOTATION_PROBLEM, "“压实”重复");
  return review;
}

static void
test_review (void)
{
  g_autofree char *path = fixture ("liuxi-first.txt");
  g_autoptr(FzDocument) doc = fz_test_import_path (path);
  g_autoptr(FzAnalysis) analysis = analyse (doc);
  g_autoptr(FzReview) review = make_review (doc, "0000000000000000000000000000000000000000000000000000000000000001");
  g_autoptr(FzReturn) ret = fz_return_new (analysis, review);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) anchors = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *remarks;
  gboolean annotation = FALSE, causes = FALSE, measures = FALSE;

  g_assert_cmpstr (fz_return_get_author (ret), ==, "李明");
  remarks = fz_return_get_remarks (ret);
  for (guint i = 0; i < remarks->len; i++)
    {
      const FzRemark *r = g_ptr_array_index (remarks, i);

      if (r->kind == FZ_REMARK_OPINION)
        {
          g_assert_cmpstr (r->text, ==,
                           "【审查意见】报告结构基本完整，但缺少第一责任人履职情况。\n"
                           "【整改要求】补充党政主要负责人履行第一责任人职责情况；分析不足的原因。\n"
                           "请于2025年4月1日前将修改后的报告报送。");
          g_assert_null (r->date);
        }
      else if (r->kind == FZ_REMARK_ANNOTATION)
        {
          g_autofree char *passage = fz_document_dup_range (doc, r->start, r->end);

          annotation = TRUE;
          g_assert_cmpstr (r->text, ==, "【问题】“压实”重复。");
          g_assert_cmpstr (passage, ==, "压实压实");
          g_assert_nonnull (r->date);
        }
      else if (r->kind == FZ_REMARK_ELEMENT && g_str_equal (r->id, "causes"))
        {
          causes = TRUE;
          g_assert_cmpstr (r->text, ==, "【内容不完整】“上一年度推进法治政府建设存在不足的原因”不完整：只列举了问题，未分析原因。请补充完善。");
          g_assert_nonnull (r->date);
        }
      else if (r->kind == FZ_REMARK_ELEMENT && g_str_equal (r->id, "measures_and_results"))
        {
          g_autofree char *passage = fz_document_dup_range (doc, r->start, r->end);

          /* Overruled from present, on its own heading. */
          measures = TRUE;
          g_assert_cmpstr (passage, ==, "一、2024年推进法治政府建设的主要举措和成效");
          g_assert_nonnull (strstr (r->text, "成效缺少数据对比"));
        }
    }
  g_assert_true (annotation && causes && measures);

  out = fz_return_render (ret, NULL, NULL, &error);
  g_assert_no_error (error);
  anchors = check_package (out, NULL, texts);
  check_anchors (doc, remarks, anchors, texts);

  /* The reviewer signs every comment. */
  {
    g_autoptr(GHashTable) parts = _fz_zip_read (out, want_all, NULL, NULL, NULL);
    xmlDoc *comments = parse (parts, "word/comments.xml");

    for (xmlNode *c = xmlDocGetRootElement (comments)->children; c != NULL; c = c->next)
      if (is (c, "comment"))
        {
          g_autofree char *author = attr (c, "author");
          g_autofree char *initials = attr (c, "initials");

          g_assert_cmpstr (author, ==, "李明");
          g_assert_cmpstr (initials, ==, "李");
        }
    xmlFreeDoc (comments);
  }
  remember_for_libreoffice ("liuxi-review.docx", out, anchors);
}

static void
exported (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_export (void)
{
  g_autofree char *path = fixture ("liuxi-first.docx");
  g_autofree char *copy_path = g_build_filename (tmp_dir, "report.docx", NULL);
  g_autofree char *out_path = g_build_filename (tmp_dir, "report-returned.docx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) original = NULL;
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GFile) alias = NULL;
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(FzAnalysis) analysis = NULL;
  g_autoptr(FzReturn) ret = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  FzReturnKind kind = FZ_RETURN_TEXT;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy_path, contents, len, NULL));
  before = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  original = g_file_new_for_path (copy_path);
  doc = fz_test_import (original);
  analysis = analyse (doc);
  ret = fz_return_new (analysis, NULL);

  /* Never over the original, under its own name or another path to it. */
  g_assert_false (fz_return_export (ret, original, original, NULL, NULL, &error));
  g_assert_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_UNWRITABLE);
  g_clear_error (&error);
  {
    g_autofree char *alias_path = g_build_filename (tmp_dir, ".", "report.docx", NULL);

    alias = g_file_new_for_path (alias_path);
  }
  g_assert_false (fz_return_export (ret, original, alias, NULL, NULL, &error));
  g_assert_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_UNWRITABLE);
  g_clear_error (&error);

  fz_return_export_async (ret, original, out, NULL, exported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (fz_return_export_finish (ret, result, &kind, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, FZ_RETURN_ORIGINAL);
  g_clear_object (&result);
  g_assert_true (g_file_test (out_path, G_FILE_TEST_IS_REGULAR));

  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (copy_path, &contents, &len, NULL));
  after = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  g_assert_cmpstr (after, ==, before);
}

/* fazhi-check --return uses the saved review when there is one. */
static void
test_cli (void)
{
  g_autofree char *path = fixture ("liuxi-first.txt");
  g_autofree char *copy_path = g_build_filename (tmp_dir, "cli-report.txt", NULL);
  g_autofree char *out_path = g_build_filename (tmp_dir, "cli-returned.docx", NULL);
  g_autofree char *plain_path = g_build_filename (tmp_dir, "cli-plain.docx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *out_arg = g_strconcat ("--return=", out_path, NULL);
  g_autofree char *plain_arg = g_strconcat ("--return=", plain_path, NULL);
  g_autoptr(GFile) copy = NULL;
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(FzReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GHashTable) parts = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  xmlDoc *comments;
  g_autofree char *all = NULL;
  int status;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy_path, contents, len, NULL));
  copy = g_file_new_for_path (copy_path);
  sha = fz_review_hash_file (copy, NULL, &error);
  g_assert_no_error (error);
  doc = fz_test_import (copy);
  review = make_review (doc, sha);
  g_assert_true (fz_review_save (review, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);

  {
    const char *argv[] = { FAZHI_CHECK, "--format=json", out_arg, copy_path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &stdout_text, &stderr_text, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_true (g_file_get_contents (out_path, &contents, &len, NULL));
  out = g_bytes_new_take (g_steal_pointer (&contents), len);
  parts = _fz_zip_read (out, want_all, NULL, NULL, &error);
  g_assert_no_error (error);
  comments = parse (parts, "word/comments.xml");
  all = (char *) xmlNodeGetContent (xmlDocGetRootElement (comments));
  g_assert_nonnull (strstr (all, "【问题】“压实”重复。"));
  g_assert_nonnull (strstr (all, "【整改要求】补充党政主要负责人"));
  for (xmlNode *c = xmlDocGetRootElement (comments)->children; c != NULL; c = c->next)
    if (is (c, "comment"))
      {
        g_autofree char *author = attr (c, "author");

        g_assert_cmpstr (author, ==, "李明");
      }
  xmlFreeDoc (comments);

  /* A report with no review (the revised one: the review goes with the
   * content, whatever the file's name): the machine's findings, signed as
   * asked. */
  {
    g_autofree char *revised = fixture ("liuxi-revised.txt");
    const char *argv[] = { FAZHI_CHECK, plain_arg, "--reviewer=王芳", revised, NULL };
    g_autoptr(GBytes) plain = NULL;
    g_autoptr(GHashTable) plain_parts = NULL;
    g_autofree char *author = NULL;
    xmlNode *first;

    g_clear_pointer (&stdout_text, g_free);
    g_clear_pointer (&stderr_text, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &stdout_text, &stderr_text, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_file_get_contents (plain_path, &contents, &len, NULL));
    plain = g_bytes_new_take (g_steal_pointer (&contents), len);
    plain_parts = _fz_zip_read (plain, want_all, NULL, NULL, NULL);
    comments = parse (plain_parts, "word/comments.xml");
    first = xmlDocGetRootElement (comments)->children;
    while (first != NULL && !is (first, "comment"))
      first = first->next;
    g_assert_nonnull (first);
    author = attr (first, "author");
    g_assert_cmpstr (author, ==, "王芳");
    xmlFreeDoc (comments);
  }

  /* Over the report itself: refused, as a usage error. */
  {
    g_autofree char *self_arg = g_strconcat ("--return=", copy_path, NULL);
    const char *argv[] = { FAZHI_CHECK, self_arg, copy_path, NULL };

    g_clear_pointer (&stdout_text, g_free);
    g_clear_pointer (&stderr_text, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &stdout_text, &stderr_text, &status, &error));
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 2);
    g_assert_nonnull (strstr (stderr_text, "--return"));
  }
}

static void
test_seeds (void)
{
  const char *env = g_getenv ("FAZHI_CORPUS_DIR");
  g_autofree char *dir = g_build_filename (env ? env : "../shared/corpus", "seeds", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  if (d == NULL)
    {
      g_test_skip ("the reference corpus (../shared/corpus) is not here");
      return;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *keep = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) out = NULL;
      gsize len;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      path = g_build_filename (dir, name, NULL);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      before = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
      keep = g_strconcat ("seed-", name, ".docx", NULL);
      out = return_and_check (path, NULL, FZ_RETURN_TEXT, NULL, keep);
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
      analysis = analyse (doc);
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
        g_autoptr(GHashTable) parts = _fz_zip_read (original, want_all, NULL, NULL, NULL);
        g_autoptr(GHashTable) old_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        GBytes *part = parts ? g_hash_table_lookup (parts, "word/comments.xml") : NULL;
        xmlDoc *old;

        if (part != NULL &&
            (old = xmlReadMemory (g_bytes_get_data (part, NULL), g_bytes_get_size (part), NULL, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)) != NULL)
          {
            for (xmlNode *c = xmlDocGetRootElement (old)->children; c != NULL; c = c->next)
              if (is (c, "comment"))
                g_hash_table_add (old_ids, attr (c, "id"));
            xmlFreeDoc (old);
          }
        anchors = check_package (out, old_ids, texts);
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
        g_autofree char *want = strip_spaces (fz_document_get_text (doc));
        g_autofree char *got = strip_spaces (fz_document_get_text (again));

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
      else if (is (c, "annotation"))
        {
          g_autofree char *name = attr (c, "name");

          (*n_annotations)++;
          if (name != NULL)
            g_hash_table_insert (open, g_strdup (name), g_string_new (NULL));
        }
      else if (is (c, "annotation-end"))
        {
          g_autofree char *name = attr (c, "name");
          GString *seen = name ? g_hash_table_lookup (open, name) : NULL;

          if (seen != NULL)
            {
              g_ptr_array_add (g_hash_table_lookup (closed, ""), strip_spaces (seen->str));
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
                                                          string_free);
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
      parts = _fz_zip_read (bytes, want_all, NULL, NULL, NULL);
      content = parse (parts, "content.xml");
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
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  fz_init ();

  national = fz_ruleset_load ("national", &error);
  g_assert_no_error (error);
  tmp_dir = g_dir_make_tmp ("fazhi-return-XXXXXX", &error);
  g_assert_no_error (error);
  returned_paths = g_ptr_array_new_with_free_func (g_free);
  expected_anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  g_test_add_func ("/return/text-report", test_text_report);
  g_test_add_func ("/return/own-docx", test_own_docx);
  g_test_add_func ("/return/numbered-docx", test_numbered_docx);
  g_test_add_func ("/return/review", test_review);
  g_test_add_func ("/return/export", test_export);
  g_test_add_func ("/return/cli", test_cli);
  g_test_add_func ("/return/seeds", test_seeds);
  g_test_add_func ("/return/real-docx", test_real_docx);
  /* Last: it converts what the others returned. */
  g_test_add_func ("/return/libreoffice", test_libreoffice);

  ret = g_test_run ();

  g_ptr_array_unref (returned_paths);
  g_hash_table_unref (expected_anchors);
  {
    /* The temporary folder and what LibreOffice left in it. */
    const char *argv_rm[] = { "rm", "-rf", tmp_dir, NULL };

    g_spawn_sync (NULL, (char **) argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  g_free (tmp_dir);
  g_clear_object (&national);
  return ret;
}
