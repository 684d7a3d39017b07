/* fz-report-page.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-annotation-popover.h"
#include "fz-application.h"
#include "fz-element-color.h"
#include "fz-verdict-style.h"
#include "fz-outline-view.h"
#include "fz-report-page.h"
#include "fz-report-view.h"
#include "fz-review-panel.h"
#include "fz-tooltip.h"

/* When the preferred rule set is gone (a user file deleted), a tab falls
 * back to the national checklist, which binds every government. */
#define FALLBACK_RULESET "national"

/* Rows per page of the long lists: more findings than a real report has,
 * so F8 reaches them all unless the text is a compilation. */
#define FINDINGS_PAGE 200
#define FIGURES_PAGE  100

/* Positions in the decision drop-down; 0 means "not reviewed yet". */
enum {
  CHOICE_NONE,
  CHOICE_PRESENT,
  CHOICE_PARTIAL,
  CHOICE_MISSING,
  CHOICE_NOT_APPLICABLE,
};

/* What activating a checklist row shows. */
typedef struct
{
  guint     start;
  guint     end;
  guint     has_range : 1;
  char     *element_id;           /* element rows only */
  char     *explanation;          /* shown when there is nothing to scroll to */
  guint     is_finding : 1;       /* F8 visits findings after the open elements */
} RowTarget;

typedef struct _RowPager RowPager;
struct _RowPager
{
  AdwPreferencesGroup *group;
  AdwActionRow        *more_row;
  guint                shown;
  guint                wanted;          /* rows asked for so far */
  guint                total;
  guint                page;
  void               (*add) (FzReportPage *self,
                             guint         index);
};

/* What a worker needs to analyse a report: both are immutable. */
typedef struct
{
  FzDocument *document;
  char       *ruleset_id;
} AnalyseData;

struct _FzReportPage
{
  AdwBin                parent_instance;

  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkLabel             *loading_label;
  FzImportProgress     *progress;     /* of the file being read, while it is */
  AdwStatusPage        *error_page;
  GtkPaned             *paned;
  GtkRevealer          *warnings_revealer;
  GtkLabel             *warnings_label;
  GtkRevealer          *save_error_revealer;
  GtkLabel             *save_error_label;
  GtkRevealer          *outline_revealer;
  FzOutlineView        *outline_view;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *search_label;
  FzReportView         *text_view;
  GtkBox               *checklist_box;
  AdwPreferencesGroup  *required_group;
  AdwPreferencesGroup  *optional_group;
  AdwPreferencesGroup  *metadata_group;
  AdwPreferencesGroup  *findings_group;
  AdwPreferencesGroup  *figures_group;
  AdwPreferencesGroup  *coverage_group;
  FzReviewPanel        *review_panel;
  FzAnnotationPopover  *annotation_popover;
  guint                 annotate_start;   /* the passage the popover annotates */
  guint                 annotate_end;
  GtkPopover           *explain_popover;
  GtkLabel             *explain_label;
  GtkDropDown          *ruleset_dropdown;

  GFile                *file;
  char                 *title;
  char                 *error_message;
  GCancellable         *cancellable;
  FzAnalysis           *analysis;
  FzDocument           *document;         /* kept to analyse again under another rule set */
  char                 *ruleset_id;
  char                **ruleset_ids;      /* in the order of the rule set drop-down */

  GSettings            *settings;

  GPtrArray            *rows;             /* every checklist row, to clear them */
  GHashTable           *element_rows;     /* element id → AdwActionRow */
  FzReview             *review;           /* the reviewer's work, saved as it changes */
  FzReviewSaver        *saver;
  GPtrArray            *findings;         /* FzFinding shown: the analysis's, then the extra ones */
  GPtrArray            *extra_findings;   /* FzFinding, owned: copy_overlap from a batch */
  RowPager              findings_pager;
  RowPager              figures_pager;
  guint                 populate_id;
  guint                 outline_id;
  guint                 n_required;
  guint                 n_decided;
  guint                 n_element_rows;
  int                   selected_row;     /* index into @rows of the F8 selection, or -1 */

  guint                 loading : 1;
  guint                 syncing : 1;      /* drop-downs changed by code, not by the reviewer */
  guint                 disposed : 1;
};

G_DEFINE_FINAL_TYPE (FzReportPage, fz_report_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
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
  REVIEW_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_target_free (gpointer data)
{
  RowTarget *target = data;

  g_free (target->element_id);
  g_free (target->explanation);
  g_free (target);
}

static void
analyse_data_free (gpointer data)
{
  AnalyseData *analyse = data;

  g_clear_object (&analyse->document);
  g_free (analyse->ruleset_id);
  g_free (analyse);
}

static guint
status_to_choice (FzStatus status)
{
  switch (status)
    {
    case FZ_STATUS_PRESENT:
      return CHOICE_PRESENT;
    case FZ_STATUS_PARTIAL:
      return CHOICE_PARTIAL;
    case FZ_STATUS_MISSING:
      return CHOICE_MISSING;
    case FZ_STATUS_NOT_APPLICABLE:
      return CHOICE_NOT_APPLICABLE;
    case FZ_STATUS_NEEDS_REVIEW:
      return CHOICE_NONE;
    default:
      g_return_val_if_reached (CHOICE_NONE);
    }
}

static gboolean
choice_to_status (guint     choice,
                  FzStatus *status)
{
  switch (choice)
    {
    case CHOICE_PRESENT:
      *status = FZ_STATUS_PRESENT;
      return TRUE;
    case CHOICE_PARTIAL:
      *status = FZ_STATUS_PARTIAL;
      return TRUE;
    case CHOICE_MISSING:
      *status = FZ_STATUS_MISSING;
      return TRUE;
    case CHOICE_NOT_APPLICABLE:
      *status = FZ_STATUS_NOT_APPLICABLE;
      return TRUE;
    default:
      return FALSE;
    }
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

/* Progress and row state ------------------------------------------------- */

static void
fz_report_page_count_decisions (FzReportPage *self)
{
  GPtrArray *elements;
  guint n_decided = 0;

  if (self->analysis == NULL || self->review == NULL)
    return;

  elements = fz_analysis_get_elements (self->analysis);
  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *result = g_ptr_array_index (elements, i);

      if (result->required && fz_review_get_decision (self->review, result->id, NULL, NULL, NULL))
        n_decided++;
    }

  if (n_decided != self->n_decided)
    {
      self->n_decided = n_decided;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DECIDED]);
    }
}

