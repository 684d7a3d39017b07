/* fz-import-ofd.c: OFD (GB/T 33190) reports
 *
 * An OFD is a zip of XML: OFD.xml names the document, Document.xml lists
 * its pages in order, and each page's Content.xml places TextObjects, each
 * with TextCode runs at coordinates.  A page also shows its template pages
 * (a 公文's red 版头 often sits in one) and composite objects, whose
 * content is kept once among the resources and drawn where the page says.
 * Every run is placed through the transformations on the way, put back
 * into lines by position, then handled like a PDF's.  Annotations
 * (watermarks, stamps) are not the report's text.  Some producers draw
 * text through embedded fonts whose codes are private-use characters: the
 * text is then not really there, and the reviewer is told how much is
 * missing.
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
/* Composite objects may nest and repeat; what is drawn stays bounded
 * whatever a hostile file says. */
#define MAX_COMPOSITE_DEPTH 16
#define MAX_OBJECTS (1 << 20)

typedef struct
{
  double  x;      /* where the run starts on its baseline, in mm */
  double  y;
  double  size;   /* its characters' height */
  double  width;  /* how far it reaches along the line */
  char   *text;
} Run;

/* x' = a x + c y + e, y' = b x + d y + f, as OFD's CTM. */
typedef struct
{
  double a, b, c, d, e, f;
} Matrix;

static const Matrix identity = { 1, 0, 0, 1, 0, 0 };

typedef struct
{
  GHashTable *parts;        /* entry → GBytes */
  GHashTable *units;        /* ID → xmlNode <CompositeGraphicUnit> */
  GHashTable *templates;    /* ID → entry of the template page */
  GHashTable *parsed;       /* entry → xmlDoc, parsed once */
  guint       budget;       /* objects still to be read */
  guint       images;       /* image objects seen on the pages */
} Ofd;

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

  return _fz_zip_entry_name (joined);
}

static char *
dir_of (const char *entry)
{
  const char *slash = strrchr (entry, '/');

  return slash ? g_strndup (entry, slash - entry) : g_strdup ("");
}

/* Entry names are matched as written, then without regard to case:
 * producers write "TPLS/TPL_0" and refer to "Tpls/Tpl_0". */
static GBytes *
lookup_part (GHashTable *parts,
             const char *name)
{
  GBytes *bytes = g_hash_table_lookup (parts, name);
  GHashTableIter iter;
  gpointer key, value;

  if (bytes != NULL)
    return bytes;
  g_hash_table_iter_init (&iter, parts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_ascii_strcasecmp (key, name) == 0)
      return value;
  return NULL;
}

static xmlDoc *
parse_entry (GHashTable  *parts,
             const char  *name,
             GError     **error)
{
  GBytes *bytes = lookup_part (parts, name);

  if (bytes == NULL)
    {
      g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CORRUPT,
                   _("The file is damaged: the OFD part “%s” is missing. Ask the sender for a new copy."),
                   name);
      return NULL;
    }
  return _fz_xml_parse (bytes, name, error);
}

/* A part parsed once for the whole document (templates, resources);
 * NULL when missing or damaged, which costs that part only. */
