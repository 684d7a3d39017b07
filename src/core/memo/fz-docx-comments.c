/* fz-docx-comments.c: Word comments written into a unit's own .docx
 *
 * OOXML (ECMA-376 Part 1, §17.13.4) wants three things for a comment:
 * the comment itself in the comments part, which the main part reaches
 * through a relationship and whose content type is declared; and in the
 * main part a w:commentRangeStart before the passage, a
 * w:commentRangeEnd after it and a run holding w:commentReference after
 * that, all with the comment's id.  The passage's runs are split where it
 * begins and ends, their formatting copied to both halves.  Splitting
 * goes from the end of the text backwards, so that every place still to
 * visit keeps its text node and offset.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fz-docx-anchor.h"
#include "fz-docx-comments.h"
#include "fz-docx-package.h"
#include "fz-i18n.h"
#include "fz-import-private.h"
#include "fz-memo.h"

typedef struct
{
  GPtrArray  *names;              /* entry names in the package's order */
  GHashTable *parts;              /* name → GBytes */
  char       *main;               /* the main part: "word/document.xml" */
  char       *main_rels;          /* its relationships: "word/_rels/document.xml.rels" */
  char       *comments;           /* the comments part, once known */
  xmlNs      *w;                  /* the main part's w: namespace */
} Package;

static void
package_clear (Package *pkg)
{
  g_clear_pointer (&pkg->names, g_ptr_array_unref);
  g_clear_pointer (&pkg->parts, g_hash_table_unref);
  g_clear_pointer (&pkg->main, g_free);
  g_clear_pointer (&pkg->main_rels, g_free);
  g_clear_pointer (&pkg->comments, g_free);
}

static void
set_invalid (GError    **error,
             const char *what)
{
  g_set_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_INVALID,
               _("The report’s .docx cannot take comments: %s."), what);
}

static xmlDoc *
parse_part (Package     *pkg,
            const char  *name,
            GError     **error)
{
  GBytes *bytes = g_hash_table_lookup (pkg->parts, name);

  if (bytes == NULL)
    return NULL;
  return _fz_xml_parse (bytes, name, error);
}

static void
put_part (Package    *pkg,
          const char *name,
          xmlDoc     *doc)
{
  if (!g_hash_table_contains (pkg->parts, name))
    g_ptr_array_add (pkg->names, g_strdup (name));
  g_hash_table_replace (pkg->parts, g_strdup (name), _fz_package_xml_bytes (doc));
}

/* Every entry is kept, its name noted in the order of the original. */
static gboolean
want_noting_order (const char *name,
                   gpointer    user_data)
{
  GPtrArray *names = user_data;

  if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
    g_ptr_array_add (names, g_strdup (name));
  return TRUE;
}

static gboolean
package_open (Package  *pkg,
              GBytes   *docx,
              GError  **error)
{
  pkg->names = g_ptr_array_new_with_free_func (g_free);
  if ((pkg->parts = _fz_zip_read (docx, want_noting_order, pkg->names, NULL, error)) == NULL)
    return FALSE;

  /* The main part is where the package relationships say. */
  if ((pkg->main = _fz_opc_main_part (pkg->parts)) == NULL)
    {
      set_invalid (error, _("it has no main document part"));
      return FALSE;
    }
  pkg->main_rels = _fz_opc_rels_name (pkg->main);

  return TRUE;
}

/* Comment ids: above every id in the main part and the comments. */

static void
max_ids (xmlNode *node,
         int     *max,
         guint    depth)
{
  if (depth > FZ_XML_MAX_DEPTH)
    return;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      /* Comments, bookmarks and tracked changes number their w:id in one
       * space in Word's eyes: stay above all of them. */
      if (xmlHasProp (c, BAD_CAST "id") != NULL)
        {
          g_autofree char *id = _fz_xml_attr (c, "id");
          char *end = NULL;
          long v = id ? strtol (id, &end, 10) : -1;

          if (id != NULL && end != id && v > *max && v < G_MAXINT / 2)
            *max = (int) v;
        }
      max_ids (c, max, depth + 1);
    }
}

/* The comments part the main part already points to, or a new name for
 * one with its relationship and content type added. */
