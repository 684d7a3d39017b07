/* fz-import-ofd.c: OFD (GB/T 33190) reports
 *
 * An OFD is a zip of XML: OFD.xml names the document, Document.xml lists
 * its pages in order, and each page's Content.xml places TextObjects, each
 * with TextCode runs at coordinates.  Runs are put back into lines by
 * position, then handled like a PDF's.  Some producers draw text through
 * embedded fonts whose codes are private-use characters: the text is then
 * not really there, and the reviewer is told how much is missing.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-import"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fz-i18n.h"
#include "fz-import-private.h"

#define MAX_PAGES 2000

typedef struct
{
  double  x;
  double  y;
  double  size;
  char   *text;
} Run;

static void
run_clear (gpointer data)
{
  g_free (((Run *) data)->text);
}

static gboolean
want_ofd (const char *name,
          gpointer    user_data)
{
  return g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".XML");
}

/* Resolves @loc (absolute from the archive root, or relative to @base_dir)
 * into an entry name; "." and ".." handled, never escaping the root. */
static char *
resolve (const char *base_dir,
         const char *loc)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (loc == NULL)
    return NULL;
  if (loc[0] == '/')
    joined = g_strdup (loc + 1);
  else if (base_dir != NULL && base_dir[0] != '\0')
    joined = g_strconcat (base_dir, "/", loc, NULL);
  else
    joined = g_strdup (loc);

  g_strdelimit (joined, "\\", '/');
  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (g_str_equal (parts[i], ".."))
        {
          if (out->len > 0)
            g_ptr_array_remove_index (out, out->len - 1);
          continue;
        }
      g_ptr_array_add (out, parts[i]);
    }
  g_ptr_array_add (out, NULL);

  return g_strjoinv ("/", (char **) out->pdata);
}

static char *
dir_of (const char *entry)
{
  const char *slash = strrchr (entry, '/');

  return slash ? g_strndup (entry, slash - entry) : g_strdup ("");
}

static xmlDoc *
parse_entry (GHashTable  *parts,
             const char  *name,
             GError     **error)
{
  GBytes *bytes = g_hash_table_lookup (parts, name);

  if (bytes == NULL)
    {
      g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CORRUPT,
                   _("The file is damaged: the OFD part “%s” is missing. Ask the sender for a new copy."),
                   name);
      return NULL;
    }
  return _fz_xml_parse (bytes, name, error);
}

static double
number_at (const char **p)
{
  char *end = NULL;
  double v;

  while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r' || **p == ',')
    (*p)++;
  v = g_ascii_strtod (*p, &end);
  if (end == *p)
    return 0;
  *p = end;
  return isfinite (v) ? v : 0;
}

static void
collect_runs (xmlNode *parent,
              GArray  *runs,
              guint    depth)
{
  if (depth > FZ_XML_MAX_DEPTH)
    return;

  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;

      if (_fz_xml_is (c, "TextObject"))
        {
          g_autofree char *boundary = _fz_xml_attr (c, "Boundary");
          g_autofree char *size_attr = _fz_xml_attr (c, "Size");
          const char *p = boundary ? boundary : "";
          double bx = number_at (&p), by = number_at (&p);
          double size = size_attr ? g_ascii_strtod (size_attr, NULL) : 3.5;
          double last_x = 0, last_y = 0;

          if (!isfinite (size) || size <= 0)
            size = 3.5;

          for (xmlNode *code = c->children; code != NULL; code = code->next)
            {
              g_autofree char *xs = NULL, *ys = NULL;
              xmlChar *content;
              Run run = { 0 };

              if (!_fz_xml_is (code, "TextCode"))
                continue;
              /* X or Y left out continue from the previous run. */
              xs = _fz_xml_attr (code, "X");
              ys = _fz_xml_attr (code, "Y");
              if (xs != NULL)
                last_x = g_ascii_strtod (xs, NULL);
              if (ys != NULL)
                last_y = g_ascii_strtod (ys, NULL);
              if (!isfinite (last_x))
                last_x = 0;
              if (!isfinite (last_y))
                last_y = 0;

              content = xmlNodeGetContent (code);
              run.x = bx + last_x;
              run.y = by + last_y;
              run.size = size;
              run.text = g_strdup (content ? (const char *) content : "");
              xmlFree (content);
              if (run.text[0] != '\0')
                g_array_append_val (runs, run);
              else
                g_free (run.text);
            }
        }
      else
        /* Layers, PageBlocks, CompositeObjects… */
        collect_runs (c, runs, depth + 1);
    }
}

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const Run *ra = a, *rb = b;

  if (ra->y < rb->y)
    return -1;
  if (ra->y > rb->y)
    return 1;
  return ra->x < rb->x ? -1 : ra->x > rb->x;
}