static char *
element_row_subtitle (const FzElementResult *result,
                      const char            *reason)
{
  GString *str = g_string_new (NULL);
  g_autofree char *explanation = NULL;

  explanation = g_markup_escape_text (result->explanation ? result->explanation : "", -1);
  g_string_append_printf (str, "<b>%s</b>", fz_status_label (result->status));
  if (*explanation != '\0')
    g_string_append_printf (str, " · %s", explanation);

  if (reason != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (reason, -1);

      g_string_append_c (str, '\n');
      /* Translators: %s is the reviewer's own reason for overriding the checker */
      g_string_append_printf (str, _("Reviewer’s reason: %s"), escaped);
    }

  return g_string_free (str, FALSE);
}

/* Brings an element row in line with the recorded decision. */
static void
fz_report_page_sync_element_row (FzReportPage *self,
                                 const char   *element_id)
{
  const FzElementResult *result;
  AdwActionRow *row;
  GtkDropDown *dropdown;
  g_autofree char *subtitle = NULL;
  const char *reason = NULL;
  FzStatus status;
  gboolean decided;

  row = g_hash_table_lookup (self->element_rows, element_id);
  result = fz_analysis_find_element (self->analysis, element_id);
  if (row == NULL || result == NULL || self->review == NULL)
    return;

  decided = fz_review_get_decision (self->review, element_id, &status, &reason, NULL);
  dropdown = g_object_get_data (G_OBJECT (row), "fz-dropdown");

  self->syncing = TRUE;
  gtk_drop_down_set_selected (dropdown, decided ? status_to_choice (status) : CHOICE_NONE);
  self->syncing = FALSE;

  subtitle = element_row_subtitle (result, decided ? reason : NULL);
  adw_action_row_set_subtitle (row, subtitle);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_CHECKED,
                               decided ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);

  if (decided)
    gtk_widget_add_css_class (GTK_WIDGET (row), "decided");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "decided");
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

  fz_report_page_sync_element_row (self, element_id);
  fz_report_page_count_decisions (self);

  return TRUE;
}

static void
fz_report_page_clear_decision (FzReportPage *self,
                               const char   *element_id)
{
  fz_review_clear_decision (self->review, element_id);
  fz_report_page_sync_element_row (self, element_id);
  fz_report_page_count_decisions (self);
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

/* Asking for a reason ---------------------------------------------------- */

typedef struct
{
  FzReportPage *self;
  char         *element_id;
  FzStatus      status;
  GtkEntry     *entry;
} ReasonRequest;

static void
reason_request_free (gpointer  data,
                     GClosure *closure)
{
  ReasonRequest *request = data;

  g_clear_object (&request->self);
  g_free (request->element_id);
  g_free (request);
}

static void
on_reason_changed (AdwMessageDialog *dialog,
                   GtkEditable      *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "record", *text != '\0');
}

static void
on_reason_response (AdwMessageDialog *dialog,
                    const char       *response,
                    ReasonRequest    *request)
{
  FzReportPage *self = request->self;

  if (self->disposed || self->analysis == NULL)
    return;

  if (g_str_equal (response, "record"))
    {
      g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (request->entry))));

      if (*reason != '\0')
        {
          fz_report_page_set_decision (self, request->element_id, request->status, reason);
          return;
        }
    }

  /* Without a reason the override is not recorded: put the row back. */
  fz_report_page_sync_element_row (self, request->element_id);
}

static void
fz_report_page_ask_reason (FzReportPage          *self,
                           const FzElementResult *result,
                           FzStatus               status)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ReasonRequest *request;
  GtkWidget *dialog;
  GtkWidget *entry;
  g_autofree char *body = NULL;

  /* Translators: 1: element name, 2: the checker's verdict, 3: the reviewer's choice */
  body = g_strdup_printf (_("The checker rated “%s” as %s. Briefly say why it is %s."),
                          result->name, fz_status_label (result->status), fz_status_label (status));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Override the Checker?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "record", _("_Record Decision"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record", FALSE);

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for the decision"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  request = g_new0 (ReasonRequest, 1);
  request->self = g_object_ref (self);
  request->element_id = g_strdup (result->id);
  request->status = status;
  request->entry = GTK_ENTRY (entry);

  g_signal_connect_object (entry, "changed", G_CALLBACK (on_reason_changed), dialog,
                           G_CONNECT_SWAPPED);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_reason_response),
                         request, reason_request_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_decision_selected (GtkDropDown  *dropdown,
                      GParamSpec   *pspec,
                      FzReportPage *self)
{
  const char *element_id = g_object_get_data (G_OBJECT (dropdown), "fz-element-id");
  const FzElementResult *result;
  FzStatus status;

  if (self->syncing || self->analysis == NULL)
    return;

  result = fz_analysis_find_element (self->analysis, element_id);
  g_return_if_fail (result != NULL);

  if (!choice_to_status (gtk_drop_down_get_selected (dropdown), &status))
    {
      fz_report_page_clear_decision (self, element_id);
      return;
    }

  /* Agreeing with the checker, or deciding what it left open, needs no
   * justification; overriding it does. */
  if (result->status == FZ_STATUS_NEEDS_REVIEW || result->status == status)
    fz_report_page_set_decision (self, element_id, status, NULL);
  else
    fz_report_page_ask_reason (self, result, status);
}

/* Text view -------------------------------------------------------------- */

void
fz_report_page_reveal_range (FzReportPage *self,
                             guint         start,
                             guint         end)
{
  g_return_if_fail (FZ_IS_REPORT_PAGE (self));

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

/* Annotations ------------------------------------------------------------ */

static void
fz_report_page_popup_annotation (FzReportPage *self,
                                 guint         start,
                                 guint         end,
                                 FzAnnotation *annotation)
{
  g_autofree char *quote = NULL;

  self->annotate_start = start;
  self->annotate_end = end;

  if (annotation == NULL)
    quote = fz_document_dup_range (self->document, start, end);
  fz_annotation_popover_prepare (self->annotation_popover, quote, annotation);
  fz_report_view_point_popover (self->text_view, GTK_POPOVER (self->annotation_popover), start, end);
  gtk_popover_popup (GTK_POPOVER (self->annotation_popover));
}

gboolean
fz_report_page_annotate_selection (FzReportPage *self)
{
  guint start, end;

  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), FALSE);

  if (self->analysis == NULL || self->review == NULL ||
      !fz_report_view_get_selection (self->text_view, &start, &end) || start == end)
    return FALSE;

  fz_report_page_popup_annotation (self, start, end, NULL);

  return TRUE;
}

