/* fz-cell-text.c: one line of text in a cell of a table, cheap to make
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-cell-text.h"

struct _FzCellText
{
  GtkWidget    parent_instance;

  char        *text;
  /* Made when first drawn, from the widget's own Pango context. */
  PangoLayout *layout;
  /* The context's serial the layout and the line's height were made at:
   * a change of font makes the context's serial change. */
  guint        layout_serial;
  guint        line_serial;
  int          line_height;
  int          line_ascent;
};

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FzCellText, fz_cell_text, GTK_TYPE_WIDGET)

typedef struct
{
  int height;
  int ascent;
} LineMetrics;

/* The height of a line in each font met so far.  Pango works it out by
 * shaping a sample text of the language: some 15 µs, once per cell, was
 * a fifth of the time a filling table spent measuring its rows. */
static GHashTable *line_metrics;

/* A table of reports shows Chinese, whatever the language of the window:
 * Pango is made to find the fonts for it in this font when the line's
 * height is, as the table's first rows are made.  Otherwise that fell in
 * the frame that shows the first results, where Pango waited for the
 * thread it starts to sort the fonts of a new set: 4-5 ms while the
 * batch's workers held both cores. */
static void
warm_han_fonts (PangoContext *context)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoRectangle ink;

  pango_layout_set_text (layout, "中文", -1);
  /* The ink extents are the glyphs' own: the font's face is opened too. */
  pango_layout_get_extents (layout, &ink, NULL);
}

static void
fz_cell_text_update_line (FzCellText *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  g_autofree char *font = NULL;
  g_autofree char *key = NULL;
  LineMetrics *line;

  if (self->line_serial == pango_context_get_serial (context) && self->line_height > 0)
    return;

  font = pango_font_description_to_string (pango_context_get_font_description (context));
  key = g_strdup_printf ("%s|%s|%g|%d", font, pango_language_to_string (pango_context_get_language (context)),
                         pango_cairo_context_get_resolution (context),
                         pango_context_get_round_glyph_positions (context));
  if (line_metrics == NULL)
    line_metrics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  line = g_hash_table_lookup (line_metrics, key);
  if (line == NULL)
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
      int ascent = pango_font_metrics_get_ascent (metrics);
      int descent = pango_font_metrics_get_descent (metrics);

      warm_han_fonts (context);
      line = g_new (LineMetrics, 1);
      line->ascent = PANGO_PIXELS_CEIL (ascent);
      line->height = PANGO_PIXELS_CEIL (ascent + descent);
      pango_font_metrics_unref (metrics);
      g_hash_table_insert (line_metrics, g_steal_pointer (&key), line);
    }

  self->line_height = line->height;
  self->line_ascent = line->ascent;
  self->line_serial = pango_context_get_serial (context);
}

/* The column decides the width; the font alone, the height. */
static void
fz_cell_text_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  FzCellText *self = FZ_CELL_TEXT (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = 0;
      return;
    }

  fz_cell_text_update_line (self);
  *minimum = *natural = self->line_height;
  *minimum_baseline = *natural_baseline = self->line_ascent;
}

static void
fz_cell_text_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  FzCellText *self = FZ_CELL_TEXT (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoContext *context;
  PangoRectangle logical;
  gboolean clip;
  int y;

  if (self->text == NULL || *self->text == '\0' || width <= 0 || height <= 0)
    return;

  context = gtk_widget_get_pango_context (widget);
  if (self->layout == NULL)
    {
      self->layout = pango_layout_new (context);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_text (self->layout, self->text, -1);
      self->layout_serial = pango_context_get_serial (context);
    }
  else if (self->layout_serial != pango_context_get_serial (context))
    {
      pango_layout_context_changed (self->layout);
      self->layout_serial = pango_context_get_serial (context);
    }
  /* Pango keeps what it laid out when the width is the same. */
  pango_layout_set_width (self->layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);

  /* Centred like a label; a fallback font taller than the line is cut. */
  y = (height - logical.height) / 2;
  clip = logical.height > height;
  if (clip)
    gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), 0, y, self->layout);
  if (clip)
    gtk_snapshot_pop (snapshot);
}

const char *
fz_cell_text_get_text (FzCellText *self)
{
  g_return_val_if_fail (FZ_IS_CELL_TEXT (self), NULL);

  return self->text;
}

void
fz_cell_text_set_text (FzCellText *self,
                       const char *text)
{
  g_return_if_fail (FZ_IS_CELL_TEXT (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text != NULL ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  /* Drawn again, not measured again: that is what the widget is for. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
fz_cell_text_finalize (GObject *object)
{
  FzCellText *self = FZ_CELL_TEXT (object);

  g_clear_object (&self->layout);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (fz_cell_text_parent_class)->finalize (object);
}

static void
fz_cell_text_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FzCellText *self = FZ_CELL_TEXT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_cell_text_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FzCellText *self = FZ_CELL_TEXT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      fz_cell_text_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_cell_text_class_init (FzCellTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fz_cell_text_finalize;
  object_class->get_property = fz_cell_text_get_property;
  object_class->set_property = fz_cell_text_set_property;

  widget_class->measure = fz_cell_text_measure;
  widget_class->snapshot = fz_cell_text_snapshot;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
fz_cell_text_init (FzCellText *self)
{
}

GtkWidget *
fz_cell_text_new (void)
{
  return g_object_new (FZ_TYPE_CELL_TEXT, NULL);
}
