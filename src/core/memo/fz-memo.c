/* fz-memo.c: the review memo (审查意见) sent back with the report
 *
 * The memo is what the reviewer signs, so it says plainly which
 * conclusions are theirs and which are the machine's, and it is written
 * in Chinese whatever the program's language: it goes to a Chinese
 * government office.  The content is gathered once into an FzMemo; each
 * format lays out the same blocks (fz-memo-docx.c, fz-memo-pdf.c, …).
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include <stdarg.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "fz-i18n.h"
#include "fz-json-reader.h"
#include "fz-memo-private.h"

typedef struct
{
  char     *id;
  char     *name;
  gboolean  required;
  FzStatus  status;             /* the reviewer's when decided, else the machine's */
  FzStatus  machine_status;
  gboolean  by_reviewer;
  char     *evidence;           /* nullable */
  guint     page;               /* 0: unpaged */
  guint     line;               /* 0: unknown */
  char     *note;               /* nullable */
} MemoElement;

typedef struct
{
  char       *id;
  FzSeverity  severity;
  char       *message;
  char       *text;             /* nullable */
  char       *suggestion;       /* nullable */
  guint       page;
  guint       line;
} MemoFinding;

typedef struct
{
  char                 *quote;
  FzAnnotationCategory  category;
  char                 *note;
  guint                 page;
  guint                 line;
  gboolean              attached;
} MemoAnnotation;

struct _FzMemo
{
  GObject    parent_instance;

  char      *heading;
  char      *report_name;
  char      *report_sha256;
  char      *title;
  char      *unit;
  char      *doc_number;
  char      *date;              /* 成文日期, YYYY-MM-DD or as written */
  int        year;
  char      *ruleset;
  char      *reviewer;
  char      *review_date;       /* YYYY-MM-DD */
  char      *opinion;
  gboolean   opinion_is_draft;
  GPtrArray *elements;          /* MemoElement */
  GPtrArray *findings;          /* MemoFinding: 公文格式与文字问题 */
  GPtrArray *figures;           /* MemoFinding: 数据核对, ids figure_… */
  GPtrArray *annotations;       /* MemoAnnotation */
  char      *rectification;
  char      *deadline;          /* YYYY-MM-DD or NULL */

  /* A summary memo of a batch is laid out by fz-memo-summary.c: these are
   * its blocks, and the column widths its tables point into. */
  GPtrArray *summary_blocks;
  GPtrArray *summary_widths;
};

G_DEFINE_FINAL_TYPE (FzMemo, fz_memo, G_TYPE_OBJECT)
G_DEFINE_QUARK (fz-memo-error-quark, fz_memo_error)

static void
memo_element_free (gpointer data)
{
  MemoElement *e = data;

  g_free (e->id);
  g_free (e->name);
  g_free (e->evidence);
  g_free (e->note);
  g_free (e);
}

static void
memo_finding_free (gpointer data)
{
  MemoFinding *f = data;

  g_free (f->id);
  g_free (f->message);
  g_free (f->text);
  g_free (f->suggestion);
  g_free (f);
}

static void
memo_annotation_free (gpointer data)
{
  MemoAnnotation *a = data;

  g_free (a->quote);
  g_free (a->note);
  g_free (a);
}

static void
fz_memo_finalize (GObject *object)
{
  FzMemo *self = (FzMemo *)object;

  g_free (self->heading);
  g_free (self->report_name);
  g_free (self->report_sha256);
  g_free (self->title);
  g_free (self->unit);
  g_free (self->doc_number);
  g_free (self->date);
  g_free (self->ruleset);
  g_free (self->reviewer);
  g_free (self->review_date);
  g_free (self->opinion);
  g_clear_pointer (&self->summary_blocks, g_ptr_array_unref);
  g_clear_pointer (&self->summary_widths, g_ptr_array_unref);
  g_clear_pointer (&self->elements, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->figures, g_ptr_array_unref);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_free (self->rectification);
  g_free (self->deadline);

  G_OBJECT_CLASS (fz_memo_parent_class)->finalize (object);
}

static void
fz_memo_class_init (FzMemoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fz_memo_finalize;
}

static void
fz_memo_init (FzMemo *self)
{
  self->elements = g_ptr_array_new_with_free_func (memo_element_free);
  self->findings = g_ptr_array_new_with_free_func (memo_finding_free);
  self->figures = g_ptr_array_new_with_free_func (memo_finding_free);
  self->annotations = g_ptr_array_new_with_free_func (memo_annotation_free);
}

/* Formats. */

gboolean
fz_memo_format_from_filename (const char   *filename,
                              FzMemoFormat *format)
{
  static const struct { const char *ext; FzMemoFormat format; } map[] = {
    { ".docx", FZ_MEMO_FORMAT_DOCX },
    { ".pdf", FZ_MEMO_FORMAT_PDF },
    { ".html", FZ_MEMO_FORMAT_HTML },
    { ".htm", FZ_MEMO_FORMAT_HTML },
    { ".md", FZ_MEMO_FORMAT_MARKDOWN },
    { ".json", FZ_MEMO_FORMAT_JSON },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);

  lower = g_ascii_strdown (filename, -1);
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_has_suffix (lower, map[i].ext) && strlen (lower) > strlen (map[i].ext))
      {
        if (format != NULL)
          *format = map[i].format;
        return TRUE;
      }

  return FALSE;
}

