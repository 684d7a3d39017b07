/* fz-preferences-window.c
 *
 * Copyright 2026 The Fazhi Review developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fz-file-dialog.h"
#include "fz-preferences-window.h"

struct _FzPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  FzRuleSetStore       *rulesets;
  GtkFileChooserNative *chooser;
  GPtrArray            *problem_rows;
  gboolean              updating_rulesets;

  AdwEntryRow          *reviewer_name_row;
  AdwEntryRow          *reviewer_unit_row;
  AdwEntryRow          *letterhead_row;
  AdwEntryRow          *contact_name_row;
  AdwEntryRow          *contact_phone_row;
  AdwComboRow          *default_ruleset_row;
  AdwActionRow         *rules_folder_row;
  GtkButton            *reset_rules_folder_button;
  AdwPreferencesGroup  *problems_group;
  GtkSpinButton        *font_size_spin;
  AdwComboRow          *memo_format_row;
};

G_DEFINE_FINAL_TYPE (FzPreferencesWindow, fz_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_RULESETS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the memo format row's list. */
static const char * const memo_formats[] = { "docx", "pdf", "html", "md", "json" };

static gboolean
font_size_get_mapping (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_int32 (variant));
  return TRUE;
}

static GVariant *
font_size_set_mapping (const GValue       *value,
                       const GVariantType *expected_type,
                       gpointer            user_data)
{
  return g_variant_new_int32 ((gint32) round (g_value_get_double (value)));
}

static gboolean
memo_format_get_mapping (GValue   *value,
                         GVariant *variant,
                         gpointer  user_data)
{
  const char *format = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (memo_formats); i++)
    if (g_str_equal (format, memo_formats[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
memo_format_set_mapping (const GValue       *value,
                         const GVariantType *expected_type,
                         gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (memo_formats))
    return NULL;

  return g_variant_new_string (memo_formats[selected]);
}

/* The row lists the store itself; what is chosen follows the setting.  A
 * default whose file is gone or broken is not replaced behind the
 * reviewer's back: the setting keeps it, the row shows the national set
 * that reports fall back to meanwhile, and says so. */
static void
fz_preferences_window_update_rulesets (FzPreferencesWindow *self)
{
  g_autofree char *current = g_settings_get_string (self->settings, "default-ruleset");
  guint position = fz_ruleset_store_find (self->rulesets, current);
  gboolean missing = position == G_MAXUINT && !fz_ruleset_store_get_loading (self->rulesets);

  if (position == G_MAXUINT)
    position = fz_ruleset_store_find (self->rulesets, "national");

  self->updating_rulesets = TRUE;
  adw_combo_row_set_selected (self->default_ruleset_row,
                              position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
  self->updating_rulesets = FALSE;

  if (!missing)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->default_ruleset_row),
                                 _("For reports opened from now on"));
  else
    {
      /* Translators: %s is the id of a rule set, e.g. example-county */
      g_autofree char *subtitle = g_strdup_printf (_("“%s” is not available: reports open with the national rule set until it is back"),
                                                   current);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->default_ruleset_row), subtitle);
    }
}

static void
default_ruleset_selected_cb (FzPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->default_ruleset_row);
  g_autoptr(FzRuleSet) rules = NULL;

  /* While the store replaces its list, the row's selection moves by
   * itself (the chosen item may be gone); that is not the reviewer's
   * choice, and the list is put right from the setting once read. */
  if (self->updating_rulesets || fz_ruleset_store_get_loading (self->rulesets) ||
      (rules = g_list_model_get_item (G_LIST_MODEL (self->rulesets), selected)) == NULL)
    return;

  g_settings_set_string (self->settings, "default-ruleset", fz_ruleset_get_id (rules));
}

