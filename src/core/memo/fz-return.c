/* fz-return.c: the report sent back to its unit with the review in the margin
 *
 * A bureau sends the report back with its remarks as Word comments (批注):
 * the overall opinion on the title, each element opinion on its passage
 * (or, having none, on the heading of the part it belongs in), each kept
 * finding and each annotation on its passage.  fz-return-remarks.c
 * gathers the remarks from the analysis and the review; here they are
 * written: fz-docx-comments.c puts them into the unit's own .docx, and a
 * report that came in another format comes back as a .docx of its text
 * (fz-docx-package.c).
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include "fz-docx-comments.h"
#include "fz-docx-package.h"
#include "fz-i18n.h"
#include "fz-import.h"
#include "fz-memo.h"
#include "fz-return-private.h"

enum
{
  PROP_0,
  PROP_ANALYSIS,
  PROP_REVIEW,
  PROP_AUTHOR,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FzReturn, fz_return, G_TYPE_OBJECT)

static void
fz_return_finalize (GObject *object)
{
  FzReturn *self = FZ_RETURN (object);

  g_clear_object (&self->analysis);
  g_clear_object (&self->review);
  g_free (self->author);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->remarks, g_ptr_array_unref);

  G_OBJECT_CLASS (fz_return_parent_class)->finalize (object);
}

static void
fz_return_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FzReturn *self = FZ_RETURN (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;
    case PROP_REVIEW:
      g_value_set_object (value, self->review);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, fz_return_get_author (self));
      break;
    case PROP_DATE:
      g_value_set_boxed (value, fz_return_get_date (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_return_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FzReturn *self = FZ_RETURN (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      self->analysis = g_value_dup_object (value);
      break;
    case PROP_REVIEW:
      self->review = g_value_dup_object (value);
      break;
    case PROP_AUTHOR:
      fz_return_set_author (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      fz_return_set_date (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_return_class_init (FzReturnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fz_return_finalize;
  object_class->get_property = fz_return_get_property;
  object_class->set_property = fz_return_set_property;

  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL, FZ_TYPE_ANALYSIS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEW] =
    g_param_spec_object ("review", NULL, NULL, FZ_TYPE_REVIEW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fz_return_init (FzReturn *self)
{
}

FzReturn *
fz_return_new (FzAnalysis *analysis,
               FzReview   *review)
{
  g_return_val_if_fail (FZ_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (review == NULL || FZ_IS_REVIEW (review), NULL);

  return g_object_new (FZ_TYPE_RETURN, "analysis", analysis, "review", review, NULL);
}

FzAnalysis *
fz_return_get_analysis (FzReturn *self)
{
  g_return_val_if_fail (FZ_IS_RETURN (self), NULL);
  return self->analysis;
}

FzReview *
fz_return_get_review (FzReturn *self)
{
  g_return_val_if_fail (FZ_IS_RETURN (self), NULL);
  return self->review;
}

const char *
fz_return_get_author (FzReturn *self)
{
  const char *reviewer;

  g_return_val_if_fail (FZ_IS_RETURN (self), NULL);

  if (self->author != NULL && *self->author != '\0')
    return self->author;
  reviewer = self->review != NULL ? fz_review_get_reviewer (self->review) : NULL;
  return reviewer != NULL && *reviewer != '\0' ? reviewer : "审查人";
}

void
fz_return_set_author (FzReturn   *self,
                      const char *author)
{
  g_return_if_fail (FZ_IS_RETURN (self));

  if (g_strcmp0 (self->author, author) == 0)
    return;
  g_free (self->author);
  self->author = g_strdup (author);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

GDateTime *
fz_return_get_date (FzReturn *self)
{
  g_return_val_if_fail (FZ_IS_RETURN (self), NULL);
  return self->date;
}

void
fz_return_set_date (FzReturn  *self,
                    GDateTime *date)
{
  g_return_if_fail (FZ_IS_RETURN (self));

  if (self->date == date)
    return;
  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = date ? g_date_time_ref (date) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

void
fz_return_set_findings (FzReturn  *self,
                        GPtrArray *findings)
{
  g_return_if_fail (FZ_IS_RETURN (self));

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = findings ? g_ptr_array_ref (findings) : NULL;
  g_clear_pointer (&self->remarks, g_ptr_array_unref);
}

/* Writing. */

static char *
initials_of (const char *author)
{
  return author != NULL && *author != '\0' ? g_strndup (author, g_utf8_next_char (author) - author) : NULL;
}

