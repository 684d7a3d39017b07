/* fz-error.h: error domains of libfazhi
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FZ_IMPORT_ERROR  (fz_import_error_quark ())
#define FZ_RULESET_ERROR (fz_ruleset_error_quark ())

typedef enum
{
  FZ_IMPORT_ERROR_NOT_FOUND,
  FZ_IMPORT_ERROR_UNREADABLE,
  FZ_IMPORT_ERROR_EMPTY,
  FZ_IMPORT_ERROR_BINARY,
  FZ_IMPORT_ERROR_TOO_LARGE,
  FZ_IMPORT_ERROR_ENCODING,
  FZ_IMPORT_ERROR_UNSUPPORTED,
  FZ_IMPORT_ERROR_CORRUPT,
  FZ_IMPORT_ERROR_NO_TEXT,
  FZ_IMPORT_ERROR_CANCELLED,
  FZ_IMPORT_ERROR_ENCRYPTED,
  FZ_IMPORT_ERROR_UNSAFE,
  FZ_IMPORT_ERROR_MISSING_TOOL,
  FZ_IMPORT_ERROR_TIMEOUT,
  FZ_IMPORT_ERROR_NOT_DOCUMENT,   /* a path left in place of a link, not a document */
} FzImportError;

typedef enum
{
  FZ_RULESET_ERROR_NOT_FOUND,
  FZ_RULESET_ERROR_PARSE,
  FZ_RULESET_ERROR_INVALID,
} FzRuleSetError;

GQuark      fz_import_error_quark        (void);
GQuark      fz_ruleset_error_quark       (void);

/* Short machine code for JSON ("not_found", "binary", …). */
const char *fz_import_error_code_to_string (int code);

G_END_DECLS