static void
on_annotation_save (FzReportPage        *self,
                    FzAnnotation        *annotation,
                    FzAnnotationPopover *popover)
{
  g_autofree char *note = fz_annotation_popover_dup_note (popover);
  FzAnnotationCategory category = fz_annotation_popover_get_category (popover);

  if (self->review == NULL || self->document == NULL)
    return;

  if (annotation != NULL)
    fz_review_update_annotation (self->review, annotation, category, note);
  else
    fz_review_add_annotation (self->review, self->document,
                              self->annotate_start, self->annotate_end,
                              category, note);
}

static void
on_annotation_delete (FzReportPage        *self,
                      FzAnnotation        *annotation,
                      FzAnnotationPopover *popover)
{
  if (self->review != NULL)
    fz_review_remove_annotation (self->review, annotation);
}

static void
on_annotation_activated (FzReportPage  *self,
                         FzAnnotation  *annotation)
{
  if (fz_annotation_get_attached (annotation))
    fz_report_view_reveal_range (self->text_view,
                                 fz_annotation_get_start (annotation),
                                 fz_annotation_get_end (annotation));
}

static void
on_annotation_edit (FzReportPage  *self,
                    FzAnnotation  *annotation)
{
  guint start = fz_annotation_get_start (annotation);
  guint end = fz_annotation_get_end (annotation);

  /* A passage that is gone is edited where it was last seen. */
  if (fz_annotation_get_attached (annotation))
    fz_report_view_reveal_range (self->text_view, start, end);
  else
    start = end = MIN (start, fz_document_get_length (self->document));

  fz_report_page_popup_annotation (self, start, end, annotation);
}

FzReview *
fz_report_page_get_review (FzReportPage *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), NULL);

  return self->review;
}

/* Search ----------------------------------------------------------------- */

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
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u match", "%u matches",
                                                             n_matches),
                                                n_matches);
      gtk_label_set_label (self->search_label, label);
      gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
      fz_report_view_find (self->text_view, needle, TRUE);
    }
}

static void
on_search_next (FzReportPage *self)
{
  fz_report_view_find (self->text_view,
                       gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                       TRUE);
}

static void
on_search_previous (FzReportPage *self)
{
  fz_report_view_find (self->text_view,
                       gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                       FALSE);
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

/* Checklist -------------------------------------------------------------- */

/* Shows @markup in the checklist's one popover, pointing at @widget. */
static void
fz_report_page_explain (FzReportPage *self,
                        GtkWidget    *widget,
                        const char   *markup)
{
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, GTK_WIDGET (self->checklist_box), &bounds))
    return;

  gtk_label_set_markup (self->explain_label, markup);
  gtk_popover_set_pointing_to (self->explain_popover,
                               &(GdkRectangle) {
                                 bounds.origin.x + bounds.size.width / 2,
                                 bounds.origin.y + bounds.size.height - 6,
                                 1, 1 });
  gtk_popover_popup (self->explain_popover);
}

static void
on_row_activated (AdwActionRow *row,
                  FzReportPage *self)
{
  const RowTarget *target = g_object_get_data (G_OBJECT (row), "fz-target");
  g_autofree char *markup = NULL;

  g_return_if_fail (target != NULL);

  if (target->has_range)
    {
      fz_report_page_reveal_range (self, target->start, target->end);
      return;
    }

  if (target->explanation == NULL)
    return;

  /* Nothing in the text to point at: say what the checker looked for. */
  markup = g_markup_printf_escaped ("<b>%s</b>\n%s", _("Not found in the report"), target->explanation);
  fz_report_page_explain (self, GTK_WIDGET (row), markup);
}

static AdwActionRow *
fz_report_page_add_row (FzReportPage        *self,
                        AdwPreferencesGroup *group,
                        const char          *title_markup,
                        const char          *subtitle_markup,
                        const char          *icon_name,
                        const char          *icon_class,
                        const char          *icon_label,
                        RowTarget           *target)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *icon;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_subtitle (row, subtitle_markup);
  adw_action_row_set_subtitle_lines (row, 4);
  adw_action_row_set_title_lines (row, 2);

  if (icon_name != NULL)
    {
      icon = gtk_image_new_from_icon_name (icon_name);
      if (icon_class != NULL)
        gtk_widget_add_css_class (icon, icon_class);
      /* The colour and shape carry the verdict; say it for screen readers. */
      if (icon_label != NULL)
        {
          fz_tooltip_set_text (icon, icon_label);
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, icon_label,
                                          -1);
        }
      adw_action_row_add_prefix (row, icon);
    }

  if (target->has_range || target->explanation != NULL)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated), self, 0);
      fz_tooltip_set_text (GTK_WIDGET (row),
                           target->has_range ? _("Show in the report") : _("Show what was looked for"));
    }

  g_object_set_data_full (G_OBJECT (row), "fz-target", target, row_target_free);

  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_ptr_array_add (self->rows, row);

  return row;
}

static GtkWidget *
create_decision_dropdown (FzReportPage          *self,
                          const FzElementResult *result)
{
  const char * const choices[] = {
    _("Not reviewed"),
    _("Present"),
    _("Partial"),
    _("Missing"),
    _("Not applicable"),
    NULL,
  };
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (choices);
  g_autofree char *label = g_strdup_printf (_("Your decision on “%s”"), result->name);

  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  fz_tooltip_set_text (dropdown, _("Your decision"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (dropdown), "fz-element-id", g_strdup (result->id), g_free);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_decision_selected), self, 0);

  return dropdown;
}

/* Missing first, then what is incomplete or open, then the rest; the rule
 * set's order otherwise. */
