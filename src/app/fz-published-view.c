/* fz-published-view.c: the published page beside the report, and how it differs
 *
 * The text a unit publishes must be the text the bureau reviewed.  The
 * reviewer saves the unit's web page (.html or .mht), opens it here, and
 * reads what the page says otherwise, section by section, each place a
 * click away in the report.  The page is the report's (FzReport holds it,
 * with its findings and deductions); this view shows it and follows it.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-file-dialog.h"
#include "fz-page-compare-window.h"
#include "fz-published-view.h"
#include "fz-tooltip.h"
#include "fz-widget-util.h"
#include "fz-object-util.h"
#include "fz-verdict-style.h"

struct _FzPublishedView
{
  AdwBin                parent_instance;

  AdwActionRow         *page_row;
  GtkSpinner           *spinner;
  GtkButton            *open_button;
  GtkButton            *compare_button;
  GtkButton            *close_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkLabel             *summary_label;
  GtkListBox           *differences_list;

  FzReport             *report;
  GCancellable         *cancellable;      /* the page being read */
  GtkFileChooserNative *chooser;
  char                 *error;
  FzPageCompareWindow  *compare_window;   /* weak: GTK owns it */
};

G_DEFINE_FINAL_TYPE (FzPublishedView, fz_published_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_LOADING,
  PROP_ERROR,
  N_PROPS
};

