/* fz-import.c: the one entry point that turns a file into an FzDocument
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-import"

#include "config.h"

#include <string.h>

#include "fz-document-private.h"
#include "fz-i18n.h"
#include "fz-import-private.h"
#include "fz-import.h"
#include "fz-text-util.h"

static gboolean
has_prefix (const char *data,
            gsize       len,
            const char *magic,
            gsize       magic_len)
{
  return len >= magic_len && memcmp (data, magic, magic_len) == 0;
}

static gboolean
contains (const char *data,
          gsize       len,
          const char *needle,
          gsize       needle_len)
{
  if (needle_len == 0 || len < needle_len)
    return FALSE;
  for (const char *p = data, *last = data + len - needle_len;
       p <= last && (p = memchr (p, needle[0], last - p + 1)) != NULL;
       p++)
    if (memcmp (p, needle, needle_len) == 0)
      return TRUE;
  return FALSE;
}

/* @ascii as UTF-16LE, as stream names stand in an OLE directory. */
static gboolean
has_utf16_name (const char *data,
                gsize       len,
                const char *ascii)
{
  gsize n = strlen (ascii);
  g_autofree char *wide = g_malloc0 (2 * n);

  for (gsize i = 0; i < n; i++)
    wide[2 * i] = ascii[i];

  return contains (data, len, wide, 2 * n);
}

/* Word, Kingsoft WPS and Microsoft Works all write OLE compound files; the
 * names of their streams tell them apart.  Kingsoft adds its own streams
 * and properties next to a Word-compatible "WordDocument". */
static const char *
sniff_ole (const char *data,
           gsize       len)
{
  gboolean word = has_utf16_name (data, len, "WordDocument");

  /* Word, WPS and Excel keep a password-protected .docx or .xlsx inside a
   * compound file. */
  if (has_utf16_name (data, len, "EncryptedPackage"))
    return "encrypted";

  if (word && (has_utf16_name (data, len, "WpsCustomData") ||
               has_utf16_name (data, len, "KSOProductBuildVer") ||
               contains (data, len, "KSOProductBuildVer", 18) ||
               contains (data, len, "Kingsoft", 8)))
    return "wps";
  if (word)
    return "doc";
  if (has_utf16_name (data, len, "CONTENTS") &&
      (has_utf16_name (data, len, "MatOST") || has_utf16_name (data, len, "SPELLING")))
    return "works";
  if (has_utf16_name (data, len, "Workbook") || has_utf16_name (data, len, "Book"))
    return "xls";
  if (has_utf16_name (data, len, "PowerPoint Document"))
    return "ppt";
  return "ole";
}

typedef struct
{
  gboolean docx, content, ofd, xlsx, pptx;
} ZipNames;

static gboolean
note_zip_name (const char *name,
               gpointer    user_data)
{
  ZipNames *names = user_data;

  names->docx |= g_str_equal (name, "word/document.xml");
  names->content |= g_str_equal (name, "content.xml");
  names->ofd |= g_str_equal (name, "OFD.xml");
  names->xlsx |= g_str_equal (name, "xl/workbook.xml");
  names->pptx |= g_str_equal (name, "ppt/presentation.xml");

  return g_str_equal (name, "mimetype");
}

static const char *
sniff_zip (GBytes        *bytes,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GHashTable) parts = NULL;
  ZipNames names = { 0 };
  GBytes *mimetype;

  parts = _fz_zip_read (bytes, note_zip_name, &names, cancellable, error);
  if (parts == NULL)
    return NULL;

  if (names.docx)
    return "docx";
  if (names.ofd)
    return "ofd";
  if (names.xlsx)
    return "xlsx";
  if (names.pptx)
    return "pptx";
  if ((mimetype = g_hash_table_lookup (parts, "mimetype")) != NULL)
    {
      gsize n;
      const char *m = g_bytes_get_data (mimetype, &n);

      if (has_prefix (m, n, "application/vnd.oasis.opendocument.text", 39))
        return "odt";
      return "opendocument";
    }
  if (names.content)
    return "odt";
  return "zip";
}

