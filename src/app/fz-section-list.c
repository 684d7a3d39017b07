/* fz-section-list.c: two versions of a report, section by section
 *
 * The comparison pairs the sections of the two versions by their
 * headings before it pairs paragraphs inside them; this lists those pairs
 * so the reviewer sees at a glance which parts the revision touched, and
 * opens one side by side.  The list is short (a report has a few dozen
 * headings), so its rows are plain widgets.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-tooltip.h"
#include "fz-passage.h"
#include "fz-section-compare.h"
#include "fz-section-list.h"
#include "fz-object-util.h"

struct _FzSectionList
{
  AdwBin        parent_instance;

  GtkListBox   *list_box;

  FzComparison *comparison;
  guint         n_rows;
};

G_DEFINE_FINAL_TYPE (FzSectionList, fz_section_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_COMPARISON,
  N_PROPS
};

enum {
  ACTIVATE_PAIR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
change_label (const FzSectionPair *pair)
{
  switch (pair->change)
    {
    case FZ_CHANGE_SAME:
      return _("Unchanged");
    case FZ_CHANGE_ADDED:
      return _("Added");
    case FZ_CHANGE_REMOVED:
      return _("Taken out");
    case FZ_CHANGE_CHANGED:
    default:
      return _("Reworded");
    }
}

static const char *
change_css_class (const FzSectionPair *pair)
{
  switch (pair->change)
    {
    case FZ_CHANGE_SAME:
      return "dim-label";
    case FZ_CHANGE_ADDED:
      return "success";
    case FZ_CHANGE_REMOVED:
      return "error";
    case FZ_CHANGE_CHANGED:
    default:
      return "warning";
    }
}

static GtkWidget *
pair_row (FzComparison        *comparison,
          const FzSectionPair *pair,
          guint                index)
{
  g_autofree char *title = fz_section_compare_dup_pair_title (comparison, pair);
  g_autofree char *one_line = fz_passage_one_line (title, 40);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *heading = gtk_label_new (one_line);
  GtkWidget *tag = gtk_label_new (change_label (pair));
  g_autofree char *detail = NULL;

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (heading, TRUE);
  if (pair->change == FZ_CHANGE_SAME)
    gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_add_css_class (tag, "caption-heading");
  gtk_widget_add_css_class (tag, change_css_class (pair));

  if (pair->change == FZ_CHANGE_CHANGED)
    /* Translators: how much of a section's text both versions share; %d is a percentage */
    detail = g_strdup_printf (_("%d%% the same"), (int) (pair->similarity * 100 + 0.5));
  if (pair->moved)
    {
      g_autofree char *moved = g_strjoin (detail != NULL ? " · " : "", detail != NULL ? detail : "",
                                          _("moved"), NULL);

      g_free (detail);
      detail = g_steal_pointer (&moved);
    }

  gtk_box_append (GTK_BOX (box), heading);
  if (detail != NULL)
    {
      GtkWidget *label = gtk_label_new (detail);

      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_box_append (GTK_BOX (box), tag);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  fz_tooltip_set_text (row, title);
  g_object_set_data (G_OBJECT (row), "fz-pair", GUINT_TO_POINTER (index));

  return row;
}

static void
fz_section_list_fill (FzSectionList *self)
{
  GPtrArray *pairs;
  GtkWidget *child;

  /* GTK 4.8 has no gtk_list_box_remove_all(). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  self->n_rows = 0;
  if (self->comparison == NULL)
    return;

  pairs = fz_comparison_get_sections (self->comparison);
  for (guint i = 0; i < pairs->len; i++)
    {
      const FzSectionPair *pair = g_ptr_array_index (pairs, i);

      /* The front matter and the closing have no heading to list them by. */
      if (pair->region != FZ_REGION_SECTION)
        continue;
      gtk_list_box_append (self->list_box, pair_row (self->comparison, pair, i));
      self->n_rows++;
    }
}

static void
on_row_activated (FzSectionList *self,
                  GtkListBoxRow *row)
{
  g_signal_emit (self, signals[ACTIVATE_PAIR], 0, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "fz-pair")));
}

void
fz_section_list_activate_row (FzSectionList *self,
                              guint          index)
{
  GtkListBoxRow *row;

  g_return_if_fail (FZ_IS_SECTION_LIST (self));

  if ((row = gtk_list_box_get_row_at_index (self->list_box, index)) == NULL)
    return;
  gtk_list_box_select_row (self->list_box, row);
  on_row_activated (self, row);
}

GtkWidget *
fz_section_list_new (void)
{
  return g_object_new (FZ_TYPE_SECTION_LIST, NULL);
}

FzComparison *
fz_section_list_get_comparison (FzSectionList *self)
{
  g_return_val_if_fail (FZ_IS_SECTION_LIST (self), NULL);
  return self->comparison;
}

void
fz_section_list_set_comparison (FzSectionList *self,
                                FzComparison  *comparison)
{
  g_return_if_fail (FZ_IS_SECTION_LIST (self));
  g_return_if_fail (comparison == NULL || FZ_IS_COMPARISON (comparison));

  if (!g_set_object (&self->comparison, comparison))
    return;
  fz_section_list_fill (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

guint
fz_section_list_get_n_rows (FzSectionList *self)
{
  g_return_val_if_fail (FZ_IS_SECTION_LIST (self), 0);
  return self->n_rows;
}

static void
fz_section_list_dispose (GObject *object)
{
  FzSectionList *self = FZ_SECTION_LIST (object);

  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (fz_section_list_parent_class)->dispose (object);
}

static void
fz_section_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FzSectionList *self = FZ_SECTION_LIST (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_section_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FzSectionList *self = FZ_SECTION_LIST (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      fz_section_list_set_comparison (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_section_list_class_init (FzSectionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_section_list_dispose;
  object_class->get_property = fz_section_list_get_property;
  object_class->set_property = fz_section_list_set_property;

  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, FZ_TYPE_COMPARISON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FzSectionList::activate-pair:
   * @index: the pair's index in fz_comparison_get_sections()
   */
  signals[ACTIVATE_PAIR] = fz_signal_new (klass, "activate-pair", 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-section-list.ui");
  gtk_widget_class_bind_template_child (widget_class, FzSectionList, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
fz_section_list_init (FzSectionList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
