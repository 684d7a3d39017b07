/* fz-outline-areas.c: reading the 纲要's task areas
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-checks"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "fz-outline-areas.h"
#include "fz-resources.h"

#define OUTLINE_RESOURCE "/io/github/fazhireview/FazhiReview/core/rules/outline-2021.xml"

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strstrip (g_strdup ((const char *) content));

  xmlFree (content);
  return text;
}

static char *
node_attr (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *text = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return text;
}

static int
compare_keywords (gconstpointer a,
                  gconstpointer b)
{
  gunichar ca = ((const FzOutlineKeyword *) a)->chars[0];
  gunichar cb = ((const FzOutlineKeyword *) b)->chars[0];

  return ca < cb ? -1 : ca > cb;
}

static void
parse_area (FzOutline *outline,
            xmlNode *node)
{
  FzOutlineArea area = { 0 };
  guint index = outline->areas->len;

  area.id = node_attr (node, "id");
  area.part = node_attr (node, "part");

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *lang = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      lang = node_attr (child, "lang");
      if (strcmp ((const char *) child->name, "name") == 0)
        {
          if (lang != NULL && g_str_has_prefix (lang, "en"))
            area.name_en = node_text (child);
          else
            area.name = node_text (child);
        }
      else if (strcmp ((const char *) child->name, "keyword") == 0)
        {
          FzOutlineKeyword kw = { 0 };
          glong n = 0;

          kw.utf8 = node_text (child);
          kw.chars = g_utf8_to_ucs4_fast (kw.utf8, -1, &n);
          kw.len = n;
          kw.area = index;
          if (n < 2 || kw.chars[0] >= 0x10000)
            {
              g_free (kw.utf8);
              g_free (kw.chars);
              continue;
            }
          outline->first_bmp[kw.chars[0] / 8] |= 1 << (kw.chars[0] % 8);
          {
            guint h = FZ_OUTLINE_PAIR_HASH (kw.chars[0], kw.chars[1]);

            outline->pair_bmp[h / 8] |= 1 << (h % 8);
          }
          g_array_append_val (outline->keywords, kw);
        }
    }

  if (area.id == NULL || area.name == NULL)
    {
      g_critical ("Built-in outline: an <area> lacks its id or name");
      g_free (area.id);
      g_free (area.part);
      g_free (area.name);
      g_free (area.name_en);
      return;
    }

  g_array_append_val (outline->areas, area);
}

const FzOutline *
_fz_outline_get (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      FzOutline *outline = g_new0 (FzOutline, 1);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      outline->areas = g_array_new (FALSE, FALSE, sizeof (FzOutlineArea));
      outline->keywords = g_array_new (FALSE, FALSE, sizeof (FzOutlineKeyword));

      bytes = g_resource_lookup_data (fz_get_resource (), OUTLINE_RESOURCE,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        g_critical ("Built-in outline is missing: %s", error->message);
      else
        {
          xmlDoc *doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       "outline-2021.xml", "UTF-8", XML_PARSE_NONET);
          xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;

          if (root != NULL)
            {
              g_autofree char *from = node_attr (root, "from");
              g_autofree char *to = node_attr (root, "to");

              outline->from = from != NULL ? atoi (from) : 0;
              outline->to = to != NULL ? atoi (to) : 9999;
              for (xmlNode *child = root->children; child != NULL; child = child->next)
                if (child->type == XML_ELEMENT_NODE && strcmp ((const char *) child->name, "area") == 0)
                  parse_area (outline, child);
                else if (child->type == XML_ELEMENT_NODE && strcmp ((const char *) child->name, "name") == 0 &&
                         outline->name == NULL)
                  outline->name = node_text (child);
            }
          else
            g_critical ("Built-in outline cannot be parsed");
          if (doc != NULL)
            xmlFreeDoc (doc);
        }

      g_array_sort (outline->keywords, compare_keywords);
      g_once_init_leave (&once, (gsize) outline);
    }

  return (const FzOutline *) once;
}

guint
_fz_outline_keywords_from (const FzOutline *outline,
                           gunichar         c)
{
  guint lo = 0, hi = outline->keywords->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (outline->keywords, FzOutlineKeyword, mid).chars[0] < c)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

gboolean
_fz_outline_next_at (const FzOutline *outline,
                     const gunichar  *chars,
                     guint            i,
                     guint            end,
                     guint           *k)
{
  gunichar c = chars[i];

  if (*k == G_MAXUINT)
    {
      guint h = FZ_OUTLINE_PAIR_HASH (c, chars[i + 1]);

      if (G_LIKELY ((outline->pair_bmp[h / 8] & (1 << (h % 8))) == 0))
        return FALSE;
      if (c >= 0x10000 || (outline->first_bmp[c / 8] & (1 << (c % 8))) == 0)
        return FALSE;
      *k = _fz_outline_keywords_from (outline, c);
    }
  else
    (*k)++;

  for (; *k < outline->keywords->len; (*k)++)
    {
      const FzOutlineKeyword *kw = &g_array_index (outline->keywords, FzOutlineKeyword, *k);

      if (kw->chars[0] != c)
        return FALSE;
      if (i + kw->len <= end && memcmp (chars + i, kw->chars, kw->len * sizeof (gunichar)) == 0)
        return TRUE;
    }

  return FALSE;
}

guint
_fz_outline_count_hits (const FzOutline *outline,
                        const gunichar  *chars,
                        guint            n,
                        guint           *n_areas)
{
  g_autofree gboolean *seen = g_new0 (gboolean, outline->areas->len + 1);
  guint hits = 0, areas = 0;

  for (guint i = 0; i + 1 < n; i++)
    for (guint k = G_MAXUINT;
         G_UNLIKELY (_fz_outline_may_start (outline, chars, i)) &&
         _fz_outline_next_at (outline, chars, i, n, &k);)
      {
        const FzOutlineKeyword *kw = &g_array_index (outline->keywords, FzOutlineKeyword, k);

        hits++;
        if (!seen[kw->area])
          {
            seen[kw->area] = TRUE;
            areas++;
          }
      }

  if (n_areas != NULL)
    *n_areas = areas;
  return hits;
}
