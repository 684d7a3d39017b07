/* fz-batch-columns.c: the batch matrix's columns, their cells and sorting
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-batch-page-private.h"
#include "fz-cell-text.h"
#include "fz-tooltip.h"
#include "fz-verdict-style.h"
#include "fz-widget-util.h"

/* Element columns are headed by the rule set's short names; a set without
 * them gets the start of each long name, and the filter the whole name. */
#define ELEMENT_COLUMN_WIDTH 120

static const char *
level_label (FzLevel level)
{
  switch (level)
    {
    case FZ_LEVEL_TOWNSHIP:
      return _("Township");
    case FZ_LEVEL_COUNTY:
      return _("County");
    case FZ_LEVEL_CITY:
      return _("City");
    case FZ_LEVEL_PROVINCE:
      return _("Province");
    case FZ_LEVEL_DEPARTMENT:
      return _("Department");
    case FZ_LEVEL_UNKNOWN:
    default:
      return "—";
    }
}


/* Cells ------------------------------------------------------------------ */

typedef const char *(*TextFunc) (FzBatchEntry *entry,
                                 gpointer      data);

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  /* Not a GtkLabel: a cell's size does not follow its text, so a changed
   * cell does not make the matrix measure its rows again (FzCellText). */
  gtk_list_item_set_child (item, fz_cell_text_new ());
}

static void
bind_text (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           TextFunc                  func)
{
  FzCellText *label = FZ_CELL_TEXT (gtk_list_item_get_child (item));
  FzBatchEntry *entry = gtk_list_item_get_item (item);
  const char *text = func (entry, NULL);

  fz_cell_text_set_text (label, text != NULL ? text : "");
  fz_tooltip_set_text (GTK_WIDGET (label), text);
}

const char *
_fz_batch_page_unit_text (FzBatchEntry *entry)
{
  if (fz_batch_entry_get_state (entry) == FZ_BATCH_ENTRY_FAILED ||
      fz_batch_entry_get_unit (entry) == NULL)
    return fz_batch_entry_get_display_name (entry);

  return fz_batch_entry_get_unit (entry);
}

/* A report read but not recognised still says so in its row: the file's
 * name, dimmed, where the unit would be. */
static void
bind_unit (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  FzBatchEntry *entry = gtk_list_item_get_item (item);
  gboolean known = fz_batch_entry_get_unit (entry) != NULL;
  g_autofree char *tooltip = NULL;

  fz_cell_text_set_text (FZ_CELL_TEXT (label), _fz_batch_page_unit_text (entry));
  if (known || fz_batch_entry_get_state (entry) != FZ_BATCH_ENTRY_DONE)
    {
      gtk_widget_remove_css_class (label, "dim-label");
      fz_tooltip_set_text (label, _fz_batch_page_unit_text (entry));
      return;
    }

  gtk_widget_add_css_class (label, "dim-label");
  /* Translators: tooltip of a batch row whose unit was not recognised; %s is the file's name */
  tooltip = g_strdup_printf (_("The unit was not recognised; the file is %s"),
                             fz_batch_entry_get_display_name (entry));
  fz_tooltip_set_text (label, tooltip);
}

static const char *
title_text (FzBatchEntry *entry,
            gpointer      data)
{
  const GError *error = fz_batch_entry_get_error (entry);

  if (error != NULL)
    return error->message;
  if (fz_batch_entry_get_state (entry) == FZ_BATCH_ENTRY_PENDING)
    return _("Reading…");
  if (fz_batch_entry_get_title (entry) == NULL)
    return _("Title not recognised");

  return fz_batch_entry_get_title (entry);
}

static void
bind_title (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  FzBatchEntry *entry = gtk_list_item_get_item (item);
  const char *text = title_text (entry, NULL);

  fz_cell_text_set_text (FZ_CELL_TEXT (label), text);
  fz_tooltip_set_text (label, text);
  fz_widget_set_css_class (label, "dim-label",
                           fz_batch_entry_get_state (entry) == FZ_BATCH_ENTRY_DONE &&
                             fz_batch_entry_get_title (entry) == NULL);
}

