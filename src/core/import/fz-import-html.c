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
  GPtrArray  *lines;
  GString    *line;
  GHashTable *scores;   /* xmlNode → CJK characters outside links */
} Html;

FZ_DEFINE_STATIC_REGEX (date_regex,
              "(?:发布|发表|印发|成文|公开)?(?:时间|日期)\\s*[：:]?\\s*"
              "((?:19|20)\\d{2})\\s*[-年/.]\\s*(\\d{1,2})\\s*[-月/.]\\s*(\\d{1,2})")

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

static guint
count_cjk (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (fz_unichar_is_cjk (g_utf8_get_char (p)))
      n++;
  return n;
}

/* Chinese characters in @node outside links: a menu is all links, an
 * article almost none. */
static guint
score (Html    *html,
       xmlNode *node,
       gboolean in_link,
       guint    depth)
{
  guint total = 0;

  if (depth > FZ_XML_MAX_DEPTH)
    return 0;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE && c->content != NULL && !in_link)
        total += count_cjk ((const char *) c->content);
      else if (c->type == XML_ELEMENT_NODE && !is_skipped (c))
        total += score (html, c, in_link || is_named (c, "a"), depth + 1);
    }

  g_hash_table_insert (html->scores, node, GUINT_TO_POINTER (total));
  return total;
}

static xmlNode *
find_article (Html    *html,
              xmlNode *body)
{
  xmlNode *node = body;

  score (html, body, FALSE, 0);

  for (guint depth = 0; depth < FZ_XML_MAX_DEPTH; depth++)
    {
      guint here = GPOINTER_TO_UINT (g_hash_table_lookup (html->scores, node));
      xmlNode *best = NULL;
      guint best_score = 0;

      for (xmlNode *c = node->children; c != NULL; c = c->next)
        {
          guint s = GPOINTER_TO_UINT (g_hash_table_lookup (html->scores, c));
          if (c->type == XML_ELEMENT_NODE && s > best_score)
            {
              best = c;
              best_score = s;
            }
        }

      /* Stop where the text spreads over several children: those are the
       * article's own paragraphs. */
      if (best == NULL || best_score * 10 < here * 6)
        break;
      node = best;
    }

  return node;
}

static void
flush_line (Html     *html,
            gboolean  row)
{
  char *stripped = g_strstrip (html->line->str);

  if (*stripped != '\0')
    _fz_lines_add (html->lines, stripped, -1, 0, TRUE)->stands_alone = row;
  g_string_truncate (html->line, 0);
}

static void
flush (Html *html)
{
  flush_line (html, FALSE);
}

static gboolean
is_block (xmlNode *node)
{
  static const char * const blocks[] = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
    "li", "ul", "ol", "dl", "dt", "dd", "table", "tbody", "thead", "tr", "blockquote",
    "pre", "center", "header", "footer", "aside", "figure", "figcaption", "address", "hr",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (g_ascii_strcasecmp ((const char *) node->name, blocks[i]) == 0)
      return TRUE;
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

static void
extract (Html    *html,
         xmlNode *node,
         guint    depth)
{
  if (depth > FZ_XML_MAX_DEPTH)
    return;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE && c->content != NULL)
        {
          append_text (html->line, (const char *) c->content);
          continue;
        }
      if (c->type != XML_ELEMENT_NODE || is_skipped (c))
        continue;

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
          flush_line (html, TRUE);
        }
      else if (is_block (c))
        {
          flush (html);
          extract (html, c, depth + 1);
          flush (html);
        }
      else
        extract (html, c, depth + 1);
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
  g_autofree char *h1 = node_text (find_element (root, "h1", 0));
  g_autofree char *title = NULL;
  char *sep;

  if (count_cjk (h1) >= 4)
    return g_steal_pointer (&h1);

  title = node_text (find_element (root, "title", 0));
  for (const char *s = "_|—"; *s; s++)
    if ((sep = strchr (title, *s)) != NULL && sep != title)
      *sep = '\0';
  if ((sep = strstr (title, " - ")) != NULL && sep != title)
    *sep = '\0';
  if ((sep = strstr (title, "——")) != NULL && sep != title)
    *sep = '\0';
  g_strstrip (title);

  return count_cjk (title) >= 4 ? g_steal_pointer (&title) : NULL;
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

