/* fz-batch-run.c: reading a batch on a pool of workers
 *
 * The batch's analysis: one worker per core reads and checks the reports
 * (a second pool takes those LibreOffice must convert), hands the results
 * to the caller's main context in bunches, then looks for passages the
 * reports share.  Apart from the batch object because it is the one part
 * with threads: everything here that touches an entry runs on the main
 * context.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-batch"

#include "config.h"

#include <string.h>

#include "fz-batch-private.h"
#include "fz-error.h"
#include "fz-i18n.h"
#include "fz-import.h"
#include "fz-report.h"
#include "fz-thread-util.h"

/* Analysis */

typedef struct
{
  guint              index;       /* into Run.items */
  FzAnalysis        *analysis;
  GError            *error;
  FzCopyFingerprint *print;
  char              *sha256;
  char              *unit;
  char              *title;
  char              *date;
  FzLevel            level;
  int                year;
  GArray            *statuses;
  guint              n_findings[3];
  FzScoreFacts      *facts;       /* for the score, made on the main thread */
  FzReview          *review;      /* the live one, from the batch's store */
} Result;

typedef struct
{
  FzBatch      *self;
  GMainContext *context;
  GCancellable *cancellable;
  GThreadPool  *pool;
  GThreadPool  *convert_pool;     /* files read through LibreOffice */
  GPtrArray    *items;            /* FzBatchEntry */
  GPtrArray    *prints;           /* FzCopyFingerprint or NULL, parallel to @items */
  GMutex        mutex;
  GPtrArray    *done;             /* Result */
  gboolean      drain_pending;
  guint         n_received;
  GTask        *task;             /* the task owns the run; the run holds the
                                   * task until the pool is done */
} Run;

static void
result_free (Result *result)
{
  g_clear_object (&result->analysis);
  g_clear_error (&result->error);
  g_clear_pointer (&result->print, fz_copy_fingerprint_free);
  g_free (result->sha256);
  g_free (result->unit);
  g_free (result->title);
  g_free (result->date);
  g_clear_pointer (&result->statuses, g_array_unref);
  g_clear_pointer (&result->facts, fz_score_facts_free);
  g_clear_object (&result->review);
  g_free (result);
}

static void
run_free (Run *run)
{
  /* The first pool hands files to the second: it goes first. */
  if (run->pool != NULL)
    g_thread_pool_free (run->pool, TRUE, TRUE);
  if (run->convert_pool != NULL)
    g_thread_pool_free (run->convert_pool, TRUE, TRUE);
  g_clear_object (&run->self);
  g_clear_pointer (&run->context, g_main_context_unref);
  g_clear_object (&run->cancellable);
  g_clear_pointer (&run->items, g_ptr_array_unref);
  g_clear_pointer (&run->prints, g_ptr_array_unref);
  g_clear_pointer (&run->done, g_ptr_array_unref);
  g_mutex_clear (&run->mutex);
  g_free (run);
}

/* "…镇人民政府关于2024年度…的报告" → "…镇人民政府" */
static char *
unit_from_title (const char *title)
{
  const char *about;

  if (title == NULL || (about = strstr (title, "关于")) == NULL || about == title)
    return NULL;

  return g_strndup (title, about - title);
}

static gboolean drain_results (gpointer data);