const char *
fz_memo_format_to_extension (FzMemoFormat format)
{
  switch (format)
    {
    case FZ_MEMO_FORMAT_DOCX:     return "docx";
    case FZ_MEMO_FORMAT_PDF:      return "pdf";
    case FZ_MEMO_FORMAT_HTML:     return "html";
    case FZ_MEMO_FORMAT_MARKDOWN: return "md";
    case FZ_MEMO_FORMAT_JSON:     return "json";
    default:                      return "json";
    }
}

/* Building from an analysis. */

static const char *
status_label (FzStatus status)
{
  switch (status)
    {
    case FZ_STATUS_PRESENT:        return "具备";
    case FZ_STATUS_PARTIAL:        return "部分具备";
    case FZ_STATUS_MISSING:        return "缺失";
    case FZ_STATUS_NOT_APPLICABLE: return "不适用";
    case FZ_STATUS_NEEDS_REVIEW:   return "需人工复核";
    default:                       return "需人工复核";
    }
}

static void
locate (FzDocument *doc,
        guint       offset,
        guint      *page,
        guint      *line)
{
  int index = fz_document_paragraph_at (doc, offset);
  const FzParagraph *p = index >= 0 ? fz_document_get_paragraph (doc, index) : NULL;

  *page = p != NULL ? p->page : 0;
  *line = p != NULL ? p->source_line : 0;
}

/* A short excerpt on one line: tables have no room for whole paragraphs. */
static char *
excerpt (const char *text,
         guint       max_chars)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (c == '\n' || c == '\r' || c == '\t')
        c = ' ';
      g_string_append_unichar (out, c);
      n++;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
strip_or_null (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static const char *
element_name (FzAnalysis            *analysis,
              const FzElementResult *r)
{
  const FzRuleElement *re = fz_ruleset_find_element (fz_analysis_get_ruleset (analysis), r->id);

  return re != NULL && re->name != NULL ? re->name : r->name;
}

static char *
report_unit (const FzMetadata *meta)
{
  if (meta->issuer.value != NULL)
    return g_strdup (meta->issuer.value);
  if (meta->issuer_mark.value != NULL)
    {
      const char *mark = meta->issuer_mark.value;

      if (g_str_has_suffix (mark, "文件"))
        return g_strndup (mark, strlen (mark) - strlen ("文件"));
      return g_strdup (mark);
    }
  return NULL;
}

static FzStatus
effective_status (const FzElementResult *r,
                  FzReview              *review,
                  gboolean              *by_reviewer)
{
  FzStatus status = r->status;
  gboolean decided = review != NULL && fz_review_get_decision (review, r->id, &status, NULL, NULL);

  if (by_reviewer != NULL)
    *by_reviewer = decided;
  return decided ? status : r->status;
}

static char *
quoted_names (GPtrArray *names)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, "%s“%s”", i > 0 ? "、" : "", (const char *) g_ptr_array_index (names, i));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
fz_memo_draft_opinion (FzAnalysis *analysis,
                       FzReview   *review)
{
  GPtrArray *elements = fz_analysis_get_elements (analysis);
  GPtrArray *findings = fz_analysis_get_findings (analysis);
  const FzMetadata *meta = fz_analysis_get_metadata (analysis);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GPtrArray) partial = g_ptr_array_new ();
  g_autoptr(GPtrArray) unsure = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_required = 0, n_present = 0, n_form = 0, n_figures = 0;

  g_return_val_if_fail (FZ_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (review == NULL || FZ_IS_REVIEW (review), NULL);

  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *r = g_ptr_array_index (elements, i);
      FzStatus status = effective_status (r, review, NULL);

      if (!r->required)
        continue;
      n_required++;
      switch (status)
        {
        case FZ_STATUS_PRESENT:
        case FZ_STATUS_NOT_APPLICABLE:
          n_present++;
          break;
        case FZ_STATUS_PARTIAL:
          g_ptr_array_add (partial, (gpointer) element_name (analysis, r));
          break;
        case FZ_STATUS_MISSING:
          g_ptr_array_add (missing, (gpointer) element_name (analysis, r));
          break;
        case FZ_STATUS_NEEDS_REVIEW:
        default:
          g_ptr_array_add (unsure, (gpointer) element_name (analysis, r));
          break;
        }
    }

  for (guint i = 0; i < findings->len; i++)
    {
      const FzFinding *f = g_ptr_array_index (findings, i);

      if (g_str_has_prefix (f->id, "figure_"))
        n_figures++;
      else
        n_form++;
    }

  g_string_append (out, "经审查，");
  if (meta->title.value != NULL)
    g_string_append_printf (out, "《%s》", meta->title.value);
  else
    g_string_append (out, "该报告");

  if (missing->len == 0 && partial->len == 0 && unsure->len == 0)
    g_string_append_printf (out, "应具备的%u项必备内容均已具备，结构完整。", n_required);
  else
    {
      g_autofree char *m = quoted_names (missing);
      g_autofree char *p = quoted_names (partial);
      g_autofree char *u = quoted_names (unsure);

      g_string_append_printf (out, "应具备%u项必备内容，其中具备%u项", n_required, n_present);
      if (partial->len > 0)
        g_string_append_printf (out, "，部分具备%u项（%s）", partial->len, p);
      if (missing->len > 0)
        g_string_append_printf (out, "，缺失%u项（%s）", missing->len, m);
      if (unsure->len > 0)
        g_string_append_printf (out, "，另有%u项（%s）需人工复核", unsure->len, u);
      g_string_append (out, "。");
    }

  if (n_form > 0 || n_figures > 0)
    {
      g_string_append (out, "此外，");
      if (n_form > 0)
        g_string_append_printf (out, "发现公文格式与文字问题%u处", n_form);
      if (n_form > 0 && n_figures > 0)
        g_string_append (out, "，");
      if (n_figures > 0)
        g_string_append_printf (out, "数据需核对%u处", n_figures);
      g_string_append (out, "，详见下文。");
    }

  if (missing->len > 0 || partial->len > 0)
    g_string_append (out, "请对照本意见补充完善报告内容后重新报送。");
  else if (n_form > 0 || n_figures > 0 || unsure->len > 0)
    g_string_append (out, "请对照本意见修改完善。");
  else
    g_string_append (out, "建议予以通过。");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static MemoFinding *
