/* fz-outline.h: the heading tree of a report
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-document.h"
#include "fz-heading-marker.h"

G_BEGIN_DECLS

struct _FzSection
{
  int            index;           /* position in document order */
  int            parent;          /* index of the parent section, -1 at the top */
  guint          depth;           /* 1-based depth in the tree */
  FzMarkerLevel  marker_level;    /* the marker's own level; differs from depth when the writer skipped or restarted levels */
  guint          number;
  char          *label;           /* the marker as written: "一、", "(一)", "1、" */
  char          *heading;         /* heading text without marker, spaces or final 。 */
  guint          paragraph;       /* paragraph that holds the heading */
  guint          inline_heading : 1; /* a lead heading followed by body text in the same paragraph */
  guint          restarted : 1;   /* numbering restarted at 1 inside a same-style section */
  guint          start;           /* the marker's first character */
  guint          heading_end;     /* one past the heading text */
  guint          body_start;      /* first body character after the heading */
  guint          end;             /* one past the section's last character, subsections included */
  char          *element;         /* checklist element this section satisfies, set by the checker; nullable */
};

GType      fz_section_get_type (void) G_GNUC_CONST;
FzSection *fz_section_copy     (const FzSection *section);
void       fz_section_free     (FzSection       *section);

/* Builds the section tree (an array of FzSection in document order). */
GPtrArray *fz_outline_build    (FzDocument *document);

/* The innermost section holding character @offset, or -1. */
int        fz_outline_section_at (GPtrArray *sections,
                                  guint      offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzSection, fz_section_free)

G_END_DECLS
