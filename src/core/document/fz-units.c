/* fz-units.c: reading the level of a unit from its name
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-units"

#include "config.h"

#include <string.h>

#include "fz-lists.h"
#include "fz-units.h"

typedef struct
{
  char    *word;
  gsize    len;
  FzLevel  level;
} Entry;

typedef struct
{
  GArray *prefixes;               /* Entry, longest first */
  GArray *wrappers;
  GArray *units;
  GArray *names;
  GArray *organs;
  GArray *stops;
} Units;

static void
add_entry (const char *line,
           gpointer    user_data)
{
  Units *u = user_data;
  g_auto(GStrv) parts = g_strsplit_set (line, " \t", 3);
  Entry e = { 0 };
  GArray *into;

  if (g_strv_length (parts) < 2 || parts[1][0] == '\0')
    return;

  if (g_str_equal (parts[0], "prefix"))
    into = u->prefixes;
  else if (g_str_equal (parts[0], "wrapper"))
    into = u->wrappers;
  else if (g_str_equal (parts[0], "unit"))
    into = u->units;
  else if (g_str_equal (parts[0], "name"))
    into = u->names;
  else if (g_str_equal (parts[0], "organ"))
    into = u->organs;
  else if (g_str_equal (parts[0], "stop"))
    into = u->stops;
  else
    return;

  e.word = g_strdup (parts[1]);
  e.len = strlen (e.word);
  e.level = fz_level_from_string (parts[2] != NULL ? g_strstrip (parts[2]) : NULL);
  if (into == u->units && e.level == FZ_LEVEL_UNKNOWN)
    {
      g_free (e.word);
      return;
    }
  g_array_append_val (into, e);
}

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  gsize la = ((const Entry *) a)->len, lb = ((const Entry *) b)->len;

  return la > lb ? -1 : la < lb;
}

static const Units *
units_get (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      Units *u = g_new0 (Units, 1);
      GArray **arrays[] = { &u->prefixes, &u->wrappers, &u->units, &u->names, &u->organs, &u->stops };

      for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
        *arrays[i] = g_array_new (FALSE, FALSE, sizeof (Entry));
      fz_lists_load ("units.txt", add_entry, u);
      for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
        g_array_sort (*arrays[i], compare_longest_first);
      g_once_init_leave (&once, (gsize) u);
    }

  return (const Units *) once;
}

/* The entry of @list that @text[0, @len) ends with, longest first. */
static const Entry *
ending (GArray     *list,
        const char *text,
        gsize       len)
{
  for (guint i = 0; i < list->len; i++)
    {
      const Entry *e = &g_array_index (list, Entry, i);

      if (e->len <= len && memcmp (text + len - e->len, e->word, e->len) == 0)
        return e;
    }

  return NULL;
}

static const char *
skip_prefix (const Units *u,
             const char  *name,
             gsize       *len)
{
  for (guint i = 0; i < u->prefixes->len; i++)
    {
      const Entry *e = &g_array_index (u->prefixes, Entry, i);

      if (e->len < *len && memcmp (name, e->word, e->len) == 0)
        {
          *len -= e->len;
          return name + e->len;
        }
    }

  return name;
}

/* Brackets a name carries ("各村（居）") say nothing of its end. */
static gsize
trim_end (const char *name,
          gsize       len)
{
  while (len > 0 && (name[len - 1] == ' ' || name[len - 1] == ')'))
    {
      if (name[len - 1] == ')')
        {
          const char *open = g_strrstr_len (name, len, "(");
          if (open == NULL)
            break;
          len = open - name;
        }
      else
        len--;
    }
  if (len >= strlen ("）") && memcmp (name + len - strlen ("）"), "）", strlen ("）")) == 0)
    {
      const char *open = g_strrstr_len (name, len, "（");
      if (open != NULL)
        len = open - name;
    }

  return len;
}

static gsize
first_part (const char *name,
            gsize       len)
{
  static const char * const separators[] = { "、", "，", ",", " ", NULL };
  gsize end = len;

  for (guint i = 0; separators[i] != NULL; i++)
    {
      const char *s = g_strstr_len (name, end, separators[i]);

      if (s != NULL && s > name)
        end = s - name;
    }

  return end;
}

FzLevel
fz_units_level_of (const char *name,
                   gssize      len)
{
  const Units *u = units_get ();
  const Entry *wrapper = NULL, *e;
  gsize n;

  g_return_val_if_fail (name != NULL, FZ_LEVEL_UNKNOWN);

  if (len < 0)
    len = strlen (name);
  n = trim_end (name, first_part (name, len));
  name = skip_prefix (u, name, &n);

  for (guint i = 0; i < u->names->len; i++)
    {
      e = &g_array_index (u->names, Entry, i);
      if (e->len == n && memcmp (name, e->word, n) == 0)
        return e->level;
    }

  /* Organ words off the end, then the unit. */
  while ((e = ending (u->wrappers, name, n)) != NULL && e->len < n)
    {
      wrapper = e;
      n -= e->len;
    }
  for (guint i = 0; i < u->names->len; i++)
    {
      e = &g_array_index (u->names, Entry, i);
      if (e->len == n && memcmp (name, e->word, n) == 0)
        return e->level;
    }
  /* A unit's word alone is a unit too: 区委 is the district's committee. */
  if ((e = ending (u->units, name, n)) != NULL)
    return e->level;

  return wrapper != NULL && n > 0 ? wrapper->level : FZ_LEVEL_UNKNOWN;
}

gboolean
fz_units_is_organ (const char *name,
                   gssize      len)
{
  const Units *u = units_get ();
  const Entry *e;
  gsize n;

  g_return_val_if_fail (name != NULL, FALSE);

  if (len < 0)
    len = strlen (name);
  n = trim_end (name, len);
  if (n == 0)
    return FALSE;

  if (fz_units_level_of (name, n) != FZ_LEVEL_UNKNOWN)
    return TRUE;
  if ((e = ending (u->wrappers, name, n)) != NULL)
    return TRUE;
  e = ending (u->organs, name, n);
  return e != NULL;
}

gsize
fz_units_subject_end (const char *clause,
                      gsize       len)
{
  const Units *u = units_get ();
  gsize best = len;

  for (guint i = 0; i < u->stops->len; i++)
    {
      const Entry *e = &g_array_index (u->stops, Entry, i);
      const char *at;

      if (e->len <= len && memcmp (clause, e->word, e->len) == 0)
        return 0;
      /* Past the first two characters: a name is at least that long. */
      at = e->len < len ? g_strstr_len (clause + MIN (len, 6), len - MIN (len, 6), e->word) : NULL;
      if (at != NULL && (gsize) (at - clause) < best)
        best = at - clause;
    }

  return best;
}
