/* fz-report-load.c: the one way a report is read and checked
 *
 * Reading and checking run in workers.  What the views see changes on the
 * main thread between two stages; the review, which the reviewer may be
 * editing in another tab, is only touched there.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-report"

#include "config.h"

#include "fz-import.h"
#include "fz-report-private.h"
#include "fz-thread-util.h"

/* What a worker needs to check a document: nothing the main thread may
 * change meanwhile. */
typedef struct
{
  FzDocument *document;
  FzRuleSet  *ruleset;
} AnalyseData;

static void
analyse_data_free (AnalyseData *data)
{
  g_clear_object (&data->document);
  g_clear_object (&data->ruleset);
  g_free (data);
}

static void
analyse_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AnalyseData *data = task_data;

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_pointer (task, fz_analysis_new (data->document, data->ruleset), g_object_unref);
}

static FzRuleSet *
fz_report_default_ruleset (FzReport  *self,
                           GError   **error)
{
  if (self->rulesets != NULL)
    return fz_ruleset_store_dup_ruleset (self->rulesets, "national", error);

  return fz_ruleset_load ("national", error);
}

/* The rule set to check with: the one the reviewer chose for this report
 * last time, if it is still there; else the report's; else the national.
 * Main thread (it reads the review). */
static FzRuleSet *
fz_report_choose_ruleset (FzReport  *self,
                          GError   **error)
{
  const char *remembered = self->review != NULL ? fz_review_get_ruleset_id (self->review) : NULL;

  if (remembered != NULL && self->rulesets != NULL)
    {
      FzRuleSet *set = fz_ruleset_store_lookup (self->rulesets, remembered);

      if (set != NULL)
        return g_object_ref (set);
    }

  if (self->ruleset != NULL)
    return g_object_ref (self->ruleset);

  return fz_report_default_ruleset (self, error);
}

void
_fz_report_restart (FzReport *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

/* Read results */

typedef struct
{
  char       *sha256;
  FzDocument *document;
  FzAnalysis *analysis;   /* checked with the rule set guessed at the start */
  FzReview   *review;     /* the live one, looked up where its file is read */
  GError     *warning;    /* why the stored review could not be used */
} ReadResult;

static void
read_result_free (ReadResult *result)
{
  g_free (result->sha256);
  g_clear_object (&result->document);
  g_clear_object (&result->analysis);
  g_clear_object (&result->review);
  g_clear_error (&result->warning);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadResult, read_result_free)

static ReadResult *
read_report (GFile             *file,
             FzImportProgress  *progress,
             GCancellable      *cancellable,
             GError           **error)
{
  g_autoptr(ReadResult) result = g_new0 (ReadResult, 1);
  g_autoptr(GBytes) bytes = NULL;

  result->document = fz_import_file_full (file, progress, cancellable, &bytes, error);
  if (result->document == NULL)
    return NULL;

  result->sha256 = fz_review_hash_bytes (bytes);

  return g_steal_pointer (&result);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  FzRuleSet *guess = g_object_get_data (G_OBJECT (task), "fz-ruleset");
  FzReviewStore *reviews = g_object_get_data (G_OBJECT (task), "fz-reviews");
  ReadResult *result = read_report (task_data, g_object_get_data (G_OBJECT (task), "fz-progress"),
                                    cancellable, &error);

  /* Checking takes milliseconds; going back to the main thread between
   * reading and checking can take a frame or two while the window draws.
   * So the text is checked here with the rule set the report will most
   * likely use; the main thread checks again only if the review
   * remembers another. */
  if (result != NULL && guess != NULL && !g_cancellable_is_cancelled (cancellable))
    result->analysis = fz_analysis_new (result->document, guess);
  /* The store reads the review's file the first time: here, not on the
   * main thread.  The review itself is only touched there. */
  if (result != NULL && reviews != NULL)
    result->review = fz_review_store_lookup (reviews, result->sha256,
                                             g_object_get_data (G_OBJECT (task), "fz-name"),
                                             &result->warning);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) read_result_free);
}

