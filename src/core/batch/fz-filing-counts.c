/* fz-filing-counts.c: filing and publication rates
 *
 * Units are reprimanded for filing late or not publishing, and bureaus
 * track 报送率 and 公开率.  A batch holds the reports that came in, so its
 * filing rate is the share that came in by the deadline (of those whose
 * 收文日期 is recorded), and its publication rate the share published at
 * all, with how many of them on time.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-batch"

#include "config.h"

#include "fz-filing-counts.h"
#include "fz-i18n.h"

void
fz_filing_counts_add (FzFilingCounts *counts,
                      FzFiling       *filing,
                      FzTimeliness    filed,
                      FzTimeliness    published)
{
  counts->reports++;
  if (fz_filing_get_received (filing) != NULL)
    {
      counts->received++;
      counts->filed_on_time += filed == FZ_TIMELINESS_ON_TIME;
      counts->filed_late += filed == FZ_TIMELINESS_LATE;
    }
  if (fz_filing_get_published (filing) != NULL)
    {
      counts->published++;
      counts->published_on_time += published == FZ_TIMELINESS_ON_TIME;
      counts->published_late += published == FZ_TIMELINESS_LATE;
    }
}

static char *
percent (guint part,
         guint whole)
{
  return g_strdup_printf ("%.0f%%", whole > 0 ? 100.0 * part / whole : 0.0);
}

void
_fz_filing_counts_append_summary (const FzFilingCounts *counts_,
                                  GString              *out)
{
  FzFilingCounts counts = *counts_;

  /* Nothing recorded says nothing: no rate of 0%. */
  if (counts.received > 0)
    {
      g_autofree char *rate = percent (counts.filed_on_time, counts.received);

      g_string_append (out, _("; "));
      /* TRANSLATORS: the filing rate (报送率) in the batch summary */
      g_string_append_printf (out, _("filing rate %s: %u of the %u with a date received came in on time"),
                              rate, counts.filed_on_time, counts.received);
    }
  if (counts.received > 0 || counts.published > 0)
    {
      g_autofree char *rate = percent (counts.published, counts.reports);

      g_string_append (out, _("; "));
      /* TRANSLATORS: the publication rate (公开率) in the batch summary */
      g_string_append_printf (out, _("publication rate %s: %u of %u published, %u of them on time"),
                              rate, counts.published, counts.reports, counts.published_on_time);
    }
}

void
_fz_filing_from_json (FzFiling   *filing,
                      JsonObject *o)
{
  /* A hand-edited value the record cannot take is dropped; the rest of
   * the batch still opens. */
  fz_filing_set_received (filing, json_object_get_string_member_with_default (o, "received", NULL), NULL);
  fz_filing_set_channel (filing, json_object_get_string_member_with_default (o, "channel", NULL), NULL);
  fz_filing_set_published (filing, json_object_get_string_member_with_default (o, "published", NULL), NULL);
  fz_filing_set_published_url (filing, json_object_get_string_member_with_default (o, "published_url", NULL));
  fz_filing_set_published_column (filing,
                                  json_object_get_string_member_with_default (o, "published_column", NULL));
}
