/* fd-population-dialog.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-population-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-population-dialog.h"

#include "fd-editor-helpers.h"

#include <string.h>

/* FdPopulationDialog:
 *
 * Who a session is for (seed 004, « Population »): the populations it
 * names, checked in a searchable list in French order, and new ones made
 * from a client company's trainees, a group or a list of trainees. It
 * writes nothing: new populations are changes (checked by core when
 * made, fd_population_collect_create()) that the session's form applies
 * with the session, in one undoable edit; ::done hands the choice back.
 */

static const char * const kinds[] = { "client", "group", "list" };

typedef struct
{
  char *id;
  char *name;
  GtkCheckButton *check;
} Choice;

struct _FdPopulationDialog
{
  AdwWindow       parent_instance;

  FdDatabase     *database;
  GPtrArray      *choices;   /* Choice, as listed */
  GPtrArray      *pending;   /* FdChange: the populations made here and before */
  GHashTable     *pending_names; /* id → name of each population made */
  GPtrArray      *members;   /* trainee ids of the list being made */
  GString        *member_names;

  GtkButton      *add_member_button;
  AdwActionRow   *add_member_row;
  AdwActionRow   *create_row;
  AdwComboRow    *kind_row;
  AdwEntryRow    *name_row;
  GtkListBox     *populations_list;
  GtkSearchEntry *search_entry;
  GtkDropDown    *source_drop_down;
  AdwActionRow   *source_row;
  GListStore     *sources;
};