finding_from (FzDocument      *doc,
              const FzFinding *f)
{
  MemoFinding *m = g_new0 (MemoFinding, 1);

  m->id = g_strdup (f->id);
  m->severity = f->severity;
  m->message = g_strdup (f->message ? f->message : "");
  m->text = f->text != NULL ? excerpt (f->text, 40) : NULL;
  m->suggestion = g_strdup (f->suggestion);
  /* An empty range at the very start is about the whole report (no
   * title, no addressee): it has no place to point to. */
  if (f->start != 0 || f->end != 0)
    locate (doc, f->start, &m->page, &m->line);

  return m;
}

FzMemo *
fz_memo_new (FzAnalysis *analysis,
             FzReview   *review)
{
  FzMemo *self;
  FzDocument *doc;
  const FzMetadata *meta;
  GPtrArray *elements, *findings;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();

  g_return_val_if_fail (FZ_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (review == NULL || FZ_IS_REVIEW (review), NULL);

  self = g_object_new (FZ_TYPE_MEMO, NULL);
  doc = fz_analysis_get_document (analysis);
  meta = fz_analysis_get_metadata (analysis);
  elements = fz_analysis_get_elements (analysis);
  findings = fz_analysis_get_findings (analysis);

  self->report_name = g_strdup (review ? fz_review_get_report_name (review) : NULL);
  if (self->report_name == NULL)
    self->report_name = g_strdup (fz_document_get_display_name (doc));
  self->report_sha256 = g_strdup (review ? fz_review_get_report_sha256 (review) : NULL);
  self->title = g_strdup (meta->title.value);
  self->heading = g_strdup_printf ("关于《%s》的审查意见",
                                   self->title ? self->title
                                               : (self->report_name ? self->report_name : "法治政府建设年度报告"));
  self->unit = report_unit (meta);
  self->doc_number = g_strdup (meta->doc_number.value);
  self->date = g_strdup (meta->date_iso ? meta->date_iso : meta->date.value);
  self->year = meta->report_year;
  self->ruleset = g_strdup (fz_ruleset_get_name (fz_analysis_get_ruleset (analysis)));
  self->reviewer = review ? strip_or_null (fz_review_get_reviewer (review)) : NULL;
  self->review_date = g_date_time_format (today, "%Y-%m-%d");

  self->opinion = review ? strip_or_null (fz_review_get_opinion (review)) : NULL;
  if (self->opinion == NULL)
    {
      self->opinion = fz_memo_draft_opinion (analysis, review);
      self->opinion_is_draft = TRUE;
    }

  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *r = g_ptr_array_index (elements, i);
      MemoElement *e = g_new0 (MemoElement, 1);
      const char *reason = NULL;

      e->id = g_strdup (r->id);
      e->name = g_strdup (element_name (analysis, r));
      e->required = r->required;
      e->machine_status = r->status;
      e->status = effective_status (r, review, &e->by_reviewer);
      if (e->by_reviewer)
        fz_review_get_decision (review, r->id, NULL, &reason, NULL);

      if (r->evidence != NULL && r->evidence->len > 0)
        {
          const FzRange *range = &g_array_index (r->evidence, FzRange, 0);
          g_autofree char *text = fz_document_dup_range (doc, range->start, range->end);

          e->evidence = excerpt (text, 40);
          locate (doc, range->start, &e->page, &e->line);
        }

      if (e->by_reviewer)
        {
          g_autoptr(GString) note = g_string_new ("审查人认定");

          if (reason != NULL)
            g_string_append_printf (note, "：%s", reason);
          if (e->status != e->machine_status)
            g_string_append_printf (note, "（系统判断为%s）", status_label (e->machine_status));
          e->note = g_string_free (g_steal_pointer (&note), FALSE);
        }
      else
        e->note = g_strdup (r->explanation);

      g_ptr_array_add (self->elements, e);
    }

  for (guint i = 0; i < findings->len; i++)
    {
      const FzFinding *f = g_ptr_array_index (findings, i);

      g_ptr_array_add (g_str_has_prefix (f->id, "figure_") ? self->figures : self->findings,
                       finding_from (doc, f));
    }

  if (review != NULL)
    {
      GListModel *annotations = fz_review_get_annotations (review);

      for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
        {
          g_autoptr(FzAnnotation) a = g_list_model_get_item (annotations, i);
          MemoAnnotation *m = g_new0 (MemoAnnotation, 1);

          m->quote = excerpt (fz_annotation_get_quote (a), 60);
          m->category = fz_annotation_get_category (a);
          m->note = g_strdup (fz_annotation_get_note (a));
          m->attached = fz_annotation_get_attached (a);
          if (m->attached)
            locate (doc, fz_annotation_get_start (a), &m->page, &m->line);
          g_ptr_array_add (self->annotations, m);
        }

      self->rectification = strip_or_null (fz_review_get_rectification (review));
      self->deadline = g_strdup (fz_review_get_deadline (review));
    }

  return self;
}

