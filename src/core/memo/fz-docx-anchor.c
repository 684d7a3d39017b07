/* fz-docx-anchor.c: where a passage of a report is in its .docx
 *
 * The importer normalises what it reads (spaces, list numbers Word draws
 * itself, page furniture), so a character offset of the document is not
 * a place in the XML.  The package's visible text is read again here, in
 * the importer's order and with the same parts left out, with each
 * character's text node and offset; spaces are dropped on both sides and
 * a passage is found by its wording and by its rank among passages worded
 * alike, so "全年" the third time in the report is "全年" the third time in
 * the package.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include <string.h>

#include "fz-docx-anchor.h"
#include "fz-import-private.h"
#include "fz-outline.h"
#include "fz-text-util.h"

/* Spaces, and the " | " the importer puts between a table row's cells. */
static gboolean
is_dropped (gunichar c)
{
  return fz_unichar_is_space (c) || fz_unichar_is_invisible (c) || c == '\n' || c == '\r' ||
         c == '\t' || c == '|';
}

void
_fz_docx_stream_free (FzDocxStream *stream)
{
  if (stream == NULL)
    return;
  g_string_free (stream->text, TRUE);
  g_array_unref (stream->places);
  g_array_unref (stream->bytes);
  g_free (stream);
}

static void
push (FzDocxStream *stream,
      gunichar      c,
      xmlNode      *node,
      guint         offset)
{
  FzDocxPlace place = { node, offset };
  gsize at = stream->text->len;

  g_array_append_val (stream->bytes, at);
  g_array_append_val (stream->places, place);
  g_string_append_unichar (stream->text, c);
}

typedef struct
{
  FzDocxStream *stream;
  GHashTable   *toc_styles;     /* style ids of "toc N" styles */
} Walk;

static void
walk_inline (Walk    *walk,
             xmlNode *parent,
             guint    depth)
{
  /* Notes, text boxes and drawings: read by the importer after their
   * paragraph, but no place for a comment that every office suite shows. */
  static const char * const skipped[] = {
    "footnoteReference", "endnoteReference",
    "txbxContent", "AlternateContent", "drawing", "pict", "object",
    NULL,
  };

  if (depth > FZ_XML_MAX_DEPTH)
    return;

  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      const char *name;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      name = (const char *) c->name;

      if (g_str_equal (name, "t"))
        {
          g_autofree char *text = (char *) xmlNodeGetContent (c);
          guint offset = 0;

          if (text == NULL || !g_utf8_validate (text, -1, NULL))
            continue;
          for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
            if (!is_dropped (g_utf8_get_char (p)))
              push (walk->stream, g_utf8_get_char (p), c, offset);
        }
      else if (g_str_equal (name, "noBreakHyphen"))
        push (walk->stream, '-', c, 0);
      else if (_fz_docx_is_not_text (name) || g_strv_contains (skipped, name))
        continue;
      else if (g_str_equal (name, "r") && _fz_docx_run_is_hidden (c))
        continue;
      else
        walk_inline (walk, c, depth + 1);
    }
}

static gboolean
is_toc_paragraph (Walk    *walk,
                  xmlNode *p)
{
  g_autofree char *style = _fz_xml_attr (_fz_xml_child (_fz_xml_child (p, "pPr"), "pStyle"), "val");

  return style != NULL && g_hash_table_contains (walk->toc_styles, style);
}

static void
walk_blocks (Walk    *walk,
             xmlNode *parent,
             guint    depth)
{
  if (parent == NULL || depth > FZ_XML_MAX_DEPTH)
    return;

  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (_fz_xml_is (c, "p"))
        {
          if (!is_toc_paragraph (walk, c))
            walk_inline (walk, c, depth + 1);
        }
      else if (_fz_xml_is (c, "sdt") && _fz_docx_is_toc_block (c))
        continue;
      else if (_fz_xml_is (c, "tbl") || _fz_xml_is (c, "tr") || _fz_xml_is (c, "tc") ||
               _fz_xml_is (c, "sdt") || _fz_xml_is (c, "sdtContent") ||
               _fz_xml_is (c, "customXml") || _fz_xml_is (c, "ins") ||
               _fz_xml_is (c, "moveTo") || _fz_xml_is (c, "body"))
        walk_blocks (walk, c, depth + 1);
    }
}