static xmlDoc *
comments_part (Package  *pkg,
               xmlDoc   *main_doc,
               GError  **error)
{
  xmlDoc *rels;
  xmlNode *root;
  gboolean strict = g_str_equal ((const char *) pkg->w->href, FZ_W_NS_STRICT);
  xmlDoc *comments = NULL;

  pkg->comments = _fz_opc_related (pkg->parts, pkg->main, "comments");
  if (pkg->comments != NULL && g_hash_table_contains (pkg->parts, pkg->comments))
    return parse_part (pkg, pkg->comments, error);

  rels = parse_part (pkg, pkg->main_rels, NULL);
  if (rels == NULL)
    {
      rels = xmlNewDoc (BAD_CAST "1.0");
      root = xmlNewNode (NULL, BAD_CAST "Relationships");
      xmlDocSetRootElement (rels, root);
      xmlSetNs (root, xmlNewNs (root, BAD_CAST FZ_REL_NS, NULL));
    }
  root = xmlDocGetRootElement (rels);

  /* A new part, under a name and an id nobody uses. */
  {
    g_autofree char *target = NULL;
    g_autofree char *rid = NULL;
    xmlNode *rel, *croot;

    g_clear_pointer (&pkg->comments, g_free);
    for (guint i = 0; pkg->comments == NULL; i++)
      {
        g_free (target);
        target = i == 0 ? g_strdup ("comments.xml") : g_strdup_printf ("comments%u.xml", i);
        pkg->comments = _fz_opc_resolve (pkg->main, target);
        if (g_hash_table_contains (pkg->parts, pkg->comments))
          g_clear_pointer (&pkg->comments, g_free);
      }
    for (guint i = 1; rid == NULL; i++)
      {
        gboolean used = FALSE;

        rid = g_strdup_printf ("rId%u", 900 + i);
        for (xmlNode *r = root->children; r != NULL && !used; r = r->next)
          {
            g_autofree char *id = _fz_xml_attr (r, "Id");

            used = id != NULL && g_str_equal (id, rid);
          }
        if (used)
          g_clear_pointer (&rid, g_free);
      }

    rel = xmlNewChild (root, root->ns, BAD_CAST "Relationship", NULL);
    xmlNewProp (rel, BAD_CAST "Id", BAD_CAST rid);
    xmlNewProp (rel, BAD_CAST "Type", BAD_CAST (strict ? FZ_REL_TYPE_COMMENTS_STRICT : FZ_REL_TYPE_COMMENTS));
    xmlNewProp (rel, BAD_CAST "Target", BAD_CAST target);
    put_part (pkg, pkg->main_rels, rels);
    xmlFreeDoc (rels);

    comments = xmlNewDoc (BAD_CAST "1.0");
    croot = xmlNewNode (NULL, BAD_CAST "comments");
    xmlDocSetRootElement (comments, croot);
    xmlSetNs (croot, xmlNewNs (croot, pkg->w->href, BAD_CAST "w"));
  }

  return comments;
}

/* Declares the comments part's content type unless it is declared. */
static gboolean
declare_content_type (Package  *pkg,
                      GError  **error)
{
  g_autofree char *part_name = g_strconcat ("/", pkg->comments, NULL);
  xmlDoc *types = parse_part (pkg, "[Content_Types].xml", error);
  xmlNode *root, *node;

  if (types == NULL)
    {
      if (error != NULL && *error == NULL)
        set_invalid (error, _("it declares no content types"));
      return FALSE;
    }
  root = xmlDocGetRootElement (types);
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    {
      g_autofree char *name = _fz_xml_attr (c, "PartName");

      if (_fz_xml_is (c, "Override") && name != NULL && g_ascii_strcasecmp (name, part_name) == 0)
        {
          xmlSetProp (c, BAD_CAST "ContentType", BAD_CAST FZ_CONTENT_TYPE_COMMENTS);
          put_part (pkg, "[Content_Types].xml", types);
          xmlFreeDoc (types);
          return TRUE;
        }
    }

  node = xmlNewChild (root, root->ns, BAD_CAST "Override", NULL);
  xmlNewProp (node, BAD_CAST "PartName", BAD_CAST part_name);
  xmlNewProp (node, BAD_CAST "ContentType", BAD_CAST FZ_CONTENT_TYPE_COMMENTS);
  put_part (pkg, "[Content_Types].xml", types);
  xmlFreeDoc (types);
  return TRUE;
}

/* The comment itself: one paragraph per line of its text, the first with
 * the annotation mark Word shows in the margin. */
