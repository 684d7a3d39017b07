/* fz-report.c: one report, read once, with its review and analysis
 *
 * The window's tab, a row of a batch and the command-line checker all hold
 * a report the same way, so there is one pipeline: read the file once
 * under the importer's limits, hash those bytes to find the reviewer's
 * work, import the text, check it.  Each view binds to this object's
 * properties and lists instead of keeping copies of its state.
 *
 * Reading and checking run in workers.  Everything the views see changes
 * on the main thread, between two stages; the review, which the reviewer
 * may be editing in another tab, is only touched there.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-report"

#include "config.h"

#include "fz-enums.h"
#include "fz-import.h"
#include "fz-report-private.h"
#include "fz-object-util.h"

G_DEFINE_FINAL_TYPE (FzReport, fz_report, G_TYPE_OBJECT)

enum {
  FINDINGS_CHANGED,
  N_SIGNALS
};

GParamSpec *_fz_report_properties[N_PROPS];
#define properties _fz_report_properties
static guint signals[N_SIGNALS];

void
_fz_report_notify (FzReport *self,
        guint     prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_fz_report_set_stage (FzReport      *self,
                     FzReportStage  stage)
{
  gboolean was_loading = fz_report_get_loading (self);

  if (self->stage == stage)
    return;

  self->stage = stage;
  _fz_report_notify (self, PROP_STAGE);
  _fz_report_notify (self, PROP_PROGRESS);
  if (was_loading != fz_report_get_loading (self))
    _fz_report_notify (self, PROP_LOADING);
}

void
_fz_report_finish_pending (FzReport *self,
                          GError   *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->pending);

  if (self->caller_handler != 0)
    g_cancellable_disconnect (self->caller_cancellable, self->caller_handler);
  self->caller_handler = 0;
  g_clear_object (&self->caller_cancellable);

  if (task == NULL)
    g_clear_error (&error);
  else if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Takes @error. */
void
_fz_report_fail (FzReport *self,
                GError   *error)
{
  g_clear_error (&self->error);
  self->error = g_error_copy (error);
  _fz_report_notify (self, PROP_ERROR);
  _fz_report_set_stage (self, FZ_REPORT_STAGE_FAILED);
  _fz_report_finish_pending (self, error);
}

/* Decisions and counts */

static void
fz_report_count_decisions (FzReport *self)
{
  GListModel *items = G_LIST_MODEL (self->checklist);
  guint n_required = 0, n_decided = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FzChecklistItem) item = g_list_model_get_item (items, i);

      if (!fz_checklist_item_get_required (item))
        continue;
      n_required++;
      if (fz_checklist_item_get_decided (item))
        n_decided++;
    }

  if (self->n_required != n_required)
    {
      self->n_required = n_required;
      _fz_report_notify (self, PROP_N_REQUIRED);
    }
  if (self->n_decided != n_decided)
    {
      self->n_decided = n_decided;
      _fz_report_notify (self, PROP_N_DECIDED);
    }
}

static void
on_decision_changed (FzReport   *self,
                     const char *element_id,
                     FzReview   *review)
{
  FzChecklistItem *item = fz_report_find_item (self, element_id);

  if (item == NULL)
    return;

  fz_checklist_item_sync (item);
  fz_report_count_decisions (self);
}

/* The findings */

static void
fz_report_rebuild_findings (FzReport *self)
{
  g_ptr_array_set_size (self->findings, 0);
  if (self->analysis != NULL)
    g_ptr_array_extend (self->findings, fz_analysis_get_findings (self->analysis), NULL, NULL);
  g_ptr_array_extend (self->findings, self->extra_findings, NULL, NULL);
  if (self->published != NULL)
    g_ptr_array_extend (self->findings, fz_published_page_get_findings (self->published), NULL, NULL);
  g_ptr_array_extend (self->findings, self->filing_findings, NULL, NULL);
  g_signal_emit (self, signals[FINDINGS_CHANGED], 0);
}

