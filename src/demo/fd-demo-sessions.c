/* fd-demo-sessions.c — the demo's sessions, enrollments, slots and attendance
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-demo"

#include "config.h"

#include "fd-demo-private.h"

#include "fd-conflicts.h"
#include "fd-session-emails.h"

static void slot_minutes (SlotShape shape, int *start, int *end);

/* The conflicts the core's rules (fd-conflicts.h) find for @plan's slots
 * with this place, room and trainer, as a mask of FdConflictKind bits; the
 * slots of the session spanning the new year are not written yet, so its
 * year is left to the writing of them. */
static gboolean
find_conflicts (Demo              *demo,
                const char        *session_id,
                const SessionPlan *plan,
                int                place,
                int                room,
                int                trainer,
                guint             *kinds,
                GError           **error)
{
  *kinds = 0;

  for (guint i = 0; i < plan->slots->len; i++)
    {
      const SlotPlan *slot = &g_array_index (plan->slots, SlotPlan, i);
      g_autoptr(FdSlotProposal) proposal = fd_slot_proposal_new (session_id);
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autofree char *start_at = NULL;
      g_autofree char *end_at = NULL;
      int start;
      int end;

      slot_minutes (slot->shape, &start, &end);
      start_at = _fd_demo_format_day_time (demo, slot->day, start);
      end_at = _fd_demo_format_day_time (demo, slot->day, end);
      fd_slot_proposal_set_times (proposal, start_at, end_at);
      if (place >= 0)
        fd_slot_proposal_set_place_id (proposal,
                                       ((Place *) g_ptr_array_index (demo->places, place))->id);
      if (room >= 0)
        fd_slot_proposal_set_room_id (proposal, g_array_index (demo->rooms, Room, room).id);
      if (trainer >= 0)
        fd_slot_proposal_add_trainer (proposal, g_array_index (demo->trainers, Trainer, trainer).id);

      conflicts = fd_conflicts_check_proposal (demo->db, proposal, error);
      if (conflicts == NULL)
        return FALSE;
      for (guint c = 0; c < conflicts->len; c++)
        {
          FdConflictKind kind = fd_conflict_get_kind (g_ptr_array_index (conflicts, c));

          if (kind != FD_CONFLICT_KIND_OUTSIDE_YEAR)
            *kinds |= 1u << kind;
        }
    }

  return TRUE;
}

#define TRAINER_CONFLICTS \
  ((1u << FD_CONFLICT_KIND_TRAINER_OVERLAP) | (1u << FD_CONFLICT_KIND_TRAINER_UNAVAILABLE) | \
   (1u << FD_CONFLICT_KIND_TRAINER_TWO_PLACES))

/* The planner's half-day table books quickly; the core's conflict rules
 * have the last word, as they have on any planner's booking: a trainer
 * they find busy, unavailable or elsewhere that day is replaced (or the
 * slots go without), a room they find booked or too small is given up. */
static gboolean
check_booking (Demo              *demo,
               const char        *session_id,
               const SessionPlan *plan,
               int                place,
               int               *room,
               int               *trainer,
               GError           **error)
{
  guint kinds;

  if (!find_conflicts (demo, session_id, plan, place, *room, -1, &kinds, error))
    return FALSE;
  if (kinds != 0 && *room >= 0)
    {
      _fd_demo_unmark_busy (demo, demo->room_busy + (gsize) *room * demo->n_days, plan);
      *room = -1;
    }

  for (guint attempt = 0; *trainer >= 0; attempt++)
    {
      if (!find_conflicts (demo, session_id, plan, place, *room, *trainer, &kinds, error))
        return FALSE;
      if ((kinds & TRAINER_CONFLICTS) == 0)
        return TRUE;

      _fd_demo_unmark_busy (demo, demo->trainer_busy + (gsize) *trainer * demo->n_days, plan);
      *trainer = attempt < 5 ? _fd_demo_pick_trainer (demo, plan, *trainer) : -1;
      if (*trainer >= 0)
        _fd_demo_mark_busy (demo, demo->trainer_busy + (gsize) *trainer * demo->n_days, plan);
    }

  return TRUE;
}

