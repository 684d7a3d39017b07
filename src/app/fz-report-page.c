/* fz-report-page.c: one report in its tab, its text beside the review
 *
 * The page reads and analyses the file off the main thread, keeps the
 * review and its saver, and hands the analysis and the review to its
 * views as they come: the text, the outline, and the side pane's views
 * (checklist, problems, annotations, memo), which draw themselves from
 * them.  Annotating and the keyboard walk through what is left to review
 * are in fz-report-page-review.c.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-application.h"
#include "fz-report-page-private.h"
#include "fz-unit-name.h"

/* When the preferred rule set is gone (a user file deleted), a tab falls
 * back to the national checklist, which binds every government. */
#define FALLBACK_RULESET "national"

G_DEFINE_FINAL_TYPE (FzReportPage, fz_report_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_LOADING,
  PROP_ERROR_MESSAGE,
  PROP_ANALYSIS,
  PROP_N_REQUIRED,
  PROP_N_DECIDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TOAST,
  SHOW_TOAST,
  REVIEW_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
fz_report_page_set_loading (FzReportPage *self,
                            gboolean      loading)
{
  loading = !!loading;

  if (self->loading == loading)
    return;

  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
fz_report_page_set_error_message (FzReportPage *self,
                                  const char   *message)
{
  if (g_strcmp0 (self->error_message, message) == 0)
    return;

  g_free (self->error_message);
  self->error_message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

static void
fz_report_page_set_title (FzReportPage *self,
                          const char   *title)
{
  if (title == NULL || g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
_fz_report_page_show_toast (FzReportPage *self,
                            AdwToast     *toast)
{
  g_signal_emit (self, signals[SHOW_TOAST], 0, toast);
}

/* Progress --------------------------------------------------------------- */

void
_fz_report_page_count_decisions (FzReportPage *self)
{
  GPtrArray *elements;
  guint n_decided = 0, n_required = 0;
  g_autofree char *progress = NULL;

  if (self->analysis == NULL)
    return;

  elements = fz_analysis_get_elements (self->analysis);
  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *result = g_ptr_array_index (elements, i);

      if (!result->required)
        continue;
      n_required++;
      if (self->review != NULL && fz_review_get_decision (self->review, result->id, NULL, NULL, NULL))
        n_decided++;
    }

  /* Counts first: listeners of the state changes read both. */
  if (n_required != self->n_required)
    {
      self->n_required = n_required;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_REQUIRED]);
    }
  if (n_decided != self->n_decided)
    {
      self->n_decided = n_decided;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DECIDED]);
    }

  /* Translators: how many required checklist elements the reviewer has decided */
  progress = g_strdup_printf (_("Confirmed %u/%u"), n_decided, n_required);
  gtk_label_set_label (self->progress_label, progress);
}

gboolean
fz_report_page_set_decision (FzReportPage *self,
                             const char   *element_id,
                             FzStatus      status,
                             const char   *reason)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), FALSE);
  g_return_val_if_fail (element_id != NULL, FALSE);
  g_return_val_if_fail (status != FZ_STATUS_NEEDS_REVIEW, FALSE);

  if (self->analysis == NULL || self->review == NULL ||
      fz_analysis_find_element (self->analysis, element_id) == NULL)
    return FALSE;

  fz_review_set_decision (self->review, element_id, status,
                          (reason != NULL && *reason != '\0') ? reason : NULL);

  return TRUE;
}

gboolean
fz_report_page_get_decision (FzReportPage  *self,
                             const char    *element_id,
                             FzStatus      *status,
                             const char   **reason)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), FALSE);
  g_return_val_if_fail (element_id != NULL, FALSE);

  if (self->review == NULL)
    return FALSE;

  return fz_review_get_decision (self->review, element_id, status, reason, NULL);
}

/* Text and outline -------------------------------------------------------- */

void
fz_report_page_reveal_range (FzReportPage *self,
                             guint         start,
                             guint         end)
{
  g_return_if_fail (FZ_IS_REPORT_PAGE (self));

  fz_report_view_reveal_range (self->text_view, start, end);
}