static gboolean
same_findings (GPtrArray *a,
               GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const FzFinding *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->id, y->id) != 0 || g_strcmp0 (x->message, y->message) != 0)
        return FALSE;
    }

  return TRUE;
}

/* filed_late and published_late as the record stands.  The score works
 * them out itself from the record; the list has them so that every view
 * of the findings shows them.  FALSE when they are what they were. */
static gboolean
fz_report_check_filing (FzReport *self)
{
  g_autoptr(GPtrArray) findings = NULL;
  const FzMetadata *meta;

  if (self->filing == NULL || self->analysis == NULL)
    findings = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_finding_free);
  else
    {
      meta = fz_analysis_get_metadata (self->analysis);
      findings = fz_filing_check (self->filing, fz_analysis_get_ruleset (self->analysis),
                                  meta->level, meta->report_year);
    }

  if (same_findings (findings, self->filing_findings))
    return FALSE;
  g_ptr_array_unref (self->filing_findings);
  self->filing_findings = g_steal_pointer (&findings);
  return TRUE;
}

static void
on_filing_changed (FzReport *self)
{
  if (fz_report_check_filing (self))
    fz_report_rebuild_findings (self);
}

static void
fz_report_follow_filing (FzReport *self,
                         FzFiling *filing)
{
  if (!fz_set_watched (&self->filing, filing, self, "changed", G_CALLBACK (on_filing_changed), NULL))
    return;
  on_filing_changed (self);
}

/* The score */

#define SCORE_ADDED "added"
#define SCORE_PUBLISHED "published"

/* A score for the table of the analysis's rule set: the same object,
 * updated in place, while the table stays; a new one for another table. */
static void
fz_report_update_score (FzReport *self)
{
  FzScoreTable *table = NULL;
  g_autoptr(FzScore) score = NULL;

  if (self->analysis != NULL)
    table = fz_ruleset_get_score_table (fz_analysis_get_ruleset (self->analysis));

  if (table != NULL && self->score != NULL && fz_score_get_table (self->score) == table)
    {
      fz_score_set_analysis (self->score, self->analysis);
      return;
    }

  if (table != NULL)
    {
      score = fz_score_new (table);
      fz_score_set_review (score, self->review);
      fz_score_set_findings (score, SCORE_ADDED, self->extra_findings);
      if (self->published != NULL)
        fz_score_set_findings (score, SCORE_PUBLISHED, fz_published_page_get_findings (self->published));
      fz_score_set_analysis (score, self->analysis);
    }
  if (g_set_object (&self->score, score))
    _fz_report_notify (self, PROP_SCORE);
}

void
_fz_report_take_review (FzReport *self,
                       FzReview *review)
{
  if (!fz_set_watched (&self->review, review, self,
                       "decision-changed", G_CALLBACK (on_decision_changed),
                       NULL))
    return;
  /* The checklist's items read their decisions from it. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->checklist)); i++)
    {
      g_autoptr(FzChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (self->checklist), i);

      fz_checklist_item_set_review (item, review);
    }
  if (self->score != NULL)
    fz_score_set_review (self->score, review);
  fz_report_follow_filing (self, review != NULL ? fz_review_get_filing (review) : NULL);
  _fz_report_notify (self, PROP_REVIEW);
}

/* The analysis */

/* A new analysis is a new list: the rule set's elements may differ. */
void
_fz_report_take_analysis (FzReport   *self,
                         FzAnalysis *analysis)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *elements = fz_analysis_get_elements (analysis);

  g_set_object (&self->analysis, analysis);
  if (g_set_object (&self->ruleset, fz_analysis_get_ruleset (analysis)))
    _fz_report_notify (self, PROP_RULESET);

  for (guint i = 0; i < elements->len; i++)
    g_ptr_array_add (items, fz_checklist_item_new (analysis, g_ptr_array_index (elements, i),
                                                   self->review));
  g_list_store_splice (self->checklist, 0, g_list_model_get_n_items (G_LIST_MODEL (self->checklist)),
                       items->pdata, items->len);

  /* The deadlines depend on the rule set, the level and the year. */
  fz_report_check_filing (self);
  fz_report_rebuild_findings (self);
  fz_report_count_decisions (self);
  fz_report_update_score (self);
  _fz_report_notify (self, PROP_ANALYSIS);
}

