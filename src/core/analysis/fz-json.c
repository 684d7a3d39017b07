/* fz-json.c: the fazhi-check/1 interface, documented in README.md
 *
 * Field names and meanings are a promise to scripts that read this output:
 * add fields freely, never rename or remove one without a new schema id.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-json"

#include "config.h"

#include <math.h>

#include "fz-error.h"
#include "fz-import.h"
#include "fz-json.h"
#include "fz-json-reader.h"

/* Objects are built member by member rather than through JsonBuilder: a
 * batch run writes hundreds of figures per report, and the builder's own
 * bookkeeping doubled the cost of the output. */

static void
set_range_text (JsonObject *o,
                FzDocument *doc,
                guint       start,
                guint       end)
{
  g_autofree char *text = fz_document_dup_range (doc, start, end);

  json_object_set_int_member (o, "start", start);
  json_object_set_int_member (o, "end", end);
  _fz_json_set_string_or_null (o, "text", text);
}

static void
set_page (JsonObject *o,
          FzDocument *doc,
          guint       offset)
{
  int i = fz_document_paragraph_at (doc, offset);
  const FzParagraph *p = i >= 0 ? fz_document_get_paragraph (doc, i) : NULL;

  _fz_json_set_int_or_null (o, "page", p != NULL && p->page > 0 ? (int) p->page : -1);
}

static JsonObject *
metadata_object (const FzMetadata *meta)
{
  JsonObject *o = json_object_new ();

  _fz_json_set_string_or_null (o, "title", meta->title.value);
  _fz_json_set_string_or_null (o, "issuer", meta->issuer.value);
  _fz_json_set_string_or_null (o, "doc_number", meta->doc_number.value);
  _fz_json_set_string_or_null (o, "signer", meta->signer.value);
  _fz_json_set_string_or_null (o, "addressee", meta->addressee.value);
  _fz_json_set_string_or_null (o, "date", meta->date_iso);
  _fz_json_set_int_or_null (o, "report_year", meta->report_year > 0 ? meta->report_year : -1);
  _fz_json_set_string_or_null (o, "level",
                               meta->level == FZ_LEVEL_UNKNOWN ? NULL : fz_level_to_string (meta->level));
  _fz_json_set_string_or_null (o, "date_text", meta->date.value);
  _fz_json_set_string_or_null (o, "issuer_mark", meta->issuer_mark.value);
  _fz_json_set_string_or_null (o, "contact", meta->contact.value);
  _fz_json_set_string_or_null (o, "cc", meta->cc.value);
  _fz_json_set_string_or_null (o, "printed", meta->printed.value);
  /* The 发布日期 of a report saved from a web page. */
  _fz_json_set_string_or_null (o, "published", meta->published_iso);

  return o;
}

static JsonArray *
sections_array (FzDocument *doc,
                GPtrArray  *sections)
{
  JsonArray *a = json_array_sized_new (sections->len);

  for (guint i = 0; i < sections->len; i++)
    {
      const FzSection *s = g_ptr_array_index (sections, i);
      JsonObject *o = json_object_new ();

      json_object_set_int_member (o, "level", s->depth);
      _fz_json_set_string_or_null (o, "label", s->label);
      _fz_json_set_string_or_null (o, "heading", s->heading);
      json_object_set_int_member (o, "start", s->start);
      json_object_set_int_member (o, "end", s->end);
      _fz_json_set_string_or_null (o, "element", s->element);
      json_object_set_int_member (o, "marker_level", s->marker_level);
      _fz_json_set_int_or_null (o, "parent", s->parent);
      set_page (o, doc, s->start);
      json_array_add_object_element (a, o);
    }

  return a;
}