static void
on_reveal (FzReportPage *self,
           guint         start,
           guint         end)
{
  fz_report_view_reveal_range (self->text_view, start, end);
}

static void
on_section_activated (FzReportPage *self,
                      guint         index)
{
  GPtrArray *sections;
  const FzSection *section;

  if (self->analysis == NULL)
    return;

  sections = fz_analysis_get_sections (self->analysis);
  g_return_if_fail (index < sections->len);

  section = g_ptr_array_index (sections, index);
  fz_report_view_reveal_range (self->text_view, section->start, section->heading_end);
}

static void
on_search_changed (FzReportPage *self)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint n_matches;

  if (self->analysis == NULL)
    return;

  n_matches = fz_report_view_mark_matches (self->text_view, needle);

  if (*needle == '\0')
    {
      gtk_label_set_label (self->search_label, NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
    }
  else if (n_matches == 0)
    {
      gtk_label_set_label (self->search_label, _("No matches"));
      gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
    }
  else
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n_matches),
                                                n_matches);
      gtk_label_set_label (self->search_label, label);
      gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
      fz_report_view_find (self->text_view, needle, TRUE);
    }
}

static void
on_search_next (FzReportPage *self)
{
  fz_report_view_find (self->text_view, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), TRUE);
}

static void
on_search_previous (FzReportPage *self)
{
  fz_report_view_find (self->text_view, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), FALSE);
}

