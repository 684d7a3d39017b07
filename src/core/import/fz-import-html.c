/* fz-import-html.c: reports saved from a government web site
 *
 * A page holds the report and much else: menus, related links, the site's
 * footer.  The report is the part dense in Chinese prose, so the walk goes
 * down from <body> while one child holds most of the page's text outside
 * links, and reads that child.  The page's title and publication date,
 * which sit outside the article on most sites, are kept.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "fz-i18n.h"
#include "fz-import-private.h"
#include "fz-regex.h"
#include "fz-text-util.h"

typedef struct
{
  guint text;     /* letters and digits outside links */
  guint links;    /* letters and digits inside links */
} Score;

typedef struct
{
  GPtrArray  *lines;
  GString    *line;
  GHashTable *scores;     /* xmlNode → Score */
  GHashTable *keep;       /* nodes read whole: the main part and what goes with it */
  GHashTable *ancestors;  /* nodes on the way down to one of them */
} Html;

FZ_DEFINE_STATIC_REGEX (date_regex,
              "(?:发布|发表|印发|成文|公开)?(?:时间|日期)\\s*[：:]?\\s*"
              "((?:19|20)\\d{2})\\s*[-年/.]\\s*(\\d{1,2})\\s*[-月/.]\\s*(\\d{1,2})")

/* Labels that open a field of a page's header: "来源：" and "发布日期："
 * written after the site's name on one line each start one of their own. */
FZ_DEFINE_STATIC_REGEX (field_label_regex,
              "(?:(?:发布|发表|印发|成文|发文|公开|更新)(?:时间|日期)|(?:信息|文章)?来源|作者|"
              "浏览次数|点击次数|字号)\\s*[：:]")

static gboolean
is_skipped (xmlNode *node)
{
  /* Not <form>: ASP.NET sites wrap the whole page in one. */
  static const char * const skipped[] = {
    "script", "style", "noscript", "template", "iframe", "select", "button",
    "nav", "head", "object", "svg", "textarea",
  };
  g_autofree char *style = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    if (g_ascii_strcasecmp ((const char *) node->name, skipped[i]) == 0)
      return TRUE;

  style = _fz_xml_attr (node, "style");
  if (style != NULL)
    {
      g_autofree char *squeezed = fz_strip_spaces (style, -1);
      g_autofree char *lower = g_ascii_strdown (squeezed, -1);
      if (strstr (lower, "display:none") != NULL || strstr (lower, "visibility:hidden") != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_named (xmlNode    *node,
          const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
is_one_of (xmlNode            *node,
           const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (is_named (node, names[i]))
      return TRUE;
  return FALSE;
}

static guint
count_wordchars (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      n++;
  return n;
}

static Score
score_of (Html    *html,
          xmlNode *node)
{
  Score *s = g_hash_table_lookup (html->scores, node);

  return s ? *s : (Score) { 0, 0 };
}

/* Letters and digits in @node, outside links and inside them: a menu is
 * all links, an article almost none. */
static Score
score (Html    *html,
       xmlNode *node,
       gboolean in_link,
       guint    depth)
{
  Score total = { 0, 0 };

  if (depth > FZ_XML_MAX_DEPTH)
    return total;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE && c->content != NULL)
        {
          guint n = count_wordchars ((const char *) c->content);

          if (in_link)
            total.links += n;
          else
            total.text += n;
        }
      else if (c->type == XML_ELEMENT_NODE && !is_skipped (c))
        {
          Score child = score (html, c, in_link || is_named (c, "a"), depth + 1);

          total.text += child.text;
          total.links += child.links;
        }
    }

  g_hash_table_insert (html->scores, node, g_memdup2 (&total, sizeof total));
  return total;
}

/* Elements whose text is one piece: the main part is never a single
 * paragraph, list item or heading of a larger whole. */
static gboolean
is_piece (xmlNode *node)
{
  static const char * const pieces[] = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "dt", "dd",
    "caption", "address", "figcaption", "a", "span", "font", "b", "strong", "em", "i",
    "u", "small", "big", "sup", "sub", "label", NULL,
  };

  return is_one_of (node, pieces);
}

static gboolean
contains_element (xmlNode    *node,
                  const char *name,
                  guint       depth)
{
  if (is_named (node, name))
    return TRUE;
  if (depth > FZ_XML_MAX_DEPTH)
    return FALSE;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && !is_skipped (c) && contains_element (c, name, depth + 1))
      return TRUE;
  return FALSE;
}

