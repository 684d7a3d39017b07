/* fz-checklist-view.c: the required elements, decided one by one
 *
 * The elements are the report's own FzChecklistItems (FzReport:checklist),
 * sorted and filtered into two models (required, other) that list boxes
 * are bound to; each row follows its item's notifications, so a decision
 * repaints one row and rebuilds nothing.
 * Below them an FzReferenceList shows the 公文 elements, the outline's
 * task areas and the figures: for reference, not for deciding.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-checklist-view-private.h"
#include "fz-element-color.h"
#include "fz-reason-dialog.h"
#include "fz-reference-list.h"
#include "fz-tooltip.h"
#include "fz-verdict-style.h"
#include "fz-widget-util.h"

G_DEFINE_FINAL_TYPE (FzChecklistView, fz_checklist_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CHECKLIST,
  PROP_ANALYSIS,
  PROP_REVIEW,
  N_PROPS
};

enum {
  REVEAL,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

guint
_fz_checklist_view_status_to_choice (FzStatus status)
{
  switch (status)
    {
    case FZ_STATUS_PRESENT:        return CHOICE_PRESENT;
    case FZ_STATUS_PARTIAL:        return CHOICE_PARTIAL;
    case FZ_STATUS_MISSING:        return CHOICE_MISSING;
    case FZ_STATUS_NOT_APPLICABLE: return CHOICE_NOT_APPLICABLE;
    case FZ_STATUS_NEEDS_REVIEW:
    default:                       return CHOICE_NONE;
    }
}

static gboolean
choice_to_status (guint     choice,
                  FzStatus *status)
{
  static const FzStatus statuses[] = {
    [CHOICE_PRESENT] = FZ_STATUS_PRESENT,
    [CHOICE_PARTIAL] = FZ_STATUS_PARTIAL,
    [CHOICE_MISSING] = FZ_STATUS_MISSING,
    [CHOICE_NOT_APPLICABLE] = FZ_STATUS_NOT_APPLICABLE,
  };

  if (choice < CHOICE_PRESENT || choice > CHOICE_NOT_APPLICABLE)
    return FALSE;
  *status = statuses[choice];
  return TRUE;
}

/* Shows @markup in the view's one popover, pointing at @widget. */
static void
fz_checklist_view_explain (FzChecklistView *self,
                           GtkWidget       *widget,
                           const char      *markup)
{
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, GTK_WIDGET (self), &bounds))
    return;

  /* A row activated from the keyboard may lie partly out of sight: the
   * popover points at the part that shows, never off the screen. */
  gtk_label_set_markup (self->explain_label, markup);
  gtk_popover_set_pointing_to (self->explain_popover,
                               &(GdkRectangle) {
                                 CLAMP (bounds.origin.x + bounds.size.width / 2, 0,
                                        MAX (0, gtk_widget_get_width (GTK_WIDGET (self)) - 1)),
                                 CLAMP (bounds.origin.y + bounds.size.height - 6, 0,
                                        MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - 1)),
                                 1, 1 });
  gtk_popover_popup (self->explain_popover);
}

/* Element rows --------------------------------------------------------- */

static void
element_row_sync (FzTextRow *row)
{
  FzChecklistItem *item = g_object_get_data (G_OBJECT (row), "fz-item");
  FzChecklistView *self = g_object_get_data (G_OBJECT (row), "fz-view");
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (row), "fz-dropdown");
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "fz-icon");
  GtkWidget *reason_button = g_object_get_data (G_OBJECT (row), "fz-reason-button");
  FzStatus status = fz_checklist_item_get_status (item);
  FzStatus machine = fz_checklist_item_get_machine_status (item);
  gboolean decided = fz_checklist_item_get_decided (item);
  const char *reason = fz_checklist_item_get_reason (item);
  const char *explanation = fz_checklist_item_get_explanation (item);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  g_string_append_printf (subtitle, "<b>%s</b>", fz_status_label (status));
  if (decided && status != machine)
    {
      /* Translators: after the reviewer's verdict, what the checker said */
      g_autofree char *checker = g_markup_printf_escaped (_("the checker said: %s"), fz_status_label (machine));
      g_string_append_printf (subtitle, " (%s)", checker);
    }
  if (explanation != NULL && *explanation != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (explanation, -1);
      g_string_append_printf (subtitle, " · %s", escaped);
    }
  if (reason != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (reason, -1);

      g_string_append_c (subtitle, '\n');
      /* Translators: %s is the reviewer's own reason for overriding the checker */
      g_string_append_printf (subtitle, _("Reviewer’s reason: %s"), escaped);
    }
  fz_text_row_set_subtitle (row, subtitle->str);

  fz_image_show_verdict (GTK_IMAGE (icon), fz_status_icon (status), fz_status_css_class (status),
                         fz_status_label (status));

  self->syncing = TRUE;
  gtk_drop_down_set_selected (dropdown, decided ? _fz_checklist_view_status_to_choice (status) : CHOICE_NONE);
  self->syncing = FALSE;

  gtk_widget_set_visible (reason_button, decided && status != machine);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_CHECKED,
                               decided ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
  fz_widget_set_css_class (GTK_WIDGET (row), "decided", decided);
}