const char *
fz_memo_get_heading (FzMemo *self)
{
  g_return_val_if_fail (FZ_IS_MEMO (self), NULL);
  return self->heading;
}

const char *
fz_memo_get_opinion (FzMemo *self)
{
  g_return_val_if_fail (FZ_IS_MEMO (self), NULL);
  return self->opinion;
}

gboolean
fz_memo_get_opinion_is_draft (FzMemo *self)
{
  g_return_val_if_fail (FZ_IS_MEMO (self), FALSE);
  return self->opinion_is_draft;
}

/* JSON. */

static void
set_str (JsonObject *o,
         const char *name,
         const char *value)
{
  if (value != NULL)
    json_object_set_string_member (o, name, value);
  else
    json_object_set_null_member (o, name);
}

static void
set_location (JsonObject *o,
              guint       page,
              guint       line)
{
  json_object_set_int_member (o, "page", page);
  json_object_set_int_member (o, "line", line);
}

static JsonArray *
findings_to_json (GPtrArray *findings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < findings->len; i++)
    {
      const MemoFinding *f = g_ptr_array_index (findings, i);
      JsonObject *o = json_object_new ();

      json_object_set_string_member (o, "id", f->id);
      json_object_set_string_member (o, "severity", fz_severity_to_string (f->severity));
      json_object_set_string_member (o, "message", f->message);
      set_str (o, "text", f->text);
      set_str (o, "suggestion", f->suggestion);
      set_location (o, f->page, f->line);
      json_array_add_object_element (array, o);
    }

  return array;
}

char *
fz_memo_to_json (FzMemo *self)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *o = json_object_new ();
  JsonObject *report = json_object_new ();
  JsonArray *elements = json_array_new ();
  JsonArray *annotations = json_array_new ();

  g_return_val_if_fail (FZ_IS_MEMO (self), NULL);

  json_object_set_string_member (o, "schema", FZ_MEMO_JSON_SCHEMA);
  json_object_set_string_member (o, "heading", self->heading);

  set_str (report, "file", self->report_name);
  set_str (report, "sha256", self->report_sha256);
  set_str (report, "title", self->title);
  set_str (report, "unit", self->unit);
  set_str (report, "doc_number", self->doc_number);
  set_str (report, "date", self->date);
  if (self->year > 0)
    json_object_set_int_member (report, "year", self->year);
  else
    json_object_set_null_member (report, "year");
  json_object_set_object_member (o, "report", report);

  set_str (o, "ruleset", self->ruleset);
  set_str (o, "reviewer", self->reviewer);
  set_str (o, "date", self->review_date);
  json_object_set_string_member (o, "opinion", self->opinion);
  json_object_set_boolean_member (o, "opinion_is_draft", self->opinion_is_draft);

  for (guint i = 0; i < self->elements->len; i++)
    {
      const MemoElement *e = g_ptr_array_index (self->elements, i);
      JsonObject *eo = json_object_new ();

      json_object_set_string_member (eo, "id", e->id);
      json_object_set_string_member (eo, "name", e->name);
      json_object_set_boolean_member (eo, "required", e->required);
      json_object_set_string_member (eo, "status", fz_status_to_string (e->status));
      json_object_set_string_member (eo, "machine_status", fz_status_to_string (e->machine_status));
      json_object_set_boolean_member (eo, "by_reviewer", e->by_reviewer);
      set_str (eo, "evidence", e->evidence);
      set_location (eo, e->page, e->line);
      set_str (eo, "note", e->note);
      json_array_add_object_element (elements, eo);
    }
  json_object_set_array_member (o, "elements", elements);
  json_object_set_array_member (o, "findings", findings_to_json (self->findings));
  json_object_set_array_member (o, "figures", findings_to_json (self->figures));

  for (guint i = 0; i < self->annotations->len; i++)
    {
      const MemoAnnotation *a = g_ptr_array_index (self->annotations, i);
      JsonObject *ao = json_object_new ();

      json_object_set_string_member (ao, "quote", a->quote);
      json_object_set_string_member (ao, "category", fz_annotation_category_to_string (a->category));
      json_object_set_string_member (ao, "note", a->note);
      json_object_set_boolean_member (ao, "attached", a->attached);
      set_location (ao, a->page, a->line);
      json_array_add_object_element (annotations, ao);
    }
  json_object_set_array_member (o, "annotations", annotations);

  set_str (o, "rectification", self->rectification);
  set_str (o, "deadline", self->deadline);

  json_node_take_object (root, o);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);

  return json_generator_to_data (gen, NULL);
}

