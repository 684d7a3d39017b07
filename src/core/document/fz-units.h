/* fz-units.h: names of reporting units and of the organs a report goes to
 *
 * A report's level (township, county, city, province, department) is the
 * level of the unit that writes it, and a unit's name says it at its end:
 * "重庆市渝北区大盛镇人民政府" is a township, "区市场监管局" a department.
 * The words are in data/lists/units.txt.  All functions take simplified
 * text (see fz_script_simplify()) and are thread-safe.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fz-types.h"

G_BEGIN_DECLS

/* The level of the unit named by @name[0, @len) (@len may be -1), read
 * from its end; FZ_LEVEL_UNKNOWN when it names no unit.  Joint names
 * ("中共X县委、X县人民政府") give the level of their first part. */
FzLevel  fz_units_level_of    (const char *name,
                               gssize      len);

/* Whether @name[0, @len) is the name of a unit or an organ (县委, 市司法局,
 * 各单位, 县委依法治县办): what a 主送机关 line lists. */
gboolean fz_units_is_organ    (const char *name,
                               gssize      len);

/* Where the subject of a clause of an opening sentence ends: the byte
 * offset of the first "stop" word at or after byte 2 in @clause[0, @len),
 * else @len.  0 when the clause opens with an adverbial (在…、按照…). */
gsize    fz_units_subject_end (const char *clause,
                               gsize       len);

G_END_DECLS