static int
element_rank (const FzElementResult *result)
{
  switch (result->status)
    {
    case FZ_STATUS_MISSING:
      return 0;
    case FZ_STATUS_PARTIAL:
    case FZ_STATUS_NEEDS_REVIEW:
      return 1;
    case FZ_STATUS_PRESENT:
    case FZ_STATUS_NOT_APPLICABLE:
      return 2;
    default:
      g_return_val_if_reached (2);
    }
}

static int
compare_elements (gconstpointer a,
                  gconstpointer b)
{
  const FzElementResult *ra = *(const FzElementResult * const *) a;
  const FzElementResult *rb = *(const FzElementResult * const *) b;

  return element_rank (ra) - element_rank (rb);
}

static void
fz_report_page_add_element_rows (FzReportPage *self)
{
  GPtrArray *elements = fz_analysis_get_elements (self->analysis);
  GPtrArray *sections = fz_analysis_get_sections (self->analysis);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  guint n_missing = 0, n_partial = 0, n_optional = 0;
  g_autofree char *description = NULL;

  for (guint i = 0; i < elements->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (elements, i));
  /* g_ptr_array_sort is a stable merge sort, which keeps the rule order. */
  g_ptr_array_sort (sorted, compare_elements);

  for (guint i = 0; i < sorted->len; i++)
    {
      const FzElementResult *result = g_ptr_array_index (sorted, i);
      RowTarget *target = g_new0 (RowTarget, 1);
      g_autofree char *name = g_markup_escape_text (result->name, -1);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = element_row_subtitle (result, NULL);
      AdwActionRow *row;
      GtkWidget *dropdown;

      target->element_id = g_strdup (result->id);
      if (result->evidence != NULL && result->evidence->len > 0)
        {
          const FzRange *range = &g_array_index (result->evidence, FzRange, 0);

          target->start = range->start;
          target->end = range->end;
          target->has_range = TRUE;
        }
      else if (result->section >= 0 && (guint) result->section < sections->len)
        {
          const FzSection *section = g_ptr_array_index (sections, result->section);

          target->start = section->start;
          target->end = section->heading_end;
          target->has_range = TRUE;
        }
      else
        {
          target->explanation = g_strdup (result->explanation ? result->explanation
                                                              : _("The checker found nothing for this element."));
        }

      /* The coloured bullet is the key to the heading colours in the text. */
      if (result->section >= 0)
        title = g_strdup_printf ("<span foreground=\"%s\">●</span> %s",
                                 fz_element_color (self->analysis, result->id), name);
      else
        title = g_steal_pointer (&name);

      row = fz_report_page_add_row (self,
                                    result->required ? self->required_group : self->optional_group,
                                    title, subtitle,
                                    fz_status_icon (result->status),
                                    fz_status_css_class (result->status),
                                    fz_status_label (result->status),
                                    target);
      gtk_widget_add_css_class (GTK_WIDGET (row), "element-row");

      dropdown = create_decision_dropdown (self, result);
      adw_action_row_add_suffix (row, dropdown);
      g_object_set_data (G_OBJECT (row), "fz-dropdown", dropdown);
      g_hash_table_insert (self->element_rows, g_strdup (result->id), row);

      if (result->required)
        {
          if (result->status == FZ_STATUS_MISSING)
            n_missing++;
          else if (result->status == FZ_STATUS_PARTIAL)
            n_partial++;
        }
      else
        n_optional++;
    }

  self->n_element_rows = sorted->len;
  gtk_widget_set_visible (GTK_WIDGET (self->optional_group), n_optional > 0);

  if (n_missing == 0 && n_partial == 0)
    description = g_strdup (_("Every required element was found"));
  else
    /* Translators: summary under "Required Elements" */
    description = g_strdup_printf (_("%u missing, %u partial"), n_missing, n_partial);
  adw_preferences_group_set_description (self->required_group, description);
}

static void
fz_report_page_add_metadata_row (FzReportPage      *self,
                                 const char        *name,
                                 const FzMetaField *field)
{
  RowTarget *target = g_new0 (RowTarget, 1);
  g_autofree char *title = g_markup_escape_text (name, -1);
  g_autofree char *subtitle = NULL;

  if (field->value != NULL)
    {
      subtitle = g_markup_escape_text (field->value, -1);
      target->start = field->start;
      target->end = field->end;
      target->has_range = field->end > field->start;
    }
  else
    {
      subtitle = g_markup_escape_text (_("Not found"), -1);
    }

  fz_report_page_add_row (self, self->metadata_group, title, subtitle,
                          field->value != NULL ? "object-select-symbolic" : "dialog-warning-symbolic",
                          field->value != NULL ? "success" : "warning",
                          field->value != NULL ? _("Present") : _("Not found"),
                          target);
}

static void
fz_report_page_add_metadata_rows (FzReportPage *self)
{
  const FzMetadata *meta = fz_analysis_get_metadata (self->analysis);

  fz_report_page_add_metadata_row (self, _("Title"), &meta->title);
  fz_report_page_add_metadata_row (self, _("Document number"), &meta->doc_number);
  fz_report_page_add_metadata_row (self, _("Addressee"), &meta->addressee);
  fz_report_page_add_metadata_row (self, _("Issuing authority"), &meta->issuer);
  fz_report_page_add_metadata_row (self, _("Date"), &meta->date);
}

/* Long lists -------------------------------------------------------------- */

/* A compilation of many units' reports can hold thousands of figures and
 * findings; a row each would freeze the window for seconds.  The lists
 * show a page at a time, and a last row brings the next page.  Rows are
 * built a few milliseconds' worth per main-loop turn, after the text and
 * the checklist elements, so the report is on screen before its lists. */
#define POPULATE_BUDGET_US 6000

static void on_more_row_activated (AdwActionRow *row,
                                   FzReportPage *self);

static void
fz_report_page_pager_clear (RowPager *pager)
{
  if (pager->more_row != NULL)
    adw_preferences_group_remove (pager->group, GTK_WIDGET (pager->more_row));
  pager->more_row = NULL;
  pager->shown = pager->wanted = pager->total = 0;
}

