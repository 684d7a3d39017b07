/* fz-annotation.c: a reviewer's note on a passage of the report
 *
 * An annotation must survive the report being imported again, converted
 * (a .txt sent back as .docx) or lightly edited, so it is anchored by what
 * it quotes and the text on either side, like a W3C TextQuoteSelector; the
 * character offset is only a hint that picks between repeated quotes.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-annotation"

#include "config.h"

#include <string.h>

#include "fz-annotation-private.h"

struct _FzAnnotation
{
  GObject               parent_instance;

  guint                 start;
  guint                 end;
  char                 *quote;
  char                 *prefix;
  char                 *suffix;
  FzAnnotationCategory  category;
  char                 *note;
  GDateTime            *created;
  GDateTime            *modified;
  guint                 attached : 1;
};

G_DEFINE_FINAL_TYPE (FzAnnotation, fz_annotation, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (FzAnnotationCategory, fz_annotation_category,
  G_DEFINE_ENUM_VALUE (FZ_ANNOTATION_PROBLEM, "problem"),
  G_DEFINE_ENUM_VALUE (FZ_ANNOTATION_SUGGESTION, "suggestion"),
  G_DEFINE_ENUM_VALUE (FZ_ANNOTATION_DOUBT, "doubt"))

enum {
  PROP_0,
  PROP_START,
  PROP_END,
  PROP_QUOTE,
  PROP_PREFIX,
  PROP_SUFFIX,
  PROP_CATEGORY,
  PROP_NOTE,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_ATTACHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
fz_annotation_category_to_string (FzAnnotationCategory category)
{
  switch (category)
    {
    case FZ_ANNOTATION_PROBLEM:    return "problem";
    case FZ_ANNOTATION_SUGGESTION: return "suggestion";
    case FZ_ANNOTATION_DOUBT:      return "doubt";
    default:                       return "problem";
    }
}

gboolean
fz_annotation_category_from_string (const char           *str,
                                    FzAnnotationCategory *category)
{
  static const FzAnnotationCategory all[] = {
    FZ_ANNOTATION_PROBLEM, FZ_ANNOTATION_SUGGESTION, FZ_ANNOTATION_DOUBT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (g_strcmp0 (str, fz_annotation_category_to_string (all[i])) == 0)
      {
        *category = all[i];
        return TRUE;
      }

  return FALSE;
}

const char *
fz_annotation_category_to_chinese (FzAnnotationCategory category)
{
  switch (category)
    {
    case FZ_ANNOTATION_PROBLEM:    return "问题";
    case FZ_ANNOTATION_SUGGESTION: return "建议";
    case FZ_ANNOTATION_DOUBT:      return "存疑";
    default:                       return "问题";
    }
}

static void
fz_annotation_finalize (GObject *object)
{
  FzAnnotation *self = (FzAnnotation *)object;

  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->suffix, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);

  G_OBJECT_CLASS (fz_annotation_parent_class)->finalize (object);
}

static void
fz_annotation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FzAnnotation *self = FZ_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_END:
      g_value_set_uint (value, self->end);
      break;

    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;

    case PROP_PREFIX:
      g_value_set_string (value, self->prefix);
      break;

    case PROP_SUFFIX:
      g_value_set_string (value, self->suffix);
      break;

    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;

    case PROP_ATTACHED:
      g_value_set_boolean (value, self->attached);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_annotation_class_init (FzAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fz_annotation_finalize;
  object_class->get_property = fz_annotation_get_property;

  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_QUOTE] =
    g_param_spec_string ("quote", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PREFIX] =
    g_param_spec_string ("prefix", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUFFIX] =
    g_param_spec_string ("suffix", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL,
                       FZ_TYPE_ANNOTATION_CATEGORY, FZ_ANNOTATION_PROBLEM,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ATTACHED] =
    g_param_spec_boolean ("attached", NULL, NULL, TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_annotation_init (FzAnnotation *self)
{
  self->attached = TRUE;
}

FzAnnotation *
_fz_annotation_new (guint                 start,
                    guint                 end,
                    const char           *quote,
                    const char           *prefix,
                    const char           *suffix,
                    FzAnnotationCategory  category,
                    const char           *note,
                    GDateTime            *created,
                    GDateTime            *modified)
{
  FzAnnotation *self = g_object_new (FZ_TYPE_ANNOTATION, NULL);

  self->start = start;
  self->end = MAX (start, end);
  self->quote = g_strdup (quote ? quote : "");
  self->prefix = g_strdup (prefix ? prefix : "");
  self->suffix = g_strdup (suffix ? suffix : "");
  self->category = category;
  self->note = g_strdup (note ? note : "");
  self->created = created ? g_date_time_ref (created) : g_date_time_new_now_utc ();
  self->modified = modified ? g_date_time_ref (modified) : g_date_time_ref (self->created);

  return self;
}

void
_fz_annotation_set_category (FzAnnotation         *self,
                             FzAnnotationCategory  category)
{
  if (self->category == category)
    return;
  self->category = category;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

void
_fz_annotation_set_note (FzAnnotation *self,
                         const char   *note)
{
  if (g_strcmp0 (self->note, note ? note : "") == 0)
    return;
  g_free (self->note);
  self->note = g_strdup (note ? note : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

void
_fz_annotation_touch (FzAnnotation *self,
                      GDateTime    *modified)
{
  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = g_date_time_ref (modified);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Anchoring.
 *
 * Both texts are compared in a folded form where conversions do not show:
 * white space is dropped (a .docx has no hard line breaks, PDF text has
 * stray spaces), full-width ASCII is folded to half-width and curly quotes
 * to straight ones.  @map takes a folded index back to the original
 * character offset.
 */