static int
compare_x (gconstpointer a,
           gconstpointer b)
{
  const Run *ra = *(Run * const *) a, *rb = *(Run * const *) b;

  return ra->x < rb->x ? -1 : ra->x > rb->x;
}

/* Runs whose baselines lie within half a character of each other form one
 * line, read left to right. */
static GArray *
runs_to_lines (GArray *runs)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (FzPageLine));
  guint i = 0;

  g_array_set_clear_func (lines, _fz_page_line_clear);
  g_array_sort (runs, compare_runs);
  while (i < runs->len)
    {
      Run *first = &g_array_index (runs, Run, i);
      g_autoptr(GPtrArray) line = g_ptr_array_new ();
      GString *text = g_string_new (NULL);
      FzPageLine pl = { 0 };
      guint j = i;

      while (j < runs->len &&
             g_array_index (runs, Run, j).y - first->y <= first->size / 2)
        g_ptr_array_add (line, &g_array_index (runs, Run, j++));
      g_ptr_array_sort (line, compare_x);
      pl.left = G_MAXDOUBLE;
      for (guint k = 0; k < line->len; k++)
        {
          Run *r = g_ptr_array_index (line, k);
          double end = r->x + r->size * g_utf8_strlen (r->text, -1);

          /* A gap of several characters is a space on the page. */
          if (k > 0)
            {
              Run *prev = g_ptr_array_index (line, k - 1);
              double prev_end = prev->x + prev->size * g_utf8_strlen (prev->text, -1);
              if (r->x - prev_end > r->size * 1.5)
                g_string_append_c (text, ' ');
            }
          g_string_append (text, r->text);
          pl.left = MIN (pl.left, r->x);
          pl.right = MAX (pl.right, end);
          pl.top = k == 0 ? r->y - r->size : MIN (pl.top, r->y - r->size);
          pl.bottom = MAX (pl.bottom, r->y);
        }
      pl.text = g_string_free (text, FALSE);
      g_array_append_val (lines, pl);
      i = j;
    }

  return lines;
}

static void
count_pua (const char *text,
           guint64    *total,
           guint64    *pua)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      (*total)++;
      if ((c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0x10FFFF))
        (*pua)++;
    }
}