static void
fz_report_page_pager_add_more_row (FzReportPage *self,
                                   RowPager     *pager)
{
  guint remaining = pager->total - pager->shown;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: the last row of a long list in the checklist */
  title = g_strdup_printf (_("Show %u More"), MIN (remaining, pager->page));
  /* Translators: under "Show N More": how many rows of the list are shown */
  subtitle = g_strdup_printf (_("%u of %u shown"), pager->shown, pager->total);

  pager->more_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (pager->more_row), title);
  adw_action_row_set_subtitle (pager->more_row, subtitle);
  adw_action_row_add_suffix (pager->more_row, gtk_image_new_from_icon_name ("view-more-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (pager->more_row), TRUE);
  g_object_set_data (G_OBJECT (pager->more_row), "fz-pager", pager);
  g_signal_connect_object (pager->more_row, "activated",
                           G_CALLBACK (on_more_row_activated), self, 0);
  adw_preferences_group_add (pager->group, GTK_WIDGET (pager->more_row));
}

static gboolean
fz_report_page_populate_idle (gpointer data)
{
  FzReportPage *self = data;
  RowPager *pagers[] = { &self->findings_pager, &self->figures_pager };
  gint64 deadline = g_get_monotonic_time () + POPULATE_BUDGET_US;

  for (guint i = 0; i < G_N_ELEMENTS (pagers); i++)
    {
      RowPager *pager = pagers[i];

      while (pager->shown < pager->wanted)
        {
          if (g_get_monotonic_time () > deadline)
            return G_SOURCE_CONTINUE;
          pager->add (self, pager->shown++);
        }

      if (pager->shown < pager->total && pager->more_row == NULL)
        fz_report_page_pager_add_more_row (self, pager);
    }

  self->populate_id = 0;

  return G_SOURCE_REMOVE;
}

/* Asks for the next page of @pager; the rows come on later turns. */
static void
fz_report_page_pager_more (FzReportPage *self,
                           RowPager     *pager)
{
  if (pager->more_row != NULL)
    adw_preferences_group_remove (pager->group, GTK_WIDGET (pager->more_row));
  pager->more_row = NULL;

  pager->wanted = MIN (pager->total, pager->shown + pager->page);

  /* A short timeout, not an idle: see fz_report_view_fill(). */
  if (self->populate_id == 0)
    self->populate_id = g_timeout_add_full (G_PRIORITY_DEFAULT, 1, fz_report_page_populate_idle, self, NULL);
}

/* Builds every row asked for now: before a search through the rows. */
static void
fz_report_page_populate_now (FzReportPage *self)
{
  if (self->populate_id == 0)
    return;

  g_clear_handle_id (&self->populate_id, g_source_remove);
  while (fz_report_page_populate_idle (self) == G_SOURCE_CONTINUE)
    ;
  self->populate_id = 0;
}

static void
on_more_row_activated (AdwActionRow *row,
                       FzReportPage *self)
{
  RowPager *pager = g_object_get_data (G_OBJECT (row), "fz-pager");
  guint first = pager->shown;

  fz_report_page_pager_more (self, pager);
  fz_report_page_populate_now (self);

  /* Keep the reviewer's place: the focus goes to the first new row. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *candidate = g_ptr_array_index (self->rows, i);

      if (gtk_widget_get_ancestor (candidate, ADW_TYPE_PREFERENCES_GROUP) == GTK_WIDGET (pager->group) &&
          first-- == 0)
        {
          gtk_widget_grab_focus (candidate);
          break;
        }
    }
}

static void
fz_report_page_pager_start (FzReportPage        *self,
                            RowPager            *pager,
                            AdwPreferencesGroup *group,
                            guint                total,
                            guint                page,
                            void               (*add) (FzReportPage *page_,
                                                       guint         index))
{
  fz_report_page_pager_clear (pager);
  pager->group = group;
  pager->total = total;
  pager->page = page;
  pager->add = add;

  fz_report_page_pager_more (self, pager);
}

static void
fz_report_page_add_finding_row (FzReportPage *self,
                                guint         index)
{
  const FzFinding *finding = g_ptr_array_index (self->findings, index);
  RowTarget *target = g_new0 (RowTarget, 1);
  g_autofree char *title = g_markup_escape_text (finding->message ? finding->message : "", -1);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (finding->text != NULL && *finding->text != '\0')
    {
      g_autofree char *text = g_markup_printf_escaped ("“%s”", finding->text);
      g_string_append (subtitle, text);
    }
  if (finding->suggestion != NULL)
    {
      g_autofree char *hint = g_markup_printf_escaped (_("Suggestion: %s"), finding->suggestion);

      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, hint);
    }

  target->start = finding->start;
  target->end = finding->end;
  target->has_range = TRUE;
  target->is_finding = TRUE;

  fz_report_page_add_row (self, self->findings_group, title, subtitle->str,
                          fz_severity_icon (finding->severity),
                          fz_severity_css_class (finding->severity),
                          fz_severity_label (finding->severity),
                          target);
}

static void
fz_report_page_add_finding_rows (FzReportPage *self)
{
  GPtrArray *findings = self->findings;
  guint counts[3] = { 0, 0, 0 };
  g_autofree char *description = NULL;

  /* The checks' findings, then what the batch found across reports. */
  g_ptr_array_set_size (findings, 0);
  g_ptr_array_extend (findings, fz_analysis_get_findings (self->analysis), NULL, NULL);
  g_ptr_array_extend (findings, self->extra_findings, NULL, NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const FzFinding *finding = g_ptr_array_index (findings, i);

      if (finding->severity <= FZ_SEVERITY_INFO)
        counts[finding->severity]++;
    }

  fz_report_page_pager_start (self, &self->findings_pager, self->findings_group,
                              findings->len, FINDINGS_PAGE, fz_report_page_add_finding_row);

  if (findings->len == 0)
    description = g_strdup (_("The form and language checks found nothing"));
  else
    /* Translators: summary under "Findings" */
    description = g_strdup_printf (_("Errors: %u · warnings: %u · notes: %u"),
                                   counts[FZ_SEVERITY_ERROR],
                                   counts[FZ_SEVERITY_WARNING],
                                   counts[FZ_SEVERITY_INFO]);
  adw_preferences_group_set_description (self->findings_group, description);
}

static void
fz_report_page_add_figure_row (FzReportPage *self,
                               guint         index)
{
  GPtrArray *sections = fz_analysis_get_sections (self->analysis);
  const FzFigure *figure = g_ptr_array_index (fz_analysis_get_figures (self->analysis), index);
  RowTarget *target = g_new0 (RowTarget, 1);
  g_autofree char *value = g_strdup_printf ("%g", figure->value);
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  /* Translators: a figure in the list: 1: as written, 2: its value, 3: its unit */
  title = g_markup_printf_escaped (_("%s <small>(%s %s)</small>"),
                                   figure->text, value, figure->unit ? figure->unit : "");

  if (figure->context != NULL)
    {
      g_autofree char *context = g_markup_escape_text (figure->context, -1);
      g_string_append (subtitle, context);
    }
  if (figure->section >= 0 && (guint) figure->section < sections->len)
    {
      const FzSection *section = g_ptr_array_index (sections, figure->section);
      g_autofree char *where = g_markup_printf_escaped ("%s%s",
                                                        section->label ? section->label : "",
                                                        section->heading ? section->heading : "");

      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      g_string_append_printf (subtitle, "<small>%s</small>", where);
    }

  target->start = figure->start;
  target->end = figure->end;
  target->has_range = TRUE;

  fz_report_page_add_row (self, self->figures_group, title, subtitle->str,
                          NULL, NULL, NULL, target);
}

static void
fz_report_page_add_figure_rows (FzReportPage *self)
{
  GPtrArray *figures = fz_analysis_get_figures (self->analysis);
  g_autofree char *description = NULL;

  fz_report_page_pager_start (self, &self->figures_pager, self->figures_group,
                              figures->len, FIGURES_PAGE, fz_report_page_add_figure_row);

  if (figures->len == 0)
    description = g_strdup (_("The report states no figures"));
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u figure stated in the report",
                                                "%u figures stated in the report",
                                                figures->len),
                                   figures->len);
  adw_preferences_group_set_description (self->figures_group, description);
}