/* A sibling of the main part (@beside) or of one of the elements around
 * it that belongs with it: the title above it (an h1), a table of
 * figures, a list, or a block of prose nearly as large; never something
 * made mostly of links (menus, related items). */
static gboolean
belongs_with (Html    *html,
              xmlNode *sibling,
              guint    main_text,
              gboolean beside)
{
  Score s = score_of (html, sibling);

  if (sibling->type != XML_ELEMENT_NODE || is_skipped (sibling) || s.text == 0 ||
      s.links * 2 > s.text)
    return FALSE;
  /* Right beside the main part, whatever is not links is part of it:
   * the article's title and date lines, a closing paragraph, the next
   * slide. */
  if (beside || contains_element (sibling, "h1", 0))
    return TRUE;
  if (s.text >= 20 && (contains_element (sibling, "table", 0) || contains_element (sibling, "ul", 0) ||
                       contains_element (sibling, "ol", 0)))
    return TRUE;
  return s.text * 2 >= main_text;
}

static void
mark_ancestors (Html    *html,
                xmlNode *node,
                xmlNode *top)
{
  for (xmlNode *a = node->parent; a != NULL && a != top->parent; a = a->parent)
    g_hash_table_add (html->ancestors, a);
}

/* The report is the part of the page dense in text outside links: the
 * walk goes down from @body while one child holds most of it, but never
 * into one paragraph, list item or heading; then what stands right
 * beside it and is not links, and further out the title above it and the
 * tables, lists and prose around it, are taken along. */
static void
find_main_part (Html    *html,
                xmlNode *body)
{
  xmlNode *node = body;
  guint main_text;

  score (html, body, FALSE, 0);

  for (guint depth = 0; depth < FZ_XML_MAX_DEPTH; depth++)
    {
      guint here = score_of (html, node).text;
      xmlNode *best = NULL;
      guint best_text = 0;

      for (xmlNode *c = node->children; c != NULL; c = c->next)
        {
          guint t = score_of (html, c).text;

          if (c->type == XML_ELEMENT_NODE && !is_skipped (c) && t > best_text)
            {
              best = c;
              best_text = t;
            }
        }

      /* Stop where the text spreads over several children (the
       * article's own paragraphs, a deck's slides): what would be left
       * behind must be little, as a site's header and footer are. */
      if (best == NULL || is_piece (best) || best_text * 10 < here * 6 ||
          here - best_text > MAX (300, here * 15 / 100))
        break;
      node = best;
    }

  g_hash_table_add (html->keep, node);
  mark_ancestors (html, node, body);
  main_text = score_of (html, node).text;
  for (xmlNode *cur = node; cur != body && cur->parent != NULL; cur = cur->parent)
    for (xmlNode *s = cur->parent->children; s != NULL; s = s->next)
      if (s != cur && belongs_with (html, s, main_text, cur == node))
        {
          g_hash_table_add (html->keep, s);
          mark_ancestors (html, s, body);
        }
}

/* A line of the page, split where a header field ("来源：", "发布日期：")
 * follows other text (the site's name) on a short line; the pieces, like
 * a table row or a line of an article's header (@alone), are never joined
 * with the lines around them. */
static void
add_line (Html       *html,
          const char *text,
          gboolean    row,
          gboolean    alone)
{
  gssize g[2];
  const char *rest = text;

  /* Only what stands before the first field is split off: the fields
   * themselves ("发布时间：… 来源：… 浏览次数：…") are one line of the page. */
  alone |= row;
  if (!row && strlen (text) < 240 &&
      fz_regex_search_groups (field_label_regex (), rest, strlen (rest), 0, g, 1) && g[0] > 0)
    {
      g_autofree char *head = g_strndup (rest, g[0]);

      g_strstrip (head);
      alone = TRUE;
      if (head[0] != '\0')
        _fz_lines_add (html->lines, head, -1, 0, TRUE)->stands_alone = TRUE;
      rest += g[0];
    }
  _fz_lines_add (html->lines, rest, -1, 0, TRUE)->stands_alone = alone;
}