/* Getters */

GFile *
fz_report_get_file (FzReport *self)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), NULL);

  return self->file;
}

const char *
fz_report_get_display_name (FzReport *self)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), NULL);

  return self->display_name;
}

FzReportStage
fz_report_get_stage (FzReport *self)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), FZ_REPORT_STAGE_NONE);

  return self->stage;
}

gboolean
fz_report_get_loading (FzReport *self)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), FALSE);

  return self->stage == FZ_REPORT_STAGE_READING || self->stage == FZ_REPORT_STAGE_ANALYSING;
}

FzImportProgress *
fz_report_get_import_progress (FzReport *self)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), NULL);

  return self->import_progress;
}

double
fz_report_get_progress (FzReport *self)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), 0);

  /* Reading dominates: conversions take seconds, checking milliseconds. */
  switch (self->stage)
    {
    case FZ_REPORT_STAGE_NONE:
    case FZ_REPORT_STAGE_READING:
      return 0;
    case FZ_REPORT_STAGE_ANALYSING:
      return 0.8;
    case FZ_REPORT_STAGE_READY:
    case FZ_REPORT_STAGE_FAILED:
    default:
      return 1;
    }
}

const GError *
fz_report_get_error (FzReport *self)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), NULL);

  return self->error;
}

const char *
fz_report_get_sha256 (FzReport *self)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), NULL);

  return self->sha256;
}

FzDocument *
fz_report_get_document (FzReport *self)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), NULL);

  return self->document;
}

FzReview *
fz_report_get_review (FzReport *self)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), NULL);

  return self->review;
}

const char *
fz_report_get_review_warning (FzReport *self)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), NULL);

  return self->review_warning;
}

FzAnalysis *
fz_report_get_analysis (FzReport *self)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), NULL);

  return self->analysis;
}

GListModel *
fz_report_get_checklist (FzReport *self)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), NULL);

  return G_LIST_MODEL (self->checklist);
}

FzChecklistItem *
fz_report_find_item (FzReport   *self,
                     const char *element_id)
{
  GListModel *items;

  g_return_val_if_fail (FZ_IS_REPORT (self), NULL);
  g_return_val_if_fail (element_id != NULL, NULL);

  items = G_LIST_MODEL (self->checklist);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      /* The store keeps a reference: a borrowed pointer is safe to give. */
      g_autoptr(FzChecklistItem) item = g_list_model_get_item (items, i);

      if (g_str_equal (fz_checklist_item_get_element_id (item), element_id))
        return item;
    }

  return NULL;
}

guint
fz_report_get_n_required (FzReport *self)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), 0);

  return self->n_required;
}

guint
fz_report_get_n_decided (FzReport *self)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), 0);

  return self->n_decided;
}

static gboolean
same_finding (gconstpointer a,
              gconstpointer b)
{
  const FzFinding *x = a, *y = b;

  return x->start == y->start && x->end == y->end &&
         g_strcmp0 (x->id, y->id) == 0 && g_strcmp0 (x->message, y->message) == 0;
}

gboolean
fz_report_add_findings (FzReport  *self,
                        GPtrArray *findings)
{
  guint before;

  g_return_val_if_fail (FZ_IS_REPORT (self), FALSE);

  before = self->extra_findings->len;
  /* The report opened from its batch twice gets nothing twice. */
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    if (!g_ptr_array_find_with_equal_func (self->extra_findings, g_ptr_array_index (findings, i),
                                           same_finding, NULL))
      g_ptr_array_add (self->extra_findings, fz_finding_copy (g_ptr_array_index (findings, i)));
  if (self->extra_findings->len == before)
    return FALSE;

  fz_report_rebuild_findings (self);
  if (self->score != NULL)
    fz_score_set_findings (self->score, SCORE_ADDED, self->extra_findings);
  _fz_report_notify (self, PROP_ADDED_FINDINGS);

  return TRUE;
}

