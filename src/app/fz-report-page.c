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

#include "fz-frame-step.h"
#include "fz-report-page-private.h"
#include "fz-report-versions.h"
#include "fz-tooltip.h"
#include "fz-unit-name.h"

G_DEFINE_FINAL_TYPE (FzReportPage, fz_report_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REPORT,
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

/* Most reports are read and checked in a few dozen milliseconds: a
 * spinner flashed for that long is noise, and animating it costs the
 * frames the report itself needs.  It appears once loading takes longer. */
#define BUSY_DELAY_MS 300

static gboolean
show_busy (gpointer data)
{
  FzReportPage *self = data;

  self->busy_id = 0;
  gtk_widget_set_visible (self->loading_box, TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);

  return G_SOURCE_REMOVE;
}

/* What the side pane needs only once there is a report to show -- the
 * view switcher's buttons, the checklist's reference list -- is a third
 * of making a tab.  It is made a frame after the report's part of the
 * page is shown, while the report is still being read, or when the
 * report comes first. */
static void
prepare_side (FzReportPage *self)
{
  fz_frame_step_cancel (&self->prepare_wait);
  if (self->side_prepared)
    return;

  self->side_prepared = TRUE;
  adw_view_switcher_set_stack (self->view_switcher, self->view_stack);
  fz_checklist_view_prepare (self->checklist_view);
}

static gboolean
prepare_side_cb (gpointer data)
{
  prepare_side (data);
  return G_SOURCE_REMOVE;
}

/* A new tab's first frame would otherwise work out the styles and sizes
 * of the hundreds of widgets in the report's part of the page, hidden
 * behind the loading page: half the frame.  They are shown (still
 * behind it) once that frame is drawn, and take their styles in the
 * next, while the report is being read. */
static void
show_report_box (FzReportPage *self)
{
  fz_clear_watched (&self->first_frame_clock, self);
  gtk_widget_set_visible (self->report_box, TRUE);
  if (!self->side_prepared && !fz_frame_step_pending (&self->prepare_wait))
    fz_frame_step_schedule (&self->prepare_wait, GTK_WIDGET (self), prepare_side_cb, self);
}

static void
fz_report_page_map (GtkWidget *widget)
{
  FzReportPage *self = FZ_REPORT_PAGE (widget);

  GTK_WIDGET_CLASS (fz_report_page_parent_class)->map (widget);

  if (!gtk_widget_get_visible (self->report_box))
    fz_set_watched (&self->first_frame_clock, gtk_widget_get_frame_clock (widget), self,
                    "after-paint", G_CALLBACK (show_report_box),
                    NULL);
}

void
_fz_report_page_set_loading (FzReportPage *self,
                            gboolean      loading)
{
  loading = !!loading;

  if (self->loading == loading)
    return;

  self->loading = loading;
  g_clear_handle_id (&self->busy_id, g_source_remove);
  if (loading)
    self->busy_id = g_timeout_add (BUSY_DELAY_MS, show_busy, self);
  else
    {
      gtk_widget_set_visible (self->loading_box, FALSE);
      gtk_spinner_set_spinning (self->spinner, FALSE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
_fz_report_page_set_error_message (FzReportPage *self,
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
_fz_report_page_toast (FzReportPage *self,
                       const char   *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

void
_fz_report_page_emit_review_changed (FzReportPage *self)
{
  g_signal_emit (self, signals[REVIEW_CHANGED], 0);
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

/* Text and outline -------------------------------------------------------- */

void
fz_report_page_reveal_range (FzReportPage *self,
                             guint         start,
                             guint         end)
{
  g_return_if_fail (FZ_IS_REPORT_PAGE (self));

  fz_report_view_reveal_range (self->text_view, start, end);
}

void
_fz_report_page_on_reveal (FzReportPage *self,
                           guint         start,
                           guint         end)
{
  fz_report_view_reveal_range (self->text_view, start, end);
}

static void
on_view_shown (FzReportPage *self)
{
  /* A view chosen before its turn takes the analysis at once. */
  _fz_report_page_finish_apply (self);
  _fz_report_page_ensure_shown_view (self);
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

void
_fz_report_page_fail (FzReportPage *self,
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
  _fz_report_page_set_loading (self, FALSE);
  if (!cancelled)
    _fz_report_page_set_error_message (self, error->message);
}

/* The views take a new analysis over the next frames, not all in one:
 * each view's new rows cost their styles, sizes and drawing, and all of
 * them at once held the window for two frames' time (33 ms for a 2 MB
 * report).  The text comes first, with the page; the checklist in the
 * next frame, and with it the report counts as loaded; then the outline;
 * then the problems and the memo, drawn only when chosen.  While the page
 * is on show each step waits for the frame that draws the one before
 * (fz-frame-step.c).  Whatever needs a view before its turn gives them
 * all the analysis first (_fz_report_page_finish_apply). */
enum {
  APPLY_CHECKLIST,
  APPLY_OUTLINE,
  APPLY_HIDDEN,
  APPLY_DONE,
};

static gboolean apply_next (gpointer data);

static void
run_apply_step (FzReportPage *self)
{
  FzAnalysis *analysis = self->analysis;

  switch (self->apply_step++)
    {
    case APPLY_CHECKLIST:
      /* The report's own items: once bound, they follow re-checks and
       * decisions by themselves. */
      fz_checklist_view_set_analysis (self->checklist_view, analysis);
      fz_checklist_view_set_checklist (self->checklist_view, fz_report_get_checklist (self->report));
      _fz_report_page_count_decisions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
      _fz_report_page_set_loading (self, FALSE);
      break;
    case APPLY_OUTLINE:
      fz_outline_view_set_analysis (self->outline_view, analysis);
      break;
    case APPLY_HIDDEN:
      fz_findings_view_set_analysis (self->findings_view, analysis);
      if (self->memo_view != NULL)
        fz_memo_view_set_analysis (self->memo_view, analysis);
      _fz_report_page_update_badges (self);
      break;
    default:
      break;
    }
}

static void
schedule_apply_step (FzReportPage *self)
{
  if (self->apply_step < APPLY_DONE)
    fz_frame_step_schedule (&self->apply_wait, GTK_WIDGET (self), apply_next, self);
  else
    fz_frame_step_cancel (&self->apply_wait);
}

static gboolean
apply_next (gpointer data)
{
  FzReportPage *self = data;

  run_apply_step (self);
  schedule_apply_step (self);

  return G_SOURCE_REMOVE;
}

/* Every view takes the analysis now. */
void
_fz_report_page_finish_apply (FzReportPage *self)
{
  fz_frame_step_cancel (&self->apply_wait);
  while (self->apply_step < APPLY_DONE)
    run_apply_step (self);
}

void
_fz_report_page_apply (FzReportPage *self,
                      FzAnalysis   *analysis)
{
  g_autofree char *title = NULL;

  g_set_object (&self->analysis, analysis);

  title = fz_report_short_title (analysis);
  fz_report_page_set_title (self, title != NULL ? title : self->subtitle);

  fz_report_view_set_analysis (self->text_view, analysis);
  prepare_side (self);
  show_report_box (self);
  gtk_stack_set_visible_child_name (self->stack, "report");
  _fz_report_page_set_error_message (self, NULL);

  /* A newer analysis starts the other views over. */
  self->apply_step = APPLY_CHECKLIST;
  schedule_apply_step (self);
}

gboolean
fz_report_page_get_filling (FzReportPage *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), FALSE);

  return self->apply_step < APPLY_DONE;
}

/* GObject ---------------------------------------------------------------- */

static void
fz_report_page_constructed (GObject *object)
{
  FzReportPage *self = FZ_REPORT_PAGE (object);

  G_OBJECT_CLASS (fz_report_page_parent_class)->constructed (object);

  _fz_report_page_connect_report (self);
  /* Round two and last year, once the window sets their reports. */
  _fz_report_page_attach_versions (self);
}

static void
fz_report_page_dispose (GObject *object)
{
  FzReportPage *self = FZ_REPORT_PAGE (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->busy_id, g_source_remove);
  fz_frame_step_cancel (&self->apply_wait);
  fz_frame_step_cancel (&self->prepare_wait);
  fz_clear_watched (&self->first_frame_clock, self);

  /* Another tab or window may show the same report's review; this page
   * stops only what it started. */
  if (self->report != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->report, self);
      if (fz_report_get_loading (self->report))
        fz_report_cancel (self->report);
    }
  if (self->rulesets != NULL)
    g_signal_handlers_disconnect_by_data (self->rulesets, self);
  fz_clear_watched (&self->progress, self);
  /* Closing the tab must not lose the last second of work. */
  _fz_report_page_take_review (self, NULL);

  /* No gtk_widget_dispose_template(): the stack is AdwBin's child, and
   * AdwBin unparents it in its own dispose. */
  G_OBJECT_CLASS (fz_report_page_parent_class)->dispose (object);
}

static void
fz_report_page_finalize (GObject *object)
{
  FzReportPage *self = FZ_REPORT_PAGE (object);

  g_clear_object (&self->report);
  g_clear_object (&self->rulesets);
  g_clear_object (&self->reviews);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_object (&self->analysis);
  g_clear_object (&self->document);
  g_clear_pointer (&self->ruleset_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->error_message, g_free);
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
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
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
    case PROP_REPORT:
      self->report = g_value_dup_object (value);
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

  widget_class->map = fz_report_page_map;

  object_class->constructed = fz_report_page_constructed;
  object_class->dispose = fz_report_page_dispose;
  object_class->finalize = fz_report_page_finalize;
  object_class->get_property = fz_report_page_get_property;
  object_class->set_property = fz_report_page_set_property;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, FZ_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
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
    fz_signal_new (klass, "toast", 1, G_TYPE_STRING);
  /**
   * FzReportPage::show-toast:
   * @toast: a toast with a button, e.g. to undo a delete
   */
  signals[SHOW_TOAST] =
    fz_signal_new (klass, "show-toast", 1, ADW_TYPE_TOAST);
  /**
   * FzReportPage::review-changed:
   *
   * The reviewer changed a decision, an annotation or the memo.
   */
  signals[REVIEW_CHANGED] =
    fz_signal_new (klass, "review-changed", 0);

  g_type_ensure (FZ_TYPE_OUTLINE_VIEW);
  g_type_ensure (FZ_TYPE_REPORT_VIEW);
  g_type_ensure (FZ_TYPE_CHECKLIST_VIEW);
  g_type_ensure (FZ_TYPE_FINDINGS_VIEW);
  g_type_ensure (FZ_TYPE_ANNOTATIONS_VIEW);
  g_type_ensure (FZ_TYPE_SCORE_BADGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, previous_match_button);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, next_match_button);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, hide_notes_button);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, loading_box);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, loading_label);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, paned);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, report_box);
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
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, round_two_page);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, rounds_bin);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, last_year_page);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, history_bin);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, problems_page);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, annotations_page);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, checklist_view);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, findings_view);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, annotations_view);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, memo_bin);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, score_bin);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, filing_bin);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_cancel_clicked", G_CALLBACK (_fz_report_page_on_cancel_clicked));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_retry_clicked", G_CALLBACK (_fz_report_page_on_retry_clicked));
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_next);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_ruleset_selected", G_CALLBACK (_fz_report_page_on_ruleset_selected));
  gtk_widget_class_bind_template_callback (widget_class, on_section_activated);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_reveal", G_CALLBACK (_fz_report_page_on_reveal));
  gtk_widget_class_bind_template_callback (widget_class, on_view_shown);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_warnings_closed", G_CALLBACK (_fz_report_page_on_warnings_closed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_annotation_edit",
                                                G_CALLBACK (_fz_report_page_on_annotation_edit));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_annotation_delete_requested",
                                                G_CALLBACK (_fz_report_page_on_annotation_delete_requested));
}

static void
fz_report_page_init (FzReportPage *self)
{
  /* No analysis yet, so nothing for the views to take. */
  self->apply_step = APPLY_DONE;
  gtk_widget_init_template (GTK_WIDGET (self));
  fz_tooltip_set_text_and_description (self->hide_notes_button, _("Hide"));
  fz_tooltip_set_text_and_description (self->previous_match_button, _("Previous Match (Shift+Ctrl+G)"));
  fz_tooltip_set_text_and_description (self->next_match_button, _("Next Match (Ctrl+G)"));

  /* Shared by every tab: the dividers and the outline are the reviewer's
   * preferences, not a report's. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "pane-position", self->paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "outline-width", self->outline_paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-outline", self->outline_view, "visible", G_SETTINGS_BIND_GET);

  _fz_report_page_init_review (self);
}

FzReportPage *
fz_report_page_new (FzReport *report)
{
  g_return_val_if_fail (FZ_IS_REPORT (report), NULL);

  return g_object_new (FZ_TYPE_REPORT_PAGE, "report", report, NULL);
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

FzReview *
fz_report_page_get_review (FzReportPage *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), NULL);
  return self->review;
}
