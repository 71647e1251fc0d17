/* bench-week-view.c — times an FdWeekView page change, and shows one
 *
 *   bench-week-view DATABASE [--days 7|1] [--date 2026-03-02] [--runs 20]
 *                   [--shot OUT.png] [--widgets] [--hold]
 *
 * A page change is set_date() + set_slots() and the frame that shows it
 * (from the frame clock's ::before-paint to its ::after-paint),
 * alternating between the week of --date and the next one (slots read
 * beforehand: the query is core's, not the view's). --widgets times the
 * same page made of one GtkButton + GtkInscription per slot instead, to
 * compare. --shot saves the first page as a PNG; --hold keeps the window.
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include "fd-core.h"
#include "fd-week-view.h"

static gboolean painted;
static gint64 frame_start;
static gint64 frame_end;
static gint64 frame_cpu_start;
static gint64 frame_cpu_end;

/* This thread's CPU time, in µs: what the work costs when other
 * processes share the cores */
static gint64
get_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* As fd-bench-ui.c: the action, then the frame from ::before-paint to
 * ::after-paint; the wait for the frame clock's pacing is not work. */
static void
on_before_paint_cb (GdkFrameClock *clock,
                    gpointer       user_data)
{
  frame_start = g_get_monotonic_time ();
  frame_cpu_start = get_cpu_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  frame_end = g_get_monotonic_time ();
  frame_cpu_end = get_cpu_time ();
  painted = TRUE;
}

static void
wait_for_frame (GtkWidget *window)
{
  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

static GPtrArray *
read_page (FdDatabase  *database,
           guint        n_days,
           const GDate *date)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GPtrArray *slots;

  from = fd_calendar_period_dup_iso_range (n_days == 1 ? FD_CALENDAR_PERIOD_DAY
                                                       : FD_CALENDAR_PERIOD_WEEK,
                                           date, &to);
  slots = fd_database_list_calendar_slots (database, from, to, &error);
  if (slots == NULL)
    g_error ("%s", error->message);

  return slots;
}