typedef struct
{
  FzChecklistView *self;
  FzChecklistItem *item;
  FzStatus         status;
} ReasonRequest;

static void
reason_request_free (gpointer data)
{
  ReasonRequest *request = data;

  g_object_unref (request->self);
  g_object_unref (request->item);
  g_free (request);
}

static void
on_reason (const char *reason,
           gpointer    data)
{
  ReasonRequest *request = data;
  FzChecklistView *self = request->self;
  GtkWidget *row;

  if (reason != NULL && self->review != NULL)
    fz_review_set_decision (self->review, fz_checklist_item_get_element_id (request->item), request->status, reason);

  /* Without a reason the override is not recorded: the row shows what is. */
  row = _fz_checklist_view_find_row (self, fz_checklist_item_get_element_id (request->item));
  if (row != NULL && g_object_get_data (G_OBJECT (row), "fz-item") == request->item)
    element_row_sync (FZ_TEXT_ROW (row));
}

static void
fz_checklist_view_ask_reason (FzChecklistView *self,
                              FzChecklistItem *item,
                              FzStatus         status)
{
  ReasonRequest *request = g_new0 (ReasonRequest, 1);
  g_autofree char *body = NULL;

  request->self = g_object_ref (self);
  request->item = g_object_ref (item);
  request->status = status;

  /* Translators: 1: element name, 2: the checker's verdict, 3: the reviewer's choice */
  body = g_strdup_printf (_("The checker rated “%s” as %s. Briefly say why it is %s."),
                          fz_checklist_item_get_name (item),
                          fz_status_label (fz_checklist_item_get_machine_status (item)),
                          fz_status_label (status));
  fz_reason_dialog_present (GTK_WIDGET (self), _("Override the Checker?"), body,
                            fz_checklist_item_get_reason (item),
                            on_reason, request, reason_request_free);
}

static void
on_decision_selected (GtkDropDown     *dropdown,
                      GParamSpec      *pspec,
                      FzChecklistView *self)
{
  FzTextRow *row = FZ_TEXT_ROW (gtk_widget_get_ancestor (GTK_WIDGET (dropdown), FZ_TYPE_TEXT_ROW));
  FzChecklistItem *item = g_object_get_data (G_OBJECT (row), "fz-item");
  FzStatus machine = fz_checklist_item_get_machine_status (item);
  FzStatus status;

  if (self->syncing || self->review == NULL)
    return;

  g_free (self->selected_id);
  self->selected_id = g_strdup (fz_checklist_item_get_element_id (item));

  if (!choice_to_status (gtk_drop_down_get_selected (dropdown), &status))
    {
      fz_review_clear_decision (self->review, fz_checklist_item_get_element_id (item));
      return;
    }

  /* Agreeing with the checker, or deciding what it left open, needs no
   * justification; overriding it does. */
  if (machine == FZ_STATUS_NEEDS_REVIEW || machine == status)
    fz_review_set_decision (self->review, fz_checklist_item_get_element_id (item), status, NULL);
  else
    fz_checklist_view_ask_reason (self, item, status);
}

static void
on_reason_clicked (GtkButton       *button,
                   FzChecklistView *self)
{
  FzTextRow *row = FZ_TEXT_ROW (gtk_widget_get_ancestor (GTK_WIDGET (button), FZ_TYPE_TEXT_ROW));
  FzChecklistItem *item = g_object_get_data (G_OBJECT (row), "fz-item");

  fz_checklist_view_ask_reason (self, item, fz_checklist_item_get_status (item));
}

