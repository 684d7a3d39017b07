/* fz-return.h: the report sent back to its unit with the review in the margin
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "fz-analysis.h"
#include "fz-review.h"

G_BEGIN_DECLS

typedef enum
{
  FZ_REMARK_OPINION,              /* the overall opinion and the rectification requests, on the title */
  FZ_REMARK_ELEMENT,              /* a checklist element missing, partial, to verify, or decided with a reason */
  FZ_REMARK_FINDING,              /* a finding kept */
  FZ_REMARK_ANNOTATION,           /* the reviewer's annotation */
} FzRemarkKind;

/* Where a remark's comment ended up in the returned document. */
typedef enum
{
  FZ_REMARK_ANCHOR_EXACT,         /* on its passage */
  FZ_REMARK_ANCHOR_NEAR,          /* on the start of the passage's paragraph */
  FZ_REMARK_ANCHOR_DOCUMENT,      /* on the first words of the report */
} FzRemarkAnchor;

/* "opinion", "element", "finding", "annotation" */
const char *fz_remark_kind_to_string (FzRemarkKind kind);

typedef struct
{
  FzRemarkKind    kind;
  char           *id;             /* the element or finding id; "annotation:N"; "opinion" */
  guint           start;          /* the passage it is anchored on, in the report's characters */
  guint           end;
  char           *text;           /* the comment, in Chinese; '\n' between its paragraphs */
  GDateTime      *date;          /* when the reviewer made it; nullable */
  FzRemarkAnchor  anchor;         /* set when rendered */
} FzRemark;

#define FZ_TYPE_REMARK (fz_remark_get_type ())

GType     fz_remark_get_type (void) G_GNUC_CONST;
FzRemark *fz_remark_copy     (const FzRemark *remark);
void      fz_remark_free     (FzRemark       *remark);

typedef enum
{
  FZ_RETURN_ORIGINAL,             /* the unit's own .docx, with comments */
  FZ_RETURN_TEXT,                 /* a new .docx of the report's text, with comments */
} FzReturnKind;

#define FZ_TYPE_RETURN (fz_return_get_type ())

G_DECLARE_FINAL_TYPE (FzReturn, fz_return, FZ, RETURN, GObject)

/* The report of @analysis returned with the reviewer's judgement from
 * @review (nullable: the machine's findings alone).  The remarks are
 * short and written in Chinese, as the memo is. */
FzReturn     *fz_return_new            (FzAnalysis    *analysis,
                                        FzReview      *review);
FzAnalysis   *fz_return_get_analysis   (FzReturn      *self);
FzReview     *fz_return_get_review     (FzReturn      *self);

/* The comments' author: the review's reviewer unless set. */
const char   *fz_return_get_author     (FzReturn      *self);
void          fz_return_set_author     (FzReturn      *self,
                                        const char    *author);
/* The date of remarks that carry none of their own (the overall opinion,
 * the machine's findings): the time of the export unless set. */
GDateTime    *fz_return_get_date       (FzReturn      *self);
void          fz_return_set_date       (FzReturn      *self,
                                        GDateTime     *date);
/* The findings the reviewer kept (FzFinding, nullable).  Unset, every
 * error and warning of the analysis is kept, notes are not. */
void          fz_return_set_findings   (FzReturn      *self,
                                        GPtrArray     *findings);

/* FzRemark in the order of their passages. */
GPtrArray    *fz_return_get_remarks    (FzReturn      *self);

/* The returned .docx: @original's own package with the remarks as Word
 * comments when it is a .docx (the bytes of the very file analysed),
 * else, or when @original is NULL or a .docx that cannot take them, a
 * .docx of the report's text with the same comments.  @kind says which. */
GBytes       *fz_return_render         (FzReturn      *self,
                                        GBytes        *original,
                                        FzReturnKind  *kind,
                                        GError       **error);
/* Reads @original (nullable), renders and writes @destination beside
 * its place and renames it over it.  Refuses to write over @original.
 * Blocking. */
gboolean      fz_return_export         (FzReturn      *self,
                                        GFile         *original,
                                        GFile         *destination,
                                        GCancellable  *cancellable,
                                        FzReturnKind  *kind,
                                        GError       **error);
/* The same with @original's bytes already read (nullable: the report's
 * text is returned): a caller that has checked they are the bytes the
 * report was analysed from.  Still refuses to write over @original. */
gboolean      fz_return_export_bytes   (FzReturn      *self,
                                        GFile         *original,
                                        GBytes        *bytes,
                                        GFile         *destination,
                                        GCancellable  *cancellable,
                                        FzReturnKind  *kind,
                                        GError       **error);
void          fz_return_export_async   (FzReturn            *self,
                                        GFile               *original,
                                        GFile               *destination,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean      fz_return_export_finish  (FzReturn            *self,
                                        GAsyncResult        *result,
                                        FzReturnKind        *kind,
                                        GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzRemark, fz_remark_free)

G_END_DECLS
