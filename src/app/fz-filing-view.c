/* fz-filing-view.c: when the report came in and when it was published
 *
 * Bureaus chase late and unpublished reports: the reviewer records the
 * 收文日期 from the register, how the report came, and where and when the
 * unit published it, and sees at once whether each deadline of the rule
 * set was kept.  The record is the review's (FzFiling): each field is
 * saved as the reviewer applies it, and the report turns it into the
 * findings filed_late and published_late and into deductions.  The view
 * keeps nothing of its own; it shows the record again when it changes,
 * whoever changed it (the published page fills in its date).
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-date-row.h"
#include "fz-filing-view.h"
#include "fz-object-util.h"
#include "fz-verdict-style.h"

struct _FzFilingView
{
  AdwBin           parent_instance;

  AdwPreferencesGroup *receipt_group;
  AdwPreferencesGroup *publication_group;
  FzDateRow       *received_row;
  AdwComboRow     *channel_row;
  AdwActionRow    *filing_deadline_row;
  GtkLabel        *filing_status_label;
  FzDateRow       *published_row;
  AdwEntryRow     *url_row;
  AdwEntryRow     *column_row;
  AdwActionRow    *publication_deadline_row;
  GtkLabel        *publication_status_label;
  FzPublishedView *published_view;

  FzReport        *report;
  FzFiling        *filing;       /* the report's review's, followed */
  gboolean         syncing;      /* the rows are being set from the record */
};

G_DEFINE_FINAL_TYPE (FzFilingView, fz_filing_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

enum {
  REVEAL_RANGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Showing the record ------------------------------------------------------- */

static void
set_status (GtkLabel   *label,
            const char *text,
            const char *style)
{
  gtk_label_set_text (label, text);
  fz_widget_set_verdict_class (GTK_WIDGET (label), style);
}

static void
update_deadline (FzFilingView   *self,
                 FzDeadlineKind  kind)
{
  AdwActionRow *row = kind == FZ_DEADLINE_FILING ? self->filing_deadline_row : self->publication_deadline_row;
  GtkLabel *status = kind == FZ_DEADLINE_FILING ? self->filing_status_label : self->publication_status_label;
  FzAnalysis *analysis = self->report != NULL ? fz_report_get_analysis (self->report) : NULL;
  const char *date;
  const FzMetadata *meta;
  FzRuleSet *rules;
  g_autofree char *deadline = NULL;
  g_autofree char *subtitle = NULL;

  if (analysis == NULL || self->filing == NULL)
    {
      adw_action_row_set_subtitle (row, _("Known once the report is checked."));
      set_status (status, "", "dim-label");
      return;
    }

  meta = fz_analysis_get_metadata (analysis);
  rules = fz_analysis_get_ruleset (analysis);
  deadline = fz_filing_dup_deadline (rules, kind, meta->level, meta->report_year);
  if (deadline == NULL)
    subtitle = g_strdup (_("The report’s year is not known, so neither is the deadline."));
  else
    /* TRANSLATORS: %s is the last day, 2025-03-01 */
    subtitle = g_strdup_printf (_("By %s, under the rule set"), deadline);
  adw_action_row_set_subtitle (row, subtitle);

  date = kind == FZ_DEADLINE_FILING ? fz_filing_get_received (self->filing)
                                    : fz_filing_get_published (self->filing);
  switch (fz_filing_get_timeliness (self->filing, kind, rules, meta->level, meta->report_year))
    {
    case FZ_TIMELINESS_ON_TIME:
      set_status (status, _("On time"), "success");
      break;

    case FZ_TIMELINESS_LATE:
      set_status (status, _("Late"), "error");
      break;

    case FZ_TIMELINESS_UNKNOWN:
    default:
      set_status (status, date == NULL ? _("No date recorded") : _("Unknown"), "dim-label");
      break;
    }
}

static void
show_text (AdwEntryRow *row,
           const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
sync_record (FzFilingView *self)
{
  const char * const *channels = fz_filing_list_channels ();
  const char *channel;
  guint selected = 0;
  gboolean have = self->filing != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->receipt_group), have);
  gtk_widget_set_sensitive (GTK_WIDGET (self->publication_group), have);

  self->syncing = TRUE;
  fz_date_row_set_date (self->received_row, have ? fz_filing_get_received (self->filing) : NULL);
  fz_date_row_set_date (self->published_row, have ? fz_filing_get_published (self->filing) : NULL);
  show_text (self->url_row, have ? fz_filing_get_published_url (self->filing) : NULL);
  show_text (self->column_row, have ? fz_filing_get_published_column (self->filing) : NULL);

  channel = have ? fz_filing_get_channel (self->filing) : NULL;
  for (guint i = 0; channel != NULL && channels[i] != NULL; i++)
    if (g_str_equal (channels[i], channel))
      selected = i + 1;
  adw_combo_row_set_selected (self->channel_row, selected);
  self->syncing = FALSE;

  update_deadline (self, FZ_DEADLINE_FILING);
  update_deadline (self, FZ_DEADLINE_PUBLICATION);
}

static void
follow_filing (FzFilingView *self)
{
  FzReview *review = self->report != NULL ? fz_report_get_review (self->report) : NULL;
  FzFiling *filing = review != NULL ? fz_review_get_filing (review) : NULL;

  fz_set_watched (&self->filing, filing, self, "changed", G_CALLBACK (sync_record), NULL);
  sync_record (self);
}

/* Recording ---------------------------------------------------------------- */

/* The rows only offer what the record takes; a refusal would be a
 * defect, but the reviewer still hears of it. */
static void
refused (GtkWidget *row,
         GError    *error)
{
  g_warning ("The filing record refused a value: %s", error->message);
  gtk_widget_error_bell (row);
  sync_record (FZ_FILING_VIEW (gtk_widget_get_ancestor (row, FZ_TYPE_FILING_VIEW)));
}

static void
on_received_applied (FzFilingView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->filing == NULL)
    return;
  if (!fz_filing_set_received (self->filing, fz_date_row_get_date (self->received_row), &error))
    refused (GTK_WIDGET (self->received_row), error);
}