static JsonArray *
elements_array (FzDocument *doc,
                GPtrArray  *elements)
{
  JsonArray *a = json_array_sized_new (elements->len);

  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *r = g_ptr_array_index (elements, i);
      JsonObject *o = json_object_new ();
      JsonArray *evidence = json_array_new ();

      _fz_json_set_string_or_null (o, "id", r->id);
      _fz_json_set_string_or_null (o, "name", r->name);
      json_object_set_boolean_member (o, "required", r->required);
      _fz_json_set_string_or_null (o, "status", fz_status_to_string (r->status));
      json_object_set_double_member (o, "confidence", round (r->confidence * 100.0) / 100.0);
      _fz_json_set_string_or_null (o, "explanation", r->explanation);
      for (guint j = 0; r->evidence != NULL && j < r->evidence->len; j++)
        {
          const FzRange *range = &g_array_index (r->evidence, FzRange, j);
          JsonObject *e = json_object_new ();

          set_range_text (e, doc, range->start, range->end);
          set_page (e, doc, range->start);
          json_array_add_object_element (evidence, e);
        }
      json_object_set_array_member (o, "evidence", evidence);
      _fz_json_set_int_or_null (o, "section", r->section);
      json_array_add_object_element (a, o);
    }

  return a;
}

static JsonArray *
figures_array (GPtrArray *figures)
{
  JsonArray *a = json_array_sized_new (figures->len);

  for (guint i = 0; i < figures->len; i++)
    {
      const FzFigure *f = g_ptr_array_index (figures, i);
      JsonObject *o = json_object_new ();

      _fz_json_set_string_or_null (o, "text", f->text);
      if (f->value == floor (f->value) && fabs (f->value) < 1e15)
        json_object_set_int_member (o, "value", (gint64) f->value);
      else
        json_object_set_double_member (o, "value", f->value);
      _fz_json_set_string_or_null (o, "unit", f->unit);
      json_object_set_boolean_member (o, "approx", f->approx);
      json_object_set_int_member (o, "start", f->start);
      json_object_set_int_member (o, "end", f->end);
      _fz_json_set_int_or_null (o, "section", f->section);
      _fz_json_set_string_or_null (o, "kind", fz_figure_kind_to_string (f->kind));
      json_array_add_object_element (a, o);
    }

  return a;
}

/**
 * fz_json_findings:
 *
 * Returns: (transfer full): the fazhi-check/1 "findings" array of @findings
 */
JsonArray *
fz_json_findings (GPtrArray *findings)
{
  JsonArray *a = json_array_sized_new (findings->len);

  for (guint i = 0; i < findings->len; i++)
    {
      const FzFinding *f = g_ptr_array_index (findings, i);
      JsonObject *o = json_object_new ();

      _fz_json_set_string_or_null (o, "id", f->id);
      _fz_json_set_string_or_null (o, "severity", fz_severity_to_string (f->severity));
      _fz_json_set_string_or_null (o, "message", f->message);
      json_object_set_int_member (o, "start", f->start);
      json_object_set_int_member (o, "end", f->end);
      _fz_json_set_string_or_null (o, "text", f->text);
      _fz_json_set_string_or_null (o, "suggestion", f->suggestion);
      json_array_add_object_element (a, o);
    }

  return a;
}

/* The 纲要 areas: {"id", "part", "name", "status", "hits", "keywords",
 * "start", "end"}; start and end are null for an area never mentioned. */
static JsonArray *
coverage_array (GPtrArray *coverage)
{
  JsonArray *a = json_array_sized_new (coverage->len);

  for (guint i = 0; i < coverage->len; i++)
    {
      const FzCoverageArea *c = g_ptr_array_index (coverage, i);
      JsonObject *o = json_object_new ();
      JsonArray *k = json_array_new ();

      _fz_json_set_string_or_null (o, "id", c->id);
      _fz_json_set_string_or_null (o, "part", c->part);
      _fz_json_set_string_or_null (o, "name", fz_coverage_area_get_display_name (c));
      _fz_json_set_string_or_null (o, "status", fz_coverage_status_to_string (c->status));
      json_object_set_int_member (o, "hits", c->hits);
      for (guint j = 0; c->keywords[j] != NULL; j++)
        json_array_add_string_element (k, c->keywords[j]);
      json_object_set_array_member (o, "keywords", k);
      if (c->hits > 0)
        {
          json_object_set_int_member (o, "start", c->start);
          json_object_set_int_member (o, "end", c->end);
        }
      else
        {
          json_object_set_null_member (o, "start");
          json_object_set_null_member (o, "end");
        }
      json_array_add_object_element (a, o);
    }

  return a;
}