static const char *
level_text (FzBatchEntry *entry,
            gpointer      data)
{
  return fz_batch_entry_get_state (entry) == FZ_BATCH_ENTRY_DONE
           ? level_label (fz_batch_entry_get_level (entry)) : "";
}

static const char *
date_text (FzBatchEntry *entry,
           gpointer      data)
{
  return fz_batch_entry_get_date (entry);
}

static void
forget_year_cell (gpointer  data,
                  GObject  *item)
{
  g_hash_table_remove (((FzBatchPage *) data)->year_cells, item);
}

static void
unbind_year (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             FzBatchPage              *self)
{
  if (g_hash_table_remove (self->year_cells, item))
    g_object_weak_unref (G_OBJECT (item), forget_year_cell, self);
}

static void
bind_year (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  /* The page, whose batch may be replaced by the one saved. */
  FzBatchPage *self = data;
  FzBatch *batch = self->batch;
  GtkWidget *label = gtk_list_item_get_child (item);
  FzBatchEntry *entry = gtk_list_item_get_item (item);
  int year = fz_batch_entry_get_year (entry);
  g_autofree char *text = year > 0 ? g_strdup_printf ("%d", year) : g_strdup ("");
  g_autofree char *tooltip = NULL;

  if (g_hash_table_add (self->year_cells, item))
    g_object_weak_ref (G_OBJECT (item), forget_year_cell, self);

  /* A report about another year than the batch's stands out: it may be
   * last year's sent again, or a slip in the title. */
  if (fz_batch_is_off_year (batch, entry))
    {
      g_autofree char *flagged = g_strdup_printf ("%s ⚠", text);

      fz_cell_text_set_text (FZ_CELL_TEXT (label), flagged);
      gtk_widget_add_css_class (label, "warning");
      /* Translators: tooltip of a report's year in the batch; %d is the year most reports are about */
      tooltip = g_strdup_printf (_("Not the year of the batch (%d)"), fz_batch_get_year (batch));
      fz_tooltip_set_text (label, tooltip);
      return;
    }

  fz_cell_text_set_text (FZ_CELL_TEXT (label), text);
  gtk_widget_remove_css_class (label, "warning");
  fz_tooltip_set_text (label, NULL);
}

/* The views and their cells go after the page's dispose: none may then
 * tell the page what became of it. */
void
_fz_batch_page_forget_year_cells (FzBatchPage *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->year_cells);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    g_object_weak_unref (item, forget_year_cell, self);
  g_hash_table_remove_all (self->year_cells);
}

void
_fz_batch_page_refresh_years (FzBatchPage *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->year_cells);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    bind_year (NULL, item, self);
}

/* How far the reviewer got: required elements confirmed of all. */
static void
bind_progress (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  FzBatchEntry *entry = gtk_list_item_get_item (item);
  guint required = fz_batch_entry_get_n_required (entry);
  guint decided = fz_batch_entry_get_n_decided (entry);
  g_autofree char *text = NULL;

  if (fz_batch_entry_get_state (entry) != FZ_BATCH_ENTRY_DONE || required == 0)
    {
      fz_cell_text_set_text (FZ_CELL_TEXT (label), "");
      fz_tooltip_set_text (label, NULL);
      return;
    }

  text = g_strdup_printf ("%u/%u", decided, required);
  fz_cell_text_set_text (FZ_CELL_TEXT (label), text);
  fz_widget_set_css_class (label, "success", decided >= required);
  fz_tooltip_set_text (label, decided >= required ? _("Every required element confirmed")
                                                  : _("Required elements the reviewer confirmed"));
}

