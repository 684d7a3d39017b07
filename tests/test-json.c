/* test-json.c: the fazhi-check/1 interface, from the library and the CLI
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fz-test-utils.h"
#include "libfazhi.h"

static JsonObject *
parse_object (const char *text,
              JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_node_get_object (json_parser_get_root (parser));
}

static FzAnalysis *
analyse_sample (void)
{
  g_autoptr(FzDocument) doc = fz_test_import_path (SAMPLE_REPORT);

  return fz_analysis_new (doc, fz_test_national ());
}

/* Every range in the output must cut the normalized text at the same place
 * as the "text" member says: offsets count characters, not bytes. */
static void
assert_ranges_match_text (JsonArray  *array,
                          const char *text)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      gint64 start = json_object_get_int_member (o, "start");
      gint64 end = json_object_get_int_member (o, "end");
      const char *s = g_utf8_offset_to_pointer (text, start);
      const char *e = g_utf8_offset_to_pointer (text, end);
      g_autofree char *slice = g_strndup (s, e - s);

      g_assert_cmpint (start, <=, end);
      if (json_object_has_member (o, "text") && !json_object_get_null_member (o, "text"))
        g_assert_cmpstr (slice, ==, json_object_get_string_member (o, "text"));
    }
}

static gboolean
strv_has_string (JsonArray  *array,
                 const char *string)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_str_equal (json_array_get_string_element (array, i), string))
      return TRUE;

  return FALSE;
}

static void
test_report_shape (void)
{
  g_autoptr(FzAnalysis) a = analyse_sample ();
  g_autoptr(JsonNode) node = fz_json_report ("sample.txt", NULL, "national", a, NULL, TRUE);
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autofree char *doc_text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *report, *meta;
  JsonArray *elements;
  const char *text;

  g_ptr_array_add (reports, json_node_ref (node));
  doc_text = fz_json_document (reports, FALSE);
  root = parse_object (doc_text, parser);

  g_assert_cmpstr (json_object_get_string_member (root, "schema"), ==, "fazhi-check/1");
  report = json_array_get_object_element (json_object_get_array_member (root, "reports"), 0);
  g_assert_cmpstr (json_object_get_string_member (report, "file"), ==, "sample.txt");
  g_assert_cmpstr (json_object_get_string_member (report, "format"), ==, "text");
  g_assert_true (json_object_get_null_member (report, "error"));
  g_assert_cmpstr (json_object_get_string_member (report, "ruleset"), ==, "national");

  meta = json_object_get_object_member (report, "metadata");
  g_assert_cmpstr (json_object_get_string_member (meta, "title"), ==,
                   "青禾县石桥镇人民政府关于2024年度法治政府建设情况的报告");
  g_assert_cmpstr (json_object_get_string_member (meta, "doc_number"), ==, "石府〔2025〕8号");
  g_assert_cmpstr (json_object_get_string_member (meta, "date"), ==, "2025-02-20");
  g_assert_cmpint (json_object_get_int_member (meta, "report_year"), ==, 2024);
  g_assert_cmpstr (json_object_get_string_member (meta, "level"), ==, "township");
  g_assert_cmpstr (json_object_get_string_member (meta, "signer"), ==, "林晓东");

  text = json_object_get_string_member (report, "text");
  g_assert_nonnull (text);
  g_assert_cmpint (json_object_get_int_member (report, "length"), ==, g_utf8_strlen (text, -1));

  elements = json_object_get_array_member (report, "elements");
  g_assert_cmpuint (json_array_get_length (elements), ==, fz_analysis_get_elements (a)->len);
  for (guint i = 0; i < json_array_get_length (elements); i++)
    {
      JsonObject *e = json_array_get_object_element (elements, i);
      FzStatus status;

      g_assert_true (json_object_has_member (e, "id"));
      g_assert_true (json_object_has_member (e, "name"));
      g_assert_true (json_object_has_member (e, "required"));
      g_assert_true (json_object_has_member (e, "confidence"));
      g_assert_true (json_object_has_member (e, "explanation"));
      g_assert_true (fz_status_from_string (json_object_get_string_member (e, "status"), &status));
      assert_ranges_match_text (json_object_get_array_member (e, "evidence"), text);
    }

  assert_ranges_match_text (json_object_get_array_member (report, "figures"), text);
  assert_ranges_match_text (json_object_get_array_member (report, "findings"), text);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "sections")), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "figures")), >, 10);

  /* The 纲要 areas, in the outline's order, each with a known status; an
   * area that is mentioned points at a keyword in the text. */
  {
    JsonArray *coverage = json_object_get_array_member (report, "coverage");
    guint covered = 0;

    g_assert_cmpuint (json_array_get_length (coverage), ==, 9);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (coverage, 0), "id"), ==,
                     "area_functions");
    for (guint i = 0; i < json_array_get_length (coverage); i++)
      {
        JsonObject *c = json_array_get_object_element (coverage, i);
        const char *status = json_object_get_string_member (c, "status");
        JsonArray *keywords = json_object_get_array_member (c, "keywords");

        g_assert_true (g_str_equal (status, "covered") || g_str_equal (status, "mentioned") ||
                       g_str_equal (status, "absent"));
        /* The sample reports on mediation at length and says nothing
         * of digital government. */
        if (g_str_equal (json_object_get_string_member (c, "id"), "area_disputes"))
          g_assert_cmpstr (status, ==, "covered");
        if (g_str_equal (json_object_get_string_member (c, "id"), "area_digital"))
          g_assert_cmpstr (status, ==, "absent");
        covered += g_str_equal (status, "covered");
        if (json_object_get_int_member (c, "hits") > 0)
          {
            g_autofree char *at = g_utf8_substring (text, json_object_get_int_member (c, "start"),
                                                    json_object_get_int_member (c, "end"));

            g_assert_cmpuint (json_array_get_length (keywords), >, 0);
            g_assert_true (strv_has_string (keywords, at));
          }
        else
          {
            g_assert_true (json_object_get_null_member (c, "start"));
            g_assert_cmpuint (json_array_get_length (keywords), ==, 0);
          }
      }
    g_assert_cmpuint (covered, >=, 3);
  }

  /* The sample plants a repeated word; it must come out with its place. */
  {
    JsonArray *findings = json_object_get_array_member (report, "findings");
    gboolean seen = FALSE;

    for (guint i = 0; i < json_array_get_length (findings); i++)
      {
        JsonObject *f = json_array_get_object_element (findings, i);
        if (g_str_equal (json_object_get_string_member (f, "id"), "repeated_word"))
          seen = g_str_equal (json_object_get_string_member (f, "text"), "压实压实");
      }
    g_assert_true (seen);
  }
}

