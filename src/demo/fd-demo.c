/* fd-demo.c — realistic French demo data
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-demo.h"
#include "fd-demo-private.h"

#include <stdio.h>

/*
 * The demo generator plays the part of a training organisation's staff over
 * three years: it builds a catalogue, people and places, then plans sessions
 * day by day so that no trainer and no room is booked twice, enrolls
 * trainees within capacity, and collects attendance signatures for the slots
 * that are already past. Every row goes through fd_database_apply(), like
 * any user's edit, so the data also exercises the write path's validation.
 *
 * Everything is drawn from one GRand seeded by the caller: the same seed and
 * the same date give the same organisation (only the UUIDs differ).
 *
 * This file holds the state's lifetime and the order of the steps; each
 * step lives in the file named after what it writes (fd-demo-catalogue.c,
 * fd-demo-people.c, fd-demo-sessions.c…), and fd-demo-private.h holds what
 * they share. Reordering steps, or draws within a step, changes the data.
 */

static void
demo_clear (Demo *demo)
{
  guint i;

  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_pointer (&demo->tz, g_time_zone_unref);
  g_clear_pointer (&demo->closed, g_free);
  g_clear_pointer (&demo->org_domain, g_free);
  for (i = 0; i < N_CERTS; i++)
    g_clear_pointer (&demo->cert_ids[i], g_free);
  g_clear_pointer (&demo->training_ids, g_strfreev);
  g_clear_pointer (&demo->module_ids, g_ptr_array_unref);

  if (demo->places != NULL)
    {
      for (i = 0; i < demo->places->len; i++)
        {
          Place *place = g_ptr_array_index (demo->places, i);

          g_free (place->id);
          g_array_unref (place->rooms);
          g_free (place);
        }
      g_clear_pointer (&demo->places, g_ptr_array_unref);
    }

  if (demo->rooms != NULL)
    {
      for (i = 0; i < demo->rooms->len; i++)
        g_free (g_array_index (demo->rooms, Room, i).id);
      g_clear_pointer (&demo->rooms, g_array_unref);
    }
  g_clear_pointer (&demo->room_busy, g_free);

  if (demo->trainers != NULL)
    {
      for (i = 0; i < demo->trainers->len; i++)
        {
          Trainer *trainer = &g_array_index (demo->trainers, Trainer, i);

          g_free (trainer->id);
          g_free (trainer->first_name);
          g_free (trainer->last_name);
        }
      g_clear_pointer (&demo->trainers, g_array_unref);
    }
  g_clear_pointer (&demo->trainer_busy, g_free);
  for (i = 0; i < N_DOMAINS; i++)
    g_clear_pointer (&demo->domain_trainers[i], g_array_unref);

  if (demo->clients != NULL)
    {
      for (i = 0; i < demo->clients->len; i++)
        {
          Client *client = &g_array_index (demo->clients, Client, i);

          g_free (client->id);
          g_free (client->name);
          g_array_unref (client->trainees);
        }
      g_clear_pointer (&demo->clients, g_array_unref);
    }
  g_clear_pointer (&demo->companies, g_array_unref);

  if (demo->trainees != NULL)
    {
      for (i = 0; i < demo->trainees->len; i++)
        g_free (g_array_index (demo->trainees, Trainee, i).id);
      g_clear_pointer (&demo->trainees, g_array_unref);
    }
  g_clear_pointer (&demo->emails, g_hash_table_unref);
  g_clear_pointer (&demo->assignable, g_ptr_array_unref);
  g_clear_pointer (&demo->admin_id, g_free);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

static gboolean
generate (Demo    *demo,
          GError **error)
{
  gboolean large = demo->size == FD_DEMO_SIZE_LARGE;

  return _fd_demo_write_organisation (demo, error)
         && _fd_demo_write_staff_accounts (demo, error)
         && _fd_demo_write_catalogue (demo, error)
         && _fd_demo_write_places (demo, error)
         && _fd_demo_write_trainers (demo, large ? 2000 : 60, error)
         && _fd_demo_write_email_templates (demo, error)
         && _fd_demo_write_clients_and_trainees (demo, large ? 50000 : 1500, error)
         && _fd_demo_write_groups (demo, error)
         && _fd_demo_write_sessions (demo, large ? 5000 : 150, error)
         && _fd_demo_write_certification_records (demo, error)
         && _fd_demo_write_quality_tickets (demo, error)
         && _fd_demo_write_evaluations (demo, error);
}

/**
 * fd_demo_generate:
 * @database: an empty database
 * @size: how much to generate
 * @today: (nullable): the ISO date the data is centred on, or %NULL for the
 *   current date
 * @seed: the random seed; the same seed and date give the same data
 * @error: return location for a #GError
 *
 * Fills @database with a training organisation's three years of activity:
 * two years of past sessions with their attendance, and one year planned.
 * Everything is written in one transaction, through fd_database_apply(); on
 * error nothing is written.
 *
 * Returns: %TRUE on success
 */
gboolean
fd_demo_generate (FdDatabase  *database,
                  FdDemoSize   size,
                  const char  *today,
                  guint32      seed,
                  GError     **error)
{
  Demo demo = { 0, };
  GDate today_date;
  gboolean ok;

  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (size == FD_DEMO_SIZE_SMALL || size == FD_DEMO_SIZE_LARGE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_date_clear (&today_date, 1);
  if (today != NULL)
    {
      int year;
      int month;
      int day;
      char end;

      if (sscanf (today, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3
          || !g_date_valid_dmy (day, month, year))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a date (expected YYYY-MM-DD)"), today);
          return FALSE;
        }
      g_date_set_dmy (&today_date, day, month, year);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&today_date,
                      g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }

  demo.db = database;
  demo.size = size;
  demo.rand = g_rand_new_with_seed (seed);
  demo.tz = g_time_zone_new_identifier ("Europe/Paris");
  if (demo.tz == NULL)
    demo.tz = g_time_zone_new_local ();
  demo.device_id = fd_database_get_device_id (database);
  demo.emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.assignable = g_ptr_array_new_with_free_func (g_free);
  _fd_demo_build_calendar (&demo, &today_date);

  if (!fd_database_begin (database, error))
    {
      demo_clear (&demo);
      return FALSE;
    }

  ok = generate (&demo, error) && fd_database_commit (database, error);
  if (!ok)
    fd_database_rollback (database);

  demo_clear (&demo);

  return ok;
}
