/* fz-memo.c: the review memo (审查意见) sent back with the report
 *
 * An FzMemo is a laid-out document (fz-memo-document.h) and the facts it
 * was written from; fz-memo-letter.c writes a report's letter and
 * fz-memo-summary.c a batch's summary, and the writers (fz-memo-docx.c,
 * fz-memo-pdf.c, …) lay out the document without knowing where it came
 * from.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include <string.h>

#include "fz-i18n.h"
#include "fz-json-reader.h"
#include "fz-memo-private.h"
#include "fz-memo-writers.h"

struct _FzMemo
{
  GObject         parent_instance;

  FzMemoDocument *document;
  GHashTable     *defaults;       /* paragraph key → the memo's own wording */
  JsonObject     *facts;          /* nullable: a summary memo has none */
  gboolean        opinion_is_draft;
};

G_DEFINE_FINAL_TYPE (FzMemo, fz_memo, G_TYPE_OBJECT)

static void
fz_memo_finalize (GObject *object)
{
  FzMemo *self = FZ_MEMO (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->defaults, g_hash_table_unref);
  g_clear_pointer (&self->facts, json_object_unref);

  G_OBJECT_CLASS (fz_memo_parent_class)->finalize (object);
}

static void
fz_memo_class_init (FzMemoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fz_memo_finalize;
}

static void
fz_memo_init (FzMemo *self)
{
}

FzMemo *
_fz_memo_new_for_document (FzMemoDocument *doc,
                           GHashTable     *defaults,
                           JsonObject     *facts,
                           gboolean        opinion_is_draft)
{
  FzMemo *self = g_object_new (FZ_TYPE_MEMO, NULL);

  self->document = doc;
  self->defaults = defaults != NULL ? defaults
                                    : g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->facts = facts;
  self->opinion_is_draft = opinion_is_draft;

  return self;
}

/* Formats and file names ------------------------------------------------- */

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

