/* fz-round-point.h: a point raised in the first round of a review, as it
 * stands in the revised report
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  FZ_POINT_ELEMENT,               /* a required element missing or partial */
  FZ_POINT_FINDING,               /* a kind of finding the reviewer kept */
  FZ_POINT_ANNOTATION,            /* the reviewer's annotation */
  FZ_POINT_RECTIFICATION,         /* one of the rectification requests */
} FzPointKind;

typedef enum
{
  FZ_POINT_RESOLVED,
  FZ_POINT_OPEN,                  /* still open */
  FZ_POINT_CHANGED,               /* changed: have a look */
} FzPointState;

#define FZ_TYPE_POINT_KIND  (fz_point_kind_get_type ())
#define FZ_TYPE_POINT_STATE (fz_point_state_get_type ())

GType       fz_point_kind_get_type      (void) G_GNUC_CONST;
GType       fz_point_state_get_type     (void) G_GNUC_CONST;
/* "element", "finding", "annotation", "rectification" */
const char *fz_point_kind_to_string     (FzPointKind    kind);
/* "resolved", "open", "changed" */
const char *fz_point_state_to_string    (FzPointState   state);
gboolean    fz_point_state_from_string  (const char    *str,
                                         FzPointState  *state);
/* 已整改, 仍未整改, 有改动待核实 */
const char *fz_point_state_to_chinese   (FzPointState   state);

#define FZ_TYPE_ROUND_POINT (fz_round_point_get_type ())

G_DECLARE_FINAL_TYPE (FzRoundPoint, fz_round_point, FZ, ROUND_POINT, GObject)

/* No place in a version: G_MAXUINT as start and end. */
#define FZ_ROUND_POINT_NO_PLACE G_MAXUINT

FzPointKind   fz_round_point_get_kind           (FzRoundPoint *self);
/* A stable key for the point within its review ("element:causes",
 * "finding:repeated_word", "annotation:2025-03-02T10:20:31Z",
 * "rectification:2"), under which its confirmation is kept. */
const char   *fz_round_point_get_key            (FzRoundPoint *self);
/* What the point was, in Chinese, as the memo names it. */
const char   *fz_round_point_get_text           (FzRoundPoint *self);
/* Why the machine proposes its state, in Chinese. */
const char   *fz_round_point_get_explanation    (FzRoundPoint *self);
/* The machine's proposal, from the comparison of the two versions. */
FzPointState  fz_round_point_get_proposed_state (FzRoundPoint *self);
/* The reviewer's state when confirmed, else the proposal. */
FzPointState  fz_round_point_get_state          (FzRoundPoint *self);
gboolean      fz_round_point_get_confirmed      (FzRoundPoint *self);
/* Where the point is in the first version and in the revised one
 * (characters of each), FZ_ROUND_POINT_NO_PLACE when nowhere. */
void          fz_round_point_get_first_place    (FzRoundPoint *self,
                                                 guint        *start,
                                                 guint        *end);
void          fz_round_point_get_second_place   (FzRoundPoint *self,
                                                 guint        *start,
                                                 guint        *end);

G_END_DECLS
