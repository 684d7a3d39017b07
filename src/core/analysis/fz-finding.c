/* fz-finding.c: one problem the checks report
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-finding.h"

G_DEFINE_BOXED_TYPE (FzFinding, fz_finding, fz_finding_copy, fz_finding_free)

FzFinding *
fz_finding_new (const char *id,
                FzSeverity  severity,
                guint       start,
                guint       end,
                const char *text,
                const char *message)
{
  FzFinding *finding;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  finding = g_new0 (FzFinding, 1);
  finding->id = g_strdup (id);
  finding->severity = severity;
  finding->message = g_strdup (message);
  finding->start = start;
  finding->end = end;
  finding->text = g_strdup (text != NULL ? text : "");

  return finding;
}

FzFinding *
fz_finding_copy (const FzFinding *finding)
{
  FzFinding *copy;

  g_return_val_if_fail (finding != NULL, NULL);

  copy = g_memdup2 (finding, sizeof *finding);
  copy->id = g_strdup (finding->id);
  copy->message = g_strdup (finding->message);
  copy->text = g_strdup (finding->text);
  copy->suggestion = g_strdup (finding->suggestion);

  return copy;
}

void
fz_finding_free (FzFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->id);
  g_free (finding->message);
  g_free (finding->text);
  g_free (finding->suggestion);
  g_free (finding);
}
