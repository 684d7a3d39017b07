/* fz-reference-list.c: the 公文要素, the outline's task areas and the
 * figures, shown for reference below the checklist
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-reference-list.h"
#include "fz-text-row.h"
#include "fz-object-util.h"
#include "fz-verdict-style.h"

struct _FzReferenceList
{
  AdwBin               parent_instance;

  GtkListBox          *metadata_list;
  AdwExpanderRow      *coverage_row;
  AdwExpanderRow      *figures_row;
  GtkListView         *figures_view;

  FzAnalysis          *analysis;
  GtkStringList       *figures;        /* indices into the analysis's figures */
  GPtrArray           *rows;           /* the 公文要素 and task-area rows */
  guint                fill_id;        /* the rows, made after the checklist is on screen */
};

G_DEFINE_FINAL_TYPE (FzReferenceList, fz_reference_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ANALYSIS,
  N_PROPS
};

enum {
  REVEAL,
  EXPLAIN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* A row with a place in the text shows it; one without says why. */
static void
activate_row (FzReferenceList *self,
              GtkWidget       *row)
{
  const char *markup = g_object_get_data (G_OBJECT (row), "fz-explain");

  if (g_object_get_data (G_OBJECT (row), "fz-has-range") != NULL)
    g_signal_emit (self, signals[REVEAL], 0,
                   GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "fz-start")),
                   GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "fz-end")));
  else if (markup != NULL)
    g_signal_emit (self, signals[EXPLAIN], 0, row, markup);
}

static GtkWidget *
reference_row (FzReferenceList *self,
               const char      *title,
               const char      *subtitle_markup,
               const char      *icon_name,
               const char      *icon_class,
               const char      *icon_label,
               guint            start,
               guint            end,
               const char      *explain_markup)
{
  GtkWidget *row = fz_text_row_new ();
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  fz_text_row_set_title (FZ_TEXT_ROW (row), escaped);
  fz_text_row_set_subtitle (FZ_TEXT_ROW (row), subtitle_markup);
  fz_text_row_set_subtitle_lines (FZ_TEXT_ROW (row), 3);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new ();

      fz_image_show_verdict (GTK_IMAGE (icon), icon_name, icon_class, icon_label);
      fz_text_row_add_prefix (FZ_TEXT_ROW (row), icon);
    }
  if (end > start)
    {
      g_object_set_data (G_OBJECT (row), "fz-has-range", GINT_TO_POINTER (TRUE));
      g_object_set_data (G_OBJECT (row), "fz-start", GUINT_TO_POINTER (start));
      g_object_set_data (G_OBJECT (row), "fz-end", GUINT_TO_POINTER (end));
    }
  if (explain_markup != NULL)
    g_object_set_data_full (G_OBJECT (row), "fz-explain", g_strdup (explain_markup), g_free);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), end > start || explain_markup != NULL);
  g_signal_connect_object (row, "activated", G_CALLBACK (activate_row), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->rows, row);

  return row;
}

static void
add_metadata_row (FzReferenceList   *self,
                  const char        *name,
                  const FzMetaField *field)
{
  g_autofree char *subtitle = g_markup_escape_text (field->value != NULL ? field->value : _("Not found"), -1);
  g_autofree char *explain = field->value == NULL
                             ? g_markup_printf_escaped ("<b>%s</b>\n%s", name,
                                                        _("The report does not show it where GB/T 9704 puts it."))
                             : NULL;

  gtk_list_box_append (self->metadata_list,
                       reference_row (self, name, subtitle,
                                      field->value != NULL ? "object-select-symbolic" : "dialog-warning-symbolic",
                                      field->value != NULL ? "success" : "warning",
                                      field->value != NULL ? _("Present") : _("Not found"),
                                      field->start, field->end, explain));
}