/* Main thread: the review that goes with these bytes. */
static void
fz_report_take_read (FzReport   *self,
                     ReadResult *read)
{
  g_autoptr(FzReview) review = NULL;
  g_autoptr(GError) warning = NULL;

  g_free (self->sha256);
  self->sha256 = g_strdup (read->sha256);
  _fz_report_notify (self, PROP_SHA256);
  g_set_object (&self->document, read->document);
  _fz_report_notify (self, PROP_DOCUMENT);

  if (self->reviews != NULL)
    {
      /* Looked up by the worker that read the report, when one did. */
      if (read->review != NULL)
        {
          review = g_steal_pointer (&read->review);
          warning = g_steal_pointer (&read->warning);
        }
      else
        review = fz_review_store_lookup (self->reviews, self->sha256, self->display_name, &warning);
      /* The hash found it even if the report was renamed since. */
      if (g_strcmp0 (fz_review_get_report_name (review), self->display_name) != 0)
        fz_review_set_report_name (review, self->display_name);
      fz_review_attach (review, self->document);
    }
  g_free (self->review_warning);
  self->review_warning = warning != NULL ? g_strdup (warning->message) : NULL;
  _fz_report_notify (self, PROP_REVIEW_WARNING);
  _fz_report_take_review (self, review);
}

/* A stage that ends after a newer one started (a new load, another rule
 * set) is dropped: the newer one reports. */
static gboolean
is_superseded (FzReport     *self,
               GAsyncResult *result)
{
  return g_task_get_cancellable (G_TASK (result)) != self->cancellable;
}

/* The workers' tasks have no source object and hold the report through
 * their callback's data, released on the main thread: a worker dropping
 * its reference to a finished task must not be what frees the report. */
static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(FzReport) self = user_data;
  g_autoptr(ReadResult) read = NULL;
  GError *error = NULL;

  read = g_task_propagate_pointer (G_TASK (result), &error);
  /* Nor the review store, which the worker is done with. */
  g_object_set_data (G_OBJECT (result), "fz-reviews", NULL);

  if (is_superseded (self, result))
    g_clear_error (&error);
  else if (read == NULL)
    _fz_report_fail (self, error);
  else
    {
      g_autoptr(FzRuleSet) chosen = NULL;

      fz_report_take_read (self, read);
      chosen = fz_report_choose_ruleset (self, NULL);
      if (read->analysis != NULL && chosen == fz_analysis_get_ruleset (read->analysis))
        {
          _fz_report_set_stage (self, FZ_REPORT_STAGE_ANALYSING);
          _fz_report_take_analysis (self, read->analysis);
          _fz_report_set_stage (self, FZ_REPORT_STAGE_READY);
          _fz_report_finish_pending (self, NULL);
        }
      else
        _fz_report_analyse (self);
    }
}

static void
analyse_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FzReport) self = user_data;
  g_autoptr(FzAnalysis) analysis = NULL;
  GError *error = NULL;

  analysis = g_task_propagate_pointer (G_TASK (result), &error);

  if (is_superseded (self, result))
    g_clear_error (&error);
  else if (analysis == NULL)
    _fz_report_fail (self, error);
  else
    {
      _fz_report_take_analysis (self, analysis);
      _fz_report_set_stage (self, FZ_REPORT_STAGE_READY);
      _fz_report_finish_pending (self, NULL);
    }
}

/* Checks the document in a worker. */
void
_fz_report_analyse (FzReport *self)
{
  g_autoptr(GTask) analyse = NULL;
  AnalyseData *data;
  GError *error = NULL;

  data = g_new0 (AnalyseData, 1);
  data->document = g_object_ref (self->document);
  data->ruleset = fz_report_choose_ruleset (self, &error);
  if (data->ruleset == NULL)
    {
      analyse_data_free (data);
      _fz_report_fail (self, error);
      return;
    }

  _fz_report_set_stage (self, FZ_REPORT_STAGE_ANALYSING);

  analyse = g_task_new (NULL, self->cancellable, analyse_cb, g_object_ref (self));
  g_task_set_source_tag (analyse, _fz_report_analyse);
  g_task_set_task_data (analyse, data, (GDestroyNotify) analyse_data_free);
  fz_thread_run_in_background (analyse, analyse_thread);
}