FzDocxStream *
_fz_docx_stream_new (xmlDoc *document,
                     xmlDoc *styles)
{
  FzDocxStream *stream = g_new0 (FzDocxStream, 1);
  g_autoptr(GHashTable) toc = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlNode *root = styles != NULL ? xmlDocGetRootElement (styles) : NULL;
  Walk walk = { stream, toc };

  stream->text = g_string_new (NULL);
  stream->places = g_array_new (FALSE, FALSE, sizeof (FzDocxPlace));
  stream->bytes = g_array_new (FALSE, FALSE, sizeof (gsize));

  /* Word's contents styles are named "toc 1"… in every language. */
  for (xmlNode *c = root ? root->children : NULL; c != NULL; c = c->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;

      if (!_fz_xml_is (c, "style"))
        continue;
      id = _fz_xml_attr (c, "styleId");
      name = _fz_xml_attr (_fz_xml_child (c, "name"), "val");
      if (id != NULL && name != NULL && g_ascii_strncasecmp (name, "toc ", 4) == 0)
        g_hash_table_add (toc, g_steal_pointer (&id));
    }

  walk_blocks (&walk, _fz_xml_child (xmlDocGetRootElement (document), "body"), 0);
  return stream;
}

/* Finding passages. */

/* @text from @from to @to characters, spaces dropped, and where each kept
 * character came from. */
static char *
strip (const char *text,
       guint       from,
       guint       to,
       GArray     *origins)
{
  GString *out = g_string_new (NULL);
  const char *p = g_utf8_offset_to_pointer (text, from);

  for (guint i = from; i < to && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_dropped (c))
        continue;
      g_string_append_unichar (out, c);
      if (origins != NULL)
        g_array_append_val (origins, i);
    }

  return g_string_free (out, FALSE);
}

static guint
byte_to_index (const FzDocxStream *stream,
               gsize               byte)
{
  guint lo = 0, hi = stream->bytes->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (stream->bytes, gsize, mid) < byte)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Occurrences of @key in @haystack, as byte offsets, overlapping ones
 * included. */
static GArray *
occurrences (const char *haystack,
             const char *key)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *p = haystack;

  if (*key == '\0')
    return found;
  while ((p = strstr (p, key)) != NULL)
    {
      gsize at = p - haystack;

      g_array_append_val (found, at);
      p = g_utf8_next_char (p);
    }
  return found;
}

struct _FzDocxLocator
{
  const FzDocxStream *stream;
  FzDocument         *doc;
  char               *text;       /* the document's text, spaces dropped */
  GArray             *origins;    /* per character of @text: its document offset */
  guint               n_chars;
};

FzDocxLocator *
_fz_docx_locator_new (const FzDocxStream *stream,
                      FzDocument         *doc)
{
  FzDocxLocator *self = g_new0 (FzDocxLocator, 1);

  self->stream = stream;
  self->doc = g_object_ref (doc);
  self->origins = g_array_new (FALSE, FALSE, sizeof (guint));
  self->text = strip (fz_document_get_text (doc), 0, fz_document_get_length (doc), self->origins);
  self->n_chars = self->origins->len;
  return self;
}

void
_fz_docx_locator_free (FzDocxLocator *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->doc);
  g_free (self->text);
  g_array_unref (self->origins);
  g_free (self);
}

/* The stripped index of the first kept character at or after document
 * offset @offset. */
static guint
stripped_index (FzDocxLocator *self,
                guint          offset)
{
  guint lo = 0, hi = self->origins->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->origins, guint, mid) < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Finds @key in the stream: the occurrence of the same rank as the one in
 * the document that starts at stripped index @rank_at, else the one at
 * the nearest relative position.  Returns the stream index or -1. */
static int
find_ranked (FzDocxLocator *self,
             const char    *key,
             guint          rank_at)
{
  g_autoptr(GArray) in_doc = occurrences (self->text, key);
  g_autoptr(GArray) in_stream = occurrences (self->stream->text->str, key);
  const char *at = g_utf8_offset_to_pointer (self->text, rank_at);
  guint rank = 0;
  double where, best_gap = G_MAXDOUBLE;
  int best = -1;

  if (in_stream->len == 0)
    return -1;

  for (guint i = 0; i < in_doc->len; i++)
    if (g_array_index (in_doc, gsize, i) < (gsize) (at - self->text))
      rank++;
  if (in_doc->len == in_stream->len && rank < in_stream->len)
    return byte_to_index (self->stream, g_array_index (in_stream, gsize, rank));

  /* Not the same count on both sides (list numbers, text boxes): the one
   * at the nearest relative place. */
  where = self->n_chars > 0 ? (double) rank_at / self->n_chars : 0;
  for (guint i = 0; i < in_stream->len; i++)
    {
      guint index = byte_to_index (self->stream, g_array_index (in_stream, gsize, i));
      double gap = ABS ((double) index / MAX (self->stream->places->len, 1) - where);

      if (gap < best_gap)
        {
          best_gap = gap;
          best = index;
        }
    }
  return best;
}

