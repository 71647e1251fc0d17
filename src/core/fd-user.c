/* fd-user.c — who is working: a user and their role
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-user"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-user.h"

typedef struct
{
  const char *text;        /* as stored in user_account.role */
  const char *label;
  const char *description;
} RoleInfo;

/* The one list of roles: what is stored, what is shown */
static const RoleInfo roles[FD_N_ROLES] = {
  [FD_ROLE_ADMIN] = {
    "admin",
    N_("Administrator"),
    N_("Manages user accounts and can change everything."),
  },
  [FD_ROLE_OPERATIONS_MANAGER] = {
    "operations_manager",
    N_("Operations manager"),
    N_("Can change everything but user accounts, including the dates of sessions that have "
       "trainees."),
  },
  [FD_ROLE_PLANNER] = {
    "planner",
    N_("Planner"),
    N_("Plans sessions, trainers, trainees and the catalogue; cannot change the dates of a "
       "session once trainees are enrolled."),
  },
  [FD_ROLE_TRAINER] = {
    "trainer",
    N_("Trainer"),
    N_("Records attendance for their own slots and their own unavailabilities, expenses, "
       "invoices and quality tickets."),
  },
  [FD_ROLE_KIOSK] = {
    "kiosk",
    N_("Signature kiosk"),
    N_("A shared workstation in a training room where trainees sign attendance."),
  },
};

G_DEFINE_ENUM_TYPE (FdRole, fd_role,
                    G_DEFINE_ENUM_VALUE (FD_ROLE_ADMIN, "admin"),
                    G_DEFINE_ENUM_VALUE (FD_ROLE_OPERATIONS_MANAGER, "operations-manager"),
                    G_DEFINE_ENUM_VALUE (FD_ROLE_PLANNER, "planner"),
                    G_DEFINE_ENUM_VALUE (FD_ROLE_TRAINER, "trainer"),
                    G_DEFINE_ENUM_VALUE (FD_ROLE_KIOSK, "kiosk"))

static gboolean
is_role (FdRole role)
{
  return (guint) role < FD_N_ROLES;
}

/**
 * fd_role_to_string:
 * @role: a #FdRole
 *
 * Returns: the text stored for @role in `user_account.role`
 *   ("operations_manager")
 */
const char *
fd_role_to_string (FdRole role)
{
  g_return_val_if_fail (is_role (role), NULL);

  return roles[role].text;
}

/**
 * fd_role_from_string:
 * @text: (nullable): a stored role
 * @role: (out): where to put the role
 *
 * Returns: whether @text is a stored role; @role is left as it was if not
 */
