/* fz-reporter.c: who reports, and on which year
 *
 * The level of a report is the level of the unit that writes it: its name
 * in the title, the signature or the 发文机关标志, else the subject of the
 * opening sentence ("2024年，XX街道坚持…", "我局…").  Never the addressee,
 * never a superior the opening names in passing ("在区委、区政府的坚强领导
 * 下"), never the site a web copy came from.  The year reported on is the
 * one the title names, else the opening sentence, else the first heading;
 * dates of writing or publishing come last, since a report is written and
 * published in the year after the one it covers.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-metadata"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fz-metadata-private.h"
#include "fz-outline.h"
#include "fz-regex.h"
#include "fz-script.h"
#include "fz-text-util.h"
#include "fz-units.h"

/* A year that is not the end of a range such as 2021—2025年. */
FZ_DEFINE_STATIC_REGEX (year_regex, "(?<![\\d—\\-－–~～至到])((?:19|20)\\d{2})\\s*年")
/* What a title puts before its subject, or after the unit's name. */
FZ_DEFINE_STATIC_REGEX (title_year_prefix_regex, "^\\s*(?:19|20)\\d{2}\\s*年度?")
FZ_DEFINE_STATIC_REGEX (title_subject_regex, "关于|(?:19|20)\\d{2}\\s*年|法治|年度|工作报告|报告")
FZ_DEFINE_STATIC_REGEX (time_phrase_regex,
                        "^\\s*(?:(?:19|20)\\d{2}\\s*年(?:度|以来|来)?|今年以来|今年|本年度|年内|一年来|近年来|过去的?一年(?:里|来|中)?)\\s*")
FZ_DEFINE_STATIC_REGEX (self_reference_regex,
                        "(?:我|本)(街道|镇|乡|县|区|市|州|省|局|厅|委|办|部|中心)")

/* The simplified reading of @text, or a copy. */
static char *
simplified (const char *text,
            gssize      len)
{
  char *key;

  if (len < 0)
    len = strlen (text);
  key = fz_script_simplify (text, len, NULL);
  return key != NULL ? key : g_strndup (text, len);
}

static int
first_year (const char *text,
            gsize       len)
{
  gssize groups[4];

  if (!fz_regex_search_groups (year_regex (), text, len, 0, groups, 2))
    return 0;

  return (int) g_ascii_strtoll (text + groups[2], NULL, 10);
}

static int
year_of_iso (const char *iso)
{
  int y = atoi (iso), m = atoi (iso + 5);

  /* Reports are written at the turn of the year they cover. */
  return m <= 6 ? y - 1 : y;
}

int
_fz_metadata_read_year (FzDocument       *doc,
                        const FzMetadata *meta,
                        GPtrArray        *sections,
                        int               opening,
                        guint            *from_title)
{
  int year = 0;

  *from_title = FALSE;

  if (meta->title.value != NULL)
    {
      g_autofree char *title = simplified (meta->title.value, -1);

      year = first_year (title, strlen (title));
      *from_title = year != 0;
    }
  if (year == 0 && opening >= 0)
    {
      gsize len;
      const char *text = fz_document_get_paragraph_key (doc, opening, &len);

      year = first_year (text, MIN (len, 600));
    }
  if (year == 0 && sections != NULL && sections->len > 0)
    {
      const FzSection *first = g_ptr_array_index (sections, 0);

      if (first->heading != NULL)
        {
          g_autofree char *heading = simplified (first->heading, -1);

          year = first_year (heading, strlen (heading));
        }
    }
  if (year == 0 && meta->date_iso != NULL)
    year = year_of_iso (meta->date_iso);
  if (year == 0 && meta->published_iso != NULL)
    year = year_of_iso (meta->published_iso);

  return year;
}

/* The unit a title names: "XX镇人民政府关于…", "XX局2024年度…",
 * "2025年XX县法治政府建设情况". */
static FzLevel
level_from_title (const char *title)
{
  g_autofree char *key = simplified (title, -1);
  gsize len = strlen (key), from = 0;
  gssize s, e;

  if (fz_regex_search (title_year_prefix_regex (), key, len, 0, &s, &e))
    from = e;
  if (!fz_regex_search (title_subject_regex (), key, len, from, &s, &e) || (gsize) s <= from)
    return FZ_LEVEL_UNKNOWN;

  return fz_units_level_of (key + from, s - from);
}

