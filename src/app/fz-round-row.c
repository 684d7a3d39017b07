/* fz-round-row.c: one point of the first round, as it stands now
 *
 * What the first round said, what the machine proposes now and why, the
 * passage in both versions, and the reviewer's word: a state picked here
 * is confirmed at once; the tick confirms the proposal as it stands, and
 * clearing it goes back to the machine's proposal.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-passage.h"
#include "fz-round-row.h"
#include "fz-tooltip.h"
#include "fz-verdict-style.h"

/* Characters of context around a short passage, and of a long one shown. */
#define CONTEXT   12
#define MAX_SHOWN 60

struct _FzRoundRow
{
  AdwBin          parent_instance;

  GtkImage       *state_icon;
  GtkLabel       *kind_label;
  GtkLabel       *text_label;
  GtkLabel       *explanation_label;
  GtkLabel       *first_label;
  GtkLabel       *second_label;
  GtkDropDown    *state_dropdown;
  GtkCheckButton *confirmed_check;

  FzRounds       *rounds;
  FzRoundPoint   *point;
};

G_DEFINE_FINAL_TYPE (FzRoundRow, fz_round_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_POINT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
fz_point_state_label (FzPointState state)
{
  switch (state)
    {
    case FZ_POINT_RESOLVED:
      return _("Resolved");
    case FZ_POINT_OPEN:
      return _("Still open");
    case FZ_POINT_CHANGED:
    default:
      return _("Changed: have a look");
    }
}

const char *
fz_point_kind_label (FzPointKind kind)
{
  switch (kind)
    {
    case FZ_POINT_ELEMENT:
      return _("Checklist element");
    case FZ_POINT_FINDING:
      return _("Problem found");
    case FZ_POINT_ANNOTATION:
      return _("Annotation");
    case FZ_POINT_RECTIFICATION:
    default:
      return _("Rectification request");
    }
}

static const char *
state_icon_name (FzPointState state)
{
  switch (state)
    {
    case FZ_POINT_RESOLVED:
      return "object-select-symbolic";
    case FZ_POINT_OPEN:
      return "dialog-warning-symbolic";
    case FZ_POINT_CHANGED:
    default:
      return "edit-find-symbolic";
    }
}

static const char *
state_css_class (FzPointState state)
{
  switch (state)
    {
    case FZ_POINT_RESOLVED:
      return "success";
    case FZ_POINT_OPEN:
      return "error";
    case FZ_POINT_CHANGED:
    default:
      return "warning";
    }
}

/* Whether the reviewer's word can be kept: the revised report's review
 * holds it, against the first report's hash. */
static gboolean
can_confirm (FzRoundRow *self)
{
  return self->rounds != NULL && fz_rounds_get_first_review (self->rounds) != NULL &&
         fz_rounds_get_second_review (self->rounds) != NULL;
}

static void
fz_round_row_sync_state (FzRoundRow *self)
{
  FzPointState state, proposed;
  gboolean confirmed;
  const char *explanation;

  if (self->point == NULL)
    return;

  state = fz_round_point_get_state (self->point);
  proposed = fz_round_point_get_proposed_state (self->point);
  confirmed = fz_round_point_get_confirmed (self->point);

  fz_image_show_verdict (self->state_icon, state_icon_name (state), state_css_class (state),
                         fz_point_state_label (state));

  /* Setting what is already shown emits nothing, so the handlers below
   * only ever see the reviewer's own changes as changes. */
  if (gtk_drop_down_get_selected (self->state_dropdown) != (guint) state)
    gtk_drop_down_set_selected (self->state_dropdown, state);
  if (gtk_check_button_get_active (self->confirmed_check) != confirmed)
    gtk_check_button_set_active (self->confirmed_check, confirmed);

  explanation = fz_round_point_get_explanation (self->point);
  if (confirmed && state != proposed)
    {
      /* Translators: %s is why the checker proposed its state, then the state it proposed */
      g_autofree char *text = g_strdup_printf (_("%s The checker proposed: %s."),
                                               explanation != NULL ? explanation : "",
                                               fz_point_state_label (proposed));

      gtk_label_set_text (self->explanation_label, g_strstrip (text));
    }
  else
    gtk_label_set_text (self->explanation_label, explanation != NULL ? explanation : "");
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_label),
                          *gtk_label_get_text (self->explanation_label) != '\0');
}

static void
on_point_notify (FzRoundRow *self)
{
  fz_round_row_sync_state (self);
}

static void
on_state_selected (FzRoundRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->state_dropdown);

  if (self->point == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected == (guint) fz_round_point_get_state (self->point))
    return;

  /* Picking a state is the reviewer's word on the point. */
  if (!fz_rounds_confirm (self->rounds, self->point, selected))
    fz_round_row_sync_state (self);
}

