/* fd-cli-bench.c — `formadesk-cli bench`: time what the application waits on
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-cli.h"
#include "fd-conflicts.h"
#include "fd-ical.h"
#include "fd-suggestion.h"

#include <stdio.h>
#include <stdlib.h>

/* The quality budget (DESIGN.md) is about the large demo database: a search
 * keystroke or a view switch within half a frame. Each figure is the median
 * of N runs after one warm-up run, in milliseconds of wall-clock time. */

#define FIRST_ROWS 50

static const char * const prefixes[] = { "h", "he", "hel", "hele" };

typedef struct
{
  FdDatabase *database;
  const char *path;
  char *month_from;
  char *month_to;
  guint runs;
  GPtrArray *results; /* Result */
} Bench;

/* @name is the measure's stable English key, for the JSON that scripts
 * read; @label is what the table shows, in the user's language. */
typedef struct
{
  char *name;
  char *label;
  double ms;
  guint runs;
} Result;

static void
result_free (Result *result)
{
  g_free (result->name);
  g_free (result->label);
  g_free (result);
}

static void
add_result (Bench  *bench,
            char   *name,
            char   *label,
            GArray *samples)
{
  Result *result = g_new0 (Result, 1);

  result->name = name;
  result->label = label;
  result->runs = samples->len;
  result->ms = fd_bench_median (samples);

  g_ptr_array_add (bench->results, result);
}

static double
elapsed_ms (gint64 started)
{
  return (g_get_monotonic_time () - started) / 1000.0;
}

/* What the application does before its first frame: open the database
 * and show the first row of the sessions list. */
static gboolean
bench_open (Bench   *bench,
            GError **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  guint run;

  for (run = 0; run <= bench->runs; run++)
    {
      g_autoptr(FdDatabase) database = NULL;
      g_autoptr(FdRecordList) list = NULL;
      g_autoptr(GObject) item = NULL;
      gint64 started = g_get_monotonic_time ();
      double ms;

      database = fd_database_open (bench->path, FD_DATABASE_OPEN_DEFAULT, error);
      if (database == NULL)
        return FALSE;
      list = fd_record_list_new (database, FD_RECORD_KIND_SESSION);
      if (g_list_model_get_n_items (G_LIST_MODEL (list)) > 0)
        item = g_list_model_get_item (G_LIST_MODEL (list), 0);
      ms = elapsed_ms (started);

      if (run > 0)
        g_array_append_val (samples, ms);
    }

  add_result (bench, g_strdup ("open + first session row"),
              g_strdup (_("open + first session row")), samples);

  return TRUE;
}

/* A calendar page, then opening its slots one by one (their popover reads
 * the whole slot). */
static gboolean
bench_month (Bench   *bench,
             GError **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) slots = NULL;
  g_autofree char *month = g_strndup (bench->month_from, 7);
  guint run;

  for (run = 0; run <= bench->runs; run++)
    {
      gint64 started = g_get_monotonic_time ();
      double ms;

      g_clear_pointer (&slots, g_ptr_array_unref);
      slots = fd_database_list_calendar_slots (bench->database, bench->month_from,
                                               bench->month_to, error);
      if (slots == NULL)
        return FALSE;
      ms = elapsed_ms (started);

      if (run > 0)
        g_array_append_val (samples, ms);
    }

  add_result (bench,
              g_strdup_printf ("month of slots (%.7s, %u slots)", bench->month_from, slots->len),
              /* Translators: %1$s is a month, "2026-03"; %2$u a number of slots */
              g_strdup_printf (ngettext ("month of slots (%1$s, %2$u slot)",
                                         "month of slots (%1$s, %2$u slots)", slots->len),
                               month, slots->len),
              samples);

  if (slots->len == 0)
    return TRUE;

  for (run = 0; run <= bench->runs; run++)
    {
      FdSlot *chip = g_ptr_array_index (slots, (run * 7919u) % slots->len);
      g_autoptr(FdSlot) slot = NULL;
      gint64 started = g_get_monotonic_time ();
      double ms;

      slot = fd_database_get_slot (bench->database, fd_record_get_id (FD_RECORD (chip)), error);
      if (slot == NULL)
        return FALSE;
      ms = elapsed_ms (started);

      if (run > 0)
        g_array_append_val (open_samples, ms);
    }

  add_result (bench, g_strdup ("open a slot"), g_strdup (_("open a slot")), open_samples);

  return TRUE;
}