/* The nine task areas of the 纲要: a note on scope, never a verdict, since
 * a township has no say in legislation or emergencies at provincial level. */
static void
fz_report_page_add_coverage_rows (FzReportPage *self)
{
  GPtrArray *coverage = fz_analysis_get_coverage (self->analysis);
  guint counts[3] = { 0, 0, 0 };
  g_autofree char *description = NULL;

  for (guint i = 0; i < coverage->len; i++)
    {
      const FzCoverageArea *area = g_ptr_array_index (coverage, i);
      RowTarget *target = g_new0 (RowTarget, 1);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *keywords = NULL;
      const char *icon, *css, *label;

      switch (area->status)
        {
        case FZ_COVERAGE_COVERED:
          icon = "object-select-symbolic";
          css = "success";
          label = _("Covered");
          break;
        case FZ_COVERAGE_MENTIONED:
          icon = "radio-mixed-symbolic";
          css = "warning";
          label = _("Mentioned");
          break;
        case FZ_COVERAGE_ABSENT:
        default:
          icon = "radio-symbolic";
          css = "dim-label";
          label = _("Not covered");
          break;
        }
      if (area->status <= FZ_COVERAGE_COVERED)
        counts[area->status]++;

      title = g_markup_printf_escaped ("%s %s", area->part, fz_coverage_area_get_display_name (area));
      keywords = g_strjoinv ("、", area->keywords);
      if (area->hits > 0)
        /* Translators: under a task area: 1: covered/mentioned, 2: how often, 3: the words found */
        subtitle = g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE,
                                                         "<b>%s</b> · %u mention: %s",
                                                         "<b>%s</b> · %u mentions: %s",
                                                         area->hits),
                                            label, area->hits, keywords);
      else
        subtitle = g_markup_printf_escaped ("<b>%s</b>", label);

      target->start = area->start;
      target->end = area->end;
      target->has_range = area->end > area->start;

      fz_report_page_add_row (self, self->coverage_group, title, subtitle,
                              icon, css, label, target);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->coverage_group), coverage->len > 0);
  /* Translators: summary under the outline's task areas */
  description = g_strdup_printf (_("Covered: %u · mentioned: %u · not covered: %u. A note on scope, not a requirement."),
                                 counts[FZ_COVERAGE_COVERED], counts[FZ_COVERAGE_MENTIONED],
                                 counts[FZ_COVERAGE_ABSENT]);
  adw_preferences_group_set_description (self->coverage_group, description);
}

static void
fz_report_page_clear_rows (FzReportPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }

  g_clear_handle_id (&self->populate_id, g_source_remove);
  fz_report_page_pager_clear (&self->findings_pager);
  fz_report_page_pager_clear (&self->figures_pager);

  /* Decisions outlive the rows: switching the rule set rebuilds the
   * checklist, and the reviewer's work on elements it keeps must stay. */
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->element_rows);
  self->n_element_rows = 0;
  self->selected_row = -1;
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

static gboolean
fz_report_page_outline_idle (gpointer data)
{
  FzReportPage *self = data;

  self->outline_id = 0;
  fz_outline_view_set_analysis (self->outline_view, self->analysis);

  return G_SOURCE_REMOVE;
}

/* The checklist beside the text, element rows in line with the decisions. */
static void
fz_report_page_build_rows (FzReportPage *self)
{
  GPtrArray *elements = fz_analysis_get_elements (self->analysis);

  fz_report_page_add_element_rows (self);
  fz_report_page_add_metadata_rows (self);
  fz_report_page_add_finding_rows (self);
  fz_report_page_add_coverage_rows (self);
  fz_report_page_add_figure_rows (self);

  for (guint i = 0; i < elements->len; i++)
    fz_report_page_sync_element_row (self, ((const FzElementResult *) g_ptr_array_index (elements, i))->id);
}

static void
fz_report_page_apply (FzReportPage *self,
                      FzAnalysis   *analysis)
{
  FzDocument *document = fz_analysis_get_document (analysis);
  GPtrArray *elements = fz_analysis_get_elements (analysis);
  guint n_required = 0;

  /* Decisions on elements this rule set lacks stay in the review: they
   * count again when the reviewer switches back. */
  fz_report_page_clear_rows (self);
  g_set_object (&self->analysis, analysis);

  if (fz_document_get_display_name (document) != NULL)
    fz_report_page_set_title (self, fz_document_get_display_name (document));

  fz_report_view_set_analysis (self->text_view, analysis);
  fz_review_panel_set_analysis (self->review_panel, analysis);
  /* The outline of a long compilation takes a while to list: on the next
   * turn, after the text and the checklist are drawn. */
  if (self->outline_id == 0)
    self->outline_id = g_timeout_add_full (G_PRIORITY_DEFAULT, 1, fz_report_page_outline_idle, self, NULL);
  fz_report_page_build_rows (self);

  for (guint i = 0; i < elements->len; i++)
    if (((const FzElementResult *) g_ptr_array_index (elements, i))->required)
      n_required++;

  /* Counts first: listeners of the state changes below read them. */
  if (n_required != self->n_required)
    {
      self->n_required = n_required;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_REQUIRED]);
    }
  fz_report_page_count_decisions (self);

  gtk_stack_set_visible_child_name (self->stack, "report");
  fz_report_page_set_error_message (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
  fz_report_page_set_loading (self, FALSE);
}