/* Reading: see fz-json-reader.h. */

static void
memo_member_fail (GError     **error,
                  const char  *member,
                  gpointer     user_data)
{
  g_set_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_INVALID,
               _("This is not a review memo in JSON: “%s” is missing or wrong."), member);
}

static char *
read_str (FzJsonReader *r,
          JsonObject   *o,
          const char   *name,
          gboolean      nullable)
{
  return g_strdup (_fz_json_reader_get_string (r, o, name, nullable));
}

static FzStatus
read_status (FzJsonReader *r,
             JsonObject   *o,
             const char   *name)
{
  g_autofree char *s = read_str (r, o, name, FALSE);
  FzStatus status = FZ_STATUS_NEEDS_REVIEW;

  if (s != NULL && !fz_status_from_string (s, &status))
    _fz_json_reader_fail_member (r, name);
  return status;
}

static gboolean
severity_from_string (const char *s,
                      FzSeverity *severity)
{
  static const FzSeverity all[] = { FZ_SEVERITY_ERROR, FZ_SEVERITY_WARNING, FZ_SEVERITY_INFO };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (g_strcmp0 (s, fz_severity_to_string (all[i])) == 0)
      {
        *severity = all[i];
        return TRUE;
      }
  return FALSE;
}

static void
read_findings (FzJsonReader *r,
               JsonObject   *o,
               const char   *name,
               GPtrArray    *into)
{
  JsonArray *array = _fz_json_reader_get_array (r, o, name);

  for (guint i = 0; array != NULL && i < json_array_get_length (array) && !r->failed; i++)
    {
      JsonObject *fo = _fz_json_reader_get_element (r, array, i, name);
      MemoFinding *f = g_new0 (MemoFinding, 1);
      g_autofree char *severity = NULL;

      g_ptr_array_add (into, f);
      f->id = read_str (r, fo, "id", FALSE);
      f->message = read_str (r, fo, "message", FALSE);
      f->text = read_str (r, fo, "text", TRUE);
      f->suggestion = read_str (r, fo, "suggestion", TRUE);
      f->page = _fz_json_reader_get_int (r, fo, "page", G_MAXINT);
      f->line = _fz_json_reader_get_int (r, fo, "line", G_MAXINT);
      severity = read_str (r, fo, "severity", FALSE);
      if (!r->failed && !severity_from_string (severity, &f->severity))
        _fz_json_reader_fail_member (r, "severity");
    }
}

FzMemo *
fz_memo_new_from_json (const char  *data,
                       gssize       len,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(FzMemo) self = NULL;
  g_autofree char *schema = NULL;
  FzJsonReader r = { error, FALSE, memo_member_fail, NULL };
  JsonNode *root, *year;
  JsonObject *o, *report = NULL;
  JsonArray *array;

  g_return_val_if_fail (data != NULL, NULL);

  if (!json_parser_load_from_data (parser, data, len, &parse_error))
    {
      g_set_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_INVALID,
                   _("This is not a review memo in JSON: %s"), parse_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      _fz_json_reader_fail_member (&r, "schema");
      return NULL;
    }
  o = json_node_get_object (root);
  schema = read_str (&r, o, "schema", FALSE);
  if (r.failed || g_strcmp0 (schema, FZ_MEMO_JSON_SCHEMA) != 0)
    {
      r.failed = FALSE;
      _fz_json_reader_fail_member (&r, "schema");
      return NULL;
    }

  self = g_object_new (FZ_TYPE_MEMO, NULL);
  self->heading = read_str (&r, o, "heading", FALSE);
  report = _fz_json_reader_get_object (&r, o, "report");
  self->report_name = read_str (&r, report, "file", TRUE);
  self->report_sha256 = read_str (&r, report, "sha256", TRUE);
  self->title = read_str (&r, report, "title", TRUE);
  self->unit = read_str (&r, report, "unit", TRUE);
  self->doc_number = read_str (&r, report, "doc_number", TRUE);
  self->date = read_str (&r, report, "date", TRUE);
  year = report != NULL ? json_object_get_member (report, "year") : NULL;
  if (year != NULL && !JSON_NODE_HOLDS_NULL (year))
    self->year = (int) _fz_json_reader_get_int (&r, report, "year", 9999);
  self->ruleset = read_str (&r, o, "ruleset", TRUE);
  self->reviewer = read_str (&r, o, "reviewer", TRUE);
  self->review_date = read_str (&r, o, "date", TRUE);
  self->opinion = read_str (&r, o, "opinion", FALSE);
  self->opinion_is_draft = _fz_json_reader_get_bool (&r, o, "opinion_is_draft");
  self->rectification = read_str (&r, o, "rectification", TRUE);
  self->deadline = read_str (&r, o, "deadline", TRUE);

  array = _fz_json_reader_get_array (&r, o, "elements");
  for (guint i = 0; array != NULL && i < json_array_get_length (array) && !r.failed; i++)
    {
      JsonObject *eo = _fz_json_reader_get_element (&r, array, i, "elements");
      MemoElement *e = g_new0 (MemoElement, 1);

      g_ptr_array_add (self->elements, e);
      e->id = read_str (&r, eo, "id", FALSE);
      e->name = read_str (&r, eo, "name", FALSE);
      e->required = _fz_json_reader_get_bool (&r, eo, "required");
      e->status = read_status (&r, eo, "status");
      e->machine_status = read_status (&r, eo, "machine_status");
      e->by_reviewer = _fz_json_reader_get_bool (&r, eo, "by_reviewer");
      e->evidence = read_str (&r, eo, "evidence", TRUE);
      e->page = _fz_json_reader_get_int (&r, eo, "page", G_MAXINT);
      e->line = _fz_json_reader_get_int (&r, eo, "line", G_MAXINT);
      e->note = read_str (&r, eo, "note", TRUE);
    }

  read_findings (&r, o, "findings", self->findings);
  read_findings (&r, o, "figures", self->figures);

  array = _fz_json_reader_get_array (&r, o, "annotations");
  for (guint i = 0; array != NULL && i < json_array_get_length (array) && !r.failed; i++)
    {
      JsonObject *ao = _fz_json_reader_get_element (&r, array, i, "annotations");
      MemoAnnotation *a = g_new0 (MemoAnnotation, 1);
      g_autofree char *category = NULL;

      g_ptr_array_add (self->annotations, a);
      a->quote = read_str (&r, ao, "quote", FALSE);
      a->note = read_str (&r, ao, "note", FALSE);
      a->attached = _fz_json_reader_get_bool (&r, ao, "attached");
      a->page = _fz_json_reader_get_int (&r, ao, "page", G_MAXINT);
      a->line = _fz_json_reader_get_int (&r, ao, "line", G_MAXINT);
      category = read_str (&r, ao, "category", FALSE);
      if (!r.failed && !fz_annotation_category_from_string (category, &a->category))
        _fz_json_reader_fail_member (&r, "category");
    }

  if (r.failed)
    return NULL;

  return g_steal_pointer (&self);
}

