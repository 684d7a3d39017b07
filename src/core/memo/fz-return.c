/* fz-return.c: the report sent back to its unit with the review in the margin
 *
 * A bureau sends the report back with its remarks as Word comments (批注):
 * the overall opinion on the title, each element opinion on its passage
 * (or, having none, on the heading of the part it belongs in), each kept
 * finding and each annotation on its passage.  The remarks are gathered
 * here from the analysis and the review; fz-docx-comments.c writes them
 * into the unit's own .docx, and a report that came in another format
 * comes back as a .docx of its text (fz-docx-package.c).
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fz-memo"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fz-docx-comments.h"
#include "fz-docx-package.h"
#include "fz-i18n.h"
#include "fz-import.h"
#include "fz-memo.h"
#include "fz-places.h"
#include "fz-return.h"

/* A finding seen more often than this gets one comment, on its first
 * occurrence, that counts them all: two hundred comments on commas hide
 * the ones that matter. */
#define MAX_EACH 5

struct _FzReturn
{
  GObject     parent_instance;

  FzAnalysis *analysis;
  FzReview   *review;
  char       *author;
  GDateTime  *date;
  GPtrArray  *findings;           /* FzFinding kept, or NULL for the default */
  GPtrArray  *remarks;            /* FzRemark, built on demand */
};

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
G_DEFINE_BOXED_TYPE (FzRemark, fz_remark, fz_remark_copy, fz_remark_free)

const char *
fz_remark_kind_to_string (FzRemarkKind kind)
{
  switch (kind)
    {
    case FZ_REMARK_OPINION:    return "opinion";
    case FZ_REMARK_ELEMENT:    return "element";
    case FZ_REMARK_FINDING:    return "finding";
    case FZ_REMARK_ANNOTATION: return "annotation";
    default:                   return "finding";
    }
}

FzRemark *
fz_remark_copy (const FzRemark *remark)
{
  FzRemark *copy = g_memdup2 (remark, sizeof *remark);

  copy->id = g_strdup (remark->id);
  copy->text = g_strdup (remark->text);
  copy->date = remark->date ? g_date_time_ref (remark->date) : NULL;
  return copy;
}

void
fz_remark_free (FzRemark *remark)
{
  if (remark == NULL)
    return;
  g_free (remark->id);
  g_free (remark->text);
  g_clear_pointer (&remark->date, g_date_time_unref);
  g_free (remark);
}

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

/* Gathering the remarks. */

static void
add_remark (GPtrArray    *remarks,
            FzRemarkKind  kind,
            const char   *id,
            guint         start,
            guint         end,
            char         *text,
            GDateTime    *date)
{
  FzRemark *remark = g_new0 (FzRemark, 1);

  remark->kind = kind;
  remark->id = g_strdup (id);
  remark->start = start;
  remark->end = MAX (end, start);
  remark->text = text;
  remark->date = date ? g_date_time_ref (date) : NULL;
  g_ptr_array_add (remarks, remark);
}

static const char *
chinese_name (FzAnalysis            *analysis,
              const FzElementResult *r)
{
  const FzRuleElement *re = fz_ruleset_find_element (fz_analysis_get_ruleset (analysis), r->id);

  return re != NULL && re->name != NULL ? re->name : r->name;
}

/* @text without a final 。 so that a sentence can follow. */
static char *
clause (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  gsize len = strlen (copy);

  while (len > 0 && (g_str_has_suffix (copy, "。") || g_str_has_suffix (copy, ".")))
    {
      len -= g_str_has_suffix (copy, "。") ? strlen ("。") : 1;
      copy[len] = '\0';
    }
  return g_steal_pointer (&copy);
}

static void
add_element_remarks (FzReturn  *self,
                     GPtrArray *remarks)
{
  GPtrArray *elements = fz_analysis_get_elements (self->analysis);

  for (guint i = 0; i < elements->len; i++)
    {
      const FzElementResult *r = g_ptr_array_index (elements, i);
      const char *name = chinese_name (self->analysis, r);
      FzStatus status = r->status;
      const char *reason = NULL;
      GDateTime *when = NULL;
      gboolean decided = self->review != NULL &&
                         fz_review_get_decision (self->review, r->id, &status, &reason, &when);
      g_autofree char *why = decided && reason != NULL ? clause (reason) : NULL;
      char *text = NULL;
      guint start, end;

      if (why != NULL && *why == '\0')
        g_clear_pointer (&why, g_free);

      switch (status)
        {
        case FZ_STATUS_MISSING:
          if (!r->required && !decided)
            break;
          text = why != NULL ? g_strdup_printf ("【缺项】未见“%s”的内容：%s。请补充。", name, why)
                             : g_strdup_printf ("【缺项】未见“%s”的内容，请按要求补充。", name);
          break;
        case FZ_STATUS_PARTIAL:
          {
            g_autofree char *detail = why != NULL ? g_strdup (why) : clause (r->explanation);

            text = *detail != '\0' ? g_strdup_printf ("【内容不完整】“%s”不完整：%s。请补充完善。", name, detail)
                                   : g_strdup_printf ("【内容不完整】“%s”不完整，请补充完善。", name);
          }
          break;
        case FZ_STATUS_NEEDS_REVIEW:
          text = g_strdup_printf ("【请核实】未能确认报告是否写明“%s”，请核实，并以小标题标明。", name);
          break;
        case FZ_STATUS_PRESENT:
        case FZ_STATUS_NOT_APPLICABLE:
        default:
          /* A reviewer who overruled the machine and said why tells the
           * unit too; what is simply present needs no comment. */
          if (why != NULL && status != r->status)
            text = g_strdup_printf ("【审查说明】关于“%s”：%s。", name, why);
          break;
        }

      if (text == NULL)
        continue;
      fz_analysis_get_element_place (self->analysis, r, &start, &end);
      add_remark (remarks, FZ_REMARK_ELEMENT, r->id, start, end, text, decided ? when : NULL);
    }
}

