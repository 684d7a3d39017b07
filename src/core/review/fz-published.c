/* fz-published.c: the report as a unit published it on the web
 *
 * The 督察工作规定 (第二十四条) asks for the report to be made public, and
 * what is published must be what was filed.  The reviewer saves the
 * published page from the browser; this reads it with the web-page
 * importer, takes the date it gives and the address it came from, and
 * compares its text with the report reviewed.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-published"

#include "config.h"

#include <string.h>

#include "fz-checks.h"
#include "fz-error.h"
#include "fz-i18n.h"
#include "fz-import.h"
#include "fz-published-difference-private.h"
#include "fz-published.h"

/* Browsers write where a page came from near its start. */
#define URL_SCAN_BYTES (64 * 1024)
#define MAX_URL_BYTES  2048
/* Characters of a paragraph quoted in a finding's message. */
#define QUOTE_CHARS    60

struct _FzPublishedPage
{
  GObject     parent_instance;

  GFile      *file;
  FzDocument *document;
  char       *url;
  FzComparison *comparison;       /* nullable */
  GPtrArray  *findings;           /* FzFinding, published_differs */
  GListStore *differences;        /* FzPublishedDifference, one per finding */
};

G_DEFINE_FINAL_TYPE (FzPublishedPage, fz_published_page, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_DOCUMENT,
  PROP_DATE,
  PROP_URL,
  PROP_COMPARISON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fz_published_page_finalize (GObject *object)
{
  FzPublishedPage *self = (FzPublishedPage *) object;

  g_clear_object (&self->file);
  g_clear_object (&self->document);
  g_free (self->url);
  g_clear_object (&self->comparison);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->differences);

  G_OBJECT_CLASS (fz_published_page_parent_class)->finalize (object);
}

static void
fz_published_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FzPublishedPage *self = FZ_PUBLISHED_PAGE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_DATE:
      g_value_set_string (value, fz_published_page_get_date (self));
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_published_page_class_init (FzPublishedPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fz_published_page_finalize;
  object_class->get_property = fz_published_page_get_property;

  /* Read-only: a page is read once, whole. */
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, FZ_TYPE_DOCUMENT, ro);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, ro);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, ro);
  properties[PROP_COMPARISON] = g_param_spec_object ("comparison", NULL, NULL, FZ_TYPE_COMPARISON, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_published_page_init (FzPublishedPage *self)
{
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_finding_free);
  self->differences = g_list_store_new (FZ_TYPE_PUBLISHED_DIFFERENCE);
}

/* The URL starting at @p, up to white space, a quote or a bracket. */
static char *
take_url (const char *p,
          const char *end)
{
  const char *q = p;

  while (q < end && q - p < MAX_URL_BYTES && *q > ' ' && *q < 0x7F &&
         *q != '"' && *q != '\'' && *q != '<' && *q != '>')
    q++;

  if (!(g_str_has_prefix (p, "http://") || g_str_has_prefix (p, "https://")) || q - p < 10)
    return NULL;
  return g_strndup (p, q - p);
}

static const char *
find_ascii (const char *haystack,
            gsize       len,
            const char *needle,
            gboolean    caseless)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (caseless ? g_ascii_strncasecmp (haystack + i, needle, n) == 0
                 : memcmp (haystack + i, needle, n) == 0)
      return haystack + i;

  return NULL;
}

/* Where the page was saved from: an archive's Content-Location, the
 * "saved from url" comment browsers write, or the page's own canonical
 * address.  The bytes may be GBK: only ASCII is looked at. */
static char *
find_url (const char *data,
          gsize       len)
{
  static const struct
  {
    const char *marker;
    const char *value;            /* what precedes the URL after the marker, or NULL */
  } markers[] = {
    { "Snapshot-Content-Location:", NULL },
    { "Content-Location:", NULL },
    { "saved from url=(", ")" },
    { "rel=\"canonical\"", "href=\"" },
    { "property=\"og:url\"", "content=\"" },
  };
  gsize n = MIN (len, URL_SCAN_BYTES);
  const char *end = data + n;

  for (guint m = 0; m < G_N_ELEMENTS (markers); m++)
    {
      const char *at = find_ascii (data, n, markers[m].marker, TRUE);
      char *url;

      if (at == NULL)
        continue;
      at += strlen (markers[m].marker);
      if (markers[m].value != NULL)
        {
          /* Within the same tag or comment. */
          const char *v = find_ascii (at, MIN ((gsize) (end - at), 256), markers[m].value, TRUE);

          if (v == NULL)
            continue;
          at = v + strlen (markers[m].value);
        }
      while (at < end && (*at == ' ' || *at == '\t'))
        at++;
      if ((url = take_url (at, end)) != NULL)
        return url;
    }

  return NULL;
}