static void
bind_status (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             const char               *element_id)
{
  FzCellText *label = FZ_CELL_TEXT (gtk_list_item_get_child (item));
  FzBatchEntry *entry = gtk_list_item_get_item (item);
  const char * const classes[] = { "success", "warning", "error", "dim-label", "decided" };
  FzStatus status, machine;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), classes[i]);

  if (!fz_batch_entry_get_status (entry, element_id, &status))
    {
      fz_cell_text_set_text (label, "");
      fz_tooltip_set_text (GTK_WIDGET (label), NULL);
      return;
    }

  fz_cell_text_set_text (label, fz_status_label (status));
  gtk_widget_add_css_class (GTK_WIDGET (label), fz_status_css_class (status));

  /* The reviewer's word wins over the machine's; say whose it is. */
  if (fz_batch_entry_get_machine_status (entry, element_id, &machine) && machine != status)
    {
      g_autofree char *tooltip = g_strdup_printf (_("Decided by the reviewer (the checker said: %s)"),
                                                  fz_status_label (machine));
      gtk_widget_add_css_class (GTK_WIDGET (label), "decided");
      fz_tooltip_set_text (GTK_WIDGET (label), tooltip);
    }
  else
    fz_tooltip_set_text (GTK_WIDGET (label), fz_status_label (status));
}