static int
compare_by_position (gconstpointer a,
                     gconstpointer b)
{
  const FzFinding *x = *(FzFinding * const *) a, *y = *(FzFinding * const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return 0;
}

static void
add_finding_remarks (FzReturn  *self,
                     GPtrArray *remarks)
{
  GPtrArray *all = self->findings != NULL ? self->findings : fz_analysis_get_findings (self->analysis);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < all->len; i++)
    {
      FzFinding *f = g_ptr_array_index (all, i);

      /* Notes are for the reviewer (the 纲要 areas not touched, …). */
      if (self->findings == NULL && f->severity == FZ_SEVERITY_INFO)
        continue;
      g_ptr_array_add (kept, f);
      g_hash_table_insert (counts, f->id, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, f->id)) + 1));
    }
  g_ptr_array_sort (kept, compare_by_position);

  for (guint i = 0; i < kept->len; i++)
    {
      const FzFinding *f = g_ptr_array_index (kept, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, f->id));
      const char *label = g_str_has_prefix (f->id, "figure_") ? "数据核对" : "格式与文字";
      g_autofree char *message = clause (f->message);
      GString *text;
      guint start = f->start, end = f->end;

      if (count > MAX_EACH && g_hash_table_contains (done, f->id))
        continue;
      g_hash_table_add (done, f->id);

      text = g_string_new (NULL);
      g_string_append_printf (text, "【%s】%s。", label, message);
      if (f->suggestion != NULL && *f->suggestion != '\0')
        g_string_append_printf (text, "建议改为“%s”。", f->suggestion);
      if (count > MAX_EACH)
        g_string_append_printf (text, "\n全文共%u处同类问题，此处为第一处，请一并修改。", count);

      /* A finding about the whole report (no title, no addressee) has no
       * passage: the title, or the opening words. */
      if (start == end)
        fz_analysis_get_title_place (self->analysis, &start, &end);
      add_remark (remarks, FZ_REMARK_FINDING, f->id, start, end, g_string_free (text, FALSE), NULL);
    }
}

static void
add_annotation_remarks (FzReturn  *self,
                        GPtrArray *remarks)
{
  GListModel *annotations = fz_review_get_annotations (self->review);

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(FzAnnotation) a = g_list_model_get_item (annotations, i);
      g_autofree char *id = g_strdup_printf ("annotation:%u", i);
      g_autofree char *note = clause (fz_annotation_get_note (a));
      const char *category = fz_annotation_category_to_chinese (fz_annotation_get_category (a));
      char *text;
      guint start = fz_annotation_get_start (a), end = fz_annotation_get_end (a);

      if (!fz_annotation_get_attached (a))
        {
          /* The passage is no longer in the report: quote it on the title. */
          text = g_strdup_printf ("【%s】关于“%s”：%s。", category, fz_annotation_get_quote (a),
                                  *note != '\0' ? note : "请核实");
          fz_analysis_get_title_place (self->analysis, &start, &end);
        }
      else
        text = *note != '\0' ? g_strdup_printf ("【%s】%s。", category, note)
                             : g_strdup_printf ("【%s】请核实此处。", category);
      add_remark (remarks, FZ_REMARK_ANNOTATION, id, start, end, text, fz_annotation_get_modified (a));
    }
}

static char *
chinese_date (const char *iso)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  return g_strdup_printf ("%d年%d月%d日", y, m, d);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
add_opinion_remark (FzReturn  *self,
                    GPtrArray *remarks)
{
  const char *opinion = self->review ? fz_review_get_opinion (self->review) : NULL;
  const char *rectification = self->review ? fz_review_get_rectification (self->review) : NULL;
  g_autofree char *deadline = chinese_date (self->review ? fz_review_get_deadline (self->review) : NULL);
  g_autofree char *draft = NULL;
  GString *text = g_string_new ("【审查意见】");
  guint start, end;

  /* The memo's drafted opinion follows its own opening; alone in a
   * comment it says first that it is the outcome of the review. */
  if (is_blank (opinion))
    {
      draft = fz_memo_draft_opinion (self->analysis, self->review);
      g_string_append (text, "经审查，");
      opinion = draft;
    }
  g_string_append (text, opinion);
  if (!is_blank (rectification))
    g_string_append_printf (text, "\n【整改要求】%s", rectification);
  if (deadline != NULL)
    g_string_append_printf (text, "\n请于%s前将修改后的报告报送。", deadline);

  fz_analysis_get_title_place (self->analysis, &start, &end);
  add_remark (remarks, FZ_REMARK_OPINION, "opinion", start, end, g_string_free (text, FALSE), NULL);
}

static int
compare_remarks (gconstpointer a,
                 gconstpointer b)
{
  const FzRemark *x = *(FzRemark * const *) a, *y = *(FzRemark * const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  /* On one passage: the opinion, elements, findings, annotations. */
  return (int) x->kind - (int) y->kind;
}

GPtrArray *
fz_return_get_remarks (FzReturn *self)
{
  g_return_val_if_fail (FZ_IS_RETURN (self), NULL);

  if (self->remarks == NULL)
    {
      self->remarks = g_ptr_array_new_with_free_func ((GDestroyNotify) fz_remark_free);
      add_opinion_remark (self, self->remarks);
      add_element_remarks (self, self->remarks);
      add_finding_remarks (self, self->remarks);
      if (self->review != NULL)
        add_annotation_remarks (self, self->remarks);
      /* Stable: one passage keeps its remarks in the order made. */
      g_ptr_array_sort (self->remarks, compare_remarks);
    }

  return self->remarks;
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