typedef struct
{
  gunichar *chars;
  guint    *map;
  guint     len;
} Folded;

static gunichar
fold_char (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E)
    c -= 0xFEE0;
  else if (c == 0x201C || c == 0x201D)
    c = '"';
  else if (c == 0x2018 || c == 0x2019)
    c = '\'';
  return g_unichar_tolower (c);
}

static gboolean
skip_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0xFEFF || c == 0x200B;
}

static void
folded_init (Folded     *f,
             const char *text)
{
  glong n = 0;
  g_autofree gunichar *ucs = g_utf8_to_ucs4_fast (text ? text : "", -1, &n);

  f->chars = g_new (gunichar, n + 1);
  f->map = g_new (guint, n + 1);
  f->len = 0;
  for (glong i = 0; i < n; i++)
    {
      if (skip_char (ucs[i]))
        continue;
      f->chars[f->len] = fold_char (ucs[i]);
      f->map[f->len] = (guint) i;
      f->len++;
    }
  /* One past the end maps to the original length. */
  f->map[f->len] = (guint) n;
}

static void
folded_clear (Folded *f)
{
  g_clear_pointer (&f->chars, g_free);
  g_clear_pointer (&f->map, g_free);
}

/* How many characters of @prefix end right before @pos, and of @suffix
 * start right at @end, in @text. */
static guint
context_score (const Folded *text,
               guint         pos,
               guint         end,
               const Folded *prefix,
               const Folded *suffix)
{
  guint score = 0;

  for (guint k = 0; k < prefix->len && k < pos; k++)
    {
      if (text->chars[pos - 1 - k] != prefix->chars[prefix->len - 1 - k])
        break;
      score++;
    }
  for (guint k = 0; k < suffix->len && end + k < text->len; k++)
    {
      if (text->chars[end + k] != suffix->chars[k])
        break;
      score++;
    }

  return score;
}

static gboolean
matches_at (const Folded *text,
            guint         pos,
            const Folded *needle)
{
  if (pos + needle->len > text->len)
    return FALSE;
  return memcmp (text->chars + pos, needle->chars, needle->len * sizeof (gunichar)) == 0;
}

static guint
distance (guint a,
          guint b)
{
  return a > b ? a - b : b - a;
}

/* Levenshtein distance, with the shorter string in the inner loop. */
static guint
edit_distance (const gunichar *a,
               guint           alen,
               const gunichar *b,
               guint           blen)
{
  g_autofree guint *row = g_new (guint, blen + 1);

  for (guint j = 0; j <= blen; j++)
    row[j] = j;
  for (guint i = 1; i <= alen; i++)
    {
      guint diag = row[0];

      row[0] = i;
      for (guint j = 1; j <= blen; j++)
        {
          guint up = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + cost);
          diag = up;
        }
    }

  return row[blen];
}

/* The quote itself is gone (it was edited); look for a span between the
 * end of the old prefix and the start of the old suffix that still reads
 * much like the quote. */
static gboolean
find_between_context (const Folded *text,
                      const Folded *quote,
                      const Folded *prefix,
                      const Folded *suffix,
                      guint         hint,
                      guint        *out_start,
                      guint        *out_end)
{
  guint plen = MIN (prefix->len, 12);
  guint slen = MIN (suffix->len, 12);
  guint max_span = quote->len * 2 + 16;
  double best_sim = 0.0;
  guint best_dist = G_MAXUINT;
  gboolean found = FALSE;
  Folded ptail = { prefix->chars + prefix->len - plen, NULL, plen };
  Folded shead = { suffix->chars, NULL, slen };

  /* Too little context to tell a real match from chance. */
  if (plen + slen < 8 || quote->len == 0 || quote->len > 2000)
    return FALSE;

  for (guint p = 0; p + plen <= text->len; p++)
    {
      guint qs;

      if (plen > 0 && !matches_at (text, p, &ptail))
        continue;
      qs = plen > 0 ? p + plen : 0;

      for (guint qe = qs; qe <= text->len && qe - qs <= max_span; qe++)
        {
          guint d;
          double sim;

          if (slen > 0 ? !matches_at (text, qe, &shead) : qe != text->len)
            continue;

          d = edit_distance (text->chars + qs, qe - qs, quote->chars, quote->len);
          sim = 1.0 - (double) d / MAX (qe - qs, quote->len);
          if (sim >= 0.6 &&
              (sim > best_sim || (sim == best_sim && distance (qs, hint) < best_dist)))
            {
              best_sim = sim;
              best_dist = distance (qs, hint);
              *out_start = qs;
              *out_end = qe;
              found = TRUE;
            }
          break;
        }

      if (plen == 0)
        break;
    }

  return found;
}