/* "2026-03-03T09:00" moved by @minutes */
static char *
shift_time (const char *text,
            int         minutes)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *with_zone = g_strconcat (text, "Z", NULL);

  local = g_date_time_new_from_iso8601 (with_zone, utc);
  if (local == NULL)
    return g_strdup (text);
  moved = g_date_time_add_minutes (local, minutes);

  return g_date_time_format (moved, "%Y-%m-%dT%H:%M");
}

/* One step of a drag in the calendar: a slot of the month, with a room
 * and a trainer, moved by a quarter of an hour and checked again. */
static gboolean
bench_conflicts (Bench   *bench,
                 GError **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(FdSlotProposal) proposal = NULL;
  g_autofree char *start_at = NULL;
  g_autofree char *end_at = NULL;
  guint run;

  slots = fd_database_list_calendar_slots (bench->database, bench->month_from,
                                           bench->month_to, error);
  if (slots == NULL)
    return FALSE;

  for (guint i = 0; i < slots->len && proposal == NULL; i++)
    {
      FdSlot *slot = g_ptr_array_index (slots, (i * 7919u) % slots->len);

      proposal = fd_slot_proposal_new_for_slot (bench->database,
                                                fd_record_get_id (FD_RECORD (slot)), error);
      if (proposal == NULL)
        return FALSE;
      if (proposal->room_id == NULL || proposal->trainer_ids->len == 0)
        g_clear_pointer (&proposal, fd_slot_proposal_free);
    }

  if (proposal == NULL)
    return TRUE;

  start_at = g_strdup (proposal->start_at);
  end_at = g_strdup (proposal->end_at);

  for (run = 0; run <= bench->runs; run++)
    {
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autofree char *start = shift_time (start_at, 15 * (int) (run % 8));
      g_autofree char *end = shift_time (end_at, 15 * (int) (run % 8));
      gint64 started;
      double ms;

      fd_slot_proposal_set_times (proposal, start, end);
      started = g_get_monotonic_time ();
      conflicts = fd_conflicts_check_proposal (bench->database, proposal, error);
      ms = elapsed_ms (started);
      if (conflicts == NULL)
        return FALSE;

      if (run > 0)
        g_array_append_val (samples, ms);
    }

  add_result (bench, g_strdup ("conflict check"), g_strdup (_("conflict check")), samples);

  return TRUE;
}

/* A slot of the month dropped onto the lane of a trainer who teaches at
 * the same time, in that trainer's room: the conflicts panel then asks for
 * other trainers and rooms. Proposals of the month's slots are paired by
 * start time (at most @limit of them are read). */
static FdSlotProposal *
make_conflicting_proposal (Bench      *bench,
                           GPtrArray  *slots,
                           guint       limit,
                           GError    **error)
{
  g_autoptr(GHashTable) by_start = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) fd_slot_proposal_free);

  for (guint i = 0; i < slots->len && i < limit; i++)
    {
      FdSlot *slot = g_ptr_array_index (slots, (i * 7919u) % slots->len);
      g_autoptr(FdSlotProposal) proposal = NULL;
      FdSlotProposal *other;

      proposal = fd_slot_proposal_new_for_slot (bench->database,
                                                fd_record_get_id (FD_RECORD (slot)), error);
      if (proposal == NULL)
        return NULL;
      if (proposal->room_id == NULL || proposal->place_id == NULL ||
          proposal->trainer_ids->len == 0)
        continue;

      other = g_hash_table_lookup (by_start, proposal->start_at);
      if (other != NULL && g_strcmp0 (other->place_id, proposal->place_id) == 0 &&
          g_strcmp0 (other->room_id, proposal->room_id) != 0 &&
          !g_str_equal (g_ptr_array_index (other->trainer_ids, 0),
                        g_ptr_array_index (proposal->trainer_ids, 0)))
        {
          fd_slot_proposal_add_trainer (proposal, g_ptr_array_index (other->trainer_ids, 0));
          fd_slot_proposal_set_room_id (proposal, other->room_id);
          return g_steal_pointer (&proposal);
        }

      if (other == NULL)
        {
          FdSlotProposal *first = g_steal_pointer (&proposal);

          g_hash_table_insert (by_start, first->start_at, first);
        }
    }

  return NULL;
}

