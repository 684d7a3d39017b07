/* fz-test-checks.c: helpers the tests of the checks share
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fz-test-checks.h"
#include "fz-test-utils.h"

/* FzMetadata built by hand, so these tests do not depend on the metadata
 * pass; the fields set here are freed here. */
void
fz_test_set_field (FzMetaField *field,
                   FzDocument  *doc,
                   guint        start,
                   guint        end)
{
  g_free (field->value);
  field->value = fz_document_dup_range (doc, start, end);
  field->start = start;
  field->end = end;
}

FzMetadata *
fz_test_metadata_from_paragraphs (FzDocument *doc,
                                  gboolean    with_closing)
{
  FzMetadata *meta = g_new0 (FzMetadata, 1);

  for (guint i = 0; i < fz_document_get_n_paragraphs (doc); i++)
    {
      const FzParagraph *p = fz_document_get_paragraph (doc, i);
      g_autofree char *text = fz_document_dup_range (doc, p->start, p->end);
      guint end = p->end;

      switch (p->kind)
        {
        case FZ_PARAGRAPH_TITLE:
          if (meta->title.value == NULL)
            fz_test_set_field (&meta->title, doc, p->start, p->end);
          break;

        case FZ_PARAGRAPH_ADDRESSEE:
          /* Without the final colon, as the metadata pass gives it. */
          if (g_str_has_suffix (text, "：") || g_str_has_suffix (text, ":"))
            end--;
          if (meta->addressee.value == NULL)
            fz_test_set_field (&meta->addressee, doc, p->start, end);
          break;

        case FZ_PARAGRAPH_SIGNATURE:
          if (with_closing && meta->issuer.value == NULL)
            fz_test_set_field (&meta->issuer, doc, p->start, p->end);
          break;

        case FZ_PARAGRAPH_DATE:
          if (with_closing && meta->date.value == NULL)
            fz_test_set_field (&meta->date, doc, p->start, p->end);
          break;

        case FZ_PARAGRAPH_BODY:
        case FZ_PARAGRAPH_ISSUER_MARK:
        case FZ_PARAGRAPH_DOC_NUMBER:
        case FZ_PARAGRAPH_SIGNER:
        case FZ_PARAGRAPH_HEADING:
        case FZ_PARAGRAPH_CLOSING:
        case FZ_PARAGRAPH_NOTE:
        case FZ_PARAGRAPH_CC:
        case FZ_PARAGRAPH_PRINTED:
        case FZ_PARAGRAPH_FURNITURE:
        default:
          break;
        }
    }

  return meta;
}

void
fz_test_metadata_release (FzMetadata *meta)
{
  g_free (meta->title.value);
  g_free (meta->addressee.value);
  g_free (meta->issuer.value);
  g_free (meta->date.value);
  g_free (meta);
}

/* Findings must be sorted, and each must describe its own range. */
void
fz_test_assert_consistent (FzDocument *doc,
                           GPtrArray  *findings)
{
  guint last = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      FzFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *range = fz_document_dup_range (doc, f->start, f->end);

      g_assert_cmpstr (range, ==, f->text);
      g_assert_cmpuint (f->start, <=, f->end);
      g_assert_cmpuint (f->start, >=, last);
      g_assert_nonnull (f->message);
      g_assert_cmpstr (f->message, !=, "");
      last = f->start;
    }
}

GPtrArray *
fz_test_check_doc (FzDocument *doc,
                   FzMetadata *meta)
{
  g_autoptr(GPtrArray) sections = fz_outline_build (doc);
  GPtrArray *findings = fz_checks_run (doc, sections, meta);

  fz_test_assert_consistent (doc, findings);

  return findings;
}

