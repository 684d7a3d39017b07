/* fz-filing-private.h: how a review saves and reads its filing record
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fz-filing.h"
#include "fz-json-reader.h"

G_BEGIN_DECLS

/* Fills @self from @o (see fz_filing_to_json()) without emitting
 * ::changed; a wrong member fails @r (and leaves @self as it was). */
gboolean    _fz_filing_read_json (FzFiling     *self,
                                  FzJsonReader *r,
                                  JsonObject   *o);

G_END_DECLS