G_DEFINE_FINAL_TYPE (FdPopulationDialog, fd_population_dialog, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
choice_free (Choice *choice)
{
  g_free (choice->id);
  g_free (choice->name);
  g_free (choice);
}

static const char *
selected_kind (FdPopulationDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected < G_N_ELEMENTS (kinds) ? kinds[selected] : kinds[0];
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  FdPopulationDialog *self = user_data;
  g_autofree char *typed = fd_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_autofree char *name = NULL;

  if (typed == NULL || *typed == '\0')
    return TRUE;

  name = fd_text_fold (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  return strstr (name, typed) != NULL;
}

static void
on_search_changed_cb (FdPopulationDialog *self)
{
  gtk_list_box_invalidate_filter (self->populations_list);
}

static void
add_choice (FdPopulationDialog *self,
            const char         *id,
            const char         *name,
            const char         *subtitle,
            gboolean            active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  Choice *choice = g_new0 (Choice, 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_list_box_append (self->populations_list, row);

  choice->id = g_strdup (id);
  choice->name = g_strdup (name);
  choice->check = GTK_CHECK_BUTTON (check);
  g_ptr_array_add (self->choices, choice);
}

static char *
format_subtitle (const char *kind,
                 guint       n_members)
{
  /* Translators: a population's kind and size, « Group · 12 trainees » */
  g_autofree char *size = g_strdup_printf (ngettext ("%u trainee", "%u trainees", n_members),
                                           n_members);

  return g_strjoin (" · ", fd_population_kind_label (kind), size, NULL);
}

static void
load_sources (FdPopulationDialog *self)
{
  const char *kind = selected_kind (self);
  FdOptionKind option = g_str_equal (kind, "client") ? FD_OPTION_COMPANY
                        : g_str_equal (kind, "group") ? FD_OPTION_GROUP : FD_OPTION_TRAINEE;
  gboolean is_list = g_str_equal (kind, "list");

  fd_editor_load_choices (self->sources, self->database, option, NULL, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->source_row),
                                 g_str_equal (kind, "client") ? _("Client company *")
                                 : g_str_equal (kind, "group") ? _("Group *") : _("Trainee"));
  gtk_widget_set_visible (GTK_WIDGET (self->add_member_row), is_list);
  fd_editor_clear_field_error (GTK_WIDGET (self->source_row));
}

static void
clear_members (FdPopulationDialog *self)
{
  g_ptr_array_set_size (self->members, 0);
  g_string_truncate (self->member_names, 0);
  adw_action_row_set_subtitle (self->add_member_row, _("No trainee yet"));
}

static void
on_kind_selected_cb (FdPopulationDialog *self)
{
  if (self->database == NULL)
    return;

  clear_members (self);
  load_sources (self);
}

static void
on_add_member_clicked_cb (FdPopulationDialog *self)
{
  const char *id = fd_editor_get_selected_id (self->source_drop_down);
  FdOption *option = gtk_drop_down_get_selected_item (self->source_drop_down);

  if (id == NULL || option == NULL)
    return;
  for (guint i = 0; i < self->members->len; i++)
    if (g_str_equal (g_ptr_array_index (self->members, i), id))
      return;

  g_ptr_array_add (self->members, g_strdup (id));
  if (self->member_names->len > 0)
    g_string_append (self->member_names, ", ");
  g_string_append (self->member_names, fd_option_get_label (option));
  adw_action_row_set_subtitle (self->add_member_row, self->member_names->str);
  fd_editor_clear_field_error (GTK_WIDGET (self->add_member_row));
}

static GtkWidget *
row_of_field (FdPopulationDialog *self,
              const char         *field)
{
  if (g_strcmp0 (field, "name") == 0)
    return GTK_WIDGET (self->name_row);
  if (g_strcmp0 (field, "trainee_id") == 0)
    return GTK_WIDGET (self->add_member_row);
  if (g_strcmp0 (field, "kind") == 0)
    return GTK_WIDGET (self->kind_row);

  return GTK_WIDGET (self->source_row);
}

/**
 * fd_population_dialog_create:
 * @self: a #FdPopulationDialog
 *
 * Makes the new population as the dialog shows it and chooses it; it is
 * written when the session is saved. A refusal is shown at its field.
 *
 * Returns: whether it was made
 */
gboolean
fd_population_dialog_create (FdPopulationDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  g_autofree char *subtitle = NULL;
  const char *kind;
  guint n_members;

  g_return_val_if_fail (FD_IS_POPULATION_DIALOG (self), FALSE);

  fd_editor_clear_field_error (GTK_WIDGET (self->name_row));
  fd_editor_clear_field_error (GTK_WIDGET (self->source_row));
  fd_editor_clear_field_error (GTK_WIDGET (self->add_member_row));

  kind = selected_kind (self);
  name = fd_editor_dup_text (self->name_row);
  g_ptr_array_add (self->members, NULL);
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  if (!fd_population_collect_create (self->database, kind, name,
                                     g_str_equal (kind, "list")
                                     ? NULL : fd_editor_get_selected_id (self->source_drop_down),
                                     (const char * const *) self->members->pdata, changes, &id,
                                     &error))
    {
      g_ptr_array_remove_index (self->members, self->members->len - 1);
      fd_editor_show_field_error (row_of_field (self, fd_validation_error_get_field (error)),
                                  error->message);
      return FALSE;
    }
  g_ptr_array_remove_index (self->members, self->members->len - 1);

  for (guint i = 0; i < changes->len; i++)
    g_ptr_array_add (self->pending, fd_change_ref (g_ptr_array_index (changes, i)));

  /* A company's or a group's size is read when saved; a list's is known */
  n_members = g_str_equal (kind, "list") ? self->members->len : 0;
  subtitle = g_str_equal (kind, "list") ? format_subtitle (kind, n_members)
                                        : g_strjoin (" · ", fd_population_kind_label (kind),
                                                     _("New"), NULL);
  g_strstrip (name);
  add_choice (self, id, name, subtitle, TRUE);
  g_hash_table_insert (self->pending_names, g_strdup (id), g_strdup (name));

  fd_editor_set_text (self->name_row, NULL);
  clear_members (self);

  return TRUE;
}

static void
on_create_clicked_cb (FdPopulationDialog *self)
{
  fd_population_dialog_create (self);
}

/* Hands the choice back (::done) and closes */
void
fd_population_dialog_done (FdPopulationDialog *self)
{
  g_return_if_fail (FD_IS_POPULATION_DIALOG (self));

  g_signal_emit (self, signals[DONE], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  fd_population_dialog_done (FD_POPULATION_DIALOG (widget));
}

static void
fd_population_dialog_dispose (GObject *object)
{
  FdPopulationDialog *self = FD_POPULATION_DIALOG (object);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_population_dialog_parent_class)->dispose (object);
}

static void
fd_population_dialog_finalize (GObject *object)
{
  FdPopulationDialog *self = FD_POPULATION_DIALOG (object);

  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->pending_names, g_hash_table_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  if (self->member_names != NULL)
    g_string_free (self->member_names, TRUE);

  G_OBJECT_CLASS (fd_population_dialog_parent_class)->finalize (object);
}

static void
fd_population_dialog_class_init (FdPopulationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_population_dialog_dispose;
  object_class->finalize = fd_population_dialog_finalize;

  /**
   * FdPopulationDialog::done:
   *
   * Emitted when the user is done choosing, before the dialog closes:
   * read fd_population_dialog_dup_chosen() and the pending changes.
   */
  signals[DONE] =
    g_signal_new ("done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (FD_TYPE_OPTION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/formadesk/Formadesk/fd-population-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FdPopulationDialog, add_member_button);
  gtk_widget_class_bind_template_child (widget_class, FdPopulationDialog, add_member_row);
  gtk_widget_class_bind_template_child (widget_class, FdPopulationDialog, create_row);
  gtk_widget_class_bind_template_child (widget_class, FdPopulationDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FdPopulationDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, FdPopulationDialog, populations_list);
  gtk_widget_class_bind_template_child (widget_class, FdPopulationDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FdPopulationDialog, source_drop_down);
  gtk_widget_class_bind_template_child (widget_class, FdPopulationDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, FdPopulationDialog, sources);

  gtk_widget_class_bind_template_callback (widget_class, on_add_member_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.done", NULL, done_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fd_population_dialog_init (FdPopulationDialog *self)
{
  self->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
  self->pending_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->members = g_ptr_array_new_with_free_func (g_free);
  self->member_names = g_string_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  fd_editor_use_choice_list (self->source_drop_down);
  gtk_list_box_set_filter_func (self->populations_list, filter_row, self, NULL);
}

/**
 * fd_population_dialog_new:
 * @parent: (nullable): the window it is over
 * @database: where the populations are
 * @chosen_ids: (array zero-terminated=1): the populations chosen now
 * @pending: (element-type FdChange): populations made before and not
 *   saved yet
 * @pending_names: (element-type utf8 utf8): their names, by id: they are
 *   listed as the others
 *
 * Returns: (transfer full): the dialog
 */
GtkWidget *
fd_population_dialog_new (GtkWindow          *parent,
                          FdDatabase         *database,
                          const char * const *chosen_ids,
                          GPtrArray          *pending,
                          GHashTable         *pending_names)
{
  FdPopulationDialog *self;
  g_autoptr(GPtrArray) populations = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (chosen_ids != NULL, NULL);
  g_return_val_if_fail (pending != NULL, NULL);
  g_return_val_if_fail (pending_names != NULL, NULL);

  self = g_object_new (FD_TYPE_POPULATION_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);

  populations = fd_database_list_populations (database, &error);
  if (populations == NULL)
    g_warning ("Could not list the populations: %s", error->message);
  for (guint i = 0; populations != NULL && i < populations->len; i++)
    {
      const FdPopulation *population = g_ptr_array_index (populations, i);
      g_autofree char *subtitle = format_subtitle (population->kind, population->n_members);

      add_choice (self, population->id, population->name, subtitle,
                  g_strv_contains (chosen_ids, population->id));
    }

  /* Made earlier in this form, not written yet */
  for (guint i = 0; i < pending->len; i++)
    {
      FdChange *change = g_ptr_array_index (pending, i);
      const char *name = g_hash_table_lookup (pending_names, fd_change_get_id (change));

      if (name != NULL)
        g_hash_table_insert (self->pending_names, g_strdup (fd_change_get_id (change)),
                             g_strdup (name));
      g_ptr_array_add (self->pending, fd_change_ref (change));
      if (name != NULL)
        add_choice (self, fd_change_get_id (change), name, _("New"),
                    g_strv_contains (chosen_ids, fd_change_get_id (change)));
    }

  clear_members (self);
  load_sources (self);

  return GTK_WIDGET (self);
}

/* Returns: (transfer full): the ids of the populations checked, in order */
GStrv
fd_population_dialog_dup_chosen (FdPopulationDialog *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  g_return_val_if_fail (FD_IS_POPULATION_DIALOG (self), NULL);

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (self->choices, i);

      if (gtk_check_button_get_active (choice->check))
        g_strv_builder_add (ids, choice->id);
    }

  return g_strv_builder_end (ids);
}

/* Returns: (transfer full): the names of the populations checked, « A, B »,
 *   or %NULL when none is */
char *
fd_population_dialog_dup_names (FdPopulationDialog *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (FD_IS_POPULATION_DIALOG (self), NULL);

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (self->choices, i);

      if (!gtk_check_button_get_active (choice->check))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, choice->name);
    }

  return names->len > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

/* Returns: (transfer none) (element-type utf8 utf8): the names of the
 *   populations made here and before, by id */
GHashTable *
fd_population_dialog_get_pending_names (FdPopulationDialog *self)
{
  g_return_val_if_fail (FD_IS_POPULATION_DIALOG (self), NULL);

  return self->pending_names;
}

/* Returns: (transfer none) (element-type FdChange): the populations made
 *   here (and before), to apply with the session */
GPtrArray *
fd_population_dialog_get_pending (FdPopulationDialog *self)
{
  g_return_val_if_fail (FD_IS_POPULATION_DIALOG (self), NULL);

  return self->pending;
}
