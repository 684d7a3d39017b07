/* fz-furniture.c: telling page furniture from the report
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-furniture"

#include "config.h"

#include <string.h>

#include "fz-furniture.h"
#include "fz-lists.h"
#include "fz-text-util.h"

typedef struct
{
  char *label;
  char *meta;                     /* nullable */
} Field;

typedef struct
{
  GPtrArray  *crumbs;             /* char * */
  GArray     *fields;             /* Field, longest label first */
  GHashTable *controls;           /* char * set */
  /* First characters of labels and controls: most lines start with
   * neither, and are passed over at once. */
  guint8      field_first[0x10000 / 8];
  guint8      control_first[0x10000 / 8];
} Furniture;

static void
mark_first (guint8     *bitmap,
            const char *word)
{
  gunichar c = g_utf8_get_char (word);

  if (c < 0x10000)
    bitmap[c / 8] |= 1 << (c % 8);
}

static gboolean
has_first (const guint8 *bitmap,
           gunichar      c)
{
  return c >= 0x10000 || (bitmap[c / 8] & (1 << (c % 8))) != 0;
}

static void
add_entry (const char *line,
           gpointer    user_data)
{
  Furniture *f = user_data;
  g_auto(GStrv) words = g_strsplit_set (line, " \t", -1);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (parts, words[i]);
  if (parts->len < 2)
    return;

  if (g_str_equal (g_ptr_array_index (parts, 0), "crumb"))
    g_ptr_array_add (f->crumbs, g_strdup (g_ptr_array_index (parts, 1)));
  else if (g_str_equal (g_ptr_array_index (parts, 0), "control"))
    {
      g_hash_table_add (f->controls, g_strdup (g_ptr_array_index (parts, 1)));
      mark_first (f->control_first, g_ptr_array_index (parts, 1));
    }
  else if (g_str_equal (g_ptr_array_index (parts, 0), "field"))
    {
      Field field = { g_strdup (g_ptr_array_index (parts, 1)),
                      parts->len > 2 ? g_strdup (g_ptr_array_index (parts, 2)) : NULL };

      g_array_append_val (f->fields, field);
      mark_first (f->field_first, field.label);
    }
}

static int
compare_fields (gconstpointer a,
                gconstpointer b)
{
  gsize la = strlen (((const Field *) a)->label), lb = strlen (((const Field *) b)->label);

  return la > lb ? -1 : la < lb;
}

static const Furniture *
furniture_get (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      Furniture *f = g_new0 (Furniture, 1);

      f->crumbs = g_ptr_array_new_with_free_func (g_free);
      f->fields = g_array_new (FALSE, FALSE, sizeof (Field));
      f->controls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      fz_lists_load ("page-furniture.txt", add_entry, f);
      g_array_sort (f->fields, compare_fields);
      g_once_init_leave (&once, (gsize) f);
    }

  return (const Furniture *) once;
}

static gboolean
is_blank (gunichar c)
{
  return c == ' ' || c == '\t' || fz_unichar_is_space (c);
}