static void
flush_line (Html     *html,
            gboolean  row,
            gboolean  alone)
{
  char *stripped = g_strstrip (html->line->str);

  if (*stripped != '\0')
    add_line (html, stripped, row, alone);
  g_string_truncate (html->line, 0);
}

static void
flush (Html *html)
{
  flush_line (html, FALSE, FALSE);
}

/* What the page shows as a block of its own: block elements, and the
 * spans and cells that sites lay out as blocks by their class (the
 * title, date and source lines of an article's header). */
static gboolean is_header_part (xmlNode *node);

static gboolean
is_block (xmlNode *node)
{
  static const char * const blocks[] = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
    "li", "ul", "ol", "dl", "dt", "dd", "table", "tbody", "thead", "tr", "blockquote",
    "pre", "center", "header", "footer", "aside", "figure", "figcaption", "address", "hr",
    "caption", "details", "summary", NULL,
  };
  g_autofree char *style = NULL;

  if (is_one_of (node, blocks))
    return TRUE;
  style = _fz_xml_attr (node, "style");
  if (style != NULL)
    {
      g_autofree char *squeezed = fz_strip_spaces (style, -1);
      g_autofree char *lower = g_ascii_strdown (squeezed, -1);

      if (strstr (lower, "display:block") != NULL)
        return TRUE;
    }
  return is_header_part (node);
}

/* An element a site's stylesheet lays out as a line of an article's
 * header, by its class or id: the title, the date, the source. */
static gboolean
is_header_part (xmlNode *node)
{
  static const char * const layout_words[] = {
    "title", "date", "time", "source", "info", "header", "author", "laiyuan", "fbsj", NULL,
  };

  for (const char * const *attr = (const char * const[]) { "class", "id", NULL }; *attr; attr++)
    {
      g_autofree char *value = _fz_xml_attr (node, *attr);
      g_autofree char *lower = value ? g_ascii_strdown (value, -1) : NULL;

      for (guint i = 0; lower != NULL && layout_words[i] != NULL; i++)
        if (strstr (lower, layout_words[i]) != NULL)
          return TRUE;
    }
  return FALSE;
}

static void
append_text (GString    *out,
             const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t' || *p == '\f')
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
}

static void extract (Html *html, xmlNode *node, guint depth);

/* One node of the page: its text, with the line breaks around it that
 * its kind of element makes. */
static void
extract_node (Html    *html,
              xmlNode *c,
              guint    depth)
{
  if (c->type == XML_TEXT_NODE && c->content != NULL)
    {
      append_text (html->line, (const char *) c->content);
      return;
    }
  if (c->type != XML_ELEMENT_NODE || is_skipped (c))
    return;

  if (is_named (c, "br"))
    flush (html);
  else if (is_named (c, "td") || is_named (c, "th"))
    {
      if (html->line->len > 0 && !g_str_has_suffix (html->line->str, " | "))
        g_string_append (html->line, " | ");
      extract (html, c, depth + 1);
    }
  else if (is_named (c, "tr"))
    {
      flush (html);
      extract (html, c, depth + 1);
      flush_line (html, TRUE, TRUE);
    }
  else if (is_block (c))
    {
      flush (html);
      extract (html, c, depth + 1);
      /* A line of a header is a paragraph of its own, even without a
       * full stop. */
      flush_line (html, FALSE, is_header_part (c) && html->line->len < 240);
    }
  else
    extract (html, c, depth + 1);
}

static void
extract (Html    *html,
         xmlNode *node,
         guint    depth)
{
  if (depth > FZ_XML_MAX_DEPTH)
    return;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    extract_node (html, c, depth);
}

/* Only the main part and what goes with it, in the page's order. */
static void
extract_kept (Html    *html,
              xmlNode *node,
              guint    depth)
{
  if (depth > FZ_XML_MAX_DEPTH)
    return;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE || is_skipped (c))
        continue;
      if (g_hash_table_contains (html->keep, c))
        {
          flush (html);
          extract_node (html, c, depth);
          flush (html);
        }
      else if (g_hash_table_contains (html->ancestors, c))
        {
          flush (html);
          extract_kept (html, c, depth + 1);
          flush (html);
        }
    }
}