/* With run->mutex held: one source at a time applies the results. */
static void
schedule_drain (Run *run)
{
  g_autoptr(GSource) source = NULL;

  if (run->drain_pending)
    return;

  run->drain_pending = TRUE;
  source = g_idle_source_new ();
  /* Not an idle priority: a window animating (a spinner in a slow
   * software renderer) is never idle, and the results would wait. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, drain_results, run, NULL);
  g_source_set_static_name (source, "[fazhi] batch results");
  g_source_attach (source, run->context);
}

static void
analyse_entry (Run   *run,
               guint  index)
{
  FzBatch *self = run->self;
  Result *result = g_new0 (Result, 1);
  FzBatchEntry *entry;
  g_autoptr(FzReport) report = NULL;
  FzDocument *doc = NULL;

  fz_thread_yield_to_foreground ();

  result->index = index;
  entry = g_ptr_array_index (run->items, result->index);

  /* The one pipeline every holder of a report uses: the file read once
   * under the importer's limits, hashed from those bytes (for saving, and
   * for a restored batch to see which files changed), then checked. */
  if (!g_cancellable_set_error_if_cancelled (run->cancellable, &result->error))
    {
      report = fz_report_new (entry->file, NULL, NULL);
      fz_report_set_ruleset (report, self->rules);
      if (fz_report_load (report, run->cancellable, &result->error))
        doc = fz_report_get_document (report);
      if (self->hash_files || entry->saved_sha256 != NULL || self->reviews != NULL)
        result->sha256 = g_strdup (fz_report_get_sha256 (report));
    }

  if (doc != NULL)
    {
      const FzMetadata *meta;
      GPtrArray *elements, *findings;

      result->analysis = g_object_ref (fz_report_get_analysis (report));
      meta = fz_analysis_get_metadata (result->analysis);
      elements = fz_analysis_get_elements (result->analysis);
      findings = fz_analysis_get_findings (result->analysis);

      result->title = g_strdup (meta->title.value);
      result->unit = meta->issuer.value != NULL ? g_strdup (meta->issuer.value)
                                                : unit_from_title (meta->title.value);
      /* A report with neither signature nor title still has its
       * 发文机关标志 (“北坡镇人民政府文件”) more often than not. */
      if (result->unit == NULL && meta->issuer_mark.value != NULL)
        result->unit = g_str_has_suffix (meta->issuer_mark.value, "文件")
                       ? g_strndup (meta->issuer_mark.value, strlen (meta->issuer_mark.value) - strlen ("文件"))
                       : g_strdup (meta->issuer_mark.value);
      result->date = g_strdup (meta->date_iso);
      result->level = meta->level;
      result->year = meta->report_year;
      result->statuses = g_array_sized_new (FALSE, FALSE, sizeof (FzStatus), elements->len);
      for (guint i = 0; i < elements->len; i++)
        g_array_append_val (result->statuses, ((FzElementResult *) g_ptr_array_index (elements, i))->status);
      for (guint i = 0; i < findings->len; i++)
        {
          const FzFinding *f = g_ptr_array_index (findings, i);

          if (f->severity <= FZ_SEVERITY_INFO)
            result->n_findings[f->severity]++;
        }

      if (self->detect_copies)
        result->print = fz_copy_fingerprint_new (doc, entry->reference);
      /* What the score needs of the analysis, taken here where the
       * analysis is at hand; the score itself, with the reviewer's part,
       * is made on the main thread. */
      if (!entry->reference && fz_ruleset_get_score_table (self->rules) != NULL)
        result->facts = fz_score_facts_new (fz_ruleset_get_score_table (self->rules), result->analysis);
      /* The report's review, read here rather than on the main thread; a
       * damaged review file is the report's tab to tell of, on opening. */
      if (!entry->reference && self->reviews != NULL && result->sha256 != NULL)
        result->review = fz_review_store_lookup (self->reviews, result->sha256, entry->display_name, NULL);
    }

  if (self->entry_func != NULL)
    self->entry_func (entry, result->analysis, result->error, self->entry_func_data);
  if (!self->keep_analyses)
    g_clear_object (&result->analysis);

  g_mutex_lock (&run->mutex);
  g_ptr_array_add (run->done, result);
  schedule_drain (run);
  g_mutex_unlock (&run->mutex);
}

/* A file read through LibreOffice waits seconds on another program: it
 * goes to a pool of its own, so that one slow conversion never holds up
 * the files behind it. */
static void
analyse_one (gpointer data,
             gpointer user_data)
{
  Run *run = user_data;
  FzBatchEntry *entry = g_ptr_array_index (run->items, GPOINTER_TO_UINT (data) - 1);

  if (!g_cancellable_is_cancelled (run->cancellable) &&
      fz_import_file_needs_conversion (entry->file, run->cancellable))
    g_thread_pool_push (run->convert_pool, data, NULL);
  else
    analyse_entry (run, GPOINTER_TO_UINT (data) - 1);
}

static void
analyse_converted (gpointer data,
                   gpointer user_data)
{
  analyse_entry (user_data, GPOINTER_TO_UINT (data) - 1);
}

static void
apply_result (FzBatchEntry *entry,
              Result       *result)
{
  GObject *object = G_OBJECT (entry);

  g_object_freeze_notify (object);

  g_clear_object (&entry->analysis);
  g_clear_error (&entry->error);
  entry->analysis = g_steal_pointer (&result->analysis);
  entry->error = g_steal_pointer (&result->error);
  _fz_batch_set_str (&entry->sha256, result->sha256);
  g_free (entry->unit);
  entry->unit = g_steal_pointer (&result->unit);
  g_free (entry->title);
  entry->title = g_steal_pointer (&result->title);
  g_free (entry->date);
  entry->date = g_steal_pointer (&result->date);
  entry->level = result->level;
  entry->year = result->year;
  g_clear_pointer (&entry->statuses, g_array_unref);
  entry->statuses = g_steal_pointer (&result->statuses);
  memcpy (entry->n_findings, result->n_findings, sizeof entry->n_findings);
  g_ptr_array_set_size (entry->copy_findings, 0);
  g_clear_pointer (&entry->facts, fz_score_facts_free);
  entry->facts = g_steal_pointer (&result->facts);
  entry->state = entry->error != NULL ? FZ_BATCH_ENTRY_FAILED : FZ_BATCH_ENTRY_DONE;
  if (result->review != NULL)
    _fz_batch_entry_set_review (entry, result->review);

  _fz_batch_entry_notify (FZ_BATCH_ENTRY (object), ENTRY_PROP_STATE);
  _fz_batch_entry_notify (FZ_BATCH_ENTRY (object), ENTRY_PROP_UNIT);
  _fz_batch_entry_notify (FZ_BATCH_ENTRY (object), ENTRY_PROP_TITLE);
  _fz_batch_entry_notify (FZ_BATCH_ENTRY (object), ENTRY_PROP_YEAR);
  _fz_batch_entry_notify (FZ_BATCH_ENTRY (object), ENTRY_PROP_CHANGED);
  _fz_batch_entry_update_grade (entry);
  _fz_batch_entry_update_score (entry);

  g_object_thaw_notify (object);
  _fz_batch_entry_emit_changed (entry);
}