GBytes *
fz_return_render (FzReturn      *self,
                  GBytes        *original,
                  FzReturnKind  *kind,
                  GError       **error)
{
  GPtrArray *remarks;
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *initials = NULL;
  FzDocument *doc;
  GBytes *result = NULL;

  g_return_val_if_fail (FZ_IS_RETURN (self), NULL);

  doc = fz_analysis_get_document (self->analysis);
  remarks = fz_return_get_remarks (self);
  initials = initials_of (fz_return_get_author (self));

  for (guint i = 0; i < remarks->len; i++)
    {
      const FzRemark *remark = g_ptr_array_index (remarks, i);
      FzDocxComment *c = g_new0 (FzDocxComment, 1);

      c->start = remark->start;
      c->end = remark->end;
      c->text = remark->text;
      c->author = fz_return_get_author (self);
      c->initials = initials;
      c->date = remark->date ? remark->date : self->date ? self->date : now;
      g_ptr_array_add (comments, c);
    }

  if (original != NULL && g_strcmp0 (fz_import_detect_format (original), "docx") == 0)
    {
      g_autoptr(GError) local = NULL;

      result = _fz_docx_add_comments (original, doc, comments, &local);
      if (result != NULL && kind != NULL)
        *kind = FZ_RETURN_ORIGINAL;
      /* A package the importer could read but this cannot annotate comes
       * back as text, like a PDF: the unit still gets the remarks. */
      if (result == NULL)
        g_debug ("Returning the text of the report: %s", local->message);
    }

  if (result == NULL)
    {
      const FzMetadata *meta = fz_analysis_get_metadata (self->analysis);
      g_autoptr(GBytes) text = _fz_docx_from_document (doc, fz_analysis_get_sections (self->analysis),
                                                        meta->title.value, error);

      if (text == NULL)
        return NULL;
      result = _fz_docx_add_comments (text, doc, comments, error);
      if (result != NULL && kind != NULL)
        *kind = FZ_RETURN_TEXT;
    }

  if (result != NULL)
    for (guint i = 0; i < remarks->len; i++)
      ((FzRemark *) g_ptr_array_index (remarks, i))->anchor =
        ((FzDocxComment *) g_ptr_array_index (comments, i))->quality;

  return result;
}

static gboolean
same_file (GFile *a,
           GFile *b)
{
  g_autoptr(GFileInfo) ia = NULL;
  g_autoptr(GFileInfo) ib = NULL;
  const char *ida, *idb;

  if (g_file_equal (a, b))
    return TRUE;
  /* Another path to the same file (a link, "./x" against "x"). */
  ia = g_file_query_info (a, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  ib = g_file_query_info (b, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  ida = ia ? g_file_info_get_attribute_string (ia, G_FILE_ATTRIBUTE_ID_FILE) : NULL;
  idb = ib ? g_file_info_get_attribute_string (ib, G_FILE_ATTRIBUTE_ID_FILE) : NULL;
  return ida != NULL && idb != NULL && g_str_equal (ida, idb);
}

static gboolean
refuse_original (GFile   *original,
                 GFile   *destination,
                 GError **error)
{
  if (original != NULL && same_file (original, destination))
    {
      g_set_error_literal (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_UNWRITABLE,
                           _("The returned report would replace the unit’s own file. Choose another name; the original is never changed."));
      return TRUE;
    }
  return FALSE;
}

static gboolean
render_and_write (FzReturn      *self,
                  GBytes        *bytes,
                  GFile         *destination,
                  GCancellable  *cancellable,
                  FzReturnKind  *kind,
                  GError       **error)
{
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) local = NULL;

  if ((out = fz_return_render (self, bytes, kind, error)) == NULL)
    return FALSE;

  if (!g_file_replace_contents (destination, g_bytes_get_data (out, NULL), g_bytes_get_size (out),
                                NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                cancellable, &local))
    {
      g_autofree char *name = g_file_get_parse_name (destination);

      g_set_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_UNWRITABLE,
                   _("Could not write “%s”: %s"), name, local->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
fz_return_export (FzReturn      *self,
                  GFile         *original,
                  GFile         *destination,
                  GCancellable  *cancellable,
                  FzReturnKind  *kind,
                  GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (FZ_IS_RETURN (self), FALSE);
  g_return_val_if_fail (original == NULL || G_IS_FILE (original), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  if (refuse_original (original, destination, error))
    return FALSE;

  if (original != NULL && (bytes = g_file_load_bytes (original, cancellable, NULL, &local)) == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (original);

      g_set_error (error, FZ_MEMO_ERROR, FZ_MEMO_ERROR_FAILED,
                   _("The report “%s” could not be read again: %s"), name, local->message);
      return FALSE;
    }

  return render_and_write (self, bytes, destination, cancellable, kind, error);
}

gboolean
fz_return_export_bytes (FzReturn      *self,
                        GFile         *original,
                        GBytes        *bytes,
                        GFile         *destination,
                        GCancellable  *cancellable,
                        FzReturnKind  *kind,
                        GError       **error)
{
  g_return_val_if_fail (FZ_IS_RETURN (self), FALSE);
  g_return_val_if_fail (original == NULL || G_IS_FILE (original), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  if (refuse_original (original, destination, error))
    return FALSE;
  return render_and_write (self, bytes, destination, cancellable, kind, error);
}

typedef struct
{
  GFile        *original;
  GFile        *destination;
  FzReturnKind  kind;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->original);
  g_clear_object (&data->destination);
  g_free (data);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (fz_return_export (source, data->original, data->destination, cancellable, &data->kind, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
fz_return_export_async (FzReturn            *self,
                        GFile               *original,
                        GFile               *destination,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (FZ_IS_RETURN (self));
  g_return_if_fail (original == NULL || G_IS_FILE (original));
  g_return_if_fail (G_IS_FILE (destination));

  /* The remarks are gathered here, on the caller's thread, where the
   * review lives; the worker only reads them. */
  fz_return_get_remarks (self);

  data = g_new0 (ExportData, 1);
  data->original = original ? g_object_ref (original) : NULL;
  data->destination = g_object_ref (destination);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fz_return_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_in_thread);
}

gboolean
fz_return_export_finish (FzReturn      *self,
                         GAsyncResult  *result,
                         FzReturnKind  *kind,
                         GError       **error)
{
  g_return_val_if_fail (FZ_IS_RETURN (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (kind != NULL)
    *kind = ((ExportData *) g_task_get_task_data (G_TASK (result)))->kind;
  return g_task_propagate_boolean (G_TASK (result), error);
}