static char *
decode_page (const char  *data,
             gsize        len,
             const char  *charset_hint,
             GError     **error)
{
  g_autofree char *charset = NULL;

  if (len == 0)
    return g_strdup ("");
  charset = charset_hint ? g_ascii_strup (charset_hint, -1) : declared_charset (data, len);

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return g_utf8_make_valid (data + 3, len - 3);

  if (charset != NULL && !g_str_equal (charset, "UTF-8") && !g_str_equal (charset, "UTF8"))
    {
      /* GB2312 and GBK pages often hold characters only GB18030 has. */
      const char *from = (g_str_has_prefix (charset, "GB") || g_str_equal (charset, "CP936"))
                         ? "GB18030" : charset;
      char *utf8 = g_convert (data, len, "UTF-8", from, NULL, NULL, NULL);

      if (utf8 != NULL)
        return utf8;
    }

  if (g_utf8_validate_len (data, len, NULL))
    return g_strndup (data, len);

  {
    char *utf8 = g_convert (data, len, "UTF-8", "GB18030", NULL, NULL, NULL);
    if (utf8 != NULL)
      return utf8;
  }

  g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_ENCODING,
                       _("The web page’s text is neither in the character set it declares, nor UTF-8, nor GB18030 (GBK), and cannot be read."));
  return NULL;
}

static FzDocument *
import_page (const char    *data,
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
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GHashTable) scores = NULL;
  xmlNode *root, *body, *article;
  htmlDocPtr html_doc;
  Html html = { 0 };
  FzDocument *doc;

  if ((utf8 = decode_page (data, len, charset_hint, error)) == NULL)
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

  body = is_named (root, "body") ? root : find_element (root, "body", 0);
  if (body == NULL)
    body = root;

  scores = g_hash_table_new (g_direct_hash, g_direct_equal);
  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_source_line_free);
  html.lines = lines;
  html.line = g_string_new (NULL);
  html.scores = scores;

  article = find_article (&html, body);
  title = page_title (root);
  date = publication_date (root);

  extract (&html, article, 0);
  flush (&html);
  g_string_free (html.line, TRUE);
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

  return import_page (data, len, NULL, "html", display_name, cancellable, error);
}

/* The value of @name in a MIME header block (parameters included, folded
 * lines unfolded), or NULL. */
static char *
mime_header (const char *headers,
             gsize       len,
             const char *name)
{
  gsize n = strlen (name);

  for (gsize i = 0; i + n < len; i++)
    {
      if ((i == 0 || headers[i - 1] == '\n') &&
          g_ascii_strncasecmp (headers + i, name, n) == 0 && headers[i + n] == ':')
        {
          GString *value = g_string_new (NULL);
          gsize k = i + n + 1;

          while (k < len)
            {
              if (headers[k] == '\r' || headers[k] == '\n')
                {
                  gsize next = k + (headers[k] == '\r' && k + 1 < len && headers[k + 1] == '\n' ? 2 : 1);
                  /* A line that starts with white space continues. */
                  if (next < len && (headers[next] == ' ' || headers[next] == '\t'))
                    {
                      g_string_append_c (value, ' ');
                      k = next;
                      continue;
                    }
                  break;
                }
              g_string_append_c (value, headers[k++]);
            }
          return g_strstrip (g_string_free (value, FALSE));
        }
    }
  return NULL;
}

/* A parameter ("boundary", "charset") of a header value. */
static char *
mime_parameter (const char *value,
                const char *name)
{
  g_autofree char *lower = value ? g_ascii_strdown (value, -1) : NULL;
  g_autofree char *key = g_strconcat (name, "=", NULL);
  const char *at = lower ? strstr (lower, key) : NULL;
  const char *p, *end;

  if (at == NULL)
    return NULL;
  p = value + (at - lower) + strlen (key);
  if (*p == '"')
    {
      p++;
      end = strchr (p, '"');
    }
  else
    {
      end = p;
      while (*end && *end != ';' && *end != ' ' && *end != '\t')
        end++;
    }
  return end ? g_strndup (p, end - p) : NULL;
}