static gboolean
looks_like_html (const char *data,
                 gsize       len)
{
  static const char * const starts[] = { "<!doctype html", "<html", "<head", "<meta", "<body", "<title" };
  gsize i = has_prefix (data, len, "\xEF\xBB\xBF", 3) ? 3 : 0;
  gsize window;

  while (i < len && g_ascii_isspace (data[i]))
    i++;
  for (guint k = 0; k < G_N_ELEMENTS (starts); k++)
    if (len - i >= strlen (starts[k]) && g_ascii_strncasecmp (data + i, starts[k], strlen (starts[k])) == 0)
      return TRUE;

  /* XHTML and pages opening with a comment: an <html tag near the start. */
  if (i < len && data[i] == '<')
    {
      window = MIN (len, 2048);
      for (gsize k = i; k + 5 <= window; k++)
        if (g_ascii_strncasecmp (data + k, "<html", 5) == 0)
          return TRUE;
    }
  return FALSE;
}

static gboolean
looks_like_mhtml (const char *data,
                  gsize       len)
{
  gsize window = MIN (len, 4096);

  for (gsize k = 0; k + 17 <= window; k++)
    if (g_ascii_strncasecmp (data + k, "multipart/related", 17) == 0)
      return has_prefix (data, len, "MIME-Version", 12) || has_prefix (data, len, "From:", 5) ||
             g_strstr_len (data, window, "MIME-Version") != NULL;
  return FALSE;
}

/* The format of @bytes by content; NULL with @error only when a zip
 * container is hostile or damaged. */
static const char *
detect (GBytes        *bytes,
        GCancellable  *cancellable,
        GError       **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (has_prefix (data, len, "PK\x03\x04", 4))
    return sniff_zip (bytes, cancellable, error);
  if (has_prefix (data, len, "%PDF", 4) ||
      contains (data, MIN (len, 1024), "%PDF-", 5))
    return "pdf";
  if (has_prefix (data, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    return sniff_ole (data, len);
  if (has_prefix (data, len, "{\\rtf", 5))
    return "rtf";
  if (looks_like_mhtml (data, len))
    return "mhtml";
  if (looks_like_html (data, len))
    return "html";

  return "text";
}

const char *
fz_import_detect_format (GBytes *bytes)
{
  const char *format;

  g_return_val_if_fail (bytes != NULL, NULL);

  format = detect (bytes, NULL, NULL);
  if (format == NULL)
    {
      /* A damaged container still names its parts in its local headers. */
      gsize len;
      const char *data = g_bytes_get_data (bytes, &len);

      if (contains (data, len, "word/document.xml", 17))
        return "docx";
      if (contains (data, len, "OFD.xml", 7))
        return "ofd";
      if (contains (data, len, "application/vnd.oasis.opendocument.text", 39))
        return "odt";
      return "zip";
    }
  return format;
}

static gboolean
is_bad_char (gunichar c)
{
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ||
         c == 0x7F || c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) ||
         (c >= 0x80 && c < 0xA0);
}

/* Text that decodes but is mostly control characters or private-use glyphs
 * is some binary format we do not know. */
static gboolean
looks_binary (const char *utf8)
{
  gsize total = 0, bad = 0;

  for (const char *p = utf8; *p; p = g_utf8_next_char (p))
    {
      total++;
      if (is_bad_char (g_utf8_get_char (p)))
        bad++;
    }

  return total > 0 && bad * 50 > total;
}

char *
fz_text_decode (const char  *data,
                gsize        len,
                const char **encoding,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *enc = NULL;
  char *utf8 = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (has_prefix (data, len, "\xEF\xBB\xBF", 3))
    {
      enc = "UTF-8";
      if (g_utf8_validate_len (data + 3, len - 3, NULL))
        utf8 = g_strndup (data + 3, len - 3);
      else
        utf8 = g_utf8_make_valid (data + 3, len - 3);
    }
  else if (has_prefix (data, len, "\xFF\xFE", 2) || has_prefix (data, len, "\xFE\xFF", 2))
    {
      enc = data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
      utf8 = g_convert (data + 2, (len - 2) & ~(gsize) 1, "UTF-8", enc, NULL, NULL, &local_error);
    }
  else if (memchr (data, '\0', len) != NULL)
    {
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_BINARY,
                           _("The file holds binary data, not text."));
      return NULL;
    }
  else if (g_utf8_validate_len (data, len, NULL))
    {
      enc = "UTF-8";
      utf8 = g_strndup (data, len);
    }
  else
    {
      enc = "GB18030";
      utf8 = g_convert (data, len, "UTF-8", "GB18030", NULL, NULL, &local_error);
    }

  if (utf8 == NULL)
    {
      g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_ENCODING,
                   _("The text is neither UTF-8 nor GB18030 (GBK) and cannot be read (%s)."),
                   local_error ? local_error->message : enc);
      return NULL;
    }

  if (looks_binary (utf8))
    {
      g_free (utf8);
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_BINARY,
                           _("The file holds binary data, not text."));
      return NULL;
    }

  if (encoding)
    *encoding = enc;

  return utf8;
}

