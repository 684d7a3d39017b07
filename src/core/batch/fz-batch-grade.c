/* fz-batch-grade.c: the grades a batch suggests
 *
 * The four grades (优秀, 良好, 一般, 较差) as words and labels, and the rule
 * that suggests one from a report's statuses and findings: the policy of
 * grading, in one place, apart from the entry that holds its result.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-batch"

#include "config.h"

#include "fz-batch-private.h"
#include "fz-i18n.h"

/* Grades */

const char *
fz_grade_to_string (FzGrade grade)
{
  switch (grade)
    {
    case FZ_GRADE_EXCELLENT: return "excellent";
    case FZ_GRADE_GOOD:      return "good";
    case FZ_GRADE_FAIR:      return "fair";
    case FZ_GRADE_POOR:      return "poor";
    case FZ_GRADE_NONE:
    default:                 return NULL;
    }
}

gboolean
fz_grade_from_string (const char *str,
                      FzGrade    *grade)
{
  for (FzGrade g = FZ_GRADE_EXCELLENT; g <= FZ_GRADE_POOR; g++)
    if (g_strcmp0 (str, fz_grade_to_string (g)) == 0)
      {
        *grade = g;
        return TRUE;
      }

  return FALSE;
}

const char *
fz_grade_get_label (FzGrade grade)
{
  switch (grade)
    {
    case FZ_GRADE_EXCELLENT: return _("excellent");
    case FZ_GRADE_GOOD:      return _("good");
    case FZ_GRADE_FAIR:      return _("fair");
    case FZ_GRADE_POOR:      return _("poor");
    case FZ_GRADE_NONE:
    default:                 return "";
    }
}

/* The suggested grade, from the effective statuses of the required
 * elements and the findings:
 *
 *  - 较差 (poor): two or more required elements missing; or one missing
 *    together with copied passages or three or more errors.
 *  - 一般 (fair): one required element missing; or passages copied from
 *    another report; or three or more required elements only partial (or
 *    needing review); or three or more errors.
 *  - 优秀 (excellent): every required element present or not applicable,
 *    no error, no copied passage and at most three warnings.
 *  - 良好 (good): everything else — all required elements at least
 *    partly there, at most two of them partial, at most two errors.
 *
 * A missing element therefore always caps the grade at 一般: a report that
 * leaves out a part the 督察工作规定 requires cannot be good, however
 * well written the rest is. */
FzGrade
_fz_batch_entry_compute_grade (FzBatchEntry *self)
{
  guint missing = 0, partial = 0, errors, warnings, copies;

  if (self->state != FZ_BATCH_ENTRY_DONE || self->reference)
    return FZ_GRADE_NONE;

  for (guint i = 0; i < fz_ruleset_get_n_elements (self->rules); i++)
    {
      const FzRuleElement *element = fz_ruleset_get_element (self->rules, i);
      FzStatus status;

      if (!element->required || !fz_batch_entry_get_status (self, element->id, &status))
        continue;

      switch (status)
        {
        case FZ_STATUS_MISSING:
          missing++;
          break;

        case FZ_STATUS_PARTIAL:
        case FZ_STATUS_NEEDS_REVIEW:
          partial++;
          break;

        case FZ_STATUS_PRESENT:
        case FZ_STATUS_NOT_APPLICABLE:
        default:
          break;
        }
    }

  errors = fz_batch_entry_get_n_findings (self, FZ_SEVERITY_ERROR);
  warnings = fz_batch_entry_get_n_findings (self, FZ_SEVERITY_WARNING);
  copies = self->copy_findings->len;

  if (missing >= 2 || (missing == 1 && (copies > 0 || errors >= 3)))
    return FZ_GRADE_POOR;
  if (missing == 1 || copies > 0 || partial >= 3 || errors >= 3)
    return FZ_GRADE_FAIR;
  if (partial == 0 && errors == 0 && warnings <= 3)
    return FZ_GRADE_EXCELLENT;
  return FZ_GRADE_GOOD;
}