static void
bind_count (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  severity)
{
  FzBatchEntry *entry = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (fz_batch_entry_get_state (entry) == FZ_BATCH_ENTRY_DONE)
    text = g_strdup_printf ("%u", fz_batch_entry_get_n_findings (entry, GPOINTER_TO_INT (severity)));
  fz_cell_text_set_text (FZ_CELL_TEXT (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

static void
bind_copies (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  FzBatchEntry *entry = gtk_list_item_get_item (item);
  GPtrArray *copies = fz_batch_entry_get_copy_findings (entry);
  g_autofree char *text = copies != NULL && copies->len > 0 ? g_strdup_printf ("%u", copies->len) : NULL;

  fz_cell_text_set_text (FZ_CELL_TEXT (gtk_list_item_get_child (item)), text != NULL ? text : "");
  fz_widget_set_css_class (gtk_list_item_get_child (item), "warning", text != NULL);
}

/* The grade as it stands, and whether it is the reviewer's or the
 * suggestion: a label, since a drop-down per row costs a popover each. */
static const char *
grade_text (FzBatchEntry *entry,
            gpointer      data)
{
  return fz_batch_entry_get_grade (entry) != FZ_GRADE_NONE
           ? fz_grade_get_label (fz_batch_entry_get_grade (entry)) : "";
}

static void
bind_grade (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  FzCellText *label = FZ_CELL_TEXT (gtk_list_item_get_child (item));
  FzBatchEntry *entry = gtk_list_item_get_item (item);
  FzGrade suggested = fz_batch_entry_get_suggested_grade (entry);
  g_autofree char *tooltip = NULL;

  fz_cell_text_set_text (label, grade_text (entry, NULL));
  if (fz_batch_entry_get_grade_override (entry) != FZ_GRADE_NONE)
    {
      gtk_widget_add_css_class (GTK_WIDGET (label), "heading");
      /* Translators: tooltip of a grade the reviewer set; %s is the suggested one */
      tooltip = g_strdup_printf (_("Set by the reviewer (suggested: %s)"),
                                 suggested != FZ_GRADE_NONE ? fz_grade_get_label (suggested) : "—");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "heading");
      tooltip = g_strdup (_("Suggested from the checklist and the findings"));
    }
  fz_tooltip_set_text (GTK_WIDGET (label), suggested != FZ_GRADE_NONE ? tooltip : NULL);
}

/* The score under the rule set's table and its 等次 ("86.5 良好"); the
 * 等次 is left out while items still to score by hand could change it. */
static void
bind_score (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  FzCellText *label = FZ_CELL_TEXT (gtk_list_item_get_child (item));
  FzBatchEntry *entry = gtk_list_item_get_item (item);
  double total = fz_batch_entry_get_score_total (entry);
  const FzScoreBand *band = fz_batch_entry_get_score_band (entry);
  g_autofree char *points = NULL;
  g_autofree char *text = NULL;

  if (total >= 0)
    {
      points = fz_score_format_points (total);
      text = band != NULL ? g_strdup_printf ("%s %s", points, fz_score_band_get_display_name (band))
                          : g_strdup (points);
    }
  fz_cell_text_set_text (label, text != NULL ? text : "");
}

/* Sorting ---------------------------------------------------------------- */

typedef int (*CompareFunc) (FzBatchEntry *a,
                            FzBatchEntry *b,
                            gpointer      data);

static int
compare_strings (const char *a,
                 const char *b)
{
  return g_utf8_collate (a != NULL ? a : "", b != NULL ? b : "");
}

static int
compare_unit (FzBatchEntry *a, FzBatchEntry *b, gpointer data)
{
  return compare_strings (_fz_batch_page_unit_text (a), _fz_batch_page_unit_text (b));
}

static int
compare_title (FzBatchEntry *a, FzBatchEntry *b, gpointer data)
{
  return compare_strings (title_text (a, NULL), title_text (b, NULL));
}

static int
compare_level (FzBatchEntry *a, FzBatchEntry *b, gpointer data)
{
  return (int) fz_batch_entry_get_level (a) - (int) fz_batch_entry_get_level (b);
}

static int
compare_year (FzBatchEntry *a, FzBatchEntry *b, gpointer data)
{
  return fz_batch_entry_get_year (a) - fz_batch_entry_get_year (b);
}

static int
compare_progress (FzBatchEntry *a, FzBatchEntry *b, gpointer data)
{
  /* By what is left to do, fewest first once reversed: a share, so
   * reports under rule sets of different sizes compare fairly. */
  guint na = fz_batch_entry_get_n_required (a), nb = fz_batch_entry_get_n_required (b);
  double fa = na > 0 ? (double) fz_batch_entry_get_n_decided (a) / na : 0.0;
  double fb = nb > 0 ? (double) fz_batch_entry_get_n_decided (b) / nb : 0.0;

  return (fa > fb) - (fa < fb);
}

static int
compare_date (FzBatchEntry *a, FzBatchEntry *b, gpointer data)
{
  return g_strcmp0 (fz_batch_entry_get_date (a), fz_batch_entry_get_date (b));
}

/* Missing sorts first: the order a reviewer works in. */
static int
status_rank (FzBatchEntry *entry,
             const char   *element_id)
{
  FzStatus status;

  if (!fz_batch_entry_get_status (entry, element_id, &status))
    return 9;

  switch (status)
    {
    case FZ_STATUS_MISSING:
      return 0;
    case FZ_STATUS_PARTIAL:
      return 1;
    case FZ_STATUS_NEEDS_REVIEW:
      return 2;
    case FZ_STATUS_PRESENT:
      return 3;
    case FZ_STATUS_NOT_APPLICABLE:
    default:
      return 4;
    }
}

static int
compare_status (FzBatchEntry *a, FzBatchEntry *b, gpointer element_id)
{
  return status_rank (a, element_id) - status_rank (b, element_id);
}

static int
compare_count (FzBatchEntry *a, FzBatchEntry *b, gpointer severity)
{
  return (int) fz_batch_entry_get_n_findings (a, GPOINTER_TO_INT (severity)) -
         (int) fz_batch_entry_get_n_findings (b, GPOINTER_TO_INT (severity));
}

static int
compare_copies (FzBatchEntry *a, FzBatchEntry *b, gpointer data)
{
  GPtrArray *ca = fz_batch_entry_get_copy_findings (a);
  GPtrArray *cb = fz_batch_entry_get_copy_findings (b);

  return (int) (ca != NULL ? ca->len : 0) - (int) (cb != NULL ? cb->len : 0);
}

static int
compare_grade (FzBatchEntry *a, FzBatchEntry *b, gpointer data)
{
  return (int) fz_batch_entry_get_grade (a) - (int) fz_batch_entry_get_grade (b);
}

/* Lowest first, as the worst reports want reading first; those without a
 * score (unread, last year's) after all. */
static int
compare_score (FzBatchEntry *a, FzBatchEntry *b, gpointer data)
{
  double sa = fz_batch_entry_get_score_total (a);
  double sb = fz_batch_entry_get_score_total (b);

  if ((sa < 0) != (sb < 0))
    return sa < 0 ? 1 : -1;
  return (sa > sb) - (sa < sb);
}

typedef struct
{
  CompareFunc func;
  gpointer    data;
} Comparison;

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  const Comparison *comparison = user_data;

  return comparison->func ((FzBatchEntry *) a, (FzBatchEntry *) b, comparison->data);
}

/* @width: the column's fixed width in pixels; fixed, so laying out the
 * matrix measures no cells.  @expand gives it the room left too. */
/* Every cell follows its report: when the entry changes (read, decided,
 * graded, found to share passages), the cell binds itself again in place.
 * Rebinding rows through the model would rebuild their widgets and drop
 * the selection. */
typedef void (*BindFunc) (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  data);

typedef struct
{
  BindFunc bind;
  gpointer data;
} CellBinding;

typedef struct
{
  GtkListItem       *item;          /* unowned: the handler goes on unbind */
  const CellBinding *binding;
} CellWatch;

static void
on_cell_entry_changed (FzBatchEntry *entry,
                       CellWatch    *watch)
{
  watch->binding->bind (NULL, watch->item, watch->binding->data);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           const CellBinding        *binding)
{
  FzBatchEntry *entry = gtk_list_item_get_item (item);
  CellWatch *watch = g_new0 (CellWatch, 1);
  gulong id;

  binding->bind (factory, item, binding->data);

  watch->item = item;
  watch->binding = binding;
  id = g_signal_connect_data (entry, "changed", G_CALLBACK (on_cell_entry_changed),
                              watch, (GClosureNotify) (void (*) (void)) g_free, 0);
  g_object_set_data (G_OBJECT (item), "fz-watch", GSIZE_TO_POINTER (id));
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             const CellBinding        *binding)
{
  FzBatchEntry *entry = gtk_list_item_get_item (item);
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "fz-watch"));

  if (entry != NULL && id != 0)
    g_signal_handler_disconnect (entry, id);
  g_object_set_data (G_OBJECT (item), "fz-watch", NULL);
}