/* The comparison: a page of widgets, one per slot, placed by hand. */
static void
show_widget_page (GtkWidget *fixed,
                  GPtrArray *slots)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (fixed)) != NULL)
    gtk_fixed_remove (GTK_FIXED (fixed), child);

  for (guint i = 0; i < slots->len; i++)
    {
      FdSlot *slot = g_ptr_array_index (slots, i);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *inscription = gtk_inscription_new (fd_slot_get_session_label (slot));

      gtk_inscription_set_min_lines (GTK_INSCRIPTION (inscription), 3);
      gtk_button_set_child (GTK_BUTTON (button), inscription);
      gtk_widget_set_size_request (button, 40, 48);
      gtk_fixed_put (GTK_FIXED (fixed), button, 56 + (i % 7) * 170 + (i % 4) * 40,
                     (i / 7) * 10 % 700);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
save_shot (GtkWidget  *widget,
           const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0,
                                                              gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  gdk_texture_save_to_png (texture, path);
  g_print ("saved %s\n", path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdDatabase) database = NULL;
  GPtrArray *pages[2] = { NULL, NULL };
  g_autofree char *date_text = g_strdup ("2026-03-02");
  g_autofree char *shot = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  int n_days = 7, runs = 20;
  gboolean widgets = FALSE, hold = FALSE, dark = FALSE;
  GOptionEntry entries[] = {
    { "days", 0, 0, G_OPTION_ARG_INT, &n_days, "Days a page shows (7 or 1)", "N" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, "A day of the first page", "ISO" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Page changes to time", "N" },
    { "shot", 0, 0, G_OPTION_ARG_FILENAME, &shot, "Save the first page", "PNG" },
    { "widgets", 0, 0, G_OPTION_ARG_NONE, &widgets, "Time a page of widgets instead", NULL },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { "hold", 0, 0, G_OPTION_ARG_NONE, &hold, "Keep the window open", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("DATABASE");
  GtkWidget *window, *scrolled, *view, *fixed = NULL;
  GdkFrameClock *clock;
  GDate dates[2];
  g_autoptr(GHashTable) conflicted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) holidays = g_hash_table_new (g_str_hash, g_str_equal);

  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 ||
      !fd_calendar_parse_iso (date_text, &dates[0], NULL) || (n_days != 1 && n_days != 7))
    {
      g_printerr ("usage: %s DATABASE [--days 7|1] [--date ISO] [--runs N] [--shot PNG]\n",
                  argv[0]);
      return EXIT_FAILURE;
    }

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (),
                "gtk-font-name", "Cantarell 11",
                "gtk-enable-animations", FALSE,
                NULL);
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, "/fr/formadesk/Formadesk/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  if (g_getenv ("BENCH_CSS") != NULL)
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (provider, g_getenv ("BENCH_CSS"), -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
    }
  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  database = fd_database_open (argv[1], FD_DATABASE_OPEN_DEFAULT, &error);
  if (database == NULL)
    g_error ("%s", error->message);

  dates[1] = dates[0];
  fd_calendar_period_step (n_days == 1 ? FD_CALENDAR_PERIOD_DAY : FD_CALENDAR_PERIOD_WEEK,
                           &dates[1], 1);
  pages[0] = read_page (database, (guint) n_days, &dates[0]);
  pages[1] = read_page (database, (guint) n_days, &dates[1]);
  g_print ("pages of %u and %u slots\n", pages[0]->len, pages[1]->len);

  /* a few marks, to see them */
  if (pages[0]->len > 3)
    g_hash_table_insert (conflicted,
                         (gpointer) fd_record_get_id (g_ptr_array_index (pages[0], 3)),
                         (gpointer) "Anne Martin is already teaching then");
  g_hash_table_insert (holidays, (gpointer) "2026-03-04", (gpointer) "Test holiday");

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  view = fd_week_view_new ((guint) n_days);
  if (widgets)
    {
      fixed = gtk_fixed_new ();
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), fixed);
    }
  else
    {
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
    }
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (scrolled))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);

  if (!widgets)
    {
      fd_slot_view_set_today (FD_SLOT_VIEW (view), &dates[0]);
      fd_slot_view_set_marks (FD_SLOT_VIEW (view), conflicted, holidays);
    }

  for (int run = -2; run < runs; run++)
    {
      guint page = (guint) (run + 2) % 2;
      gint64 start = g_get_monotonic_time ();
      gint64 cpu_start = get_cpu_time ();
      double action_ms, action_cpu_ms, cpu_ms;
      double ms;

      if (widgets)
        {
          show_widget_page (fixed, pages[page]);
        }
      else
        {
          fd_slot_view_set_date (FD_SLOT_VIEW (view), &dates[page]);
          fd_slot_view_set_slots (FD_SLOT_VIEW (view), pages[page]);
        }
      action_ms = (g_get_monotonic_time () - start) / 1000.0;
      action_cpu_ms = (get_cpu_time () - cpu_start) / 1000.0;
      wait_for_frame (window);
      ms = action_ms + (frame_end - frame_start) / 1000.0;
      cpu_ms = action_cpu_ms + (frame_cpu_end - frame_cpu_start) / 1000.0;
      if (g_getenv ("BENCH_SPLIT") != NULL)
        g_print ("  action %.2f ms, frame %.2f ms\n", action_ms, ms - action_ms);

      /* the first two make the caches of fonts and styles */
      if (run >= 0)
        {
          g_array_append_val (times, ms);
          g_array_append_val (cpu_times, cpu_ms);
        }
    }

  if (times->len > 0)
    {
      g_array_sort (times, compare_doubles);
      g_print ("%s page change + frame, %u runs: median %.2f ms, max %.2f ms\n",
               widgets ? "widgets" : (n_days == 1 ? "day" : "week"), times->len,
               g_array_index (times, double, times->len / 2),
               g_array_index (times, double, times->len - 1));
      g_array_sort (cpu_times, compare_doubles);
      g_print ("  of which this thread's CPU time: median %.2f ms, max %.2f ms\n",
               g_array_index (cpu_times, double, cpu_times->len / 2),
               g_array_index (cpu_times, double, cpu_times->len - 1));
    }

  if (shot != NULL)
    {
      if (!widgets)
        {
          fd_slot_view_set_date (FD_SLOT_VIEW (view), &dates[0]);
          fd_slot_view_set_slots (FD_SLOT_VIEW (view), pages[0]);
        }
      wait_for_frame (window);
      save_shot (window, shot);
    }

  while (hold && gtk_widget_get_visible (window))
    g_main_context_iteration (NULL, TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
  g_ptr_array_unref (pages[0]);
  g_ptr_array_unref (pages[1]);

  return EXIT_SUCCESS;
}