static void
on_search_stop (FzReportPage *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

void
fz_report_page_begin_search (FzReportPage *self)
{
  g_return_if_fail (FZ_IS_REPORT_PAGE (self));

  if (self->analysis == NULL)
    return;

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Loading ---------------------------------------------------------------- */

static void
fz_report_page_fail (FzReportPage *self,
                     const GError *error)
{
  gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
                       g_error_matches (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_CANCELLED);

  if (cancelled)
    {
      /* The reviewer asked for this; no need to raise an alarm. */
      adw_status_page_set_icon_name (self->error_page, "process-stop-symbolic");
      adw_status_page_set_title (self->error_page, _("Loading Cancelled"));
      adw_status_page_set_description (self->error_page, NULL);
    }
  else
    {
      g_autofree char *description = g_markup_escape_text (error->message, -1);

      adw_status_page_set_icon_name (self->error_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->error_page, _("Could Not Open the Report"));
      adw_status_page_set_description (self->error_page, description);
    }

  gtk_stack_set_visible_child_name (self->stack, "error");
  fz_report_page_set_loading (self, FALSE);
  if (!cancelled)
    fz_report_page_set_error_message (self, error->message);
}

static void
fz_report_page_apply (FzReportPage *self,
                      FzAnalysis   *analysis)
{
  g_autofree char *title = NULL;

  g_set_object (&self->analysis, analysis);

  title = fz_report_short_title (analysis);
  fz_report_page_set_title (self, title != NULL ? title : self->subtitle);

  /* Each view draws itself from the analysis and the review. */
  fz_report_view_set_analysis (self->text_view, analysis);
  fz_outline_view_set_analysis (self->outline_view, analysis);
  fz_checklist_view_set_analysis (self->checklist_view, analysis);
  fz_findings_view_set_analysis (self->findings_view, analysis);
  fz_memo_view_set_analysis (self->memo_view, analysis);
  _fz_report_page_update_badges (self);
  _fz_report_page_count_decisions (self);

  gtk_stack_set_visible_child_name (self->stack, "report");
  fz_report_page_set_error_message (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
  fz_report_page_set_loading (self, FALSE);
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
      fz_report_page_apply (self, analysis);
      return;
    }

  /* A rule set that will not load must not take away the review already
   * on screen: go back to the one it was made with and say why. */
  if (self->analysis != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = NULL;

      fz_report_page_take_ruleset (self, fz_ruleset_get_id (fz_analysis_get_ruleset (self->analysis)));
      fz_report_page_set_loading (self, FALSE);
      /* Translators: %s says what is wrong with the rule set file */
      message = g_strdup_printf (_("Could not use this rule set: %s"), error->message);
      g_signal_emit (self, signals[TOAST], 0, message);
      return;
    }

  fz_report_page_fail (self, error);
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

  if (!(result->document = fz_import_file (file, cancellable, &error)))
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
  g_signal_emit (self, signals[REVIEW_CHANGED], 0);
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

static void
fz_report_page_take_review (FzReportPage *self,
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

static void
on_warnings_closed (FzReportPage *self)
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

  if (read == NULL)
    {
      fz_report_page_fail (self, error);
      return;
    }

  fz_report_page_take_review (self, read->review);
  g_set_object (&self->document, read->document);
  fz_report_page_show_warnings (self, self->document);

  if (read->review_error != NULL)
    g_signal_emit (self, signals[TOAST], 0, read->review_error->message);
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
      g_signal_emit (self, signals[TOAST], 0, message);
    }

  /* The rule set the reviewer chose for this report last time, if it is
   * still there; else the one the tab started with. */
  ruleset_id = fz_review_get_ruleset_id (read->review);
  if (ruleset_id != NULL && self->ruleset_ids != NULL &&
      g_strv_contains ((const char * const *) self->ruleset_ids, ruleset_id))
    fz_report_page_take_ruleset (self, ruleset_id);

  fz_report_page_analyse (self, self->document);
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
  fz_report_page_take_review (self, NULL);
  g_clear_object (&self->document);

  fz_report_page_set_error_message (self, NULL);
  fz_report_page_set_loading (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  task = g_task_new (self, self->cancellable, read_cb, NULL);
  g_task_set_source_tag (task, fz_report_page_load);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, read_thread);
}

void
fz_report_page_cancel (FzReportPage *self)
{
  g_return_if_fail (FZ_IS_REPORT_PAGE (self));

  if (self->loading && self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
on_cancel_clicked (FzReportPage *self)
{
  fz_report_page_cancel (self);
}

static void
on_retry_clicked (FzReportPage *self)
{
  fz_report_page_load (self);
}

/* Rule set --------------------------------------------------------------- */

static void
fz_report_page_fill_rulesets (FzReportPage *self)
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

  fz_report_page_set_loading (self, TRUE);
  fz_report_page_analyse (self, self->document);
}

/* The reviewer's rule-set folder changed: list what is there now, and
 * check again, since the set in use may have been edited or removed. */
static void
on_rules_changed (FzReportPage *self)
{
  fz_report_page_fill_rulesets (self);

  if (self->document == NULL || self->loading)
    return;

  fz_report_page_reanalyse (self);
}

static void
on_ruleset_selected (FzReportPage *self)
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

/* GObject ---------------------------------------------------------------- */

static void
fz_report_page_dispose (GObject *object)
{
  FzReportPage *self = FZ_REPORT_PAGE (object);

  self->disposed = TRUE;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  /* Closing the tab must not lose the last second of work. */
  fz_report_page_take_review (self, NULL);

  /* No gtk_widget_dispose_template(): the stack is AdwBin's child, and
   * AdwBin unparents it in its own dispose. */
  G_OBJECT_CLASS (fz_report_page_parent_class)->dispose (object);
}

static void
fz_report_page_finalize (GObject *object)
{
  FzReportPage *self = FZ_REPORT_PAGE (object);

  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->analysis);
  g_clear_object (&self->document);
  g_clear_pointer (&self->ruleset_id, g_free);
  g_clear_pointer (&self->ruleset_ids, g_strfreev);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->extra_findings, g_ptr_array_unref);
  g_clear_object (&self->saver);
  g_clear_object (&self->review);

  G_OBJECT_CLASS (fz_report_page_parent_class)->finalize (object);
}

static void
fz_report_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FzReportPage *self = FZ_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;
    case PROP_N_REQUIRED:
      g_value_set_uint (value, self->n_required);
      break;
    case PROP_N_DECIDED:
      g_value_set_uint (value, self->n_decided);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_report_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FzReportPage *self = FZ_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      self->subtitle = g_file_get_basename (self->file);
      self->title = g_strdup (self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_report_page_class_init (FzReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_report_page_dispose;
  object_class->finalize = fz_report_page_finalize;
  object_class->get_property = fz_report_page_get_property;
  object_class->set_property = fz_report_page_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL, FZ_TYPE_ANALYSIS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_REQUIRED] =
    g_param_spec_uint ("n-required", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DECIDED] =
    g_param_spec_uint ("n-decided", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FzReportPage::toast:
   * @message: a short message for the reviewer
   *
   * Something the window should tell the reviewer even when this tab is
   * not in front: a restored review, a review file that could not be read.
   */
  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * FzReportPage::show-toast:
   * @toast: a toast with a button, e.g. to undo a delete
   */
  signals[SHOW_TOAST] =
    g_signal_new ("show-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);
  /**
   * FzReportPage::review-changed:
   *
   * The reviewer changed a decision, an annotation or the memo.
   */
  signals[REVIEW_CHANGED] =
    g_signal_new ("review-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (FZ_TYPE_OUTLINE_VIEW);
  g_type_ensure (FZ_TYPE_REPORT_VIEW);
  g_type_ensure (FZ_TYPE_CHECKLIST_VIEW);
  g_type_ensure (FZ_TYPE_FINDINGS_VIEW);
  g_type_ensure (FZ_TYPE_ANNOTATIONS_VIEW);
  g_type_ensure (FZ_TYPE_MEMO_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, paned);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, outline_paned);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, warnings_revealer);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, save_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, outline_view);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, search_label);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, text_view);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, ruleset_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, problems_page);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, annotations_page);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, checklist_view);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, findings_view);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, annotations_view);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, memo_view);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_next);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_ruleset_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_section_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_reveal);
  gtk_widget_class_bind_template_callback (widget_class, on_warnings_closed);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_annotation_edit",
                                                G_CALLBACK (_fz_report_page_on_annotation_edit));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_annotation_delete_requested",
                                                G_CALLBACK (_fz_report_page_on_annotation_delete_requested));
}

