/* fz-import-docx-styles.c: list numbers and paragraph styles of a .docx
 *
 * Word draws list numbers ("一、", "（一）", "1.1") itself from
 * numbering.xml; they are not in the text and are written out here, as
 * the reviewer sees them.  Styles give numbering to headings, and the
 * look of a paragraph (alignment, size) that tells a title from the line
 * under it.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fz-import-docx.h"
#include "fz-text-util.h"


typedef struct
{
  int   start;
  char *fmt;
  char *text;
  char *suff;
  guint is_lgl : 1;
} Level;

typedef struct
{
  Level levels[N_LEVELS];
  int   count[N_LEVELS];
  guint used[N_LEVELS];
} AbstractNum;

typedef struct
{
  char *abstract_id;
  int   start_override[N_LEVELS];   /* -1 when none */
  guint override_applied : 1;
} Num;

static void
abstract_num_free (AbstractNum *a)
{
  for (guint i = 0; i < N_LEVELS; i++)
    {
      g_free (a->levels[i].fmt);
      g_free (a->levels[i].text);
      g_free (a->levels[i].suff);
    }
  g_free (a);
}

static void
num_free (Num *n)
{
  g_free (n->abstract_id);
  g_free (n);
}

int
_fz_docx_attr_int (xmlNode *node,
                   int      fallback)
{
  g_autofree char *v = _fz_xml_attr (node, "val");
  char *end = NULL;
  long n;

  if (v == NULL)
    return fallback;
  n = strtol (v, &end, 10);
  if (end == v || n < -1000000 || n > 1000000)
    return fallback;
  return (int) n;
}

void
_fz_docx_load_numbering (Docx   *docx,
                         xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *c = root ? root->children : NULL; c != NULL; c = c->next)
    {
      if (_fz_xml_is (c, "abstractNum"))
        {
          g_autofree char *id = _fz_xml_attr (c, "abstractNumId");
          AbstractNum *a;

          if (id == NULL)
            continue;
          a = g_new0 (AbstractNum, 1);
          for (guint i = 0; i < N_LEVELS; i++)
            a->levels[i].start = 1;
          for (xmlNode *l = c->children; l != NULL; l = l->next)
            {
              g_autofree char *ilvl = NULL;
              Level *level;
              int k;

              if (!_fz_xml_is (l, "lvl"))
                continue;
              ilvl = _fz_xml_attr (l, "ilvl");
              k = ilvl ? atoi (ilvl) : -1;
              if (k < 0 || k >= N_LEVELS)
                continue;
              level = &a->levels[k];
              level->start = _fz_docx_attr_int (_fz_xml_child (l, "start"), 1);
              g_free (level->fmt);
              level->fmt = _fz_xml_attr (_fz_xml_child (l, "numFmt"), "val");
              g_free (level->text);
              level->text = _fz_xml_attr (_fz_xml_child (l, "lvlText"), "val");
              g_free (level->suff);
              level->suff = _fz_xml_attr (_fz_xml_child (l, "suff"), "val");
              level->is_lgl = _fz_xml_child (l, "isLgl") != NULL;
            }
          g_hash_table_replace (docx->abstracts, g_steal_pointer (&id), a);
        }
      else if (_fz_xml_is (c, "num"))
        {
          g_autofree char *id = _fz_xml_attr (c, "numId");
          Num *n;

          if (id == NULL)
            continue;
          n = g_new0 (Num, 1);
          n->abstract_id = _fz_xml_attr (_fz_xml_child (c, "abstractNumId"), "val");
          for (guint i = 0; i < N_LEVELS; i++)
            n->start_override[i] = -1;
          for (xmlNode *o = c->children; o != NULL; o = o->next)
            {
              g_autofree char *ilvl = NULL;
              int k;

              if (!_fz_xml_is (o, "lvlOverride"))
                continue;
              ilvl = _fz_xml_attr (o, "ilvl");
              k = ilvl ? atoi (ilvl) : -1;
              if (k >= 0 && k < N_LEVELS && _fz_xml_child (o, "startOverride") != NULL)
                n->start_override[k] = _fz_docx_attr_int (_fz_xml_child (o, "startOverride"), 1);
            }
          g_hash_table_replace (docx->nums, g_steal_pointer (&id), n);
        }
    }
}