/* Runs every check on @text with the metadata its own paragraphs give. */
GPtrArray *
fz_test_check_text (const char  *text,
                    FzDocument **doc_out)
{
  FzDocument *doc = fz_document_new_from_text (text, -1, NULL);
  FzMetadata *meta = fz_test_metadata_from_paragraphs (doc, TRUE);
  GPtrArray *findings = fz_test_check_doc (doc, meta);

  fz_test_metadata_release (meta);
  *doc_out = doc;

  return findings;
}

FzFinding *
fz_test_find (GPtrArray  *findings,
              const char *id,
              const char *text)
{
  for (guint i = 0; i < findings->len; i++)
    {
      FzFinding *f = g_ptr_array_index (findings, i);

      if (g_strcmp0 (f->id, id) == 0 && g_strcmp0 (f->text, text) == 0)
        return f;
    }

  for (guint i = 0; i < findings->len; i++)
    {
      FzFinding *f = g_ptr_array_index (findings, i);
      g_test_message ("have %s “%s”", f->id, f->text);
    }
  g_error ("no %s finding over “%s”", id, text);

  return NULL;
}

FzFinding *
fz_test_assert_finding (GPtrArray  *findings,
                        const char *id,
                        const char *text,
                        FzSeverity  severity,
                        const char *suggestion)
{
  FzFinding *f = fz_test_find (findings, id, text);

  g_assert_cmpint (f->severity, ==, severity);
  g_assert_cmpstr (f->suggestion, ==, suggestion);

  return f;
}

void
fz_test_assert_none (GPtrArray  *findings,
                     const char *id)
{
  for (guint i = 0; i < findings->len; i++)
    {
      FzFinding *f = g_ptr_array_index (findings, i);

      if (g_strcmp0 (f->id, id) == 0)
        g_error ("unexpected %s over “%s”: %s", f->id, f->text, f->message);
    }
}

void
fz_test_assert_clean (const char *id,
                      const char *text)
{
  g_autoptr(FzDocument) doc = NULL;
  g_autoptr(GPtrArray) findings = fz_test_check_text (text, &doc);

  fz_test_assert_none (findings, id);
}

char *
fz_test_clean_text (void)
{
  g_autofree char *path = g_build_filename (TESTDATADIR, "reports", "checks-clean.txt", NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Replaces every @from in @text by @to; @from must be there. */
char *
fz_test_replace_in (const char *text,
                    const char *from,
                    const char *to)
{
  g_auto(GStrv) parts = NULL;

  g_assert_nonnull (strstr (text, from));
  parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

/* The clean report with every @from replaced by @to. */
char *
fz_test_plant (const char *from,
               const char *to)
{
  g_autofree char *text = fz_test_clean_text ();

  return fz_test_replace_in (text, from, to);
}

FzAnalysis *
fz_test_analyse (const char *text,
                 const char *rules_xml)
{
  g_autoptr(FzDocument) doc = fz_document_new_from_text (text, -1, NULL);
  g_autoptr(FzRuleSet) rules = NULL;
  g_autoptr(GError) error = NULL;
  FzAnalysis *analysis;

  if (rules_xml != NULL)
    rules = fz_ruleset_new_from_data (rules_xml, strlen (rules_xml), "test.xml", &error);
  else
    rules = fz_test_load_rules ("national");

  analysis = fz_analysis_new (doc, rules);
  fz_test_assert_consistent (doc, fz_analysis_get_findings (analysis));

  return analysis;
}

/* The findings of the clean report with @from replaced by @to. */
FzAnalysis *
fz_test_analyse_planted (const char *from,
                         const char *to)
{
  g_autofree char *text = fz_test_plant (from, to);

  return fz_test_analyse (text, NULL);
}

FzFinding *
fz_test_find_with (GPtrArray  *findings,
                   const char *id,
                   const char *text,
                   const char *in_message)
{
  FzFinding *f = fz_test_find (findings, id, text);

  if (in_message != NULL && strstr (f->message, in_message) == NULL)
    g_error ("%s over “%s” says “%s”, without “%s”", id, text, f->message, in_message);

  return f;
}
