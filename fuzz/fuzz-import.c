/* fuzz-import.c: libFuzzer harness for one importer
 *
 * Built once per importer (FUZZ_FORMAT names it) when -Dfuzzing=true:
 * whatever the bytes, the importer returns a document or an error, within
 * bounded time and memory, without touching memory it should not.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-import-private.h"
#include "libfazhi.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fz_init ();
  /* A critical is a broken precondition inside our code: a finding. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_FATAL_MASK);
  return 0;
}

static FzDocument *
import (GBytes  *bytes,
        GError **error)
{
  const char *format = FUZZ_FORMAT;

  if (strcmp (format, "docx") == 0)
    return _fz_import_docx (bytes, "fuzz", NULL, error);
  if (strcmp (format, "odt") == 0)
    return _fz_import_odt (bytes, "fuzz", NULL, error);
  if (strcmp (format, "pdf") == 0)
    return _fz_import_pdf (bytes, "fuzz", NULL, error);
  if (strcmp (format, "ofd") == 0)
    return _fz_import_ofd (bytes, "fuzz", NULL, error);
  if (strcmp (format, "html") == 0)
    return _fz_import_html (bytes, "fuzz", NULL, error);
  if (strcmp (format, "mhtml") == 0)
    return _fz_import_mhtml (bytes, "fuzz", NULL, error);

  /* "detect": format detection on anything, then the text importer, the
   * route every unrecognised file takes.  Converted formats would start
   * LibreOffice, which is not ours to fuzz. */
  if (g_strcmp0 (fz_import_detect_format (bytes), "text") == 0)
    return fz_import_text_bytes (bytes, "fuzz", error);
  g_set_error_literal (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSUPPORTED, "not text");
  return NULL;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FzDocument) doc = NULL;

  if (size > 4 * 1024 * 1024)
    return 0;

  bytes = g_bytes_new (data, size);
  doc = import (bytes, &error);

  /* Walk what was built, so a document with bad offsets shows; whatever
   * the input, the text and the warnings are valid UTF-8. */
  if (doc != NULL)
    {
      GPtrArray *warnings = fz_document_get_warnings (doc);

      for (guint i = 0; i < fz_document_get_n_paragraphs (doc); i++)
        {
          gsize len;
          const char *text = fz_document_get_paragraph_text (doc, i, &len);
          g_assert (g_utf8_validate_len (text, len, NULL));
        }
      g_assert (g_utf8_validate (fz_document_get_text (doc), -1, NULL));
      for (guint i = 0; warnings != NULL && i < warnings->len; i++)
        g_assert (g_utf8_validate (g_ptr_array_index (warnings, i), -1, NULL));
    }
  else
    g_assert (error != NULL && error->domain == FZ_IMPORT_ERROR &&
              g_utf8_validate (error->message, -1, NULL));

  return 0;
}
