/* fz-filing.h: when a report was received and published, and where
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "fz-ruleset.h"

G_BEGIN_DECLS

/* Whether a step was taken by its deadline. */
typedef enum
{
  FZ_TIMELINESS_UNKNOWN,          /* no date recorded, or no report year to reckon from */
  FZ_TIMELINESS_ON_TIME,
  FZ_TIMELINESS_LATE,
} FzTimeliness;

/* "on_time", "late", or NULL for unknown. */
const char   *fz_timeliness_to_string       (FzTimeliness  timeliness);

/* How a report reached the bureau.  Stable keys, saved in reviews and
 * written to the ledger by their labels. */
#define FZ_FILING_CHANNEL_PAPER    "paper"     /* 纸质公文 */
#define FZ_FILING_CHANNEL_EXCHANGE "exchange"  /* 电子公文交换系统、OA */
#define FZ_FILING_CHANNEL_EMAIL    "email"     /* 电子邮件 */
#define FZ_FILING_CHANNEL_OTHER    "other"

/* The channel keys above, for a menu; static, do not free. */
const char * const *fz_filing_list_channels    (void);
/* The channel's name in the reviewer's language, NULL for an unknown key. */
const char   *fz_filing_channel_get_label    (const char   *channel);

#define FZ_TYPE_FILING (fz_filing_get_type ())

G_DECLARE_FINAL_TYPE (FzFiling, fz_filing, FZ, FILING, GObject)

/* What the reviewer records about a report besides its text: 收文日期 and
 * channel, 公开日期, and the address and column where it was published.
 * Every property is nullable; dates are YYYY-MM-DD.  ::changed tells what
 * changed (the property's name) with the old and new value, so that a
 * review can log it. */
FzFiling     *fz_filing_new                  (void);

const char   *fz_filing_get_received         (FzFiling     *self);
gboolean      fz_filing_set_received         (FzFiling     *self,
                                              const char   *date,
                                              GError      **error);
const char   *fz_filing_get_channel          (FzFiling     *self);
gboolean      fz_filing_set_channel          (FzFiling     *self,
                                              const char   *channel,
                                              GError      **error);
const char   *fz_filing_get_published        (FzFiling     *self);
gboolean      fz_filing_set_published        (FzFiling     *self,
                                              const char   *date,
                                              GError      **error);
const char   *fz_filing_get_published_url    (FzFiling     *self);
void          fz_filing_set_published_url    (FzFiling     *self,
                                              const char   *url);
const char   *fz_filing_get_published_column (FzFiling     *self);
void          fz_filing_set_published_column (FzFiling     *self,
                                              const char   *column);
/* TRUE when nothing is recorded. */
gboolean      fz_filing_is_empty             (FzFiling     *self);
/* Copies every field of @other into @self (emitting ::changed for each
 * that differs). */
void          fz_filing_assign               (FzFiling     *self,
                                              FzFiling     *other);

/* The deadline for @kind of the report on @report_year by a reporter of
 * @level under @rules, as YYYY-MM-DD; NULL when the year is unknown. */
char         *fz_filing_dup_deadline         (FzRuleSet      *rules,
                                              FzDeadlineKind  kind,
                                              FzLevel         level,
                                              int             report_year);
FzTimeliness  fz_filing_get_timeliness       (FzFiling       *self,
                                              FzDeadlineKind  kind,
                                              FzRuleSet      *rules,
                                              FzLevel         level,
                                              int             report_year);

/* The findings filed_late and published_late (FzFinding) for a report on
 * @report_year by a reporter of @level, against the deadlines of @rules
 * and unless @rules switches them off.  They concern no place in the text:
 * start and end are 0 and the text is empty. */
GPtrArray    *fz_filing_check                (FzFiling       *self,
                                              FzRuleSet      *rules,
                                              FzLevel         level,
                                              int             report_year);

/* {"received", "channel", "published", "published_url",
 * "published_column"}, each a string or null: what is saved. */
JsonObject   *fz_filing_to_json              (FzFiling       *self);
/* The same with what the rule set makes of it, for fazhi-check's JSON:
 * "filing_deadline" and "publication_deadline" (YYYY-MM-DD or null) and
 * "filed_on_time" and "published_on_time" (true, false, or null when a
 * date is not known). */
JsonNode     *fz_filing_to_report_json       (FzFiling       *self,
                                              FzRuleSet      *rules,
                                              FzLevel         level,
                                              int             report_year);

/* YYYY-MM-DD of a real day (so 2025-02-30 is refused). */
gboolean      fz_filing_is_iso_date          (const char     *date);

G_END_DECLS
