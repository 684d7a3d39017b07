/* fz-report-page-load.c: reading the report, analysing it under a rule set,
 * and the review that comes with it
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-report-page-private.h"

/* When the preferred rule set is gone (a user file deleted), a tab falls
 * back to the national checklist, which binds every government. */
#define FALLBACK_RULESET "national"

/* What a worker needs to analyse a report: both are immutable. */
typedef struct
{
  FzDocument *document;
  char       *ruleset_id;
} AnalyseData;

static void
analyse_data_free (gpointer data)
{
  AnalyseData *analyse = data;

  g_clear_object (&analyse->document);
  g_free (analyse->ruleset_id);
  g_free (analyse);
}


static void
analyse_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AnalyseData *analyse = task_data;
  g_autoptr(FzRuleSet) rules = NULL;
  GError *error = NULL;

  if (!(rules = fz_ruleset_load (analyse->ruleset_id, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_pointer (task, fz_analysis_new (analyse->document, rules), g_object_unref);
}

static void fz_report_page_take_ruleset (FzReportPage *self,
                                         const char   *ruleset_id);

static void
analyse_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  FzReportPage *self = FZ_REPORT_PAGE (object);
  g_autoptr(FzAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;

  analysis = g_task_propagate_pointer (G_TASK (result), &error);

  if (self->disposed || g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;

  if (analysis != NULL)
    {
      _fz_report_page_apply (self, analysis);
      return;
    }

  /* A rule set that will not load must not take away the review already
   * on screen: go back to the one it was made with and say why. */
  if (self->analysis != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = NULL;

      fz_report_page_take_ruleset (self, fz_ruleset_get_id (fz_analysis_get_ruleset (self->analysis)));
      _fz_report_page_set_loading (self, FALSE);
      /* Translators: %s says what is wrong with the rule set file */
      message = g_strdup_printf (_("Could not use this rule set: %s"), error->message);
      _fz_report_page_toast (self, message);
      return;
    }

  _fz_report_page_fail (self, error);
}

/* The analysis is pure computation on immutable inputs, so it runs on a
 * worker and only its result comes back to the main thread. */
static void
fz_report_page_analyse (FzReportPage *self,
                        FzDocument   *document)
{
  g_autoptr(GTask) task = NULL;
  AnalyseData *analyse;

  analyse = g_new0 (AnalyseData, 1);
  analyse->document = g_object_ref (document);
  analyse->ruleset_id = g_strdup (self->ruleset_id);

  task = g_task_new (self, self->cancellable, analyse_cb, NULL);
  g_task_set_source_tag (task, fz_report_page_analyse);
  g_task_set_task_data (task, analyse, analyse_data_free);
  g_task_run_in_thread (task, analyse_thread);
}

/* What reading a report brings back from the worker: the document, and
 * the review kept for it, found by the hash of the file's bytes so a
 * renamed or moved report keeps its review. */
typedef struct
{
  FzDocument *document;
  FzReview   *review;
  GError     *review_error;       /* the stored review could not be used */
} ReadResult;

static void
read_result_free (ReadResult *result)
{
  g_clear_object (&result->document);
  g_clear_object (&result->review);
  g_clear_error (&result->review_error);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadResult, read_result_free)

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(ReadResult) result = g_new0 (ReadResult, 1);
  g_autofree char *sha256 = NULL;
  g_autofree char *name = g_file_get_basename (file);
  GError *error = NULL;

  if (!(result->document = fz_import_file_with_progress (file, g_object_get_data (G_OBJECT (task), "progress"),
                                                         cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  /* A damaged or newer review file is left where it is and reported; the
   * reviewer starts afresh in memory rather than losing the report. */
  result->review = fz_review_load_for_file (file, cancellable, &sha256, &result->review_error);
  if (sha256 == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&result->review_error));
      return;
    }
  if (result->review == NULL)
    result->review = fz_review_new (sha256, name);
  else if (g_strcmp0 (fz_review_get_report_name (result->review), name) != 0)
    fz_review_set_report_name (result->review, name);
  fz_review_attach (result->review, result->document);

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) read_result_free);
}

static void
on_review_changed (FzReportPage *self)
{
  _fz_report_page_emit_review_changed (self);
}

/* Only what is finished repaints: typing in the memo does not. */
static void
on_review_acted (FzReportPage *self)
{
  _fz_report_page_count_decisions (self);
  fz_report_view_refresh_annotations (self->text_view);
  _fz_report_page_update_badges (self);
}

static void
on_saver_error_changed (FzReportPage  *self,
                        GParamSpec    *pspec,
                        FzReviewSaver *saver)
{
  const GError *error = fz_review_saver_get_error (saver);

  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Your review could not be saved: %s It is kept while this tab is open; use Save Review As to keep a copy elsewhere."),
                                               error->message);
      gtk_label_set_label (self->save_error_label, text);
    }
  gtk_revealer_set_reveal_child (self->save_error_revealer, error != NULL);
}