static GtkWidget *
create_element_row (gpointer item_,
                    gpointer user_data)
{
  FzChecklistView *self = user_data;
  FzChecklistItem *item = item_;
  const char * const choices[] = {
    _("Not reviewed"), _("Present"), _("Partial"), _("Missing"), _("Not applicable"), NULL,
  };
  GtkWidget *row = fz_text_row_new ();
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (choices);
  GtkWidget *reason = gtk_button_new_from_icon_name ("document-edit-symbolic");
  g_autofree char *name = g_markup_escape_text (fz_checklist_item_get_name (item), -1);
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  /* The coloured bullet is the key to the element's colour in the text,
   * for an element the text shows.  The item's own analysis: the report
   * lists a new rule set's items before the views take its analysis. */
  if (fz_checklist_item_get_target (item, NULL, NULL))
    title = g_strdup_printf ("<span foreground=\"%s\">●</span> %s",
                             fz_element_color (fz_checklist_item_get_analysis (item),
                                               fz_checklist_item_get_element_id (item)), name);
  else
    title = g_steal_pointer (&name);
  fz_text_row_set_title (FZ_TEXT_ROW (row), title);
  fz_text_row_add_prefix (FZ_TEXT_ROW (row), icon);
  gtk_widget_add_css_class (row, "element-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  /* No tooltips on the drop-down or its row: a tooltip would cover the
   * list it opens.  Its name says what it is. */
  label = g_strdup_printf (_("Your decision on “%s”"), fz_checklist_item_get_name (item));
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (dropdown), "fz-element-id", g_strdup (fz_checklist_item_get_element_id (item)), g_free);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_decision_selected), self, 0);

  gtk_widget_set_valign (reason, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reason, "flat");
  /* Beside the drop-down, not over it: shown only while the pointer rests
   * on the button itself. */
  fz_tooltip_set_text (reason, _("Change the Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Change the reason for your decision"), -1);
  g_signal_connect_object (reason, "clicked", G_CALLBACK (on_reason_clicked), self, 0);

  fz_text_row_add_suffix (FZ_TEXT_ROW (row), reason);
  fz_text_row_add_suffix (FZ_TEXT_ROW (row), dropdown);

  g_object_set_data_full (G_OBJECT (row), "fz-item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "fz-view", self);
  g_object_set_data (G_OBJECT (row), "fz-dropdown", dropdown);
  g_object_set_data (G_OBJECT (row), "fz-icon", icon);
  g_object_set_data (G_OBJECT (row), "fz-reason-button", reason);
  g_signal_connect_object (item, "notify", G_CALLBACK (element_row_sync), row, G_CONNECT_SWAPPED);
  element_row_sync (FZ_TEXT_ROW (row));

  return row;
}

void
_fz_checklist_view_activate_row (FzChecklistView *self,
                                 GtkWidget       *row)
{
  FzChecklistItem *item = g_object_get_data (G_OBJECT (row), "fz-item");
  guint start, end;

  g_autofree char *explained = NULL;

  if (item == NULL)
    return;

  g_free (self->selected_id);
  self->selected_id = g_strdup (fz_checklist_item_get_element_id (item));

  if (fz_checklist_item_get_target (item, &start, &end))
    {
      g_signal_emit (self, signals[REVEAL], 0, start, end);
      return;
    }

  /* Nothing in the text to point at: say what the checker looked for. */
  explained = g_markup_printf_escaped ("<b>%s</b>\n%s", _("Not found in the report"),
                                       fz_checklist_item_get_explanation (item));
  fz_checklist_view_explain (self, row, explained);
}

static void
on_row_activated (FzChecklistView *self,
                  GtkListBoxRow   *row)
{
  _fz_checklist_view_activate_row (self, GTK_WIDGET (row));
}

/* The 公文要素, task areas and figures below the checklist point into the
 * text as the elements do, and explain themselves in the same popover. */
static void
on_reference_reveal (FzChecklistView *self,
                     guint            start,
                     guint            end)
{
  g_signal_emit (self, signals[REVEAL], 0, start, end);
}

static void
on_reference_explain (FzChecklistView *self,
                      GtkWidget       *row,
                      const char      *markup)
{
  fz_checklist_view_explain (self, row, markup);
}

/* The models ------------------------------------------------------------- */

/* Missing first, then what is incomplete or open, then the rest; the
 * rule set's order otherwise (GtkSortListModel's sort is stable). */
