/* fz-report-page-load.c: the page following its report as it is read,
 * checked and reviewed
 *
 * The page does no reading of its own: FzReport reads the file once,
 * finds its live review in the application's review store and checks it
 * with a rule set of the rule-set store, in workers.  The page listens to
 * the report's properties and hands each view what changed.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-letter-sender.h"
#include "fz-report-page-private.h"

/* When the preferred rule set is gone (a user file deleted), a tab falls
 * back to the national checklist, which binds every government. */
#define FALLBACK_RULESET "national"

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
  if (self->review == review)
    return;

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
  if (self->memo_view != NULL)
    fz_memo_view_set_review (self->memo_view, review);

  if (review == NULL)
    return;

  /* A new review is signed as Preferences say: "unit name". */
  if (fz_review_get_reviewer (review) == NULL || *fz_review_get_reviewer (review) == '\0')
    {
      g_autofree char *reviewer = fz_letter_sender_dup_reviewer (self->settings);

      if (reviewer != NULL)
        fz_review_set_reviewer (review, reviewer);
    }

  /* The store's saver keeps the review on disk, whichever tab or window
   * changes it; the page only shows when saving fails. */
  self->saver = self->reviews != NULL ? fz_review_store_get_saver (self->reviews, review) : NULL;
  if (self->saver != NULL)
    {
      g_object_ref (self->saver);
      g_signal_connect_object (self->saver, "notify::error", G_CALLBACK (on_saver_error_changed), self,
                               G_CONNECT_SWAPPED);
      on_saver_error_changed (self, NULL, self->saver);
    }
  g_signal_connect_object (review, "changed", G_CALLBACK (on_review_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (review, "changed::action", G_CALLBACK (on_review_acted), self, G_CONNECT_SWAPPED);
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
on_document_changed (FzReportPage *self)
{
  FzDocument *document = fz_report_get_document (self->report);
  GPtrArray *warnings = document != NULL ? fz_document_get_warnings (document) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_set_object (&self->document, document);

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (warnings, i));
    }

  gtk_label_set_text (self->warnings_label, text->str);
  gtk_revealer_set_reveal_child (self->warnings_revealer, text->len > 0);
}

/* The report found its review: the views take it, and the reviewer hears
 * when earlier work came back or could not be used. */
static void
on_review_found (FzReportPage *self)
{
  FzReview *review = fz_report_get_review (self->report);
  const char *warning = fz_report_get_review_warning (self->report);

  _fz_report_page_take_review (self, review);
  if (review == NULL)
    return;

  if (warning != NULL)
    _fz_report_page_toast (self, warning);
  else if (fz_review_get_restored (review))
    {
      GListModel *annotations = fz_review_get_annotations (review);
      g_autofree char *decisions = NULL;
      g_autofree char *notes = NULL;
      g_autofree char *message = NULL;

      decisions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decision", "%u decisions",
                                                fz_review_get_n_decided (review)),
                                   fz_review_get_n_decided (review));
      notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations",
                                            g_list_model_get_n_items (annotations)),
                               g_list_model_get_n_items (annotations));
      /* Translators: 1: the file, 2: "3 decisions", 3: "2 annotations" */
      message = g_strdup_printf (_("Your review of “%s” was restored: %s, %s"),
                                 self->subtitle, decisions, notes);
      _fz_report_page_toast (self, message);
    }
}

static void
on_analysis_changed (FzReportPage *self)
{
  FzAnalysis *analysis = fz_report_get_analysis (self->report);

  if (analysis != NULL && analysis != self->analysis)
    _fz_report_page_apply (self, analysis);
}

static void
on_import_progress (FzReportPage     *self,
                    GParamSpec       *pspec,
                    FzImportProgress *progress)
{
  g_autofree char *text = NULL;

  if (self->disposed || !self->loading)
    return;
  if (fz_import_progress_get_stage (progress) == FZ_IMPORT_STAGE_CONVERTING)
    text = fz_import_progress_dup_description (progress);
  gtk_label_set_label (self->loading_label, text ? text : _("Analysing the report…"));
}

/* A conversion through LibreOffice can take half a minute: the loading
 * page says so, and for how long. */
static void
on_import_progress_changed (FzReportPage *self)
{
  FzImportProgress *progress = fz_report_get_import_progress (self->report);

  fz_set_watched (&self->progress, progress, self, "notify", G_CALLBACK (on_import_progress), NULL);
}

static void
on_stage_changed (FzReportPage *self)
{
  switch (fz_report_get_stage (self->report))
    {
    case FZ_REPORT_STAGE_READING:
    case FZ_REPORT_STAGE_ANALYSING:
      _fz_report_page_set_loading (self, TRUE);
      break;

    case FZ_REPORT_STAGE_READY:
      /* Not before the views have taken the analysis. */
      if (!fz_report_page_get_filling (self))
        _fz_report_page_set_loading (self, FALSE);
      break;

    case FZ_REPORT_STAGE_FAILED:
      _fz_report_page_fail (self, fz_report_get_error (self->report));
      break;

    case FZ_REPORT_STAGE_NONE:
    default:
      break;
    }
}