char *
fz_memo_dup_file_name (const char *heading,
                       const char *extension)
{
  GString *name = g_string_new (NULL);

  g_return_val_if_fail (heading != NULL, NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  for (const char *p = heading; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      /* A character, not a byte, is compared: 政 (U+653F) ends in the
       * byte of "?" and must stay 政. */
      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (c < 0x20 || c == 0x7f || (c < 0x80 && strchr ("/\\:*?\"<>|", (char) c) != NULL))
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  g_string_append_printf (name, ".%s", extension);

  return g_string_free (name, FALSE);
}

/* Dates ------------------------------------------------------------------ */

char *
_fz_memo_date_text (GDateTime *date)
{
  g_autoptr(GDateTime) today = date == NULL ? g_date_time_new_now_local () : NULL;

  return g_date_time_format (date != NULL ? date : today, "%Y年%-m月%-d日");
}

char *
_fz_memo_iso_date_text (const char *date)
{
  int y, m, d;

  if (date == NULL || !fz_parse_date (date, &y, &m, &d))
    return NULL;

  return g_strdup_printf ("%d年%d月%d日", y, m, d);
}

/* Making memos ----------------------------------------------------------- */

FzMemo *
fz_memo_new_full (FzAnalysis          *analysis,
                  FzReview            *review,
                  const FzMemoOptions *options)
{
  FzMemoLetterInfo info = { 0 };
  FzMemoDocument *doc;

  g_return_val_if_fail (FZ_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (review == NULL || FZ_IS_REVIEW (review), NULL);

  doc = _fz_memo_build_letter (analysis, review, options, &info);

  return _fz_memo_new_for_document (doc, info.defaults, info.facts, info.opinion_is_draft);
}

FzMemo *
fz_memo_new (FzAnalysis *analysis,
             FzReview   *review)
{
  return fz_memo_new_full (analysis, review, NULL);
}

FzMemo *
fz_memo_new_for_batch_full (FzBatch             *batch,
                            const FzMemoOptions *options)
{
  g_return_val_if_fail (FZ_IS_BATCH (batch), NULL);

  return _fz_memo_new_for_document (_fz_memo_build_summary (batch, options), NULL, NULL, FALSE);
}

FzMemo *
fz_memo_new_for_batch (FzBatch *batch)
{
  return fz_memo_new_for_batch_full (batch, NULL);
}

const char *
fz_memo_get_heading (FzMemo *self)
{
  g_return_val_if_fail (FZ_IS_MEMO (self), NULL);

  return fz_memo_document_get_heading (self->document);
}

FzMemoDocument *
fz_memo_get_document (FzMemo *self)
{
  g_return_val_if_fail (FZ_IS_MEMO (self), NULL);

  return self->document;
}

const char *
fz_memo_get_default_text (FzMemo     *self,
                          const char *key)
{
  g_return_val_if_fail (FZ_IS_MEMO (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->defaults, key);
}

gboolean
fz_memo_get_opinion_is_draft (FzMemo *self)
{
  g_return_val_if_fail (FZ_IS_MEMO (self), FALSE);

  return self->opinion_is_draft;
}

/* JSON ------------------------------------------------------------------- */

static const char * const block_kinds[] = {
  [FZ_MEMO_BLOCK_LETTERHEAD] = "letterhead",
  [FZ_MEMO_BLOCK_NUMBER] = "number",
  [FZ_MEMO_BLOCK_TITLE] = "title",
  [FZ_MEMO_BLOCK_ADDRESSEE] = "addressee",
  [FZ_MEMO_BLOCK_META] = "meta",
  [FZ_MEMO_BLOCK_HEADING] = "heading",
  [FZ_MEMO_BLOCK_PARAGRAPH] = "paragraph",
  [FZ_MEMO_BLOCK_TABLE] = "table",
  [FZ_MEMO_BLOCK_SIGNATURE] = "signature",
  [FZ_MEMO_BLOCK_DATE] = "date",
  [FZ_MEMO_BLOCK_NOTE] = "note",
};

static JsonObject *
block_to_json (const FzMemoBlock *b)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "kind", block_kinds[b->kind]);
  if (b->key != NULL)
    json_object_set_string_member (o, "key", b->key);
  if (b->lead != NULL)
    json_object_set_string_member (o, "lead", b->lead);

  if (b->kind == FZ_MEMO_BLOCK_TABLE)
    {
      JsonArray *header = json_array_new ();
      JsonArray *widths = json_array_new ();
      JsonArray *rows = json_array_new ();

      for (guint c = 0; b->header[c] != NULL; c++)
        {
          json_array_add_string_element (header, b->header[c]);
          json_array_add_double_element (widths, b->widths[c]);
        }
      for (guint r = 0; r < b->rows->len; r++)
        {
          char **cells = g_ptr_array_index (b->rows, r);
          JsonArray *row = json_array_new ();

          for (guint c = 0; cells[c] != NULL; c++)
            json_array_add_string_element (row, cells[c]);
          json_array_add_array_element (rows, row);
        }
      json_object_set_array_member (o, "header", header);
      json_object_set_array_member (o, "widths", widths);
      json_object_set_array_member (o, "rows", rows);
    }
  else
    json_object_set_string_member (o, "text", b->text);

  return o;
}

char *
fz_memo_to_json (FzMemo *self)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *o = json_object_new ();
  JsonArray *blocks = json_array_new ();

  g_return_val_if_fail (FZ_IS_MEMO (self), NULL);

  json_object_set_string_member (o, "schema", FZ_MEMO_JSON_SCHEMA);
  json_object_set_string_member (o, "heading", fz_memo_get_heading (self));
  for (guint i = 0; i < fz_memo_document_get_n_blocks (self->document); i++)
    json_array_add_object_element (blocks, block_to_json (fz_memo_document_get_block (self->document, i)));
  json_object_set_array_member (o, "blocks", blocks);
  json_object_set_boolean_member (o, "opinion_is_draft", self->opinion_is_draft);
  if (self->facts != NULL)
    json_object_set_object_member (o, "facts", json_object_ref (self->facts));
  else
    json_object_set_null_member (o, "facts");

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

static char **
read_strings (FzJsonReader *r,
              JsonArray    *array,
              const char   *name)
{
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          _fz_json_reader_fail_member (r, name);
          break;
        }
      g_strv_builder_add (out, json_node_get_string (node));
    }

  return g_strv_builder_end (out);
}