static void
slot_minutes (SlotShape  shape,
              int       *start,
              int       *end)
{
  switch (shape)
    {
    case HALF_AM:
      *start = 9 * 60;
      *end = 12 * 60 + 30;
      break;

    case HALF_PM:
      *start = 13 * 60 + 30;
      *end = 17 * 60;
      break;

    case HALF_FULL:
    default:
      *start = 9 * 60;
      *end = 17 * 60;
      break;
    }
}

static const char *
funding_reference_prefix (const Client *client)
{
  if (g_strcmp0 (client->funder, "cpf") == 0)
    return "CPF";
  if (g_strcmp0 (client->funder, "france_travail") == 0)
    return "AIF";
  if (g_strcmp0 (client->funder, "fifpl") == 0)
    return "FIFPL";
  if (g_strcmp0 (client->funder, "agefice") == 0)
    return "AGEFICE";
  if (client->opco != NULL)
    return client->opco;
  return NULL;
}

static gboolean
write_signature (Demo        *demo,
                 const char  *slot_id,
                 const char  *half_day,
                 const char  *trainee_id,
                 const char  *trainer_id,
                 const char  *status,
                 int          day,
                 int          minutes,
                 GError     **error)
{
  g_autoptr(FdChange) change = fd_change_new_create ("attendance");

  fd_change_set_string (change, "slot_id", slot_id);
  fd_change_set_string (change, "half_day", half_day);
  if (trainee_id != NULL)
    fd_change_set_string (change, "trainee_id", trainee_id);
  else
    fd_change_set_string (change, "trainer_id", trainer_id);
  fd_change_set_string (change, "status", status);
  if (g_str_equal (status, "excused"))
    fd_change_set_string (change, "justification",
                          PICK (demo, ((const char * const[]) {
                            "Arrêt maladie", "Enfant malade", "Convocation administrative",
                            "Grève des transports",
                          })));
  /* Trainees sign in the first twenty minutes of the half-day, the
   * trainer a little later, countersigning the sheet. */
  fd_change_set_int (change, "signed_at",
                     _fd_demo_day_time_to_usec (demo, day,
                                                minutes + (trainee_id != NULL
                                                           ? rand_range (demo, 0, 20)
                                                           : rand_range (demo, 20, 30)),
                                                rand_range (demo, 0, 60)));
  fd_change_set_string (change, "device_id", demo->device_id);
  fd_change_set_string (change, "method",
                        trainee_id != NULL ? (chance (demo, 0.7) ? "kiosk" : "pad") : "pad");

  return apply (demo, change, error);
}

typedef struct
{
  char *id;
  guint trainee;
  gboolean attends;
} Enrolled;

/* Staffs the slot with demo->trainers[@trainer] in @role */
static gboolean
add_staff (Demo        *demo,
           const char  *slot_id,
           int          trainer,
           const char  *role,
           GError     **error)
{
  g_autoptr(FdChange) staff = fd_change_new_create ("slot_staff");

  fd_change_set_string (staff, "slot_id", slot_id);
  fd_change_set_string (staff, "trainer_id", g_array_index (demo->trainers, Trainer, trainer).id);
  fd_change_set_string (staff, "role", role);

  return apply (demo, staff, error);
}

