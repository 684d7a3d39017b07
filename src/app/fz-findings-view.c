/* fz-findings-view.c: the problems found, one row per kind
 *
 * 273 half-width commas are one problem: its row gives the count and
 * steps through the occurrences in the text (the arrows, or activating
 * the row), and unfolds to list them.  A tick says whether the memo
 * names the kind.  A list view over a tree model: rows are made for what
 * is on screen, whatever the count.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-finding-item.h"
#include "fz-findings-view.h"
#include "fz-tooltip.h"
#include "fz-widget-util.h"
#include "fz-verdict-style.h"

struct _FzFindingsView
{
  AdwBin              parent_instance;

  GtkStack           *stack;
  GtkLabel           *summary_label;
  GtkListView        *list_view;

  FzAnalysis         *analysis;
  FzReview           *review;
  FzReport           *report;       /* nullable: its added findings, the batch's */
  GListStore         *groups;       /* FzFindingItem */
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  guint               selected;     /* the group F8 showed last, G_MAXUINT: none */
};

G_DEFINE_FINAL_TYPE (FzFindingsView, fz_findings_view, ADW_TYPE_BIN)

enum {
  REVEAL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  GListModel *children = fz_finding_item_get_children (item);

  return children != NULL ? g_object_ref (children) : NULL;
}

static void
reveal_item (FzFindingsView *self,
             FzFindingItem  *item)
{
  guint start, end;

  fz_finding_item_get_range (item, &start, &end);
  g_signal_emit (self, signals[REVEAL], 0, start, end);
}

/* Rows ------------------------------------------------------------------- */

/* The item of the row @child sits in; (transfer full), as the expander's
 * getter gives a reference. */
static FzFindingItem *
row_item (GtkWidget *child)
{
  GtkWidget *row = gtk_widget_get_ancestor (child, GTK_TYPE_TREE_EXPANDER);

  return row != NULL ? gtk_tree_expander_get_item (GTK_TREE_EXPANDER (row)) : NULL;
}

static void
on_step_clicked (GtkButton      *button,
                 FzFindingsView *self)
{
  g_autoptr(FzFindingItem) item = row_item (GTK_WIDGET (button));
  gboolean forward = g_object_get_data (G_OBJECT (button), "fz-forward") != NULL;

  if (item == NULL)
    return;
  fz_finding_item_step (item, forward);
  reveal_item (self, item);
}

