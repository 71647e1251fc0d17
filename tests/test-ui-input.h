/* test-ui-input.h — waiting on the main loop, and real input with xdotool
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* Iterates the main loop until @cond holds or five seconds pass. */
#define UI_TEST_WAIT_UNTIL(cond)                                         \
  G_STMT_START {                                                         \
    gint64 _deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;     \
    while (!(cond) && g_get_monotonic_time () < _deadline)               \
      {                                                                  \
        if (!g_main_context_iteration (NULL, FALSE))                     \
          g_usleep (1000);                                               \
      }                                                                  \
  } G_STMT_END

/* Iterates the main loop for @ms milliseconds */
static inline void
ui_test_iterate (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* Whether real pointer and key input can be sent; skips the test if not */
static inline gboolean
ui_test_have_xdotool (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

#ifdef GDK_WINDOWING_X11
  if (path != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    return TRUE;
#endif

  g_test_skip ("needs xdotool on an X display");
  return FALSE;
}

static inline void
ui_test_on_xdotool_exited_cb (GPid     pid,
                              int      status,
                              gpointer user_data)
{
  int *result = user_data;

  *result = status;
  g_spawn_close_pid (pid);
}

/* Runs "xdotool ARGS…" while the main loop goes on, so the widgets see
 * each event as it comes */
static inline void
ui_test_xdotool (const char *args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *command = g_strconcat ("xdotool ", args, NULL);
  g_auto(GStrv) argv = NULL;
  int status = -1;
  GPid pid;

  g_assert_true (g_shell_parse_argv (command, NULL, &argv, &error));
  g_assert_no_error (error);
  g_spawn_async (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_child_watch_add (pid, ui_test_on_xdotool_exited_cb, &status);

  UI_TEST_WAIT_UNTIL (status != -1);
  g_assert_cmpint (status, ==, 0);
  ui_test_iterate (60);
}
