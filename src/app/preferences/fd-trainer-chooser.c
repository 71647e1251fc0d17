/* fd-trainer-chooser.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-trainer-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-trainer-chooser.h"

/* FdTrainerChooser:
 *
 * A row to choose a trainer card: a button showing the trainer chosen,
 * whose popover searches the trainers as the trainers view does (case and
 * accents aside: “helene” finds “Hélène”), over an #FdRecordList, so that
 * thousands of trainers cost nothing until shown. The list is queried
 * when the popover first opens.
 */
struct _FdTrainerChooser
{
  AdwActionRow        parent_instance;

  FdDatabase         *database;
  FdRecordList       *trainers;
  char               *trainer_id;

  GtkLabel           *empty_label;
  GtkListView        *list_view;
  GtkMenuButton      *menu_button;
  GtkPopover         *popover;
  GtkSearchEntry     *search_entry;
  GtkNoSelection     *selection;
};

G_DEFINE_FINAL_TYPE (FdTrainerChooser, fd_trainer_chooser, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_TRAINER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_label (FdTrainerChooser *self)
{
  g_autoptr(FdTrainer) trainer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert (FD_IS_TRAINER_CHOOSER (self));

  if (self->trainer_id != NULL && self->database != NULL)
    {
      trainer = fd_database_get_trainer (self->database, self->trainer_id, &error);
      if (trainer == NULL)
        g_debug ("Could not read trainer %s: %s", self->trainer_id, error->message);
      else
        name = fd_trainer_dup_full_name (trainer);
    }

  gtk_menu_button_set_label (self->menu_button, name != NULL ? name : _("None"));
}

static void
update_empty (FdTrainerChooser *self)
{
  gboolean empty = self->trainers != NULL &&
                   g_list_model_get_n_items (G_LIST_MODEL (self->trainers)) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), empty);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->list_view)), !empty);
}

static void
on_trainers_items_changed_cb (FdTrainerChooser *self,
                              guint             position,
                              guint             removed,
                              guint             added,
                              GListModel       *model)
{
  update_empty (self);
}

static void
ensure_trainers (FdTrainerChooser *self)
{
  if (self->trainers != NULL || self->database == NULL)
    return;

  self->trainers = fd_record_list_new (self->database, FD_RECORD_KIND_TRAINER);
  g_signal_connect_object (self->trainers, "items-changed",
                           G_CALLBACK (on_trainers_items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->trainers));
  update_empty (self);
}

static void
choose (FdTrainerChooser *self,
        guint             position)
{
  g_autoptr(FdTrainer) trainer = NULL;

  if (self->trainers == NULL)
    return;

  trainer = g_list_model_get_item (G_LIST_MODEL (self->trainers), position);
  if (trainer == NULL)
    return;

  fd_trainer_chooser_set_trainer_id (self, fd_record_get_id (FD_RECORD (trainer)));
  gtk_popover_popdown (self->popover);
}