static GtkWidget *
step_button (FzFindingsView *self,
             const char     *icon,
             const char     *label,
             gboolean        forward)
{
  GtkWidget *button = fz_icon_button_new (icon, label);

  gtk_widget_add_css_class (button, "circular");
  if (forward)
    g_object_set_data (G_OBJECT (button), "fz-forward", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_step_clicked), self, 0);

  return button;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           FzFindingsView           *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = fz_label_new_wrapped (NULL);
  GtkWidget *subtitle = fz_label_new_wrapped (NULL);
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *memo = gtk_check_button_new ();

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_lines (GTK_LABEL (subtitle), 3);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "finding-count");
  gtk_widget_set_valign (memo, GTK_ALIGN_CENTER);
  fz_tooltip_set_text_and_label (memo, _("Name this kind of problem in the memo"));

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), step_button (self, "go-up-symbolic", _("Previous occurrence"), FALSE));
  gtk_box_append (GTK_BOX (box), step_button (self, "go-down-symbolic", _("Next occurrence"), TRUE));
  gtk_box_append (GTK_BOX (box), memo);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);

  g_object_set_data (G_OBJECT (list_item), "fz-icon", icon);
  g_object_set_data (G_OBJECT (list_item), "fz-title", title);
  g_object_set_data (G_OBJECT (list_item), "fz-subtitle", subtitle);
  g_object_set_data (G_OBJECT (list_item), "fz-count", count);
  g_object_set_data (G_OBJECT (list_item), "fz-memo", memo);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          FzFindingsView           *self)
{
  GtkTreeListRow *tree_row = gtk_list_item_get_item (list_item);
  /* The row's getter gives a reference: held for this call only, or every
   * bind would keep the item, and through it the review, alive. */
  g_autoptr(FzFindingItem) item = gtk_tree_list_row_get_item (tree_row);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *icon = g_object_get_data (G_OBJECT (list_item), "fz-icon");
  GtkWidget *count = g_object_get_data (G_OBJECT (list_item), "fz-count");
  GtkWidget *memo = g_object_get_data (G_OBJECT (list_item), "fz-memo");
  gboolean group = fz_finding_item_is_group (item);
  FzSeverity severity = fz_finding_item_get_severity (item);
  g_autofree char *number = NULL;
  GBinding *binding;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), tree_row);
  gtk_label_set_text (g_object_get_data (G_OBJECT (list_item), "fz-title"), fz_finding_item_get_title (item));
  gtk_label_set_text (g_object_get_data (G_OBJECT (list_item), "fz-subtitle"), fz_finding_item_get_subtitle (item));

  fz_image_show_verdict (GTK_IMAGE (icon), fz_severity_icon (severity), fz_severity_css_class (severity),
                         fz_severity_label (severity));

  number = g_strdup_printf ("%u", fz_finding_item_get_count (item));
  gtk_label_set_text (GTK_LABEL (count), number);

  /* The count, the arrows and the tick belong to a kind, not to one of
   * its occurrences; the arrows only where there is more than one. */
  gtk_widget_set_visible (count, group);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && !GTK_IS_CHECK_BUTTON (child))
      gtk_widget_set_visible (child, group && fz_finding_item_get_count (item) > 1);
  gtk_widget_set_visible (memo, group);
  if (group)
    {
      binding = g_object_bind_property (item, "in-memo", memo, "active",
                                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      /* Held: a binding frees itself with its item, which a new analysis
       * may drop before the row is unbound. */
      g_object_set_data_full (G_OBJECT (list_item), "fz-binding", g_object_ref (binding), g_object_unref);
    }
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            FzFindingsView           *self)
{
  GBinding *binding = g_object_get_data (G_OBJECT (list_item), "fz-binding");

  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (list_item), "fz-binding", NULL);
}

static void
on_activate (FzFindingsView *self,
             guint           position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  g_autoptr(FzFindingItem) item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  if (item == NULL)
    return;
  /* A kind steps to its next occurrence; an occurrence shows itself. */
  if (fz_finding_item_is_group (item))
    fz_finding_item_step (item, TRUE);
  reveal_item (self, item);
}

/* Filling ------------------------------------------------------------------ */

static void
fz_findings_view_rebuild (FzFindingsView *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint counts[3] = { 0, 0, 0 }, total = 0;
  g_autofree char *summary = NULL;
  g_autofree char *kinds = NULL;

  self->selected = G_MAXUINT;
  if (self->analysis == NULL)
    {
      g_list_store_remove_all (self->groups);
      return;
    }

  problems = fz_problems_group (self->analysis,
                                self->report != NULL ? fz_report_get_added_findings (self->report) : NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      const FzProblem *problem = g_ptr_array_index (problems, i);

      g_ptr_array_add (items, fz_finding_item_new_group (self->analysis, self->review, problem));
      for (guint j = 0; j < problem->findings->len; j++)
        {
          const FzFinding *f = g_ptr_array_index (problem->findings, j);

          if (f->severity <= FZ_SEVERITY_INFO)
            counts[f->severity]++;
        }
      total += problem->findings->len;
    }
  g_list_store_splice (self->groups, 0, g_list_model_get_n_items (G_LIST_MODEL (self->groups)),
                       items->pdata, items->len);

  kinds = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u kind of problem", "%u kinds of problem",
                                        problems->len), problems->len);
  /* Translators: above the problems: 1: "3 kinds of problem", 2–5: counts */
  summary = g_strdup_printf (_("%s, %u in all: %u errors, %u warnings, %u notes. Ticked kinds are named in the memo."),
                             kinds, total, counts[FZ_SEVERITY_ERROR], counts[FZ_SEVERITY_WARNING],
                             counts[FZ_SEVERITY_INFO]);
  gtk_label_set_label (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, problems->len > 0 ? "list" : "empty");
}

void
fz_findings_view_set_analysis (FzFindingsView *self,
                               FzAnalysis     *analysis)
{
  g_return_if_fail (FZ_IS_FINDINGS_VIEW (self));

  if (g_set_object (&self->analysis, analysis))
    fz_findings_view_rebuild (self);
}