static FzLevel
level_from_self_reference (const char *clause,
                           gsize       len)
{
  gssize g[4];

  if (!fz_regex_search_groups (self_reference_regex (), clause, len, 0, g, 2) || g[0] != 0)
    return FZ_LEVEL_UNKNOWN;

  return fz_units_level_of (clause + g[2], g[3] - g[2]);
}

/* The subject of the opening sentence, clause by clause: "2024年，" and
 * "在区委、区政府的坚强领导下，" go by; "XX街道坚持…" or "我镇…" says it. */
static FzLevel
level_from_opening (FzDocument *doc,
                    int         opening)
{
  gsize len;
  const char *text = fz_document_get_paragraph_key (doc, opening, &len);
  const char *end = text + MIN (len, 600);
  const char *p = text;

  for (guint clause = 0; clause < 4 && p < end; clause++)
    {
      const char *q = p;
      gsize n, subject;
      gssize s, e;
      FzLevel level;

      while (q < end)
        {
          gunichar c = g_utf8_get_char (q);

          if (c == 0xFF0C || c == ',' || c == 0xFF1B || c == 0x3002 || c == 0xFF1A)
            break;
          q = g_utf8_next_char (q);
        }

      if (fz_regex_search (time_phrase_regex (), p, q - p, 0, &s, &e) && s == 0)
        p += e;
      n = q - p;

      if ((level = level_from_self_reference (p, n)) != FZ_LEVEL_UNKNOWN)
        return level;
      subject = fz_units_subject_end (p, n);
      if (subject > 0 && (level = fz_units_level_of (p, subject)) != FZ_LEVEL_UNKNOWN)
        return level;

      if (q >= end || g_utf8_get_char (q) == 0x3002)
        break;
      p = g_utf8_next_char (q);
    }

  return FZ_LEVEL_UNKNOWN;
}

/* When no name says it, the body does: "我镇" a dozen times is a township. */
static FzLevel
level_from_body (FzDocument *doc)
{
  const char *text = fz_document_get_analysis_text (doc);
  gsize len = fz_document_get_text_bytes (doc);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gssize groups[4];
  gsize from = 0;
  guint best = 0;
  FzLevel level = FZ_LEVEL_UNKNOWN;
  GHashTableIter iter;
  gpointer key, value;

  while (fz_regex_search_groups (self_reference_regex (), text, len, from, groups, 2))
    {
      char *unit = g_strndup (text + groups[2], groups[3] - groups[2]);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, unit));

      g_hash_table_replace (counts, unit, GUINT_TO_POINTER (n + 1));
      from = groups[1];
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint n = GPOINTER_TO_UINT (value);
      FzLevel l;

      if (n < best || (n == best && level != FZ_LEVEL_UNKNOWN))
        continue;
      if ((l = fz_units_level_of (key, -1)) != FZ_LEVEL_UNKNOWN)
        {
          best = n;
          level = l;
        }
    }

  /* One passing "全市" in a township report says nothing. */
  return best >= 2 ? level : FZ_LEVEL_UNKNOWN;
}

FzLevel
_fz_metadata_read_level (FzDocument       *doc,
                         const FzMetadata *meta,
                         int               opening)
{
  FzLevel level = FZ_LEVEL_UNKNOWN;

  if (meta->title.value != NULL)
    level = level_from_title (meta->title.value);
  if (level == FZ_LEVEL_UNKNOWN && meta->issuer.value != NULL)
    {
      g_autofree char *issuer = simplified (meta->issuer.value, -1);

      level = fz_units_level_of (issuer, -1);
    }
  if (level == FZ_LEVEL_UNKNOWN && meta->issuer_mark.value != NULL)
    {
      g_autofree char *org = simplified (meta->issuer_mark.value, -1);

      if (g_str_has_suffix (org, "文件"))
        org[strlen (org) - strlen ("文件")] = '\0';
      level = fz_units_level_of (org, -1);
    }
  if (level == FZ_LEVEL_UNKNOWN && opening >= 0)
    level = level_from_opening (doc, opening);
  if (level == FZ_LEVEL_UNKNOWN)
    level = level_from_body (doc);

  return level;
}
