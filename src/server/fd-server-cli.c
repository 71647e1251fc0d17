/* fd-server-cli.c — formadesk-server's command line
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-server"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "fd-server-cli.h"
#include "fd-server.h"

#include <stdio.h>

typedef struct
{
  char *db;
  char *listen;
  char *init_admin;
  char *organisation;
  char *role;
  char *trainer;
  char *place;
  char *name;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->db);
  g_free (options->listen);
  g_free (options->init_admin);
  g_free (options->organisation);
  g_free (options->role);
  g_free (options->trainer);
  g_free (options->place);
  g_free (options->name);
}

static void
print_error (const char *message)
{
  /* Translators: how formadesk-server reports an error; %s is the sentence */
  g_printerr (_("formadesk-server: %s\n"), message);
}

/* The password of a new account, from the environment (scripts) */
static const char *
get_password (void)
{
  const char *password = g_getenv ("FORMADESK_PASSWORD");

  if (password == NULL || *password == '\0')
    {
      print_error (_("Set the password of the new account in FORMADESK_PASSWORD."));
      return NULL;
    }

  return password;
}

static int
user_add (FdServerStore *store,
          Options       *options,
          const char    *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdUser) user = NULL;
  const char *password;
  FdRole role;

  if (options->role == NULL || !fd_role_from_string (options->role, &role))
    {
      print_error (_("Give the account a role with --role: admin, operations_manager, "
                     "planner, trainer or kiosk."));
      return 2;
    }

  password = get_password ();
  if (password == NULL)
    return 2;

  user = fd_server_store_add_account (store, email, options->name, role, options->trainer,
                                      options->place, password, &error);
  if (user == NULL)
    {
      print_error (error->message);
      return 1;
    }

  /* Translators: %1$s is an email address, %2$s a role ("Planner") */
  g_print (_("Account %1$s added (%2$s).\n"), fd_user_get_email (user),
           fd_role_get_label (role));
  return 0;
}

static int
user_list (FdServerStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = fd_server_store_list_accounts (store, &error);

  if (accounts == NULL)
    {
      print_error (error->message);
      return 1;
    }

  for (guint i = 0; i < accounts->len; i++)
    {
      FdUser *user = g_ptr_array_index (accounts, i);

      g_print ("%s\t%s\t%s\t%s\n", fd_user_get_email (user),
               fd_role_to_string (fd_user_get_role (user)),
               fd_user_get_active (user) ? C_("account", "active") : C_("account", "revoked"),
               fd_user_get_display_name (user));
    }

  return 0;
}

static int
user_revoke (FdServerStore *store,
             const char    *email)
{
  g_autoptr(GError) error = NULL;

  if (!fd_server_store_revoke_account (store, email, &error))
    {
      print_error (error->message);
      return 1;
    }

  /* Translators: %s is an email address */
  g_print (_("Account %s revoked: its devices are signed out.\n"), email);
  return 0;
}

static int
device_list (FdServerStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) devices = fd_server_store_list_devices (store, &error);

  if (devices == NULL)
    {
      print_error (error->message);
      return 1;
    }

  for (guint i = 0; i < devices->len; i++)
    {
      FdServerDevice *device = g_ptr_array_index (devices, i);

      g_print ("%s\t%s\t%s\t%s\n", device->id, device->account_id,
               device->revoked ? C_("device", "revoked") : C_("device", "active"),
               device->name);
    }

  return 0;
}

static int
device_revoke (FdServerStore *store,
               const char    *device_id)
{
  g_autoptr(GError) error = NULL;

  if (!fd_server_store_revoke_device (store, device_id, &error))
    {
      print_error (error->message);
      return 1;
    }

  /* Translators: %s is a device's id */
  g_print (_("Device %s revoked.\n"), device_id);
  return 0;
}

static gboolean
on_signal_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);

  return G_SOURCE_REMOVE;
}