static gboolean
write_session (Demo         *demo,
               SessionPlan  *plan,
               int           number,
               GError      **error)
{
  const TrainingSpec *spec = &_fd_demo_training_specs[plan->training];
  const SlotPlan *first_slot = &g_array_index (plan->slots, SlotPlan, 0);
  const SlotPlan *last_slot = &g_array_index (plan->slots, SlotPlan, plan->slots->len - 1);
  g_autoptr(FdChange) change = fd_change_new_create ("session");
  g_autofree char *session_id = NULL;
  g_autoptr(GPtrArray) sequence_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) enrolled = g_array_new (FALSE, FALSE, sizeof (Enrolled));
  g_autofree gboolean *remote = NULL;
  const char *status;
  Client *client = plan->client >= 0
                   ? &g_array_index (demo->clients, Client, plan->client)
                   : NULL;
  gboolean cancelled = chance (demo, 0.03);
  gboolean past = last_slot->day < demo->today;
  gboolean future = first_slot->day > demo->today;
  gboolean at_client = FALSE;
  gboolean attendance;
  int trainer;
  int co_trainer = -1;
  int place = -1;
  int room = -1;
  int seats;
  gint64 price;
  guint i;
  int s;

  /* How many will come, within capacity. */
  seats = rand_range (demo, 4, 13);
  seats = MIN (seats, spec->capacity_max);
  if (client != NULL)
    seats = MIN (seats, (int) client->trainees->len);
  if (cancelled)
    {
      int few = rand_range (demo, 1, MAX (spec->capacity_min, 2));

      seats = MIN (seats, few);
    }
  seats = MAX (seats, 1);

  trainer = _fd_demo_pick_trainer (demo, plan, -1);
  if (trainer >= 0)
    _fd_demo_mark_busy (demo, demo->trainer_busy + (gsize) trainer * demo->n_days, plan);
  if (!spec->weekly && chance (demo, 0.1))
    {
      co_trainer = _fd_demo_pick_trainer (demo, plan, trainer);
      if (co_trainer >= 0)
        _fd_demo_mark_busy (demo, demo->trainer_busy + (gsize) co_trainer * demo->n_days, plan);
    }

  remote = g_new0 (gboolean, plan->n_sequences);
  if (plan->n_sequences == 3 && chance (demo, 0.4))
    remote[1] = TRUE;

  if (client != NULL && chance (demo, 0.5))
    at_client = TRUE;
  else
    {
      int attempt;

      place = client != NULL ? (int) MIN ((guint) client->city, demo->places->len - 1)
                             : rand_range (demo, 0, demo->places->len);
      for (attempt = 0; attempt < 6 && room < 0; attempt++)
        {
          room = _fd_demo_pick_room (demo, plan, place, seats);
          if (room < 0 && attempt + 1 < 6)
            place = rand_range (demo, 0, demo->places->len);
        }
      if (room >= 0)
        _fd_demo_mark_busy (demo, demo->room_busy + (gsize) room * demo->n_days, plan);
    }

  if (cancelled)
    status = "cancelled";
  else if (past)
    status = "completed";
  else if (!future)
    status = "in_progress";
  else if (first_slot->day - demo->today < 30)
    status = "confirmed";
  else if (client != NULL)
    status = PICK (demo, ((const char * const[]) { "created", "proposal_sent", "confirmed" }));
  else
    status = chance (demo, 0.6) ? "confirmed" : "created";

  price = client != NULL
          ? (gint64) (spec->days + 0.5) * rand_range (demo, 110, 181) * 1000
          : spec->price_cents;

  fd_change_set_string (change, "training_id", demo->training_ids[plan->training]);
  /* The code core would give ("2026-0042"), numbered in date order; set
   * here because the generator knows the numbers without asking. */
  set_string_take (change, "code",
                   g_strdup_printf ("%d-%04d", _fd_demo_day_year (demo, first_slot->day), number));
  fd_change_set_int (change, "year", _fd_demo_day_year (demo, first_slot->day));
  if (client != NULL)
    set_string_take (change, "label", g_strdup_printf ("%s — %s", spec->title, client->name));
  else if (place >= 0)
    {
      const Place *at = g_ptr_array_index (demo->places, place);

      set_string_take (change, "label",
                       g_strdup_printf ("%s — %s", spec->title, _fd_demo_cities[at->city].name));
    }
  else
    set_string_take (change, "label", g_strdup_printf ("%s — classe virtuelle", spec->title));
  fd_change_set_string (change, "kind", client != NULL ? "intra" : "inter");
  if (client != NULL)
    fd_change_set_string (change, "client_id", client->id);
  fd_change_set_string (change, "status", status);
  /* Published once past "created", now and then left a draft by
   * oversight; an intra session is published to its population only */
  fd_change_set_bool (change, "published", !g_str_equal (status, "created") && chance (demo, 0.9));
  if (client != NULL)
    set_string_take (change, "population", g_strdup_printf ("Salariés de %s", client->name));
  else
    fd_change_set_string (change, "population", "Tout public");
  fd_change_set_int (change, "capacity_min", spec->capacity_min);
  fd_change_set_int (change, "capacity_target", spec->capacity_target);
  fd_change_set_int (change, "capacity_max", spec->capacity_max);
  fd_change_set_string (change, "dispositif",
                        client != NULL ? "Plan de développement des compétences"
                                       : "Action de formation");
  fd_change_set_bool (change, "eligible_funding",
                      spec->certification >= 0
                      && _fd_demo_certification_specs[spec->certification].reference != NULL);
  fd_change_set_int (change, "price_cents", price);
  if (chance (demo, 0.1))
    fd_change_set_int (change, "commission_bp", 1800);
  if (spec->certification >= 0)
    fd_change_set_string (change, "certification_id", demo->cert_ids[spec->certification]);
  fd_change_set_string (change, "evaluation", "Questionnaire de satisfaction à chaud");
  if (at_client)
    fd_change_set_string (change, "notice_comment",
                          "La formation a lieu dans vos locaux ; prévoir une salle "
                          "avec vidéoprojecteur.");
  if (cancelled)
    fd_change_set_string (change, "comments", "Annulée faute d'un nombre suffisant de participants.");

  session_id = apply_create (demo, change, error);
  if (session_id == NULL)
    return FALSE;

  for (s = 0; s < plan->n_sequences; s++)
    {
      g_autoptr(FdChange) sequence = fd_change_new_create ("sequence");
      char *id;

      fd_change_set_string (sequence, "session_id", session_id);
      fd_change_set_int (sequence, "position", s);
      if (plan->n_sequences == 1)
        fd_change_set_string (sequence, "label",
                              spec->weekly ? "Cours hebdomadaires" : "Formation en présentiel");
      else
        set_string_take (sequence, "label",
                         g_strdup_printf ("Partie %d%s", s + 1,
                                          remote[s] ? " — classe virtuelle" : ""));
      fd_change_set_string (sequence, "modality", remote[s] ? "remote" : "on_site");
      if (remote[s])
        set_string_take (sequence, "url",
                         g_strdup_printf ("https://visio.horizon-competences.fr/%.8s",
                                          session_id));
      fd_change_set_string (sequence, "status",
                            cancelled ? "cancelled" : past ? "closed" : "planned");

      id = apply_create (demo, sequence, error);
      if (id == NULL)
        return FALSE;
      g_ptr_array_add (sequence_ids, id);
    }

  /* Who comes: the client's staff for intra sessions, anyone otherwise. */
  while ((int) enrolled->len < seats)
    {
      Enrolled entry = { NULL, 0, TRUE };
      gboolean taken = FALSE;
      guint k;

      if (client != NULL)
        entry.trainee = g_array_index (client->trainees, guint,
                                       rand_range (demo, 0, client->trainees->len));
      else
        entry.trainee = rand_range (demo, 0, demo->trainees->len);

      for (k = 0; k < enrolled->len; k++)
        if (g_array_index (enrolled, Enrolled, k).trainee == entry.trainee)
          taken = TRUE;
      if (!taken)
        g_array_append_val (enrolled, entry);
    }

  /* Slots, with their staff and, once past, their attendance. */
  attendance = !cancelled
               && (demo->size == FD_DEMO_SIZE_SMALL || last_slot->day >= demo->today - 40);

  for (i = 0; i < enrolled->len; i++)
    {
      Enrolled *entry = &g_array_index (enrolled, Enrolled, i);
      Trainee *trainee = &g_array_index (demo->trainees, Trainee, entry->trainee);
      Client *payer = &g_array_index (demo->clients, Client, trainee->client);
      g_autoptr(FdChange) enrollment = fd_change_new_create ("enrollment");
      const char *prefix = funding_reference_prefix (payer);
      const char *enrollment_status;
      gint64 enrollment_price = client != NULL ? price / seats : price;

      if (cancelled)
        enrollment_status = "cancelled";
      else if (past)
        enrollment_status = chance (demo, 0.04) ? "withdrawn" : "completed";
      else if (!future || g_str_equal (status, "confirmed"))
        enrollment_status = "confirmed";
      else
        enrollment_status = chance (demo, 0.2) ? "planned" : "registered";
      entry->attends = !g_str_equal (enrollment_status, "withdrawn")
                       && !g_str_equal (enrollment_status, "cancelled");

      fd_change_set_string (enrollment, "session_id", session_id);
      fd_change_set_string (enrollment, "trainee_id", trainee->id);
      fd_change_set_string (enrollment, "client_id", payer->id);
      fd_change_set_string (enrollment, "status", enrollment_status);
      fd_change_set_string (enrollment, "funder", payer->funder);
      if (prefix != NULL)
        {
          g_autofree char *digits = _fd_demo_random_digits (demo, 8);
          g_autofree char *slug = _fd_demo_slugify (prefix);

          set_string_take (enrollment, "funding_reference",
                           g_strdup_printf ("%s-%d-%s", slug,
                                            _fd_demo_day_year (demo, first_slot->day), digits));
        }
      if (g_strcmp0 (payer->funder, "self") != 0)
        fd_change_set_int (enrollment, "funded_cents",
                           g_strcmp0 (payer->funder, "opco") == 0 && chance (demo, 0.3)
                           ? enrollment_price * 80 / 100
                           : enrollment_price);
      fd_change_set_int (enrollment, "price_cents", enrollment_price);
      set_string_take (enrollment, "enrolled_on",
                       _fd_demo_format_day (demo, first_slot->day - rand_range (demo, 10, 75)));

      entry->id = apply_create (demo, enrollment, error);
      if (entry->id == NULL)
        {
          for (i = 0; i < enrolled->len; i++)
            g_free (g_array_index (enrolled, Enrolled, i).id);
          return FALSE;
        }

      if (spec->certification >= 0 && entry->attends && demo->assignable->len < 6000
          && (cancelled == FALSE) && chance (demo, 0.6))
        {
          g_ptr_array_add (demo->assignable,
                           g_strdup_printf ("%d|%s|%d", spec->certification, trainee->id,
                                            last_slot->day));
        }
    }

  if (!check_booking (demo, session_id, plan, at_client ? -1 : place, &room, &trainer, error))
    goto failed;

  for (i = 0; i < plan->slots->len; i++)
    {
      const SlotPlan *slot = &g_array_index (plan->slots, SlotPlan, i);
      g_autoptr(FdChange) slot_change = fd_change_new_create ("slot");
      g_autofree char *slot_id = NULL;
      gboolean on_site = !remote[slot->sequence];
      int start;
      int end;

      slot_minutes (slot->shape, &start, &end);

      fd_change_set_string (slot_change, "sequence_id",
                            g_ptr_array_index (sequence_ids, slot->sequence));
      fd_change_set_string (slot_change, "session_id", session_id);
      set_string_take (slot_change, "start_at", _fd_demo_format_day_time (demo, slot->day, start));
      set_string_take (slot_change, "end_at", _fd_demo_format_day_time (demo, slot->day, end));
      if (slot->shape == HALF_FULL)
        fd_change_set_int (slot_change, "break_minutes", 60);
      else if (chance (demo, 0.5))
        fd_change_set_int (slot_change, "break_minutes", 15);
      if (on_site && place >= 0)
        {
          fd_change_set_string (slot_change, "place_id",
                                ((Place *) g_ptr_array_index (demo->places, place))->id);
          if (room >= 0)
            fd_change_set_string (slot_change, "room_id",
                                  g_array_index (demo->rooms, Room, room).id);
        }
      else if (on_site && at_client)
        fd_change_set_string (slot_change, "comments", "Dans les locaux du client.");

      slot_id = apply_create (demo, slot_change, error);
      if (slot_id == NULL)
        goto failed;

      if ((trainer >= 0 && !add_staff (demo, slot_id, trainer, "trainer", error)) ||
          (co_trainer >= 0 && !add_staff (demo, slot_id, co_trainer, "co_trainer", error)))
        goto failed;

      if (attendance && slot->day < demo->today)
        {
          int half;

          for (half = 0; half < 2; half++)
            {
              const char *half_day = half == 0 ? "am" : "pm";
              int half_start = half == 0 ? 9 * 60 : 13 * 60 + 30;
              guint k;

              if ((half == 0 && slot->shape == HALF_PM) || (half == 1 && slot->shape == HALF_AM))
                continue;

              for (k = 0; k < enrolled->len; k++)
                {
                  const Enrolled *entry = &g_array_index (enrolled, Enrolled, k);
                  double draw = g_rand_double (demo->rand);

                  if (!entry->attends)
                    continue;
                  if (!write_signature (demo, slot_id, half_day,
                                        g_array_index (demo->trainees, Trainee, entry->trainee).id,
                                        NULL,
                                        draw < 0.93 ? "present" : draw < 0.98 ? "absent" : "excused",
                                        slot->day, half_start, error))
                    goto failed;
                }

              if (trainer >= 0
                  && !write_signature (demo, slot_id, half_day, NULL,
                                       g_array_index (demo->trainers, Trainer, trainer).id,
                                       "present", slot->day, half_start, error))
                goto failed;
            }
        }
    }

  for (i = 0; i < enrolled->len; i++)
    g_free (g_array_index (enrolled, Enrolled, i).id);
  g_array_set_size (enrolled, 0);

  /* Costs. */
  if (chance (demo, 0.35))
    {
      g_autoptr(FdChange) cost = fd_change_new_create ("cost");

      fd_change_set_string (cost, "session_id", session_id);
      if (at_client || chance (demo, 0.5))
        {
          fd_change_set_string (cost, "type", "Supports pédagogiques");
          fd_change_set_int (cost, "amount_cents", rand_range (demo, 8, 40) * 100);
          fd_change_set_string (cost, "distribution", "per_trainee");
          fd_change_set_int (cost, "quantity", seats);
          fd_change_set_string (cost, "provider", "Imprimerie du Centre");
        }
      else
        {
          fd_change_set_string (cost, "type", "Déplacement formateur");
          fd_change_set_int (cost, "amount_cents", rand_range (demo, 40, 400) * 100);
          fd_change_set_string (cost, "distribution", "global");
          fd_change_set_string (cost, "provider", "SNCF Voyageurs");
        }
      if (!apply (demo, cost, error))
        return FALSE;
    }

  /* Trainer-side records for what is done. */
  if (trainer >= 0 && past && !cancelled)
    {
      Trainer *info = &g_array_index (demo->trainers, Trainer, trainer);

      if (info->external && chance (demo, 0.5))
        {
          g_autoptr(FdChange) invoice = fd_change_new_create ("trainer_invoice");
          gint64 amount = (gint64) (spec->days + 0.5) * info->daily_rate_cents;

          fd_change_set_string (invoice, "trainer_id", info->id);
          fd_change_set_string (invoice, "session_id", session_id);
          set_string_take (invoice, "number",
                           g_strdup_printf ("F%d-%04d", _fd_demo_day_year (demo, last_slot->day),
                                            ++demo->invoice_number));
          set_string_take (invoice, "issued_on",
                           _fd_demo_format_day (demo, last_slot->day + rand_range (demo, 1, 15)));
          fd_change_set_int (invoice, "amount_cents", amount);
          fd_change_set_int (invoice, "vat_cents", chance (demo, 0.5) ? amount / 5 : 0);
          fd_change_set_string (invoice, "status",
                                last_slot->day < demo->today - 45 ? "paid"
                                : PICK (demo, ((const char * const[]) { "submitted", "validated" })));
          if (!apply (demo, invoice, error))
            return FALSE;
        }

      if (chance (demo, 0.2))
        {
          g_autoptr(FdChange) expense = fd_change_new_create ("expense");
          gboolean reviewed = last_slot->day < demo->today - 20;

          fd_change_set_string (expense, "trainer_id", info->id);
          fd_change_set_string (expense, "session_id", session_id);
          set_string_take (expense, "spent_on", _fd_demo_format_day (demo, first_slot->day));
          fd_change_set_string (expense, "category",
                                PICK (demo, ((const char * const[]) {
                                  "Transport", "Hébergement", "Repas", "Parking",
                                })));
          fd_change_set_int (expense, "amount_cents", rand_range (demo, 900, 18000));
          fd_change_set_string (expense, "description",
                                PICK (demo, ((const char * const[]) {
                                  "Billet de train aller-retour", "Nuit d'hôtel",
                                  "Déjeuner", "Parking de la gare", "Frais kilométriques",
                                })));
          fd_change_set_string (expense, "status",
                                reviewed ? (chance (demo, 0.9) ? "paid" : "rejected") : "submitted");
          if (reviewed)
            {
              fd_change_set_string (expense, "reviewed_by", demo->admin_id);
              fd_change_set_string (expense, "review_comment", "Vérifié avec le justificatif.");
            }
          if (!apply (demo, expense, error))
            return FALSE;
        }
    }

  return fd_session_emails_prefill (demo->db, session_id, error);