static void
set_running (FzBatch  *self,
             gboolean  running)
{
  if (self->running != running)
    {
      self->running = running;
      _fz_batch_notify (self, PROP_RUNNING);
    }
}

static void
detect_copies_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *pairs = fz_copy_detect (task_data, cancellable, &error);

  if (pairs == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pairs, (GDestroyNotify) g_ptr_array_unref);
}

static void
copies_done (GObject      *object,
             GAsyncResult *async_result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  FzBatch *self = run->self;
  g_autoptr(GPtrArray) pairs = NULL;
  GError *error = NULL;

  pairs = g_task_propagate_pointer (G_TASK (async_result), &error);
  if (pairs == NULL)
    {
      set_running (self, FALSE);
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < pairs->len; i++)
    {
      const FzCopyPair *pair = g_ptr_array_index (pairs, i);
      FzBatchEntry *a = g_ptr_array_index (run->items, pair->a);
      FzBatchEntry *b = g_ptr_array_index (run->items, pair->b);
      FzCopyFingerprint *pa = g_ptr_array_index (run->prints, pair->a);
      FzCopyFingerprint *pb = g_ptr_array_index (run->prints, pair->b);
      FzBatchCopy *copy = g_new0 (FzBatchCopy, 1);

      copy->a = g_object_ref (a);
      copy->b = g_object_ref (b);
      copy->passages = g_array_ref (pair->passages);
      copy->a_texts = g_ptr_array_new_with_free_func (g_free);
      copy->b_texts = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->copies, copy);

      for (guint j = 0; j < pair->passages->len; j++)
        {
          const FzCopyPassage *passage = &g_array_index (pair->passages, FzCopyPassage, j);

          g_ptr_array_add (copy->a_texts, fz_document_dup_range (fz_copy_fingerprint_get_document (pa),
                                                                 passage->a_start, passage->a_end));
          g_ptr_array_add (copy->b_texts, fz_document_dup_range (fz_copy_fingerprint_get_document (pb),
                                                                 passage->b_start, passage->b_end));
          if (!a->reference)
            g_ptr_array_add (a->copy_findings,
                             fz_copy_finding_new (pa, passage, TRUE, b->display_name, b->reference));
          if (!b->reference)
            g_ptr_array_add (b->copy_findings,
                             fz_copy_finding_new (pb, passage, FALSE, a->display_name, a->reference));
        }
    }

  /* The documents the fingerprints hold are no longer needed. */
  g_ptr_array_set_size (run->prints, 0);

  for (guint i = 0; i < run->items->len; i++)
    {
      FzBatchEntry *entry = g_ptr_array_index (run->items, i);

      _fz_batch_entry_update_grade (entry);
      if (entry->copy_findings->len > 0)
        _fz_batch_entry_update_score (entry);
      if (entry->copy_findings->len > 0)
        _fz_batch_entry_emit_changed (entry);
    }

  set_running (self, FALSE);
  g_task_return_boolean (task, TRUE);
}

static void
finish_analysis (Run *run)
{
  FzBatch *self = run->self;
  g_autoptr(GTask) task = g_steal_pointer (&run->task);
  guint n_prints = 0, n_graded = 0;

  g_thread_pool_free (g_steal_pointer (&run->pool), FALSE, TRUE);
  g_thread_pool_free (g_steal_pointer (&run->convert_pool), FALSE, TRUE);

  if (g_cancellable_is_cancelled (run->cancellable))
    {
      set_running (self, FALSE);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               _("The batch was cancelled"));
      return;
    }

  for (guint i = 0; i < run->prints->len; i++)
    {
      FzCopyFingerprint *print = g_ptr_array_index (run->prints, i);

      if (print != NULL)
        {
          n_prints++;
          if (!fz_copy_fingerprint_is_reference (print))
            n_graded++;
        }
    }

  if (self->detect_copies && n_prints >= 2 && n_graded >= 1)
    {
      g_autoptr(GTask) copy_task = g_task_new (self, run->cancellable, copies_done, g_object_ref (task));

      g_task_set_source_tag (copy_task, detect_copies_thread);
      g_task_set_task_data (copy_task, g_ptr_array_ref (run->prints), (GDestroyNotify) g_ptr_array_unref);
      g_task_run_in_thread (copy_task, detect_copies_thread);
      return;
    }

  g_ptr_array_set_size (run->prints, 0);
  set_running (self, FALSE);
  g_task_return_boolean (task, TRUE);
}