GPtrArray *
fz_report_get_added_findings (FzReport *self)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), NULL);

  return self->extra_findings;
}

GPtrArray *
fz_report_get_findings (FzReport *self)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), NULL);

  return self->findings;
}

FzScore *
fz_report_get_score (FzReport *self)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), NULL);

  return self->score;
}

FzPublishedPage *
fz_report_get_published_page (FzReport *self)
{
  g_return_val_if_fail (FZ_IS_REPORT (self), NULL);

  return self->published;
}

void
fz_report_set_published_page (FzReport        *self,
                              FzPublishedPage *page)
{
  g_return_if_fail (FZ_IS_REPORT (self));
  g_return_if_fail (page == NULL || FZ_IS_PUBLISHED_PAGE (page));

  if (!g_set_object (&self->published, page))
    return;

  fz_report_rebuild_findings (self);
  if (self->score != NULL)
    fz_score_set_findings (self->score, SCORE_PUBLISHED,
                           page != NULL ? fz_published_page_get_findings (page) : NULL);
  _fz_report_notify (self, PROP_PUBLISHED_PAGE);
}

/* GObject */

static void
fz_report_dispose (GObject *object)
{
  FzReport *self = FZ_REPORT (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _fz_report_finish_pending (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                       "Disposed"));
  /* Going away is no change of the record to report. */
  fz_clear_watched (&self->filing, self);
  _fz_report_take_review (self, NULL);
  g_clear_object (&self->score);
  g_clear_object (&self->published);

  G_OBJECT_CLASS (fz_report_parent_class)->dispose (object);
}

static void
fz_report_finalize (GObject *object)
{
  FzReport *self = FZ_REPORT (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_object (&self->reviews);
  g_clear_object (&self->rulesets);
  g_clear_error (&self->error);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_object (&self->document);
  g_clear_pointer (&self->review_warning, g_free);
  g_clear_object (&self->ruleset);
  g_clear_object (&self->analysis);
  g_clear_object (&self->import_progress);
  g_clear_object (&self->checklist);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->extra_findings, g_ptr_array_unref);
  g_clear_pointer (&self->filing_findings, g_ptr_array_unref);

  G_OBJECT_CLASS (fz_report_parent_class)->finalize (object);
}