static gboolean
is_blank (const char *utf8)
{
  for (const char *p = utf8; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!fz_unichar_is_space (c) && !fz_unichar_is_invisible (c) &&
          c != '\n' && c != '\r')
        return FALSE;
    }
  return TRUE;
}

static void
set_too_large (GError **error,
               gsize    limit)
{
  g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_TOO_LARGE,
               _("The file is larger than %d MB; a report is far smaller. Check that this is the right file."),
               (int) (limit / (1024 * 1024)));
}

/* Whether the file starts like a container (zip, PDF, OLE, RTF), which may
 * be large, rather than text, which may not. */
static gboolean
starts_like_container (GFile        *file,
                       GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) in = g_file_read (file, cancellable, NULL);
  char head[1024];
  gsize n = 0;

  if (in == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head, &n, cancellable, NULL))
    return FALSE;

  return has_prefix (head, n, "PK\x03\x04", 4) ||
         has_prefix (head, n, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) ||
         has_prefix (head, n, "{\\rtf", 5) ||
         contains (head, n, "%PDF-", 5);
}

/* Prefixes @error's message with the file name, so every message the
 * reviewer sees says which of the dropped files it is about. */
static void
prefix_with_name (GError     **error,
                  const char  *display_name)
{
  if (error != NULL && *error != NULL && display_name != NULL)
    g_prefix_error (error, _("Cannot open “%s”: "), display_name);
}

static FzDocument *
import_text (GBytes     *bytes,
             const char *display_name,
             GError    **error)
{
  g_autofree char *utf8 = NULL;
  const char *encoding = NULL;
  const char *data;
  gsize len;
  FzDocument *doc;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);

  if (len == 0)
    {
      g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_EMPTY,
                   _("The file is empty."));
      return NULL;
    }

  if (len > FZ_IMPORT_MAX_TEXT_BYTES)
    {
      set_too_large (error, FZ_IMPORT_MAX_TEXT_BYTES);
      return NULL;
    }

  utf8 = fz_text_decode (data, len, &encoding, error);
  if (utf8 == NULL)
    return NULL;

  if (is_blank (utf8))
    {
      g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_EMPTY,
                   _("The file contains no text."));
      return NULL;
    }

  doc = fz_document_new_from_text (utf8, -1, display_name);
  fz_document_set_encoding (doc, encoding);

  return doc;
}

FzDocument *
fz_import_text_bytes (GBytes     *bytes,
                      const char *display_name,
                      GError    **error)
{
  FzDocument *doc;

  g_return_val_if_fail (bytes != NULL, NULL);

  doc = import_text (bytes, display_name, error);
  if (doc == NULL)
    prefix_with_name (error, display_name);

  return doc;
}

static char *
file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return basename ? g_filename_display_name (basename) : g_strdup ("?");
}

static GBytes *
read_bounded (GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GByteArray) buf = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 chunk[65536];

  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    {
      int code = g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                 ? FZ_IMPORT_ERROR_NOT_FOUND : FZ_IMPORT_ERROR_UNREADABLE;
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CANCELLED, _("Opening was cancelled."));
      else if (code == FZ_IMPORT_ERROR_NOT_FOUND)
        g_set_error_literal (error, FZ_IMPORT_ERROR, code,
                             _("The file does not exist. It may have been moved or deleted."));
      else
        g_set_error (error, FZ_IMPORT_ERROR, code, "%s", local_error->message);
      return NULL;
    }

  buf = g_byte_array_new ();
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), chunk, sizeof chunk, cancellable, &local_error);

      if (n < 0)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CANCELLED, _("Opening was cancelled."));
          else
            g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNREADABLE, "%s", local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
      if (buf->len + (gsize) n > FZ_IMPORT_MAX_BYTES)
        {
          set_too_large (error, FZ_IMPORT_MAX_BYTES);
          return NULL;
        }
      g_byte_array_append (buf, chunk, n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buf));
}

FzDocument *
fz_import_file (GFile         *file,
                GCancellable  *cancellable,
                GError       **error)
{
  return fz_import_file_full (file, cancellable, NULL, error);
}