/* The conflicts panel of one slot: who else and which room */
static gboolean
bench_suggestions (Bench   *bench,
                   GError **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(FdSlotProposal) proposal = NULL;
  guint run;

  slots = fd_database_list_calendar_slots (bench->database, bench->month_from,
                                           bench->month_to, error);
  if (slots == NULL)
    return FALSE;

  proposal = make_conflicting_proposal (bench, slots, 2000, error);
  if (proposal == NULL)
    return error == NULL || *error == NULL;

  for (run = 0; run <= bench->runs; run++)
    {
      g_autoptr(GPtrArray) suggestions = NULL;
      gint64 started = g_get_monotonic_time ();
      double ms;

      suggestions = fd_conflicts_suggest (bench->database, proposal, 5, error);
      ms = elapsed_ms (started);
      if (suggestions == NULL)
        return FALSE;

      if (run > 0)
        g_array_append_val (samples, ms);
    }

  add_result (bench, g_strdup ("conflict suggestions"), g_strdup (_("conflict suggestions")),
              samples);

  return TRUE;
}

/* Typing "hele" in a list's search entry, one keystroke at a time. */
static void
bench_search (Bench        *bench,
              FdRecordKind  kind)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(FdRecordList) list = fd_record_list_new (bench->database, kind);
  const FdRecordKindInfo *info = fd_record_kind_get_info (kind);
  guint run;

  for (run = 0; run <= bench->runs; run++)
    {
      guint p;

      fd_record_list_set_search (list, NULL);
      g_list_model_get_n_items (G_LIST_MODEL (list));

      for (p = 0; p < G_N_ELEMENTS (prefixes); p++)
        {
          gint64 started = g_get_monotonic_time ();
          double ms;

          fd_record_list_set_search (list, prefixes[p]);
          g_list_model_get_n_items (G_LIST_MODEL (list));
          ms = elapsed_ms (started);

          if (run > 0)
            g_array_append_val (samples, ms);
        }
    }

  add_result (bench, g_strdup_printf ("search keystroke: %s", info->name),
              /* Translators: %s is what is searched, "candidates" */
              g_strdup_printf (_("search keystroke: %s"), fd_record_kind_info_get_label (info)),
              samples);
}

/* Switching to a view: the list's ids, then its first rows built. */
static void
bench_list (Bench        *bench,
            FdRecordKind  kind)
{
  g_autoptr(GArray) load_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) row_samples = g_array_new (FALSE, FALSE, sizeof (double));
  const FdRecordKindInfo *info = fd_record_kind_get_info (kind);
  guint n_items = 0;
  guint run;

  for (run = 0; run <= bench->runs; run++)
    {
      g_autoptr(FdRecordList) list = NULL;
      gint64 started = g_get_monotonic_time ();
      double load_ms;
      double rows_ms;
      guint i;

      list = fd_record_list_new (bench->database, kind);
      n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
      load_ms = elapsed_ms (started);

      started = g_get_monotonic_time ();
      for (i = 0; i < MIN (n_items, FIRST_ROWS); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);
        }
      rows_ms = elapsed_ms (started);

      if (run > 0)
        {
          g_array_append_val (load_samples, load_ms);
          g_array_append_val (row_samples, rows_ms);
        }
    }

  add_result (bench, g_strdup_printf ("list %s (%u rows)", info->name, n_items),
              /* Translators: %1$s is what is listed, "candidates"; %2$u a
               * number of rows */
              g_strdup_printf (ngettext ("list %1$s (%2$u row)", "list %1$s (%2$u rows)",
                                         n_items),
                               fd_record_kind_info_get_label (info), n_items),
              load_samples);
  add_result (bench, g_strdup_printf ("first %d rows: %s", FIRST_ROWS, info->name),
              /* Translators: %1$d is a number of rows, %2$s what is listed,
               * "candidates" */
              g_strdup_printf (ngettext ("first %1$d row: %2$s", "first %1$d rows: %2$s",
                                         FIRST_ROWS),
                               FIRST_ROWS, fd_record_kind_info_get_label (info)),
              row_samples);
}

/* The session closest to DUPLICATE_SLOTS slots (at least that many if
 * one has them), among the live ones: what `duplicate` is timed on. */
#define DUPLICATE_SLOTS 30