void
fz_report_page_add_findings (FzReportPage *self,
                             GPtrArray    *findings)
{
  gboolean added = FALSE;

  g_return_if_fail (FZ_IS_REPORT_PAGE (self));

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const FzFinding *finding = g_ptr_array_index (findings, i);
      gboolean known = FALSE;

      /* Opening the report from its batch twice adds nothing twice. */
      for (guint j = 0; j < self->extra_findings->len && !known; j++)
        {
          const FzFinding *other = g_ptr_array_index (self->extra_findings, j);

          known = other->start == finding->start && other->end == finding->end &&
                  g_strcmp0 (other->id, finding->id) == 0 &&
                  g_strcmp0 (other->message, finding->message) == 0;
        }
      if (!known)
        {
          g_ptr_array_add (self->extra_findings, fz_finding_copy (finding));
          added = TRUE;
        }
    }

  if (!added)
    return;

  fz_report_view_set_extra_findings (self->text_view, self->extra_findings);
  /* Already on screen: list them now, keeping the reviewer's place. */
  if (self->analysis != NULL && !self->loading)
    {
      fz_report_page_clear_rows (self);
      fz_report_page_build_rows (self);
    }
}

guint
fz_report_page_get_n_findings (FzReportPage *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), 0);

  return self->findings->len;
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
  if (self->analysis != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *markup = NULL;

      fz_report_page_take_ruleset (self, fz_ruleset_get_id (fz_analysis_get_ruleset (self->analysis)));
      fz_report_page_set_loading (self, FALSE);
      markup = g_markup_printf_escaped ("<b>%s</b>\n%s", _("Could not use this rule set"), error->message);
      fz_report_page_explain (self, GTK_WIDGET (self->ruleset_dropdown), markup);
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
  fz_report_page_count_decisions (self);
  fz_report_view_refresh_annotations (self->text_view);
  g_signal_emit (self, signals[REVIEW_CHANGED], 0);
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
        g_warning ("Could not save the review of %s: %s", self->title, error->message);
    }
  g_clear_object (&self->saver);
  g_set_object (&self->review, review);

  fz_review_panel_set_review (self->review_panel, review);
  fz_report_view_set_annotations (self->text_view,
                                  review != NULL ? fz_review_get_annotations (review) : NULL);

  if (review == NULL)
    return;

  /* A new review is signed as Preferences say: "unit name", the way a
   * memo's 审查人 line reads. */
  if (fz_review_get_reviewer (review) == NULL)
    {
      g_autofree char *name = g_settings_get_string (self->settings, "reviewer-name");
      g_autofree char *unit = g_settings_get_string (self->settings, "reviewer-unit");
      g_autofree char *reviewer = g_strstrip (g_strjoin (" ", unit, name, NULL));

      if (*reviewer != '\0')
        fz_review_set_reviewer (review, reviewer);
    }

  self->saver = fz_review_saver_new (review);
  g_signal_connect_object (self->saver, "notify::error",
                           G_CALLBACK (on_saver_error_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (review, "changed",
                           G_CALLBACK (on_review_changed), self,
                           G_CONNECT_SWAPPED);
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

  if (self->progress != NULL)
    g_signal_handlers_disconnect_by_data (self->progress, self);
  g_clear_object (&self->progress);
  gtk_label_set_label (self->loading_label, _("Analysing the report…"));

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
                                 self->title, decisions, notes);
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
  fz_report_page_take_review (self, NULL);
  g_clear_object (&self->document);

  fz_report_page_set_error_message (self, NULL);
  fz_report_page_set_loading (self, TRUE);
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
      gtk_string_list_append (names, rules != NULL ? fz_ruleset_get_display_name (rules)
                                                   : self->ruleset_ids[i]);
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

  if (self->syncing || self->ruleset_ids == NULL ||
      selected >= g_strv_length (self->ruleset_ids))
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
    {
      if (g_str_equal (self->ruleset_ids[i], ruleset_id))
        {
          self->syncing = TRUE;
          gtk_drop_down_set_selected (self->ruleset_dropdown, i);
          self->syncing = FALSE;
          break;
        }
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

/* Keyboard review -------------------------------------------------------- */

/* F8 stops at required elements still waiting for a decision, then at
 * findings: what the reviewer has left to look at. */
static gboolean
fz_report_page_row_is_open (FzReportPage *self,
                            GtkWidget    *row)
{
  const RowTarget *target = g_object_get_data (G_OBJECT (row), "fz-target");
  const FzElementResult *result;

  if (target->is_finding)
    return TRUE;
  if (target->element_id == NULL)
    return FALSE;

  result = fz_analysis_find_element (self->analysis, target->element_id);

  return result != NULL && result->required &&
         !fz_review_get_decision (self->review, target->element_id, NULL, NULL, NULL);
}

/* The row the reviewer moved to with Tab or the mouse wins over the one F8
 * chose last, so Alt+1…4 act on what has the focus. */
static GtkWidget *
fz_report_page_get_selected_row (FzReportPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *widget = root != NULL ? gtk_root_get_focus (root) : NULL;
  guint index;

  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (g_ptr_array_find (self->rows, widget, &index))
        {
          self->selected_row = index;
          break;
        }
    }

  if (self->selected_row < 0 || (guint) self->selected_row >= self->rows->len)
    return NULL;

  return g_ptr_array_index (self->rows, self->selected_row);
}

gboolean
fz_report_page_select_next_open (FzReportPage *self,
                                 gboolean      forward)
{
  guint n;

  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), FALSE);

  if (self->analysis == NULL)
    return FALSE;

  /* F8 walks the findings too: they must all be there to walk. */
  fz_report_page_populate_now (self);
  fz_report_page_get_selected_row (self);
  n = self->rows->len;

  for (guint step = 1; step <= n; step++)
    {
      guint index;
      GtkWidget *row;

      /* Wraps around, like Ctrl+G in the text. */
      if (self->selected_row < 0)
        index = forward ? step - 1 : n - step;
      else
        index = (self->selected_row + (forward ? step : n - step)) % n;

      row = g_ptr_array_index (self->rows, index);
      if (!fz_report_page_row_is_open (self, row))
        continue;

      self->selected_row = index;
      gtk_widget_grab_focus (row);
      on_row_activated (ADW_ACTION_ROW (row), self);

      return TRUE;
    }

  gtk_widget_error_bell (GTK_WIDGET (self));

  return FALSE;
}