FzPublishedPage *
fz_published_page_load (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(FzPublishedPage) self = NULL;
  g_autoptr(FzDocument) document = NULL;
  g_autofree char *contents = NULL;
  const char *format;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  document = fz_import_file (file, cancellable, error);
  if (document == NULL)
    return NULL;

  format = fz_document_get_format (document);
  if (g_strcmp0 (format, "html") != 0 && g_strcmp0 (format, "mhtml") != 0)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_UNSUPPORTED,
                   _("“%s” is not a saved web page. Save the published report from the browser as a web page (.html or .mht)."),
                   name);
      return NULL;
    }

  self = g_object_new (FZ_TYPE_PUBLISHED_PAGE, NULL);
  self->file = g_object_ref (file);
  self->document = g_steal_pointer (&document);
  /* The importer has read the file under its size bound already. */
  if (g_file_load_contents (file, cancellable, &contents, &len, NULL, NULL))
    self->url = find_url (contents, len);

  return g_steal_pointer (&self);
}

typedef struct
{
  GFile      *file;
  FzAnalysis *reviewed;           /* nullable */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->reviewed);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  FzPublishedPage *page = fz_published_page_load (data->file, cancellable, &error);

  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The page is no one else's yet: comparing here is safe. */
  if (data->reviewed != NULL)
    fz_published_page_compare (page, data->reviewed);
  g_task_return_pointer (task, page, g_object_unref);
}