/* End of the header block that starts at @p: the blank line. */
static const char *
headers_end (const char *p,
             const char *end,
             const char **body)
{
  for (const char *q = p; q < end; q++)
    {
      if (q + 1 < end && q[0] == '\n' && q[1] == '\n')
        {
          *body = q + 2;
          return q;
        }
      if (q + 3 < end && memcmp (q, "\r\n\r\n", 4) == 0)
        {
          *body = q + 4;
          return q;
        }
    }
  return NULL;
}

static int
hex_value (char c)
{
  return g_ascii_isxdigit (c) ? g_ascii_xdigit_value (c) : -1;
}

static GBytes *
decode_quoted_printable (const char *p,
                         gsize       len)
{
  GByteArray *out = g_byte_array_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      guint8 b = p[i];

      if (b == '=' && i + 1 < len && (p[i + 1] == '\r' || p[i + 1] == '\n'))
        {
          /* A soft line break. */
          i += (p[i + 1] == '\r' && i + 2 < len && p[i + 2] == '\n') ? 2 : 1;
          continue;
        }
      if (b == '=' && i + 2 < len && hex_value (p[i + 1]) >= 0 && hex_value (p[i + 2]) >= 0)
        {
          b = hex_value (p[i + 1]) * 16 + hex_value (p[i + 2]);
          i += 2;
        }
      g_byte_array_append (out, &b, 1);
    }
  return g_byte_array_free_to_bytes (out);
}

/* A web page saved as one file (.mht, .mhtml): a MIME message whose first
 * text/html part is the page. */
FzDocument *
_fz_import_mhtml (GBytes        *bytes,
                  const char    *display_name,
                  GCancellable  *cancellable,
                  GError       **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *end = data + len;
  const char *body = NULL;
  const char *head_end = data ? headers_end (data, end, &body) : NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *boundary = NULL;
  g_autofree char *delimiter = NULL;
  const char *p;

  if (head_end != NULL)
    {
      content_type = mime_header (data, head_end - data, "Content-Type");
      boundary = mime_parameter (content_type, "boundary");
    }

  if (boundary != NULL && boundary[0] != '\0')
    {
      delimiter = g_strconcat ("--", boundary, NULL);
      for (p = g_strstr_len (body, end - body, delimiter); p != NULL && p < end;)
        {
          const char *part = p + strlen (delimiter);
          const char *next = g_strstr_len (part, end - part, delimiter);
          const char *part_end = next ? next : end;
          const char *part_body = NULL;
          const char *part_head_end = headers_end (part, part_end, &part_body);

          if (part + 2 <= end && memcmp (part, "--", 2) == 0)
            break;
          if (part_head_end != NULL)
            {
              g_autofree char *type = mime_header (part, part_head_end - part, "Content-Type");
              g_autofree char *encoding = mime_header (part, part_head_end - part, "Content-Transfer-Encoding");

              if (type != NULL && g_ascii_strncasecmp (type, "text/html", 9) == 0)
                {
                  g_autofree char *charset = mime_parameter (type, "charset");
                  g_autoptr(GBytes) decoded = NULL;
                  gsize n = part_end - part_body;
                  gsize decoded_len;
                  const char *decoded_data;

                  if (encoding != NULL && g_ascii_strcasecmp (encoding, "base64") == 0)
                    {
                      g_autofree char *b64 = g_strndup (part_body, n);
                      guchar *raw = g_base64_decode (b64, &decoded_len);
                      decoded = g_bytes_new_take (raw, decoded_len);
                    }
                  else if (encoding != NULL && g_ascii_strcasecmp (encoding, "quoted-printable") == 0)
                    decoded = decode_quoted_printable (part_body, n);
                  else
                    decoded = g_bytes_new (part_body, n);

                  decoded_data = g_bytes_get_data (decoded, &decoded_len);
                  return import_page (decoded_data, decoded_len, charset, "mhtml",
                                      display_name, cancellable, error);
                }
            }
          p = next;
        }
    }

  g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CORRUPT,
                       _("The web archive (.mht) holds no web page. Open the page in the browser and save it again."));
  return NULL;
}