/* The layout every format shares. */

void
_fz_memo_block_free (FzMemoBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->text);
  g_strfreev (block->header);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

static void
add_text (GPtrArray       *blocks,
          FzMemoBlockKind  kind,
          char            *text)
{
  FzMemoBlock *b = g_new0 (FzMemoBlock, 1);

  b->kind = kind;
  b->text = text;
  g_ptr_array_add (blocks, b);
}

static void
add_paragraphs (GPtrArray  *blocks,
                const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (*line != '\0')
        add_text (blocks, FZ_MEMO_BLOCK_PARAGRAPH, g_steal_pointer (&line));
    }
}

static FzMemoBlock *
add_table (GPtrArray    *blocks,
           const double *widths,
           ...)
{
  FzMemoBlock *b = g_new0 (FzMemoBlock, 1);
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();
  const char *title;
  va_list args;

  va_start (args, widths);
  while ((title = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (header, title);
  va_end (args);

  b->kind = FZ_MEMO_BLOCK_TABLE;
  b->header = g_strv_builder_end (header);
  b->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  b->widths = widths;
  g_ptr_array_add (blocks, b);

  return b;
}

static char *
chinese_date (const char *date)
{
  int y, m, d;

  if (date != NULL && fz_parse_date (date, &y, &m, &d))
    return g_strdup_printf ("%d年%d月%d日", y, m, d);
  return g_strdup (date);
}

static char *
location (guint page,
          guint line)
{
  if (page > 0)
    return g_strdup_printf ("第%u页", page);
  if (line > 0)
    return g_strdup_printf ("第%u行", line);
  return g_strdup ("");
}

/* Many findings repeat (a half-width comma two hundred times): the
 * memo lists each kind of problem once, with where it occurs. */
static gboolean
same_problem (const MemoFinding *a,
              const MemoFinding *b)
{
  return g_strcmp0 (a->id, b->id) == 0 && g_strcmp0 (a->message, b->message) == 0 &&
         g_strcmp0 (a->suggestion, b->suggestion) == 0;
}

#define MAX_PLACES 8

static void
add_findings (GPtrArray  *blocks,
              GPtrArray  *findings,
              const char *none)
{
  g_autofree gboolean *done = g_new0 (gboolean, findings->len + 1);
  guint number = 0;

  if (findings->len == 0)
    {
      add_text (blocks, FZ_MEMO_BLOCK_PARAGRAPH, g_strdup (none));
      return;
    }

  for (guint i = 0; i < findings->len; i++)
    {
      const MemoFinding *f = g_ptr_array_index (findings, i);
      g_autoptr(GPtrArray) same = g_ptr_array_new ();
      GString *s;

      if (done[i])
        continue;
      for (guint j = i; j < findings->len; j++)
        if (!done[j] && same_problem (f, g_ptr_array_index (findings, j)))
          {
            done[j] = TRUE;
            g_ptr_array_add (same, g_ptr_array_index (findings, j));
          }

      s = g_string_new (NULL);
      g_string_append_printf (s, "%u．", ++number);
      if (same->len == 1)
        {
          g_autofree char *where = location (f->page, f->line);

          if (*where != '\0')
            g_string_append_printf (s, "（%s）", where);
          g_string_append (s, f->message);
          if (f->text != NULL && *f->text != '\0')
            g_string_append_printf (s, "（原文：“%s”）", f->text);
        }
      else
        {
          gboolean paged = f->page > 0;
          g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (guint));

          for (guint k = 0; k < same->len; k++)
            {
              const MemoFinding *o = g_ptr_array_index (same, k);
              guint where = paged ? o->page : o->line;
              gboolean seen = FALSE;

              for (guint m = 0; m < places->len && !seen; m++)
                seen = g_array_index (places, guint, m) == where;
              if (where > 0 && !seen)
                g_array_append_val (places, where);
            }

          g_string_append (s, f->message);
          g_string_append_printf (s, "（共%u处", same->len);
          for (guint k = 0; k < places->len && k < MAX_PLACES; k++)
            g_string_append_printf (s, "%s%u", k == 0 ? "，见第" : "、", g_array_index (places, guint, k));
          if (places->len > 0)
            g_string_append_printf (s, "%s%s", paged ? "页" : "行", places->len > MAX_PLACES ? "等" : "");
          g_string_append (s, "）");
        }
      if (f->suggestion != NULL && *f->suggestion != '\0')
        g_string_append_printf (s, "，建议改为“%s”。", f->suggestion);
      else if (!g_str_has_suffix (s->str, "。"))
        g_string_append (s, "。");
      add_text (blocks, FZ_MEMO_BLOCK_PARAGRAPH, g_string_free (s, FALSE));
    }
}

static char **
row (const char *first,
     ...)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  const char *cell;
  va_list args;

  g_strv_builder_add (b, first);
  va_start (args, first);
  while ((cell = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (b, cell);
  va_end (args);

  return g_strv_builder_end (b);
}

FzMemo *
_fz_memo_new_with_blocks (const char *heading,
                          GPtrArray  *blocks,
                          GPtrArray  *widths)
{
  FzMemo *self = g_object_new (FZ_TYPE_MEMO, NULL);

  self->heading = g_strdup (heading);
  self->summary_blocks = g_ptr_array_ref (blocks);
  self->summary_widths = widths != NULL ? g_ptr_array_ref (widths) : NULL;

  return self;
}

FzMemoBlock *
_fz_memo_block_new_text (FzMemoBlockKind  kind,
                         char            *text)
{
  FzMemoBlock *b = g_new0 (FzMemoBlock, 1);

  b->kind = kind;
  b->text = text;

  return b;
}

FzMemoBlock *
_fz_memo_block_new_table (const double  *widths,
                          char         **header)
{
  FzMemoBlock *b = g_new0 (FzMemoBlock, 1);

  b->kind = FZ_MEMO_BLOCK_TABLE;
  b->header = header;
  b->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  b->widths = widths;

  return b;
}

GPtrArray *
_fz_memo_get_blocks (FzMemo *self)
{
  static const double element_widths[] = { 0.24, 0.15, 0.30, 0.31 };
  static const double annotation_widths[] = { 0.36, 0.12, 0.10, 0.42 };
  GPtrArray *blocks;
  g_autofree char *date = NULL;
  g_autofree char *review_date = NULL;
  FzMemoBlock *table;

  if (self->summary_blocks != NULL)
    return g_ptr_array_ref (self->summary_blocks);

  blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) _fz_memo_block_free);
  date = chinese_date (self->date);
  review_date = chinese_date (self->review_date);

  add_text (blocks, FZ_MEMO_BLOCK_TITLE, g_strdup (self->heading));

  add_text (blocks, FZ_MEMO_BLOCK_META,
            g_strdup_printf ("报告单位：%s", self->unit ? self->unit : "未识别"));
  add_text (blocks, FZ_MEMO_BLOCK_META,
            self->title ? g_strdup_printf ("报告标题：《%s》", self->title) : g_strdup ("报告标题：未识别"));
  add_text (blocks, FZ_MEMO_BLOCK_META,
            g_strdup_printf ("文　　号：%s", self->doc_number ? self->doc_number : "无"));
  add_text (blocks, FZ_MEMO_BLOCK_META,
            g_strdup_printf ("成文日期：%s", date ? date : "未识别"));
  add_text (blocks, FZ_MEMO_BLOCK_META,
            self->year > 0 ? g_strdup_printf ("报告年度：%d年度", self->year) : g_strdup ("报告年度：未识别"));
  if (self->report_name != NULL)
    add_text (blocks, FZ_MEMO_BLOCK_META, g_strdup_printf ("报告文件：%s", self->report_name));
  add_text (blocks, FZ_MEMO_BLOCK_META,
            g_strdup_printf ("审查人：%s", self->reviewer ? self->reviewer : "（系统初审，未经人工审查）"));
  add_text (blocks, FZ_MEMO_BLOCK_META,
            g_strdup_printf ("审查日期：%s", review_date ? review_date : ""));

  add_text (blocks, FZ_MEMO_BLOCK_HEADING, g_strdup ("一、总体意见"));
  add_paragraphs (blocks, self->opinion);
  if (self->opinion_is_draft)
    add_text (blocks, FZ_MEMO_BLOCK_PARAGRAPH,
              g_strdup ("（以上意见由系统根据审查结果生成，供审查人参考。）"));

  add_text (blocks, FZ_MEMO_BLOCK_HEADING, g_strdup ("二、必备内容审查"));
  table = add_table (blocks, element_widths, "要素", "结论", "依据（位置）", "说明", NULL);
  for (guint i = 0; i < self->elements->len; i++)
    {
      const MemoElement *e = g_ptr_array_index (self->elements, i);
      g_autofree char *where = location (e->page, e->line);
      g_autofree char *name = e->required ? g_strdup (e->name) : g_strdup_printf ("%s（选报）", e->name);
      g_autofree char *evidence = NULL;

      if (e->evidence != NULL)
        evidence = *where != '\0' ? g_strdup_printf ("“%s”（%s）", e->evidence, where)
                                  : g_strdup_printf ("“%s”", e->evidence);
      else
        evidence = g_strdup ("未找到");
      g_ptr_array_add (table->rows, row (name, status_label (e->status), evidence,
                                         e->note ? e->note : "", NULL));
    }

  add_text (blocks, FZ_MEMO_BLOCK_HEADING, g_strdup ("三、公文格式与文字问题"));
  add_findings (blocks, self->findings, "未发现公文格式与文字问题。");

  add_text (blocks, FZ_MEMO_BLOCK_HEADING, g_strdup ("四、数据核对"));
  add_findings (blocks, self->figures, "未发现需要核对的数据问题。");

  add_text (blocks, FZ_MEMO_BLOCK_HEADING, g_strdup ("五、批注"));
  if (self->annotations->len == 0)
    add_text (blocks, FZ_MEMO_BLOCK_PARAGRAPH, g_strdup ("无。"));
  else
    {
      table = add_table (blocks, annotation_widths, "原文", "位置", "类别", "批注", NULL);
      for (guint i = 0; i < self->annotations->len; i++)
        {
          const MemoAnnotation *a = g_ptr_array_index (self->annotations, i);
          g_autofree char *where = a->attached ? location (a->page, a->line) : g_strdup ("原文已改动，未能定位");
          g_autofree char *quote = g_strdup_printf ("“%s”", a->quote);

          g_ptr_array_add (table->rows, row (quote, where, fz_annotation_category_to_chinese (a->category),
                                             a->note, NULL));
        }
    }

  add_text (blocks, FZ_MEMO_BLOCK_HEADING, g_strdup ("六、整改要求"));
  add_paragraphs (blocks, self->rectification ? self->rectification : "无。");
  if (self->deadline != NULL)
    {
      g_autofree char *deadline = chinese_date (self->deadline);

      add_text (blocks, FZ_MEMO_BLOCK_PARAGRAPH, g_strdup_printf ("整改期限：%s前。", deadline));
    }

  if (self->reviewer != NULL)
    add_text (blocks, FZ_MEMO_BLOCK_SIGNATURE, g_strdup_printf ("审查人：%s", self->reviewer));
  add_text (blocks, FZ_MEMO_BLOCK_SIGNATURE, g_strdup (review_date ? review_date : ""));

  return blocks;
}

