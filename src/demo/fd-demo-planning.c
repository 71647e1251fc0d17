/* fd-demo-planning.c — the demo's session plans, trainers and rooms booked once
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-demo"

#include "config.h"

#include "fd-demo-private.h"

void
_fd_demo_session_plan_free (SessionPlan *plan)
{
  g_array_unref (plan->slots);
  g_free (plan);
}

static guint
pick_training (Demo *demo)
{
  int total = 0;
  int draw;
  guint i;

  for (i = 0; i < _fd_demo_n_training_specs; i++)
    total += _fd_demo_training_specs[i].weight;

  draw = rand_range (demo, 0, total);
  for (i = 0; i < _fd_demo_n_training_specs; i++)
    {
      draw -= _fd_demo_training_specs[i].weight;
      if (draw < 0)
        return i;
    }

  return 0;
}

SessionPlan *
_fd_demo_plan_session (Demo *demo,
                       int   first_day,
                       int   last_day)
{
  SessionPlan *plan = g_new0 (SessionPlan, 1);
  const TrainingSpec *spec;
  int n_days;
  int day;
  int d;

  plan->training = pick_training (demo);
  spec = &_fd_demo_training_specs[plan->training];
  plan->start_day = _fd_demo_next_open_day (demo, rand_range (demo, first_day, last_day));
  plan->slots = g_array_new (FALSE, FALSE, sizeof (SlotPlan));
  plan->client = -1;
  if (spec->domain != DOMAIN_LANGUAGES && chance (demo, 0.3))
    {
      int attempt;

      /* A company with staff to train. */
      for (attempt = 0; attempt < 10 && plan->client < 0; attempt++)
        {
          guint company = g_array_index (demo->companies, guint,
                                         rand_range (demo, 0, demo->companies->len));

          if (g_array_index (demo->clients, Client, company).trainees->len > 0)
            plan->client = company;
        }
      plan->intra = plan->client >= 0;
    }

  n_days = (int) (spec->days + 0.5);
  day = plan->start_day;

  if (spec->weekly)
    {
      /* Language courses: one half-day twice a week (Tuesday and Thursday
       * mornings, or Monday and Wednesday afternoons). */
      SlotShape shape = chance (demo, 0.5) ? HALF_AM : HALF_PM;
      int n_slots = n_days * 2;
      int made = 0;

      plan->n_sequences = 1;
      while (made < n_slots && day < demo->n_days - 1)
        {
          GDate date;
          GDateWeekday weekday;

          _fd_demo_day_to_date (demo, day, &date);
          weekday = g_date_get_weekday (&date);
          if (!demo->closed[day]
              && (shape == HALF_AM
                  ? (weekday == G_DATE_TUESDAY || weekday == G_DATE_THURSDAY)
                  : (weekday == G_DATE_MONDAY || weekday == G_DATE_WEDNESDAY)))
            {
              SlotPlan slot = { day, shape, 0 };

              g_array_append_val (plan->slots, slot);
              made++;
            }
          day++;
        }

      if (plan->slots->len == 0)
        {
          SlotPlan slot = { plan->start_day, shape, 0 };

          g_array_append_val (plan->slots, slot);
        }
      plan->start_day = g_array_index (plan->slots, SlotPlan, 0).day;
      return plan;
    }

  /* Consecutive working days, split into one to three sequences a week or
   * two apart. */
  plan->n_sequences = 1;
  if (n_days >= 3)
    {
      int wanted = rand_range (demo, 1, 4);

      plan->n_sequences = MIN (wanted, n_days);
    }
  for (d = 0; d < n_days; d++)
    {
      int sequence = d * plan->n_sequences / n_days;

      if (d > 0 && sequence != (d - 1) * plan->n_sequences / n_days)
        day += rand_range (demo, 5, 15);
      day = _fd_demo_next_open_day (demo, day);

      if (chance (demo, 0.1))
        {
          SlotPlan slot = { day, HALF_FULL, sequence };

          g_array_append_val (plan->slots, slot);
        }
      else
        {
          SlotPlan morning = { day, HALF_AM, sequence };
          SlotPlan afternoon = { day, HALF_PM, sequence };

          g_array_append_val (plan->slots, morning);
          g_array_append_val (plan->slots, afternoon);
        }
      day++;
    }

  return plan;
}

static guint8
shape_bits (SlotShape shape)
{
  switch (shape)
    {
    case HALF_AM:
      return BUSY_AM;
    case HALF_PM:
      return BUSY_PM;
    case HALF_FULL:
    default:
      return BUSY_DAY;
    }
}

static gboolean
is_free (Demo              *demo,
         const guint8      *busy,
         const SessionPlan *plan)
{
  guint i;

  for (i = 0; i < plan->slots->len; i++)
    {
      const SlotPlan *slot = &g_array_index (plan->slots, SlotPlan, i);

      if ((busy[slot->day] & shape_bits (slot->shape)) != 0)
        return FALSE;
    }

  return TRUE;
}

void
_fd_demo_mark_busy (Demo              *demo,
                    guint8            *busy,
                    const SessionPlan *plan)
{
  guint i;

  for (i = 0; i < plan->slots->len; i++)
    {
      const SlotPlan *slot = &g_array_index (plan->slots, SlotPlan, i);

      busy[slot->day] |= shape_bits (slot->shape);
    }
}

void
_fd_demo_unmark_busy (Demo              *demo,
                      guint8            *busy,
                      const SessionPlan *plan)
{
  guint i;

  for (i = 0; i < plan->slots->len; i++)
    {
      const SlotPlan *slot = &g_array_index (plan->slots, SlotPlan, i);

      busy[slot->day] &= (guint8) ~shape_bits (slot->shape);
    }
}

/* A trainer of the training's field free on every slot, or any free
 * trainer, or -1. */
int
_fd_demo_pick_trainer (Demo              *demo,
                       const SessionPlan *plan,
                       int                except)
{
  GArray *pool = demo->domain_trainers[_fd_demo_training_specs[plan->training].domain];
  int attempt;

  for (attempt = 0; attempt < 40; attempt++)
    {
      guint trainer;

      if (attempt < 30 && pool->len > 0)
        trainer = g_array_index (pool, guint, rand_range (demo, 0, pool->len));
      else
        trainer = rand_range (demo, 0, demo->trainers->len);

      if ((int) trainer != except
          && is_free (demo, demo->trainer_busy + (gsize) trainer * demo->n_days, plan))
        return trainer;
    }

  return -1;
}

int
_fd_demo_pick_room (Demo              *demo,
                    const SessionPlan *plan,
                    guint              place_index,
                    int                seats)
{
  Place *place = g_ptr_array_index (demo->places, place_index);
  guint offset = rand_range (demo, 0, place->rooms->len);
  guint i;

  for (i = 0; i < place->rooms->len; i++)
    {
      guint room = g_array_index (place->rooms, guint, (i + offset) % place->rooms->len);

      if (g_array_index (demo->rooms, Room, room).capacity >= seats
          && is_free (demo, demo->room_busy + (gsize) room * demo->n_days, plan))
        return room;
    }

  return -1;
}