static xmlNode *
parsed_root (Ofd        *ofd,
             const char *entry)
{
  xmlDoc *doc;

  if (entry == NULL)
    return NULL;
  if (!g_hash_table_lookup_extended (ofd->parsed, entry, NULL, (gpointer *) &doc))
    {
      doc = parse_entry (ofd->parts, entry, NULL);
      g_hash_table_insert (ofd->parsed, g_strdup (entry), doc);
    }
  return doc ? xmlDocGetRootElement (doc) : NULL;
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

static double
attr_number (xmlNode    *node,
             const char *name,
             double      fallback)
{
  g_autofree char *v = _fz_xml_attr (node, name);
  char *end = NULL;
  double d;

  if (v == NULL)
    return fallback;
  d = g_ascii_strtod (v, &end);
  return end != v && isfinite (d) ? d : fallback;
}

static Matrix
compose (const Matrix *p,
         const Matrix *q)
{
  Matrix m = {
    p->a * q->a + p->c * q->b, p->b * q->a + p->d * q->b,
    p->a * q->c + p->c * q->d, p->b * q->c + p->d * q->d,
    p->a * q->e + p->c * q->f + p->e, p->b * q->e + p->d * q->f + p->f,
  };
  return m;
}

/* The placement of an object's content in its parent: its CTM, then its
 * Boundary's origin, then whatever placed the parent. */
static Matrix
object_matrix (xmlNode      *object,
               const Matrix *parent)
{
  g_autofree char *boundary = _fz_xml_attr (object, "Boundary");
  g_autofree char *ctm_attr = _fz_xml_attr (object, "CTM");
  const char *p = boundary ? boundary : "";
  Matrix origin = identity, ctm = identity, m;

  origin.e = number_at (&p);
  origin.f = number_at (&p);
  if (ctm_attr != NULL)
    {
      const char *q = ctm_attr;
      double v[6];

      for (guint i = 0; i < 6; i++)
        v[i] = number_at (&q);
      /* A degenerate CTM would collapse the text onto a point. */
      if (fabs (v[0] * v[3] - v[1] * v[2]) > 1e-9)
        ctm = (Matrix) { v[0], v[1], v[2], v[3], v[4], v[5] };
    }
  m = compose (&origin, &ctm);
  return compose (parent, &m);
}

/* DeltaX or DeltaY expanded: "g 3 2.1" is three times 2.1.  @n values,
 * NaN where the attribute says nothing. */
static double *
parse_deltas (const char *attr,
              guint       n)
{
  double *out = g_new (double, MAX (n, 1));
  g_auto(GStrv) tokens = attr ? g_strsplit_set (attr, " \t\r\n", -1) : NULL;
  guint k = 0;

  for (guint i = 0; tokens != NULL && tokens[i] != NULL && k < n; i++)
    {
      if (tokens[i][0] == '\0')
        continue;
      if (g_str_equal (tokens[i], "g"))
        {
          guint64 count = 0;
          double v;
          guint j = i + 1;

          while (tokens[j] != NULL && tokens[j][0] == '\0')
            j++;
          if (tokens[j] == NULL || !g_ascii_string_to_unsigned (tokens[j], 10, 0, G_MAXUINT, &count, NULL))
            break;
          i = j + 1;
          while (tokens[i] != NULL && tokens[i][0] == '\0')
            i++;
          if (tokens[i] == NULL)
            break;
          v = g_ascii_strtod (tokens[i], NULL);
          for (guint64 c = 0; c < count && k < n; c++)
            out[k++] = isfinite (v) ? v : 0;
        }
      else
        {
          double v = g_ascii_strtod (tokens[i], NULL);
          out[k++] = isfinite (v) ? v : 0;
        }
    }
  for (; k < n; k++)
    out[k] = NAN;
  return out;
}

static void
add_run (GArray       *runs,
         const Matrix *m,
         double        x,
         double        y,
         double        size,
         double        width,
         const char   *text)
{
  Run run = { 0 };
  double scale = sqrt (fabs (m->a * m->d - m->b * m->c));

  if (text[0] == '\0')
    return;
  if (scale <= 0)
    scale = 1;
  run.x = m->a * x + m->c * y + m->e;
  run.y = m->b * x + m->d * y + m->f;
  run.size = size * scale;
  run.width = width * scale;
  run.text = g_strdup (text);
  g_array_append_val (runs, run);
}

/* One TextCode is one run, its characters in their order whatever their
 * positions (text set in a column reads down the column); DeltaX tells
 * how far a line of it reaches. */
static void
add_text_code (GArray       *runs,
               const Matrix *m,
               xmlNode      *code,
               double        x,
               double        y,
               double        size)
{
  xmlChar *content = xmlNodeGetContent (code);
  g_autofree char *dx_attr = _fz_xml_attr (code, "DeltaX");
  g_autofree char *dy_attr = _fz_xml_attr (code, "DeltaY");
  const char *text = content ? (const char *) content : "";
  glong n = g_utf8_strlen (text, -1);
  double width = size * n;

  if (n > 1 && dx_attr != NULL && dy_attr == NULL)
    {
      g_autofree double *dx = parse_deltas (dx_attr, n - 1);
      double sum = 0;

      for (glong i = 0; i < n - 1; i++)
        sum += isnan (dx[i]) ? size : dx[i];
      if (sum > 0)
        width = sum + size;
    }
  add_run (runs, m, x, y, size, width, text);
  xmlFree (content);
}

static void
collect_runs (Ofd          *ofd,
              xmlNode      *parent,
              const Matrix *m,
              GArray       *runs,
              guint         depth,
              guint         composite_depth)
{
  if (depth > FZ_XML_MAX_DEPTH)
    return;

  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (ofd->budget == 0)
        return;
      ofd->budget--;

      if (_fz_xml_is (c, "TextObject"))
        {
          Matrix om = object_matrix (c, m);
          double size = attr_number (c, "Size", 3.5);
          double x = 0, y = 0;

          if (size <= 0)
            size = 3.5;
          for (xmlNode *code = c->children; code != NULL; code = code->next)
            {
              if (!_fz_xml_is (code, "TextCode"))
                continue;
              /* X or Y left out continue from the previous run. */
              x = attr_number (code, "X", x);
              y = attr_number (code, "Y", y);
              add_text_code (runs, &om, code, x, y, size);
            }
        }
      else if (_fz_xml_is (c, "CompositeObject"))
        {
          g_autofree char *id = _fz_xml_attr (c, "ResourceID");
          xmlNode *unit = id ? g_hash_table_lookup (ofd->units, id) : NULL;
          xmlNode *content = _fz_xml_child (unit, "Content");
          Matrix om;

          if (content == NULL || composite_depth >= MAX_COMPOSITE_DEPTH)
            continue;
          om = object_matrix (c, m);
          collect_runs (ofd, content, &om, runs, depth + 1, composite_depth + 1);
        }
      else if (_fz_xml_is (c, "ImageObject"))
        ofd->images++;
      else if (_fz_xml_is (c, "PathObject") || _fz_xml_is (c, "Clips") || _fz_xml_is (c, "Actions"))
        continue;
      else
        /* Content, Layers, PageBlocks… */
        collect_runs (ofd, c, m, runs, depth + 1, composite_depth);
    }
}

