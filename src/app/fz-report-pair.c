/* fz-report-pair.c: two reports a view compares, followed until both are read
 *
 * The round-two and last-year views each compare two reports that load
 * on their own, may fail, and may be checked again with another rule set
 * while the view is open.  This follows both and says, once, when there
 * is something new to compare: the views then start their work over
 * instead of each watching four objects.  Loading the reports is their
 * owner's business (the page's), never this object's.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-report-pair.h"
#include "fz-object-util.h"

struct _FzReportPair
{
  GObject            parent_instance;

  FzReport          *reports[2];
  FzReportPairState  state;
  char              *message;

  /* What "changed" was last emitted for, so that the several
   * notifications of one new check make one "changed". */
  FzAnalysis        *analyses[2];
  FzReview          *reviews[2];
};

G_DEFINE_FINAL_TYPE (FzReportPair, fz_report_pair, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (FzReportPairState, fz_report_pair_state,
  G_DEFINE_ENUM_VALUE (FZ_REPORT_PAIR_INCOMPLETE, "incomplete"),
  G_DEFINE_ENUM_VALUE (FZ_REPORT_PAIR_LOADING, "loading"),
  G_DEFINE_ENUM_VALUE (FZ_REPORT_PAIR_READY, "ready"),
  G_DEFINE_ENUM_VALUE (FZ_REPORT_PAIR_FAILED, "failed"))

enum {
  PROP_0,
  PROP_FIRST,
  PROP_SECOND,
  PROP_STATE,
  PROP_MESSAGE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
report_ready (FzReport *report)
{
  return fz_report_get_stage (report) == FZ_REPORT_STAGE_READY && fz_report_get_analysis (report) != NULL;
}

static void
fz_report_pair_update (FzReportPair *self)
{
  FzReportPairState state;
  FzReport *failed = NULL;
  gboolean missing = FALSE, loading = FALSE;
  g_autofree char *message = NULL;
  gboolean changed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (self->reports); i++)
    {
      FzReport *report = self->reports[i];

      if (report == NULL)
        missing = TRUE;
      else if (fz_report_get_stage (report) == FZ_REPORT_STAGE_FAILED)
        failed = failed != NULL ? failed : report;
      else if (!report_ready (report))
        loading = TRUE;
    }
  state = failed != NULL ? FZ_REPORT_PAIR_FAILED
        : missing ? FZ_REPORT_PAIR_INCOMPLETE
        : loading ? FZ_REPORT_PAIR_LOADING
        : FZ_REPORT_PAIR_READY;

  if (failed != NULL)
    {
      const GError *error = fz_report_get_error (failed);

      /* Translators: %s is a report's file name, then why it could not be read */
      message = g_strdup_printf (_("“%s” could not be read: %s"), fz_report_get_display_name (failed),
                                 error != NULL ? error->message : _("unknown error"));
    }

  /* The message first: a view that follows the state reads it. */
  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_steal_pointer (&message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (self->reports); i++)
    {
      FzAnalysis *analysis = state == FZ_REPORT_PAIR_READY ? fz_report_get_analysis (self->reports[i]) : NULL;
      FzReview *review = state == FZ_REPORT_PAIR_READY ? fz_report_get_review (self->reports[i]) : NULL;

      changed |= g_set_object (&self->analyses[i], analysis);
      changed |= g_set_object (&self->reviews[i], review);
    }
  if (changed && state == FZ_REPORT_PAIR_READY)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_report_notify (FzReportPair *self)
{
  fz_report_pair_update (self);
}

static void
fz_report_pair_take (FzReportPair *self,
                     guint         index,
                     FzReport     *report)
{
  if (!fz_set_watched (&self->reports[index], report, self,
                       "notify::stage", G_CALLBACK (on_report_notify),
                       "notify::analysis", G_CALLBACK (on_report_notify),
                       "notify::review", G_CALLBACK (on_report_notify),
                       NULL))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[index == 0 ? PROP_FIRST : PROP_SECOND]);
  fz_report_pair_update (self);
}

static void
fz_report_pair_dispose (GObject *object)
{
  FzReportPair *self = FZ_REPORT_PAIR (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->reports); i++)
    {
      fz_clear_watched (&self->reports[i], self);
      g_clear_object (&self->analyses[i]);
      g_clear_object (&self->reviews[i]);
    }

  G_OBJECT_CLASS (fz_report_pair_parent_class)->dispose (object);
}