FzDocument *
fz_import_file_full (GFile         *file,
                     GCancellable  *cancellable,
                     GBytes       **bytes_read,
                     GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  FzDocument *doc;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (bytes_read != NULL)
    *bytes_read = NULL;
  name = file_display_name (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL)
    {
      goffset size = g_file_info_get_size (info);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSUPPORTED,
                               _("This is a folder, not a report file."));
          prefix_with_name (error, name);
          return NULL;
        }

      /* Refused from its size alone, before reading. */
      if (size > FZ_IMPORT_MAX_BYTES ||
          (size > FZ_IMPORT_MAX_TEXT_BYTES && !starts_like_container (file, cancellable)))
        {
          set_too_large (error, size > FZ_IMPORT_MAX_BYTES ? FZ_IMPORT_MAX_BYTES : FZ_IMPORT_MAX_TEXT_BYTES);
          prefix_with_name (error, name);
          return NULL;
        }
    }

  bytes = read_bounded (file, cancellable, error);
  if (bytes == NULL)
    {
      prefix_with_name (error, name);
      return NULL;
    }

  doc = fz_import_bytes (bytes, name, cancellable, error);
  if (doc == NULL)
    prefix_with_name (error, name);
  if (bytes_read != NULL)
    *bytes_read = g_steal_pointer (&bytes);

  return doc;
}

const char *
fz_import_file_detect_format (GFile        *file,
                              GCancellable *cancellable)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = read_bounded (file, cancellable, NULL);
  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return NULL;

  return fz_import_detect_format (bytes);
}

FzDocument *
fz_import_bytes (GBytes        *bytes,
                 const char    *display_name,
                 GCancellable  *cancellable,
                 GError       **error)
{
  const char *format;
  FzImporter importer = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_EMPTY,
                           _("The file is empty."));
      return NULL;
    }
  if (g_bytes_get_size (bytes) > FZ_IMPORT_MAX_BYTES)
    {
      set_too_large (error, FZ_IMPORT_MAX_BYTES);
      return NULL;
    }

  if ((format = detect (bytes, cancellable, error)) == NULL)
    return NULL;

  if ((g_str_equal (format, "text") || g_str_equal (format, "html") || g_str_equal (format, "mhtml")) &&
      g_bytes_get_size (bytes) > FZ_IMPORT_MAX_TEXT_BYTES)
    {
      set_too_large (error, FZ_IMPORT_MAX_TEXT_BYTES);
      return NULL;
    }

  if (g_str_equal (format, "text"))
    return import_text (bytes, display_name, error);
  else if (g_str_equal (format, "docx"))
    importer = _fz_import_docx;
  else if (g_str_equal (format, "odt"))
    importer = _fz_import_odt;
  else if (g_str_equal (format, "pdf"))
    importer = _fz_import_pdf;
  else if (g_str_equal (format, "ofd"))
    importer = _fz_import_ofd;
  else if (g_str_equal (format, "html"))
    importer = _fz_import_html;
  else if (g_str_equal (format, "mhtml"))
    importer = _fz_import_mhtml;
  else if (g_str_equal (format, "doc") || g_str_equal (format, "wps") ||
           g_str_equal (format, "works") || g_str_equal (format, "rtf"))
    return _fz_import_convert (bytes, format, display_name, cancellable, error);

  if (importer != NULL)
    return importer (bytes, display_name, cancellable, error);

  if (g_str_equal (format, "encrypted"))
    g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_ENCRYPTED,
                         _("The document is protected by a password. Ask the sender for a copy without a password."));
  else if (g_str_equal (format, "xlsx") || g_str_equal (format, "xls"))
    g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSUPPORTED,
                         _("This is a spreadsheet, not a report. Open the report itself."));
  else if (g_str_equal (format, "pptx") || g_str_equal (format, "ppt"))
    g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSUPPORTED,
                         _("This is a presentation, not a report. Open the report itself."));
  else if (g_str_equal (format, "opendocument"))
    g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSUPPORTED,
                         _("This OpenDocument file is not a text document (perhaps a spreadsheet or a presentation). Open the report itself."));
  else if (g_str_equal (format, "zip"))
    g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSUPPORTED,
                         _("This is a zip archive, not a report. Unpack it and open the report inside."));
  else
    g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSUPPORTED,
                         _("This is an Office file of a kind that cannot be read. Save the report as .docx or .txt and open that."));

  return NULL;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  FzDocument *doc = fz_import_file (G_FILE (task_data), cancellable, &error);

  if (doc == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, doc, g_object_unref);
}

void
fz_import_file_async (GFile              *file,
                      int                 io_priority,
                      GCancellable       *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fz_import_file_async);
  g_task_set_priority (task, io_priority);
  /* The importers check @cancellable themselves and answer in the
   * FZ_IMPORT_ERROR domain, like every other failure. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}

FzDocument *
fz_import_file_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
