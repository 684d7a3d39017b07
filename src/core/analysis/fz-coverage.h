/* fz-coverage.h: which task areas of the 纲要 a report covers
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  FZ_COVERAGE_ABSENT,             /* no keyword of the area */
  FZ_COVERAGE_MENTIONED,          /* fewer hits than the rule set's min-hits */
  FZ_COVERAGE_COVERED,
} FzCoverageStatus;

typedef struct _FzCoverageArea FzCoverageArea;

struct _FzCoverageArea
{
  char             *id;           /* "area_functions" */
  char             *part;         /* the outline's part number: "二" */
  char             *name;         /* Chinese */
  char             *name_en;
  FzCoverageStatus  status;
  guint             hits;         /* keyword occurrences in the report */
  char            **keywords;     /* distinct keywords found, in order of first use; never NULL */
  guint             start;        /* the first occurrence; 0 and 0 when none */
  guint             end;
};

#define FZ_TYPE_COVERAGE_AREA (fz_coverage_area_get_type ())

GType           fz_coverage_area_get_type (void) G_GNUC_CONST;
FzCoverageArea *fz_coverage_area_copy     (const FzCoverageArea *area);
void            fz_coverage_area_free     (FzCoverageArea       *area);
/* The area's title in the reviewer's language. */
const char     *fz_coverage_area_get_display_name (const FzCoverageArea *area);

/* "absent", "mentioned", "covered": stable, for JSON. */
const char     *fz_coverage_status_to_string (FzCoverageStatus status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzCoverageArea, fz_coverage_area_free)

G_END_DECLS