static void
on_published_applied (FzFilingView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->filing == NULL)
    return;
  if (!fz_filing_set_published (self->filing, fz_date_row_get_date (self->published_row), &error))
    refused (GTK_WIDGET (self->published_row), error);
}

static void
on_channel_selected (FzFilingView *self)
{
  const char * const *channels = fz_filing_list_channels ();
  guint selected = adw_combo_row_get_selected (self->channel_row);
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->filing == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (!fz_filing_set_channel (self->filing, selected == 0 ? NULL : channels[selected - 1], &error))
    refused (GTK_WIDGET (self->channel_row), error);
}

/* Empty text is no address: the field is cleared. */
static char *
dup_entered (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
on_url_applied (FzFilingView *self)
{
  g_autofree char *url = dup_entered (self->url_row);

  if (self->syncing || self->filing == NULL)
    return;
  fz_filing_set_published_url (self->filing, url);
}

static void
on_column_applied (FzFilingView *self)
{
  g_autofree char *column = dup_entered (self->column_row);

  if (self->syncing || self->filing == NULL)
    return;
  fz_filing_set_published_column (self->filing, column);
}

/* Leaving a row applies what was typed, so that nothing typed is lost. */
static void
on_url_leave (FzFilingView *self)
{
  g_autofree char *url = dup_entered (self->url_row);

  if (self->filing != NULL && g_strcmp0 (url, fz_filing_get_published_url (self->filing)) != 0)
    on_url_applied (self);
}

static void
on_column_leave (FzFilingView *self)
{
  g_autofree char *column = dup_entered (self->column_row);

  if (self->filing != NULL && g_strcmp0 (column, fz_filing_get_published_column (self->filing)) != 0)
    on_column_applied (self);
}

static void
add_leave_handler (GtkWidget *row,
                   GCallback  handler,
                   gpointer   self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", handler, self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, focus);
}

static void
on_page_reveal (FzPublishedView *view,
                guint            start,
                guint            end,
                FzFilingView    *self)
{
  g_signal_emit (self, signals[REVEAL_RANGE], 0, start, end);
}

/* The report --------------------------------------------------------------- */

static void
on_analysis_changed (FzFilingView *self)
{
  update_deadline (self, FZ_DEADLINE_FILING);
  update_deadline (self, FZ_DEADLINE_PUBLICATION);
}

FzReport *
fz_filing_view_get_report (FzFilingView *self)
{
  g_return_val_if_fail (FZ_IS_FILING_VIEW (self), NULL);

  return self->report;
}

void
fz_filing_view_set_report (FzFilingView *self,
                           FzReport     *report)
{
  g_return_if_fail (FZ_IS_FILING_VIEW (self));
  g_return_if_fail (report == NULL || FZ_IS_REPORT (report));

  if (!fz_set_watched (&self->report, report, self,
                       "notify::review", G_CALLBACK (follow_filing),
                       "notify::analysis", G_CALLBACK (on_analysis_changed),
                       NULL))
    return;
  fz_published_view_set_report (self->published_view, report);

  follow_filing (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

FzPublishedView *
fz_filing_view_get_published_view (FzFilingView *self)
{
  g_return_val_if_fail (FZ_IS_FILING_VIEW (self), NULL);

  return self->published_view;
}

/* GObject ------------------------------------------------------------------ */

static void
fz_filing_view_dispose (GObject *object)
{
  FzFilingView *self = FZ_FILING_VIEW (object);

  fz_clear_watched (&self->filing, self);
  fz_clear_watched (&self->report, self);

  G_OBJECT_CLASS (fz_filing_view_parent_class)->dispose (object);
}

static void
fz_filing_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FzFilingView *self = FZ_FILING_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_filing_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FzFilingView *self = FZ_FILING_VIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      fz_filing_view_set_report (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_filing_view_class_init (FzFilingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_filing_view_dispose;
  object_class->get_property = fz_filing_view_get_property;
  object_class->set_property = fz_filing_view_set_property;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, FZ_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[REVEAL_RANGE] = fz_signal_new (klass, "reveal-range", 2, G_TYPE_UINT, G_TYPE_UINT);

  g_type_ensure (FZ_TYPE_DATE_ROW);
  g_type_ensure (FZ_TYPE_PUBLISHED_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-filing-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FzFilingView, receipt_group);
  gtk_widget_class_bind_template_child (widget_class, FzFilingView, publication_group);
  gtk_widget_class_bind_template_child (widget_class, FzFilingView, received_row);
  gtk_widget_class_bind_template_child (widget_class, FzFilingView, channel_row);
  gtk_widget_class_bind_template_child (widget_class, FzFilingView, filing_deadline_row);
  gtk_widget_class_bind_template_child (widget_class, FzFilingView, filing_status_label);
  gtk_widget_class_bind_template_child (widget_class, FzFilingView, published_row);
  gtk_widget_class_bind_template_child (widget_class, FzFilingView, url_row);
  gtk_widget_class_bind_template_child (widget_class, FzFilingView, column_row);
  gtk_widget_class_bind_template_child (widget_class, FzFilingView, publication_deadline_row);
  gtk_widget_class_bind_template_child (widget_class, FzFilingView, publication_status_label);
  gtk_widget_class_bind_template_child (widget_class, FzFilingView, published_view);
  gtk_widget_class_bind_template_callback (widget_class, on_received_applied);
  gtk_widget_class_bind_template_callback (widget_class, on_published_applied);
  gtk_widget_class_bind_template_callback (widget_class, on_channel_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_url_applied);
  gtk_widget_class_bind_template_callback (widget_class, on_column_applied);
}

static void
fz_filing_view_init (FzFilingView *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  const char * const *keys = fz_filing_list_channels ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (channels, _("Not recorded"));
  for (guint i = 0; keys[i] != NULL; i++)
    gtk_string_list_append (channels, fz_filing_channel_get_label (keys[i]));
  self->syncing = TRUE;
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  self->syncing = FALSE;

  g_signal_connect_object (self->published_view, "reveal-range", G_CALLBACK (on_page_reveal), self, 0);
  add_leave_handler (GTK_WIDGET (self->url_row), G_CALLBACK (on_url_leave), self);
  add_leave_handler (GTK_WIDGET (self->column_row), G_CALLBACK (on_column_leave), self);
  sync_record (self);
}

GtkWidget *
fz_filing_view_new (void)
{
  return g_object_new (FZ_TYPE_FILING_VIEW, NULL);
}