static FdSession *
pick_session_to_duplicate (FdDatabase *database)
{
  g_autoptr(FdRecordList) list = fd_record_list_new (database, FD_RECORD_KIND_SESSION);
  g_autoptr(FdSession) best = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(FdSession) session = g_list_model_get_item (G_LIST_MODEL (list), i);
      guint n = session != NULL ? fd_session_get_n_slots (session) : 0;
      guint best_n = best != NULL ? fd_session_get_n_slots (best) : 0;

      if (session == NULL)
        continue;
      if (best == NULL ||
          (n >= DUPLICATE_SLOTS && (best_n < DUPLICATE_SLOTS || n < best_n)) ||
          (n < DUPLICATE_SLOTS && best_n < DUPLICATE_SLOTS && n > best_n))
        g_set_object (&best, session);
      if (best_n == DUPLICATE_SLOTS)
        break;
    }

  return g_steal_pointer (&best);
}

/* Duplicating a session, in a transaction rolled back: the database is
 * left as it was (the commit's fsync is not counted). */
static gboolean
bench_duplicate (Bench   *bench,
                 GError **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(FdSession) session = pick_session_to_duplicate (bench->database);
  g_autoptr(GDate) start = g_date_new_dmy (1, G_DATE_SEPTEMBER, 2030);
  g_autoptr(GDate) end = g_date_new_dmy (30, G_DATE_SEPTEMBER, 2030);
  guint n_slots;

  if (session == NULL)
    return TRUE;
  n_slots = fd_session_get_n_slots (session);

  for (guint run = 0; run <= bench->runs; run++)
    {
      gint64 started;
      double ms;
      gboolean ok;

      if (!fd_database_begin (bench->database, error))
        return FALSE;
      started = g_get_monotonic_time ();
      ok = fd_session_duplicate (bench->database, fd_record_get_id (FD_RECORD (session)), 2030,
                                 start, end, NULL, NULL, error);
      ms = elapsed_ms (started);
      fd_database_rollback (bench->database);
      if (!ok)
        return FALSE;

      if (run > 0)
        g_array_append_val (samples, ms);
    }

  add_result (bench, g_strdup ("duplicate"),
              /* Translators: %u is a number of slots */
              g_strdup_printf (ngettext ("duplicate (a session of %u slot)",
                                         "duplicate (a session of %u slots)", n_slots),
                               n_slots),
              samples);

  return TRUE;
}

#define IMPORT_SESSIONS 1000
#define IMPORT_SLOTS 10
#define IMPORT_RUNS 3

typedef struct
{
  char *training_code;
  char *place;
  char *room;
} ImportPlace;

static void
import_place_free (ImportPlace *place)
{
  g_free (place->training_code);
  g_free (place->place);
  g_free (place->room);
  g_free (place);
}

/* A file of IMPORT_SESSIONS sessions of IMPORT_SLOTS slots each, made of
 * this database's trainings, places, rooms and trainers as its sessions
 * use them, or NULL if it has none. */