static int
element_rank (FzChecklistItem *item)
{
  switch (fz_checklist_item_get_machine_status (item))
    {
    case FZ_STATUS_MISSING:
      return 0;
    case FZ_STATUS_PARTIAL:
    case FZ_STATUS_NEEDS_REVIEW:
      return 1;
    case FZ_STATUS_PRESENT:
    case FZ_STATUS_NOT_APPLICABLE:
    default:
      return 2;
    }
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  int diff = element_rank ((FzChecklistItem *) a) - element_rank ((FzChecklistItem *) b);

  return diff < 0 ? GTK_ORDERING_SMALLER : diff > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

GtkWidget *
_fz_checklist_view_find_row (FzChecklistView *self,
                             const char      *element_id)
{
  GListModel *models[] = { G_LIST_MODEL (self->required), G_LIST_MODEL (self->optional) };
  GtkListBox *lists[] = { self->required_list, self->optional_list };

  if (element_id == NULL)
    return NULL;

  /* A bound list box has a row for each item, in the model's order. */
  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    for (guint i = 0; i < g_list_model_get_n_items (models[m]); i++)
      {
        g_autoptr(FzChecklistItem) item = g_list_model_get_item (models[m], i);

        if (g_str_equal (fz_checklist_item_get_element_id (item), element_id))
          return GTK_WIDGET (gtk_list_box_get_row_at_index (lists[m], i));
      }

  return NULL;
}

/* The count under "Required Elements": what the checker found missing or
 * incomplete, which the reviewer's decisions do not change. */
static void
on_required_changed (FzChecklistView *self)
{
  GListModel *required = G_LIST_MODEL (self->required);
  g_autofree char *description = NULL;
  guint n_missing = 0, n_partial = 0;

  for (guint i = 0; i < g_list_model_get_n_items (required); i++)
    {
      g_autoptr(FzChecklistItem) item = g_list_model_get_item (required, i);

      if (fz_checklist_item_get_machine_status (item) == FZ_STATUS_MISSING)
        n_missing++;
      else if (fz_checklist_item_get_machine_status (item) == FZ_STATUS_PARTIAL)
        n_partial++;
    }

  if (g_list_model_get_n_items (required) == 0)
    description = NULL;
  else if (n_missing == 0 && n_partial == 0)
    description = g_strdup (_("Every required element was found"));
  else
    /* Translators: summary under "Required Elements" */
    description = g_strdup_printf (_("%u missing, %u partial"), n_missing, n_partial);
  adw_preferences_group_set_description (self->required_group, description);
}

static void
on_optional_changed (FzChecklistView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->optional_group),
                          g_list_model_get_n_items (G_LIST_MODEL (self->optional)) > 0);
}

/* A report checked again lists new items: what was chosen before may be
 * gone, and F8 starts from the top as on a new report. */
static void
on_checklist_changed (FzChecklistView *self,
                      guint            position,
                      guint            removed,
                      guint            added)
{
  if (removed > 0)
    g_clear_pointer (&self->selected_id, g_free);
}

/* Properties ------------------------------------------------------------- */

GListModel *
fz_checklist_view_get_checklist (FzChecklistView *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_VIEW (self), NULL);
  return self->checklist;
}

void
fz_checklist_view_set_checklist (FzChecklistView *self,
                                 GListModel      *checklist)
{
  g_return_if_fail (FZ_IS_CHECKLIST_VIEW (self));
  g_return_if_fail (checklist == NULL || G_IS_LIST_MODEL (checklist));

  if (!fz_set_watched (&self->checklist, checklist, self,
                       "items-changed", G_CALLBACK (on_checklist_changed),
                       NULL))
    return;

  g_clear_pointer (&self->selected_id, g_free);
  /* The list boxes follow through the sorted and filtered models. */
  gtk_sort_list_model_set_model (self->sorted, checklist);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST]);
}

FzAnalysis *
fz_checklist_view_get_analysis (FzChecklistView *self)
{
  g_return_val_if_fail (FZ_IS_CHECKLIST_VIEW (self), NULL);
  return self->analysis;
}

void
fz_checklist_view_set_analysis (FzChecklistView *self,
                                FzAnalysis      *analysis)
{
  g_return_if_fail (FZ_IS_CHECKLIST_VIEW (self));

  if (self->analysis == analysis)
    return;

  g_set_object (&self->analysis, analysis);
  if (analysis != NULL)
    fz_checklist_view_prepare (self);
  if (self->reference_list != NULL)
    fz_reference_list_set_analysis (self->reference_list, analysis);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

/* The reference list below the items is a third of the checklist's
 * widgets, and needed only once there is an analysis to show: the page
 * has it made while the report is read, not with the tab. */
void
fz_checklist_view_prepare (FzChecklistView *self)
{
  g_return_if_fail (FZ_IS_CHECKLIST_VIEW (self));

  if (self->reference_list != NULL)
    return;

  self->reference_list = g_object_new (FZ_TYPE_REFERENCE_LIST, NULL);
  g_signal_connect_object (self->reference_list, "reveal", G_CALLBACK (on_reference_reveal),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reference_list, "explain", G_CALLBACK (on_reference_explain),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (self->box, GTK_WIDGET (self->reference_list));
}

void
fz_checklist_view_set_review (FzChecklistView *self,
                              FzReview        *review)
{
  g_return_if_fail (FZ_IS_CHECKLIST_VIEW (self));
  g_return_if_fail (review == NULL || FZ_IS_REVIEW (review));

  /* Only where decisions made here go: the items follow their report's
   * review themselves. */
  if (g_set_object (&self->review, review))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW]);
}