gboolean
fd_role_from_string (const char *text,
                     FdRole     *role)
{
  g_return_val_if_fail (role != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      if (g_str_equal (roles[i].text, text))
        {
          *role = (FdRole) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * fd_role_get_label:
 * @role: a #FdRole
 *
 * Returns: the role's translated name ("Operations manager")
 */
const char *
fd_role_get_label (FdRole role)
{
  g_return_val_if_fail (is_role (role), NULL);

  return _(roles[role].label);
}

/**
 * fd_role_get_description:
 * @role: a #FdRole
 *
 * Returns: one translated sentence saying what the role may do, for a
 *   role chooser
 */
const char *
fd_role_get_description (FdRole role)
{
  g_return_val_if_fail (is_role (role), NULL);

  return _(roles[role].description);
}

/**
 * FdUser:
 *
 * Who is working: the account chosen on this workstation, or, when none
 * was, the desktop's own user as a local administrator (the workstation's
 * owner needs no password to use their own data).
 *
 * It is a read-only snapshot of the account when it was read: its
 * properties never change. The role rules of the write path read it from
 * the database (fd_database_get_user()).
 */
struct _FdUser
{
  GObject parent_instance;

  char *id;
  char *email;
  char *display_name;
  char *trainer_id;
  char *place_id;
  FdRole role;
  gboolean active;
};

G_DEFINE_FINAL_TYPE (FdUser, fd_user, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_EMAIL,
  PROP_DISPLAY_NAME,
  PROP_ROLE,
  PROP_ROLE_LABEL,
  PROP_TRAINER_ID,
  PROP_PLACE_ID,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fd_user_finalize (GObject *object)
{
  FdUser *self = (FdUser *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->trainer_id, g_free);
  g_clear_pointer (&self->place_id, g_free);

  G_OBJECT_CLASS (fd_user_parent_class)->finalize (object);
}

static void
fd_user_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  FdUser *self = FD_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_ROLE_LABEL:
      g_value_set_string (value, fd_role_get_label (self->role));
      break;

    case PROP_TRAINER_ID:
      g_value_set_string (value, self->trainer_id);
      break;

    case PROP_PLACE_ID:
      g_value_set_string (value, self->place_id);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_user_class_init (FdUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fd_user_finalize;
  object_class->get_property = fd_user_get_property;

  /**
   * FdUser:id:
   *
   * The `user_account` row's UUID, or %NULL for the local administrator.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdUser:email:
   *
   * The email address the user signs in with, or %NULL for the local
   * administrator.
   */
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdUser:display-name:
   *
   * The name shown for the user ("Anne Martin").
   */
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdUser:role:
   *
   * What the user may do.
   */
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       FD_TYPE_ROLE,
                       FD_ROLE_ADMIN,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdUser:role-label:
   *
   * The role's translated name, for labels bound to it.
   */
  properties[PROP_ROLE_LABEL] =
    g_param_spec_string ("role-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdUser:trainer-id:
   *
   * The trainer card of a trainer's account (what "their own" means for
   * the role rules), or %NULL.
   */
  properties[PROP_TRAINER_ID] =
    g_param_spec_string ("trainer-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdUser:place-id:
   *
   * The place a signature kiosk stands in, or %NULL.
   */
  properties[PROP_PLACE_ID] =
    g_param_spec_string ("place-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * FdUser:active:
   *
   * Whether the account may sign in; deactivated accounts are kept for
   * the history that names them.
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_user_init (FdUser *self)
{
  self->active = TRUE;
}

/**
 * fd_user_new:
 * @id: (nullable): the account's UUID; %NULL for a user without an account
 *   (the local administrator, or a role tried out in a test)
 * @email: (nullable): the sign-in address
 * @display_name: the name shown
 * @role: the role
 * @trainer_id: (nullable): the trainer card of a trainer's account
 * @place_id: (nullable): the place of a signature kiosk
 * @active: whether the account may sign in
 *
 * Most code gets users from fd_accounts_sign_in() or fd_accounts_list();
 * this is for them and for tests.
 *
 * Returns: (transfer full): a new #FdUser
 */
FdUser *
fd_user_new (const char *id,
             const char *email,
             const char *display_name,
             FdRole      role,
             const char *trainer_id,
             const char *place_id,
             gboolean    active)
{
  FdUser *self;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (is_role (role), NULL);

  self = g_object_new (FD_TYPE_USER, NULL);
  self->id = g_strdup (id);
  self->email = g_strdup (email);
  self->display_name = g_strdup (display_name);
  self->role = role;
  self->trainer_id = g_strdup (trainer_id);
  self->place_id = g_strdup (place_id);
  self->active = active != FALSE;

  return self;
}

/**
 * fd_user_new_local_admin:
 *
 * The user when no account was chosen: the desktop's user, named after
 * their real name (or their login when it is unknown), as an administrator
 * without an account. Nothing is written to the database.
 *
 * Returns: (transfer full): a new #FdUser with a %NULL id
 */
FdUser *
fd_user_new_local_admin (void)
{
  const char *name = g_get_real_name ();

  /* GLib says "Unknown" when the password database has no real name */
  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();

  return fd_user_new (NULL, NULL, name, FD_ROLE_ADMIN, NULL, NULL, TRUE);
}

const char *
fd_user_get_id (FdUser *self)
{
  g_return_val_if_fail (FD_IS_USER (self), NULL);

  return self->id;
}

const char *
fd_user_get_email (FdUser *self)
{
  g_return_val_if_fail (FD_IS_USER (self), NULL);

  return self->email;
}

const char *
fd_user_get_display_name (FdUser *self)
{
  g_return_val_if_fail (FD_IS_USER (self), NULL);

  return self->display_name;
}

FdRole
fd_user_get_role (FdUser *self)
{
  /* The least powerful role for a programmer error */
  g_return_val_if_fail (FD_IS_USER (self), FD_ROLE_KIOSK);

  return self->role;
}

const char *
fd_user_get_trainer_id (FdUser *self)
{
  g_return_val_if_fail (FD_IS_USER (self), NULL);

  return self->trainer_id;
}

const char *
fd_user_get_place_id (FdUser *self)
{
  g_return_val_if_fail (FD_IS_USER (self), NULL);

  return self->place_id;
}

gboolean
fd_user_get_active (FdUser *self)
{
  g_return_val_if_fail (FD_IS_USER (self), FALSE);

  return self->active;
}

/**
 * fd_user_is_local_admin:
 * @self: a #FdUser
 *
 * Returns: whether @self is the desktop's user working without an account
 */
gboolean
fd_user_is_local_admin (FdUser *self)
{
  g_return_val_if_fail (FD_IS_USER (self), FALSE);

  return self->id == NULL && self->role == FD_ROLE_ADMIN;
}