static void
add_coverage_rows (FzReferenceList *self)
{
  GPtrArray *coverage = fz_analysis_get_coverage (self->analysis);
  guint counts[3] = { 0, 0, 0 };
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < coverage->len; i++)
    {
      const FzCoverageArea *area = g_ptr_array_index (coverage, i);
      g_autofree char *title = g_strdup_printf ("%s %s", area->part, fz_coverage_area_get_display_name (area));
      g_autofree char *keywords = g_strjoinv ("、", area->keywords);
      g_autofree char *text = NULL;
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
      if (area->hits > 0)
        /* Translators: under a task area: 1: covered/mentioned, 2: how often, 3: the words found */
        text = g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE,
                                                     "<b>%s</b> · %u mention: %s",
                                                     "<b>%s</b> · %u mentions: %s",
                                                     area->hits),
                                        label, area->hits, keywords);
      else
        text = g_markup_printf_escaped ("<b>%s</b>", label);

      adw_expander_row_add_row (self->coverage_row,
                                reference_row (self, title, text, icon, css, label,
                                               area->start, area->end, NULL));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->coverage_row), coverage->len > 0);
  /* Translators: under the outline's task areas */
  subtitle = g_strdup_printf (_("Covered: %u · mentioned: %u · not covered: %u. A note on scope, not a requirement."),
                              counts[FZ_COVERAGE_COVERED], counts[FZ_COVERAGE_MENTIONED],
                              counts[FZ_COVERAGE_ABSENT]);
  adw_expander_row_set_subtitle (self->coverage_row, subtitle);
}

/* Figures: any number (a compilation has thousands), so a list view that
 * builds rows only for what is on screen.  The model holds each figure's
 * index, as figures are plain structs of the analysis. */
static void
setup_figure (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *context = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_xalign (GTK_LABEL (context), 0);
  gtk_label_set_wrap (GTK_LABEL (context), TRUE);
  gtk_label_set_lines (GTK_LABEL (context), 2);
  gtk_label_set_ellipsize (GTK_LABEL (context), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (context, "dim-label");
  gtk_widget_add_css_class (context, "caption");
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), context);
  gtk_list_item_set_child (list_item, box);
}

static const FzFigure *
figure_at (FzReferenceList *self,
           GObject         *string_object)
{
  GPtrArray *figures = self->analysis != NULL ? fz_analysis_get_figures (self->analysis) : NULL;
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (GTK_STRING_OBJECT (string_object)), NULL, 10);

  return figures != NULL && index < figures->len ? g_ptr_array_index (figures, index) : NULL;
}

static void
bind_figure (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             FzReferenceList          *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  const FzFigure *figure = figure_at (self, gtk_list_item_get_item (list_item));
  g_autofree char *value = NULL;
  g_autofree char *title = NULL;

  if (figure == NULL)
    return;
  value = g_strdup_printf ("%g", figure->value);
  /* Translators: a figure in the list: 1: as written, 2: its value, 3: its unit */
  title = g_markup_printf_escaped (_("%s <small>(%s %s)</small>"), figure->text, value,
                                   figure->unit != NULL ? figure->unit : "");
  gtk_label_set_markup (GTK_LABEL (gtk_widget_get_first_child (box)), title);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)),
                      figure->context != NULL ? figure->context : "");
}

static void
on_figure_activated (FzReferenceList *self,
                     guint            position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->figures), position);
  const FzFigure *figure = item != NULL ? figure_at (self, item) : NULL;

  if (figure != NULL)
    g_signal_emit (self, signals[REVEAL], 0, figure->start, figure->end);
}

static void
fz_reference_list_clear (FzReferenceList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *expander = gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW);

      if (expander != NULL)
        adw_expander_row_remove (ADW_EXPANDER_ROW (expander), row);
      else
        gtk_list_box_remove (self->metadata_list, row);
    }
  g_ptr_array_set_size (self->rows, 0);
  gtk_string_list_splice (self->figures, 0, g_list_model_get_n_items (G_LIST_MODEL (self->figures)), NULL);
}

static void
fz_reference_list_fill (FzReferenceList *self)
{
  GPtrArray *figures;
  g_autoptr(GPtrArray) indices = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  const FzMetadata *meta;

  fz_reference_list_clear (self);
  if (self->analysis == NULL)
    return;

  meta = fz_analysis_get_metadata (self->analysis);
  add_metadata_row (self, _("Title"), &meta->title);
  add_metadata_row (self, _("Document number"), &meta->doc_number);
  add_metadata_row (self, _("Addressee"), &meta->addressee);
  add_metadata_row (self, _("Issuing authority"), &meta->issuer);
  add_metadata_row (self, _("Date"), &meta->date);

  add_coverage_rows (self);

  figures = fz_analysis_get_figures (self->analysis);
  for (guint i = 0; i < figures->len; i++)
    g_ptr_array_add (indices, g_strdup_printf ("%u", i));
  g_ptr_array_add (indices, NULL);
  gtk_string_list_splice (self->figures, 0, 0, (const char * const *) indices->pdata);
  subtitle = figures->len == 0 ? g_strdup (_("The report states no figures"))
                               : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u figure stated in the report",
                                                               "%u figures stated in the report",
                                                               figures->len),
                                                  figures->len);
  adw_expander_row_set_subtitle (self->figures_row, subtitle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->figures_row), figures->len > 0);
}