void
_fz_report_page_take_review (FzReportPage *self,
                            FzReview     *review)
{
  if (self->review != NULL)
    g_signal_handlers_disconnect_by_data (self->review, self);
  if (self->saver != NULL)
    {
      g_autoptr(GError) error = NULL;

      g_signal_handlers_disconnect_by_data (self->saver, self);
      if (!fz_review_saver_flush (self->saver, &error))
        g_warning ("Could not save the review of %s: %s", self->subtitle, error->message);
    }
  g_clear_object (&self->saver);
  g_set_object (&self->review, review);

  fz_report_view_set_annotations (self->text_view, review != NULL ? fz_review_get_annotations (review) : NULL);
  fz_checklist_view_set_review (self->checklist_view, review);
  fz_findings_view_set_review (self->findings_view, review);
  fz_annotations_view_set_review (self->annotations_view, review);
  fz_memo_view_set_review (self->memo_view, review);

  if (review == NULL)
    return;

  /* A new review is signed as Preferences say: "unit name". */
  if (fz_review_get_reviewer (review) == NULL || *fz_review_get_reviewer (review) == '\0')
    {
      g_autofree char *name = g_settings_get_string (self->settings, "reviewer-name");
      g_autofree char *unit = g_settings_get_string (self->settings, "reviewer-unit");
      g_autofree char *reviewer = g_strstrip (g_strjoin (" ", unit, name, NULL));

      if (*reviewer != '\0')
        fz_review_set_reviewer (review, reviewer);
    }

  self->saver = fz_review_saver_new (review);
  g_signal_connect_object (self->saver, "notify::error", G_CALLBACK (on_saver_error_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (review, "changed", G_CALLBACK (on_review_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (review, "changed::action", G_CALLBACK (on_review_acted), self, G_CONNECT_SWAPPED);
  on_saver_error_changed (self, NULL, self->saver);
}

void
_fz_report_page_on_warnings_closed (FzReportPage *self)
{
  gtk_revealer_set_reveal_child (self->warnings_revealer, FALSE);
}

/* What the importer had to say about the file (pages without text, a
 * share of unreadable glyphs, the web page's title and date) sits above
 * the text: it bears on how far the checklist can be trusted. */
static void
fz_report_page_show_warnings (FzReportPage *self,
                              FzDocument   *document)
{
  GPtrArray *warnings = fz_document_get_warnings (document);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (warnings, i));
    }

  gtk_label_set_text (self->warnings_label, text->str);
  gtk_revealer_set_reveal_child (self->warnings_revealer, text->len > 0);
}

guint
fz_report_page_get_n_warnings (FzReportPage *self)
{
  GPtrArray *warnings;

  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), 0);

  if (self->document == NULL || !gtk_revealer_get_reveal_child (self->warnings_revealer))
    return 0;

  warnings = fz_document_get_warnings (self->document);

  return warnings != NULL ? warnings->len : 0;
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  FzReportPage *self = FZ_REPORT_PAGE (object);
  g_autoptr(ReadResult) read = NULL;
  g_autoptr(GError) error = NULL;
  const char *ruleset_id;

  read = g_task_propagate_pointer (G_TASK (result), &error);

  if (self->disposed || g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;

  if (self->progress != NULL)
    g_signal_handlers_disconnect_by_data (self->progress, self);
  g_clear_object (&self->progress);
  gtk_label_set_label (self->loading_label, _("Analysing the report…"));

  if (read == NULL)
    {
      _fz_report_page_fail (self, error);
      return;
    }

  _fz_report_page_take_review (self, read->review);
  g_set_object (&self->document, read->document);
  fz_report_page_show_warnings (self, self->document);

  if (read->review_error != NULL)
    _fz_report_page_toast (self, read->review_error->message);
  else if (fz_review_get_restored (read->review))
    {
      GListModel *annotations = fz_review_get_annotations (read->review);
      g_autofree char *decisions = NULL;
      g_autofree char *notes = NULL;
      g_autofree char *message = NULL;

      decisions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decision", "%u decisions",
                                                fz_review_get_n_decided (read->review)),
                                   fz_review_get_n_decided (read->review));
      notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations",
                                            g_list_model_get_n_items (annotations)),
                               g_list_model_get_n_items (annotations));
      /* Translators: 1: the file, 2: "3 decisions", 3: "2 annotations" */
      message = g_strdup_printf (_("Your review of “%s” was restored: %s, %s"),
                                 self->subtitle, decisions, notes);
      _fz_report_page_toast (self, message);
    }

  /* The rule set the reviewer chose for this report last time, if it is
   * still there; else the one the tab started with. */
  ruleset_id = fz_review_get_ruleset_id (read->review);
  if (ruleset_id != NULL && self->ruleset_ids != NULL &&
      g_strv_contains ((const char * const *) self->ruleset_ids, ruleset_id))
    fz_report_page_take_ruleset (self, ruleset_id);

  fz_report_page_analyse (self, self->document);
}

static void
on_import_progress (FzReportPage *self)
{
  g_autofree char *text = NULL;

  if (self->disposed || self->progress == NULL || !self->loading)
    return;
  if (fz_import_progress_get_stage (self->progress) == FZ_IMPORT_STAGE_CONVERTING)
    text = fz_import_progress_dup_description (self->progress);
  gtk_label_set_label (self->loading_label, text ? text : _("Analysing the report…"));
}