void
_fz_docx_load_styles (Docx   *docx,
                      xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *c = root ? root->children : NULL; c != NULL; c = c->next)
    {
      char *id;

      if (!_fz_xml_is (c, "style") || (id = _fz_xml_attr (c, "styleId")) == NULL)
        continue;
      g_hash_table_replace (docx->styles, id, c);
    }
}

/* The number Word draws before a list paragraph, or NULL. */
static char *
numbering_label (Docx       *docx,
                 const char *num_id,
                 int         ilvl)
{
  Num *num;
  AbstractNum *a;
  Level *level;
  GString *label;

  if (num_id == NULL || g_str_equal (num_id, "0") || ilvl < 0 || ilvl >= N_LEVELS)
    return NULL;
  if ((num = g_hash_table_lookup (docx->nums, num_id)) == NULL || num->abstract_id == NULL)
    return NULL;
  if ((a = g_hash_table_lookup (docx->abstracts, num->abstract_id)) == NULL)
    return NULL;

  /* A list that restarts (e.g. each chapter's "（一）") carries a
   * startOverride in its own w:num. */
  if (!num->override_applied)
    {
      num->override_applied = TRUE;
      for (guint i = 0; i < N_LEVELS; i++)
        if (num->start_override[i] >= 0)
          {
            a->levels[i].start = num->start_override[i];
            a->used[i] = FALSE;
          }
    }

  _fz_list_count (a->count, a->used, N_LEVELS, ilvl, a->levels[ilvl].start);

  level = &a->levels[ilvl];
  if (level->text == NULL || g_strcmp0 (level->fmt, "bullet") == 0 || g_strcmp0 (level->fmt, "none") == 0)
    return NULL;

  label = g_string_new (NULL);
  for (const char *p = level->text; *p; p++)
    {
      if (p[0] == '%' && p[1] >= '1' && p[1] <= '9')
        {
          int k = p[1] - '1';
          int n = k <= ilvl ? (a->used[k] ? a->count[k] : a->levels[k].start) : 0;

          _fz_append_list_number (label, level->is_lgl ? "decimal" : a->levels[k].fmt, n);
          p++;
        }
      else
        g_string_append_c (label, *p);
    }

  if (label->len > 0 && g_strcmp0 (level->suff, "nothing") != 0)
    {
      gunichar last = g_utf8_get_char (g_utf8_find_prev_char (label->str, label->str + label->len));

      /* "一、" already separates; "1." wants its tab (written as a space). */
      if (!fz_unichar_is_cjk_punct (last))
        g_string_append_c (label, ' ');
    }

  return g_string_free (label, FALSE);
}

/* Numbering a paragraph takes from its own w:numPr, else from its style
 * chain (Word's numbered heading styles). */
static void
paragraph_numbering (Docx     *docx,
                     xmlNode  *ppr,
                     char    **num_id,
                     int      *ilvl)
{
  xmlNode *numpr = _fz_xml_child (ppr, "numPr");
  g_autofree char *style_id = _fz_xml_attr (_fz_xml_child (ppr, "pStyle"), "val");

  *num_id = NULL;
  *ilvl = -1;

  if (numpr != NULL)
    {
      *num_id = _fz_xml_attr (_fz_xml_child (numpr, "numId"), "val");
      *ilvl = _fz_docx_attr_int (_fz_xml_child (numpr, "ilvl"), -1);
    }

  for (guint hops = 0; style_id != NULL && hops < 16 && (*num_id == NULL || *ilvl < 0); hops++)
    {
      xmlNode *style = g_hash_table_lookup (docx->styles, style_id);
      xmlNode *snumpr = _fz_xml_child (_fz_xml_child (style, "pPr"), "numPr");

      if (style == NULL)
        break;
      if (snumpr != NULL)
        {
          if (*num_id == NULL)
            *num_id = _fz_xml_attr (_fz_xml_child (snumpr, "numId"), "val");
          if (*ilvl < 0)
            *ilvl = _fz_docx_attr_int (_fz_xml_child (snumpr, "ilvl"), -1);
        }
      g_free (style_id);
      style_id = _fz_xml_attr (_fz_xml_child (style, "basedOn"), "val");
    }

  if (*num_id != NULL && *ilvl < 0)
    *ilvl = 0;
}

