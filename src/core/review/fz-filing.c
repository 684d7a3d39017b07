/* fz-filing.c: when a report was received and published, and where
 *
 * 《法治政府建设与责任落实督察工作规定》 sets two dates: reports go to the
 * level above before 3月1日 (4月1日 for a province), and are made public
 * before 4月1日.  Few units keep both, and bureaus track 报送率 and 公开率.
 * What the report's text cannot tell — when it came in, by which channel,
 * when and where it went public — the reviewer records here, and the
 * deadlines of the rule set turn it into findings.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-filing"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fz-checks.h"
#include "fz-filing-private.h"
#include "fz-finding.h"
#include "fz-i18n.h"
#include "fz-json-reader.h"
#include "fz-review.h"
#include "fz-object-util.h"

struct _FzFiling
{
  GObject  parent_instance;

  char    *received;
  char    *channel;
  char    *published;
  char    *published_url;
  char    *published_column;
};

G_DEFINE_FINAL_TYPE (FzFiling, fz_filing, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RECEIVED,
  PROP_CHANNEL,
  PROP_PUBLISHED,
  PROP_PUBLISHED_URL,
  PROP_PUBLISHED_COLUMN,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const channels[] = {
  FZ_FILING_CHANNEL_PAPER,
  FZ_FILING_CHANNEL_EXCHANGE,
  FZ_FILING_CHANNEL_EMAIL,
  FZ_FILING_CHANNEL_OTHER,
  NULL,
};

const char *
fz_timeliness_to_string (FzTimeliness timeliness)
{
  switch (timeliness)
    {
    case FZ_TIMELINESS_ON_TIME: return "on_time";
    case FZ_TIMELINESS_LATE:    return "late";
    case FZ_TIMELINESS_UNKNOWN:
    default:                    return NULL;
    }
}

const char * const *
fz_filing_list_channels (void)
{
  return channels;
}

const char *
fz_filing_channel_get_label (const char *channel)
{
  if (g_strcmp0 (channel, FZ_FILING_CHANNEL_PAPER) == 0)
    return _("paper");
  if (g_strcmp0 (channel, FZ_FILING_CHANNEL_EXCHANGE) == 0)
    return _("document exchange system");
  if (g_strcmp0 (channel, FZ_FILING_CHANNEL_EMAIL) == 0)
    return _("e-mail");
  if (g_strcmp0 (channel, FZ_FILING_CHANNEL_OTHER) == 0)
    return _("other");

  return NULL;
}

gboolean
fz_filing_is_iso_date (const char *date)
{
  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;

  return g_date_valid_dmy (atoi (date + 8), atoi (date + 5), atoi (date));
}

/* The object */

static void
fz_filing_finalize (GObject *object)
{
  FzFiling *self = (FzFiling *) object;

  g_free (self->received);
  g_free (self->channel);
  g_free (self->published);
  g_free (self->published_url);
  g_free (self->published_column);

  G_OBJECT_CLASS (fz_filing_parent_class)->finalize (object);
}

