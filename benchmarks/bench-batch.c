/* bench-batch.c: a province's year of reports
 *
 * Prints:
 *   - the wall time and peak memory of `fazhi-check --format=json FOLDER`
 *     over 1,000 and 10,000 reports (goals: 1,000 in < 1 s, 10,000 in
 *     < 10 s on 2 cores, < 300 MB); copy detection across all of them is
 *     part of that run;
 *   - the time of copy detection alone (fz_copy_detect) for 1k, 2k, 5k and
 *     10k reports, which should grow close to linearly.
 *
 * The reports are generated at run time into a temporary folder from the
 * fixture reports: each takes a fixture, gives it a new unit name, shifts
 * every number, swaps some words for synonyms, shuffles the sentences of
 * its paragraphs, drops some paragraphs and borrows others from another
 * fixture.  So the batch holds what a real one holds: much shared wording,
 * some genuinely copied passages, no two reports alike.
 *
 * Peak memory is getrusage (RUSAGE_CHILDREN)'s ru_maxrss: the largest
 * child so far, so the runs go from small to large.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fz-file-util.h"
#include "libfazhi.h"

static const char * const places[] = {
  "青", "白", "红", "柳", "松", "石", "金", "银", "东", "西", "南", "北", "新", "安",
  "平", "和", "河", "山", "林", "桥", "湖", "塘", "坪", "岭", "沙", "田", "泉", "云",
};

static const char * const synonyms[][2] = {
  { "加强", "强化" }, { "推进", "推动" }, { "开展", "组织" }, { "全面", "深入" },
  { "健全", "完善" }, { "提升", "提高" }, { "落实", "执行" }, { "不足", "短板" },
  { "群众", "居民" }, { "全年", "年内" },
};

static char *
unit_name (GRand *rand)
{
  static const char * const kinds[] = { "镇", "乡", "街道", "县", "区" };

  return g_strconcat (places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))],
                      places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))],
                      kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))], NULL);
}

/* The unit a fixture names in its title: everything before 人民政府关于. */
static char *
fixture_unit (const char *text)
{
  const char *end = strstr (text, "人民政府关于");

  return end != NULL ? g_strndup (text, end - text) : NULL;
}

/* Every number changes, except four-digit ones: the years must stay. */
static void
shift_digits (GString *s,
              guint    shift)
{
  for (gsize i = 0; i < s->len;)
    {
      gsize j = i;

      if (!g_ascii_isdigit (s->str[i]))
        {
          i++;
          continue;
        }
      while (j < s->len && g_ascii_isdigit (s->str[j]))
        j++;
      if (j - i != 4)
        for (gsize k = i; k < j; k++)
          s->str[k] = '1' + (s->str[k] - '0' + shift) % 9;
      i = j;
    }
}

static void
replace_all (GString    *s,
             const char *from,
             const char *to)
{
  if (from != NULL && from[0] != '\0')
    g_string_replace (s, from, to, 0);
}

/* Shuffles the sentences of a body paragraph, keeping its first (which
 * often carries the （一） heading). */
static char *
shuffle_sentences (const char *para,
                   GRand      *rand)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  const char *p = para, *start = para;

  while ((p = strstr (p, "。")) != NULL)
    {
      p += strlen ("。");
      g_ptr_array_add (parts, g_strndup (start, p - start));
      start = p;
    }
  if (*start != '\0')
    g_ptr_array_add (parts, g_strdup (start));

  for (guint i = parts->len; i > 2; i--)
    {
      guint j = 1 + g_rand_int_range (rand, 0, i - 1);
      gpointer t = parts->pdata[i - 1];

      parts->pdata[i - 1] = parts->pdata[j];
      parts->pdata[j] = t;
    }
  for (guint i = 0; i < parts->len; i++)
    g_string_append (out, parts->pdata[i]);

  return g_string_free (out, FALSE);
}

static gboolean
is_body (const char *line)
{
  return g_utf8_strlen (line, -1) > 30 && strstr (line, "。") != NULL &&
         !g_str_has_prefix (line, "特此");
}

static char *
generate_report (GPtrArray *fixtures,
                 GRand     *rand)
{
  const char *base = g_ptr_array_index (fixtures, g_rand_int_range (rand, 0, fixtures->len));
  const char *other = g_ptr_array_index (fixtures, g_rand_int_range (rand, 0, fixtures->len));
  g_auto(GStrv) lines = g_strsplit (base, "\n", -1);
  g_auto(GStrv) other_lines = g_strsplit (other, "\n", -1);
  g_autofree char *old_unit = fixture_unit (base);
  g_autofree char *other_unit = fixture_unit (other);
  g_autofree char *unit = unit_name (rand);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (is_body (lines[i]))
        {
          g_autofree char *shuffled = NULL;

          /* Drop one paragraph in five; borrow one from another report
           * in three. */
          if (g_rand_int_range (rand, 0, 5) == 0)
            continue;
          shuffled = shuffle_sentences (lines[i], rand);
          g_string_append_printf (out, "%s\n", shuffled);
          if (g_rand_int_range (rand, 0, 3) == 0)
            {
              guint n = g_strv_length (other_lines);

              for (guint tries = 0; tries < 8; tries++)
                {
                  const char *line = other_lines[g_rand_int_range (rand, 0, n)];

                  if (is_body (line))
                    {
                      g_string_append_printf (out, "%s\n", line);
                      break;
                    }
                }
            }
        }
      else
        g_string_append_printf (out, "%s\n", lines[i]);
    }

  replace_all (out, old_unit, unit);
  replace_all (out, other_unit, unit);
  for (guint k = 0; k < G_N_ELEMENTS (synonyms); k++)
    if (g_rand_boolean (rand))
      replace_all (out, synonyms[k][0], synonyms[k][1]);
  shift_digits (out, g_rand_int_range (rand, 0, 9));

  return g_string_free (out, FALSE);
}