FzAnalysis *
fz_reference_list_get_analysis (FzReferenceList *self)
{
  g_return_val_if_fail (FZ_IS_REFERENCE_LIST (self), NULL);

  return self->analysis;
}

static gboolean
fill_idle (gpointer data)
{
  FzReferenceList *self = data;

  self->fill_id = 0;
  fz_reference_list_fill (self);

  return G_SOURCE_REMOVE;
}

void
fz_reference_list_set_analysis (FzReferenceList *self,
                                FzAnalysis      *analysis)
{
  g_return_if_fail (FZ_IS_REFERENCE_LIST (self));
  g_return_if_fail (analysis == NULL || FZ_IS_ANALYSIS (analysis));

  if (!g_set_object (&self->analysis, analysis))
    return;

  /* These rows sit below the checklist, out of sight when a report
   * opens, and are a few hundred widgets: they are made once the report
   * and its checklist have been drawn. */
  if (self->fill_id == 0)
    self->fill_id = g_idle_add_full (G_PRIORITY_LOW, fill_idle, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

static void
fz_reference_list_flush (FzReferenceList *self)
{
  if (self->fill_id == 0)
    return;
  g_clear_handle_id (&self->fill_id, g_source_remove);
  fz_reference_list_fill (self);
}

guint
fz_reference_list_get_n_rows (FzReferenceList *self)
{
  g_return_val_if_fail (FZ_IS_REFERENCE_LIST (self), 0);

  fz_reference_list_flush (self);

  return self->rows->len;
}

static void
fz_reference_list_dispose (GObject *object)
{
  FzReferenceList *self = FZ_REFERENCE_LIST (object);

  g_clear_handle_id (&self->fill_id, g_source_remove);

  G_OBJECT_CLASS (fz_reference_list_parent_class)->dispose (object);
}

static void
fz_reference_list_finalize (GObject *object)
{
  FzReferenceList *self = FZ_REFERENCE_LIST (object);

  g_clear_object (&self->analysis);
  g_clear_object (&self->figures);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (fz_reference_list_parent_class)->finalize (object);
}

static void
fz_reference_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FzReferenceList *self = FZ_REFERENCE_LIST (object);

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
fz_reference_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FzReferenceList *self = FZ_REFERENCE_LIST (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      fz_reference_list_set_analysis (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_reference_list_class_init (FzReferenceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_reference_list_dispose;
  object_class->finalize = fz_reference_list_finalize;
  object_class->get_property = fz_reference_list_get_property;
  object_class->set_property = fz_reference_list_set_property;

  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL, FZ_TYPE_ANALYSIS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FzReferenceList::reveal:
   * @start: first character to show
   * @end: one past the last
   */
  signals[REVEAL] = fz_signal_new (klass, "reveal", 2, G_TYPE_UINT, G_TYPE_UINT);
  /**
   * FzReferenceList::explain:
   * @row: the row activated
   * @markup: why it has no place in the text
   */
  signals[EXPLAIN] = fz_signal_new (klass, "explain", 2, GTK_TYPE_WIDGET, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-reference-list.ui");
  gtk_widget_class_bind_template_child (widget_class, FzReferenceList, metadata_list);
  gtk_widget_class_bind_template_child (widget_class, FzReferenceList, coverage_row);
  gtk_widget_class_bind_template_child (widget_class, FzReferenceList, figures_row);
  gtk_widget_class_bind_template_child (widget_class, FzReferenceList, figures_view);
  gtk_widget_class_bind_template_callback (widget_class, on_figure_activated);
}

static void
fz_reference_list_init (FzReferenceList *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->figures = gtk_string_list_new (NULL);
  self->rows = g_ptr_array_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_figure), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_figure), self);
  gtk_list_view_set_factory (self->figures_view, factory);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->figures)));
  gtk_list_view_set_model (self->figures_view, GTK_SELECTION_MODEL (selection));
}
