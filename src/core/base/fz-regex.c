/* fz-regex.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <pcre2.h>

#include "fz-regex.h"

struct _FzRegex
{
  pcre2_code *code;
  char       *pattern;
  guint       jit : 1;
};

#define MATCH_PAIRS 32

static void
match_data_free (gpointer data)
{
  pcre2_match_data_free (data);
}

/* One match-data block per thread: pcre2_match_data is not thread-safe,
 * while the compiled code is. */
static GPrivate thread_match_data = G_PRIVATE_INIT (match_data_free);

static pcre2_match_data *
get_match_data (void)
{
  pcre2_match_data *md = g_private_get (&thread_match_data);

  if (md == NULL)
    {
      md = pcre2_match_data_create (MATCH_PAIRS, NULL);
      g_private_set (&thread_match_data, md);
    }

  return md;
}

FzRegex *
fz_regex_new (const char  *pattern,
              guint32      extra_options,
              GError     **error)
{
  FzRegex *self;
  pcre2_code *code;
  int errcode = 0;
  PCRE2_SIZE erroffset = 0;

  g_return_val_if_fail (pattern != NULL, NULL);

  code = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                        PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK | extra_options,
                        &errcode, &erroffset, NULL);
  if (code == NULL)
    {
      PCRE2_UCHAR buf[256];

      pcre2_get_error_message (errcode, buf, sizeof buf);
      g_set_error (error, G_REGEX_ERROR, G_REGEX_ERROR_COMPILE,
                   "%s (at offset %zu of “%s”)", (const char *) buf,
                   (gsize) erroffset, pattern);
      return NULL;
    }

  self = g_new0 (FzRegex, 1);
  self->code = code;
  self->pattern = g_strdup (pattern);
  self->jit = pcre2_jit_compile (code, PCRE2_JIT_COMPLETE) == 0;

  return self;
}

FzRegex *
fz_regex_new_static (const char *pattern)
{
  g_autoptr(GError) error = NULL;
  FzRegex *self = fz_regex_new (pattern, 0, &error);

  if (self == NULL)
    g_error ("Built-in pattern does not compile: %s", error->message);

  return self;
}

FzRegex *
fz_regex_get_static (gsize      *once,
                     const char *pattern)
{
  if (g_once_init_enter (once))
    g_once_init_leave (once, (gsize) fz_regex_new_static (pattern));

  return (FzRegex *) *once;
}

void
fz_regex_free (FzRegex *self)
{
  if (self == NULL)
    return;

  pcre2_code_free (self->code);
  g_free (self->pattern);
  g_free (self);
}

const char *
fz_regex_get_pattern (const FzRegex *self)
{
  return self->pattern;
}

gboolean
fz_regex_search_groups (const FzRegex *self,
                        const char    *subject,
                        gsize          len,
                        gsize          from,
                        gssize        *groups,
                        guint          n_groups)
{
  pcre2_match_data *md;
  PCRE2_SIZE *ovector;
  guint32 n_pairs;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (n_groups <= MATCH_PAIRS, FALSE);

  if (from > len)
    return FALSE;

  md = get_match_data ();
  /* Subjects come from our own normalizer and are valid UTF-8, which
   * lets us skip PCRE2's check on every call. */
  if (self->jit)
    rc = pcre2_jit_match (self->code, (PCRE2_SPTR) subject, len, from,
                          PCRE2_NO_UTF_CHECK, md, NULL);
  else
    rc = pcre2_match (self->code, (PCRE2_SPTR) subject, len, from,
                      PCRE2_NO_UTF_CHECK, md, NULL);
  if (rc < 0)
    return FALSE;

  ovector = pcre2_get_ovector_pointer (md);
  n_pairs = pcre2_get_ovector_count (md);

  for (guint i = 0; i < n_groups; i++)
    {
      if (i < n_pairs && (int) i < rc && ovector[2 * i] != PCRE2_UNSET)
        {
          groups[2 * i] = (gssize) ovector[2 * i];
          groups[2 * i + 1] = (gssize) ovector[2 * i + 1];
        }
      else
        {
          groups[2 * i] = -1;
          groups[2 * i + 1] = -1;
        }
    }

  return TRUE;
}

gboolean
fz_regex_search (const FzRegex *self,
                 const char    *subject,
                 gsize          len,
                 gsize          from,
                 gssize        *match_start,
                 gssize        *match_end)
{
  gssize groups[2];

  if (!fz_regex_search_groups (self, subject, len, from, groups, 1))
    return FALSE;

  if (match_start)
    *match_start = groups[0];
  if (match_end)
    *match_end = groups[1];

  return TRUE;
}

gboolean
fz_regex_matches (const FzRegex *self,
                  const char    *subject,
                  gssize         len)
{
  if (len < 0)
    len = strlen (subject);

  return fz_regex_search (self, subject, len, 0, NULL, NULL);
}

guint
fz_regex_count (const FzRegex *self,
                const char    *subject,
                gsize          len)
{
  gsize from = 0;
  guint count = 0;
  gssize s, e;

  while (fz_regex_search (self, subject, len, from, &s, &e))
    {
      count++;
      /* An empty match must still make progress, by one whole character. */
      if (e == s)
        {
          if ((gsize) e >= len)
            break;
          from = g_utf8_next_char (subject + e) - subject;
        }
      else
        from = e;
    }

  return count;
}