static void
on_confirmed_toggled (FzRoundRow *self)
{
  gboolean active = gtk_check_button_get_active (self->confirmed_check);

  if (self->point == NULL || active == fz_round_point_get_confirmed (self->point))
    return;

  if (active)
    {
      if (!fz_rounds_confirm (self->rounds, self->point, fz_round_point_get_state (self->point)))
        fz_round_row_sync_state (self);
    }
  else
    fz_rounds_unconfirm (self->rounds, self->point);
}

static void
set_passage (GtkLabel   *label,
             const char *prefix,
             FzDocument *doc,
             guint       start,
             guint       end)
{
  g_autofree char *quote = fz_passage_markup (doc, start, end, CONTEXT, MAX_SHOWN);
  g_autofree char *escaped = g_markup_escape_text (prefix, -1);
  g_autofree char *markup = NULL;

  if (quote == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      return;
    }
  markup = g_strdup_printf ("<span alpha=\"70%%\">%s</span> %s", escaped, quote);
  gtk_label_set_markup (label, markup);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

void
fz_round_row_bind (FzRoundRow   *self,
                   FzRounds     *rounds,
                   FzRoundPoint *point)
{
  FzDocument *first_doc, *second_doc;
  guint first_start, first_end, second_start, second_end;

  g_return_if_fail (FZ_IS_ROUND_ROW (self));
  g_return_if_fail (FZ_IS_ROUNDS (rounds));
  g_return_if_fail (FZ_IS_ROUND_POINT (point));

  fz_round_row_unbind (self);
  self->rounds = g_object_ref (rounds);
  self->point = g_object_ref (point);

  gtk_label_set_text (self->kind_label, fz_point_kind_label (fz_round_point_get_kind (point)));
  gtk_label_set_text (self->text_label, fz_round_point_get_text (point));

  first_doc = fz_analysis_get_document (fz_rounds_get_first (rounds));
  second_doc = fz_analysis_get_document (fz_rounds_get_second (rounds));
  fz_round_point_get_first_place (point, &first_start, &first_end);
  fz_round_point_get_second_place (point, &second_start, &second_end);
  set_passage (self->first_label, _("First version:"), first_doc, first_start, first_end);
  if (second_start == FZ_ROUND_POINT_NO_PLACE && first_start != FZ_ROUND_POINT_NO_PLACE)
    {
      /* The passage was taken out. */
      g_autofree char *markup = g_strdup_printf ("<span alpha=\"70%%\">%s</span>",
                                                 _("Revised: the passage is no longer there"));

      gtk_label_set_markup (self->second_label, markup);
      gtk_widget_set_visible (GTK_WIDGET (self->second_label), TRUE);
    }
  else
    set_passage (self->second_label, _("Revised:"), second_doc, second_start, second_end);

  gtk_widget_set_sensitive (GTK_WIDGET (self->state_dropdown), can_confirm (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirmed_check), can_confirm (self));
  fz_tooltip_set_text (GTK_WIDGET (self->confirmed_check),
                       can_confirm (self) ? _("Keep this state in the revised report’s review")
                                          : _("States can be confirmed only when both versions have a review"));

  g_signal_connect_object (point, "notify::state", G_CALLBACK (on_point_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (point, "notify::confirmed", G_CALLBACK (on_point_notify), self, G_CONNECT_SWAPPED);
  fz_round_row_sync_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POINT]);
}

void
fz_round_row_unbind (FzRoundRow *self)
{
  g_return_if_fail (FZ_IS_ROUND_ROW (self));

  if (self->point == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->point, self);
  g_clear_object (&self->point);
  g_clear_object (&self->rounds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POINT]);
}

FzRoundPoint *
fz_round_row_get_point (FzRoundRow *self)
{
  g_return_val_if_fail (FZ_IS_ROUND_ROW (self), NULL);
  return self->point;
}

GtkWidget *
fz_round_row_new (void)
{
  return g_object_new (FZ_TYPE_ROUND_ROW, NULL);
}

static void
fz_round_row_dispose (GObject *object)
{
  FzRoundRow *self = FZ_ROUND_ROW (object);

  fz_round_row_unbind (self);

  G_OBJECT_CLASS (fz_round_row_parent_class)->dispose (object);
}

static void
fz_round_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FzRoundRow *self = FZ_ROUND_ROW (object);

  switch (prop_id)
    {
    case PROP_POINT:
      g_value_set_object (value, self->point);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_round_row_class_init (FzRoundRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_round_row_dispose;
  object_class->get_property = fz_round_row_get_property;

  properties[PROP_POINT] =
    g_param_spec_object ("point", NULL, NULL, FZ_TYPE_ROUND_POINT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-round-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FzRoundRow, state_icon);
  gtk_widget_class_bind_template_child (widget_class, FzRoundRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, FzRoundRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, FzRoundRow, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, FzRoundRow, first_label);
  gtk_widget_class_bind_template_child (widget_class, FzRoundRow, second_label);
  gtk_widget_class_bind_template_child (widget_class, FzRoundRow, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FzRoundRow, confirmed_check);
  gtk_widget_class_bind_template_callback (widget_class, on_state_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_confirmed_toggled);
}

static void
fz_round_row_init (FzRoundRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