static void
fz_report_page_init (FzReportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->extra_findings = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_finding_free);

  /* Shared by every tab: the dividers and the outline are the reviewer's
   * preferences, not a report's. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "pane-position", self->paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "outline-width", self->outline_paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-outline", self->outline_view, "visible", G_SETTINGS_BIND_GET);
  g_free (self->ruleset_id);
  self->ruleset_id = g_settings_get_string (self->settings, "default-ruleset");

  _fz_report_page_init_review (self);
  fz_report_page_fill_rulesets (self);

  if (FZ_IS_APPLICATION (g_application_get_default ()))
    g_signal_connect_object (fz_application_get_rules_monitor (FZ_APPLICATION (g_application_get_default ())),
                             "changed", G_CALLBACK (on_rules_changed), self, G_CONNECT_SWAPPED);
}

FzReportPage *
fz_report_page_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (FZ_TYPE_REPORT_PAGE, "file", file, NULL);
}

GFile *
fz_report_page_get_file (FzReportPage *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), NULL);
  return self->file;
}

const char *
fz_report_page_get_title (FzReportPage *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), NULL);
  return self->title;
}

const char *
fz_report_page_get_subtitle (FzReportPage *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), NULL);
  return self->subtitle;
}

gboolean
fz_report_page_get_loading (FzReportPage *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), FALSE);
  return self->loading;
}

const char *
fz_report_page_get_error_message (FzReportPage *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), NULL);
  return self->error_message;
}

FzAnalysis *
fz_report_page_get_analysis (FzReportPage *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), NULL);
  return self->analysis;
}

guint
fz_report_page_get_n_required (FzReportPage *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), 0);
  return self->n_required;
}

guint
fz_report_page_get_n_decided (FzReportPage *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), 0);
  return self->n_decided;
}

guint
fz_report_page_get_n_element_rows (FzReportPage *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), 0);
  return fz_checklist_view_get_n_element_rows (self->checklist_view);
}

FzReview *
fz_report_page_get_review (FzReportPage *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), NULL);
  return self->review;
}
