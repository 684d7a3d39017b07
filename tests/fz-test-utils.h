/* fz-test-utils.h: helpers shared by the engine tests
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "libfazhi.h"

G_BEGIN_DECLS

/* Each imports a report that must be readable, failing the test otherwise. */
FzDocument *fz_test_import       (GFile      *file);
FzDocument *fz_test_import_path  (const char *path);
/* A fixture report from tests/data/reports. */
FzDocument *fz_test_load_fixture (const char *name);

/* The rule set @id_or_path, which must load. */
FzRuleSet  *fz_test_load_rules       (const char *id_or_path);
/* The national rule set, loaded on first use; fz_test_run() releases it
 * before main() returns, for the leak checker. */
FzRuleSet  *fz_test_national         (void);
/* Runs the tests (g_test_run()), then releases the national rule set;
 * returns what g_test_run() did. */
int         fz_test_run              (void);
/* tests/data/@folder/@name, or @text, checked against it. */
FzAnalysis *fz_test_analyse_fixture  (const char *folder,
                                      const char *name);
FzAnalysis *fz_test_analyse_text     (const char *text);

/* One line of the reference corpus's expected.tsv. */
typedef struct
{
  char  *seed;
  char  *kind;      /* element, meta, finding, text */
  char  *id;
  char  *expected;
  guint  line;
} FzTestExpectation;

/* The lines of @corpus_dir/expected.tsv, or NULL when the corpus is not
 * there. */
GPtrArray  *fz_test_load_expectations (const char *corpus_dir);
/* Adds @test at @prefix/<seed> once for each seed @expectations names, with
 * the seed as its data; when @expectations is NULL, one test
 * @prefix/absent that skips and says why. */
void        fz_test_add_seed_tests    (const char    *prefix,
                                       GPtrArray     *expectations,
                                       GTestDataFunc  test);
/* Whether @e holds for @doc analysed under the national and the Guangdong
 * rule sets; @got receives what was found instead. */
gboolean    fz_test_check_expectation (const FzTestExpectation *e,
                                       FzDocument              *doc,
                                       FzAnalysis              *national,
                                       FzAnalysis              *guangdong,
                                       char                   **got);
/* A metadata field by its expected.tsv id ("title", "date", …); newly
 * allocated, NULL when absent. */
char       *fz_test_meta_value        (const FzMetadata *meta,
                                       const char       *id);

/* A GAsyncReadyCallback for fz_published_page_load_async(): the page,
 * which must load, goes to @page_out (FzPublishedPage **). */
void        fz_test_page_loaded       (GObject      *object,
                                       GAsyncResult *result,
                                       gpointer      page_out);

/* A GAsyncReadyCallback that keeps a reference to @result in
 * *(GAsyncResult **) @result_out, and what waits for it: runs the main
 * context until the result is there, and returns it (still owned by
 * @result_out), for the operation's _finish(). */
void          fz_test_keep_result   (GObject       *source,
                                     GAsyncResult  *result,
                                     gpointer       result_out);
GAsyncResult *fz_test_wait_result   (GAsyncResult **result_out);

/* The entry of @entries (FzBatchEntry) shown as @name, which must be
 * there; owned by the model. */
FzBatchEntry *fz_test_find_entry    (GListModel  *entries,
                                     const char  *name);

/* The last block of @kind before the block @key of @doc, or NULL (also
 * when there is no block @key). */
const FzMemoBlock *fz_test_block_before (FzMemoDocument  *doc,
                                         const char      *key,
                                         FzMemoBlockKind  kind);

/* How many of @findings have @id. */
guint       fz_test_count_id          (GPtrArray  *findings,
                                       const char *id);

/* The line (from 1) of the first occurrence of @needle in @text, which
 * must hold it: where a test expects a message to point. */
guint       fz_test_line_of           (const char *text,
                                       const char *needle);

/* A new folder from @tmpl (as g_dir_make_tmp() takes it), which must be
 * made. */
char       *fz_test_make_tmp_dir      (const char *tmpl);
/* The folder @subdir (nullable: the corpus itself) of the reference corpus
 * (FAZHI_CORPUS_DIR, else ../shared/corpus), or NULL with the test skipped
 * when it is not there. */
char       *fz_test_corpus_dir        (const char *subdir);
/* The paths of the corpus's seeds (the .txt files of seeds/) in name order, or NULL
 * with the test skipped when the corpus is not there. */
GPtrArray  *fz_test_seed_paths        (void);
/* Each seed, in that order, analysed under the national rule set; NULL as
 * above. */
GPtrArray  *fz_test_analyse_seeds     (void);

/* @error, which must be set, points at the mistake: its message starts
 * with "@file:@line: ", so the user can go there, and holds @detail. */
void        fz_test_assert_error_at   (const GError *error,
                                       const char   *file,
                                       guint         line,
                                       const char   *detail);

/* Writes the file @source with its first @from replaced by @to (which
 * must be there) as county.xml in a new folder, and returns its path;
 * @line receives the line (from 1) of @line_of, or of @from when NULL, in
 * @source: where a message about the mistake must point. */
char       *fz_test_write_broken_copy  (const char *source,
                                        const char *from,
                                        const char *to,
                                        const char *line_of,
                                        guint      *line);
/* tests/data/score/page-identical.html put up again on 4月15日, after the
 * deadline: the same page at a later address and date, written in a
 * folder of its own; returns its path, for fz_test_remove_copy(). */
char       *fz_test_write_late_page    (void);
/* Removes @path and its folder, made for it alone (as
 * fz_test_write_broken_copy() makes one). */
void        fz_test_remove_copy        (const char *path);

/* Runs fazhi-check with @args (NULL-terminated), collecting its output in
 * @out and @err (nullable; what they held is freed first); its exit
 * status, or -1 when it did not exit. */
int         fz_test_run_cli           (const char * const *args,
                                       char              **out,
                                       char              **err);

/* One part of a zip: its name and what it holds. */
typedef struct
{
  char   *name;
  GBytes *content;
} FzTestZipPart;

/* The parts of the zip at @path (FzTestZipPart), in the order they stand
 * in it, read with libarchive: apart from the application's own reader.
 * The test fails when the zip does not read to the end. */
GPtrArray  *fz_test_read_zip          (const char  *path);
/* The text of the part @name of the zip at @path, or NULL when it has
 * none. */
char       *fz_test_read_zip_member   (const char  *path,
                                       const char  *name);

/* Converts @input to PDF with LibreOffice (@soffice), which must succeed,
 * into @dir under a profile of its own there; @envp (nullable) is its
 * environment.  Returns the PDF's path, which must be there; what
 * LibreOffice printed goes to @out (nullable). */
char       *fz_test_soffice_to_pdf    (const char  *soffice,
                                       const char  *input,
                                       const char  *dir,
                                       char       **envp,
                                       char       **out);

/* Checks pdffonts' table @pdffonts_output: every font it lists is embedded.
 * Returns how many it lists. */
guint       fz_test_assert_fonts_embedded (const char *pdffonts_output);

G_END_DECLS
