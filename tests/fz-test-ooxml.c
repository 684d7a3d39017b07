/* fz-test-ooxml.c: what OOXML requires of a returned report's comments
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/parser.h>
#include <string.h>

#include "fz-import-private.h"
#include "fz-test-ooxml.h"

static gboolean
want_all (const char *name,
          gpointer    user_data)
{
  return TRUE;
}

void
fz_test_string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

GHashTable *
fz_test_unzip (GBytes *zip)
{
  g_autoptr(GError) error = NULL;
  GHashTable *parts = _fz_zip_read (zip, want_all, NULL, NULL, &error);

  g_assert_no_error (error);
  return parts;
}

char *
fz_test_strip_spaces (const char *text)
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

xmlDoc *
fz_test_part (GHashTable *parts,
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

gboolean
fz_test_xml_is (xmlNode    *node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

char *
fz_test_xml_attr (xmlNode    *node,
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
      if (fz_test_xml_is (c, "commentRangeStart"))
        {
          id = fz_test_xml_attr (c, "id");
          count_mark (marks->start, id, marks->order);
          g_hash_table_insert (marks->open, g_strdup (id), g_string_new (NULL));
        }
      else if (fz_test_xml_is (c, "commentRangeEnd"))
        {
          GString *seen;

          id = fz_test_xml_attr (c, "id");
          count_mark (marks->end, id, marks->order);
          if ((seen = g_hash_table_lookup (marks->open, id)) != NULL)
            {
              g_hash_table_insert (marks->text, g_strdup (id), g_strdup (seen->str));
              g_hash_table_remove (marks->open, id);
            }
        }
      else if (fz_test_xml_is (c, "commentReference"))
        {
          id = fz_test_xml_attr (c, "id");
          /* Only in a run; the unit's own file may be sloppier. */
          count_mark (marks->ref, id, fz_test_xml_is (c->parent, "r") ? marks->order : G_MAXUINT - 1);
        }
      else if (fz_test_xml_is (c, "t") && visible)
        {
          g_autofree char *text = (char *) xmlNodeGetContent (c);
          GHashTableIter iter;
          GString *seen;

          g_hash_table_iter_init (&iter, marks->open);
          while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &seen))
            g_string_append (seen, text);
        }
      else
        walk_main (marks, c, visible && !fz_test_xml_is (c, "del") && !fz_test_xml_is (c, "delText"));
    }
}

/* Checks @docx as OOXML requires and returns the new comments (those
 * with an id not in @old_ids, nullable) in order as id → anchored text
 * (spaces dropped), with their texts in @texts. */
GPtrArray *
fz_test_check_comments (GBytes     *docx,
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
  rels = fz_test_part (parts, "_rels/.rels");
  for (xmlNode *r = xmlDocGetRootElement (rels)->children; r != NULL; r = r->next)
    {
      g_autofree char *type = r->type == XML_ELEMENT_NODE ? fz_test_xml_attr (r, "Type") : NULL;

      if (type != NULL && g_str_has_suffix (type, "/officeDocument") && main_name == NULL)
        {
          g_autofree char *target = fz_test_xml_attr (r, "Target");

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
    rels = fz_test_part (parts, main_rels);
    for (xmlNode *r = xmlDocGetRootElement (rels)->children; r != NULL; r = r->next)
      {
        g_autofree char *type = r->type == XML_ELEMENT_NODE ? fz_test_xml_attr (r, "Type") : NULL;

        /* Transitional, or ISO 29500 strict. */
        if (type != NULL && (g_str_equal (type, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments") ||
                             g_str_equal (type, "http://purl.oclc.org/ooxml/officeDocument/relationships/comments")))
          {
            g_autofree char *target = fz_test_xml_attr (r, "Target");

            g_assert_null (comments_target);
            comments_target = g_strdup (target);
            comments_name = target[0] == '/' ? g_strdup (target + 1) : g_strconcat (dir, "/", target, NULL);
          }
      }
    xmlFreeDoc (rels);
  }
  g_assert_nonnull (comments_name);
  comments_override = g_strconcat ("/", comments_name, NULL);

  types = fz_test_part (parts, "[Content_Types].xml");
  for (xmlNode *t = xmlDocGetRootElement (types)->children; t != NULL; t = t->next)
    {
      g_autofree char *part = t->type == XML_ELEMENT_NODE ? fz_test_xml_attr (t, "PartName") : NULL;
      g_autofree char *type = t->type == XML_ELEMENT_NODE ? fz_test_xml_attr (t, "ContentType") : NULL;

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
  comments = fz_test_part (parts, comments_name);
  g_assert_true (fz_test_xml_is (xmlDocGetRootElement (comments), "comments"));
  for (xmlNode *c = xmlDocGetRootElement (comments)->children; c != NULL; c = c->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *author = NULL;
      g_autofree char *date = NULL;

      if (!fz_test_xml_is (c, "comment"))
        continue;
      id = fz_test_xml_attr (c, "id");
      author = fz_test_xml_attr (c, "author");
      date = fz_test_xml_attr (c, "date");
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
  marks.open = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, fz_test_string_free);
  marks.text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  main_doc = fz_test_part (parts, main_name);
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
      g_ptr_array_index (anchors, i) = fz_test_strip_spaces (text);
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
void
fz_test_check_anchors (FzDocument *doc,
               GPtrArray  *remarks,
               GPtrArray  *anchors,
               GPtrArray  *texts)
{
  g_assert_cmpuint (anchors->len, ==, remarks->len);
  for (guint i = 0; i < remarks->len; i++)
    {
      const FzRemark *remark = g_ptr_array_index (remarks, i);
      g_autofree char *passage = fz_document_dup_range (doc, remark->start, remark->end);
      g_autofree char *want = fz_test_strip_spaces (passage);
      const char *got = g_ptr_array_index (anchors, i);
      g_autofree char *comment = fz_test_strip_spaces (g_ptr_array_index (texts, i));
      g_autofree char *remark_text = fz_test_strip_spaces (remark->text);

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


GHashTable *
fz_test_comment_ids (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GHashTable) parts = NULL;
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlDoc *doc;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  bytes = g_bytes_new (contents, len);
  parts = fz_test_unzip (bytes);
  doc = fz_test_part (parts, "word/comments.xml");
  for (xmlNode *c = xmlDocGetRootElement (doc)->children; c != NULL; c = c->next)
    if (fz_test_xml_is (c, "comment"))
      g_hash_table_add (ids, fz_test_xml_attr (c, "id"));
  xmlFreeDoc (doc);
  return ids;
}


GBytes *
fz_test_return_and_check (FzRuleSet    *rules,
                          const char   *path,
                          FzReview     *review,
                          FzReturnKind  want_kind,
                          GHashTable   *old_ids,
                          GPtrArray   **anchors_out)
{
  g_autoptr(FzDocument) doc = fz_test_import_path (path);
  g_autoptr(FzAnalysis) analysis = fz_analysis_new (doc, rules);
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

  anchors = fz_test_check_comments (out, old_ids, texts);
  fz_test_check_anchors (doc, fz_return_get_remarks (ret), anchors, texts);

  /* Comments add no text: the returned report reads as the original
   * (spaces aside: "委员会 人民政府" signed side by side in a text file is
   * one paragraph of a .docx). */
  again = fz_import_bytes (out, "returned.docx", NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *want = fz_test_strip_spaces (fz_document_get_text (doc));
    g_autofree char *got = fz_test_strip_spaces (fz_document_get_text (again));

    g_assert_cmpstr (got, ==, want);
  }

  if (anchors_out != NULL)
    *anchors_out = g_steal_pointer (&anchors);
  return out;
}