static xmlNode *
find_element (xmlNode    *node,
              const char *name,
              guint       depth)
{
  if (depth > FZ_XML_MAX_DEPTH)
    return NULL;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      xmlNode *found;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is_named (c, name))
        return c;
      if (!is_skipped (c) || is_named (c, "head"))
        if ((found = find_element (c, name, depth + 1)) != NULL)
          return found;
    }
  return NULL;
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = node ? xmlNodeGetContent (node) : NULL;
  GString *out = g_string_new (NULL);

  if (content != NULL)
    append_text (out, (const char *) content);
  xmlFree (content);
  return g_strstrip (g_string_free (out, FALSE));
}

/* "关于…的报告_某某区人民政府网站": the site's name follows a separator. */
static char *
page_title (xmlNode *root)
{
  static const char * const separators[] = { "_", "|", "｜", "—", " - ", "－" };
  g_autofree char *h1 = node_text (find_element (root, "h1", 0));
  g_autofree char *title = NULL;
  char *sep;

  if (count_wordchars (h1) >= 4)
    return g_steal_pointer (&h1);

  /* Separators are whole strings: "—" is three bytes, and cutting at
   * one of them would split a character. */
  title = node_text (find_element (root, "title", 0));
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    if ((sep = strstr (title, separators[i])) != NULL && sep != title)
      *sep = '\0';
  g_strstrip (title);

  return count_wordchars (title) >= 4 ? g_steal_pointer (&title) : NULL;
}