static void
fz_report_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FzReport *self = FZ_REPORT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_REVIEW_STORE:
      g_value_set_object (value, self->reviews);
      break;

    case PROP_RULESET_STORE:
      g_value_set_object (value, self->rulesets);
      break;

    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, fz_report_get_loading (self));
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, fz_report_get_progress (self));
      break;
    case PROP_IMPORT_PROGRESS:
      g_value_set_object (value, self->import_progress);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_REVIEW:
      g_value_set_object (value, self->review);
      break;

    case PROP_REVIEW_WARNING:
      g_value_set_string (value, self->review_warning);
      break;

    case PROP_RULESET:
      g_value_set_object (value, self->ruleset);
      break;

    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;

    case PROP_CHECKLIST:
      g_value_set_object (value, self->checklist);
      break;

    case PROP_N_REQUIRED:
      g_value_set_uint (value, self->n_required);
      break;

    case PROP_N_DECIDED:
      g_value_set_uint (value, self->n_decided);
      break;

    case PROP_SCORE:
      g_value_set_object (value, self->score);
      break;

    case PROP_PUBLISHED_PAGE:
      g_value_set_object (value, self->published);
      break;

    case PROP_ADDED_FINDINGS:
      g_value_set_boxed (value, self->extra_findings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_report_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FzReport *self = FZ_REPORT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    case PROP_REVIEW_STORE:
      self->reviews = g_value_dup_object (value);
      break;

    case PROP_RULESET_STORE:
      self->rulesets = g_value_dup_object (value);
      break;

    case PROP_PUBLISHED_PAGE:
      fz_report_set_published_page (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_report_constructed (GObject *object)
{
  FzReport *self = FZ_REPORT (object);
  g_autofree char *basename = NULL;

  G_OBJECT_CLASS (fz_report_parent_class)->constructed (object);

  g_assert (G_IS_FILE (self->file));
  basename = g_file_get_basename (self->file);
  self->display_name = basename != NULL ? g_filename_display_name (basename) : g_strdup ("?");
}

static void
fz_report_class_init (FzReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = fz_report_constructed;
  object_class->dispose = fz_report_dispose;
  object_class->finalize = fz_report_finalize;
  object_class->get_property = fz_report_get_property;
  object_class->set_property = fz_report_set_property;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, construct);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, ro);
  properties[PROP_REVIEW_STORE] =
    g_param_spec_object ("review-store", NULL, NULL, FZ_TYPE_REVIEW_STORE, construct);
  properties[PROP_RULESET_STORE] =
    g_param_spec_object ("ruleset-store", NULL, NULL, FZ_TYPE_RULESET_STORE, construct);
  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL, FZ_TYPE_REPORT_STAGE, FZ_REPORT_STAGE_NONE, ro);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, 0, 1, 0, ro);
  properties[PROP_IMPORT_PROGRESS] =
    g_param_spec_object ("import-progress", NULL, NULL, FZ_TYPE_IMPORT_PROGRESS, ro);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, ro);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, ro);
  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, FZ_TYPE_DOCUMENT, ro);
  properties[PROP_REVIEW] = g_param_spec_object ("review", NULL, NULL, FZ_TYPE_REVIEW, ro);
  properties[PROP_REVIEW_WARNING] = g_param_spec_string ("review-warning", NULL, NULL, NULL, ro);
  /* Set through fz_report_set_ruleset(): it starts a new check. */
  properties[PROP_RULESET] = g_param_spec_object ("ruleset", NULL, NULL, FZ_TYPE_RULESET, ro);
  properties[PROP_ANALYSIS] = g_param_spec_object ("analysis", NULL, NULL, FZ_TYPE_ANALYSIS, ro);
  properties[PROP_CHECKLIST] = g_param_spec_object ("checklist", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_N_REQUIRED] = g_param_spec_uint ("n-required", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_DECIDED] = g_param_spec_uint ("n-decided", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_SCORE] = g_param_spec_object ("score", NULL, NULL, FZ_TYPE_SCORE, ro);
  properties[PROP_PUBLISHED_PAGE] =
    g_param_spec_object ("published-page", NULL, NULL, FZ_TYPE_PUBLISHED_PAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The same array throughout: notified when it grows. */
  properties[PROP_ADDED_FINDINGS] = g_param_spec_boxed ("added-findings", NULL, NULL, G_TYPE_PTR_ARRAY, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The list of findings (fz_report_get_findings()) is new: after each
   * check, and when findings are added. */
  signals[FINDINGS_CHANGED] = fz_signal_new (klass, "findings-changed", 0);
}

static void
fz_report_init (FzReport *self)
{
  self->checklist = g_list_store_new (FZ_TYPE_CHECKLIST_ITEM);
  self->findings = g_ptr_array_new ();
  self->extra_findings = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_finding_free);
  self->filing_findings = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_finding_free);
}

FzReport *
fz_report_new (GFile          *file,
               FzReviewStore  *reviews,
               FzRuleSetStore *rulesets)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (reviews == NULL || FZ_IS_REVIEW_STORE (reviews), NULL);
  g_return_val_if_fail (rulesets == NULL || FZ_IS_RULESET_STORE (rulesets), NULL);

  return g_object_new (FZ_TYPE_REPORT,
                       "file", file,
                       "review-store", reviews,
                       "ruleset-store", rulesets,
                       NULL);
}