static void
fz_preferences_window_update_problems (FzPreferencesWindow *self)
{
  const char * const *problems = fz_ruleset_store_get_problems (self->rulesets);

  for (guint i = 0; i < self->problem_rows->len; i++)
    adw_preferences_group_remove (self->problems_group,
                                  g_ptr_array_index (self->problem_rows, i));
  g_ptr_array_set_size (self->problem_rows, 0);

  for (guint i = 0; problems[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      /* The messages quote XML element names. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problems[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (icon, "warning");
      adw_preferences_group_add (self->problems_group, row);
      g_ptr_array_add (self->problem_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems[0] != NULL);
}

static void
fz_preferences_window_update_folder (FzPreferencesWindow *self)
{
  g_autofree char *chosen = g_settings_get_string (self->settings, "rules-folder");

  adw_action_row_set_subtitle (self->rules_folder_row,
                               fz_ruleset_store_get_folder (self->rulesets));
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_rules_folder_button), *chosen != '\0');
}


static void
chooser_response_cb (FzPreferencesWindow  *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (folder)) != NULL)
    g_settings_set_string (self->settings, "rules-folder", path);

  g_clear_object (&self->chooser);
}

static void
choose_rules_folder_cb (FzPreferencesWindow *self)
{
  g_autoptr(GFile) current = g_file_new_for_path (fz_ruleset_store_get_folder (self->rulesets));

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Folder for Your Own Rule Sets"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("Select"),
                                               _("Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (g_file_query_exists (current, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), current, NULL);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
reset_rules_folder_cb (FzPreferencesWindow *self)
{
  g_settings_reset (self->settings, "rules-folder");
}

static void
open_rules_folder_cb (FzPreferencesWindow *self)
{
  const char *folder = fz_ruleset_store_get_folder (self->rulesets);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autofree char *uri = g_file_get_uri (file);

  /* The default folder does not exist until someone puts a file there. */
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *message = g_strdup_printf (_("Could not create the folder %s: %s"),
                                                  folder, g_strerror (saved_errno));

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
      return;
    }

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
fz_preferences_window_constructed (GObject *object)
{
  FzPreferencesWindow *self = FZ_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (fz_preferences_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "reviewer-name",
                   self->reviewer_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reviewer-unit",
                   self->reviewer_unit_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "letterhead",
                   self->letterhead_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "contact-name",
                   self->contact_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "contact-phone",
                   self->contact_phone_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "font-size",
                                self->font_size_spin, "value", G_SETTINGS_BIND_DEFAULT,
                                font_size_get_mapping, font_size_set_mapping,
                                NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "memo-format",
                                self->memo_format_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                memo_format_get_mapping, memo_format_set_mapping,
                                NULL, NULL);

  /* The default rule set is not a plain binding: the list it picks from
   * changes under it when the folder does. */
  adw_combo_row_set_expression (self->default_ruleset_row,
                                gtk_property_expression_new (FZ_TYPE_RULESET, NULL, "display-name"));
  adw_combo_row_set_model (self->default_ruleset_row, G_LIST_MODEL (self->rulesets));
  g_signal_connect_object (self->settings, "changed::default-ruleset",
                           G_CALLBACK (fz_preferences_window_update_rulesets), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::rules-folder",
                           G_CALLBACK (fz_preferences_window_update_folder), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rulesets, "items-changed",
                           G_CALLBACK (fz_preferences_window_update_rulesets), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rulesets, "notify::loading",
                           G_CALLBACK (fz_preferences_window_update_rulesets), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rulesets, "notify::problems",
                           G_CALLBACK (fz_preferences_window_update_problems), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rulesets, "notify::folder",
                           G_CALLBACK (fz_preferences_window_update_folder), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->default_ruleset_row, "notify::selected",
                           G_CALLBACK (default_ruleset_selected_cb), self,
                           G_CONNECT_SWAPPED);

  fz_preferences_window_update_rulesets (self);
  fz_preferences_window_update_problems (self);
  fz_preferences_window_update_folder (self);
}

static void
fz_preferences_window_dispose (GObject *object)
{
  FzPreferencesWindow *self = FZ_PREFERENCES_WINDOW (object);

  fz_file_dialog_clear (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), FZ_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (fz_preferences_window_parent_class)->dispose (object);
}

static void
fz_preferences_window_finalize (GObject *object)
{
  FzPreferencesWindow *self = FZ_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->rulesets);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (fz_preferences_window_parent_class)->finalize (object);
}

static void
fz_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  FzPreferencesWindow *self = FZ_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_RULESETS:
      g_value_set_object (value, self->rulesets);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  FzPreferencesWindow *self = FZ_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_RULESETS:
      self->rulesets = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_preferences_window_class_init (FzPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fz_preferences_window_constructed;
  object_class->dispose = fz_preferences_window_dispose;
  object_class->finalize = fz_preferences_window_finalize;
  object_class->get_property = fz_preferences_window_get_property;
  object_class->set_property = fz_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RULESETS] =
    g_param_spec_object ("rulesets", NULL, NULL,
                         FZ_TYPE_RULESET_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/fazhireview/FazhiReview/fz-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FzPreferencesWindow, reviewer_name_row);
  gtk_widget_class_bind_template_child (widget_class, FzPreferencesWindow, reviewer_unit_row);
  gtk_widget_class_bind_template_child (widget_class, FzPreferencesWindow, letterhead_row);
  gtk_widget_class_bind_template_child (widget_class, FzPreferencesWindow, contact_name_row);
  gtk_widget_class_bind_template_child (widget_class, FzPreferencesWindow, contact_phone_row);
  gtk_widget_class_bind_template_child (widget_class, FzPreferencesWindow, default_ruleset_row);
  gtk_widget_class_bind_template_child (widget_class, FzPreferencesWindow, rules_folder_row);
  gtk_widget_class_bind_template_child (widget_class, FzPreferencesWindow, reset_rules_folder_button);
  gtk_widget_class_bind_template_child (widget_class, FzPreferencesWindow, problems_group);
  gtk_widget_class_bind_template_child (widget_class, FzPreferencesWindow, font_size_spin);
  gtk_widget_class_bind_template_child (widget_class, FzPreferencesWindow, memo_format_row);
  gtk_widget_class_bind_template_callback (widget_class, choose_rules_folder_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_rules_folder_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_rules_folder_cb);
}

static void
fz_preferences_window_init (FzPreferencesWindow *self)
{
  self->problem_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

FzPreferencesWindow *
fz_preferences_window_new (GtkWindow      *parent,
                           GSettings      *settings,
                           FzRuleSetStore *rulesets)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (FZ_IS_RULESET_STORE (rulesets), NULL);

  return g_object_new (FZ_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "settings", settings,
                       "rulesets", rulesets,
                       NULL);
}
