/* fz-error.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-error.h"

G_DEFINE_QUARK (fz-import-error-quark, fz_import_error)
G_DEFINE_QUARK (fz-ruleset-error-quark, fz_ruleset_error)

const char *
fz_import_error_code_to_string (int code)
{
  switch ((FzImportError) code)
    {
    case FZ_IMPORT_ERROR_NOT_FOUND:   return "not_found";
    case FZ_IMPORT_ERROR_UNREADABLE:  return "unreadable";
    case FZ_IMPORT_ERROR_EMPTY:       return "empty";
    case FZ_IMPORT_ERROR_BINARY:      return "binary";
    case FZ_IMPORT_ERROR_TOO_LARGE:   return "too_large";
    case FZ_IMPORT_ERROR_ENCODING:    return "encoding";
    case FZ_IMPORT_ERROR_UNSUPPORTED: return "unsupported";
    case FZ_IMPORT_ERROR_CORRUPT:     return "corrupt";
    case FZ_IMPORT_ERROR_NO_TEXT:     return "no_text";
    case FZ_IMPORT_ERROR_CANCELLED:   return "cancelled";
    case FZ_IMPORT_ERROR_ENCRYPTED:   return "encrypted";
    case FZ_IMPORT_ERROR_UNSAFE:      return "unsafe";
    case FZ_IMPORT_ERROR_MISSING_TOOL: return "missing_tool";
    case FZ_IMPORT_ERROR_TIMEOUT:     return "timeout";
    case FZ_IMPORT_ERROR_NOT_DOCUMENT: return "not_document";
    default:                          return "error";
    }
}