static void
test_error_report (void)
{
  g_autoptr(GError) error = g_error_new (FZ_IMPORT_ERROR, FZ_IMPORT_ERROR_EMPTY, "Cannot open “x.txt”: The file is empty.");
  g_autoptr(JsonNode) node = fz_json_report ("x.txt", "text", "national", NULL, error, FALSE);
  JsonObject *o = json_node_get_object (node);
  JsonObject *err = json_object_get_object_member (o, "error");

  g_assert_cmpstr (json_object_get_string_member (err, "code"), ==, "empty");
  g_assert_nonnull (strstr (json_object_get_string_member (err, "message"), "x.txt"));
  g_assert_true (json_object_get_null_member (o, "metadata"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "elements")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "coverage")), ==, 0);
}

static void
test_cli_json (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *missing = g_build_filename (g_get_tmp_dir (), "fazhi-no-such-report.txt", NULL);
  const char *args[] = { "--format=json", SAMPLE_REPORT, missing, SAMPLE_REPORT, NULL };
  JsonObject *root;
  JsonArray *reports;

  /* One unreadable file: exit 3, and the others are still analysed. */
  g_assert_cmpint (fz_test_run_cli (args, &out, &err), ==, 3);
  root = parse_object (out, parser);
  reports = json_object_get_array_member (root, "reports");
  g_assert_cmpuint (json_array_get_length (reports), ==, 3);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (reports, 0), "error"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_array_get_object_element (reports, 1), "error"), "code"), ==, "not_found");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (reports, 2), "error"));
  g_assert_false (json_object_has_member (json_array_get_object_element (reports, 0), "text"));
}

static void
test_cli_text_and_usage (void)
{
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { SAMPLE_REPORT, NULL };

    g_assert_cmpint (fz_test_run_cli (args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "青禾县石桥镇人民政府"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "--format=xml", SAMPLE_REPORT, NULL };

    g_assert_cmpint (fz_test_run_cli (args, &out, &err), ==, 2);
    g_assert_cmpstr (err, !=, "");
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { NULL };

    g_assert_cmpint (fz_test_run_cli (args, &out, &err), ==, 2);
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "--rules=/nonexistent/rules.xml", SAMPLE_REPORT, NULL };

    g_assert_cmpint (fz_test_run_cli (args, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "rules.xml"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "--rules=guangdong", "--format=json", "--with-text", SAMPLE_REPORT, NULL };
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *report;

    g_assert_cmpint (fz_test_run_cli (args, &out, &err), ==, 0);
    report = json_array_get_object_element (json_object_get_array_member (parse_object (out, parser), "reports"), 0);
    g_assert_cmpstr (json_object_get_string_member (report, "ruleset"), ==, "guangdong");
    g_assert_nonnull (json_object_get_string_member (report, "text"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fz_init ();

  g_test_add_func ("/json/report-shape", test_report_shape);
  g_test_add_func ("/json/error-report", test_error_report);
  g_test_add_func ("/json/cli-json", test_cli_json);
  g_test_add_func ("/json/cli-text-and-usage", test_cli_text_and_usage);

  return fz_test_run ();
}
