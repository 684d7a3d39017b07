/* fz-batch-filing.c: a batch's filing and publication rates
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

#include "fz-batch-private.h"
#include "fz-i18n.h"

void
fz_batch_get_filing_counts (FzBatch        *self,
                            FzFilingCounts *counts)
{
  GListModel *entries;

  g_return_if_fail (FZ_IS_BATCH (self));
  g_return_if_fail (counts != NULL);

  *counts = (FzFilingCounts) { 0 };
  entries = fz_batch_get_entries (self);
  counts->reports = g_list_model_get_n_items (entries);

  for (guint i = 0; i < counts->reports; i++)
    {
      g_autoptr(FzBatchEntry) entry = g_list_model_get_item (entries, i);
      FzFiling *filing = fz_batch_entry_get_filing (entry);

      if (fz_filing_get_received (filing) != NULL)
        {
          counts->received++;
          switch (fz_batch_entry_get_timeliness (entry, FZ_DEADLINE_FILING))
            {
            case FZ_TIMELINESS_ON_TIME: counts->filed_on_time++; break;
            case FZ_TIMELINESS_LATE:    counts->filed_late++; break;
            case FZ_TIMELINESS_UNKNOWN:
            default:                    break;
            }
        }
      if (fz_filing_get_published (filing) != NULL)
        {
          counts->published++;
          switch (fz_batch_entry_get_timeliness (entry, FZ_DEADLINE_PUBLICATION))
            {
            case FZ_TIMELINESS_ON_TIME: counts->published_on_time++; break;
            case FZ_TIMELINESS_LATE:    counts->published_late++; break;
            case FZ_TIMELINESS_UNKNOWN:
            default:                    break;
            }
        }
    }
}

static char *
percent (guint part,
         guint whole)
{
  return g_strdup_printf ("%.0f%%", whole > 0 ? 100.0 * part / whole : 0.0);
}

void
_fz_batch_append_filing_summary (FzBatch *self,
                                 GString *out)
{
  FzFilingCounts counts;

  fz_batch_get_filing_counts (self, &counts);

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
_fz_batch_filing_from_json (FzFiling   *filing,
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