/* How long one turn of the main loop may spend applying results: what
 * is left waits for the next turn, so a window draws between bunches
 * however fast the workers are. */
#define DRAIN_BUDGET_US 5000

static gboolean
drain_results (gpointer data)
{
  Run *run = data;
  FzBatch *self = run->self;
  g_autoptr(GPtrArray) done = NULL;
  gint64 deadline = g_get_monotonic_time () + DRAIN_BUDGET_US;
  guint applied = 0;

  g_mutex_lock (&run->mutex);
  done = g_steal_pointer (&run->done);
  run->done = g_ptr_array_new_with_free_func ((GDestroyNotify) result_free);
  run->drain_pending = FALSE;
  g_mutex_unlock (&run->mutex);
  g_ptr_array_set_free_func (done, NULL);

  for (; applied < done->len; applied++)
    {
      Result *result = g_ptr_array_index (done, applied);

      if (applied > 0 && g_get_monotonic_time () > deadline)
        break;
      g_ptr_array_index (run->prints, result->index) = g_steal_pointer (&result->print);
      /* A report the cancellation kept from being read stays as it was. */
      if (!g_error_matches (result->error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (result->error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CANCELLED))
        apply_result (g_ptr_array_index (run->items, result->index), result);
      self->year_known = FALSE;
      result_free (result);
    }

  if (applied < done->len)
    {
      g_mutex_lock (&run->mutex);
      /* Before what came in meanwhile, in the order they came. */
      for (guint i = done->len; i > applied; i--)
        g_ptr_array_insert (run->done, 0, g_ptr_array_index (done, i - 1));
      schedule_drain (run);
      g_mutex_unlock (&run->mutex);
    }

  run->n_received += applied;
  self->n_done += applied;
  _fz_batch_notify (self, PROP_N_DONE);

  if (run->n_received == run->items->len)
    finish_analysis (run);

  return G_SOURCE_REMOVE;
}

void
fz_batch_analyse_async (FzBatch             *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GListStore *stores[] = { self->entries, self->references };
  Run *run;

  g_return_if_fail (FZ_IS_BATCH (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fz_batch_analyse_async);

  if (self->running)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "%s",
                               _("The batch is already being analysed"));
      return;
    }

  run = g_new0 (Run, 1);
  run->self = g_object_ref (self);
  run->context = g_main_context_ref_thread_default ();
  run->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  run->items = g_ptr_array_new_with_free_func (g_object_unref);
  run->prints = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_copy_fingerprint_free);
  run->done = g_ptr_array_new_with_free_func ((GDestroyNotify) result_free);
  g_mutex_init (&run->mutex);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);

  /* Every report is (re)read: copy detection needs all of them at once. */
  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (stores[s])); i++)
      g_ptr_array_add (run->items, g_list_model_get_item (G_LIST_MODEL (stores[s]), i));
  g_ptr_array_set_size (run->prints, run->items->len);
  g_ptr_array_set_size (self->copies, 0);

  self->n_total = run->items->len;
  self->n_done = 0;
  _fz_batch_notify (self, PROP_N_TOTAL);
  _fz_batch_notify (self, PROP_N_DONE);

  if (run->items->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  set_running (self, TRUE);
  /* Pools of their own (exclusive): their threads give way to the
   * window (fz_thread_yield_to_foreground), and a thread lowered so must
   * not go on to serve other pools, as GLib's shared threads do. */
  run->pool = g_thread_pool_new (analyse_one, run, MAX (1, (int) g_get_num_processors ()), TRUE, NULL);
  /* Two at least: one long conversion does not hold up the next either. */
  run->convert_pool = g_thread_pool_new (analyse_converted, run, MAX (2, (int) g_get_num_processors () / 2),
                                         TRUE, NULL);
  for (guint i = 0; i < run->items->len; i++)
    g_thread_pool_push (run->pool, GUINT_TO_POINTER (i + 1), NULL);
  run->task = g_steal_pointer (&task);
}

gboolean
fz_batch_analyse_finish (FzBatch       *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (FZ_IS_BATCH (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
