/* fz-finding.h: one problem the checks report
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-types.h"

G_BEGIN_DECLS

struct _FzFinding
{
  char       *id;                 /* "repeated_word", "punct_halfwidth", … */
  FzSeverity  severity;
  char       *message;            /* in the reviewer's language */
  guint       start;
  guint       end;
  char       *text;               /* the text in [start, end) */
  char       *suggestion;         /* nullable */
};

#define FZ_TYPE_FINDING (fz_finding_get_type ())

GType      fz_finding_get_type (void) G_GNUC_CONST;
FzFinding *fz_finding_new      (const char       *id,
                                FzSeverity        severity,
                                guint             start,
                                guint             end,
                                const char       *text,
                                const char       *message);
FzFinding *fz_finding_copy     (const FzFinding  *finding);
void       fz_finding_free     (FzFinding        *finding);

/* What findings of kind @id are, in a few words of the reviewer's
 * language ("half-width punctuation"); @id itself for an unknown kind. */
const char *fz_finding_get_kind_label    (const char *id);
/* The same in Chinese (@chinese) or English, whatever the locale. */
const char *fz_finding_get_kind_label_in (const char *id,
                                          gboolean    chinese);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzFinding, fz_finding_free)

G_END_DECLS