static FzMemoBlock *
block_from_json (FzJsonReader *r,
                 JsonObject   *o)
{
  const char *kind = _fz_json_reader_get_string (r, o, "kind", FALSE);
  FzMemoBlock *b = NULL;
  int k = -1;

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (block_kinds); i++)
    if (g_str_equal (kind, block_kinds[i]))
      k = i;
  if (k < 0)
    {
      _fz_json_reader_fail_member (r, "kind");
      return NULL;
    }

  if (k == FZ_MEMO_BLOCK_TABLE)
    {
      JsonArray *header = _fz_json_reader_get_array (r, o, "header");
      JsonArray *widths = _fz_json_reader_get_array (r, o, "widths");
      JsonArray *rows = _fz_json_reader_get_array (r, o, "rows");
      g_auto(GStrv) titles = NULL;
      g_autofree double *w = NULL;
      guint n;

      if (r->failed)
        return NULL;
      titles = read_strings (r, header, "header");
      n = g_strv_length (titles);
      if (r->failed || n == 0 || json_array_get_length (widths) != n)
        {
          _fz_json_reader_fail_member (r, "widths");
          return NULL;
        }
      w = g_new (double, n);
      for (guint c = 0; c < n; c++)
        {
          JsonNode *node = json_array_get_element (widths, c);

          if (!JSON_NODE_HOLDS_VALUE (node) ||
              (json_node_get_value_type (node) != G_TYPE_DOUBLE && json_node_get_value_type (node) != G_TYPE_INT64))
            {
              _fz_json_reader_fail_member (r, "widths");
              return NULL;
            }
          w[c] = json_node_get_double (node);
        }
      b = fz_memo_block_new_table (n, (const char * const *) titles, w);
      for (guint i = 0; i < json_array_get_length (rows) && !r->failed; i++)
        {
          JsonNode *node = json_array_get_element (rows, i);
          g_auto(GStrv) cells = NULL;

          if (!JSON_NODE_HOLDS_ARRAY (node))
            {
              _fz_json_reader_fail_member (r, "rows");
              break;
            }
          cells = read_strings (r, json_node_get_array (node), "rows");
          if (!r->failed && g_strv_length (cells) != n)
            _fz_json_reader_fail_member (r, "rows");
          if (!r->failed)
            fz_memo_block_add_row (b, (const char * const *) cells);
        }
    }
  else
    {
      const char *text = _fz_json_reader_get_string (r, o, "text", FALSE);

      if (r->failed)
        return NULL;
      b = fz_memo_block_new_text (k, text);
    }

  b->key = g_strdup (_fz_json_reader_get_string (r, o, "key", TRUE));
  b->lead = g_strdup (_fz_json_reader_get_string (r, o, "lead", TRUE));
  if (r->failed)
    g_clear_pointer (&b, fz_memo_block_free);

  return b;
}

FzMemo *
fz_memo_new_from_json (const char  *data,
                       gssize       len,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(FzMemoDocument) doc = NULL;
  FzJsonReader r = { error, FALSE, memo_member_fail, NULL };
  JsonObject *o, *facts = NULL;
  JsonNode *root, *facts_node;
  JsonArray *blocks;
  const char *schema, *heading;
  gboolean draft;

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
  schema = _fz_json_reader_get_string (&r, o, "schema", FALSE);
  if (r.failed || g_strcmp0 (schema, FZ_MEMO_JSON_SCHEMA) != 0)
    {
      r.failed = FALSE;
      _fz_json_reader_fail_member (&r, "schema");
      return NULL;
    }

  heading = _fz_json_reader_get_string (&r, o, "heading", FALSE);
  blocks = _fz_json_reader_get_array (&r, o, "blocks");
  draft = _fz_json_reader_get_bool (&r, o, "opinion_is_draft");
  facts_node = json_object_get_member (o, "facts");
  if (facts_node != NULL && !JSON_NODE_HOLDS_NULL (facts_node))
    facts = _fz_json_reader_get_object (&r, o, "facts");
  if (r.failed)
    return NULL;

  doc = fz_memo_document_new (heading);
  for (guint i = 0; i < json_array_get_length (blocks) && !r.failed; i++)
    {
      JsonObject *bo = _fz_json_reader_get_element (&r, blocks, i, "blocks");
      FzMemoBlock *b = bo != NULL ? block_from_json (&r, bo) : NULL;

      if (b != NULL)
        fz_memo_document_add (doc, b);
    }
  if (r.failed)
    return NULL;

  return _fz_memo_new_for_document (g_steal_pointer (&doc), NULL,
                                    facts != NULL ? json_object_ref (facts) : NULL, draft);
}

/* Rendering and export --------------------------------------------------- */

GBytes *
fz_memo_render (FzMemo        *self,
                FzMemoFormat   format,
                GError       **error)
{
  g_return_val_if_fail (FZ_IS_MEMO (self), NULL);

  switch (format)
    {
    case FZ_MEMO_FORMAT_DOCX:
      return _fz_memo_write_docx (self->document, error);
    case FZ_MEMO_FORMAT_PDF:
      return _fz_memo_write_pdf (self->document, error);
    case FZ_MEMO_FORMAT_HTML:
      return _fz_memo_write_html (self->document, error);
    case FZ_MEMO_FORMAT_MARKDOWN:
      return _fz_memo_write_markdown (self->document, error);
    case FZ_MEMO_FORMAT_JSON:
      /* The JSON of a batch is fazhi-check's; the summary is for people. */
      if (self->facts == NULL)
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

guint
fz_memo_count_pages (FzMemo  *self,
                     cairo_t *cr)
{
  g_return_val_if_fail (FZ_IS_MEMO (self), 0);

  return _fz_memo_count_pages (self->document, cr);
}

void
fz_memo_draw_page (FzMemo  *self,
                   cairo_t *cr,
                   guint    page)
{
  g_return_if_fail (FZ_IS_MEMO (self));

  _fz_memo_draw_page (self->document, cr, page);
}