void
fz_findings_view_set_review (FzFindingsView *self,
                             FzReview       *review)
{
  g_return_if_fail (FZ_IS_FINDINGS_VIEW (self));

  if (g_set_object (&self->review, review))
    fz_findings_view_rebuild (self);
}

void
fz_findings_view_set_report (FzFindingsView *self,
                             FzReport       *report)
{
  g_return_if_fail (FZ_IS_FINDINGS_VIEW (self));
  g_return_if_fail (report == NULL || FZ_IS_REPORT (report));

  if (fz_set_watched (&self->report, report, self,
                      "notify::added-findings", G_CALLBACK (fz_findings_view_rebuild),
                      NULL))
    fz_findings_view_rebuild (self);
}

GListModel *
fz_findings_view_get_groups (FzFindingsView *self)
{
  g_return_val_if_fail (FZ_IS_FINDINGS_VIEW (self), NULL);
  return G_LIST_MODEL (self->groups);
}

guint
fz_findings_view_get_n_findings (FzFindingsView *self)
{
  guint n = 0;

  g_return_val_if_fail (FZ_IS_FINDINGS_VIEW (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->groups)); i++)
    {
      g_autoptr(FzFindingItem) item = g_list_model_get_item (G_LIST_MODEL (self->groups), i);

      n += fz_finding_item_get_count (item);
    }

  return n;
}

/* Where group @index stands in the tree, some groups being unfolded. */
static guint
tree_position (FzFindingsView *self,
               guint           index)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  guint groups = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);

      if (gtk_tree_list_row_get_depth (row) == 0 && groups++ == index)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

void
fz_findings_view_activate_group (FzFindingsView *self,
                                 guint           index)
{
  g_autoptr(FzFindingItem) item = NULL;
  guint position;

  g_return_if_fail (FZ_IS_FINDINGS_VIEW (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->groups), index);
  if (item == NULL)
    return;

  fz_finding_item_step (item, TRUE);
  position = tree_position (self, index);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
  reveal_item (self, item);
}

gboolean
fz_findings_view_select_next (FzFindingsView *self,
                              gboolean        forward)
{
  guint n;

  g_return_val_if_fail (FZ_IS_FINDINGS_VIEW (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));
  if (n == 0)
    return FALSE;

  if (self->selected == G_MAXUINT)
    self->selected = forward ? 0 : n - 1;
  else if (forward && self->selected + 1 < n)
    self->selected++;
  else if (!forward && self->selected > 0)
    self->selected--;
  else
    {
      self->selected = G_MAXUINT;
      return FALSE;
    }

  fz_findings_view_activate_group (self, self->selected);

  return TRUE;
}

void
fz_findings_view_clear_selection (FzFindingsView *self)
{
  g_return_if_fail (FZ_IS_FINDINGS_VIEW (self));

  self->selected = G_MAXUINT;
}

/* GObject ---------------------------------------------------------------- */

static void
fz_findings_view_dispose (GObject *object)
{
  FzFindingsView *self = FZ_FINDINGS_VIEW (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->groups);
  g_clear_object (&self->review);
  g_clear_object (&self->analysis);
  fz_clear_watched (&self->report, self);

  G_OBJECT_CLASS (fz_findings_view_parent_class)->dispose (object);
}

static void
fz_findings_view_class_init (FzFindingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fz_findings_view_dispose;

  /**
   * FzFindingsView::reveal:
   * @start: first character to show
   * @end: one past the last
   */
  signals[REVEAL] =
    fz_signal_new (klass, "reveal", 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-findings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FzFindingsView, stack);
  gtk_widget_class_bind_template_child (widget_class, FzFindingsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FzFindingsView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, setup_row);
  gtk_widget_class_bind_template_callback (widget_class, bind_row);
  gtk_widget_class_bind_template_callback (widget_class, unbind_row);
}

static void
fz_findings_view_init (FzFindingsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected = G_MAXUINT;
  self->groups = g_list_store_new (FZ_TYPE_FINDING_ITEM);
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (self->groups)), FALSE, FALSE,
                                        create_children, NULL, NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->tree)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}
