/* fd-user-ui.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-user-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-user-ui.h"

/* The decisions of the accounts page, from values only, so that unit
 * tests need no widget. */

/**
 * fd_user_ui_dup_summary:
 * @user: a #FdUser
 *
 * What the window's header says of who is working: “Display Name · Role”.
 *
 * Returns: (transfer full) (nullable): the summary, or %NULL for the
 *   desktop's user working without an account (the usual case says
 *   nothing)
 */
char *
fd_user_ui_dup_summary (FdUser *user)
{
  g_return_val_if_fail (FD_IS_USER (user), NULL);

  if (fd_user_is_local_admin (user))
    return NULL;

  /* Translators: who is working, in the window's header: %1$s is a
   * person's name, %2$s their role (“Planner”) */
  return g_strdup_printf (_("%1$s · %2$s"),
                          fd_user_get_display_name (user),
                          fd_role_get_label (fd_user_get_role (user)));
}

/**
 * fd_user_ui_get_error_field:
 * @error: an error from adding an account or setting a password
 *
 * Returns: (nullable): the field @error is about: a field of
 *   fd_accounts_add() ("email", "display_name", "trainer_id", "place_id"),
 *   "password" for a password that does not meet the rules, or %NULL when
 *   it is about no field
 */
const char *
fd_user_ui_get_error_field (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == FD_PASSWORD_ERROR)
    return "password";

  if (error->domain == FD_VALIDATION_ERROR)
    return fd_validation_error_get_field (error);

  return NULL;
}

/**
 * fd_user_ui_sign_out_needs_sign_in:
 * @database: a #FdDatabase
 *
 * Signing out goes back to the desktop's user, as an administrator,
 * unless an active administrator account can sign in on this workstation:
 * then someone has to sign in, or the accounts would be for nothing.
 *
 * Returns: whether signing out must ask someone to sign in
 */
gboolean
fd_user_ui_sign_out_needs_sign_in (FdDatabase *database)
{
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;
  guint n_accounts;

  g_return_val_if_fail (FD_IS_DATABASE (database), TRUE);

  if (!fd_accounts_any_can_sign_in (database))
    return FALSE;

  accounts = fd_accounts_list (database, FALSE, &error);
  if (accounts == NULL)
    {
      /* Not knowing, ask: the safe side */
      g_warning ("Could not list the accounts: %s", error->message);
      return TRUE;
    }

  n_accounts = g_list_model_get_n_items (accounts);
  for (guint i = 0; i < n_accounts; i++)
    {
      g_autoptr(FdUser) account = g_list_model_get_item (accounts, i);

      if (fd_user_get_role (account) == FD_ROLE_ADMIN &&
          fd_user_get_active (account) &&
          fd_accounts_has_password (database, fd_user_get_id (account)))
        return TRUE;
    }

  return FALSE;
}