static void
on_popover_show_cb (FdTrainerChooser *self,
                    GtkPopover       *popover)
{
  ensure_trainers (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_search_entry_search_changed_cb (FdTrainerChooser *self,
                                   GtkSearchEntry   *entry)
{
  ensure_trainers (self);
  if (self->trainers != NULL)
    fd_record_list_set_search (self->trainers, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Enter picks the first trainer found */
static void
on_search_entry_activate_cb (FdTrainerChooser *self,
                             GtkSearchEntry   *entry)
{
  choose (self, 0);
}

static void
on_search_entry_stop_search_cb (FdTrainerChooser *self,
                                GtkSearchEntry   *entry)
{
  gtk_popover_popdown (self->popover);
}

static void
on_list_view_activate_cb (FdTrainerChooser *self,
                          guint             position,
                          GtkListView      *list_view)
{
  choose (self, position);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     FdTrainerChooser         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_inscription_new (NULL);
  GtkWidget *detail = gtk_inscription_new (NULL);

  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (list_item, box);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    FdTrainerChooser         *self)
{
  FdTrainer *trainer = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  g_autofree char *full_name = fd_trainer_dup_full_name (trainer);
  const char *city = fd_trainer_get_city (trainer);
  const char *email = fd_trainer_get_email (trainer);

  /* A city tells homonyms apart; an email when there is no city */
  gtk_inscription_set_text (GTK_INSCRIPTION (name), full_name);
  gtk_inscription_set_text (GTK_INSCRIPTION (detail), city != NULL ? city : email);
  gtk_widget_set_visible (detail, city != NULL || email != NULL);
}

static void
fd_trainer_chooser_dispose (GObject *object)
{
  FdTrainerChooser *self = FD_TRAINER_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_TRAINER_CHOOSER);

  g_clear_object (&self->trainers);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_trainer_chooser_parent_class)->dispose (object);
}

static void
fd_trainer_chooser_finalize (GObject *object)
{
  FdTrainerChooser *self = FD_TRAINER_CHOOSER (object);

  g_clear_pointer (&self->trainer_id, g_free);

  G_OBJECT_CLASS (fd_trainer_chooser_parent_class)->finalize (object);
}

static void
fd_trainer_chooser_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FdTrainerChooser *self = FD_TRAINER_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_TRAINER_ID:
      g_value_set_string (value, self->trainer_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_trainer_chooser_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FdTrainerChooser *self = FD_TRAINER_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      fd_trainer_chooser_set_database (self, g_value_get_object (value));
      break;

    case PROP_TRAINER_ID:
      fd_trainer_chooser_set_trainer_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_trainer_chooser_class_init (FdTrainerChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_trainer_chooser_dispose;
  object_class->finalize = fd_trainer_chooser_finalize;
  object_class->get_property = fd_trainer_chooser_get_property;
  object_class->set_property = fd_trainer_chooser_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         FD_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TRAINER_ID] =
    g_param_spec_string ("trainer-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/formadesk/Formadesk/fd-trainer-chooser.ui");

  gtk_widget_class_bind_template_child (widget_class, FdTrainerChooser, empty_label);
  gtk_widget_class_bind_template_child (widget_class, FdTrainerChooser, list_view);
  gtk_widget_class_bind_template_child (widget_class, FdTrainerChooser, menu_button);
  gtk_widget_class_bind_template_child (widget_class, FdTrainerChooser, popover);
  gtk_widget_class_bind_template_child (widget_class, FdTrainerChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FdTrainerChooser, selection);

  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
}

static void
fd_trainer_chooser_init (FdTrainerChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update_label (self);
}

/**
 * fd_trainer_chooser_get_database:
 *
 * Returns: (transfer none) (nullable): the database whose trainers are listed
 */
FdDatabase *
fd_trainer_chooser_get_database (FdTrainerChooser *self)
{
  g_return_val_if_fail (FD_IS_TRAINER_CHOOSER (self), NULL);

  return self->database;
}

void
fd_trainer_chooser_set_database (FdTrainerChooser *self,
                                 FdDatabase       *database)
{
  g_return_if_fail (FD_IS_TRAINER_CHOOSER (self));
  g_return_if_fail (database == NULL || FD_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;

  gtk_no_selection_set_model (self->selection, NULL);
  g_clear_object (&self->trainers);
  update_label (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/**
 * fd_trainer_chooser_get_trainer_id:
 *
 * Returns: (nullable): the id of the trainer chosen, or %NULL
 */
const char *
fd_trainer_chooser_get_trainer_id (FdTrainerChooser *self)
{
  g_return_val_if_fail (FD_IS_TRAINER_CHOOSER (self), NULL);

  return self->trainer_id;
}

void
fd_trainer_chooser_set_trainer_id (FdTrainerChooser *self,
                                   const char       *trainer_id)
{
  g_return_if_fail (FD_IS_TRAINER_CHOOSER (self));

  if (g_strcmp0 (self->trainer_id, trainer_id) == 0)
    return;

  g_free (self->trainer_id);
  self->trainer_id = g_strdup (trainer_id);
  update_label (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAINER_ID]);
}
