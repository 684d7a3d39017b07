/* fz-batch-page-private.h: the batch page's state, shared by its files
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fz-batch-page.h"
#include "fz-frame-step.h"

G_BEGIN_DECLS

/* The fixed entries of the filter drop-down; the required elements follow. */
enum {
  FILTER_ALL,
  FILTER_ATTENTION,
  FILTER_UNREVIEWED,
  FILTER_OTHER_YEAR,
  FILTER_COPIES,
  FILTER_UNREADABLE,
  FILTER_FIRST_ELEMENT,
};

struct _FzBatchPage
{
  AdwBin               parent_instance;

  GtkLabel            *summary_label;
  GtkButton           *cancel_button;
  GtkProgressBar      *progress_bar;
  GtkSearchEntry      *filter_entry;
  GtkDropDown         *filter_dropdown;
  GtkLabel            *count_label;
  GtkScrolledWindow   *unit_scroller;
  GtkColumnView       *unit_view;      /* the unit column, which stays put */
  GtkScrolledWindow   *matrix_scroller;
  GtkColumnView       *column_view;    /* every other column, scrolled sideways */
  GtkDropDown         *grade_dropdown;
  AdwPreferencesGroup *copies_group;
  GtkListBox          *copies_list;

  GPtrArray           *files;          /* GFile, as dropped */
  char                *title;
  char                *ruleset_id;     /* for a batch not saved before */
  FzRuleSetStore      *rulesets;       /* nullable, the application's */
  FzReviewStore       *reviews;        /* nullable, the application's */
  FzBatch             *batch;          /* replaced by the saved one once read */
  GCancellable        *cancellable;
  GListStore          *rows;           /* FzBatchEntry, the reports graded */
  GPtrArray           *pending_rows;   /* FzBatchEntry read, going into @rows a few a turn */
  FzFrameStep          rows_wait;     /* the next rows into the matrix */
  FzFrameStep          copies_wait;   /* the shared passages, once read */
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;
  GtkSortListModel    *sorted;
  GtkSingleSelection  *selection;
  GPtrArray           *element_ids;    /* required elements, in the rule set's order */
  GHashTable          *year_cells;     /* GtkListItem of the year column bound now */
  GPtrArray           *copy_rows;
  GFile               *state_file;
  guint                frozen;         /* the filter is checked once, after a bulk change */
  guint                refresh_id;
  guint                scroll_id;      /* one view follows the other's scrolling */
  guint                scroll_source;  /* 1: the matrix scrolled, 2: the units */

  guint                running : 1;
  guint                saving : 1;     /* the batch is being written */
  guint                save_again : 1; /* and changed since */
  guint                syncing : 1;    /* the grade drop-down set by code */
  guint                sorting : 1;    /* one of the two views' sorting cleared by code */
  guint                scrolling : 1;  /* one view scrolled to follow the other */
};

/* fz-batch-columns.c */
/* Fills both views with their columns (anew) and the filter drop-down
 * with the required elements of the batch's rule set; returns the sorter
 * the rows are sorted by. */
GtkSorter  *_fz_batch_page_build_columns (FzBatchPage  *self);
/* The year cells on screen shown again: the batch's year, which flags
 * the reports about another, is known only once every report is read. */
void        _fz_batch_page_refresh_years (FzBatchPage  *self);
void        _fz_batch_page_forget_year_cells (FzBatchPage *self);
/* The unit, else the file's name for a report whose unit is unknown. */
const char *_fz_batch_page_unit_text     (FzBatchEntry *entry);

/* fz-batch-filter.c */
gboolean    _fz_batch_page_filter_func        (gpointer      item,
                                               gpointer      user_data);
void        _fz_batch_page_update_count       (FzBatchPage  *self);
void        _fz_batch_page_on_filter_changed  (FzBatchPage  *self);
gboolean    _fz_batch_page_flush_refresh      (gpointer      data);
/* @entry changed: whether it passes the filter may change too. */
void        _fz_batch_page_refresh_entry      (FzBatchPage  *self,
                                               FzBatchEntry *entry);

/* fz-batch-copies.c */
/* The group of pairs sharing passages, rebuilt from the batch. */
void        _fz_batch_page_show_copies        (FzBatchPage  *self);

G_END_DECLS