/* Rendering and export. */

GBytes *
fz_memo_render (FzMemo        *self,
                FzMemoFormat   format,
                GError       **error)
{
  g_return_val_if_fail (FZ_IS_MEMO (self), NULL);

  switch (format)
    {
    case FZ_MEMO_FORMAT_DOCX:
      return _fz_memo_write_docx (self, error);
    case FZ_MEMO_FORMAT_PDF:
      return _fz_memo_write_pdf (self, error);
    case FZ_MEMO_FORMAT_HTML:
      return _fz_memo_write_html (self, error);
    case FZ_MEMO_FORMAT_MARKDOWN:
      return _fz_memo_write_markdown (self, error);
    case FZ_MEMO_FORMAT_JSON:
      if (self->summary_blocks != NULL)
        {
          g_set_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_UNKNOWN_FORMAT,
                       _("A summary memo is written as .docx, .pdf, .html or .md, not .json."));
          return NULL;
        }
      {
        char *json = fz_memo_to_json (self);

        return g_bytes_new_take (json, strlen (json));
      }
    default:
      g_set_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_UNKNOWN_FORMAT,
                   _("Unknown memo format."));
      return NULL;
    }
}

gboolean
fz_memo_export (FzMemo  *self,
                GFile   *file,
                GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  FzMemoFormat format;

  g_return_val_if_fail (FZ_IS_MEMO (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  basename = g_file_get_basename (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_UNWRITABLE,
                   _("Could not write the memo to “%s”: %s"), uri, _("not a local file"));
      return FALSE;
    }

  if (!fz_memo_format_from_filename (basename, &format))
    {
      g_set_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_UNKNOWN_FORMAT,
                   _("Cannot tell the memo format from “%s”: "
                     "end the file name with .docx, .pdf, .html, .md or .json."),
                   basename);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_UNWRITABLE,
                   _("Could not write the memo to “%s”: %s"), path,
                   _("the folder does not exist"));
      return FALSE;
    }

  bytes = fz_memo_render (self, format, error);
  if (bytes == NULL)
    return FALSE;

  /* Written to a temporary file in the same folder and renamed over the
   * target: an older memo of the same name survives any failure. */
  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    {
      g_set_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_UNWRITABLE,
                   _("Could not write the memo to “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