const char *
fz_report_page_get_selected_element (FzReportPage *self)
{
  GtkWidget *row;
  const RowTarget *target;

  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), NULL);

  if (self->analysis == NULL || (row = fz_report_page_get_selected_row (self)) == NULL)
    return NULL;

  target = g_object_get_data (G_OBJECT (row), "fz-target");

  return target->element_id;
}

gboolean
fz_report_page_decide_selected (FzReportPage *self,
                                FzStatus      status)
{
  const char *element_id;
  GtkWidget *row;
  GtkDropDown *dropdown;

  g_return_val_if_fail (FZ_IS_REPORT_PAGE (self), FALSE);
  g_return_val_if_fail (status != FZ_STATUS_NEEDS_REVIEW, FALSE);

  element_id = fz_report_page_get_selected_element (self);
  row = element_id != NULL ? g_hash_table_lookup (self->element_rows, element_id) : NULL;
  if (row == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  /* Through the row's own drop-down, so an override asks for its reason
   * exactly as a choice made with the mouse does. */
  dropdown = g_object_get_data (G_OBJECT (row), "fz-dropdown");
  gtk_drop_down_set_selected (dropdown, status_to_choice (status));

  return TRUE;
}

/* GObject ---------------------------------------------------------------- */

static void
fz_report_page_dispose (GObject *object)
{
  FzReportPage *self = FZ_REPORT_PAGE (object);

  self->disposed = TRUE;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->progress != NULL)
    g_signal_handlers_disconnect_by_data (self->progress, self);
  g_clear_object (&self->progress);
  g_clear_handle_id (&self->populate_id, g_source_remove);
  g_clear_handle_id (&self->outline_id, g_source_remove);
  /* Closing the tab must not lose the last second of work. */
  fz_report_page_take_review (self, NULL);

  if (self->explain_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->explain_popover));
  self->explain_popover = NULL;

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
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->extra_findings, g_ptr_array_unref);
  g_clear_pointer (&self->element_rows, g_hash_table_unref);
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
      self->title = g_file_get_basename (self->file);
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
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL,
                         FZ_TYPE_ANALYSIS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_REQUIRED] =
    g_param_spec_uint ("n-required", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DECIDED] =
    g_param_spec_uint ("n-decided", NULL, NULL,
                       0, G_MAXUINT, 0,
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
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * FzReportPage::review-changed:
   *
   * The reviewer changed a decision, an annotation or the memo.
   */
  signals[REVIEW_CHANGED] =
    g_signal_new ("review-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (FZ_TYPE_OUTLINE_VIEW);
  g_type_ensure (FZ_TYPE_REPORT_VIEW);
  g_type_ensure (FZ_TYPE_REVIEW_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, loading_label);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, paned);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, warnings_revealer);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, save_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, outline_revealer);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, outline_view);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, search_label);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, text_view);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, checklist_box);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, required_group);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, optional_group);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, metadata_group);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, findings_group);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, figures_group);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, coverage_group);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, review_panel);
  gtk_widget_class_bind_template_child (widget_class, FzReportPage, ruleset_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_next);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_ruleset_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_section_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_annotation_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_warnings_closed);
  gtk_widget_class_bind_template_callback (widget_class, on_annotation_edit);
}

static void
fz_report_page_init (FzReportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected_row = -1;
  self->rows = g_ptr_array_new ();
  self->findings = g_ptr_array_new ();
  self->extra_findings = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_finding_free);
  self->element_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Shared by every tab: the divider and the outline are the reviewer's
   * preferences, not a report's. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "pane-position", self->paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-outline", self->outline_revealer, "reveal-child", G_SETTINGS_BIND_GET);
  g_free (self->ruleset_id);
  self->ruleset_id = g_settings_get_string (self->settings, "default-ruleset");

  self->annotation_popover = FZ_ANNOTATION_POPOVER (fz_annotation_popover_new ());
  fz_report_view_add_popover (self->text_view, GTK_POPOVER (self->annotation_popover));
  g_signal_connect_object (self->annotation_popover, "save",
                           G_CALLBACK (on_annotation_save), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->annotation_popover, "delete",
                           G_CALLBACK (on_annotation_delete), self, G_CONNECT_SWAPPED);

  {
    g_autoptr(GMenu) menu = g_menu_new ();

    g_menu_append (menu, _("_Annotate Selection…"), "win.annotate");
    gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->text_view), G_MENU_MODEL (menu));
  }

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->text_view));

  /* One popover for the whole checklist, pointed at whichever row asks. */
  self->explain_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->explain_label, TRUE);
  gtk_label_set_max_width_chars (self->explain_label, 40);
  gtk_label_set_xalign (self->explain_label, 0.0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->explain_label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->explain_label), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self->explain_label), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->explain_label), 6);
  self->explain_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->explain_popover, GTK_WIDGET (self->explain_label));
  gtk_widget_set_parent (GTK_WIDGET (self->explain_popover), GTK_WIDGET (self->checklist_box));

  fz_report_page_fill_rulesets (self);

  if (FZ_IS_APPLICATION (g_application_get_default ()))
    g_signal_connect_object (fz_application_get_rulesets (FZ_APPLICATION (g_application_get_default ())),
                             "items-changed", G_CALLBACK (on_rules_changed), self, G_CONNECT_SWAPPED);
}

FzReportPage *
fz_report_page_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (FZ_TYPE_REPORT_PAGE,
                       "file", file,
                       NULL);
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

  return self->n_element_rows;
}