static GtkColumnViewColumn *
add_column (GtkColumnView *view,
            const char    *title,
            GCallback      setup,
            GCallback      bind,
            gpointer       bind_data,
            CompareFunc    compare,
            gpointer       compare_data,
            int            width,
            gboolean       expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;
  Comparison *comparison = g_new0 (Comparison, 1);
  CellBinding *binding = g_new0 (CellBinding, 1);

  binding->bind = (BindFunc) (void (*) (void)) bind;
  binding->data = bind_data;
  g_signal_connect (factory, "setup", setup, bind_data);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cell), binding,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), binding);

  comparison->func = compare;
  comparison->data = compare_data;
  sorter = GTK_SORTER (gtk_custom_sorter_new (sort_func, comparison, g_free));

  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (view, column);

  return column;
}

/* The rows are sorted by the unit view's sorter, then the matrix's; a
 * click on a heading in one view clears the other's, so the heading
 * clicked last is the one the rows follow. */
static void
on_sorter_changed (GtkSorter   *sorter,
                   int          change,
                   FzBatchPage *self)
{
  GtkColumnView *other;

  if (self->sorting || gtk_sorter_get_order (sorter) == GTK_SORTER_ORDER_NONE)
    return;

  other = sorter == gtk_column_view_get_sorter (self->unit_view) ? self->column_view : self->unit_view;
  self->sorting = TRUE;
  gtk_column_view_sort_by_column (other, NULL, GTK_SORT_ASCENDING);
  self->sorting = FALSE;
}

static void
remove_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (view, column);
    }
}

