/* fz-labels.c: what the shared enumerations are called, in one place
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fz-i18n.h"
#include "fz-labels.h"

const char *
fz_status_get_label (FzStatus status)
{
  switch (status)
    {
    case FZ_STATUS_PRESENT:        return _("Present");
    case FZ_STATUS_PARTIAL:        return _("Partial");
    case FZ_STATUS_MISSING:        return _("Missing");
    case FZ_STATUS_NOT_APPLICABLE: return _("Not applicable");
    case FZ_STATUS_NEEDS_REVIEW:   return _("Needs review");
    default:                       g_return_val_if_reached ("");
    }
}

const char *
fz_severity_get_label (FzSeverity severity)
{
  switch (severity)
    {
    case FZ_SEVERITY_ERROR:   return _("Error");
    case FZ_SEVERITY_WARNING: return _("Warning");
    case FZ_SEVERITY_INFO:    return _("Note");
    default:                  g_return_val_if_reached ("");
    }
}

const char *
fz_level_get_label (FzLevel level)
{
  switch (level)
    {
    case FZ_LEVEL_TOWNSHIP:   return _("Township");
    case FZ_LEVEL_COUNTY:     return _("County");
    case FZ_LEVEL_CITY:       return _("City");
    case FZ_LEVEL_PROVINCE:   return _("Province");
    case FZ_LEVEL_DEPARTMENT: return _("Department");
    case FZ_LEVEL_UNKNOWN:    return "";
    default:                  g_return_val_if_reached ("");
    }
}

const char *
fz_status_get_word (FzStatus status)
{
  switch (status)
    {
    case FZ_STATUS_PRESENT:        return _("present");
    case FZ_STATUS_PARTIAL:        return _("partial");
    case FZ_STATUS_MISSING:        return _("missing");
    case FZ_STATUS_NOT_APPLICABLE: return _("not applicable");
    case FZ_STATUS_NEEDS_REVIEW:   return _("needs review");
    default:                       g_return_val_if_reached ("?");
    }
}

const char *
fz_severity_get_word (FzSeverity severity)
{
  switch (severity)
    {
    case FZ_SEVERITY_ERROR:   return _("error");
    case FZ_SEVERITY_WARNING: return _("warning");
    case FZ_SEVERITY_INFO:    return _("note");
    default:                  g_return_val_if_reached ("?");
    }
}

const char *
fz_level_get_word (FzLevel level)
{
  switch (level)
    {
    case FZ_LEVEL_TOWNSHIP:   return _("township");
    case FZ_LEVEL_COUNTY:     return _("county");
    case FZ_LEVEL_CITY:       return _("city");
    case FZ_LEVEL_PROVINCE:   return _("province");
    case FZ_LEVEL_DEPARTMENT: return _("department");
    case FZ_LEVEL_UNKNOWN:    return _("unknown");
    default:                  g_return_val_if_reached ("?");
    }
}

const char *
fz_status_get_label_zh (FzStatus status)
{
  switch (status)
    {
    case FZ_STATUS_PRESENT:        return "具备";
    case FZ_STATUS_PARTIAL:        return "部分具备";
    case FZ_STATUS_MISSING:        return "缺失";
    case FZ_STATUS_NOT_APPLICABLE: return "不适用";
    case FZ_STATUS_NEEDS_REVIEW:   return "需人工复核";
    default:                       g_return_val_if_reached ("");
    }
}

const char *
fz_level_get_label_zh (FzLevel level)
{
  switch (level)
    {
    case FZ_LEVEL_TOWNSHIP:   return "乡镇（街道）";
    case FZ_LEVEL_COUNTY:     return "县（市、区）";
    case FZ_LEVEL_CITY:       return "市";
    case FZ_LEVEL_PROVINCE:   return "省";
    case FZ_LEVEL_DEPARTMENT: return "部门";
    case FZ_LEVEL_UNKNOWN:    return "";
    default:                  g_return_val_if_reached ("");
    }
}