static GBytes *
make_import_file (FdDatabase *database)
{
  g_autoptr(FdRecordList) list = fd_record_list_new (database, FD_RECORD_KIND_SESSION);
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func ((GDestroyNotify) import_place_free);
  g_autoptr(GPtrArray) trainers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDate) day = g_date_new_dmy (5, G_DATE_JANUARY, 2032);
  GString *text;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n_items && (places->len < 40 || trainers->len < 200); i++)
    {
      g_autoptr(FdSession) session = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(FdSessionPlan) plan = NULL;

      if (session == NULL)
        continue;
      plan = fd_database_read_session_plan (database, fd_record_get_id (FD_RECORD (session)),
                                            NULL);
      if (plan == NULL || plan->training_code == NULL)
        continue;

      for (guint q = 0; q < plan->sequences->len; q++)
        {
          FdPlanSequence *sequence = g_ptr_array_index (plan->sequences, q);

          for (guint j = 0; j < sequence->slots->len; j++)
            {
              FdPlanSlot *slot = g_ptr_array_index (sequence->slots, j);

              if (slot->room_name != NULL && places->len < 40)
                {
                  g_autofree char *key = g_strjoin ("\n", plan->training_code, slot->place_name,
                                                    slot->room_name, NULL);

                  if (!g_hash_table_contains (seen, key))
                    {
                      ImportPlace *place = g_new0 (ImportPlace, 1);

                      place->training_code = g_strdup (plan->training_code);
                      place->place = g_strdup (slot->place_name);
                      place->room = g_strdup (slot->room_name);
                      g_ptr_array_add (places, place);
                      g_hash_table_add (seen, g_steal_pointer (&key));
                    }
                }

              for (guint k = 0; k < slot->staff->len; k++)
                {
                  FdPlanStaff *staff = g_ptr_array_index (slot->staff, k);

                  if (staff->email != NULL && trainers->len < 200 &&
                      !g_hash_table_contains (seen, staff->email))
                    {
                      g_hash_table_add (seen, g_strdup (staff->email));
                      g_ptr_array_add (trainers, g_strdup (staff->email));
                    }
                }
            }
        }
    }

  if (places->len == 0 || trainers->len == 0)
    return NULL;

  text = g_string_new ("reference;formation;libelle;type;sequence;date;debut;fin;"
                       "pause_minutes;lieu;salle;formateurs\n");
  for (guint i = 0; i < IMPORT_SESSIONS; i++)
    {
      ImportPlace *place = g_ptr_array_index (places, i % places->len);

      for (guint j = 0; j < IMPORT_SLOTS; j++)
        {
          gboolean morning = j % 2 == 0;

          g_string_append_printf (text,
                                  "BENCH-%04u;%s;;inter;Partie %u;%02u/%02u/%04u;%s;%s;15;"
                                  "\"%s\";\"%s\";%s\n",
                                  i, place->training_code, j < IMPORT_SLOTS / 2 ? 1 : 2,
                                  (guint) g_date_get_day (day), (guint) g_date_get_month (day),
                                  (guint) g_date_get_year (day),
                                  morning ? "09:00" : "13:30", morning ? "12:30" : "17:00",
                                  place->place, place->room,
                                  (const char *) g_ptr_array_index (trainers,
                                                                    (i * 7 + j) % trainers->len));
          if (!morning)
            {
              g_date_add_days (day, 1);
              if (g_date_get_weekday (day) == G_DATE_SATURDAY)
                g_date_add_days (day, 2);
            }
        }
    }

  return g_string_free_to_bytes (text);
}

/* An import of IMPORT_SESSIONS sessions: read and checked, then also
 * written, in a transaction rolled back as bench_duplicate()'s is. */
static gboolean
bench_import (Bench   *bench,
              GError **error)
{
  g_autoptr(GArray) check_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GBytes) file = make_import_file (bench->database);
  guint runs = MIN (bench->runs, IMPORT_RUNS);

  if (file == NULL)
    return TRUE;

  for (guint run = 0; run <= runs; run++)
    {
      g_autoptr(FdSessionImport) import = NULL;
      gint64 started = g_get_monotonic_time ();
      GPtrArray *problems;
      double check_ms;
      double ms;
      gboolean ok;

      import = fd_session_import_parse_csv (file, error);
      if (import == NULL || !fd_session_import_check (bench->database, import, error))
        return FALSE;
      problems = fd_session_import_get_problems (import);
      if (problems->len > 0)
        {
          g_autofree char *problem =
            fd_session_import_problem_format (g_ptr_array_index (problems, 0));

          g_set_error_literal (error, FD_SESSION_IMPORT_ERROR, FD_SESSION_IMPORT_ERROR_INVALID,
                               problem);
          return FALSE;
        }
      check_ms = elapsed_ms (started);

      if (!fd_database_begin (bench->database, error))
        return FALSE;
      ok = fd_session_import_apply (bench->database, import, error);
      ms = elapsed_ms (started);
      fd_database_rollback (bench->database);
      if (!ok)
        return FALSE;

      if (run > 0)
        {
          g_array_append_val (check_samples, check_ms);
          g_array_append_val (samples, ms);
        }
    }

  add_result (bench, g_strdup ("import: read and check"),
              /* Translators: %1$u is a number of sessions, %2$u of slots each */
              g_strdup_printf (_("import: read and check %1$u sessions of %2$u slots"),
                               IMPORT_SESSIONS, IMPORT_SLOTS),
              check_samples);
  add_result (bench, g_strdup ("import"),
              /* Translators: %1$u is a number of sessions, %2$u of slots each */
              g_strdup_printf (_("import: read, check and write %1$u sessions of %2$u slots"),
                               IMPORT_SESSIONS, IMPORT_SLOTS),
              samples);

  return TRUE;
}

