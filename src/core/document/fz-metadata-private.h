/* fz-metadata-private.h: the parts of metadata extraction
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-metadata.h"

G_BEGIN_DECLS

/* fz-reporter.c.  @opening is the index of the first body paragraph
 * before any heading, or -1. */
int     _fz_metadata_read_year  (FzDocument       *document,
                                 const FzMetadata *meta,
                                 GPtrArray        *sections,
                                 int               opening,
                                 guint            *from_title);
FzLevel _fz_metadata_read_level (FzDocument       *document,
                                 const FzMetadata *meta,
                                 int               opening);

G_END_DECLS