static const char *
skip_blanks (const char *p)
{
  while (*p && is_blank (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

static gboolean
is_sentence_punct (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B;
}

static gboolean
is_crumb_separator (gunichar c)
{
  return c == '>' || c == 0xFF1E || c == 0x00BB || c == 0x203A || c == 0x2192;
}

static gboolean
is_crumb (const Furniture *f,
          const char      *text)
{
  const char *p = skip_blanks (text);
  guint separators = 0, chars = 0;

  for (guint i = 0; i < f->crumbs->len; i++)
    if (g_str_has_prefix (p, g_ptr_array_index (f->crumbs, i)))
      return TRUE;

  for (const char *q = p; *q; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);

      if (is_sentence_punct (c))
        return FALSE;
      /* A slash separates only between gaps ("首页 / 政务公开"): "2024/12"
       * and "12345/…" are no breadcrumb. */
      if ((c == '/' || c == 0xFF0F) && q > p && is_blank (g_utf8_get_char (g_utf8_prev_char (q))) &&
          is_blank (g_utf8_get_char (g_utf8_next_char (q))))
        separators++;
      separators += is_crumb_separator (c);
      chars++;
    }

  return chars <= 120 &&
         (separators >= 2 || (separators >= 1 && g_str_has_prefix (p, "首页")));
}

/* The field label at @p followed by a colon (or, @loose, by blanks), and
 * where its value starts. */
static const Field *
field_at (const Furniture *f,
          const char      *p,
          gboolean         loose,
          const char     **value)
{
  if (!has_first (f->field_first, g_utf8_get_char (p)))
    return NULL;

  for (guint i = 0; i < f->fields->len; i++)
    {
      const Field *field = &g_array_index (f->fields, Field, i);
      gsize n = strlen (field->label);
      const char *q;

      if (strncmp (p, field->label, n) != 0)
        continue;
      q = skip_blanks (p + n);
      if (*q == ':' )
        q++;
      else if (g_str_has_prefix (q, "："))
        q += strlen ("：");
      else if (!loose || q == p + n)
        continue;
      *value = q;
      return field;
    }

  return NULL;
}

typedef struct
{
  const Field *field;
  const char  *value;
  const char  *value_end;
} Pair;

/* Splits a line of "label：value" pairs; FALSE when it is not one. */
static gboolean
parse_fields (const Furniture *f,
              const char      *text,
              GArray          *pairs)
{
  const char *p = skip_blanks (text);
  gboolean loose = FALSE;

  /* A table row may drop the colons ("索引号 1150…  发布机构 …"), but then
   * it must hold two labels to count. */
  for (int pass = 0; pass < 2; pass++)
    {
      g_array_set_size (pairs, 0);
      p = skip_blanks (text);
      loose = pass == 1;

      while (*p)
        {
          Pair pair = { 0 };
          const char *q, *ignored_value;

          if (*p == '[' || g_str_has_prefix (p, "【"))
            p = skip_blanks (*p == '[' ? p + 1 : p + strlen ("【"));
          pair.field = field_at (f, p, loose, &pair.value);
          if (pair.field == NULL)
            break;

          /* The value runs to the next label that follows a blank, or,
           * since cleaning takes out the gap between Chinese and digits
           * ("2025-01-03阅读次数：88", "作者：来源："), to one with its colon
           * that follows anything but a Han character. */
          q = pair.value;
          pair.value_end = NULL;
          if (field_at (f, q, FALSE, &ignored_value) != NULL)
            {
              /* An empty value: the next label follows at once. */
              pair.value_end = q;
              g_array_append_val (pairs, pair);
              p = q;
              continue;
            }
          while (*q)
            {
              gunichar c = g_utf8_get_char (q);
              const char *next = g_utf8_next_char (q);
              const char *ignored;

              if (*next && !is_blank (c) && !fz_unichar_is_han (c) &&
                  field_at (f, next, FALSE, &ignored) != NULL)
                {
                  pair.value_end = next;
                  q = next;
                  break;
                }
              if (is_blank (c) || c == 0x3011 || c == ']' || c == '|')
                {
                  const char *r = skip_blanks (next);

                  if (*r == '[' || g_str_has_prefix (r, "【") || *r == '|')
                    r = skip_blanks (*r == '[' || *r == '|' ? r + 1 : r + strlen ("【"));
                  if (*r && field_at (f, r, loose, &ignored) != NULL)
                    {
                      pair.value_end = q;
                      q = r;
                      break;
                    }
                }
              q = next;
            }
          if (pair.value_end == NULL)
            pair.value_end = q;
          g_array_append_val (pairs, pair);
          p = q;
        }

      if (*p == '\0' && pairs->len > 0 && (!loose || pairs->len >= 2))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_control_separator (gunichar c)
{
  return is_blank (c) || c == 0x3010 || c == 0x3011 || c == '[' || c == ']' ||
         c == '(' || c == ')' || c == 0xFF08 || c == 0xFF09 || c == '|' || c == 0xFF5C ||
         c == 0x4E28 || c == '/' || c == 0x00B7 || c == 0x2022 || c == ':' || c == 0xFF1A ||
         c == 0x300C || c == 0x300D || c == 0x3016 || c == 0x3017 || c == '<' || c == '>';
}

static gboolean
is_controls (const Furniture *f,
             const char      *text)
{
  char token[64];
  gsize len = 0;
  guint n = 0;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c == 0 || is_control_separator (c))
        {
          if (len > 0)
            {
              token[len] = '\0';
              if (!g_hash_table_contains (f->controls, token))
                return FALSE;
              n++;
              len = 0;
            }
          if (c == 0)
            break;
          continue;
        }

      /* A token starts with a control's first character, and is short. */
      if (len == 0 && !has_first (f->control_first, c))
        return FALSE;
      if (len + 6 >= sizeof token)
        return FALSE;
      len += g_unichar_to_utf8 (c, token + len);
    }

  return n > 0;
}

gboolean
fz_furniture_is_controls (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return is_controls (furniture_get (), text);
}

FzFurnitureKind
fz_furniture_classify (const char *text)
{
  const Furniture *f = furniture_get ();
  g_autoptr(GArray) pairs = NULL;

  g_return_val_if_fail (text != NULL, FZ_FURNITURE_NONE);

  if (*skip_blanks (text) == '\0')
    return FZ_FURNITURE_NONE;
  if (is_controls (f, text))
    return FZ_FURNITURE_CONTROLS;
  if (is_crumb (f, text))
    return FZ_FURNITURE_CRUMB;

  pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  if (parse_fields (f, text, pairs))
    return FZ_FURNITURE_FIELDS;

  return FZ_FURNITURE_NONE;
}

void
fz_furniture_fields (const char           *text,
                     FzFurnitureFieldFunc  func,
                     gpointer              user_data)
{
  const Furniture *f = furniture_get ();
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));

  g_return_if_fail (text != NULL);

  if (!parse_fields (f, text, pairs))
    return;

  for (guint i = 0; i < pairs->len; i++)
    {
      const Pair *pair = &g_array_index (pairs, Pair, i);
      const char *s = skip_blanks (pair->value), *e = pair->value_end;

      if (pair->field->meta == NULL)
        continue;
      while (e > s && is_blank (g_utf8_get_char (g_utf8_find_prev_char (s, e))))
        e = g_utf8_find_prev_char (s, e);
      func (pair->field->meta, s - text, MAX (e, s) - text, user_data);
    }
}
