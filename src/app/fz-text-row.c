/* fz-text-row.c: a list row of a wrapped title and subtitle, cheap to measure
 *
 * Looks and reads like an AdwActionRow, whose title and subtitle wrap.  It
 * exists because of what a wrapped label costs inside a horizontal GtkBox:
 * to find the row's height at a width, GTK 4.8's box layout tries its
 * children at one width after another, and each try lays out the whole
 * text again.  The checklist's rows were the most expensive part of
 * opening a report.  A GtkGrid measures each child once per width, and
 * nothing with wrapped text in it is aligned other than "fill" (see the
 * template).
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-text-row.h"

#include "libfazhi.h"

struct _FzTextRow
{
  GtkListBoxRow  parent_instance;

  GtkWidget     *prefixes;
  GtkWidget     *suffixes;
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;

  GtkWidget     *list_box;       /* the parent, while it is a GtkListBox */
};

G_DEFINE_FINAL_TYPE (FzTextRow, fz_text_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_row_activated (FzTextRow     *self,
                  GtkListBoxRow *row)
{
  if (row == GTK_LIST_BOX_ROW (self))
    g_signal_emit (self, signals[ACTIVATED], 0);
}

/* As AdwActionRow does: the list box says which row was activated (a
 * click, Enter), and the row says so to whoever made it. */
static void
on_parent_changed (FzTextRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  fz_set_watched (&self->list_box, GTK_IS_LIST_BOX (parent) ? parent : NULL, self,
                  "row-activated", G_CALLBACK (on_row_activated),
                  NULL);
}

static void
fz_text_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FzTextRow *self = FZ_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, fz_text_row_get_title (self));
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, fz_text_row_get_subtitle (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_text_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FzTextRow *self = FZ_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      fz_text_row_set_title (self, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      fz_text_row_set_subtitle (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_text_row_dispose (GObject *object)
{
  FzTextRow *self = FZ_TEXT_ROW (object);

  fz_clear_watched (&self->list_box, self);

  G_OBJECT_CLASS (fz_text_row_parent_class)->dispose (object);
}

static void
fz_text_row_class_init (FzTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_text_row_dispose;
  object_class->get_property = fz_text_row_get_property;
  object_class->set_property = fz_text_row_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The row was activated in its list (an activatable row only). */
  signals[ACTIVATED] = fz_signal_new (klass, "activated", 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/fazhireview/FazhiReview/fz-text-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FzTextRow, prefixes);
  gtk_widget_class_bind_template_child (widget_class, FzTextRow, suffixes);
  gtk_widget_class_bind_template_child (widget_class, FzTextRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, FzTextRow, subtitle_label);
}

static void
fz_text_row_init (FzTextRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Read as AdwActionRow reads: the title names the row, the subtitle
   * describes it. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->subtitle_label, NULL,
                                  -1);
  g_signal_connect (self, "notify::parent", G_CALLBACK (on_parent_changed), NULL);
}

GtkWidget *
fz_text_row_new (void)
{
  return g_object_new (FZ_TYPE_TEXT_ROW, NULL);
}

const char *
fz_text_row_get_title (FzTextRow *self)
{
  g_return_val_if_fail (FZ_IS_TEXT_ROW (self), NULL);

  return gtk_label_get_label (self->title_label);
}

/* @markup is Pango markup, as AdwActionRow's title. */
void
fz_text_row_set_title (FzTextRow  *self,
                       const char *markup)
{
  g_return_if_fail (FZ_IS_TEXT_ROW (self));

  if (g_strcmp0 (gtk_label_get_label (self->title_label), markup != NULL ? markup : "") == 0)
    return;

  gtk_label_set_label (self->title_label, markup != NULL ? markup : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
fz_text_row_get_subtitle (FzTextRow *self)
{
  g_return_val_if_fail (FZ_IS_TEXT_ROW (self), NULL);

  return gtk_label_get_label (self->subtitle_label);
}

/* Setting the same text again is free: a row synced on every change of
 * its item must not lay its text out anew each time. */
void
fz_text_row_set_subtitle (FzTextRow  *self,
                          const char *markup)
{
  gboolean has_subtitle;

  g_return_if_fail (FZ_IS_TEXT_ROW (self));

  if (g_strcmp0 (gtk_label_get_label (self->subtitle_label), markup != NULL ? markup : "") == 0)
    return;

  has_subtitle = markup != NULL && *markup != '\0';
  gtk_label_set_label (self->subtitle_label, markup != NULL ? markup : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), has_subtitle);
  /* Title and subtitle share the spare height and meet in the middle;
   * a title alone sits in the middle of its own. */
  gtk_label_set_yalign (self->title_label, has_subtitle ? 1.0 : 0.5);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

void
fz_text_row_set_subtitle_lines (FzTextRow *self,
                                int        lines)
{
  g_return_if_fail (FZ_IS_TEXT_ROW (self));

  gtk_label_set_lines (self->subtitle_label, lines);
}

void
fz_text_row_add_prefix (FzTextRow *self,
                        GtkWidget *widget)
{
  g_return_if_fail (FZ_IS_TEXT_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (GTK_BOX (self->prefixes), widget);
  gtk_widget_set_visible (self->prefixes, TRUE);
}

void
fz_text_row_add_suffix (FzTextRow *self,
                        GtkWidget *widget)
{
  g_return_if_fail (FZ_IS_TEXT_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (GTK_BOX (self->suffixes), widget);
  gtk_widget_set_visible (self->suffixes, TRUE);
}
