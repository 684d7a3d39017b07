/* fz-date-row.c: an entry row for a day, typed or picked from a calendar
 *
 * Reviewers type dates as they write them on a 收文登记簿 — 2025.3.5,
 * 2025年3月5日 — so the row reads the common ways and shows the day back
 * as YYYY-MM-DD, the form the review keeps.  Typing changes nothing until
 * it is applied: a half-typed "2025-0" must not become a finding for a
 * moment, nor a line in the review's log.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-tooltip.h"
#include "fz-date-row.h"
#include "fz-widget-util.h"

struct _FzDateRow
{
  AdwEntryRow   parent_instance;

  GtkMenuButton *calendar_button;
  GtkPopover    *calendar_popover;  /* made on first use, owned by the button */
  GtkCalendar   *calendar;
  GtkButton     *use_button;

  char          *date;
  char          *error;
  gboolean       showing;     /* the text is being set from code */
};

G_DEFINE_FINAL_TYPE (FzDateRow, fz_date_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_DATE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Reading ------------------------------------------------------------------ */

char *
fz_date_row_parse (const char *text)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *year = NULL;
  g_autofree char *month = NULL;
  g_autofree char *day = NULL;
  guint64 y, m, d;

  if (text == NULL)
    return NULL;

  /* NFKC: the full-width digits and signs of a Chinese input method. */
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (normal == NULL)
    return NULL;
  g_strstrip (normal);

  regex = g_regex_new ("^(\\d{4})\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*(?:[-/.]|月)\\s*(\\d{1,2})\\s*日?$",
                       G_REGEX_OPTIMIZE, 0, NULL);
  if (!g_regex_match (regex, normal, 0, &match))
    return NULL;

  year = g_match_info_fetch (match, 1);
  month = g_match_info_fetch (match, 2);
  day = g_match_info_fetch (match, 3);
  y = g_ascii_strtoull (year, NULL, 10);
  m = g_ascii_strtoull (month, NULL, 10);
  d = g_ascii_strtoull (day, NULL, 10);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", (guint) y, (guint) m, (guint) d);
}

/* Showing ------------------------------------------------------------------ */

