/* fz-import-mhtml.c: web pages saved as one file (.mht, .mhtml)
 *
 * A MIME message (multipart/related) whose text/html part is the page,
 * quoted-printable or base64, with its charset in the part's header; the
 * page is then read as a saved web page.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-import"

#include "config.h"

#include <string.h>

#include "fz-i18n.h"
#include "fz-import-private.h"

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
                  return _fz_import_page (decoded_data, decoded_len, charset, "mhtml",
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