static void
load_fixtures (const char *dir,
               GPtrArray  *fixtures)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      char *text = NULL;

      if (g_str_has_suffix (name, ".txt") && g_file_get_contents (path, &text, NULL, NULL) &&
          strstr (text, "人民政府关于") != NULL)
        g_ptr_array_add (fixtures, text);
      else
        g_free (text);
    }
}

static char *
generate_folder (GPtrArray *fixtures,
                 guint      n,
                 guint      seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  char *dir = g_dir_make_tmp ("fazhi-bench-batch-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = generate_report (fixtures, rand);
      g_autofree char *name = g_strdup_printf ("%05u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!g_file_set_contents (path, text, -1, &error))
        g_error ("%s", error->message);
    }

  return dir;
}

static void
bench_cli (const char *fazhi_check,
           const char *dir,
           guint       n)
{
  const char *argv[] = { fazhi_check, "--format=json", dir, NULL };
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  gint64 start;
  GPid pid;
  int status;
  int out_fd;
  char buf[65536];
  gsize output = 0;
  gssize got;

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    g_error ("%s", error->message);
  while ((got = read (out_fd, buf, sizeof buf)) > 0)
    output += got;
  close (out_fd);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);

  getrusage (RUSAGE_CHILDREN, &usage);
  printf ("fazhi-check --format=json, %5u reports: %6.2f s wall, peak RSS %4ld MB, %zu MB of JSON, exit %d\n",
          n, (g_get_monotonic_time () - start) / 1e6, usage.ru_maxrss / 1024,
          output >> 20, WIFEXITED (status) ? WEXITSTATUS (status) : -1);
  fflush (stdout);
}

static void
bench_copy_detection (GPtrArray *fixtures)
{
  static const guint sizes[] = { 1000, 2000, 5000, 10000 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) prints = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_copy_fingerprint_free);
  gint64 fingerprint_us = 0;
  guint64 sentences = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GPtrArray) pairs = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start;
      double seconds;
      guint n_passages = 0;

      while (prints->len < sizes[s])
        {
          g_autofree char *text = generate_report (fixtures, rand);
          g_autoptr(FzDocument) doc = fz_document_new_from_text (text, -1, "generated.txt");
          FzCopyFingerprint *print;

          start = g_get_monotonic_time ();
          print = fz_copy_fingerprint_new (doc, FALSE);
          fingerprint_us += g_get_monotonic_time () - start;
          sentences += fz_copy_fingerprint_get_n_sentences (print);
          g_ptr_array_add (prints, print);
        }

      start = g_get_monotonic_time ();
      pairs = fz_copy_detect (prints, NULL, &error);
      seconds = (g_get_monotonic_time () - start) / 1e6;
      g_assert_no_error (error);
      for (guint i = 0; i < pairs->len; i++)
        n_passages += ((FzCopyPair *) g_ptr_array_index (pairs, i))->passages->len;

      printf ("copy detection, %5u reports (%7" G_GUINT64_FORMAT " sentences): %6.3f s "
              "(%5.3f s per 1,000 reports), %u pairs, %u passages\n",
              sizes[s], sentences, seconds, seconds * 1000.0 / sizes[s], pairs->len, n_passages);
      fflush (stdout);
    }

  printf ("fingerprinting (one thread): %.3f s for %u reports\n", fingerprint_us / 1e6, prints->len);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) fixtures = g_ptr_array_new_with_free_func (g_free);
  static const guint counts[] = { 1000, 10000 };

  if (argc < 4)
    {
      g_printerr ("usage: bench-batch BATCH-FIXTURES REPORT-FIXTURES FAZHI-CHECK\n");
      return 2;
    }

  fz_init ();
  load_fixtures (argv[1], fixtures);
  load_fixtures (argv[2], fixtures);
  if (fixtures->len == 0)
    {
      g_printerr ("bench-batch: no fixture report in %s or %s\n", argv[1], argv[2]);
      return 1;
    }
  printf ("generating reports from %u fixtures on %u cores\n", fixtures->len, g_get_num_processors ());

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *dir = generate_folder (fixtures, counts[i], 42 + i);

      bench_cli (argv[3], dir, counts[i]);
      fz_remove_tree (dir);
    }

  bench_copy_detection (fixtures);

  return 0;
}
