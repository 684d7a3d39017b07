/* fazhi-check-private.h: what the checker's files share
 *
 * The run's state and the printers, between the command line
 * (fazhi-check.c) and the output formats (fazhi-check-output.c).
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fazhi-check-rounds.h"
#include "fz-check-filing.h"
#include "libfazhi.h"

G_BEGIN_DECLS

#define EXIT_USAGE      2
#define EXIT_UNREADABLE 3
#define EXIT_MEMO       4

typedef enum
{
  OUTPUT_TEXT,
  OUTPUT_JSON,
} OutputFormat;

/* One report to print: a command-line argument, or a file found in a
 * folder given as one.  A file named twice is read once and printed twice. */
typedef struct
{
  char         *path;
  FzBatchEntry *entry;
} Job;

/* The fazhi-check/1 object of a report, serialized in the worker so that
 * output scales with cores.  "findings" and "text" are kept apart: the
 * copy_overlap findings and the grade are only known once every report is
 * read, and they are spliced in when printing. */
typedef struct
{
  char *path;
  char *head;             /* the object without "findings" and "text" */
  char *findings;         /* the findings array */
  char *text;             /* the "text" member's value, or NULL */
} Output;

/* Where a report's machine-only memo goes, and why it could not. */
typedef struct
{
  char   *path;
  GError *error;
} Memo;

typedef struct
{
  FzRuleSet    *rules;
  FzBatch      *batch;
  const FzCheckFiling *filing;
  OutputFormat  format;
  gboolean      with_text;
  gboolean      pretty;
  GHashTable   *outputs;  /* FzBatchEntry → Output; each written by one worker */
  GHashTable   *memos;    /* FzBatchEntry → Memo, likewise */
  FzcReturns   *returns;  /* --return, or NULL */
  FzcRounds    *rounds;   /* --resubmission-of, or NULL */
  FzcHistory   *history;  /* --previous, or NULL */
  gboolean      memo_score;   /* --memo-score */
  gboolean      defer_memos;  /* written once every report is read */
  GMainLoop    *loop;
  GError       *error;
} Run;

/* fazhi-check-output.c */
/* Worker thread: the report's fazhi-check/1 object, but for what only the
 * whole batch knows. */
void fzc_serialize_report  (Run          *run,
                            FzBatchEntry *entry,
                            FzAnalysis   *analysis,
                            const GError *error);
void fzc_print_text_report (GString      *out,
                            Job          *job,
                            Run          *run);
void fzc_print_json_report (GString      *out,
                            Job          *job,
                            Run          *run);
void fzc_print_json_batch  (GString      *out,
                            FzBatch      *batch,
                            GPtrArray    *jobs,
                            GPtrArray    *previous);

G_END_DECLS