static void
on_rows_changed_cb (FdDatabase   *database,
                    FdRowChanges *changes,
                    guint        *n_announced)
{
  (*n_announced) += fd_row_changes_get_length (changes);
}

/* One edit of the user's, applied through the undo history (validated,
 * checked against the revision seen, logged, queued, committed with
 * synchronous=FULL) and announced; then its undo, the same way. The
 * database is left as it was but for its outbox. */
static gboolean
bench_apply (Bench   *bench,
             GError **error)
{
  g_autoptr(GArray) apply_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) undo_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(FdRecordList) trainers = fd_record_list_new (bench->database, FD_RECORD_KIND_TRAINER);
  g_autoptr(FdHistory) history = fd_history_new (bench->database);
  guint n_trainers = g_list_model_get_n_items (G_LIST_MODEL (trainers));
  guint n_announced = 0;
  gulong handler;

  if (n_trainers == 0)
    return TRUE;

  fd_record_list_set_follows_changes (trainers, FALSE);
  handler = g_signal_connect (bench->database, "rows-changed", G_CALLBACK (on_rows_changed_cb),
                              &n_announced);

  for (guint run = 0; run <= bench->runs; run++)
    {
      g_autoptr(FdRecord) trainer = g_list_model_get_item (G_LIST_MODEL (trainers),
                                                           run * 7 % n_trainers);
      g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_change_unref);
      FdChange *change = fd_change_new_update ("trainer", fd_record_get_id (trainer),
                                               fd_record_get_revision (trainer));
      guint announced = n_announced;
      gint64 started;
      double ms;

      fd_change_set_string (change, "qualifications", "Habilitation électrique B1V, SST");
      g_ptr_array_add (changes, change);

      started = g_get_monotonic_time ();
      if (!fd_history_apply (history, "bench", changes, error))
        break;
      ms = elapsed_ms (started);
      if (run > 0)
        g_array_append_val (apply_samples, ms);

      started = g_get_monotonic_time ();
      if (!fd_history_undo (history, error))
        break;
      ms = elapsed_ms (started);
      if (run > 0)
        g_array_append_val (undo_samples, ms);

      if (n_announced != announced + 2)
        {
          g_set_error_literal (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_FAILED,
                               _("An edit was applied but not announced."));
          break;
        }
    }
  g_signal_handler_disconnect (bench->database, handler);

  if (error != NULL && *error != NULL)
    return FALSE;

  add_result (bench, g_strdup ("apply one edit and announce it"),
              g_strdup (_("apply one edit and announce it")), apply_samples);
  add_result (bench, g_strdup ("undo one edit and announce it"),
              g_strdup (_("undo one edit and announce it")), undo_samples);

  return TRUE;
}

#define EXPORT_RUNS 3

/* `export ics --all`: every published slot as RFC 5545, written to
 * memory (the file system's share of the time is not core's) */
static gboolean
bench_export (Bench   *bench,
              GError **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_events = 0;

  for (guint run = 0; run <= MIN (bench->runs, EXPORT_RUNS); run++)
    {
      g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();
      gint64 started = g_get_monotonic_time ();
      double ms;

      if (!fd_ical_export (bench->database, FD_ICAL_SCOPE_ALL, NULL, output, &n_events, NULL,
                           error))
        return FALSE;
      ms = elapsed_ms (started);

      if (run > 0)
        g_array_append_val (samples, ms);
    }

  add_result (bench, g_strdup_printf ("export ics (all, %u events)", n_events),
              /* Translators: %u is a number of calendar events */
              g_strdup_printf (ngettext ("export ics (all, %u event)",
                                         "export ics (all, %u events)", n_events),
                               n_events),
              samples);

  return TRUE;
}

static gboolean
parse_month (const char  *text,
             char       **from,
             char       **to,
             GError     **error)
{
  int year;
  int month;

  if (text == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      year = g_date_time_get_year (now);
      month = g_date_time_get_month (now);
    }
  else
    {
      char *end = NULL;

      year = (int) g_ascii_strtoll (text, &end, 10);
      if (end == NULL || *end != '-' || end - text != 4)
        goto invalid;
      text = end + 1;
      month = (int) g_ascii_strtoll (text, &end, 10);
      if (end == NULL || *end != '\0' || end - text != 2 || month < 1 || month > 12)
        goto invalid;
    }

  *from = g_strdup_printf ("%04d-%02d-01T00:00", year, month);
  *to = g_strdup_printf ("%04d-%02d-01T00:00", month == 12 ? year + 1 : year,
                         month == 12 ? 1 : month + 1);
  return TRUE;

invalid:
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("the month must be written YYYY-MM"));
  return FALSE;
}