/**
 * fz_json_report:
 *
 * Returns: (transfer full): one report object of the fazhi-check/1 schema
 */
JsonNode *
fz_json_report (const char   *file,
                const char   *format,
                const char   *ruleset_id,
                FzAnalysis   *analysis,
                const GError *error,
                gboolean      with_text)
{
  FzDocument *doc = analysis ? fz_analysis_get_document (analysis) : NULL;
  JsonObject *o;
  JsonNode *node;

  g_return_val_if_fail (analysis != NULL || error != NULL, NULL);

  /* A file that failed to open still says what it is, read from its
   * content. */
  if (doc == NULL && format == NULL && file != NULL &&
      !g_error_matches (error, FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_NOT_FOUND))
    {
      g_autoptr(GFile) f = g_file_new_for_commandline_arg (file);
      format = fz_import_file_detect_format (f, NULL);
    }

  o = json_object_new ();
  _fz_json_set_string_or_null (o, "file", file);
  _fz_json_set_string_or_null (o, "format", doc ? fz_document_get_format (doc) : format);

  if (error != NULL)
    {
      JsonObject *e = json_object_new ();

      _fz_json_set_string_or_null (e, "code",
                                   error->domain == FZ_IMPORT_ERROR
                                   ? fz_import_error_code_to_string (error->code) : "error");
      _fz_json_set_string_or_null (e, "message", error->message);
      json_object_set_object_member (o, "error", e);
    }
  else
    json_object_set_null_member (o, "error");

  _fz_json_set_string_or_null (o, "ruleset", ruleset_id);

  if (analysis != NULL)
    {
      GPtrArray *warnings = fz_document_get_warnings (doc);
      JsonArray *w = json_array_sized_new (warnings->len);

      _fz_json_set_string_or_null (o, "encoding", fz_document_get_encoding (doc));
      json_object_set_int_member (o, "length", fz_document_get_length (doc));
      for (guint i = 0; i < warnings->len; i++)
        json_array_add_string_element (w, g_ptr_array_index (warnings, i));
      json_object_set_array_member (o, "warnings", w);

      json_object_set_object_member (o, "metadata", metadata_object (fz_analysis_get_metadata (analysis)));
      json_object_set_array_member (o, "sections", sections_array (doc, fz_analysis_get_sections (analysis)));
      json_object_set_array_member (o, "elements", elements_array (doc, fz_analysis_get_elements (analysis)));
      json_object_set_array_member (o, "figures", figures_array (fz_analysis_get_figures (analysis)));
      json_object_set_array_member (o, "findings", fz_json_findings (fz_analysis_get_findings (analysis)));
      json_object_set_array_member (o, "coverage", coverage_array (fz_analysis_get_coverage (analysis)));
      if (with_text)
        _fz_json_set_string_or_null (o, "text", fz_document_get_text (doc));
    }
  else
    {
      json_object_set_null_member (o, "metadata");
      json_object_set_array_member (o, "sections", json_array_new ());
      json_object_set_array_member (o, "elements", json_array_new ());
      json_object_set_array_member (o, "figures", json_array_new ());
      json_object_set_array_member (o, "findings", json_array_new ());
      json_object_set_array_member (o, "coverage", json_array_new ());
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, o);

  return node;
}

/**
 * fz_json_document:
 * @reports: (element-type JsonNode) (transfer container): report nodes
 *
 * Returns: (transfer full): the whole output document as UTF-8 text
 */
char *
fz_json_document (GPtrArray *reports,
                  gboolean   pretty)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *o = json_object_new ();
  JsonArray *a = json_array_sized_new (reports->len);

  json_object_set_string_member (o, "schema", FZ_JSON_SCHEMA);
  for (guint i = 0; i < reports->len; i++)
    json_array_add_element (a, json_node_copy (g_ptr_array_index (reports, i)));
  json_object_set_array_member (o, "reports", a);
  json_node_take_object (root, o);

  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, pretty);

  return json_generator_to_data (gen, NULL);
}
