/* fz-checker.h: a rule set applied to a document
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-document.h"
#include "fz-metadata.h"
#include "fz-outline.h"
#include "fz-ruleset.h"

G_BEGIN_DECLS

typedef struct
{
  guint start;
  guint end;
} FzRange;

struct _FzElementResult
{
  char     *id;
  char     *name;                 /* in the reviewer's language */
  gboolean  required;
  FzStatus  status;
  double    confidence;           /* 0–1 */
  char     *explanation;          /* in the reviewer's language */
  GArray   *evidence;             /* FzRange, in document order */
  int       section;              /* the section that carries the element, -1 if none */
};

GType            fz_element_result_get_type (void) G_GNUC_CONST;
FzElementResult *fz_element_result_copy     (const FzElementResult *result);
void             fz_element_result_free     (FzElementResult       *result);

/* Gives each element of @rules a status, in the rule set's order, and sets
 * FzSection.element on the sections it used.  Thread-safe. */
GPtrArray       *fz_checker_run             (FzRuleSet        *rules,
                                             FzDocument       *document,
                                             GPtrArray        *sections,
                                             const FzMetadata *metadata);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzElementResult, fz_element_result_free)

G_END_DECLS