/* The first @n characters (UTF-8) of @text, or its last when @tail. */
static char *
piece (const char *text,
       guint       n,
       gboolean    tail)
{
  glong len = g_utf8_strlen (text, -1);

  if (len <= (glong) n)
    return g_strdup (text);
  return tail ? g_strdup (g_utf8_offset_to_pointer (text, len - n))
              : g_strndup (text, g_utf8_offset_to_pointer (text, n) - text);
}

static xmlNode *
paragraph_of (xmlNode *node)
{
  while (node != NULL && !_fz_xml_is (node, "p"))
    node = node->parent;
  return node;
}

gboolean
_fz_docx_locate (FzDocxLocator   *self,
                 guint            start,
                 guint            end,
                 guint           *stream_start,
                 guint           *stream_end,
                 FzRemarkAnchor *quality)
{
  guint n = self->stream->places->len;
  guint from = stripped_index (self, start);
  g_autofree char *key = strip (fz_document_get_text (self->doc), start, MAX (end, start), NULL);
  glong key_len = g_utf8_strlen (key, -1);
  int found;

  if (n == 0)
    return FALSE;

  /* The passage as written. */
  if (key_len > 0 && (found = find_ranked (self, key, from)) >= 0)
    {
      *stream_start = found;
      *stream_end = MIN (n, found + key_len);
      *quality = FZ_REMARK_ANCHOR_EXACT;
      return TRUE;
    }

  /* Without the list number Word draws itself. */
  {
    int para = fz_document_paragraph_at (self->doc, start);
    gsize len;
    const char *text = para >= 0 ? fz_document_get_paragraph_text (self->doc, para, &len) : NULL;
    FzHeadingMarker marker;

    if (text != NULL && fz_document_get_paragraph (self->doc, para)->start == start &&
        fz_heading_marker_parse (text, len, &marker) && start + marker.marker_chars < end)
      {
        g_autofree char *rest = strip (fz_document_get_text (self->doc), start + marker.marker_chars, end, NULL);

        if (*rest != '\0' && (found = find_ranked (self, rest, stripped_index (self, start + marker.marker_chars))) >= 0)
          {
            *stream_start = found;
            *stream_end = MIN (n, found + g_utf8_strlen (rest, -1));
            *quality = FZ_REMARK_ANCHOR_EXACT;
            return TRUE;
          }
      }
  }

  /* Its first and last words, when what lies between was rewritten by
   * the normaliser (a page number inside, a joined line). */
  if (key_len > 8)
    {
      g_autofree char *head = piece (key, 6, FALSE);
      g_autofree char *tail = piece (key, 6, TRUE);
      int first = find_ranked (self, head, from);

      if (first >= 0)
        {
          const char *after = self->stream->text->str + g_array_index (self->stream->bytes, gsize, first);
          const char *last = strstr (after, tail);

          if (last != NULL)
            {
              guint last_index = byte_to_index (self->stream, last - self->stream->text->str);

              if (last_index + 6 <= (guint) first + 2 * key_len + 40)
                {
                  *stream_start = first;
                  *stream_end = MIN (n, last_index + g_utf8_strlen (tail, -1));
                  *quality = FZ_REMARK_ANCHOR_EXACT;
                  return TRUE;
                }
            }
        }
    }

  /* The start of its paragraph. */
  {
    int para = fz_document_paragraph_at (self->doc, start);

    if (para >= 0)
      {
        const FzParagraph *p = fz_document_get_paragraph (self->doc, para);
        g_autofree char *whole = strip (fz_document_get_text (self->doc), p->start, p->end, NULL);
        g_autofree char *head = piece (whole, 8, FALSE);

        for (guint skip = 0; skip < 4 && *head != '\0'; skip++)
          {
            const char *from_here = g_utf8_offset_to_pointer (whole, skip);
            g_autofree char *h = piece (from_here, 8, FALSE);

            if (*h != '\0' && (found = find_ranked (self, h, stripped_index (self, p->start) + skip)) >= 0)
              {
                *stream_start = found;
                *stream_end = MIN (n, found + g_utf8_strlen (h, -1));
                *quality = FZ_REMARK_ANCHOR_NEAR;
                return TRUE;
              }
          }
      }
  }

  /* The first words of the report, within its first paragraph. */
  *stream_start = 0;
  *stream_end = 1;
  while (*stream_end < n && *stream_end < 12 &&
         paragraph_of (g_array_index (self->stream->places, FzDocxPlace, *stream_end).node) ==
         paragraph_of (g_array_index (self->stream->places, FzDocxPlace, 0).node))
    (*stream_end)++;
  *quality = FZ_REMARK_ANCHOR_DOCUMENT;
  return TRUE;
}