static void
append_comment (xmlNode             *root,
                xmlNs               *w,
                int                  id,
                const FzDocxComment *comment)
{
  xmlNode *node = xmlNewChild (root, w, BAD_CAST "comment", NULL);
  g_autofree char *id_str = g_strdup_printf ("%d", id);
  g_auto(GStrv) lines = g_strsplit (comment->text != NULL ? comment->text : "", "\n", -1);

  xmlNewNsProp (node, w, BAD_CAST "id", BAD_CAST id_str);
  xmlNewNsProp (node, w, BAD_CAST "author", BAD_CAST (comment->author ? comment->author : ""));
  if (comment->date != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (comment->date);
      g_autofree char *stamp = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

      xmlNewNsProp (node, w, BAD_CAST "date", BAD_CAST stamp);
    }
  if (comment->initials != NULL)
    xmlNewNsProp (node, w, BAD_CAST "initials", BAD_CAST comment->initials);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      xmlNode *p = xmlNewChild (node, w, BAD_CAST "p", NULL);
      xmlNode *t;

      if (i == 0)
        xmlNewChild (xmlNewChild (p, w, BAD_CAST "r", NULL), w, BAD_CAST "annotationRef", NULL);
      t = xmlNewChild (xmlNewChild (p, w, BAD_CAST "r", NULL), w, BAD_CAST "t", NULL);
      xmlAddChild (t, xmlNewText (BAD_CAST lines[i]));
      xmlNodeSetSpacePreserve (t, 1);
    }
}

/* Placing the marks. */

typedef struct
{
  guint key;                      /* 2 × character, + 1 for "after it" */
  guint rank;                     /* order among marks at the same place */
  int   id;
  guint closing : 1;
} Mark;

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const Mark *x = a, *y = b;

  /* Last place first; at one place, in the order they are written. */
  if (x->key != y->key)
    return x->key > y->key ? -1 : 1;
  return x->rank < y->rank ? -1 : x->rank > y->rank;
}

static guint
content_length (xmlNode *node)
{
  g_autofree char *text = NULL;

  if (!_fz_xml_is (node, "t"))
    return 1;
  text = (char *) xmlNodeGetContent (node);
  return text != NULL ? g_utf8_strlen (text, -1) : 0;
}

static gboolean
is_run_content (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE && !_fz_xml_is (node, "rPr");
}

static void
set_text (xmlNode    *t,
          const char *text)
{
  while (t->children != NULL)
    {
      xmlNode *c = t->children;

      xmlUnlinkNode (c);
      xmlFreeNode (c);
    }
  xmlAddChild (t, xmlNewDocText (t->doc, BAD_CAST text));
  xmlNodeSetSpacePreserve (t, 1);
}

/* Inserts @nodes, in order, at character @offset of @place's node (0 to
 * its length): between two runs when that is a run's edge, else after
 * splitting the run there. */
static void
insert_at (xmlNode   *node,
           guint      offset,
           GPtrArray *nodes)
{
  xmlNode *run = node->parent;
  xmlNode *right;
  gboolean first = TRUE, last = TRUE;
  guint len = content_length (node);

  if (run == NULL || !_fz_xml_is (run, "r"))
    {
      /* Not in a run (a file Word would not write): beside the node. */
      run = node;
      offset = offset == 0 ? 0 : len;
    }
  else
    {
      for (xmlNode *c = run->children; c != node; c = c->next)
        if (is_run_content (c))
          first = FALSE;
      for (xmlNode *c = node->next; c != NULL; c = c->next)
        if (is_run_content (c))
          last = FALSE;
    }

  if (offset == 0 && first)
    {
      for (guint i = 0; i < nodes->len; i++)
        xmlAddPrevSibling (run, g_ptr_array_index (nodes, i));
      return;
    }
  if (offset >= len && last)
    {
      xmlNode *after = run;

      for (guint i = 0; i < nodes->len; i++)
        after = xmlAddNextSibling (after, g_ptr_array_index (nodes, i));
      return;
    }

  /* Split: the second half is a new run with the same formatting. */
  right = xmlNewDocNode (run->doc, run->ns, BAD_CAST "r", NULL);
  {
    xmlNode *rpr = _fz_xml_child (run, "rPr");
    xmlNode *move_from;

    if (rpr != NULL)
      xmlAddChild (right, xmlCopyNode (rpr, 1));

    if (offset > 0 && offset < len)
      {
        g_autofree char *text = (char *) xmlNodeGetContent (node);
        const char *cut = g_utf8_offset_to_pointer (text, offset);
        g_autofree char *head = g_strndup (text, cut - text);
        xmlNode *tail = xmlNewDocNode (run->doc, node->ns, BAD_CAST "t", NULL);

        set_text (node, head);
        set_text (tail, cut);
        xmlAddChild (right, tail);
        move_from = node->next;
      }
    else
      move_from = offset == 0 ? node : node->next;

    while (move_from != NULL)
      {
        xmlNode *next = move_from->next;

        xmlUnlinkNode (move_from);
        xmlAddChild (right, move_from);
        move_from = next;
      }
  }
  xmlAddNextSibling (run, right);
  for (guint i = 0; i < nodes->len; i++)
    xmlAddPrevSibling (right, g_ptr_array_index (nodes, i));
}

