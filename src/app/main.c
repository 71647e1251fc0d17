/* main.c
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "fd-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FdApplication) app = NULL;
  gint64 main_time = g_get_monotonic_time ();
  const char *localedir;

  setlocale (LC_ALL, "");
  localedir = g_getenv ("FORMADESK_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* With the cairo renderer (software rendering: virtual machines, remote
   * sessions, Xvfb) nothing is drawn with GL, yet GTK 4.8 prepares a GL
   * context when it opens an X11 display: about 80 ms of start-up here.
   * Skip it then, unless the user asked for GDK debugging of their own. */
  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") == 0 && g_getenv ("GDK_DEBUG") == NULL)
    g_setenv ("GDK_DEBUG", "gl-disable", FALSE);

  app = fd_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  fd_application_set_main_time (app, main_time);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