GtkSorter *
_fz_batch_page_build_columns (FzBatchPage *self)
{
  FzRuleSet *rules = fz_batch_get_ruleset (self->batch);
  g_autoptr(GtkStringList) filters = gtk_string_list_new (NULL);
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();
  GtkColumnViewColumn *year;

  /* Built again when a saved batch has another rule set than the one
   * the page started with. */
  remove_columns (self->unit_view);
  remove_columns (self->column_view);
  g_ptr_array_set_size (self->element_ids, 0);
  g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->unit_view), on_sorter_changed, self);
  g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->column_view), on_sorter_changed, self);

  add_column (self->unit_view, _("Unit"), G_CALLBACK (setup_label), G_CALLBACK (bind_unit),
              NULL, compare_unit, NULL, 150, TRUE);
  add_column (self->column_view, _("Level"), G_CALLBACK (setup_label), G_CALLBACK (bind_text),
              level_text, compare_level, NULL, 64, FALSE);
  year = add_column (self->column_view, _("Year"), G_CALLBACK (setup_label), G_CALLBACK (bind_year),
                     self, compare_year, NULL, 72, FALSE);
  g_signal_connect (gtk_column_view_column_get_factory (year), "unbind", G_CALLBACK (unbind_year), self);
  add_column (self->column_view, _("Title"), G_CALLBACK (setup_label), G_CALLBACK (bind_title),
              NULL, compare_title, NULL, 220, TRUE);
  add_column (self->column_view, _("Date"), G_CALLBACK (setup_label), G_CALLBACK (bind_text),
              date_text, compare_date, NULL, 100, FALSE);
  /* Translators: heading of the batch column with how many required elements the reviewer confirmed */
  add_column (self->column_view, _("Confirmed"), G_CALLBACK (setup_label), G_CALLBACK (bind_progress),
              NULL, compare_progress, NULL, 72, FALSE);

  gtk_string_list_append (filters, _("All reports"));
  gtk_string_list_append (filters, _("Reports needing attention"));
  gtk_string_list_append (filters, _("Reports not yet reviewed"));
  gtk_string_list_append (filters, _("Reports about another year"));
  gtk_string_list_append (filters, _("Reports sharing passages"));
  gtk_string_list_append (filters, _("Reports that could not be read"));

  for (guint i = 0; i < fz_ruleset_get_n_elements (rules); i++)
    {
      const FzRuleElement *element = fz_ruleset_get_element (rules, i);
      const char *name = fz_rule_element_get_display_name (element);
      const char *header = fz_rule_element_get_short_name (element);
      g_autofree char *filter = NULL;
      const char *id;

      if (!element->required)
        continue;

      g_ptr_array_add (self->element_ids, g_strdup (element->id));
      id = g_ptr_array_index (self->element_ids, self->element_ids->len - 1);
      add_column (self->column_view, header, G_CALLBACK (setup_label), G_CALLBACK (bind_status),
                  (gpointer) id, compare_status, (gpointer) id, ELEMENT_COLUMN_WIDTH, FALSE);
      /* Translators: a filter of the batch matrix; %s is a required element */
      filter = g_strdup_printf (_("Missing or partial: %s"), name);
      gtk_string_list_append (filters, filter);
    }

  add_column (self->column_view, _("Errors"), G_CALLBACK (setup_label), G_CALLBACK (bind_count),
              GINT_TO_POINTER (FZ_SEVERITY_ERROR), compare_count,
              GINT_TO_POINTER (FZ_SEVERITY_ERROR), 64, FALSE);
  add_column (self->column_view, _("Warnings"), G_CALLBACK (setup_label), G_CALLBACK (bind_count),
              GINT_TO_POINTER (FZ_SEVERITY_WARNING), compare_count,
              GINT_TO_POINTER (FZ_SEVERITY_WARNING), 64, FALSE);
  add_column (self->column_view, _("Notes"), G_CALLBACK (setup_label), G_CALLBACK (bind_count),
              GINT_TO_POINTER (FZ_SEVERITY_INFO), compare_count,
              GINT_TO_POINTER (FZ_SEVERITY_INFO), 64, FALSE);
  add_column (self->column_view, _("Shared"), G_CALLBACK (setup_label), G_CALLBACK (bind_copies),
              NULL, compare_copies, NULL, 64, FALSE);
  add_column (self->column_view, _("Grade"), G_CALLBACK (setup_label), G_CALLBACK (bind_grade),
              NULL, compare_grade, NULL, 90, FALSE);
  add_column (self->column_view, _("Score"), G_CALLBACK (setup_label), G_CALLBACK (bind_score),
              NULL, compare_score, NULL, 90, FALSE);

  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (filters));

  g_signal_connect_object (gtk_column_view_get_sorter (self->unit_view), "changed",
                           G_CALLBACK (on_sorter_changed), self, 0);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed), self, 0);
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->unit_view)));
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->column_view)));

  return GTK_SORTER (sorter);
}