static void
caller_cancelled_cb (GCancellable *caller,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

void
fz_report_load_async (FzReport            *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) read = NULL;

  g_return_if_fail (FZ_IS_REPORT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* A load under way ends here, as cancelled. */
  _fz_report_finish_pending (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                       "Loaded again"));
  _fz_report_restart (self);

  self->pending = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->pending, fz_report_load_async);
  /* The caller's cancellable stops the stages under way. */
  if (cancellable != NULL)
    {
      self->caller_cancellable = g_object_ref (cancellable);
      self->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                    g_object_ref (self->cancellable),
                                                    g_object_unref);
    }

  if (self->error != NULL)
    {
      g_clear_error (&self->error);
      _fz_report_notify (self, PROP_ERROR);
    }
  _fz_report_set_stage (self, FZ_REPORT_STAGE_READING);

  /* Made here, so it tells its changes on the main thread. */
  g_clear_object (&self->import_progress);
  self->import_progress = fz_import_progress_new ();
  _fz_report_notify (self, PROP_IMPORT_PROGRESS);

  read = g_task_new (NULL, self->cancellable, read_cb, g_object_ref (self));
  g_task_set_source_tag (read, read_thread);
  if (self->ruleset != NULL || self->rulesets != NULL)
    {
      FzRuleSet *guess = self->ruleset != NULL ? g_object_ref (self->ruleset)
                                               : fz_report_default_ruleset (self, NULL);

      if (guess != NULL)
        g_object_set_data_full (G_OBJECT (read), "fz-ruleset", guess, g_object_unref);
    }
  g_task_set_task_data (read, g_object_ref (self->file), g_object_unref);
  g_object_set_data_full (G_OBJECT (read), "fz-progress", g_object_ref (self->import_progress), g_object_unref);
  if (self->reviews != NULL)
    {
      g_object_set_data_full (G_OBJECT (read), "fz-reviews", g_object_ref (self->reviews), g_object_unref);
      g_object_set_data_full (G_OBJECT (read), "fz-name", g_strdup (self->display_name), g_free);
    }
  fz_thread_run_in_background (read, read_thread);
}

gboolean
fz_report_load_finish (FzReport      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
fz_report_load (FzReport      *self,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(ReadResult) read = NULL;
  g_autoptr(FzRuleSet) ruleset = NULL;
  g_autoptr(FzAnalysis) analysis = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (FZ_IS_REPORT (self), FALSE);

  if (self->error != NULL)
    {
      g_clear_error (&self->error);
      _fz_report_notify (self, PROP_ERROR);
    }
  _fz_report_set_stage (self, FZ_REPORT_STAGE_READING);

  if ((read = read_report (self->file, NULL, cancellable, &local_error)) == NULL)
    goto failed;
  fz_report_take_read (self, read);

  if ((ruleset = fz_report_choose_ruleset (self, &local_error)) == NULL)
    goto failed;

  _fz_report_set_stage (self, FZ_REPORT_STAGE_ANALYSING);
  if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
    goto failed;
  analysis = fz_analysis_new (self->document, ruleset);
  _fz_report_take_analysis (self, analysis);
  _fz_report_set_stage (self, FZ_REPORT_STAGE_READY);

  return TRUE;

failed:
  if (error != NULL)
    *error = g_error_copy (local_error);
  _fz_report_fail (self, local_error);
  return FALSE;
}

void
fz_report_cancel (FzReport *self)
{
  g_return_if_fail (FZ_IS_REPORT (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* The rule set */

FzRuleSet *
fz_report_get_ruleset (FzReport *self)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), NULL);

  return self->ruleset;
}

void
fz_report_set_ruleset (FzReport  *self,
                       FzRuleSet *ruleset)
{
  g_return_if_fail (FZ_IS_REPORT (self));
  g_return_if_fail (ruleset == NULL || FZ_IS_RULESET (ruleset));

  if (!g_set_object (&self->ruleset, ruleset))
    return;
  _fz_report_notify (self, PROP_RULESET);

  /* Before the report is read this is only the default to start from. */
  if (self->document == NULL || ruleset == NULL)
    return;

  if (self->review != NULL)
    fz_review_set_ruleset_id (self->review, fz_ruleset_get_id (ruleset));
  if (self->analysis != NULL && fz_analysis_get_ruleset (self->analysis) == ruleset)
    return;

  _fz_report_restart (self);
  _fz_report_analyse (self);
}