int
fd_cli_bench (FdCliContext  *context,
              int            argc,
              char         **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(FdDatabase) database = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) result_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *month = NULL;
  gboolean json = FALSE;
  int runs = 20;
  Bench bench = { NULL, };
  guint i;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON array of {\"name\", \"ms\", \"runs\"} objects"), NULL },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs,
      N_("Runs of each measure; the median is shown (default: 20)"), N_("N") },
    { "month", 0, 0, G_OPTION_ARG_STRING, &month,
      N_("The month of slots to load (default: the current month)"), N_("YYYY-MM") },
    { NULL }
  };

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Time what the application waits on, on this database "
                                  "(meant for the large demo): opening it, a month of slots, "
                                  "opening a slot, checking a dragged slot for conflicts "
                                  "and suggesting ways out of them, "
                                  "applying an edit and undoing it (the database is left as "
                                  "it was, but for its outbox), the first rows of each list, "
                                  "search keystrokes, exporting every slot as iCalendar, "
                                  "duplicating a session and importing a thousand (written in "
                                  "transactions rolled back). Prints the median time of each in "
                                  "milliseconds."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!fd_cli_parse_options (context, option_context, "bench", &argc, &argv, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (!fd_cli_check_no_more_arguments (argc, argv, 1, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  if (runs < 1)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("there must be at least one run"));
      return fd_cli_usage_error (g_steal_pointer (&error));
    }

  if (!parse_month (month, &bench.month_from, &bench.month_to, &error))
    return fd_cli_usage_error (g_steal_pointer (&error));

  database = fd_cli_open_database (context, FD_DATABASE_OPEN_DEFAULT, &error);
  if (database == NULL)
    goto failed;

  bench.database = database;
  bench.path = context->db_path;
  bench.runs = runs;
  bench.results = results;

  if (!bench_open (&bench, &error) || !bench_month (&bench, &error) ||
      !bench_conflicts (&bench, &error) || !bench_suggestions (&bench, &error) ||
      !bench_apply (&bench, &error))
    goto failed;
  /* The lists first: once a search loaded a kind's keys, its lists share
   * them and no longer query their rows (see FdRecordList), which is not
   * what the first visit of a view does. */
  for (FdRecordKind kind = 0; kind < FD_N_RECORD_KINDS; kind++)
    bench_list (&bench, kind);
  bench_search (&bench, FD_RECORD_KIND_TRAINEE);
  bench_search (&bench, FD_RECORD_KIND_TRAINER);
  if (!bench_export (&bench, &error))
    goto failed;
  /* Last: they write, in transactions rolled back */
  if (!bench_duplicate (&bench, &error) || !bench_import (&bench, &error))
    goto failed;

  g_free (bench.month_from);
  g_free (bench.month_to);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (i = 0; i < results->len; i++)
        {
          const Result *result = g_ptr_array_index (results, i);

          json_builder_begin_object (builder);
          fd_cli_builder_add_string (builder, "name", result->name);
          json_builder_set_member_name (builder, "ms");
          json_builder_add_double_value (builder, (gint64) (result->ms * 1000 + 0.5) / 1000.0);
          fd_cli_builder_add_int (builder, "runs", result->runs);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      fd_cli_print_json (root);
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      /* Translators: column headers, separated by | */
      g_ptr_array_add (rows, g_strsplit (_("MEASURE|MEDIAN MS|RUNS"), "|", 3));
      for (i = 0; i < results->len; i++)
        {
          const Result *result = g_ptr_array_index (results, i);
          char **row = g_new0 (char *, 4);

          row[0] = g_strdup (result->label);
          row[1] = g_strdup_printf ("%.3f", result->ms);
          row[2] = g_strdup_printf ("%u", result->runs);
          g_ptr_array_add (rows, row);
        }
      fd_cli_print_table (rows);
    }

  return FD_CLI_EXIT_OK;

failed:
  g_free (bench.month_from);
  g_free (bench.month_to);
  return fd_cli_fail (g_steal_pointer (&error));
}