char *
_fz_docx_paragraph_label (Docx    *docx,
                          xmlNode *ppr)
{
  g_autofree char *num_id = NULL;
  int ilvl;

  paragraph_numbering (docx, ppr, &num_id, &ilvl);
  return numbering_label (docx, num_id, ilvl);
}

void
_fz_docx_init (Docx *docx)
{
  docx->abstracts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) abstract_num_free);
  docx->nums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) num_free);
  docx->styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
_fz_docx_clear (Docx *docx)
{
  g_clear_pointer (&docx->abstracts, g_hash_table_unref);
  g_clear_pointer (&docx->nums, g_hash_table_unref);
  g_clear_pointer (&docx->styles, g_hash_table_unref);
}

/* @name's w:val in @props or, failing that, in the paragraph style chain
 * from @style_id (the pPr or rPr of each style, as @props_name says). */
static char *
styled_value (Docx       *docx,
              xmlNode    *props,
              const char *props_name,
              const char *name,
              const char *style_id)
{
  char *value = _fz_xml_attr (_fz_xml_child (props, name), "val");
  g_autofree char *id = g_strdup (style_id);

  for (guint hops = 0; value == NULL && id != NULL && hops < 16; hops++)
    {
      xmlNode *style = g_hash_table_lookup (docx->styles, id);

      if (style == NULL)
        break;
      value = _fz_xml_attr (_fz_xml_child (_fz_xml_child (style, props_name), name), "val");
      g_free (id);
      id = _fz_xml_attr (_fz_xml_child (style, "basedOn"), "val");
    }
  return value;
}

/* The first run of @p with visible text. */
static xmlNode *
first_text_run (xmlNode *parent,
                guint    depth)
{
  if (depth > FZ_XML_MAX_DEPTH)
    return NULL;
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      xmlNode *found;

      if (_fz_xml_is (c, "r"))
        {
          xmlNode *t = _fz_xml_child (c, "t");
          xmlChar *text = t ? xmlNodeGetContent (t) : NULL;
          gboolean visible = text != NULL && g_strstrip ((char *) text)[0] != '\0';

          xmlFree (text);
          if (visible)
            return c;
        }
      else if (c->type == XML_ELEMENT_NODE && !_fz_xml_is (c, "pPr") && !_fz_xml_is (c, "del") &&
               (found = first_text_run (c, depth + 1)) != NULL)
        return found;
    }
  return NULL;
}

char *
_fz_docx_paragraph_look (Docx    *docx,
                         xmlNode *p)
{
  xmlNode *ppr = _fz_xml_child (p, "pPr");
  xmlNode *run = first_text_run (p, 0);
  g_autofree char *style_id = _fz_xml_attr (_fz_xml_child (ppr, "pStyle"), "val");
  g_autofree char *jc = styled_value (docx, ppr, "pPr", "jc", style_id);
  g_autofree char *size = NULL;
  const char *align = "left";

  if (run != NULL)
    {
      g_autofree char *run_style = _fz_xml_attr (_fz_xml_child (_fz_xml_child (run, "rPr"), "rStyle"), "val");

      size = _fz_xml_attr (_fz_xml_child (_fz_xml_child (run, "rPr"), "sz"), "val");
      if (size == NULL && run_style != NULL)
        size = styled_value (docx, NULL, "rPr", "sz", run_style);
    }
  if (size == NULL)
    size = styled_value (docx, NULL, "rPr", "sz", style_id);

  if (g_strcmp0 (jc, "center") == 0)
    align = "center";
  else if (g_strcmp0 (jc, "right") == 0 || g_strcmp0 (jc, "end") == 0)
    align = "right";
  return g_strdup_printf ("%s %s", align, size ? size : "-");
}