void
fz_report_page_load (FzReportPage *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FZ_IS_REPORT_PAGE (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* Read afresh, review and all: the review on disk is the one that
   * counts (it may just have been imported from another machine). */
  _fz_report_page_take_review (self, NULL);
  g_clear_object (&self->document);

  _fz_report_page_set_error_message (self, NULL);
  _fz_report_page_set_loading (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  /* A conversion through LibreOffice can take half a minute: the
   * loading page says so, and for how long. */
  if (self->progress != NULL)
    g_signal_handlers_disconnect_by_data (self->progress, self);
  g_clear_object (&self->progress);
  self->progress = fz_import_progress_new ();
  g_signal_connect_object (self->progress, "notify", G_CALLBACK (on_import_progress), self, G_CONNECT_SWAPPED);
  gtk_label_set_label (self->loading_label, _("Analysing the report…"));

  task = g_task_new (self, self->cancellable, read_cb, NULL);
  g_task_set_source_tag (task, fz_report_page_load);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "progress", g_object_ref (self->progress), g_object_unref);
  g_task_run_in_thread (task, read_thread);
}

void
fz_report_page_cancel (FzReportPage *self)
{
  g_return_if_fail (FZ_IS_REPORT_PAGE (self));

  if (self->loading && self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

void
_fz_report_page_on_cancel_clicked (FzReportPage *self)
{
  fz_report_page_cancel (self);
}

void
_fz_report_page_on_retry_clicked (FzReportPage *self)
{
  fz_report_page_load (self);
}

/* Rule set --------------------------------------------------------------- */

void
_fz_report_page_fill_rulesets (FzReportPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_clear_pointer (&self->ruleset_ids, g_strfreev);
  self->ruleset_ids = fz_ruleset_list_available ();

  if (!g_strv_contains ((const char * const *) self->ruleset_ids, self->ruleset_id))
    {
      g_free (self->ruleset_id);
      self->ruleset_id = g_strdup (FALLBACK_RULESET);
    }

  for (guint i = 0; self->ruleset_ids != NULL && self->ruleset_ids[i] != NULL; i++)
    {
      g_autoptr(FzRuleSet) rules = NULL;
      g_autoptr(GError) error = NULL;

      /* A user rule set that does not parse is still listed under its id;
       * choosing it then says what is wrong with it. */
      rules = fz_ruleset_load (self->ruleset_ids[i], &error);
      gtk_string_list_append (names, rules != NULL ? fz_ruleset_get_display_name (rules) : self->ruleset_ids[i]);
      if (g_strcmp0 (self->ruleset_ids[i], self->ruleset_id) == 0)
        selected = i;
    }

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->ruleset_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->ruleset_dropdown, selected);
  self->syncing = FALSE;
}

/* Checks the document already read again, under the rule set now chosen;
 * the old checklist stays up until the new one is ready. */
static void
fz_report_page_reanalyse (FzReportPage *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  _fz_report_page_set_loading (self, TRUE);
  fz_report_page_analyse (self, self->document);
}

/* The reviewer's rule-set folder changed: list what is there now, and
 * check again, since the set in use may have been edited or removed. */
void
_fz_report_page_on_rules_changed (FzReportPage *self)
{
  _fz_report_page_fill_rulesets (self);

  if (self->document == NULL || self->loading)
    return;

  fz_report_page_reanalyse (self);
}

void
_fz_report_page_on_ruleset_selected (FzReportPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->ruleset_dropdown);

  if (self->syncing || self->ruleset_ids == NULL || selected >= g_strv_length (self->ruleset_ids))
    return;

  fz_report_page_set_ruleset (self, self->ruleset_ids[selected]);
}

const char *
fz_report_page_get_ruleset (FzReportPage *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), NULL);

  return self->ruleset_id;
}

/* Records @ruleset_id and shows it in the drop-down, without analysing. */
static void
fz_report_page_take_ruleset (FzReportPage *self,
                             const char   *ruleset_id)
{
  g_free (self->ruleset_id);
  self->ruleset_id = g_strdup (ruleset_id);

  for (guint i = 0; self->ruleset_ids != NULL && self->ruleset_ids[i] != NULL; i++)
    if (g_str_equal (self->ruleset_ids[i], ruleset_id))
      {
        self->syncing = TRUE;
        gtk_drop_down_set_selected (self->ruleset_dropdown, i);
        self->syncing = FALSE;
        break;
      }
}

void
fz_report_page_set_ruleset (FzReportPage *self,
                            const char   *ruleset_id)
{
  g_return_if_fail (FZ_IS_REPORT_PAGE (self));
  g_return_if_fail (ruleset_id != NULL);

  if (g_strcmp0 (self->ruleset_id, ruleset_id) == 0)
    return;

  fz_report_page_take_ruleset (self, ruleset_id);
  if (self->review != NULL)
    fz_review_set_ruleset_id (self->review, ruleset_id);

  /* While the file is still being read, the analysis that follows picks
   * up the new rule set by itself. */
  if (self->document == NULL)
    return;

  fz_report_page_reanalyse (self);
}
