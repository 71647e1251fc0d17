/* fd-candidate-details.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-candidate-details"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-candidate-details.h"

#include "fd-details.h"

/* FdCandidateDetails:
 *
 * The read-only details of a candidate: identity, birth, contact,
 * address, client and enrollments.
 *
 * A widget of its own so that the candidates view builds it only when a
 * trainee is first selected, not at start.
 */
struct _FdCandidateDetails
{
  GtkWidget           parent_instance;

  FdDatabase         *database;
  FdTrainee          *trainee;
  GListStore         *enrollments;

  AdwActionRow       *address_row;
  AdwActionRow       *birth_row;
  AdwActionRow       *client_row;
  AdwActionRow       *email_row;
  GtkListBox         *enrollments_list;
  AdwActionRow       *phone_row;
  GtkLabel           *subtitle_label;
  GtkLabel           *title_label;
};

G_DEFINE_FINAL_TYPE (FdCandidateDetails, fd_candidate_details, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_TRAINEE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_trainee (FdCandidateDetails *self,
              FdTrainee          *trainee)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) enrollments = NULL;
  g_autofree char *name = fd_trainee_dup_full_name (trainee);
  g_autofree char *birth_date = NULL;
  const char *id = fd_record_get_id (FD_RECORD (trainee));
  const char *birth_city = fd_trainee_get_birth_city (trainee);
  const char *postal_code = fd_trainee_get_postal_code (trainee);
  const char *city = fd_trainee_get_city (trainee);
  const char *client = fd_trainee_get_client_name (trainee);

  gtk_label_set_text (self->title_label, name);
  /* A private individual is their own client: do not repeat the name. */
  gtk_label_set_text (self->subtitle_label,
                      client != NULL && g_strcmp0 (client, name) != 0 ? client : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label),
                          *gtk_label_get_text (self->subtitle_label) != '\0');

  birth_date = fd_details_format_date_range (fd_trainee_get_birth_date (trainee), NULL);

  if (birth_date != NULL && birth_city != NULL && *birth_city != '\0')
    /* Translators: « 12 mars 1985 à Lyon »: %1$s is the date, %2$s the city */
    fd_details_set_row_take (self->birth_row,
                             g_strdup_printf (_("%1$s in %2$s"), birth_date, birth_city));
  else
    fd_details_set_row (self->birth_row, birth_date);

  fd_details_set_row (self->email_row, fd_trainee_get_email (trainee));
  fd_details_set_row_take (self->phone_row, fd_format_phone (fd_trainee_get_phone (trainee)));
  fd_details_set_row_take (self->address_row,
                           fd_details_join (" ",
                                            postal_code != NULL ? postal_code : "",
                                            city != NULL ? city : "",
                                            NULL));
  fd_details_set_row (self->client_row, client);

  enrollments = fd_database_list_trainee_enrollments (self->database, id, &error);
  if (enrollments == NULL)
    g_warning ("Could not list the enrollments of trainee %s: %s", id, error->message);
  fd_details_replace (self->enrollments, enrollments);
}

static void
fd_candidate_details_dispose (GObject *object)
{
  FdCandidateDetails *self = FD_CANDIDATE_DETAILS (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_CANDIDATE_DETAILS);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->enrollments);
  g_clear_object (&self->trainee);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_candidate_details_parent_class)->dispose (object);
}

static void
fd_candidate_details_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  FdCandidateDetails *self = FD_CANDIDATE_DETAILS (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_TRAINEE:
      g_value_set_object (value, self->trainee);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_candidate_details_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  FdCandidateDetails *self = FD_CANDIDATE_DETAILS (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_TRAINEE:
      fd_candidate_details_set_trainee (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_candidate_details_class_init (FdCandidateDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_candidate_details_dispose;
  object_class->get_property = fd_candidate_details_get_property;
  object_class->set_property = fd_candidate_details_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         FD_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TRAINEE] =
    g_param_spec_object ("trainee", NULL, NULL,
                         FD_TYPE_TRAINEE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/fr/formadesk/Formadesk/fd-candidate-details.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, FdCandidateDetails, address_row);
  gtk_widget_class_bind_template_child (widget_class, FdCandidateDetails, birth_row);
  gtk_widget_class_bind_template_child (widget_class, FdCandidateDetails, client_row);
  gtk_widget_class_bind_template_child (widget_class, FdCandidateDetails, email_row);
  gtk_widget_class_bind_template_child (widget_class, FdCandidateDetails, enrollments_list);
  gtk_widget_class_bind_template_child (widget_class, FdCandidateDetails, phone_row);
  gtk_widget_class_bind_template_child (widget_class, FdCandidateDetails, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, FdCandidateDetails, title_label);
}

static void
fd_candidate_details_init (FdCandidateDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->enrollments = g_list_store_new (FD_TYPE_ENROLLMENT);
  gtk_list_box_bind_model (self->enrollments_list, G_LIST_MODEL (self->enrollments),
                           fd_details_create_enrollment_row, GINT_TO_POINTER (TRUE), NULL);
}

GtkWidget *
fd_candidate_details_new (FdDatabase *database)
{
  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);

  return g_object_new (FD_TYPE_CANDIDATE_DETAILS,
                       "database", database,
                       NULL);
}

FdTrainee *
fd_candidate_details_get_trainee (FdCandidateDetails *self)
{
  g_return_val_if_fail (FD_IS_CANDIDATE_DETAILS (self), NULL);

  return self->trainee;
}

/* Shows @trainee, read again from the database with its lists. */
void
fd_candidate_details_set_trainee (FdCandidateDetails *self,
                                  FdTrainee          *trainee)
{
  gboolean changed;

  g_return_if_fail (FD_IS_CANDIDATE_DETAILS (self));
  g_return_if_fail (trainee == NULL || FD_IS_TRAINEE (trainee));

  changed = g_set_object (&self->trainee, trainee);

  /* Read again even when unchanged: the database may have changed */
  if (trainee != NULL)
    show_trainee (self, trainee);
  else
    fd_details_replace (self->enrollments, NULL);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAINEE]);
}
