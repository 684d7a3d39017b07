/* fz-outline-view.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-element-color.h"
#include "fz-growing-list.h"
#include "fz-outline-view.h"
#include "fz-tooltip.h"
#include "fz-widget-util.h"

#define MAX_INDENT_DEPTH 4
#define INDENT_PX        14

struct _FzOutlineView
{
  GtkWidget          parent_instance;

  GtkStack          *stack;
  GtkListView       *list_view;

  FzAnalysis        *analysis;
  /* The headings as shown; a row's position is its section's index.  A
   * list view, because a compilation of reports has thousands of them and
   * only the visible rows should cost anything. */
  GtkStringList     *headings;
  FzGrowingList     *shown;           /* @headings, a few rows a turn */
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (FzOutlineView, fz_outline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ANALYSIS,
  N_PROPS
};

enum {
  SECTION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           FzOutlineView            *self)
{
  GtkWidget *box, *dot, *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  dot = gtk_label_new (NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (dot), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), dot);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          FzOutlineView            *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *dot = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (dot);
  GtkStringObject *text = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  GPtrArray *sections = fz_analysis_get_sections (self->analysis);
  const FzSection *section;
  const FzElementResult *element = NULL;
  const char *color = NULL;
  g_autofree char *tooltip = NULL;

  g_return_if_fail (position < sections->len);
  section = g_ptr_array_index (sections, position);

  if (section->element != NULL)
    {
      element = fz_analysis_find_element (self->analysis, section->element);
      color = fz_element_color (self->analysis, section->element);
    }

  /* Deep enough for 一、→（一）→1.→（1）; anything deeper is indented no
   * further, so a sloppy report cannot push its headings out of view. */
  gtk_widget_set_margin_start (box, INDENT_PX * (MIN (section->depth, MAX_INDENT_DEPTH) - 1));

  /* The dot matches the heading's colour in the text and the bullet of its
   * checklist row; a section that carries no element gets an empty one. */
  if (color != NULL)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span>", color);
      gtk_label_set_markup (GTK_LABEL (dot), markup);
      gtk_widget_remove_css_class (dot, "dim-label");
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (dot), "○");
      gtk_widget_add_css_class (dot, "dim-label");
    }

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (text));
  fz_widget_set_css_class (label, "heading", section->depth == 1);

  if (element != NULL)
    /* Translators: tooltip of an outline row: the heading, then the checklist element it carries */
    tooltip = g_strdup_printf (_("%s\nCarries: %s"), gtk_string_object_get_string (text), element->name);
  else
    tooltip = g_strdup (gtk_string_object_get_string (text));
  fz_tooltip_set_text (box, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, (int) section->depth,
                                  -1);
}

static void
fz_outline_view_rebuild (FzOutlineView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) headings = NULL;
  GPtrArray *sections;
  guint n_old;

  sections = self->analysis != NULL ? fz_analysis_get_sections (self->analysis) : NULL;
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      const FzSection *section = g_ptr_array_index (sections, i);
      g_autofree char *text = g_strconcat (section->label != NULL ? section->label : "",
                                           section->heading != NULL ? section->heading : "",
                                           NULL);

      g_strv_builder_add (builder, text);
    }
  headings = g_strv_builder_end (builder);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->headings));
  gtk_string_list_splice (self->headings, 0, n_old, (const char * const *) headings);

  gtk_stack_set_visible_child_name (self->stack,
                                    sections != NULL && sections->len > 0 ? "sections" : "empty");
}

static void
on_activate (FzOutlineView *self,
             guint          position)
{
  g_signal_emit (self, signals[SECTION_ACTIVATED], 0, position);
}

static void
fz_outline_view_dispose (GObject *object)
{
  FzOutlineView *self = FZ_OUTLINE_VIEW (object);
  GtkWidget *child;

  /* The template's top box is not a bound child, so
   * gtk_widget_dispose_template() would leave it behind. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->analysis);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->headings);

  G_OBJECT_CLASS (fz_outline_view_parent_class)->dispose (object);
}

static void
fz_outline_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FzOutlineView *self = FZ_OUTLINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_outline_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FzOutlineView *self = FZ_OUTLINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      fz_outline_view_set_analysis (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_outline_view_class_init (FzOutlineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_outline_view_dispose;
  object_class->get_property = fz_outline_view_get_property;
  object_class->set_property = fz_outline_view_set_property;

  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL,
                         FZ_TYPE_ANALYSIS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FzOutlineView::section-activated:
   * @index: the section's index in fz_analysis_get_sections()
   */
  signals[SECTION_ACTIVATED] =
    fz_signal_new (klass, "section-activated", 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-outline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FzOutlineView, stack);
  gtk_widget_class_bind_template_child (widget_class, FzOutlineView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, setup_row);
  gtk_widget_class_bind_template_callback (widget_class, bind_row);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "outline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_NAVIGATION);
}

static void
fz_outline_view_init (FzOutlineView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->headings = gtk_string_list_new (NULL);
  self->shown = fz_growing_list_new (G_LIST_MODEL (self->headings), 20, 200);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->shown)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
fz_outline_view_new (void)
{
  return g_object_new (FZ_TYPE_OUTLINE_VIEW, NULL);
}

FzAnalysis *
fz_outline_view_get_analysis (FzOutlineView *self)
{
  g_return_val_if_fail (FZ_IS_OUTLINE_VIEW (self), NULL);

  return self->analysis;
}

void
fz_outline_view_set_analysis (FzOutlineView *self,
                              FzAnalysis    *analysis)
{
  g_return_if_fail (FZ_IS_OUTLINE_VIEW (self));
  g_return_if_fail (analysis == NULL || FZ_IS_ANALYSIS (analysis));

  if (!g_set_object (&self->analysis, analysis))
    return;

  fz_outline_view_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

guint
fz_outline_view_get_n_rows (FzOutlineView *self)
{
  g_return_val_if_fail (FZ_IS_OUTLINE_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->headings));
}

void
fz_outline_view_activate (FzOutlineView *self,
                          guint          index)
{
  g_return_if_fail (FZ_IS_OUTLINE_VIEW (self));

  if (index >= fz_outline_view_get_n_rows (self))
    return;

  fz_growing_list_flush (self->shown);
  gtk_single_selection_set_selected (self->selection, index);
  g_signal_emit (self, signals[SECTION_ACTIVATED], 0, index);
}