/* The composite graphic units of a resource file, by ID. */
static void
load_resources (Ofd        *ofd,
                const char *entry)
{
  xmlNode *root = parsed_root (ofd, entry);

  for (xmlNode *group = root ? root->children : NULL; group != NULL; group = group->next)
    {
      if (!_fz_xml_is (group, "CompositeGraphicUnits"))
        continue;
      for (xmlNode *unit = group->children; unit != NULL; unit = unit->next)
        {
          char *id;

          if (!_fz_xml_is (unit, "CompositeGraphicUnit") || (id = _fz_xml_attr (unit, "ID")) == NULL)
            continue;
          g_hash_table_replace (ofd->units, id, unit);
        }
    }
}

/* Each child of @parent named @element holds the location of a resource
 * file, relative to @base_dir. */
static void
load_resource_list (Ofd        *ofd,
                    xmlNode    *parent,
                    const char *element,
                    const char *base_dir)
{
  for (xmlNode *c = parent ? parent->children : NULL; c != NULL; c = c->next)
    {
      xmlChar *loc;
      g_autofree char *entry = NULL;

      if (!_fz_xml_is (c, element))
        continue;
      loc = xmlNodeGetContent (c);
      entry = resolve (base_dir, loc ? g_strstrip ((char *) loc) : NULL);
      xmlFree (loc);
      if (entry != NULL && entry[0] != '\0')
        load_resources (ofd, entry);
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
          double end = r->x + r->width;

          /* A gap of several characters is a space on the page. */
          if (k > 0)
            {
              Run *prev = g_ptr_array_index (line, k - 1);
              double prev_end = prev->x + prev->width;
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

static double
box_width (xmlNode *area,
           double   fallback)
{
  xmlNode *box = _fz_xml_child (area, "PhysicalBox");
  xmlChar *content = box ? xmlNodeGetContent (box) : NULL;
  const char *q = content ? (const char *) content : "";
  double width;

  number_at (&q);
  number_at (&q);
  width = number_at (&q);
  xmlFree (content);
  return width > 0 && width <= 10000 ? width : fallback;
}

/* The runs of one page: its templates, then its own content. */
static GArray *
page_runs (Ofd        *ofd,
           xmlNode    *page,
           const char *page_dir)
{
  GArray *runs = g_array_new (FALSE, TRUE, sizeof (Run));

  g_array_set_clear_func (runs, run_clear);
  load_resource_list (ofd, page, "PageRes", page_dir);
  for (xmlNode *c = page->children; c != NULL; c = c->next)
    {
      if (_fz_xml_is (c, "Template"))
        {
          g_autofree char *id = _fz_xml_attr (c, "TemplateID");
          const char *entry = id ? g_hash_table_lookup (ofd->templates, id) : NULL;
          xmlNode *root = parsed_root (ofd, entry);

          if (root != NULL)
            collect_runs (ofd, _fz_xml_child (root, "Content"), &identity, runs, 0, 0);
        }
      else if (_fz_xml_is (c, "Content"))
        collect_runs (ofd, c, &identity, runs, 0, 0);
    }
  return runs;
}

static void
set_no_text (GError  **error,
             Ofd      *ofd,
             guint64   total,
             guint64   pua)
{
  if (total > 0 && pua * 10 > total * 9)
    g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_NO_TEXT,
                         _("The OFD draws its characters through private font codes, so its text cannot be read. Ask the sender for the Word or text file."));
  else if (ofd->images > 0)
    g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_NO_TEXT,
                         _("The OFD holds only images of its pages (a scan), no text. Ask the sender for the Word or text file, or run text recognition (OCR) first."));
  else
    g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_NO_TEXT,
                         _("The OFD’s pages hold no text. Check that this is the right file."));
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
  xmlDoc *ofd_xml, *document;
  xmlNode *pages_node, *common;
  guint64 total = 0, pua = 0;
  double page_width = 0;
  Ofd ofd = { 0 };
  FzDocument *doc = NULL;

  parts = _fz_zip_read (bytes, want_ofd, NULL, cancellable, error);
  if (parts == NULL)
    return NULL;

  if ((ofd_xml = parse_entry (parts, "OFD.xml", error)) == NULL)
    return NULL;
  {
    xmlNode *body = _fz_xml_child (xmlDocGetRootElement (ofd_xml), "DocBody");
    xmlNode *root = _fz_xml_child (body, "DocRoot");
    xmlChar *loc = root ? xmlNodeGetContent (root) : NULL;

    doc_root = resolve (NULL, loc ? g_strstrip ((char *) loc) : NULL);
    xmlFree (loc);
  }
  xmlFreeDoc (ofd_xml);

  if (doc_root == NULL || doc_root[0] == '\0')
    {
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CORRUPT,
                           _("The file is damaged: the OFD does not say where its document is (DocRoot). Ask the sender for a new copy."));
      return NULL;
    }
  if ((document = parse_entry (parts, doc_root, error)) == NULL)
    return NULL;
  doc_dir = dir_of (doc_root);

  ofd.parts = parts;
  ofd.units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ofd.templates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ofd.parsed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) xmlFreeDoc);
  ofd.budget = MAX_OBJECTS;

  common = _fz_xml_child (xmlDocGetRootElement (document), "CommonData");
  /* The default page size, for telling short lines from full ones. */
  page_width = box_width (_fz_xml_child (common, "PageArea"), 0);
  load_resource_list (&ofd, common, "PublicRes", doc_dir);
  load_resource_list (&ofd, common, "DocumentRes", doc_dir);
  for (xmlNode *c = common ? common->children : NULL; c != NULL; c = c->next)
    {
      char *id;
      g_autofree char *loc = NULL;

      if (!_fz_xml_is (c, "TemplatePage") || (id = _fz_xml_attr (c, "ID")) == NULL)
        continue;
      loc = _fz_xml_attr (c, "BaseLoc");
      g_hash_table_replace (ofd.templates, id, resolve (doc_dir, loc));
    }

  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  pages_node = _fz_xml_child (xmlDocGetRootElement (document), "Pages");
  for (xmlNode *p = pages_node ? pages_node->children : NULL; p != NULL; p = p->next)
    {
      g_autofree char *loc = NULL;
      g_autofree char *entry = NULL;
      g_autofree char *page_dir = NULL;
      g_autoptr(GArray) runs = NULL;
      g_autoptr(GError) page_error = NULL;
      xmlDoc *content;
      double width = page_width;

      if (!_fz_xml_is (p, "Page"))
        continue;
      if (_fz_import_check_cancelled (cancellable, error))
        goto out;
      if (pages->len >= MAX_PAGES)
        break;

      loc = _fz_xml_attr (p, "BaseLoc");
      entry = resolve (doc_dir, loc);
      content = entry ? parse_entry (parts, entry, &page_error) : NULL;
      if (content != NULL)
        {
          page_dir = dir_of (entry);
          runs = page_runs (&ofd, xmlDocGetRootElement (content), page_dir);
          width = box_width (_fz_xml_child (xmlDocGetRootElement (content), "Area"), page_width);
          xmlFreeDoc (content);
        }
      else if (g_error_matches (page_error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSAFE))
        {
          g_propagate_error (error, g_steal_pointer (&page_error));
          goto out;
        }
      else
        runs = g_array_new (FALSE, TRUE, sizeof (Run));
      {
        GArray *page_lines = runs_to_lines (runs);

        for (guint k = 0; k < page_lines->len; k++)
          g_array_index (page_lines, FzPageLine, k).page_width = width;
        g_ptr_array_add (pages, page_lines);
      }
    }

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
      set_no_text (error, &ofd, total, pua);
      goto out;
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

out:
  g_hash_table_unref (ofd.units);
  g_hash_table_unref (ofd.templates);
  g_hash_table_unref (ofd.parsed);
  xmlFreeDoc (document);
  return doc;
}
