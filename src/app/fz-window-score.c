/* fz-window-score.c: the main window's score and filing actions and menu
 *
 * The scoring table is chosen from the main menu, with the tables of the
 * built-in rule sets and of the reviewer's own folder: a bureau that
 * writes its table sees it there as soon as the folder is read.  A table
 * scores the elements of the rule set that defines it, so choosing one
 * checks the report with that set, as the rule-set drop-down does.
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "fz-application.h"
#include "fz-report-page.h"
#include "fz-window-score.h"

#define WINDOW_SCORE_KEY "fz-window-score"

typedef struct
{
  FzWindow       *window;         /* owns this */
  AdwTabView     *tab_view;       /* weak: it may go before the window's data */
  GMenu          *tables;
  FzScoreTableList *table_list;   /* nullable: no FzApplication */
  GSimpleAction  *show_action;
  GSimpleAction  *open_page_action;
  GSimpleAction  *table_action;
  GSignalGroup   *report_signals; /* the current tab's FzReport */
} WindowScore;

static void
window_score_free (WindowScore *ws)
{
  fz_clear_watched (&ws->table_list, ws);
  if (ws->tab_view != NULL)
    g_signal_handlers_disconnect_by_data (ws->tab_view, ws);
  g_clear_weak_pointer (&ws->tab_view);
  g_signal_group_set_target (ws->report_signals, NULL);
  g_clear_object (&ws->report_signals);
  g_clear_object (&ws->show_action);
  g_clear_object (&ws->open_page_action);
  g_clear_object (&ws->table_action);
  g_clear_object (&ws->tables);
  g_free (ws);
}

static WindowScore *
window_score_get (FzWindow *window)
{
  return g_object_get_data (G_OBJECT (window), WINDOW_SCORE_KEY);
}

static FzReport *
current_report (WindowScore *ws)
{
  FzReportPage *page = fz_window_get_current_report (ws->window);

  return page != NULL ? fz_report_page_get_report (page) : NULL;
}

/* The state ---------------------------------------------------------------- */

static void
update_state (WindowScore *ws)
{
  FzReport *report = current_report (ws);
  FzScore *score = report != NULL ? fz_report_get_score (report) : NULL;
  const char *id = score != NULL ? fz_score_table_get_ruleset_id (fz_score_get_table (score)) : NULL;

  g_simple_action_set_enabled (ws->show_action, report != NULL);
  g_simple_action_set_enabled (ws->open_page_action, report != NULL && fz_report_get_analysis (report) != NULL);
  g_simple_action_set_enabled (ws->table_action, report != NULL && fz_report_get_analysis (report) != NULL);
  g_simple_action_set_state (ws->table_action, g_variant_new_string (id != NULL ? id : ""));
}

static void
on_tab_changed (WindowScore *ws)
{
  FzReport *report = current_report (ws);

  g_signal_group_set_target (ws->report_signals, report);
  update_state (ws);
}

/* The menu of tables ------------------------------------------------------- */

static void
fill_tables (WindowScore *ws)
{
  GListModel *tables = G_LIST_MODEL (ws->table_list);

  g_menu_remove_all (ws->tables);
  if (tables == NULL)
    return;

  /* The list has only the tables sets define themselves: a set that
   * inherits its table adds none. */
  for (guint i = 0; i < g_list_model_get_n_items (tables); i++)
    {
      g_autoptr(FzScoreTable) table = g_list_model_get_item (tables, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (fz_score_table_get_display_name (table), NULL);

      g_menu_item_set_action_and_target_value (item, "win.scoring-table",
                                               g_variant_new_string (fz_score_table_get_ruleset_id (table)));
      g_menu_append_item (ws->tables, item);
    }
}

/* The actions -------------------------------------------------------------- */

static void
show_score_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      WindowScore   *ws)
{
  FzReportPage *page = fz_window_get_current_report (ws->window);

  if (page != NULL)
    fz_report_page_show_view (page, "score");
}

static void
open_page_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     WindowScore   *ws)
{
  FzReportPage *page = fz_window_get_current_report (ws->window);

  if (page != NULL)
    fz_report_page_choose_published_page (page);
}

static void
table_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 WindowScore   *ws)
{
  FzReportPage *page = fz_window_get_current_report (ws->window);

  if (page != NULL)
    fz_report_page_set_ruleset (page, g_variant_get_string (parameter, NULL));
}

void
fz_window_score_setup (FzWindow   *window,
                       AdwTabView *tab_view,
                       GMenu      *tables)
{
  WindowScore *ws;
  GApplication *app = g_application_get_default ();

  g_return_if_fail (FZ_IS_WINDOW (window));
  g_return_if_fail (window_score_get (window) == NULL);

  ws = g_new0 (WindowScore, 1);
  ws->window = window;
  g_set_weak_pointer (&ws->tab_view, tab_view);
  ws->tables = g_object_ref (tables);

  ws->show_action = g_simple_action_new ("show-score", NULL);
  g_signal_connect (ws->show_action, "activate", G_CALLBACK (show_score_activated), ws);
  ws->open_page_action = g_simple_action_new ("open-published-page", NULL);
  g_signal_connect (ws->open_page_action, "activate", G_CALLBACK (open_page_activated), ws);
  ws->table_action = g_simple_action_new_stateful ("scoring-table", G_VARIANT_TYPE_STRING,
                                                   g_variant_new_string (""));
  g_signal_connect (ws->table_action, "activate", G_CALLBACK (table_activated), ws);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (ws->show_action));
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (ws->open_page_action));
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (ws->table_action));

  ws->report_signals = g_signal_group_new (FZ_TYPE_REPORT);
  g_signal_group_connect_swapped (ws->report_signals, "notify::score", G_CALLBACK (update_state), ws);
  g_signal_group_connect_swapped (ws->report_signals, "notify::analysis", G_CALLBACK (update_state), ws);
  g_signal_connect_swapped (tab_view, "notify::selected-page", G_CALLBACK (on_tab_changed), ws);

  if (FZ_IS_APPLICATION (app))
    {
      ws->table_list = fz_score_table_list_new (fz_application_get_rulesets (FZ_APPLICATION (app)));
      g_signal_connect_swapped (ws->table_list, "items-changed", G_CALLBACK (fill_tables), ws);
    }

  g_object_set_data_full (G_OBJECT (window), WINDOW_SCORE_KEY, ws, (GDestroyNotify) window_score_free);
  fill_tables (ws);
  on_tab_changed (ws);
}