static xmlNode *
marker (xmlDoc     *doc,
        xmlNs      *w,
        const char *name,
        int         id)
{
  xmlNode *node = xmlNewDocNode (doc, w, BAD_CAST name, NULL);
  g_autofree char *id_str = g_strdup_printf ("%d", id);

  xmlNewNsProp (node, w, BAD_CAST "id", BAD_CAST id_str);
  return node;
}

static void
place_marks (xmlDoc             *doc,
             xmlNs              *w,
             const FzDocxStream *stream,
             GArray             *marks)
{
  g_array_sort (marks, compare_marks);

  for (guint k = 0; k < marks->len;)
    {
      const Mark *m = &g_array_index (marks, Mark, k);
      guint key = m->key;
      guint index = key / 2;
      gboolean after = key % 2 == 1;
      const FzDocxPlace *place = &g_array_index (stream->places, FzDocxPlace, index);
      g_autoptr(GPtrArray) nodes = g_ptr_array_new ();

      for (; k < marks->len && g_array_index (marks, Mark, k).key == key; k++)
        {
          const Mark *mk = &g_array_index (marks, Mark, k);

          if (mk->closing)
            {
              xmlNode *ref_run = xmlNewDocNode (doc, w, BAD_CAST "r", NULL);

              g_ptr_array_add (nodes, marker (doc, w, "commentRangeEnd", mk->id));
              xmlAddChild (ref_run, marker (doc, w, "commentReference", mk->id));
              g_ptr_array_add (nodes, ref_run);
            }
          else
            g_ptr_array_add (nodes, marker (doc, w, "commentRangeStart", mk->id));
        }

      insert_at (place->node, after ? place->offset + 1 : place->offset, nodes);
    }
}

GBytes *
_fz_docx_add_comments (GBytes      *docx,
                       FzDocument  *doc,
                       GPtrArray   *comments,
                       GError     **error)
{
  Package pkg = { 0 };
  xmlDoc *main_doc = NULL, *styles = NULL, *comments_doc = NULL;
  g_autoptr(FzDocxStream) stream = NULL;
  g_autoptr(FzDocxLocator) locator = NULL;
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  xmlNode *root;
  int next_id = -1;
  GBytes *result = NULL;

  g_return_val_if_fail (docx != NULL, NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (comments != NULL, NULL);

  if (!package_open (&pkg, docx, error))
    goto out;
  if ((main_doc = parse_part (&pkg, pkg.main, error)) == NULL)
    goto out;
  root = xmlDocGetRootElement (main_doc);
  if (!_fz_xml_is (root, "document") || root->ns == NULL || _fz_xml_child (root, "body") == NULL)
    {
      set_invalid (error, _("its main part is not a Word document"));
      goto out;
    }
  pkg.w = root->ns;
  styles = parse_part (&pkg, "word/styles.xml", NULL);

  stream = _fz_docx_stream_new (main_doc, styles);
  if (stream->places->len == 0)
    {
      set_invalid (error, _("its text is all in text boxes or drawings"));
      goto out;
    }
  locator = _fz_docx_locator_new (stream, doc);

  if ((comments_doc = comments_part (&pkg, main_doc, error)) == NULL)
    goto out;
  max_ids (xmlDocGetRootElement (comments_doc), &next_id, 0);
  max_ids (root, &next_id, 0);
  next_id++;

  for (guint i = 0; i < comments->len; i++)
    {
      FzDocxComment *comment = g_ptr_array_index (comments, i);
      guint from = 0, to = 0;
      Mark open = { 0 }, close = { 0 };
      int id = next_id + (int) i;

      _fz_docx_locate (locator, comment->start, comment->end, &from, &to, &comment->quality);
      append_comment (xmlDocGetRootElement (comments_doc), xmlDocGetRootElement (comments_doc)->ns, id, comment);

      /* Longer passages open first and close last where several share a
       * place, so that the ranges nest. */
      open.key = 2 * from;
      open.rank = G_MAXUINT / 2 - MIN (to - from, G_MAXUINT / 4) + i;
      open.id = id;
      close.key = 2 * (to - 1) + 1;
      close.rank = MIN (to - from, G_MAXUINT / 4);
      close.id = id;
      close.closing = TRUE;
      g_array_append_val (marks, open);
      g_array_append_val (marks, close);
    }

  place_marks (main_doc, pkg.w, stream, marks);

  put_part (&pkg, pkg.main, main_doc);
  put_part (&pkg, pkg.comments, comments_doc);
  if (!declare_content_type (&pkg, error))
    goto out;

  result = _fz_package_write (pkg.names, pkg.parts, error);

out:
  g_clear_pointer (&comments_doc, xmlFreeDoc);
  g_clear_pointer (&styles, xmlFreeDoc);
  g_clear_pointer (&main_doc, xmlFreeDoc);
  package_clear (&pkg);
  return result;
}
