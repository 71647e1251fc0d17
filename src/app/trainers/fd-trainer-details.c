/* fd-trainer-details.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-trainer-details"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-trainer-details.h"

#include "fd-details.h"

/* FdTrainerDetails:
 *
 * The read-only details of a trainer: identity, contact, rates,
 * extranet access and next slots.
 *
 * A widget of its own so that the trainers view builds it only when a
 * trainer is first selected, not at start.
 */
struct _FdTrainerDetails
{
  GtkWidget           parent_instance;

  FdDatabase         *database;
  FdTrainer          *trainer;
  GListStore         *slots;

  AdwActionRow       *city_row;
  AdwActionRow       *company_row;
  AdwActionRow       *email_row;
  AdwActionRow       *extranet_row;
  AdwActionRow       *kind_row;
  AdwActionRow       *phone_row;
  AdwActionRow       *rate_row;
  AdwActionRow       *skills_row;
  GtkListBox         *slots_list;
  GtkLabel           *subtitle_label;
  GtkLabel           *title_label;
};

G_DEFINE_FINAL_TYPE (FdTrainerDetails, fd_trainer_details, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_TRAINER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT00:00");
}

static void
show_trainer (FdTrainerDetails *self,
              FdTrainer        *trainer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autofree char *name = fd_trainer_dup_full_name (trainer);
  g_autofree char *today = dup_today ();
  const char *id = fd_record_get_id (FD_RECORD (trainer));
  gint64 rate = fd_trainer_get_daily_rate_cents (trainer);
  const char *kind = fd_format_trainer_kind (fd_trainer_get_kind (trainer));

  gtk_label_set_text (self->title_label, name);
  gtk_label_set_text (self->subtitle_label, kind != NULL ? kind : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label),
                          *gtk_label_get_text (self->subtitle_label) != '\0');

  fd_details_set_row (self->email_row, fd_trainer_get_email (trainer));
  fd_details_set_row_take (self->phone_row, fd_format_phone (fd_trainer_get_phone (trainer)));
  fd_details_set_row (self->kind_row, kind);
  fd_details_set_row (self->company_row, fd_trainer_get_company (trainer));
  fd_details_set_row (self->city_row, fd_trainer_get_city (trainer));
  fd_details_set_row (self->skills_row, fd_trainer_get_skills (trainer));
  fd_details_set_row_take (self->rate_row, rate > 0 ? fd_format_money (rate) : NULL);
  fd_details_set_row (self->extranet_row,
                      fd_format_extranet_state (fd_trainer_get_extranet_state (trainer)));

  slots = fd_database_list_trainer_slots (self->database, id, today, 20, &error);
  if (slots == NULL)
    g_warning ("Could not list the slots of trainer %s: %s", id, error->message);
  fd_details_replace (self->slots, slots);
}

static void
fd_trainer_details_dispose (GObject *object)
{
  FdTrainerDetails *self = FD_TRAINER_DETAILS (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_TRAINER_DETAILS);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->slots);
  g_clear_object (&self->trainer);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_trainer_details_parent_class)->dispose (object);
}

static void
fd_trainer_details_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FdTrainerDetails *self = FD_TRAINER_DETAILS (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_TRAINER:
      g_value_set_object (value, self->trainer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_trainer_details_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FdTrainerDetails *self = FD_TRAINER_DETAILS (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_TRAINER:
      fd_trainer_details_set_trainer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_trainer_details_class_init (FdTrainerDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_trainer_details_dispose;
  object_class->get_property = fd_trainer_details_get_property;
  object_class->set_property = fd_trainer_details_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         FD_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TRAINER] =
    g_param_spec_object ("trainer", NULL, NULL,
                         FD_TYPE_TRAINER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/fr/formadesk/Formadesk/fd-trainer-details.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, FdTrainerDetails, city_row);
  gtk_widget_class_bind_template_child (widget_class, FdTrainerDetails, company_row);
  gtk_widget_class_bind_template_child (widget_class, FdTrainerDetails, email_row);
  gtk_widget_class_bind_template_child (widget_class, FdTrainerDetails, extranet_row);
  gtk_widget_class_bind_template_child (widget_class, FdTrainerDetails, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FdTrainerDetails, phone_row);
  gtk_widget_class_bind_template_child (widget_class, FdTrainerDetails, rate_row);
  gtk_widget_class_bind_template_child (widget_class, FdTrainerDetails, skills_row);
  gtk_widget_class_bind_template_child (widget_class, FdTrainerDetails, slots_list);
  gtk_widget_class_bind_template_child (widget_class, FdTrainerDetails, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, FdTrainerDetails, title_label);
}

static void
fd_trainer_details_init (FdTrainerDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->slots = g_list_store_new (FD_TYPE_SLOT);
  gtk_list_box_bind_model (self->slots_list, G_LIST_MODEL (self->slots),
                           fd_details_create_slot_row, GINT_TO_POINTER (TRUE), NULL);
}

GtkWidget *
fd_trainer_details_new (FdDatabase *database)
{
  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);

  return g_object_new (FD_TYPE_TRAINER_DETAILS,
                       "database", database,
                       NULL);
}

FdTrainer *
fd_trainer_details_get_trainer (FdTrainerDetails *self)
{
  g_return_val_if_fail (FD_IS_TRAINER_DETAILS (self), NULL);

  return self->trainer;
}

/* Shows @trainer, read again from the database with its lists. */
void
fd_trainer_details_set_trainer (FdTrainerDetails *self,
                                FdTrainer        *trainer)
{
  gboolean changed;

  g_return_if_fail (FD_IS_TRAINER_DETAILS (self));
  g_return_if_fail (trainer == NULL || FD_IS_TRAINER (trainer));

  changed = g_set_object (&self->trainer, trainer);

  /* Read again even when unchanged: the database may have changed */
  if (trainer != NULL)
    show_trainer (self, trainer);
  else
    fd_details_replace (self->slots, NULL);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAINER]);
}