static void
fz_filing_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FzFiling *self = FZ_FILING (object);

  switch (prop_id)
    {
    case PROP_RECEIVED:
      g_value_set_string (value, self->received);
      break;

    case PROP_CHANNEL:
      g_value_set_string (value, self->channel);
      break;

    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;

    case PROP_PUBLISHED_URL:
      g_value_set_string (value, self->published_url);
      break;

    case PROP_PUBLISHED_COLUMN:
      g_value_set_string (value, self->published_column);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warn_if_refused (gboolean  ok,
                 GError   *error)
{
  /* A binding that writes a bad date gets a warning, as GObject gives for
   * any invalid property value; the setters report it properly. */
  if (!ok)
    g_warning ("%s", error->message);
  g_clear_error (&error);
}

static void
fz_filing_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FzFiling *self = FZ_FILING (object);
  GError *error = NULL;

  switch (prop_id)
    {
    case PROP_RECEIVED:
      warn_if_refused (fz_filing_set_received (self, g_value_get_string (value), &error), error);
      break;

    case PROP_CHANNEL:
      warn_if_refused (fz_filing_set_channel (self, g_value_get_string (value), &error), error);
      break;

    case PROP_PUBLISHED:
      warn_if_refused (fz_filing_set_published (self, g_value_get_string (value), &error), error);
      break;

    case PROP_PUBLISHED_URL:
      fz_filing_set_published_url (self, g_value_get_string (value));
      break;

    case PROP_PUBLISHED_COLUMN:
      fz_filing_set_published_column (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_filing_class_init (FzFilingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fz_filing_finalize;
  object_class->get_property = fz_filing_get_property;
  object_class->set_property = fz_filing_set_property;

  properties[PROP_RECEIVED] =
    g_param_spec_string ("received", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANNEL] =
    g_param_spec_string ("channel", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLISHED_URL] =
    g_param_spec_string ("published-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLISHED_COLUMN] =
    g_param_spec_string ("published-column", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A field changed: its property name, the old and the new value (both
   * nullable).  A review logs it. */
  signals[CHANGED] = fz_signal_new (klass, "changed", 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
}

static void
fz_filing_init (FzFiling *self)
{
}

FzFiling *
fz_filing_new (void)
{
  return g_object_new (FZ_TYPE_FILING, NULL);
}

/* Sets one field; empty text clears it.  FALSE when nothing changed. */
static gboolean
set_field (FzFiling   *self,
           char      **field,
           const char *value,
           guint       prop)
{
  g_autofree char *old = NULL;
  g_autofree char *trimmed = value != NULL ? g_strstrip (g_strdup (value)) : NULL;

  if (trimmed != NULL && trimmed[0] == '\0')
    g_clear_pointer (&trimmed, g_free);
  if (g_strcmp0 (*field, trimmed) == 0)
    return FALSE;

  old = g_steal_pointer (field);
  *field = g_steal_pointer (&trimmed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  g_signal_emit (self, signals[CHANGED], 0, g_param_spec_get_name (properties[prop]), old, *field);

  return TRUE;
}

static gboolean
check_date (const char  *date,
            GError     **error)
{
  if (date == NULL || date[0] == '\0' || fz_filing_is_iso_date (date))
    return TRUE;

  g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_INVALID,
               _("“%s” is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31."), date);
  return FALSE;
}

const char *
fz_filing_get_received (FzFiling *self)
{
  g_return_val_if_fail (FZ_IS_FILING (self), NULL);
  return self->received;
}

gboolean
fz_filing_set_received (FzFiling    *self,
                        const char  *date,
                        GError     **error)
{
  g_return_val_if_fail (FZ_IS_FILING (self), FALSE);

  if (!check_date (date, error))
    return FALSE;
  set_field (self, &self->received, date, PROP_RECEIVED);
  return TRUE;
}

const char *
fz_filing_get_channel (FzFiling *self)
{
  g_return_val_if_fail (FZ_IS_FILING (self), NULL);
  return self->channel;
}

gboolean
fz_filing_set_channel (FzFiling    *self,
                       const char  *channel,
                       GError     **error)
{
  g_return_val_if_fail (FZ_IS_FILING (self), FALSE);

  if (channel != NULL && channel[0] != '\0' &&
      !g_strv_contains ((const char * const *) channels, channel))
    {
      g_set_error (error, FZ_REVIEW_ERROR, FZ_REVIEW_ERROR_INVALID,
                   _("“%s” is not a way of filing; use paper, exchange, email or other."), channel);
      return FALSE;
    }
  set_field (self, &self->channel, channel, PROP_CHANNEL);
  return TRUE;
}

const char *
fz_filing_get_published (FzFiling *self)
{
  g_return_val_if_fail (FZ_IS_FILING (self), NULL);
  return self->published;
}

gboolean
fz_filing_set_published (FzFiling    *self,
                         const char  *date,
                         GError     **error)
{
  g_return_val_if_fail (FZ_IS_FILING (self), FALSE);

  if (!check_date (date, error))
    return FALSE;
  set_field (self, &self->published, date, PROP_PUBLISHED);
  return TRUE;
}

const char *
fz_filing_get_published_url (FzFiling *self)
{
  g_return_val_if_fail (FZ_IS_FILING (self), NULL);
  return self->published_url;
}

void
fz_filing_set_published_url (FzFiling   *self,
                             const char *url)
{
  g_return_if_fail (FZ_IS_FILING (self));
  set_field (self, &self->published_url, url, PROP_PUBLISHED_URL);
}

const char *
fz_filing_get_published_column (FzFiling *self)
{
  g_return_val_if_fail (FZ_IS_FILING (self), NULL);
  return self->published_column;
}

void
fz_filing_set_published_column (FzFiling   *self,
                                const char *column)
{
  g_return_if_fail (FZ_IS_FILING (self));
  set_field (self, &self->published_column, column, PROP_PUBLISHED_COLUMN);
}

gboolean
fz_filing_is_empty (FzFiling *self)
{
  g_return_val_if_fail (FZ_IS_FILING (self), TRUE);

  return self->received == NULL && self->channel == NULL && self->published == NULL &&
         self->published_url == NULL && self->published_column == NULL;
}

void
fz_filing_assign (FzFiling *self,
                  FzFiling *other)
{
  g_return_if_fail (FZ_IS_FILING (self));
  g_return_if_fail (FZ_IS_FILING (other));

  /* The other's values were checked when they were set. */
  g_object_freeze_notify (G_OBJECT (self));
  set_field (self, &self->received, other->received, PROP_RECEIVED);
  set_field (self, &self->channel, other->channel, PROP_CHANNEL);
  set_field (self, &self->published, other->published, PROP_PUBLISHED);
  set_field (self, &self->published_url, other->published_url, PROP_PUBLISHED_URL);
  set_field (self, &self->published_column, other->published_column, PROP_PUBLISHED_COLUMN);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Deadlines */

static GDate *
deadline_date (FzRuleSet      *rules,
               FzDeadlineKind  kind,
               FzLevel         level,
               int             report_year)
{
  guint month = kind == FZ_DEADLINE_FILING ? 3 : 4, day = 1;

  if (report_year < 1990 || report_year > 2099)
    return NULL;

  if (rules != NULL)
    fz_ruleset_get_deadline_for (rules, kind, level, &month, &day);
  else if (kind == FZ_DEADLINE_FILING && level == FZ_LEVEL_PROVINCE)
    month = 4;

  /* 29 February as a deadline falls back to the 28th in other years, as
   * the deadline check has it. */
  if (!g_date_valid_dmy (day, month, report_year + 1))
    day = 28;

  return g_date_new_dmy (day, month, report_year + 1);
}

static GDate *
parse_date (const char *iso)
{
  if (!fz_filing_is_iso_date (iso))
    return NULL;

  return g_date_new_dmy (atoi (iso + 8), atoi (iso + 5), atoi (iso));
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

char *
fz_filing_dup_deadline (FzRuleSet      *rules,
                        FzDeadlineKind  kind,
                        FzLevel         level,
                        int             report_year)
{
  g_autoptr(GDate) deadline = NULL;

  g_return_val_if_fail (rules == NULL || FZ_IS_RULESET (rules), NULL);

  deadline = deadline_date (rules, kind, level, report_year);
  return deadline != NULL ? format_date (deadline) : NULL;
}

FzTimeliness
fz_filing_get_timeliness (FzFiling       *self,
                          FzDeadlineKind  kind,
                          FzRuleSet      *rules,
                          FzLevel         level,
                          int             report_year)
{
  g_autoptr(GDate) deadline = NULL;
  g_autoptr(GDate) date = NULL;

  g_return_val_if_fail (FZ_IS_FILING (self), FZ_TIMELINESS_UNKNOWN);

  date = parse_date (kind == FZ_DEADLINE_FILING ? self->received : self->published);
  deadline = deadline_date (rules, kind, level, report_year);
  if (date == NULL || deadline == NULL)
    return FZ_TIMELINESS_UNKNOWN;

  /* "3月1日前": the day itself is still in time, as the deadline check
   * counts it. */
  return g_date_compare (date, deadline) > 0 ? FZ_TIMELINESS_LATE : FZ_TIMELINESS_ON_TIME;
}

static FzFinding *
late_finding (const char  *id,
              const char  *message)
{
  const char *source = fz_checks_get_source (id);
  g_autofree char *full = NULL;

  if (source != NULL)
    /* TRANSLATORS: a finding's explanation and the rule it rests on */
    full = g_strdup_printf (_("%s (source: %s)"), message, source);

  return fz_finding_new (id, FZ_SEVERITY_WARNING, 0, 0, "", full != NULL ? full : message);
}

GPtrArray *
fz_filing_check (FzFiling  *self,
                 FzRuleSet *rules,
                 FzLevel    level,
                 int        report_year)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_finding_free);

  g_return_val_if_fail (FZ_IS_FILING (self), findings);
  g_return_val_if_fail (rules == NULL || FZ_IS_RULESET (rules), findings);

  if ((rules == NULL || fz_ruleset_get_check_enabled (rules, "filed_late")) &&
      fz_filing_get_timeliness (self, FZ_DEADLINE_FILING, rules, level, report_year) == FZ_TIMELINESS_LATE)
    {
      g_autofree char *deadline = fz_filing_dup_deadline (rules, FZ_DEADLINE_FILING, level, report_year);
      g_autofree char *message = g_strdup_printf (_("The report on %d was received on %s, after the deadline of %s"),
                                                  report_year, self->received, deadline);

      g_ptr_array_add (findings, late_finding ("filed_late", message));
    }

  if ((rules == NULL || fz_ruleset_get_check_enabled (rules, "published_late")) &&
      fz_filing_get_timeliness (self, FZ_DEADLINE_PUBLICATION, rules, level, report_year) == FZ_TIMELINESS_LATE)
    {
      g_autofree char *deadline = fz_filing_dup_deadline (rules, FZ_DEADLINE_PUBLICATION, level, report_year);
      g_autofree char *message = g_strdup_printf (_("The report on %d was published on %s, after the deadline of %s"),
                                                  report_year, self->published, deadline);

      g_ptr_array_add (findings, late_finding ("published_late", message));
    }

  return findings;
}

/* Saving, for the review file */

JsonObject *
fz_filing_to_json (FzFiling *self)
{
  JsonObject *o;

  g_return_val_if_fail (FZ_IS_FILING (self), NULL);

  o = json_object_new ();

  _fz_json_set_string_or_null (o, "received", self->received);
  _fz_json_set_string_or_null (o, "channel", self->channel);
  _fz_json_set_string_or_null (o, "published", self->published);
  _fz_json_set_string_or_null (o, "published_url", self->published_url);
  _fz_json_set_string_or_null (o, "published_column", self->published_column);

  return o;
}

static void
set_timeliness (JsonObject   *o,
                const char   *name,
                FzTimeliness  timeliness)
{
  if (timeliness == FZ_TIMELINESS_UNKNOWN)
    json_object_set_null_member (o, name);
  else
    json_object_set_boolean_member (o, name, timeliness == FZ_TIMELINESS_ON_TIME);
}

JsonNode *
fz_filing_to_report_json (FzFiling  *self,
                          FzRuleSet *rules,
                          FzLevel    level,
                          int        report_year)
{
  JsonObject *o;
  JsonNode *node;
  g_autofree char *filing = NULL;
  g_autofree char *publication = NULL;

  g_return_val_if_fail (FZ_IS_FILING (self), NULL);

  o = fz_filing_to_json (self);
  filing = fz_filing_dup_deadline (rules, FZ_DEADLINE_FILING, level, report_year);
  publication = fz_filing_dup_deadline (rules, FZ_DEADLINE_PUBLICATION, level, report_year);
  _fz_json_set_string_or_null (o, "filing_deadline", filing);
  _fz_json_set_string_or_null (o, "publication_deadline", publication);
  set_timeliness (o, "filed_on_time",
                  fz_filing_get_timeliness (self, FZ_DEADLINE_FILING, rules, level, report_year));
  set_timeliness (o, "published_on_time",
                  fz_filing_get_timeliness (self, FZ_DEADLINE_PUBLICATION, rules, level, report_year));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, o);
  return node;
}

gboolean
_fz_filing_read_json (FzFiling     *self,
                      FzJsonReader *r,
                      JsonObject   *o)
{
  const char *received = _fz_json_reader_get_string (r, o, "received", TRUE);
  const char *channel = _fz_json_reader_get_string (r, o, "channel", TRUE);
  const char *published = _fz_json_reader_get_string (r, o, "published", TRUE);
  const char *url = _fz_json_reader_get_string (r, o, "published_url", TRUE);
  const char *column = _fz_json_reader_get_string (r, o, "published_column", TRUE);

  if (r->failed)
    return FALSE;
  if (received != NULL && !fz_filing_is_iso_date (received))
    _fz_json_reader_fail_member (r, "received");
  else if (published != NULL && !fz_filing_is_iso_date (published))
    _fz_json_reader_fail_member (r, "published");
  else if (channel != NULL && !g_strv_contains ((const char * const *) channels, channel))
    _fz_json_reader_fail_member (r, "channel");
  if (r->failed)
    return FALSE;

  /* Straight into the fields: reading a file is no change to log. */
  g_free (self->received);
  self->received = g_strdup (received);
  g_free (self->channel);
  self->channel = g_strdup (channel);
  g_free (self->published);
  self->published = g_strdup (published);
  g_free (self->published_url);
  self->published_url = g_strdup (url);
  g_free (self->published_column);
  self->published_column = g_strdup (column);

  return TRUE;
}