static void
set_error (FzDateRow  *self,
           const char *error)
{
  if (g_strcmp0 (self->error, error) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (error);
  fz_widget_set_css_class (GTK_WIDGET (self), "error", error != NULL);
  fz_tooltip_set_text (GTK_WIDGET (self), error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
show_date (FzDateRow *self)
{
  self->showing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), self->date != NULL ? self->date : "");
  self->showing = FALSE;
}

/* Takes @date; TRUE when it is another day. */
static gboolean
take_date (FzDateRow *self,
           char      *date)
{
  if (g_strcmp0 (self->date, date) == 0)
    {
      g_free (date);
      return FALSE;
    }

  g_free (self->date);
  self->date = date;
  return TRUE;
}

static void
on_apply (FzDateRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  char *date;

  if (*text == '\0')
    date = NULL;
  else if ((date = fz_date_row_parse (text)) == NULL)
    {
      g_autofree char *message = NULL;

      /* TRANSLATORS: %s is what the reviewer typed */
      message = g_strdup_printf (_("“%s” is not a day. Type it as 2025-03-05 or 2025年3月5日, "
                                   "or choose it in the calendar."), text);
      set_error (self, message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  set_error (self, NULL);
  if (take_date (self, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
  /* The day as the review keeps it, whichever way it was typed. */
  show_date (self);
}

/* Leaving the row applies what was typed: a day typed and left behind
 * must not be lost when the window closes. */
static void
on_focus_leave (FzDateRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));

  if (g_strcmp0 (text, self->date != NULL ? self->date : "") != 0)
    on_apply (self);
}

static void
on_changed (FzDateRow *self)
{
  /* The complaint stands until the text is mended, not a moment longer. */
  if (!self->showing && self->error != NULL)
    set_error (self, NULL);
}

/* The calendar ------------------------------------------------------------- */

static void
update_use_button (FzDateRow *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");
  /* TRANSLATORS: the button under the calendar; %s is the day, 2025-03-05 */
  g_autofree char *label = g_strdup_printf (_("Use %s"), text);

  gtk_button_set_label (self->use_button, label);
}

static void
on_popover_show (FzDateRow *self)
{
  g_autoptr(GDateTime) day = NULL;

  /* Open on the day recorded, else today. */
  if (self->date != NULL)
    {
      g_autofree char *iso = g_strconcat (self->date, "T00:00:00", NULL);
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      day = g_date_time_new_from_iso8601 (iso, local);
    }
  if (day == NULL)
    day = g_date_time_new_now_local ();
  gtk_calendar_select_day (self->calendar, day);
  update_use_button (self);
}

static void
on_calendar_moved (FzDateRow *self)
{
  update_use_button (self);
}

static void
on_day_selected (FzDateRow *self)
{
  update_use_button (self);
}

static void on_use_clicked (FzDateRow *self);

/* A calendar is some sixty widgets, and most rows are typed into, never
 * opened: it is made the first time the button is pressed. */
static void
create_calendar_popover (GtkMenuButton *button,
                         gpointer       data)
{
  FzDateRow *self = data;
  GtkWidget *box;

  if (self->calendar_popover != NULL)
    return;

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_calendar_set_show_heading (self->calendar, TRUE);
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "notify::day", G_CALLBACK (on_calendar_moved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "notify::month", G_CALLBACK (on_calendar_moved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "notify::year", G_CALLBACK (on_calendar_moved), self, G_CONNECT_SWAPPED);

  self->use_button = GTK_BUTTON (gtk_button_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->use_button), "suggested-action");
  g_signal_connect_object (self->use_button, "clicked", G_CALLBACK (on_use_clicked), self, G_CONNECT_SWAPPED);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->use_button));

  self->calendar_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->calendar_popover, box);
  g_signal_connect_object (self->calendar_popover, "show", G_CALLBACK (on_popover_show), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (button, GTK_WIDGET (self->calendar_popover));
}

static void
on_use_clicked (FzDateRow *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);

  gtk_popover_popdown (self->calendar_popover);
  set_error (self, NULL);
  if (take_date (self, g_date_time_format (day, "%Y-%m-%d")))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
  show_date (self);
}

/* The date ----------------------------------------------------------------- */

const char *
fz_date_row_get_date (FzDateRow *self)
{
  g_return_val_if_fail (FZ_IS_DATE_ROW (self), NULL);

  return self->date;
}

void
fz_date_row_set_date (FzDateRow  *self,
                      const char *date)
{
  g_return_if_fail (FZ_IS_DATE_ROW (self));

  set_error (self, NULL);
  if (take_date (self, g_strdup (date)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
  show_date (self);
}

const char *
fz_date_row_get_error (FzDateRow *self)
{
  g_return_val_if_fail (FZ_IS_DATE_ROW (self), NULL);

  return self->error;
}

/* GObject ------------------------------------------------------------------ */

static void
fz_date_row_finalize (GObject *object)
{
  FzDateRow *self = FZ_DATE_ROW (object);

  g_free (self->date);
  g_free (self->error);

  G_OBJECT_CLASS (fz_date_row_parent_class)->finalize (object);
}

static void
fz_date_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FzDateRow *self = FZ_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_date_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FzDateRow *self = FZ_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      fz_date_row_set_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_date_row_class_init (FzDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fz_date_row_finalize;
  object_class->get_property = fz_date_row_get_property;
  object_class->set_property = fz_date_row_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FzDateRow, calendar_button);
  gtk_widget_class_bind_template_callback (widget_class, on_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
fz_date_row_init (FzDateRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  gtk_menu_button_set_create_popup_func (self->calendar_button, create_calendar_popover, self, NULL);
}

GtkWidget *
fz_date_row_new (void)
{
  return g_object_new (FZ_TYPE_DATE_ROW, NULL);
}
