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


static void
set_too_large (GError **error,
               gsize    limit)
{
  g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_TOO_LARGE,
               _("The file is larger than %d MB; a report is far smaller. Check that this is the right file."),
               (int) (limit / (1024 * 1024)));
}

static FzDocument *import_bytes (GBytes *bytes, const char *display_name, FzImportProgress *progress,
                                 GCancellable *cancellable, GError **error);
static FzDocument *import_file (GFile *file, FzImportProgress *progress, GCancellable *cancellable,
                                GBytes **bytes_read, GError **error);

/* "%PDF-" in the first bytes, zero bytes or not. */
static gboolean
has_pdf_marker (const char *head,
                gsize       n)
{
  for (gsize i = 0; i + 5 <= n; i++)
    if (memcmp (head + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
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

  return (n >= 4 && memcmp (head, "PK\x03\x04", 4) == 0) ||
         (n >= 8 && memcmp (head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) ||
         (n >= 5 && memcmp (head, "{\\rtf", 5) == 0) ||
         has_pdf_marker (head, n);
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
  const char *label = NULL;
  gsize n_undecoded = 0;
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

  utf8 = _fz_text_decode_full (data, len, NULL, FALSE, &encoding, &label, &n_undecoded, error);
  if (utf8 == NULL)
    return NULL;

  if (fz_text_is_blank (utf8))
    {
      g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_EMPTY,
                   _("The file contains no text."));
      return NULL;
    }

  doc = fz_document_new_from_text (utf8, -1, display_name);
  fz_document_set_encoding (doc, encoding);
  _fz_document_warn_encoding (doc, label, n_undecoded);

  return doc;
}

/* A file named as a word processor's that is neither text nor a format
 * told by its bytes (WordPerfect 4, DisplayWrite, Word for DOS…) goes to
 * LibreOffice, which knows many more. */
static FzDocument *
import_text_or_legacy (GBytes            *bytes,
                       const char        *display_name,
                       FzImportProgress  *progress,
                       GCancellable      *cancellable,
                       GError           **error)
{
  static const char * const word_processors[] = { ".doc", ".dot", ".wps", ".wpd", ".wp", ".wp5", ".wri" };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *lower = display_name ? g_ascii_strdown (display_name, -1) : NULL;
  FzDocument *doc = import_text (bytes, display_name, &local_error);

  if (doc != NULL)
    return doc;
  for (guint i = 0; lower != NULL && i < G_N_ELEMENTS (word_processors); i++)
    if (g_error_matches (local_error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_BINARY) &&
        g_str_has_suffix (lower, word_processors[i]))
      return _fz_import_convert (bytes, "doc", display_name, progress, cancellable, error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
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
  return import_file (file, NULL, cancellable, NULL, error);
}

FzDocument *
fz_import_file_full (GFile             *file,
                     FzImportProgress  *progress,
                     GCancellable      *cancellable,
                     GBytes           **bytes_read,
                     GError           **error)
{
  return import_file (file, progress, cancellable, bytes_read, error);
}

FzDocument *
fz_import_file_with_progress (GFile             *file,
                              FzImportProgress  *progress,
                              GCancellable      *cancellable,
                              GError           **error)
{
  return import_file (file, progress, cancellable, NULL, error);
}

static FzDocument *
import_file (GFile             *file,
             FzImportProgress  *progress,
             GCancellable      *cancellable,
             GBytes           **bytes_read,
             GError           **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  FzDocument *doc;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (bytes_read != NULL)
    *bytes_read = NULL;
  name = file_display_name (file);
  _fz_import_progress_update (progress, FZ_IMPORT_STAGE_READING, 0, 0);

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

  doc = import_bytes (bytes, name, progress, cancellable, error);
  if (doc == NULL)
    prefix_with_name (error, name);
  if (bytes_read != NULL)
    *bytes_read = g_steal_pointer (&bytes);

  return doc;
}

gboolean
fz_import_file_needs_conversion (GFile        *file,
                                 GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) in = NULL;
  char head[4096];
  gsize n = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* The first bytes tell: a compound file (Word, WPS, Works), RTF,
   * WordPerfect or an older Word. */
  in = g_file_read (file, cancellable, NULL);
  if (in == NULL || !g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head, &n, cancellable, NULL))
    return FALSE;
  return _fz_import_head_converts (head, n);
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

gboolean
_fz_import_format_converts (const char *format)
{
  static const char * const converted[] = { "doc", "wps", "works", "rtf", "wordperfect" };

  for (guint i = 0; format != NULL && i < G_N_ELEMENTS (converted); i++)
    if (g_str_equal (format, converted[i]))
      return TRUE;
  return FALSE;
}

static FzDocument *
import_bytes (GBytes            *bytes,
              const char        *display_name,
              FzImportProgress  *progress,
              GCancellable      *cancellable,
              GError           **error)
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

  if ((format = _fz_import_detect (bytes, cancellable, error)) == NULL)
    return NULL;

  if ((g_str_equal (format, "text") || g_str_equal (format, "html") || g_str_equal (format, "mhtml")) &&
      g_bytes_get_size (bytes) > FZ_IMPORT_MAX_TEXT_BYTES)
    {
      set_too_large (error, FZ_IMPORT_MAX_TEXT_BYTES);
      return NULL;
    }

  if (!_fz_import_format_converts (format))
    _fz_import_progress_update (progress, FZ_IMPORT_STAGE_EXTRACTING, 0, 0);

  if (g_str_equal (format, "text"))
    return import_text_or_legacy (bytes, display_name, progress, cancellable, error);
  else if (g_str_equal (format, "link"))
    {
      gsize len;
      const char *data = g_bytes_get_data (bytes, &len);
      g_autofree char *target = _fz_import_link_target (data, len);

      g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_NOT_DOCUMENT,
                   _("This file holds only the path “%s”, not a document: a link was copied as a small file in its place (Git does this on systems without links). Open the file it points to."),
                   target);
      return NULL;
    }
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
  else if (_fz_import_format_converts (format))
    return _fz_import_convert (bytes, format, display_name, progress, cancellable, error);

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

FzDocument *
fz_import_bytes (GBytes        *bytes,
                 const char    *display_name,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return import_bytes (bytes, display_name, NULL, cancellable, error);
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