enum {
  REVEAL_RANGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define DIFFERENCE_KEY "fz-difference"

/* A difference ------------------------------------------------------------- */

static const char *
change_label (FzChange change)
{
  switch (change)
    {
    case FZ_CHANGE_ADDED:
      return _("Only on the page");
    case FZ_CHANGE_REMOVED:
      return _("Left out of the page");
    case FZ_CHANGE_CHANGED:
    case FZ_CHANGE_SAME:
    default:
      return _("Worded otherwise");
    }
}

static GtkWidget *
side_label (const char *caption,
            const char *words)
{
  g_autofree char *text = g_strdup_printf ("%s%s", caption, words != NULL ? words : _("(nothing)"));
  GtkWidget *label = fz_label_new_wrapped (text);

  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (words == NULL)
    gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static GtkWidget *
create_difference_row (gpointer item,
                       gpointer user_data)
{
  FzPublishedDifference *difference = item;
  const FzFinding *finding = fz_published_difference_get_finding (difference);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *kind = gtk_label_new (change_label (fz_published_difference_get_change (difference)));

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_add_css_class (kind, "caption-heading");
  gtk_widget_add_css_class (kind, fz_published_difference_get_change (difference) == FZ_CHANGE_CHANGED
                                  ? "warning" : "error");
  gtk_box_append (GTK_BOX (box), kind);
  /* TRANSLATORS: before the words of the reviewed report */
  gtk_box_append (GTK_BOX (box), side_label (_("Reviewed: "), fz_published_difference_get_reviewed (difference)));
  /* TRANSLATORS: before the words of the published page */
  gtk_box_append (GTK_BOX (box), side_label (_("Published: "), fz_published_difference_get_published (difference)));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (finding != NULL && finding->message != NULL)
    fz_tooltip_set_text (row, finding->message);
  g_object_set_data_full (G_OBJECT (row), DIFFERENCE_KEY, g_object_ref (difference), g_object_unref);

  return row;
}

/* The section stands once above its differences: a header where it
 * changes from the row before. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  FzPublishedDifference *difference = g_object_get_data (G_OBJECT (row), DIFFERENCE_KEY);
  FzPublishedDifference *previous = before != NULL ? g_object_get_data (G_OBJECT (before), DIFFERENCE_KEY) : NULL;
  GtkWidget *header;

  if (difference == NULL ||
      (previous != NULL &&
       fz_published_difference_get_section_index (previous) == fz_published_difference_get_section_index (difference)))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = fz_label_new_wrapped (fz_published_difference_get_section (difference));
  gtk_widget_set_margin_top (header, 8);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_add_css_class (header, "heading");
  gtk_list_box_row_set_header (row, header);
}

static void
on_row_activated (FzPublishedView *self,
                  GtkListBoxRow   *row)
{
  FzPublishedDifference *difference = g_object_get_data (G_OBJECT (row), DIFFERENCE_KEY);

  if (difference != NULL && self->compare_window != NULL)
    fz_page_compare_window_show_difference (self->compare_window, difference);
  if (difference != NULL)
    g_signal_emit (self, signals[REVEAL_RANGE], 0,
                   fz_published_difference_get_start (difference),
                   fz_published_difference_get_end (difference));
}

/* The page ----------------------------------------------------------------- */

static void
update_page (FzPublishedView *self)
{
  FzPublishedPage *page = self->report != NULL ? fz_report_get_published_page (self->report) : NULL;
  gboolean ready = self->report != NULL && fz_report_get_analysis (self->report) != NULL;
  gboolean loading = self->cancellable != NULL;
  GListModel *differences = page != NULL ? fz_published_page_get_differences (page) : NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), ready && !loading);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), page != NULL && !loading);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_button),
                          page != NULL && !loading && fz_published_page_get_comparison (page) != NULL);
  /* The window beside shows one page: not another, nor none. */
  if (self->compare_window != NULL && fz_page_compare_window_get_page (self->compare_window) != page)
    gtk_window_destroy (GTK_WINDOW (self->compare_window));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_spinner_set_spinning (self->spinner, loading);

  if (page != NULL)
    {
      g_autofree char *name = g_file_get_basename (fz_published_page_get_file (page));
      const char *date = fz_published_page_get_date (page);
      const char *url = fz_published_page_get_url (page);
      g_autofree char *subtitle = NULL;
      guint n = g_list_model_get_n_items (differences);
      g_autofree char *summary = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->page_row), name);
      subtitle = date != NULL
        /* TRANSLATORS: under the page's file name; %s its date of publication, 2025-04-08 */
        ? g_strdup_printf (_("Published on %s"), date)
        : g_strdup (_("The page gives no date of publication"));
      if (url != NULL)
        {
          g_autofree char *with_url = g_strconcat (subtitle, "\n", url, NULL);

          g_free (subtitle);
          subtitle = g_steal_pointer (&with_url);
        }
      adw_action_row_set_subtitle (self->page_row, subtitle);

      summary = n == 0
        ? g_strdup (_("The page publishes the body of the report as reviewed."))
        /* TRANSLATORS: %u paragraphs of the body */
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u paragraph of the body is not published as reviewed.",
                                        "%u paragraphs of the body are not published as reviewed.", n), n);
      gtk_label_set_text (self->summary_label, summary);
      fz_widget_set_verdict_class (GTK_WIDGET (self->summary_label), n == 0 ? "success" : "warning");
      gtk_widget_set_visible (GTK_WIDGET (self->summary_label), TRUE);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->page_row), _("No Published Page"));
      adw_action_row_set_subtitle (self->page_row,
                                   _("Open the unit’s web page, saved as .html or .mht, to check that it "
                                     "publishes the text reviewed."));
      gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
    }

  gtk_list_box_bind_model (self->differences_list, differences, create_difference_row, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->differences_list),
                          differences != NULL && g_list_model_get_n_items (differences) > 0);
}