static void
on_ruleset_changed (FzReportPage *self)
{
  FzRuleSet *ruleset = fz_report_get_ruleset (self->report);
  guint position;

  if (ruleset == NULL)
    return;

  g_free (self->ruleset_id);
  self->ruleset_id = g_strdup (fz_ruleset_get_id (ruleset));

  position = fz_ruleset_store_find (self->rulesets, self->ruleset_id);
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->ruleset_dropdown,
                              position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
}

void
_fz_report_page_connect_report (FzReportPage *self)
{
  g_autofree char *preferred = g_settings_get_string (self->settings, "default-ruleset");
  FzRuleSet *ruleset;

  g_object_get (self->report, "ruleset-store", &self->rulesets, "review-store", &self->reviews, NULL);
  g_return_if_fail (self->rulesets != NULL);

  self->file = g_object_ref (fz_report_get_file (self->report));
  self->subtitle = g_strdup (fz_report_get_display_name (self->report));
  self->title = g_strdup (self->subtitle);

  g_signal_connect_object (self->report, "notify::stage", G_CALLBACK (on_stage_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->report, "notify::document", G_CALLBACK (on_document_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->report, "notify::review", G_CALLBACK (on_review_found), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->report, "notify::analysis", G_CALLBACK (on_analysis_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->report, "notify::ruleset", G_CALLBACK (on_ruleset_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->report, "notify::import-progress", G_CALLBACK (on_import_progress_changed), self,
                           G_CONNECT_SWAPPED);
  /* The batch's findings are the report's: the problems view (and the
   * memo, once made) reads them there, and has listed them before the
   * badges count them below. */
  fz_findings_view_set_report (self->findings_view, self->report);
  g_signal_connect_object (self->report, "notify::added-findings", G_CALLBACK (_fz_report_page_on_added_findings),
                           self, G_CONNECT_SWAPPED);

  /* The drop-down lists the store itself. */
  gtk_drop_down_set_expression (self->ruleset_dropdown,
                                gtk_property_expression_new (FZ_TYPE_RULESET, NULL, "display-name"));
  gtk_drop_down_set_model (self->ruleset_dropdown, G_LIST_MODEL (self->rulesets));
  g_signal_connect_object (self->rulesets, "items-changed", G_CALLBACK (_fz_report_page_on_rules_changed), self,
                           G_CONNECT_SWAPPED);

  /* The default of Preferences, unless the review remembers another. */
  ruleset = fz_ruleset_store_lookup (self->rulesets, preferred);
  if (ruleset != NULL)
    fz_report_set_ruleset (self->report, ruleset);
  on_ruleset_changed (self);
}

void
fz_report_page_load (FzReportPage *self)
{
  g_return_if_fail (FZ_IS_REPORT_PAGE (self));

  _fz_report_page_set_error_message (self, NULL);
  _fz_report_page_set_loading (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_label_set_label (self->loading_label, _("Analysing the report…"));

  /* Read afresh, review and all; the live review, shared with every tab
   * that shows this report, is found again by the bytes' hash. */
  fz_report_load_async (self->report, NULL, NULL, NULL);
}

void
fz_report_page_cancel (FzReportPage *self)
{
  g_return_if_fail (FZ_IS_REPORT_PAGE (self));

  if (self->loading)
    fz_report_cancel (self->report);
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

/* The reviewer's rule-set folder was read again: its sets are new objects
 * (a file may have been edited), so the report is checked again with the
 * one of the same id, or with the national set when that one is gone. */
void
_fz_report_page_on_rules_changed (FzReportPage *self)
{
  FzRuleSet *current = fz_report_get_ruleset (self->report);
  FzRuleSet *now;

  if (fz_ruleset_store_get_loading (self->rulesets) && g_list_model_get_n_items (G_LIST_MODEL (self->rulesets)) == 0)
    return;

  now = current != NULL ? fz_ruleset_store_lookup (self->rulesets, fz_ruleset_get_id (current)) : NULL;
  if (now == NULL)
    now = fz_ruleset_store_lookup (self->rulesets, FALLBACK_RULESET);
  if (now != NULL && now != current)
    fz_report_set_ruleset (self->report, now);
  else
    on_ruleset_changed (self);
}

void
_fz_report_page_on_ruleset_selected (FzReportPage *self)
{
  g_autoptr(FzRuleSet) ruleset = NULL;

  /* While the store replaces its list the selection moves by itself;
   * that is not the reviewer's choice. */
  if (self->syncing || fz_ruleset_store_get_loading (self->rulesets))
    return;

  ruleset = g_list_model_get_item (G_LIST_MODEL (self->rulesets),
                                   gtk_drop_down_get_selected (self->ruleset_dropdown));
  if (ruleset != NULL)
    fz_report_set_ruleset (self->report, ruleset);
}

void
fz_report_page_set_ruleset (FzReportPage *self,
                            const char   *ruleset_id)
{
  FzRuleSet *ruleset;

  g_return_if_fail (FZ_IS_REPORT_PAGE (self));
  g_return_if_fail (ruleset_id != NULL);

  if ((ruleset = fz_ruleset_store_lookup (self->rulesets, ruleset_id)) == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the id of a rule set */
      message = g_strdup_printf (_("The rule set “%s” is not available"), ruleset_id);
      _fz_report_page_toast (self, message);
      return;
    }

  fz_report_set_ruleset (self->report, ruleset);
}

FzReport *
fz_report_page_get_report (FzReportPage *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), NULL);

  return self->report;
}