FzDocument *
_fz_import_ofd (GBytes        *bytes,
                const char    *display_name,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GHashTable) parts = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *doc_root = NULL;
  g_autofree char *doc_dir = NULL;
  xmlDoc *ofd, *document;
  xmlNode *pages_node;
  guint64 total = 0, pua = 0;
  double page_width = 0;
  FzDocument *doc;

  parts = _fz_zip_read (bytes, want_ofd, NULL, cancellable, error);
  if (parts == NULL)
    return NULL;

  if ((ofd = parse_entry (parts, "OFD.xml", error)) == NULL)
    return NULL;
  {
    xmlNode *body = _fz_xml_child (xmlDocGetRootElement (ofd), "DocBody");
    xmlNode *root = _fz_xml_child (body, "DocRoot");
    xmlChar *loc = root ? xmlNodeGetContent (root) : NULL;

    doc_root = resolve (NULL, loc ? g_strstrip ((char *) loc) : NULL);
    xmlFree (loc);
  }
  xmlFreeDoc (ofd);

  if (doc_root == NULL || doc_root[0] == '\0')
    {
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CORRUPT,
                           _("The file is damaged: the OFD does not say where its document is (DocRoot). Ask the sender for a new copy."));
      return NULL;
    }
  if ((document = parse_entry (parts, doc_root, error)) == NULL)
    return NULL;
  doc_dir = dir_of (doc_root);

  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  pages_node = _fz_xml_child (xmlDocGetRootElement (document), "Pages");
  /* The default page size, for telling short lines from full ones. */
  {
    xmlNode *area = _fz_xml_child (_fz_xml_child (xmlDocGetRootElement (document), "CommonData"), "PageArea");
    xmlChar *content = _fz_xml_child (area, "PhysicalBox") ? xmlNodeGetContent (_fz_xml_child (area, "PhysicalBox")) : NULL;
    const char *q = content ? (const char *) content : "";

    number_at (&q);
    number_at (&q);
    page_width = number_at (&q);
    if (page_width < 0 || page_width > 10000)
      page_width = 0;
    xmlFree (content);
  }
  for (xmlNode *p = pages_node ? pages_node->children : NULL; p != NULL; p = p->next)
    {
      g_autofree char *loc = NULL;
      g_autofree char *entry = NULL;
      g_autoptr(GArray) runs = NULL;
      g_autoptr(GError) page_error = NULL;
      xmlDoc *content;

      if (!_fz_xml_is (p, "Page"))
        continue;
      if (_fz_import_check_cancelled (cancellable, error))
        {
          xmlFreeDoc (document);
          return NULL;
        }
      if (pages->len >= MAX_PAGES)
        break;

      loc = _fz_xml_attr (p, "BaseLoc");
      entry = resolve (doc_dir, loc);
      runs = g_array_new (FALSE, TRUE, sizeof (Run));
      g_array_set_clear_func (runs, run_clear);

      content = entry ? parse_entry (parts, entry, &page_error) : NULL;
      if (content != NULL)
        {
          collect_runs (xmlDocGetRootElement (content), runs, 0);
          xmlFreeDoc (content);
        }
      else if (g_error_matches (page_error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSAFE))
        {
          xmlFreeDoc (document);
          g_propagate_error (error, g_steal_pointer (&page_error));
          return NULL;
        }
      {
        GArray *page_lines = runs_to_lines (runs);

        for (guint k = 0; k < page_lines->len; k++)
          g_array_index (page_lines, FzPageLine, k).page_width = page_width;
        g_ptr_array_add (pages, page_lines);
      }
    }
  xmlFreeDoc (document);

  for (guint i = 0; i < pages->len; i++)
    {
      GArray *page = g_ptr_array_index (pages, i);
      for (guint k = 0; k < page->len; k++)
        count_pua (g_array_index (page, FzPageLine, k).text, &total, &pua);
    }

  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_source_line_free);
  _fz_pages_to_lines (pages, lines);

  if (pages->len == 0 || !_fz_lines_check_text (lines, NULL) || (total > 0 && pua * 10 > total * 9))
    {
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_NO_TEXT,
                           _("The OFD holds no readable text: its pages are images, or its fonts hide the characters. Ask the sender for the Word or text file."));
      return NULL;
    }

  doc = fz_document_new_from_lines (lines, "ofd", display_name);
  /* One character in a hundred drawn from private codes already means
   * words the checker cannot see. */
  if (pua * 100 > total)
    {
      g_autofree char *msg =
        g_strdup_printf (_("%.0f%% of the characters in this OFD use private font codes and cannot be read as text; parts of the report may be missing from the check. Compare with the printed report."),
                         100.0 * pua / total);
      fz_document_add_warning (doc, msg);
    }

  return doc;
}