static void
fz_report_pair_finalize (GObject *object)
{
  FzReportPair *self = FZ_REPORT_PAIR (object);

  g_free (self->message);

  G_OBJECT_CLASS (fz_report_pair_parent_class)->finalize (object);
}

static void
fz_report_pair_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FzReportPair *self = FZ_REPORT_PAIR (object);

  switch (prop_id)
    {
    case PROP_FIRST:
      g_value_set_object (value, self->reports[0]);
      break;
    case PROP_SECOND:
      g_value_set_object (value, self->reports[1]);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_report_pair_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FzReportPair *self = FZ_REPORT_PAIR (object);

  switch (prop_id)
    {
    case PROP_FIRST:
      fz_report_pair_set_first (self, g_value_get_object (value));
      break;
    case PROP_SECOND:
      fz_report_pair_set_second (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_report_pair_class_init (FzReportPairClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fz_report_pair_dispose;
  object_class->finalize = fz_report_pair_finalize;
  object_class->get_property = fz_report_pair_get_property;
  object_class->set_property = fz_report_pair_set_property;

  properties[PROP_FIRST] = g_param_spec_object ("first", NULL, NULL, FZ_TYPE_REPORT, rw);
  properties[PROP_SECOND] = g_param_spec_object ("second", NULL, NULL, FZ_TYPE_REPORT, rw);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, FZ_TYPE_REPORT_PAIR_STATE, FZ_REPORT_PAIR_INCOMPLETE, ro);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Both reports are checked, with analyses or reviews not seen before. */
  signals[CHANGED] = fz_signal_new (klass, "changed", 0);
}

static void
fz_report_pair_init (FzReportPair *self)
{
  self->state = FZ_REPORT_PAIR_INCOMPLETE;
}

FzReportPair *
fz_report_pair_new (void)
{
  return g_object_new (FZ_TYPE_REPORT_PAIR, NULL);
}

FzReport *
fz_report_pair_get_first (FzReportPair *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAIR (self), NULL);
  return self->reports[0];
}

void
fz_report_pair_set_first (FzReportPair *self,
                          FzReport     *report)
{
  g_return_if_fail (FZ_IS_REPORT_PAIR (self));
  g_return_if_fail (report == NULL || FZ_IS_REPORT (report));
  fz_report_pair_take (self, 0, report);
}

FzReport *
fz_report_pair_get_second (FzReportPair *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAIR (self), NULL);
  return self->reports[1];
}

void
fz_report_pair_set_second (FzReportPair *self,
                           FzReport     *report)
{
  g_return_if_fail (FZ_IS_REPORT_PAIR (self));
  g_return_if_fail (report == NULL || FZ_IS_REPORT (report));
  fz_report_pair_take (self, 1, report);
}

FzReportPairState
fz_report_pair_get_state (FzReportPair *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAIR (self), FZ_REPORT_PAIR_INCOMPLETE);
  return self->state;
}

const char *
fz_report_pair_get_message (FzReportPair *self)
{
  g_return_val_if_fail (FZ_IS_REPORT_PAIR (self), NULL);
  return self->message;
}

static const char *
page_name (FzReportPair  *self,
           const char    *error,
           gboolean       ready,
           const char   **message)
{
  *message = NULL;
  switch (self->state)
    {
    case FZ_REPORT_PAIR_INCOMPLETE:
      return "waiting";
    case FZ_REPORT_PAIR_FAILED:
      *message = self->message;
      return "failed";
    case FZ_REPORT_PAIR_LOADING:
      return "loading";
    case FZ_REPORT_PAIR_READY:
    default:
      if (error != NULL)
        {
          *message = error;
          return "failed";
        }
      return ready ? "ready" : "loading";
    }
}

void
fz_report_pair_show_page (FzReportPair  *self,
                          const char    *error,
                          gboolean       ready,
                          GtkStack      *stack,
                          GtkSpinner    *spinner,
                          AdwStatusPage *failed_page)
{
  const char *message;
  const char *page;

  g_return_if_fail (FZ_IS_REPORT_PAIR (self));

  page = page_name (self, error, ready, &message);
  if (message != NULL)
    adw_status_page_set_description (failed_page, message);
  gtk_spinner_set_spinning (spinner, g_str_equal (page, "loading"));
  gtk_stack_set_visible_child_name (stack, page);
}