failed:
  for (i = 0; i < enrolled->len; i++)
    g_free (g_array_index (enrolled, Enrolled, i).id);
  return FALSE;
}

/* How many sessions start within two weeks before or four after today */
#define NEAR_TODAY_SESSIONS 15

static int
compare_plans (gconstpointer a,
               gconstpointer b)
{
  const SessionPlan *plan_a = *(const SessionPlan * const *) a;
  const SessionPlan *plan_b = *(const SessionPlan * const *) b;

  return plan_a->start_day - plan_b->start_day;
}

gboolean
_fd_demo_write_sessions (Demo    *demo,
                         guint    n_sessions,
                         GError **error)
{
  g_autoptr(GPtrArray) plans =
    g_ptr_array_new_with_free_func ((GDestroyNotify) _fd_demo_session_plan_free);
  GDate from;
  GDate to;
  int first_day;
  int last_day;
  int current_year = 0;
  int number = 0;
  guint i;

  _fd_demo_day_to_date (demo, demo->today, &from);
  g_date_subtract_years (&from, 2);
  _fd_demo_day_to_date (demo, demo->today, &to);
  g_date_add_years (&to, 1);
  first_day = g_date_get_julian (&from) - demo->base_julian;
  last_day = g_date_get_julian (&to) - demo->base_julian;

  /* A few sessions start in the weeks around today, so that the calendar
   * opened on the demo shows sessions under way and coming; the rest are
   * spread over the three years. */
  for (i = 0; i < n_sessions; i++)
    {
      if (i < MIN (n_sessions / 10, NEAR_TODAY_SESSIONS))
        g_ptr_array_add (plans, _fd_demo_plan_session (demo, demo->today - 14, demo->today + 28));
      else
        g_ptr_array_add (plans, _fd_demo_plan_session (demo, first_day, last_day));
    }
  g_ptr_array_sort (plans, compare_plans);

  for (i = 0; i < plans->len; i++)
    {
      SessionPlan *plan = g_ptr_array_index (plans, i);
      int year = _fd_demo_day_year (demo, g_array_index (plan->slots, SlotPlan, 0).day);

      if (year != current_year)
        {
          current_year = year;
          number = 0;
        }

      if (!write_session (demo, plan, ++number, error))
        return FALSE;
    }

  return TRUE;
}