gboolean
_fz_annotation_attach (FzAnnotation *self,
                       FzDocument   *doc)
{
  Folded text, quote, prefix, suffix;
  guint hint_folded = 0;
  guint best_score = 0, best_dist = G_MAXUINT;
  guint fs = 0, fe = 0;
  gboolean found = FALSE;

  g_return_val_if_fail (FZ_IS_ANNOTATION (self), FALSE);
  g_return_val_if_fail (FZ_IS_DOCUMENT (doc), FALSE);

  folded_init (&text, fz_document_get_text (doc));
  folded_init (&quote, self->quote);
  folded_init (&prefix, self->prefix);
  folded_init (&suffix, self->suffix);

  /* The hint in folded coordinates: the first folded character at or after
   * the old offset (the text before it is usually the same). */
  while (hint_folded < text.len && text.map[hint_folded] < self->start)
    hint_folded++;

  if (quote.len > 0)
    {
      for (guint p = 0; p + quote.len <= text.len; p++)
        {
          guint score, dist;

          if (text.chars[p] != quote.chars[0] || !matches_at (&text, p, &quote))
            continue;

          score = context_score (&text, p, p + quote.len, &prefix, &suffix);
          dist = distance (p, hint_folded);
          if (!found || score > best_score || (score == best_score && dist < best_dist))
            {
              found = TRUE;
              best_score = score;
              best_dist = dist;
              fs = p;
              fe = p + quote.len;
            }
        }

      if (!found)
        found = find_between_context (&text, &quote, &prefix, &suffix, hint_folded, &fs, &fe);
    }

  if (found)
    {
      guint start = text.map[fs];
      guint end = fe > fs ? text.map[fe - 1] + 1 : start;
      guint len = fz_document_get_length (doc);
      g_autofree char *new_quote = fz_document_dup_range (doc, start, end);

      if (start != self->start)
        {
          self->start = start;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
        }
      if (end != self->end)
        {
          self->end = end;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
        }
      /* From now on the anchor is the passage as this document has it. */
      if (g_strcmp0 (new_quote, self->quote) != 0)
        {
          g_free (self->quote);
          self->quote = g_steal_pointer (&new_quote);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE]);
        }
      g_free (self->prefix);
      self->prefix = fz_document_dup_range (doc, start > FZ_ANNOTATION_CONTEXT ? start - FZ_ANNOTATION_CONTEXT : 0, start);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREFIX]);
      g_free (self->suffix);
      self->suffix = fz_document_dup_range (doc, end, MIN (len, end + FZ_ANNOTATION_CONTEXT));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUFFIX]);
    }

  if (self->attached != found)
    {
      self->attached = found;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTACHED]);
    }

  folded_clear (&text);
  folded_clear (&quote);
  folded_clear (&prefix);
  folded_clear (&suffix);

  return found;
}

guint
fz_annotation_get_start (FzAnnotation *self)
{
  g_return_val_if_fail (FZ_IS_ANNOTATION (self), 0);
  return self->start;
}

guint
fz_annotation_get_end (FzAnnotation *self)
{
  g_return_val_if_fail (FZ_IS_ANNOTATION (self), 0);
  return self->end;
}

const char *
fz_annotation_get_quote (FzAnnotation *self)
{
  g_return_val_if_fail (FZ_IS_ANNOTATION (self), NULL);
  return self->quote;
}

const char *
fz_annotation_get_prefix (FzAnnotation *self)
{
  g_return_val_if_fail (FZ_IS_ANNOTATION (self), NULL);
  return self->prefix;
}

const char *
fz_annotation_get_suffix (FzAnnotation *self)
{
  g_return_val_if_fail (FZ_IS_ANNOTATION (self), NULL);
  return self->suffix;
}

FzAnnotationCategory
fz_annotation_get_category (FzAnnotation *self)
{
  g_return_val_if_fail (FZ_IS_ANNOTATION (self), FZ_ANNOTATION_PROBLEM);
  return self->category;
}

const char *
fz_annotation_get_note (FzAnnotation *self)
{
  g_return_val_if_fail (FZ_IS_ANNOTATION (self), NULL);
  return self->note;
}

GDateTime *
fz_annotation_get_created (FzAnnotation *self)
{
  g_return_val_if_fail (FZ_IS_ANNOTATION (self), NULL);
  return self->created;
}

GDateTime *
fz_annotation_get_modified (FzAnnotation *self)
{
  g_return_val_if_fail (FZ_IS_ANNOTATION (self), NULL);
  return self->modified;
}

gboolean
fz_annotation_get_attached (FzAnnotation *self)
{
  g_return_val_if_fail (FZ_IS_ANNOTATION (self), FALSE);
  return self->attached;
}