static void
set_error (FzPublishedView *self,
           const char      *error)
{
  if (g_strcmp0 (self->error, error) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (error);
  gtk_label_set_text (self->error_label, error != NULL ? error : "");
  gtk_revealer_set_reveal_child (self->error_revealer, error != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
on_error_dismissed (FzPublishedView *self)
{
  set_error (self, NULL);
}

static void
stop_loading (FzPublishedView *self)
{
  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

typedef struct
{
  FzPublishedView *self;         /* weak: the view may go first */
  FzReport        *report;
  GCancellable    *cancellable;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_weak_pointer (&data->self);
  g_clear_object (&data->report);
  g_clear_object (&data->cancellable);
  g_free (data);
}

static void
on_page_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  OpenData *data = user_data;
  FzPublishedView *self = data->self;
  g_autoptr(FzPublishedPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = fz_published_page_load_finish (result, &error);

  /* Another page, another report, or the view gone: not ours to show. */
  if (self == NULL || g_cancellable_is_cancelled (data->cancellable) || self->cancellable != data->cancellable)
    {
      open_data_free (data);
      return;
    }

  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  if (page == NULL)
    {
      g_autofree char *message = NULL;

      /* TRANSLATORS: %s says why, from the importer */
      message = g_strdup_printf (_("The published page could not be read: %s"), error->message);
      set_error (self, message);
    }
  else
    {
      FzReview *review = fz_report_get_review (data->report);

      set_error (self, NULL);
      fz_report_set_published_page (data->report, page);
      /* The page's 发布时间 and address, where the reviewer recorded none. */
      if (review != NULL)
        fz_published_page_fill_filing (page, fz_review_get_filing (review));
    }
  update_page (self);
  open_data_free (data);
}

void
fz_published_view_open (FzPublishedView *self,
                        GFile           *file)
{
  OpenData *data;

  g_return_if_fail (FZ_IS_PUBLISHED_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->report == NULL || fz_report_get_analysis (self->report) == NULL)
    return;

  stop_loading (self);
  set_error (self, NULL);
  self->cancellable = g_cancellable_new ();

  data = g_new0 (OpenData, 1);
  g_set_weak_pointer (&data->self, self);
  data->report = g_object_ref (self->report);
  data->cancellable = g_object_ref (self->cancellable);
  fz_published_page_load_async (file, fz_report_get_analysis (self->report), self->cancellable,
                                on_page_loaded, data);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  update_page (self);
}

static void
on_chooser_response (FzPublishedView *self,
                     int              response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  fz_file_dialog_clear (&self->chooser);

  if (file != NULL)
    fz_published_view_open (self, file);
}

void
fz_published_view_choose (FzPublishedView *self)
{
  g_autoptr(GtkFileFilter) pages = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (FZ_IS_PUBLISHED_VIEW (self));

  if (self->report == NULL || fz_report_get_analysis (self->report) == NULL)
    return;

  fz_file_dialog_clear (&self->chooser);

  self->chooser = gtk_file_chooser_native_new (_("Open the Published Page"),
                                               fz_widget_get_window (GTK_WIDGET (self)),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (pages, _("Saved web pages"));
  for (guint i = 0; i < 4; i++)
    gtk_file_filter_add_suffix (pages, (const char *[]) { "html", "htm", "mht", "mhtml" }[i]);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pages);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);

  /* Units' pages are usually saved beside their reports. */
  fz_file_dialog_start_beside (GTK_FILE_CHOOSER (self->chooser), fz_report_get_file (self->report));

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
fz_published_view_close_page (FzPublishedView *self)
{
  g_return_if_fail (FZ_IS_PUBLISHED_VIEW (self));

  stop_loading (self);
  set_error (self, NULL);
  if (self->report != NULL)
    fz_report_set_published_page (self->report, NULL);
  update_page (self);
}

GtkWindow *
fz_published_view_show_side_by_side (FzPublishedView *self)
{
  FzPublishedPage *page;

  g_return_val_if_fail (FZ_IS_PUBLISHED_VIEW (self), NULL);

  page = self->report != NULL ? fz_report_get_published_page (self->report) : NULL;
  if (page == NULL || fz_published_page_get_comparison (page) == NULL)
    return NULL;

  if (self->compare_window == NULL)
    g_set_weak_pointer (&self->compare_window,
                        FZ_PAGE_COMPARE_WINDOW (fz_page_compare_window_new (fz_widget_get_window (GTK_WIDGET (self)),
                                                                            page)));
  gtk_window_present (GTK_WINDOW (self->compare_window));

  return GTK_WINDOW (self->compare_window);
}

static void
on_compare_clicked (FzPublishedView *self)
{
  fz_published_view_show_side_by_side (self);
}

static void
on_open_clicked (FzPublishedView *self)
{
  fz_published_view_choose (self);
}

static void
on_close_clicked (FzPublishedView *self)
{
  fz_published_view_close_page (self);
}

gboolean
fz_published_view_get_loading (FzPublishedView *self)
{
  g_return_val_if_fail (FZ_IS_PUBLISHED_VIEW (self), FALSE);

  return self->cancellable != NULL;
}

const char *
fz_published_view_get_error (FzPublishedView *self)
{
  g_return_val_if_fail (FZ_IS_PUBLISHED_VIEW (self), NULL);

  return self->error;
}

/* The report --------------------------------------------------------------- */

FzReport *
fz_published_view_get_report (FzPublishedView *self)
{
  g_return_val_if_fail (FZ_IS_PUBLISHED_VIEW (self), NULL);

  return self->report;
}

void
fz_published_view_set_report (FzPublishedView *self,
                              FzReport        *report)
{
  g_return_if_fail (FZ_IS_PUBLISHED_VIEW (self));
  g_return_if_fail (report == NULL || FZ_IS_REPORT (report));

  if (self->report == report)
    return;

  stop_loading (self);
  set_error (self, NULL);
  fz_set_watched (&self->report, report, self,
                  "notify::published-page", G_CALLBACK (update_page),
                  "notify::analysis", G_CALLBACK (update_page),
                  NULL);

  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

/* GObject ------------------------------------------------------------------ */

static void
fz_published_view_dispose (GObject *object)
{
  FzPublishedView *self = FZ_PUBLISHED_VIEW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  fz_file_dialog_clear (&self->chooser);
  if (self->compare_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->compare_window));
  g_clear_weak_pointer (&self->compare_window);
  if (self->differences_list != NULL)
    gtk_list_box_bind_model (self->differences_list, NULL, NULL, NULL, NULL);
  fz_clear_watched (&self->report, self);

  G_OBJECT_CLASS (fz_published_view_parent_class)->dispose (object);
}

static void
fz_published_view_finalize (GObject *object)
{
  FzPublishedView *self = FZ_PUBLISHED_VIEW (object);

  g_free (self->error);

  G_OBJECT_CLASS (fz_published_view_parent_class)->finalize (object);
}

static void
fz_published_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FzPublishedView *self = FZ_PUBLISHED_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, fz_published_view_get_loading (self));
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_published_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FzPublishedView *self = FZ_PUBLISHED_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      fz_published_view_set_report (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_published_view_class_init (FzPublishedViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_published_view_dispose;
  object_class->finalize = fz_published_view_finalize;
  object_class->get_property = fz_published_view_get_property;
  object_class->set_property = fz_published_view_set_property;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, FZ_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FzPublishedView::reveal-range:
   * @start: first character of the difference in the report's text
   * @end: one past the last (== @start for a paragraph only the page has)
   */
  signals[REVEAL_RANGE] = fz_signal_new (klass, "reveal-range", 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-published-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FzPublishedView, page_row);
  gtk_widget_class_bind_template_child (widget_class, FzPublishedView, spinner);
  gtk_widget_class_bind_template_child (widget_class, FzPublishedView, open_button);
  gtk_widget_class_bind_template_child (widget_class, FzPublishedView, close_button);
  gtk_widget_class_bind_template_child (widget_class, FzPublishedView, compare_button);
  gtk_widget_class_bind_template_child (widget_class, FzPublishedView, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, FzPublishedView, error_label);
  gtk_widget_class_bind_template_child (widget_class, FzPublishedView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FzPublishedView, differences_list);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_error_dismissed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
fz_published_view_init (FzPublishedView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->differences_list, update_header, NULL, NULL);
  update_page (self);
}

GtkWidget *
fz_published_view_new (void)
{
  return g_object_new (FZ_TYPE_PUBLISHED_VIEW, NULL);
}
