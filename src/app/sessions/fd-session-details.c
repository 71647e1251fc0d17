/* fd-session-details.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-session-details"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-session-details.h"

#include "fd-details.h"

/* FdSessionDetails:
 *
 * The read-only details of a session: its fields, its slots and its
 * enrolled trainees.
 *
 * A widget of its own so that the sessions view builds it only when a
 * session is first selected, not at start.
 */
struct _FdSessionDetails
{
  GtkWidget           parent_instance;

  FdDatabase         *database;
  FdSession          *session;
  GListStore         *slots;
  GListStore         *enrollments;

  AdwActionRow       *capacity_row;
  AdwActionRow       *client_row;
  AdwActionRow       *code_row;
  AdwActionRow       *dates_row;
  GtkListBox         *enrollments_list;
  AdwActionRow       *kind_row;
  AdwActionRow       *price_row;
  AdwActionRow       *published_row;
  GtkListBox         *slots_list;
  AdwActionRow       *status_row;
  GtkLabel           *subtitle_label;
  GtkLabel           *title_label;
  AdwActionRow       *training_row;
};

G_DEFINE_FINAL_TYPE (FdSessionDetails, fd_session_details, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_session (FdSessionDetails *self,
              FdSession        *session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GPtrArray) enrollments = NULL;
  const char *id = fd_record_get_id (FD_RECORD (session));
  guint n_enrolled = fd_session_get_n_enrolled (session);
  guint capacity = fd_session_get_capacity_max (session);
  gint64 price = fd_session_get_price_cents (session);

  gtk_label_set_text (self->title_label, fd_session_get_label (session));
  gtk_label_set_text (self->subtitle_label, fd_session_get_code (session));
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label),
                          *gtk_label_get_text (self->subtitle_label) != '\0');

  fd_details_set_row (self->code_row, fd_session_get_code (session));
  fd_details_set_row (self->training_row, fd_session_get_training_title (session));
  fd_details_set_row (self->kind_row, fd_format_session_kind (fd_session_get_kind (session)));
  fd_details_set_row (self->status_row, fd_format_session_status (fd_session_get_status (session)));
  fd_details_set_row (self->published_row,
                      fd_session_get_published (session) ? _("Published") : _("Draft"));
  fd_details_set_row (self->client_row, fd_session_get_client_name (session));
  fd_details_set_row_take (self->dates_row,
                           fd_details_format_date_range (fd_session_get_start_date (session),
                                                         fd_session_get_end_date (session)));
  fd_details_set_row_take (self->price_row, price > 0 ? fd_format_money (price) : NULL);

  if (capacity > 0)
    /* Translators: « 8 enrolled of 12 seats » */
    fd_details_set_row_take (self->capacity_row,
                             g_strdup_printf (ngettext ("%1$u enrolled of %2$u seat",
                                                        "%1$u enrolled of %2$u seats",
                                                        capacity),
                                              n_enrolled, capacity));
  else
    fd_details_set_row_take (self->capacity_row,
                             g_strdup_printf (ngettext ("%u enrolled", "%u enrolled", n_enrolled),
                                              n_enrolled));

  slots = fd_database_list_session_slots (self->database, id, &error);
  if (slots == NULL)
    {
      g_warning ("Could not list the slots of session %s: %s", id, error->message);
      g_clear_error (&error);
    }
  fd_details_replace (self->slots, slots);

  enrollments = fd_database_list_session_enrollments (self->database, id, &error);
  if (enrollments == NULL)
    g_warning ("Could not list the enrollments of session %s: %s", id, error->message);
  fd_details_replace (self->enrollments, enrollments);
}

static void
fd_session_details_dispose (GObject *object)
{
  FdSessionDetails *self = FD_SESSION_DETAILS (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_SESSION_DETAILS);
  /* The template's root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->slots);
  g_clear_object (&self->enrollments);
  g_clear_object (&self->session);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (fd_session_details_parent_class)->dispose (object);
}

static void
fd_session_details_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FdSessionDetails *self = FD_SESSION_DETAILS (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_session_details_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FdSessionDetails *self = FD_SESSION_DETAILS (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_SESSION:
      fd_session_details_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_session_details_class_init (FdSessionDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_session_details_dispose;
  object_class->get_property = fd_session_details_get_property;
  object_class->set_property = fd_session_details_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         FD_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         FD_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/fr/formadesk/Formadesk/fd-session-details.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, FdSessionDetails, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDetails, client_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDetails, code_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDetails, dates_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDetails, enrollments_list);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDetails, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDetails, price_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDetails, published_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDetails, slots_list);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDetails, status_row);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDetails, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDetails, title_label);
  gtk_widget_class_bind_template_child (widget_class, FdSessionDetails, training_row);
}

static void
fd_session_details_init (FdSessionDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->slots = g_list_store_new (FD_TYPE_SLOT);
  gtk_list_box_bind_model (self->slots_list, G_LIST_MODEL (self->slots),
                           fd_details_create_slot_row, GINT_TO_POINTER (FALSE), NULL);
  self->enrollments = g_list_store_new (FD_TYPE_ENROLLMENT);
  gtk_list_box_bind_model (self->enrollments_list, G_LIST_MODEL (self->enrollments),
                           fd_details_create_enrollment_row, GINT_TO_POINTER (FALSE), NULL);
}

GtkWidget *
fd_session_details_new (FdDatabase *database)
{
  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);

  return g_object_new (FD_TYPE_SESSION_DETAILS,
                       "database", database,
                       NULL);
}

FdSession *
fd_session_details_get_session (FdSessionDetails *self)
{
  g_return_val_if_fail (FD_IS_SESSION_DETAILS (self), NULL);

  return self->session;
}

/* Shows @session, read again from the database with its lists. */
void
fd_session_details_set_session (FdSessionDetails *self,
                                FdSession        *session)
{
  gboolean changed;

  g_return_if_fail (FD_IS_SESSION_DETAILS (self));
  g_return_if_fail (session == NULL || FD_IS_SESSION (session));

  changed = g_set_object (&self->session, session);

  /* Read again even when unchanged: the database may have changed */
  if (session != NULL)
    show_session (self, session);
  else
    {
      fd_details_replace (self->slots, NULL);
      fd_details_replace (self->enrollments, NULL);
    }

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