static int
serve (FdServerStore *store,
       Options       *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  const char *organisation = options->organisation != NULL
                             ? options->organisation : _("Training organisation");

  if (options->init_admin != NULL)
    {
      g_autoptr(FdUser) existing = fd_server_store_lookup_account (store, options->init_admin,
                                                                   NULL, NULL);

      if (!fd_server_store_ensure_organisation (store, organisation, &error))
        {
          print_error (error->message);
          return 1;
        }

      if (existing == NULL)
        {
          g_autoptr(FdUser) admin = NULL;
          const char *password = get_password ();

          if (password == NULL)
            return 2;
          admin = fd_server_store_add_account (store, options->init_admin, options->name,
                                               FD_ROLE_ADMIN, NULL, NULL, password, &error);
          if (admin == NULL)
            {
              print_error (error->message);
              return 1;
            }
          /* Translators: %s is an email address */
          g_print (_("Administrator %s created.\n"), fd_user_get_email (admin));
        }
    }

  accounts = fd_server_store_list_accounts (store, NULL);
  if (accounts != NULL && accounts->len == 0)
    print_error (_("There is no account yet: start once with --init-admin EMAIL."));

  server = fd_server_new (store);
  if (!fd_server_listen (server, options->listen, &error))
    {
      print_error (error->message);
      return 1;
    }

  /* Translators: %1$s is an address, %2$u a port */
  g_print (_("Listening on %1$s (port %2$u).\n"), options->listen,
           (guint) fd_server_get_port (server));

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, on_signal_cb, loop);
  g_unix_signal_add (SIGTERM, on_signal_cb, loop);
  g_main_loop_run (loop);

  fd_server_disconnect (server);
  return 0;
}

/**
 * fd_server_cli_run:
 * @argc: the argument count
 * @argv: (array length=argc): the arguments
 *
 * Runs formadesk-server: serving (`--listen`) or managing accounts and
 * devices (`user add|list|revoke`, `device list|revoke`).
 *
 * Returns: the exit status: 0 on success, 1 on failure, 2 on bad usage
 */
int
fd_server_cli_run (int    argc,
                   char **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FdServerStore) store = NULL;
  Options options = { 0 };
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &options.db,
      N_("The server’s database (created if missing)"), N_("FILE") },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &options.listen,
      N_("Serve the API on this address"), N_("HOST:PORT") },
    { "init-admin", 0, 0, G_OPTION_ARG_STRING, &options.init_admin,
      N_("Create the organisation and this administrator (password in FORMADESK_PASSWORD)"),
      N_("EMAIL") },
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &options.organisation,
      N_("The organisation’s name, with --init-admin"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &options.role,
      N_("The role of a new account"), N_("ROLE") },
    { "trainer", 0, 0, G_OPTION_ARG_STRING, &options.trainer,
      N_("The trainer record of a trainer account, by its email"), N_("EMAIL") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &options.place,
      N_("The place of a kiosk account, by its name"), N_("NAME") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &options.name,
      N_("The display name of a new account"), N_("NAME") },
    { NULL }
  };
  const char *command;
  int status = 2;

  context = g_option_context_new (_("[user add EMAIL | user list | user revoke EMAIL | "
                                    "device list | device revoke ID]"));
  g_option_context_set_summary (context, _("The Formadesk sync server."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      print_error (error->message);
      goto out;
    }

  if (options.db == NULL)
    {
      print_error (_("Say which database to use with --db FILE."));
      goto out;
    }

  command = args[1];
  if (command == NULL && options.listen == NULL)
    {
      print_error (_("Nothing to do: give --listen HOST:PORT, or a command."));
      goto out;
    }
  if (command != NULL && options.listen != NULL)
    {
      print_error (_("--listen serves the API; it does not go with a command."));
      goto out;
    }

  store = fd_server_store_open (options.db, &error);
  if (store == NULL)
    {
      print_error (error->message);
      status = 1;
      goto out;
    }

  if (command == NULL)
    status = serve (store, &options);
  else if (g_str_equal (command, "user") && g_strcmp0 (args[2], "add") == 0 &&
           args[3] != NULL && args[4] == NULL)
    status = user_add (store, &options, args[3]);
  else if (g_str_equal (command, "user") && g_strcmp0 (args[2], "list") == 0 && args[3] == NULL)
    status = user_list (store);
  else if (g_str_equal (command, "user") && g_strcmp0 (args[2], "revoke") == 0 &&
           args[3] != NULL && args[4] == NULL)
    status = user_revoke (store, args[3]);
  else if (g_str_equal (command, "device") && g_strcmp0 (args[2], "list") == 0 && args[3] == NULL)
    status = device_list (store);
  else if (g_str_equal (command, "device") && g_strcmp0 (args[2], "revoke") == 0 &&
           args[3] != NULL && args[4] == NULL)
    status = device_revoke (store, args[3]);
  else
    {
      g_autofree char *joined = g_strjoinv (" ", args + 1);

      /* Translators: %s is what was typed after the options */
      g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), joined);

      print_error (message);
    }

out:
  options_clear (&options);
  return status;
}
