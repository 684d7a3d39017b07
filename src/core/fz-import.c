/* fz-import.c: the one entry point that turns a file into an FzDocument
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-import"

#include "config.h"

#include <string.h>

#include "fz-i18n.h"
#include "fz-import.h"
#include "fz-text-util.h"

typedef enum
{
  SNIFF_TEXT,
  SNIFF_ZIP,
  SNIFF_PDF,
  SNIFF_OLE,
  SNIFF_RTF,
  SNIFF_HTML,
  SNIFF_BINARY,
} Sniff;

static gboolean
has_prefix (const char *data,
            gsize       len,
            const char *magic,
            gsize       magic_len)
{
  return len >= magic_len && memcmp (data, magic, magic_len) == 0;
}

static Sniff
sniff (const char *data,
       gsize       len)
{
  gsize i;

  if (has_prefix (data, len, "PK\x03\x04", 4))
    return SNIFF_ZIP;
  if (has_prefix (data, len, "%PDF", 4))
    return SNIFF_PDF;
  if (has_prefix (data, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    return SNIFF_OLE;
  if (has_prefix (data, len, "{\\rtf", 5))
    return SNIFF_RTF;

  /* Skip a UTF-8 BOM and leading space before looking for markup. */
  i = has_prefix (data, len, "\xEF\xBB\xBF", 3) ? 3 : 0;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  if (len - i >= 5 && (g_ascii_strncasecmp (data + i, "<!doc", 5) == 0 ||
                       g_ascii_strncasecmp (data + i, "<html", 5) == 0))
    return SNIFF_HTML;

  return SNIFF_TEXT;
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

/* Prefixes @error's message with the file name, so every message the
 * reviewer sees says which of the dropped files it is about. */
static void
prefix_with_name (GError     **error,
                  const char  *display_name)
{
  if (error != NULL && *error != NULL && display_name != NULL)
    g_prefix_error (error, _("Cannot open “%s”: "), display_name);
}

FzDocument *
fz_import_text_bytes (GBytes     *bytes,
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
      prefix_with_name (error, display_name);
      return NULL;
    }

  if (len > FZ_IMPORT_MAX_BYTES)
    {
      g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB; a report is far smaller. Check that this is the right file."),
                   FZ_IMPORT_MAX_BYTES / (1024 * 1024));
      prefix_with_name (error, display_name);
      return NULL;
    }

  utf8 = fz_text_decode (data, len, &encoding, error);
  if (utf8 == NULL)
    {
      prefix_with_name (error, display_name);
      return NULL;
    }

  if (is_blank (utf8))
    {
      g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_EMPTY,
                   _("The file contains no text."));
      prefix_with_name (error, display_name);
      return NULL;
    }

  doc = fz_document_new_from_text (utf8, -1, display_name);
  fz_document_set_encoding (doc, encoding);

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
      if (code == FZ_IMPORT_ERROR_NOT_FOUND)
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
          g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_TOO_LARGE,
                       _("The file is larger than %d MB; a report is far smaller. Check that this is the right file."),
                       FZ_IMPORT_MAX_BYTES / (1024 * 1024));
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
  g_autofree char *name = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = file_display_name (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSUPPORTED,
                               _("This is a folder, not a report file."));
          prefix_with_name (error, name);
          return NULL;
        }
      if (g_file_info_get_size (info) > FZ_IMPORT_MAX_BYTES)
        {
          g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_TOO_LARGE,
                       _("The file is larger than %d MB; a report is far smaller. Check that this is the right file."),
                       FZ_IMPORT_MAX_BYTES / (1024 * 1024));
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

  data = g_bytes_get_data (bytes, &len);
  switch (sniff (data, len))
    {
    case SNIFF_TEXT:
      return fz_import_text_bytes (bytes, name, error);

    case SNIFF_ZIP:
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSUPPORTED,
                           _("This is a Word, OpenDocument or OFD file, which this version cannot read yet. Save the report as plain text (.txt) and open that."));
      break;
    case SNIFF_PDF:
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSUPPORTED,
                           _("This is a PDF file, which this version cannot read yet. Save the report as plain text (.txt) and open that."));
      break;
    case SNIFF_OLE:
    case SNIFF_RTF:
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSUPPORTED,
                           _("This is a .doc, .wps or .rtf file, which this version cannot read yet. Save the report as plain text (.txt) and open that."));
      break;
    case SNIFF_HTML:
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSUPPORTED,
                           _("This is a web page, which this version cannot read yet. Copy the report's text into a .txt file and open that."));
      break;
    case SNIFF_BINARY:
    default:
      g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_BINARY,
                           _("The file holds binary data, not text."));
      break;
    }

  prefix_with_name (error, name);
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