/* "发布时间：2025-01-10" → "2025-01-10". */
static char *
match_date (const char *text)
{
  gssize g[8];
  int y, m, d;

  if (!fz_regex_search_groups (date_regex (), text, strlen (text), 0, g, 4) || g[2] < 0)
    return NULL;
  y = atoi (text + g[2]);
  m = atoi (text + g[4]);
  d = atoi (text + g[6]);
  if (m < 1 || m > 12 || d < 1 || d > 31)
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

static char *
publication_date (xmlNode *root)
{
  static const char * const meta_names[] = { "PubDate", "publishdate", "pubdate", "firstpublishedtime", "date" };
  xmlNode *head = find_element (root, "head", 0);
  g_autofree char *text = NULL;

  for (xmlNode *c = head ? head->children : NULL; c != NULL; c = c->next)
    {
      g_autofree char *name = NULL;
      g_autofree char *content = NULL;

      if (!is_named (c, "meta"))
        continue;
      name = _fz_xml_attr (c, "name");
      content = _fz_xml_attr (c, "content");
      for (guint i = 0; name && content && i < G_N_ELEMENTS (meta_names); i++)
        if (g_ascii_strcasecmp (name, meta_names[i]) == 0)
          {
            g_autofree char *labelled = g_strconcat ("日期：", content, NULL);
            char *date = match_date (labelled);

            if (date != NULL)
              return date;
          }
    }

  text = node_text (find_element (root, "body", 0));
  return match_date (text);
}

/* The charset a page declares in its first kilobytes, if any. */
static char *
declared_charset (const char *data,
                  gsize       len)
{
  gsize n = MIN (len, 8192);

  for (gsize i = 0; i + 8 < n; i++)
    {
      if (g_ascii_strncasecmp (data + i, "charset=", 8) == 0)
        {
          gsize j = i + 8, k;

          while (j < n && (data[j] == '"' || data[j] == '\'' || data[j] == ' '))
            j++;
          for (k = j; k < n && k - j < 32 && (g_ascii_isalnum (data[k]) || data[k] == '-' || data[k] == '_'); k++)
            ;
          if (k > j)
            return g_ascii_strup (data + j, k - j);
        }
    }
  return NULL;
}

/* The page's text in UTF-8: what the mail part (@charset_hint) or the
 * page itself declares, when all of it decodes so, else what the bytes
 * show.  @label receives the unusual encoding the reviewer is told of. */
static char *
decode_page (const char  *data,
             gsize        len,
             const char  *charset_hint,
             const char **encoding,
             const char **label,
             gsize       *n_undecoded,
             GError     **error)
{
  g_autofree char *declared = NULL;

  if (len == 0)
    {
      *encoding = "UTF-8";
      return g_strdup ("");
    }
  declared = charset_hint ? g_strdup (charset_hint) : declared_charset (data, len);
  return _fz_text_decode_full (data, len, declared, TRUE, encoding, label, n_undecoded, error);
}

FzDocument *
_fz_import_page (const char    *data,
             gsize          len,
             const char    *charset_hint,
             const char    *format,
             const char    *display_name,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *utf8 = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  const char *encoding = NULL;
  const char *label = NULL;
  gsize n_undecoded = 0;
  g_autoptr(GPtrArray) lines = NULL;
  xmlNode *root, *body;
  htmlDocPtr html_doc;
  Html html = { 0 };
  FzDocument *doc;

  if ((utf8 = decode_page (data, len, charset_hint, &encoding, &label, &n_undecoded, error)) == NULL)
    return NULL;
  if (strlen (utf8) > G_MAXINT)
    {
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_TOO_LARGE,
                           _("The web page is too large to read."));
      return NULL;
    }

  html_doc = htmlReadMemory (utf8, (int) strlen (utf8), NULL, "UTF-8",
                             HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                             HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOIMPLIED);
  root = html_doc ? xmlDocGetRootElement (html_doc) : NULL;
  if (root == NULL)
    {
      g_clear_pointer (&html_doc, xmlFreeDoc);
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CORRUPT,
                           _("The web page cannot be read. Save it again from the browser as “Web page, HTML only”."));
      return NULL;
    }

  if (_fz_import_check_cancelled (cancellable, error))
    {
      xmlFreeDoc (html_doc);
      return NULL;
    }

  /* A page without <body> (or even <html>) has its elements straight
   * under the document. */
  body = is_named (root, "body") ? root : find_element (root, "body", 0);
  if (body == NULL)
    body = (xmlNode *) html_doc;

  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_source_line_free);
  html.lines = lines;
  html.line = g_string_new (NULL);
  html.scores = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  html.keep = g_hash_table_new (g_direct_hash, g_direct_equal);
  html.ancestors = g_hash_table_new (g_direct_hash, g_direct_equal);

  find_main_part (&html, body);
  title = page_title ((xmlNode *) html_doc);
  date = publication_date ((xmlNode *) html_doc);

  if (g_hash_table_contains (html.keep, body))
    extract (&html, body, 0);
  else
    extract_kept (&html, body, 0);
  flush (&html);
  g_string_free (html.line, TRUE);
  g_hash_table_unref (html.scores);
  g_hash_table_unref (html.keep);
  g_hash_table_unref (html.ancestors);
  xmlFreeDoc (html_doc);

  /* The title stands above the article on most sites; the report's own
   * first line needs it back. */
  if (title != NULL && lines->len > 0)
    {
      g_autofree char *t = fz_strip_spaces (title, -1);
      gboolean found = FALSE;

      for (guint i = 0; i < MIN (lines->len, 8) && !found; i++)
        {
          g_autofree char *l = fz_strip_spaces (((FzSourceLine *) g_ptr_array_index (lines, i))->text, -1);
          found = strstr (l, t) != NULL;
        }
      if (!found)
        {
          FzSourceLine *line = fz_source_line_new (title, -1, 0, 0);
          line->hard_break = TRUE;
          g_ptr_array_insert (lines, 0, line);
          for (guint i = 0; i < lines->len; i++)
            ((FzSourceLine *) g_ptr_array_index (lines, i))->line = i + 1;
        }
    }

  if (!_fz_lines_check_text (lines, error))
    return NULL;

  doc = fz_document_new_from_lines (lines, format, display_name);
  fz_document_set_encoding (doc, encoding);
  _fz_document_warn_encoding (doc, label, n_undecoded);
  fz_document_set_page_date (doc, date);
  {
    g_autofree char *msg = NULL;

    if (title != NULL && date != NULL)
      msg = g_strdup_printf (_("Read from a saved web page “%s”, published %s. Menus, links and other parts of the site were left out; check that nothing of the report is missing."),
                             title, date);
    else if (title != NULL)
      msg = g_strdup_printf (_("Read from a saved web page “%s”. Menus, links and other parts of the site were left out; check that nothing of the report is missing."),
                             title);
    else
      msg = g_strdup (_("Read from a saved web page. Menus, links and other parts of the site were left out; check that nothing of the report is missing."));
    fz_document_add_warning (doc, msg);
  }

  return doc;
}

FzDocument *
_fz_import_html (GBytes        *bytes,
                 const char    *display_name,
                 GCancellable  *cancellable,
                 GError       **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return _fz_import_page (data, len, NULL, "html", display_name, cancellable, error);
}