void
fz_published_page_load_async (GFile               *file,
                              FzAnalysis          *reviewed,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (reviewed == NULL || FZ_IS_ANALYSIS (reviewed));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->reviewed = reviewed != NULL ? g_object_ref (reviewed) : NULL;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fz_published_page_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

FzPublishedPage *
fz_published_page_load_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
fz_published_page_get_file (FzPublishedPage *self)
{
  g_return_val_if_fail (FZ_IS_PUBLISHED_PAGE (self), NULL);
  return self->file;
}

FzDocument *
fz_published_page_get_document (FzPublishedPage *self)
{
  g_return_val_if_fail (FZ_IS_PUBLISHED_PAGE (self), NULL);
  return self->document;
}

const char *
fz_published_page_get_date (FzPublishedPage *self)
{
  const char *date;

  g_return_val_if_fail (FZ_IS_PUBLISHED_PAGE (self), NULL);

  /* The importer reads "发布时间：2025-13-40" as it stands; only a real day
   * is a date of publication. */
  date = fz_document_get_page_date (self->document);
  return fz_filing_is_iso_date (date) ? date : NULL;
}

const char *
fz_published_page_get_url (FzPublishedPage *self)
{
  g_return_val_if_fail (FZ_IS_PUBLISHED_PAGE (self), NULL);
  return self->url;
}

gboolean
fz_published_page_fill_filing (FzPublishedPage *self,
                               FzFiling        *filing)
{
  gboolean filled = FALSE;
  const char *date;

  g_return_val_if_fail (FZ_IS_PUBLISHED_PAGE (self), FALSE);
  g_return_val_if_fail (FZ_IS_FILING (filing), FALSE);

  date = fz_published_page_get_date (self);
  if (date != NULL && fz_filing_get_published (filing) == NULL)
    filled |= fz_filing_set_published (filing, date, NULL);
  if (self->url != NULL && fz_filing_get_published_url (filing) == NULL)
    {
      fz_filing_set_published_url (filing, self->url);
      filled = TRUE;
    }

  return filled;
}

/* Comparing */

/* Whether a paragraph is the report's body: the front matter and the
 * closing are what sites drop or restyle, and are no change of the
 * report. */
static gboolean
is_body (FzDocument *doc,
         int         index)
{
  const FzParagraph *p;

  if (index < 0 || (guint) index >= fz_document_get_n_paragraphs (doc))
    return FALSE;
  p = fz_document_get_paragraph (doc, index);
  return p->kind == FZ_PARAGRAPH_BODY || p->kind == FZ_PARAGRAPH_HEADING;
}

/* “The first sixty characters…” of a paragraph. */
static char *
quote (FzDocument *doc,
       guint       start,
       guint       end)
{
  g_autofree char *text = fz_document_dup_range (doc, start, MIN (end, start + QUOTE_CHARS));

  if (end - start > QUOTE_CHARS)
    return g_strconcat (text, "…", NULL);
  return g_steal_pointer (&text);
}

/* The stretch from the first to the last change inside a paragraph, or
 * the whole paragraph when the comparison gives none. */
static void
changed_span (GArray *spans,
              guint   start,
              guint   end,
              guint  *span_start,
              guint  *span_end)
{
  *span_start = start;
  *span_end = end;
  if (spans != NULL && spans->len > 0)
    {
      *span_start = g_array_index (spans, FzRange, 0).start;
      *span_end = g_array_index (spans, FzRange, spans->len - 1).end;
    }
}

static gboolean
ends_clause (gunichar c)
{
  return c == 0xFF0C /* ， */ || c == 0x3002 /* 。 */ || c == 0xFF1B /* ； */ ||
         c == 0xFF1A /* ： */ || c == 0x3001 /* 、 */ || c == 0xFF01 || c == 0xFF1F || c == '\n';
}

/* Widens [@start, @end) inside the paragraph [@para_start, @para_end) to
 * whole clauses: a change of "46宗" to "64宗" reads best as the clause
 * "办理行政处罚案件46宗", not as the digits that differ. */
static void
widen_to_clauses (FzDocument *doc,
                  guint       para_start,
                  guint       para_end,
                  guint      *start,
                  guint      *end)
{
  g_autofree char *text = fz_document_dup_range (doc, para_start, para_end);
  g_autofree gunichar *chars = NULL;
  glong n = 0;
  guint s, e;

  chars = g_utf8_to_ucs4_fast (text, -1, &n);
  if (*start < para_start || *end > para_end || *start > *end)
    return;
  s = *start - para_start;
  e = *end - para_start;
  while (s > 0 && !ends_clause (chars[s - 1]))
    s--;
  while (e < (guint) n && !ends_clause (chars[e]))
    e++;
  *start = para_start + s;
  *end = para_start + e;
}

static char *
section_name (FzComparison        *comparison,
              const FzSectionPair *pair)
{
  GPtrArray *sections = fz_comparison_get_a_sections (comparison);
  const FzSection *section;

  if (pair->a_section >= 0 && (guint) pair->a_section < sections->len)
    section = g_ptr_array_index (sections, pair->a_section);
  else if (pair->b_section >= 0 && (guint) pair->b_section < fz_comparison_get_b_sections (comparison)->len)
    section = g_ptr_array_index (fz_comparison_get_b_sections (comparison), pair->b_section);
  else
    return g_strdup (_("the opening"));

  return g_strconcat (section->label ? section->label : "", section->heading ? section->heading : "", NULL);
}

static void
add_difference (FzPublishedPage         *self,
                guint                    section_index,
                const FzSectionPair     *pair,
                const FzParagraphChange *change,
                GPtrArray               *differences)
{
  FzDocument *reviewed = fz_comparison_get_a (self->comparison);
  FzDocument *published = fz_comparison_get_b (self->comparison);
  g_autofree char *where = section_name (self->comparison, pair);
  g_autofree char *message = NULL;
  g_autofree char *full = NULL;
  g_autofree char *text = NULL;
  g_autofree char *reviewed_words = NULL;
  g_autofree char *published_words = NULL;
  const char *source = fz_checks_get_source ("published_differs");
  guint start = change->a_start, end = change->a_end;
  FzFinding *finding;

  switch (change->change)
    {
    case FZ_CHANGE_CHANGED:
      {
        g_autofree char *instead = NULL;
        g_autofree char *was = NULL;
        guint b_start, b_end;

        /* What changed, on both sides: the finding marks the reviewed
         * words, the message gives the published ones. */
        changed_span (change->a_spans, change->a_start, change->a_end, &start, &end);
        changed_span (change->b_spans, change->b_start, change->b_end, &b_start, &b_end);
        widen_to_clauses (reviewed, change->a_start, change->a_end, &start, &end);
        widen_to_clauses (published, change->b_start, change->b_end, &b_start, &b_end);
        was = quote (reviewed, start, end);
        instead = quote (published, b_start, b_end);
        if (end > start)
          reviewed_words = g_strdup (was);
        if (b_end > b_start)
          published_words = g_strdup (instead);
        if (end > start && b_end > b_start)
          /* TRANSLATORS: %s a section ("（二）规范行政执法行为"), the published words, the reviewed ones */
          message = g_strdup_printf (_("In “%s” the published page reads “%s” where the reviewed report has “%s”"),
                                     where, instead, was);
        else if (b_end > b_start)
          message = g_strdup_printf (_("In “%s” the published page adds “%s”"), where, instead);
        else
          message = g_strdup_printf (_("In “%s” the published page leaves out “%s”"), where, was);
      }
      break;

    case FZ_CHANGE_REMOVED:
      message = g_strdup_printf (_("In “%s” the published page leaves this paragraph out"), where);
      reviewed_words = quote (reviewed, start, end);
      break;

    case FZ_CHANGE_ADDED:
      {
        g_autofree char *added = quote (published, change->b_start, change->b_end);

        message = g_strdup_printf (_("In “%s” the published page has a paragraph the reviewed report does not: “%s”"),
                                   where, added);
        published_words = g_steal_pointer (&added);
      }
      break;

    case FZ_CHANGE_SAME:
    default:
      return;
    }

  if (source != NULL)
    /* TRANSLATORS: a finding's explanation and the rule it rests on */
    full = g_strdup_printf (_("%s (source: %s)"), message, source);
  text = fz_document_dup_range (reviewed, start, end);
  finding = fz_finding_new ("published_differs", FZ_SEVERITY_WARNING, start, end,
                            text, full != NULL ? full : message);
  g_ptr_array_add (self->findings, finding);
  g_ptr_array_add (differences,
                   _fz_published_difference_new (change->change, where, section_index, finding,
                                                 reviewed_words, published_words));
}

void
fz_published_page_compare (FzPublishedPage *self,
                           FzAnalysis      *reviewed)
{
  g_autoptr(FzAnalysis) published = NULL;
  g_autoptr(GPtrArray) differences = g_ptr_array_new_with_free_func (g_object_unref);
  FzRuleSet *rules;
  GPtrArray *pairs;

  g_return_if_fail (FZ_IS_PUBLISHED_PAGE (self));
  g_return_if_fail (FZ_IS_ANALYSIS (reviewed));

  rules = fz_analysis_get_ruleset (reviewed);
  published = fz_analysis_new (self->document, rules);
  g_clear_object (&self->comparison);
  self->comparison = fz_comparison_new (reviewed, published);
  g_ptr_array_set_size (self->findings, 0);

  pairs = fz_comparison_get_sections (self->comparison);
  for (guint i = 0; i < pairs->len; i++)
    {
      const FzSectionPair *pair = g_ptr_array_index (pairs, i);

      for (guint k = 0; k < pair->paragraphs->len; k++)
        {
          const FzParagraphChange *change = g_ptr_array_index (pair->paragraphs, k);
          gboolean body = change->change == FZ_CHANGE_ADDED
                          ? is_body (fz_comparison_get_b (self->comparison), change->b_paragraph)
                          : is_body (fz_comparison_get_a (self->comparison), change->a_paragraph) ||
                            is_body (fz_comparison_get_b (self->comparison), change->b_paragraph);

          if (change->change != FZ_CHANGE_SAME && body)
            add_difference (self, i, pair, change, differences);
        }
    }
  g_list_store_splice (self->differences, 0, g_list_model_get_n_items (G_LIST_MODEL (self->differences)),
                       differences->pdata, differences->len);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

FzComparison *
fz_published_page_get_comparison (FzPublishedPage *self)
{
  g_return_val_if_fail (FZ_IS_PUBLISHED_PAGE (self), NULL);
  return self->comparison;
}

GPtrArray *
fz_published_page_get_findings (FzPublishedPage *self)
{
  g_return_val_if_fail (FZ_IS_PUBLISHED_PAGE (self), NULL);
  return self->findings;
}

GListModel *
fz_published_page_get_differences (FzPublishedPage *self)
{
  g_return_val_if_fail (FZ_IS_PUBLISHED_PAGE (self), NULL);
  return G_LIST_MODEL (self->differences);
}