static void
fz_checklist_view_dispose (GObject *object)
{
  FzChecklistView *self = FZ_CHECKLIST_VIEW (object);

  g_clear_object (&self->review);
  fz_clear_watched (&self->checklist, self);
  if (self->sorted != NULL)
    gtk_sort_list_model_set_model (self->sorted, NULL);
  if (self->explain_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->explain_popover));
  self->explain_popover = NULL;
  /* Borrowed, as template children are: the box disposes it. */
  self->reference_list = NULL;

  G_OBJECT_CLASS (fz_checklist_view_parent_class)->dispose (object);
}

static void
fz_checklist_view_finalize (GObject *object)
{
  FzChecklistView *self = FZ_CHECKLIST_VIEW (object);

  g_clear_object (&self->analysis);
  g_clear_object (&self->sorted);
  g_clear_object (&self->required);
  g_clear_object (&self->optional);
  g_free (self->selected_id);

  G_OBJECT_CLASS (fz_checklist_view_parent_class)->finalize (object);
}

static void
fz_checklist_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FzChecklistView *self = FZ_CHECKLIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      g_value_set_object (value, self->checklist);
      break;
    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;
    case PROP_REVIEW:
      g_value_set_object (value, self->review);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_checklist_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FzChecklistView *self = FZ_CHECKLIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      fz_checklist_view_set_checklist (self, g_value_get_object (value));
      break;
    case PROP_ANALYSIS:
      fz_checklist_view_set_analysis (self, g_value_get_object (value));
      break;
    case PROP_REVIEW:
      fz_checklist_view_set_review (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_checklist_view_class_init (FzChecklistViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_checklist_view_dispose;
  object_class->finalize = fz_checklist_view_finalize;
  object_class->get_property = fz_checklist_view_get_property;
  object_class->set_property = fz_checklist_view_set_property;

  properties[PROP_CHECKLIST] =
    g_param_spec_object ("checklist", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL, FZ_TYPE_ANALYSIS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEW] =
    g_param_spec_object ("review", NULL, NULL, FZ_TYPE_REVIEW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FzChecklistView::reveal:
   * @start: first character to show
   * @end: one past the last
   */
  signals[REVEAL] =
    fz_signal_new (klass, "reveal", 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-checklist-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FzChecklistView, scroller);
  gtk_widget_class_bind_template_child (widget_class, FzChecklistView, box);
  gtk_widget_class_bind_template_child (widget_class, FzChecklistView, required_group);
  gtk_widget_class_bind_template_child (widget_class, FzChecklistView, required_list);
  gtk_widget_class_bind_template_child (widget_class, FzChecklistView, optional_group);
  gtk_widget_class_bind_template_child (widget_class, FzChecklistView, optional_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
fz_checklist_view_init (FzChecklistView *self)
{
  GtkBoolFilter *required_filter, *optional_filter;

  g_type_ensure (FZ_TYPE_REFERENCE_LIST);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Required or not, and the checker's status, never change on an item:
   * the sort and filters run once per list, and a decision passes them
   * by. */
  self->sorted = gtk_sort_list_model_new (NULL, GTK_SORTER (gtk_custom_sorter_new (compare_items, NULL, NULL)));
  required_filter = gtk_bool_filter_new (gtk_property_expression_new (FZ_TYPE_CHECKLIST_ITEM, NULL, "required"));
  optional_filter = gtk_bool_filter_new (gtk_property_expression_new (FZ_TYPE_CHECKLIST_ITEM, NULL, "required"));
  gtk_bool_filter_set_invert (optional_filter, TRUE);
  self->required = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->sorted)), GTK_FILTER (required_filter));
  self->optional = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->sorted)), GTK_FILTER (optional_filter));
  g_signal_connect_object (self->required, "items-changed", G_CALLBACK (on_required_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->optional, "items-changed", G_CALLBACK (on_optional_changed), self,
                           G_CONNECT_SWAPPED);

  gtk_list_box_bind_model (self->required_list, G_LIST_MODEL (self->required),
                           create_element_row, self, NULL);
  gtk_list_box_bind_model (self->optional_list, G_LIST_MODEL (self->optional),
                           create_element_row, self, NULL);

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
  gtk_widget_set_parent (GTK_WIDGET (self->explain_popover), GTK_WIDGET (self));
}
