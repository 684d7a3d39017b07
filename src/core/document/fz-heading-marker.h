/* fz-heading-marker.h: the numbers in front of 公文 headings
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The four 公文 heading levels of GB/T 9704 §7.3.3. */
typedef enum
{
  FZ_MARKER_NONE = 0,
  FZ_MARKER_CHINESE = 1,          /* 一、 */
  FZ_MARKER_PAREN_CHINESE = 2,    /* （一） */
  FZ_MARKER_ARABIC = 3,           /* 1. */
  FZ_MARKER_PAREN_ARABIC = 4,     /* （1） */
} FzMarkerLevel;

typedef struct
{
  FzMarkerLevel level;
  guint         number;           /* 1 for 一 */
  gsize         marker_bytes;     /* bytes taken by the marker and any space after it */
  guint         marker_chars;
  guint         standard : 1;     /* written exactly as GB/T 9704: 一、（一）1.（1） */
  guint         halfwidth_brackets : 1;
} FzHeadingMarker;

/* Reads a heading marker at the start of @text (NUL-terminated or @len
 * bytes).  Inline enumerations such as "一是" are not markers. */
gboolean   fz_heading_marker_parse (const char      *text,
                                    gsize            len,
                                    FzHeadingMarker *marker);

G_END_DECLS
