/* test-models.c — record lists and read queries over a real database
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "test-core-common.h"

static char *
create_trainee (FdDatabase *db,
                const char *first_name,
                const char *last_name)
{
  return core_create (db, "trainee", "first_name", first_name, "last_name", last_name, NULL);
}

static char *
create_trainer (FdDatabase *db,
                const char *first_name,
                const char *last_name)
{
  return core_create (db, "trainer", "first_name", first_name, "last_name", last_name, NULL);
}

static char *
create_client (FdDatabase *db,
               const char *name)
{
  return core_create (db, "client", "kind", "company", "name", name, NULL);
}

static char *
create_session (FdDatabase *db,
                const char *code,
                const char *label,
                const char *training_id,
                const char *client_id)
{
  g_autoptr(FdChange) change = fd_change_new_create ("session");

  fd_change_set_string (change, "code", code);
  fd_change_set_int (change, "year", 2026);
  fd_change_set_string (change, "label", label);
  if (training_id != NULL)
    fd_change_set_string (change, "training_id", training_id);
  if (client_id != NULL)
    {
      fd_change_set_string (change, "kind", "intra");
      fd_change_set_string (change, "client_id", client_id);
    }

  return core_apply_create (db, change);
}

static char *
create_sequence (FdDatabase *db,
                 const char *session_id,
                 const char *label)
{
  return core_create (db, "sequence", "session_id", session_id, "label", label, NULL);
}

static char *
create_slot (FdDatabase *db,
             const char *session_id,
             const char *sequence_id,
             const char *start_at,
             const char *end_at)
{
  return core_create (db, "slot", "session_id", session_id, "sequence_id", sequence_id,
                      "start_at", start_at, "end_at", end_at, NULL);
}

static char *
create_enrollment (FdDatabase *db,
                   const char *session_id,
                   const char *trainee_id,
                   const char *status)
{
  return core_create (db, "enrollment", "session_id", session_id, "trainee_id", trainee_id,
                      "status", status, NULL);
}

/* The last names of the trainees of @list, in order, joined with "|" */
static char *
dup_last_names (GListModel *list)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(FdTrainee) trainee = g_list_model_get_item (list, i);

      g_assert_true (FD_IS_TRAINEE (trainee));
      if (i > 0)
        g_string_append_c (names, '|');
      g_string_append (names, fd_trainee_get_last_name (trainee));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
test_record_list_french_order (CoreFixture   *fixture,
                               gconstpointer  data)
{
  g_autoptr(FdRecordList) list = NULL;
  g_autofree char *names = NULL;

  g_free (create_trainee (fixture->db, "Anne", "zoé"));
  g_free (create_trainee (fixture->db, "Paul", "Éloïse"));
  g_free (create_trainee (fixture->db, "Luc", "Martin"));
  g_free (create_trainee (fixture->db, "Anne", "Martin"));

  list = fd_record_list_new (fixture->db, FD_RECORD_KIND_TRAINEE);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == FD_TYPE_TRAINEE);
  g_assert_cmpuint (fd_record_list_get_kind (list), ==, FD_RECORD_KIND_TRAINEE);

  names = dup_last_names (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "Éloïse|Martin|Martin|zoé");

  {
    g_autoptr(FdTrainee) first_martin = g_list_model_get_item (G_LIST_MODEL (list), 1);

    g_assert_cmpstr (fd_trainee_get_first_name (first_martin), ==, "Anne");
  }
}

/* Rows are read a page at a time: every position still gives its own row,
 * in any order of asking, and a new search reads the new rows. */
static void
test_record_list_pages (CoreFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(FdRecordList) list = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  static const guint positions[] = { 69, 0, 33, 31, 32, 64, 68, 1 };

  g_assert_true (fd_database_begin (fixture->db, NULL));
  for (guint i = 0; i < 70; i++)
    {
      g_autofree char *last = g_strdup_printf ("Nom%03u", i);

      g_free (create_trainee (fixture->db, i % 2 ? "Anne" : "Hélène", last));
    }
  g_assert_true (fd_database_commit (fixture->db, NULL));

  list = fd_record_list_new (fixture->db, FD_RECORD_KIND_TRAINEE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 70);

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autoptr(FdTrainee) trainee = g_list_model_get_item (G_LIST_MODEL (list), positions[i]);
      g_autofree char *expected = g_strdup_printf ("Nom%03u", positions[i]);

      g_assert_cmpstr (fd_trainee_get_last_name (trainee), ==, expected);
    }

  /* After a search, position 1 is the second Hélène, not the old row */
  fd_record_list_set_search (list, "helene");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 35);
  {
    g_autoptr(FdTrainee) second = g_list_model_get_item (G_LIST_MODEL (list), 1);

    g_assert_cmpstr (fd_trainee_get_last_name (second), ==, "Nom002");
  }
}

static void
test_record_list_search_accents (CoreFixture   *fixture,
                                 gconstpointer  data)
{
  g_autoptr(FdRecordList) list = NULL;
  g_autoptr(FdTrainee) trainee = NULL;
  g_autofree char *full_name = NULL;

  g_free (create_trainee (fixture->db, "Hélène", "Durand"));
  g_free (create_trainee (fixture->db, "Helena", "Roy"));
  g_free (create_trainee (fixture->db, "Paul", "Lœvenbrück"));

  list = fd_record_list_new (fixture->db, FD_RECORD_KIND_TRAINEE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  fd_record_list_set_search (list, "helene");
  g_assert_cmpstr (fd_record_list_get_search (list), ==, "helene");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  trainee = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (fd_trainee_get_first_name (trainee), ==, "Hélène");
  full_name = fd_trainee_dup_full_name (trainee);
  g_assert_cmpstr (full_name, ==, "Hélène Durand");

  /* Case and accents in the search are ignored too */
  fd_record_list_set_search (list, "  HÉLÈNE ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  /* Every word must match, in any order */
  fd_record_list_set_search (list, "durand helene");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  fd_record_list_set_search (list, "hel");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  fd_record_list_set_search (list, "hel roy");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  fd_record_list_set_search (list, "loevenbruck");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  fd_record_list_set_search (list, "nobody");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  fd_record_list_set_search (list, NULL);
  g_assert_null (fd_record_list_get_search (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  fd_record_list_set_search (list, "   ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
}

static void
test_record_list_search_escapes (CoreFixture   *fixture,
                                 gconstpointer  data)
{
  g_autoptr(FdRecordList) list = NULL;
  g_autoptr(FdClient) client = NULL;

  g_free (create_client (fixture->db, "Remise 50% Lyon"));
  g_free (create_client (fixture->db, "Remise 500 Lyon"));
  g_free (create_client (fixture->db, "a_b Conseil"));
  g_free (create_client (fixture->db, "axb Conseil"));
  g_free (create_client (fixture->db, "Back\\slash"));

  list = fd_record_list_new (fixture->db, FD_RECORD_KIND_CLIENT);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == FD_TYPE_CLIENT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);

  fd_record_list_set_search (list, "50%");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  client = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (fd_client_get_name (client), ==, "Remise 50% Lyon");
  g_clear_object (&client);

  fd_record_list_set_search (list, "%");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  fd_record_list_set_search (list, "a_b");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  client = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (fd_client_get_name (client), ==, "a_b Conseil");
  g_clear_object (&client);

  fd_record_list_set_search (list, "_");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  fd_record_list_set_search (list, "k\\s");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

typedef struct
{
  guint n_emissions;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed_cb (GListModel   *list,
                     guint         position,
                     guint         removed,
                     guint         added,
                     ItemsChanged *changed)
{
  changed->n_emissions++;
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *n_notifies)
{
  (*n_notifies)++;
}

static void
test_record_list_items_changed (CoreFixture   *fixture,
                                gconstpointer  data)
{
  g_autoptr(FdRecordList) list = NULL;
  ItemsChanged changed = { 0, };
  guint n_notifies = 0;
  guint n_items = 0;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *last_name = g_strdup_printf ("Martin%u", i);

      g_free (create_trainee (fixture->db, i < 3 ? "Anne" : "Paul", last_name));
    }

  list = fd_record_list_new (fixture->db, FD_RECORD_KIND_TRAINEE);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changed);
  g_signal_connect (list, "notify::search", G_CALLBACK (on_notify_cb), &n_notifies);

  fd_record_list_set_search (list, "anne");
  g_assert_cmpuint (changed.n_emissions, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 10);
  g_assert_cmpuint (changed.added, ==, 3);
  g_assert_cmpuint (n_notifies, ==, 1);
  g_object_get (list, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 3);

  /* The same words: no query, no change */
  fd_record_list_set_search (list, "Anne ");
  g_assert_cmpuint (changed.n_emissions, ==, 1);
  g_assert_cmpuint (n_notifies, ==, 2);

  fd_record_list_set_search (list, "Anne ");
  g_assert_cmpuint (n_notifies, ==, 2);

  fd_record_list_set_search (list, NULL);
  g_assert_cmpuint (changed.n_emissions, ==, 2);
  g_assert_cmpuint (changed.removed, ==, 3);
  g_assert_cmpuint (changed.added, ==, 10);

  fd_record_list_reload (list);
  g_assert_cmpuint (changed.n_emissions, ==, 3);
  g_assert_cmpuint (changed.removed, ==, 10);
  g_assert_cmpuint (changed.added, ==, 10);
}

static void
on_items_changed_log_cb (GListModel *list,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u ", position, removed, added);
}

static gint64
revision_of (FdDatabase *db,
             const char *id)
{
  g_autoptr(FdRecordList) list = fd_record_list_new (db, FD_RECORD_KIND_TRAINEE);
  g_autoptr(FdRecord) record = g_list_model_get_item (G_LIST_MODEL (list),
                                                      fd_record_list_find (list, id));

  return fd_record_get_revision (record);
}

static void
rename_trainee (FdDatabase *db,
                const char *id,
                const char *field,
                const char *value)
{
  g_autoptr(FdChange) change = fd_change_new_update ("trainee", id, revision_of (db, id));

  fd_change_set_string (change, field, value);
  core_apply (db, change);
}

/* An edit reaches the list as the rows it changed, not as a reload */
static void
test_record_list_updates_in_place (CoreFixture   *fixture,
                                   gconstpointer  data)
{
  g_autoptr(FdRecordList) list = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(FdTrainee) moved = NULL;
  g_autofree char *names = NULL;
  g_autofree char *bernard = NULL;
  g_autofree char *zola = NULL;
  g_autofree char *new_one = NULL;

  g_free (create_trainee (fixture->db, "Anne", "Arnaud"));
  bernard = create_trainee (fixture->db, "Paul", "Bernard");
  g_free (create_trainee (fixture->db, "Zoé", "Martin"));
  zola = create_trainee (fixture->db, "Émile", "Zola");

  list = fd_record_list_new (fixture->db, FD_RECORD_KIND_TRAINEE);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_log_cb), log);
  g_assert_cmpuint (fd_record_list_find (list, zola), ==, 3);

  /* Changed where it is: that row only */
  rename_trainee (fixture->db, bernard, "email", "paul.bernard@exemple.fr");
  g_assert_cmpstr (log->str, ==, "1-1+1 ");

  /* Moved: out of its place, into its new one */
  g_string_truncate (log, 0);
  rename_trainee (fixture->db, zola, "last_name", "Dupont");
  g_assert_cmpstr (log->str, ==, "3-1+0 2-0+1 ");
  names = dup_last_names (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "Arnaud|Bernard|Dupont|Martin");
  moved = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_assert_cmpstr (fd_record_get_id (FD_RECORD (moved)), ==, zola);

  /* Created, deleted */
  g_string_truncate (log, 0);
  new_one = create_trainee (fixture->db, "Luc", "Caron");
  g_assert_cmpstr (log->str, ==, "2-0+1 ");
  g_string_truncate (log, 0);
  core_delete (fixture->db, "trainee", bernard);
  g_assert_cmpstr (log->str, ==, "1-1+0 ");
  g_clear_pointer (&names, g_free);
  names = dup_last_names (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "Arnaud|Caron|Dupont|Martin");
  g_assert_cmpuint (fd_record_list_find (list, bernard), ==, G_MAXUINT);

  /* Rows of other kinds leave it alone */
  g_string_truncate (log, 0);
  g_free (create_trainer (fixture->db, "Claire", "Petit"));
  g_assert_cmpstr (log->str, ==, "");
}

/* A search follows edits: a row whose name changed leaves it, a row whose
 * other fields changed stays, changed in place */
static void
test_record_list_search_follows_edits (CoreFixture   *fixture,
                                       gconstpointer  data)
{
  g_autoptr(FdRecordList) list = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *anne = create_trainee (fixture->db, "Anne", "Martin");
  g_autofree char *paul = create_trainee (fixture->db, "Paul", "Martin");
  g_autofree char *names = NULL;

  g_free (create_trainee (fixture->db, "Zoé", "Durand"));
  list = fd_record_list_new (fixture->db, FD_RECORD_KIND_TRAINEE);
  fd_record_list_set_search (list, "martin");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_log_cb), log);

  rename_trainee (fixture->db, paul, "phone", "06 12 34 56 78");
  g_assert_cmpstr (log->str, ==, "1-1+1 ");

  g_string_truncate (log, 0);
  rename_trainee (fixture->db, anne, "last_name", "Moreau");
  g_assert_cmpstr (log->str, ==, "0-1+0 ");
  names = dup_last_names (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "Martin");

  /* and the next keystroke sees the rename too */
  fd_record_list_set_search (list, "moreau");
  g_clear_pointer (&names, g_free);
  names = dup_last_names (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "Moreau");
}

static char *
dup_codes (GListModel *list)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(FdSession) session = g_list_model_get_item (list, i);

      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", fd_session_get_code (session));
    }

  return g_string_free (text, FALSE);
}

/* The sessions list narrowed by status, drafts, training, place and
 * period, together and with a search */
static void
test_record_list_session_filters (CoreFixture   *fixture,
                                  gconstpointer  data)
{
  g_autoptr(FdRecordList) list = NULL;
  g_autoptr(FdChange) training = fd_change_new_create ("training");
  g_autoptr(FdChange) place = fd_change_new_create ("place");
  g_autoptr(FdChange) confirm = NULL;
  g_autofree char *training_id = NULL;
  g_autofree char *place_id = NULL;
  g_autofree char *excel = NULL;
  g_autofree char *word = NULL;
  g_autofree char *codes = NULL;
  g_autofree char *sequence = NULL;

  fd_change_set_string (training, "code", "BUR-01");
  fd_change_set_string (training, "title", "Excel");
  training_id = core_apply_create (fixture->db, training);
  fd_change_set_string (place, "name", "Centre Lyon");
  place_id = core_apply_create (fixture->db, place);

  excel = create_session (fixture->db, "2026-0001", "Excel", training_id, NULL);
  word = create_session (fixture->db, "2026-0002", "Word", NULL, NULL);
  g_free (create_session (fixture->db, "2026-0003", "Excel avancé", training_id, NULL));
  sequence = create_sequence (fixture->db, excel, "Jour 1");
  {
    g_autoptr(FdChange) slot = fd_change_new_create ("slot");

    fd_change_set_string (slot, "session_id", excel);
    fd_change_set_string (slot, "sequence_id", sequence);
    fd_change_set_string (slot, "start_at", "2026-05-12T09:00");
    fd_change_set_string (slot, "end_at", "2026-05-12T12:00");
    fd_change_set_string (slot, "place_id", place_id);
    core_apply (fixture->db, slot);
  }
  confirm = fd_change_new_update ("session", word, 1 << 30);
  fd_change_set_string (confirm, "status", "confirmed");
  fd_change_set_bool (confirm, "published", TRUE);
  core_apply (fixture->db, confirm);

  g_assert_true (fd_record_list_has_filter (FD_RECORD_KIND_SESSION, "place"));
  g_assert_false (fd_record_list_has_filter (FD_RECORD_KIND_TRAINER, "place"));

  list = fd_record_list_new (fixture->db, FD_RECORD_KIND_SESSION);
  fd_record_list_set_filter (list, "training", training_id);
  codes = dup_codes (G_LIST_MODEL (list));
  g_assert_cmpstr (codes, ==, "2026-0003 2026-0001");

  fd_record_list_set_filter (list, "place", place_id);
  g_clear_pointer (&codes, g_free);
  codes = dup_codes (G_LIST_MODEL (list));
  g_assert_cmpstr (codes, ==, "2026-0001");

  fd_record_list_set_filter (list, "to", "2026-04-30");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  fd_record_list_set_filter (list, "to", NULL);
  fd_record_list_set_filter (list, "from", "2026-05-12");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  fd_record_list_set_filter (list, "place", NULL);
  fd_record_list_set_filter (list, "from", NULL);
  fd_record_list_set_filter (list, "training", NULL);
  fd_record_list_set_filter (list, "draft", "");
  g_clear_pointer (&codes, g_free);
  codes = dup_codes (G_LIST_MODEL (list));
  g_assert_cmpstr (codes, ==, "2026-0003 2026-0001");

  fd_record_list_set_filter (list, "draft", NULL);
  fd_record_list_set_filter (list, "status", "confirmed");
  g_clear_pointer (&codes, g_free);
  codes = dup_codes (G_LIST_MODEL (list));
  g_assert_cmpstr (codes, ==, "2026-0002");

  /* with a search, and following changes */
  fd_record_list_set_filter (list, "status", NULL);
  fd_record_list_set_filter (list, "training", training_id);
  fd_record_list_set_search (list, "avance");
  g_clear_pointer (&codes, g_free);
  codes = dup_codes (G_LIST_MODEL (list));
  g_assert_cmpstr (codes, ==, "2026-0003");
  fd_record_list_set_search (list, NULL);
  {
    g_autoptr(FdChange) move = fd_change_new_update ("session", excel, 1 << 30);

    fd_change_set_null (move, "training_id");
    core_apply (fixture->db, move);
  }
  g_clear_pointer (&codes, g_free);
  codes = dup_codes (G_LIST_MODEL (list));
  g_assert_cmpstr (codes, ==, "2026-0003");
}

/* A search ranks rows where the words start a word first: « hele »
 * shows Hélène before Barthélemy, each group in list order */
static void
test_record_list_search_ranks_word_starts (CoreFixture   *fixture,
                                           gconstpointer  data)
{
  g_autoptr(FdRecordList) list = NULL;
  g_autofree char *names = NULL;

  g_free (create_trainee (fixture->db, "Anne", "Barthélemy"));
  g_free (create_trainee (fixture->db, "Hélène", "Dupont"));
  g_free (create_trainee (fixture->db, "Paul", "Michel-Hélias"));
  g_free (create_trainee (fixture->db, "Zoé", "Aubert"));

  list = fd_record_list_new (fixture->db, FD_RECORD_KIND_TRAINEE);
  fd_record_list_set_search (list, "hele");
  names = dup_last_names (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "Dupont|Barthélemy");

  fd_record_list_set_search (list, "eli");
  g_clear_pointer (&names, g_free);
  names = dup_last_names (G_LIST_MODEL (list));
  /* “Hélias” after a hyphen starts a word */
  g_assert_cmpstr (names, ==, "Michel-Hélias");

  fd_record_list_set_search (list, "el");
  g_clear_pointer (&names, g_free);
  names = dup_last_names (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "Barthélemy|Dupont|Michel-Hélias");
}

/* A keystroke that narrows the last search only scans the rows it found:
 * the rows and their order are those a whole scan gives, for this list
 * and for another sharing its keys, and a search that does not narrow
 * scans them all again */
static void
test_record_list_search_narrows (CoreFixture   *fixture,
                                 gconstpointer  data)
{
  g_autoptr(FdRecordList) list = NULL;
  g_autoptr(FdRecordList) other = NULL;
  g_autofree char *names = NULL;

  g_free (create_trainee (fixture->db, "Anne", "Barthélemy"));
  g_free (create_trainee (fixture->db, "Élise", "Durand"));
  g_free (create_trainee (fixture->db, "Emma", "Fidel"));
  g_free (create_trainee (fixture->db, "Zoé", "Aubert"));

  list = fd_record_list_new (fixture->db, FD_RECORD_KIND_TRAINEE);
  other = fd_record_list_new (fixture->db, FD_RECORD_KIND_TRAINEE);

  /* « e » starts Élise and Emma, not Barthélemy nor Zoé */
  fd_record_list_set_search (list, "e");
  names = dup_last_names (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "Durand|Fidel|Aubert|Barthélemy");

  /* Emma Fidel goes from the first group to the second: the groups are
   * in list order, not in the order the last search gave */
  fd_record_list_set_search (other, "el");
  g_clear_pointer (&names, g_free);
  names = dup_last_names (G_LIST_MODEL (other));
  g_assert_cmpstr (names, ==, "Durand|Barthélemy|Fidel");

  fd_record_list_set_search (list, "el dur");
  g_clear_pointer (&names, g_free);
  names = dup_last_names (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "Durand");

  /* « emm » does not narrow « el dur »: every row is scanned again */
  fd_record_list_set_search (other, "emm");
  g_clear_pointer (&names, g_free);
  names = dup_last_names (G_LIST_MODEL (other));
  g_assert_cmpstr (names, ==, "Fidel");

  fd_record_list_set_search (list, "a");
  g_clear_pointer (&names, g_free);
  names = dup_last_names (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "Aubert|Barthélemy|Durand|Fidel");
}

/* A session's row shows its slots' dates: a new slot changes that row */
static void
test_record_list_follows_dependencies (CoreFixture   *fixture,
                                       gconstpointer  data)
{
  g_autoptr(FdRecordList) list = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(FdSession) session = NULL;
  g_autofree char *first = create_session (fixture->db, "2026-0001", "Excel", NULL, NULL);
  g_autofree char *second = create_session (fixture->db, "2026-0002", "Word", NULL, NULL);
  g_autofree char *sequence = create_sequence (fixture->db, first, "Jour 1");
  g_autofree char *slot = NULL;
  guint position;

  list = fd_record_list_new (fixture->db, FD_RECORD_KIND_SESSION);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_log_cb), log);
  position = fd_record_list_find (list, first);

  slot = create_slot (fixture->db, first, sequence, "2026-05-12T09:00", "2026-05-12T12:00");
  g_assert_cmpuint (fd_record_list_find (list, first), ==, position);
  g_assert_nonnull (strstr (log->str, "-1+1 "));
  session = g_list_model_get_item (G_LIST_MODEL (list), position);
  g_assert_cmpstr (fd_session_get_start_date (session), ==, "2026-05-12");
}

static void
test_record_list_search_sees_changes (CoreFixture   *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdRecordList) list = NULL;
  g_autoptr(FdDatabase) other = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *names = NULL;

  gone = create_trainee (fixture->db, "Anne", "Martin");
  g_free (create_trainee (fixture->db, "Paul", "Martin"));

  list = fd_record_list_new (fixture->db, FD_RECORD_KIND_TRAINEE);
  fd_record_list_set_search (list, "martin");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  /* A change through this connection */
  g_free (create_trainee (fixture->db, "Zoé", "Martinez"));
  core_delete (fixture->db, "trainee", gone);
  fd_record_list_set_search (list, "marti");
  names = dup_last_names (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "Martin|Martinez");
  g_clear_pointer (&names, g_free);
  fd_record_list_set_search (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  /* A change through another connection, as a sync thread would make */
  other = fd_database_open (fd_database_get_path (fixture->db), FD_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_free (create_trainee (other, "Luc", "Martin"));
  fd_record_list_set_search (list, "martin");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_clear_object (&other);

  fd_record_list_set_search (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
}

/* Two lists of the same kind share their keys (a search pane keeps two):
 * each still sees the rows as they are when it searches, whichever loaded
 * the keys, and a list of another kind has its own. */
static void
test_record_list_shared_keys (CoreFixture   *fixture,
                              gconstpointer  data)
{
  g_autoptr(FdRecordList) first = NULL;
  g_autoptr(FdRecordList) second = NULL;
  g_autoptr(FdRecordList) trainers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  g_free (create_trainee (fixture->db, "Anne", "Martin"));
  g_free (create_trainer (fixture->db, "Paul", "Martin"));

  first = fd_record_list_new (fixture->db, FD_RECORD_KIND_TRAINEE);
  second = fd_record_list_new (fixture->db, FD_RECORD_KIND_TRAINEE);
  trainers = fd_record_list_new (fixture->db, FD_RECORD_KIND_TRAINER);

  /* loaded ahead of the first search, as the window does when idle */
  g_assert_true (fd_record_list_load_search_keys (first, &error));
  g_assert_no_error (error);
  g_assert_true (fd_record_list_load_search_keys (first, &error));

  fd_record_list_set_search (first, "martin");
  fd_record_list_set_search (second, "mart");
  fd_record_list_set_search (trainers, "mart");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trainers)), ==, 1);

  /* The second list loads the keys again, the first takes them */
  g_free (create_trainee (fixture->db, "Zoé", "Martinez"));
  fd_record_list_set_search (second, "marti");
  names = dup_last_names (G_LIST_MODEL (second));
  g_assert_cmpstr (names, ==, "Martin|Martinez");
  g_clear_pointer (&names, g_free);
  fd_record_list_reload (first);
  names = dup_last_names (G_LIST_MODEL (first));
  g_assert_cmpstr (names, ==, "Martin|Martinez");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trainers)), ==, 1);

  /* Without a search, stale keys are not used */
  g_free (create_trainee (fixture->db, "Luc", "Bernard"));
  fd_record_list_set_search (first, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first)), ==, 3);
  fd_record_list_set_search (second, "bern");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, 1);
}

static void
test_record_list_out_of_range (CoreFixture   *fixture,
                               gconstpointer  data)
{
  g_autoptr(FdRecordList) list = NULL;
  g_autoptr(FdRecordList) sessions = NULL;
  g_autoptr(FdTrainer) trainer = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *id = NULL;

  id = create_trainer (fixture->db, "Anne", "Martin");

  list = fd_record_list_new (fixture->db, FD_RECORD_KIND_TRAINER);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == FD_TYPE_TRAINER);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 1));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), G_MAXUINT));

  trainer = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (fd_record_get_id (FD_RECORD (trainer)), ==, id);
  g_object_get (trainer, "first-name", &first_name, NULL);
  g_assert_cmpstr (first_name, ==, "Anne");
  g_assert_cmpstr (fd_trainer_get_kind (trainer), ==, "internal");

  sessions = fd_record_list_new (fixture->db, FD_RECORD_KIND_SESSION);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (sessions)) == FD_TYPE_SESSION);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sessions)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (sessions), 0));
}

static void
test_record_list_sessions_recent_first (CoreFixture   *fixture,
                                        gconstpointer  data)
{
  g_autoptr(FdRecordList) list = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) soon_date = g_date_time_add_days (now, 10);
  g_autoptr(GDateTime) later_date = g_date_time_add_days (now, 40);
  g_autoptr(GDateTime) past_date = g_date_time_add_days (now, -40);
  g_autoptr(GDateTime) older_date = g_date_time_add_days (now, -400);
  g_autofree char *soon = g_date_time_format (soon_date, "%Y-%m-%dT09:00");
  g_autofree char *soon_end = g_date_time_format (soon_date, "%Y-%m-%dT12:00");
  g_autofree char *later = g_date_time_format (later_date, "%Y-%m-%dT09:00");
  g_autofree char *later_end = g_date_time_format (later_date, "%Y-%m-%dT12:00");
  g_autofree char *past = g_date_time_format (past_date, "%Y-%m-%dT09:00");
  g_autofree char *past_end = g_date_time_format (past_date, "%Y-%m-%dT12:00");
  g_autofree char *older = g_date_time_format (older_date, "%Y-%m-%dT09:00");
  g_autofree char *older_end = g_date_time_format (older_date, "%Y-%m-%dT12:00");
  const char *dates[][2] = { { older, older_end }, { later, later_end }, { past, past_end },
                             { soon, soon_end } };
  const char *codes[] = { "2025-0001", "2026-0002", "2026-0003", "2026-0004" };
  g_autofree char *order = NULL;
  g_autofree char *draft = NULL;
  GString *text = g_string_new (NULL);
  char *ids[G_N_ELEMENTS (codes)];

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *sequence = NULL;
      g_autoptr(FdChange) publish = NULL;

      ids[i] = create_session (fixture->db, codes[i], "Excel", NULL, NULL);
      sequence = create_sequence (fixture->db, ids[i], "Jour 1");
      g_free (create_slot (fixture->db, ids[i], sequence, dates[i][0], dates[i][1]));
      publish = fd_change_new_update ("session", ids[i], 1 << 30);
      fd_change_set_bool (publish, "published", TRUE);
      core_apply (fixture->db, publish);
    }
  /* a draft without slots yet */
  draft = create_session (fixture->db, "2026-0005", "Word", NULL, NULL);

  /* Drafts first, then what is coming, soonest first, then the past,
   * latest first */
  list = fd_record_list_new (fixture->db, FD_RECORD_KIND_SESSION);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(FdSession) session = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_string_append_printf (text, "%s ", fd_session_get_code (session));
    }
  order = g_string_free (text, FALSE);
  g_assert_cmpstr (order, ==, "2026-0005 2026-0004 2026-0002 2026-0003 2025-0001 ");

  /* Planning the draft's slot in the past keeps it first: still a draft */
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_log_cb), log);
  {
    g_autofree char *sequence = create_sequence (fixture->db, draft, "Jour 1");

    g_free (create_slot (fixture->db, draft, sequence, older, older_end));
  }
  g_assert_cmpuint (fd_record_list_find (list, draft), ==, 0);
  /* and moving the soonest session to the past moves its row */
  {
    g_autoptr(FdChange) unpublish = fd_change_new_update ("session", ids[3], 1 << 30);

    fd_change_set_bool (unpublish, "published", FALSE);
    core_apply (fixture->db, unpublish);
  }
  g_assert_cmpuint (fd_record_list_find (list, ids[3]), <=, 1);

  fd_record_list_set_search (list, "word");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    g_free (ids[i]);
}

/* A slot moved changes its session's days: the list, which follows
 * slots, is in the order a new list has, whether the row moved (listed
 * again) or stayed between its neighbours (told in place) */
static void
test_record_list_slot_moves_session (CoreFixture   *fixture,
                                     gconstpointer  data)
{
  g_autoptr(FdRecordList) list = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  char *ids[5];
  char *slots[5];
  /* days from now of each session's slot, then of each move of the
   * first session's slot: past its neighbour, then a day only (its place
   * kept), into the past, back to the future */
  static const int days[] = { 5, 10, 20, 30, 40 };
  static const int moves[] = { 25, 26, -3, 12 };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *code = g_strdup_printf ("2026-01%02u", i);
      g_autofree char *sequence = NULL;
      g_autoptr(GDateTime) day = g_date_time_add_days (now, days[i]);
      g_autofree char *start = g_date_time_format (day, "%Y-%m-%dT09:00");
      g_autofree char *end = g_date_time_format (day, "%Y-%m-%dT12:00");
      g_autoptr(FdChange) publish = NULL;

      ids[i] = create_session (fixture->db, code, "Excel", NULL, NULL);
      sequence = create_sequence (fixture->db, ids[i], "Jour 1");
      slots[i] = create_slot (fixture->db, ids[i], sequence, start, end);
      publish = fd_change_new_update ("session", ids[i], 1 << 30);
      fd_change_set_bool (publish, "published", TRUE);
      core_apply (fixture->db, publish);
    }

  list = fd_record_list_new (fixture->db, FD_RECORD_KIND_SESSION);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_log_cb), log);

  for (guint m = 0; m < G_N_ELEMENTS (moves); m++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, moves[m]);
      g_autofree char *start = g_date_time_format (day, "%Y-%m-%dT09:00");
      g_autofree char *end = g_date_time_format (day, "%Y-%m-%dT12:00");
      g_autoptr(FdChange) move = fd_change_new_update ("slot", slots[0], 1 << 30);
      g_autoptr(FdRecordList) fresh = NULL;
      g_autofree char *followed = NULL;
      g_autofree char *expected = NULL;

      fd_change_set_string (move, "start_at", start);
      fd_change_set_string (move, "end_at", end);
      g_string_truncate (log, 0);
      core_apply (fixture->db, move);

      fresh = fd_record_list_new (fixture->db, FD_RECORD_KIND_SESSION);
      followed = dup_codes (G_LIST_MODEL (list));
      expected = dup_codes (G_LIST_MODEL (fresh));
      g_assert_cmpstr (followed, ==, expected);
      /* the view was told */
      g_assert_cmpuint (log->len, >, 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_free (ids[i]);
      g_free (slots[i]);
    }
}

static void
test_queries_session_computed (CoreFixture   *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdChange) training = fd_change_new_create ("training");
  g_autoptr(FdSession) session = NULL;
  g_autoptr(FdSession) empty = NULL;
  g_autofree char *training_id = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *session_id = NULL;
  g_autofree char *empty_id = NULL;
  g_autofree char *sequence_id = NULL;
  g_autofree char *gone_slot = NULL;
  g_autofree char *gone_enrollment = NULL;
  g_autofree char *start_date = NULL;
  guint n_enrolled = 0;

  fd_change_set_string (training, "code", "EXC");
  fd_change_set_string (training, "title", "Excel avancé");
  training_id = core_apply_create (fixture->db, training);
  client_id = create_client (fixture->db, "Boulangerie Dupont");

  session_id = create_session (fixture->db, "2026-0001", "Excel chez Dupont",
                               training_id, client_id);
  sequence_id = create_sequence (fixture->db, session_id, "Jour 1");

  g_free (create_slot (fixture->db, session_id, sequence_id,
                       "2026-03-10T09:00", "2026-03-10T12:30"));
  g_free (create_slot (fixture->db, session_id, sequence_id,
                       "2026-03-03T09:00", "2026-03-03T12:30"));
  g_free (create_slot (fixture->db, session_id, sequence_id,
                       "2026-03-05T13:30", "2026-03-05T17:00"));
  gone_slot = create_slot (fixture->db, session_id, sequence_id,
                           "2026-04-01T09:00", "2026-04-01T12:00");
  core_delete (fixture->db, "slot", gone_slot);

  for (guint i = 0; i < 6; i++)
    {
      static const char * const statuses[] = {
        "planned", "registered", "confirmed", "completed", "withdrawn", "cancelled",
      };
      g_autofree char *last_name = g_strdup_printf ("Stagiaire%u", i);
      g_autofree char *trainee_id = create_trainee (fixture->db, "Anne", last_name);

      g_free (create_enrollment (fixture->db, session_id, trainee_id, statuses[i]));
    }
  /* A trainee is enrolled once: the removed enrollment is someone else's */
  {
    g_autofree char *gone_trainee = create_trainee (fixture->db, "Anne", "Partie");

    gone_enrollment = create_enrollment (fixture->db, session_id, gone_trainee, "registered");
  }
  core_delete (fixture->db, "enrollment", gone_enrollment);

  session = fd_database_get_session (fixture->db, session_id, &error);
  g_assert_no_error (error);
  g_assert_true (FD_IS_SESSION (session));
  g_assert_cmpstr (fd_record_get_id (FD_RECORD (session)), ==, session_id);
  g_assert_cmpstr (fd_session_get_code (session), ==, "2026-0001");
  g_assert_cmpstr (fd_session_get_label (session), ==, "Excel chez Dupont");
  g_assert_cmpstr (fd_session_get_training_title (session), ==, "Excel avancé");
  g_assert_cmpstr (fd_session_get_client_name (session), ==, "Boulangerie Dupont");
  g_assert_cmpstr (fd_session_get_kind (session), ==, "intra");
  g_assert_cmpstr (fd_session_get_status (session), ==, "created");
  g_assert_false (fd_session_get_published (session));
  g_assert_cmpstr (fd_session_get_start_date (session), ==, "2026-03-03");
  g_assert_cmpstr (fd_session_get_end_date (session), ==, "2026-03-10");
  g_assert_cmpuint (fd_session_get_n_slots (session), ==, 3);
  g_assert_cmpuint (fd_session_get_n_enrolled (session), ==, 4);
  g_assert_cmpuint (fd_session_get_capacity_max (session), ==, 12);
  g_assert_cmpint (fd_session_get_price_cents (session), ==, 0);

  g_object_get (session, "start-date", &start_date, "n-enrolled", &n_enrolled, NULL);
  g_assert_cmpstr (start_date, ==, "2026-03-03");
  g_assert_cmpuint (n_enrolled, ==, 4);

  empty_id = create_session (fixture->db, "2026-0002", "Pas encore planifiée", NULL, NULL);
  empty = fd_database_get_session (fixture->db, empty_id, &error);
  g_assert_no_error (error);
  g_assert_null (fd_session_get_start_date (empty));
  g_assert_null (fd_session_get_end_date (empty));
  g_assert_null (fd_session_get_training_title (empty));
  g_assert_null (fd_session_get_client_name (empty));
  g_assert_cmpuint (fd_session_get_n_slots (empty), ==, 0);
  g_assert_cmpuint (fd_session_get_n_enrolled (empty), ==, 0);
}

/* The place "Centre Lumière" and its room "Salle Curie" */
static void
create_place_and_room (FdDatabase  *db,
                       char       **place_id,
                       char       **room_id)
{
  *place_id = core_create (db, "place", "name", "Centre Lumière", NULL);
  *room_id = core_create (db, "room", "place_id", *place_id, "name", "Salle Curie", NULL);
}

/* A deleted place, room or trainer leaves no name behind; a slot of a
 * deleted session is neither on the calendar nor readable. */
static void
test_queries_slot_deleted_names (CoreFixture   *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(FdChange) slot_change = fd_change_new_create ("slot");
  g_autoptr(FdChange) staff = fd_change_new_create ("slot_staff");
  g_autoptr(FdSlot) slot = NULL;
  g_autofree char *place_id = NULL;
  g_autofree char *room_id = NULL;
  g_autofree char *session_id = NULL;
  g_autofree char *sequence_id = NULL;
  g_autofree char *slot_id = NULL;
  g_autofree char *trainer_id = NULL;

  create_place_and_room (fixture->db, &place_id, &room_id);
  session_id = create_session (fixture->db, "2026-0007", "Excel", NULL, NULL);
  sequence_id = create_sequence (fixture->db, session_id, "Tableaux");
  fd_change_set_string (slot_change, "session_id", session_id);
  fd_change_set_string (slot_change, "sequence_id", sequence_id);
  fd_change_set_string (slot_change, "start_at", "2026-05-05T09:00");
  fd_change_set_string (slot_change, "end_at", "2026-05-05T12:00");
  fd_change_set_string (slot_change, "place_id", place_id);
  fd_change_set_string (slot_change, "room_id", room_id);
  slot_id = core_apply_create (fixture->db, slot_change);
  trainer_id = create_trainer (fixture->db, "Anne", "Martin");
  fd_change_set_string (staff, "slot_id", slot_id);
  fd_change_set_string (staff, "trainer_id", trainer_id);
  core_apply (fixture->db, staff);

  core_delete (fixture->db, "room", room_id);
  core_delete (fixture->db, "place", place_id);
  core_delete (fixture->db, "trainer", trainer_id);

  slot = fd_database_get_slot (fixture->db, slot_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_slot_get_session_label (slot), ==, "Excel");
  g_assert_cmpstr (fd_slot_get_sequence_label (slot), ==, "Tableaux");
  g_assert_null (fd_slot_get_place_name (slot));
  g_assert_null (fd_slot_get_room_name (slot));
  g_assert_null (fd_slot_get_trainer_names (slot));

  slots = fd_database_list_calendar_slots (fixture->db, "2026-05-01", "2026-06-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 1);
  g_assert_null (fd_slot_get_place_name (g_ptr_array_index (slots, 0)));
  g_clear_pointer (&slots, g_ptr_array_unref);

  core_delete (fixture->db, "session", session_id);
  slots = fd_database_list_calendar_slots (fixture->db, "2026-05-01", "2026-06-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 0);
  g_assert_null (fd_database_get_slot (fixture->db, slot_id, &error));
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
}

/* Places for a chooser: live ones only, sorted the French way */
static void
test_queries_places (CoreFixture   *fixture,
                     gconstpointer  data)
{
  static const char *created[] = { "Salle Zola", "Écully", "annexe", "Centre" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) choices = NULL;
  g_autofree char *gone = NULL;
  char *place_ids[G_N_ELEMENTS (created)];

  choices = fd_database_list_options (fixture->db, FD_OPTION_PLACE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, 0);
  g_clear_pointer (&choices, g_ptr_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (created); i++)
    {
      g_autoptr(FdChange) change = fd_change_new_create ("place");

      fd_change_set_string (change, "name", created[i]);
      place_ids[i] = core_apply_create (fixture->db, change);
    }
  {
    g_autoptr(FdChange) change = fd_change_new_create ("place");

    fd_change_set_string (change, "name", "Bâtiment démoli");
    gone = core_apply_create (fixture->db, change);
    core_delete (fixture->db, "place", gone);
  }

  choices = fd_database_list_options (fixture->db, FD_OPTION_PLACE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (choices->len, ==, 4);
  g_assert_cmpstr (fd_option_get_label (g_ptr_array_index (choices, 0)), ==, "annexe");
  g_assert_cmpstr (fd_option_get_label (g_ptr_array_index (choices, 1)), ==, "Centre");
  g_assert_cmpstr (fd_option_get_label (g_ptr_array_index (choices, 2)), ==, "Écully");
  g_assert_cmpstr (fd_option_get_label (g_ptr_array_index (choices, 3)), ==, "Salle Zola");
  g_assert_cmpstr (fd_option_get_id (g_ptr_array_index (choices, 0)), ==, place_ids[2]);
  g_assert_cmpstr (fd_option_get_id (g_ptr_array_index (choices, 2)), ==, place_ids[1]);
  g_assert_cmpstr (fd_option_get_id (g_ptr_array_index (choices, 3)), ==, place_ids[0]);

  for (guint i = 0; i < G_N_ELEMENTS (created); i++)
    g_free (place_ids[i]);
}

static void
test_queries_slots (CoreFixture   *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GPtrArray) enrollments = NULL;
  g_autoptr(FdChange) staff = NULL;
  g_autofree char *place_id = NULL;
  g_autofree char *room_id = NULL;
  g_autofree char *session_id = NULL;
  g_autofree char *other_id = NULL;
  g_autofree char *sequence_id = NULL;
  g_autofree char *other_sequence_id = NULL;
  g_autofree char *slot_id = NULL;
  g_autofree char *anne = NULL;
  g_autofree char *paul = NULL;
  g_autofree char *host = NULL;
  g_autofree char *trainee_id = NULL;
  FdSlot *slot;
  FdEnrollment *enrollment;

  create_place_and_room (fixture->db, &place_id, &room_id);

  session_id = create_session (fixture->db, "2026-0003", "Word", NULL, NULL);
  sequence_id = create_sequence (fixture->db, session_id, "Les bases");
  other_id = create_session (fixture->db, "2026-0004", "PowerPoint", NULL, NULL);
  other_sequence_id = create_sequence (fixture->db, other_id, "Diaporamas");

  {
    g_autoptr(FdChange) change = fd_change_new_create ("slot");

    fd_change_set_string (change, "session_id", session_id);
    fd_change_set_string (change, "sequence_id", sequence_id);
    fd_change_set_string (change, "start_at", "2026-03-03T09:00");
    fd_change_set_string (change, "end_at", "2026-03-03T12:30");
    fd_change_set_int (change, "break_minutes", 15);
    fd_change_set_string (change, "place_id", place_id);
    fd_change_set_string (change, "room_id", room_id);
    slot_id = core_apply_create (fixture->db, change);
  }
  g_free (create_slot (fixture->db, other_id, other_sequence_id,
                       "2026-03-02T14:00", "2026-03-02T17:00"));
  g_free (create_slot (fixture->db, other_id, other_sequence_id,
                       "2026-04-02T14:00", "2026-04-02T17:00"));

  anne = create_trainer (fixture->db, "Anne", "Martin");
  paul = create_trainer (fixture->db, "Paul", "Roy");
  host = create_trainer (fixture->db, "Zoé", "Accueil");
  {
    static const char * const roles[] = { "co_trainer", "trainer", "host" };
    const char *trainers[] = { paul, anne, host };

    for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
      {
        staff = fd_change_new_create ("slot_staff");
        fd_change_set_string (staff, "slot_id", slot_id);
        fd_change_set_string (staff, "trainer_id", trainers[i]);
        fd_change_set_string (staff, "role", roles[i]);
        core_apply (fixture->db, staff);
        g_clear_pointer (&staff, fd_change_unref);
      }
  }

  /* The calendar's week: time order, both sessions, not April, with what
   * a chip shows */
  slots = fd_database_list_calendar_slots (fixture->db, "2026-03-02", "2026-03-09", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 2);
  slot = g_ptr_array_index (slots, 0);
  g_assert_cmpstr (fd_slot_get_session_code (slot), ==, "2026-0004");
  g_assert_null (fd_slot_get_place_name (slot));
  slot = g_ptr_array_index (slots, 1);
  g_assert_cmpstr (fd_record_get_id (FD_RECORD (slot)), ==, slot_id);
  g_assert_cmpstr (fd_slot_get_session_id (slot), ==, session_id);
  g_assert_cmpstr (fd_slot_get_session_code (slot), ==, "2026-0003");
  g_assert_cmpstr (fd_slot_get_session_label (slot), ==, "Word");
  g_assert_cmpstr (fd_slot_get_start_at (slot), ==, "2026-03-03T09:00");
  g_assert_cmpstr (fd_slot_get_end_at (slot), ==, "2026-03-03T12:30");
  g_assert_cmpuint (fd_slot_get_break_minutes (slot), ==, 15);
  g_assert_cmpstr (fd_slot_get_place_name (slot), ==, "Centre Lumière");
  g_assert_cmpstr (fd_slot_get_place_id (slot), ==, place_id);
  /* what a block and a resource lane show: the room, the staff's ids of
   * every role, the trainers' names (trainers first, no host) */
  g_assert_cmpstr (fd_slot_get_room_id (slot), ==, room_id);
  g_assert_cmpstr (fd_slot_get_room_name (slot), ==, "Salle Curie");
  g_assert_cmpstr (fd_slot_get_trainer_names (slot), ==, "Anne Martin, Paul Roy");
  g_assert_nonnull (fd_slot_get_trainer_ids (slot));
  g_assert_cmpuint (g_strv_length ((char **) fd_slot_get_trainer_ids (slot)), ==, 3);
  g_assert_true (fd_slot_has_trainer (slot, host));
  g_assert_true (fd_slot_has_trainer (slot, paul));
  g_assert_false (fd_slot_has_trainer (slot, "no-such-trainer"));
  /* not read for a page: see fd_database_get_slot */
  g_assert_null (fd_slot_get_sequence_label (slot));
  /* a slot without staff has none */
  slot = g_ptr_array_index (slots, 0);
  g_assert_null (fd_slot_get_trainer_ids (slot));
  g_assert_null (fd_slot_get_trainer_names (slot));
  g_assert_null (fd_slot_get_room_id (slot));
  g_clear_pointer (&slots, g_ptr_array_unref);

  /* The whole slot, when it is opened: trainers before co-trainers, no
   * host */
  slot = fd_database_get_slot (fixture->db, slot_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_slot_get_session_code (slot), ==, "2026-0003");
  g_assert_cmpstr (fd_slot_get_sequence_label (slot), ==, "Les bases");
  g_assert_cmpstr (fd_slot_get_start_at (slot), ==, "2026-03-03T09:00");
  g_assert_cmpstr (fd_slot_get_place_name (slot), ==, "Centre Lumière");
  g_assert_cmpstr (fd_slot_get_room_name (slot), ==, "Salle Curie");
  g_assert_cmpstr (fd_slot_get_trainer_names (slot), ==, "Anne Martin, Paul Roy");
  g_assert_cmpstr (fd_slot_get_room_id (slot), ==, room_id);
  g_assert_cmpuint (g_strv_length ((char **) fd_slot_get_trainer_ids (slot)), ==, 3);
  g_clear_object (&slot);

  g_assert_null (fd_database_get_slot (fixture->db, "no-such-slot", &error));
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* End exclusive */
  slots = fd_database_list_calendar_slots (fixture->db, "2026-03-02", "2026-03-02T14:00", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 0);
  g_clear_pointer (&slots, g_ptr_array_unref);

  slots = fd_database_list_session_slots (fixture->db, other_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 2);
  g_assert_cmpstr (fd_slot_get_start_at (g_ptr_array_index (slots, 0)), ==, "2026-03-02T14:00");
  g_assert_cmpstr (fd_slot_get_start_at (g_ptr_array_index (slots, 1)), ==, "2026-04-02T14:00");
  g_clear_pointer (&slots, g_ptr_array_unref);

  /* A host is staffed too, and sees the slot in their agenda */
  slots = fd_database_list_trainer_slots (fixture->db, host, "2026-01-01", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 1);
  g_clear_pointer (&slots, g_ptr_array_unref);
  slots = fd_database_list_trainer_slots (fixture->db, anne, "2026-03-04", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 0);
  g_clear_pointer (&slots, g_ptr_array_unref);
  slots = fd_database_list_trainer_slots (fixture->db, anne, NULL, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slots->len, ==, 1);
  g_clear_pointer (&slots, g_ptr_array_unref);

  /* Enrollments, from both sides */
  trainee_id = create_trainee (fixture->db, "Hélène", "Durand");
  g_free (create_enrollment (fixture->db, session_id, trainee_id, "confirmed"));
  g_free (create_enrollment (fixture->db, other_id, trainee_id, "registered"));

  enrollments = fd_database_list_session_enrollments (fixture->db, session_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (enrollments->len, ==, 1);
  enrollment = g_ptr_array_index (enrollments, 0);
  g_assert_cmpstr (fd_enrollment_get_trainee_id (enrollment), ==, trainee_id);
  g_assert_cmpstr (fd_enrollment_get_trainee_name (enrollment), ==, "Hélène Durand");
  g_assert_cmpstr (fd_enrollment_get_status (enrollment), ==, "confirmed");
  g_assert_cmpstr (fd_enrollment_get_session_code (enrollment), ==, "2026-0003");
  g_assert_cmpstr (fd_enrollment_get_start_date (enrollment), ==, "2026-03-03");
  g_clear_pointer (&enrollments, g_ptr_array_unref);

  /* Most recent session first */
  enrollments = fd_database_list_trainee_enrollments (fixture->db, trainee_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (enrollments->len, ==, 2);
  enrollment = g_ptr_array_index (enrollments, 0);
  g_assert_cmpstr (fd_enrollment_get_session_id (enrollment), ==, session_id);
  g_assert_cmpstr (fd_enrollment_get_session_label (enrollment), ==, "Word");
  enrollment = g_ptr_array_index (enrollments, 1);
  g_assert_cmpstr (fd_enrollment_get_session_id (enrollment), ==, other_id);
  g_assert_cmpstr (fd_enrollment_get_start_date (enrollment), ==, "2026-03-02");
  g_clear_pointer (&enrollments, g_ptr_array_unref);
}

static void
test_queries_tombstone (CoreFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdRecordList) list = NULL;
  g_autoptr(FdTrainee) trainee = NULL;
  g_autoptr(FdTrainer) trainer = NULL;
  g_autoptr(FdClient) client = NULL;
  g_autoptr(FdSession) session = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *names = NULL;
  ItemsChanged changed = { 0, };

  kept = create_trainee (fixture->db, "Anne", "Martin");
  gone = create_trainee (fixture->db, "Paul", "Roy");

  list = fd_record_list_new (fixture->db, FD_RECORD_KIND_TRAINEE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  trainee = fd_database_get_trainee (fixture->db, gone, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_trainee_get_last_name (trainee), ==, "Roy");
  g_assert_cmpstr (fd_trainee_get_status (trainee), ==, "active");
  g_clear_object (&trainee);

  core_delete (fixture->db, "trainee", gone);

  trainee = fd_database_get_trainee (fixture->db, gone, &error);
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (trainee);
  g_clear_error (&error);

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changed);
  fd_record_list_reload (list);
  g_assert_cmpuint (changed.n_emissions, ==, 1);
  names = dup_last_names (G_LIST_MODEL (list));
  g_assert_cmpstr (names, ==, "Martin");

  fd_record_list_set_search (list, "roy");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* Unknown ids */
  trainer = fd_database_get_trainer (fixture->db, "no-such-id", &error);
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (trainer);
  g_clear_error (&error);
  client = fd_database_get_client (fixture->db, "no-such-id", &error);
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (client);
  g_clear_error (&error);
  session = fd_database_get_session (fixture->db, "no-such-id", &error);
  g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (session);
  g_clear_error (&error);
}

/* Every kind has its row, found by its names, and its lists hold the type
 * the row says. */
static void
test_record_kind_table (CoreFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (FdRecordKind kind = 0; kind < FD_N_RECORD_KINDS; kind++)
    {
      const FdRecordKindInfo *info = fd_record_kind_get_info (kind);
      g_autoptr(FdRecordList) list = NULL;
      g_autoptr(FdChange) change = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (info);
      g_assert_cmpint (info->kind, ==, kind);
      g_assert_nonnull (info->name);
      g_assert_true (g_hash_table_add (names, (gpointer) info->name));
      g_assert_true (fd_record_kind_find (info->name) == info);
      if (info->alias != NULL)
        {
          g_assert_true (g_hash_table_add (names, (gpointer) info->alias));
          g_assert_true (fd_record_kind_find (info->alias) == info);
        }
      g_assert_cmpstr (fd_record_kind_info_get_label (info), !=, "");

      list = fd_record_list_new (fixture->db, kind);
      g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == info->get_item_type ());
      g_assert_true (g_type_is_a (info->get_item_type (), FD_TYPE_RECORD));

      /* The entity is one the write path knows. */
      change = fd_change_new_delete (info->entity, "no-such-id", 1);
      g_assert_false (fd_database_apply (fixture->db, change, &error));
      g_assert_error (error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_FOUND);
    }

  g_assert_cmpint (fd_record_kind_find ("candidates")->kind, ==, FD_RECORD_KIND_TRAINEE);
  g_assert_cmpint (fd_record_kind_find ("trainees")->kind, ==, FD_RECORD_KIND_TRAINEE);
  g_assert_cmpstr (fd_record_kind_info_get_label (fd_record_kind_get_info (FD_RECORD_KIND_TRAINEE)),
                   ==, "candidates");
}

static void
test_record_kind_unknown (CoreFixture   *fixture,
                          gconstpointer  data)
{
  g_assert_null (fd_record_kind_find (""));
  g_assert_null (fd_record_kind_find ("trainee"));
  g_assert_null (fd_record_kind_find ("Sessions"));
  g_assert_null (fd_record_kind_find ("places"));
}

/* Text another program stored as bytes that are not UTF-8, or with a NUL
 * inside, reaches the models as valid UTF-8, whole */
static void
test_invalid_text (CoreFixture   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdRecordList) list = NULL;
  g_autoptr(FdTrainer) trainer = NULL;
  g_autoptr(FdTrainer) item = NULL;
  g_autofree char *id = create_trainer (fixture->db, "Ada", "Lovelace");
  sqlite3_stmt *stmt;

  stmt = _fd_database_prepare (fixture->db,
                               "UPDATE trainer SET first_name = ?1, last_name = ?2 WHERE id = ?3",
                               &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, "Ad\xff" "a", 4, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, "Love\0lace\xe2\x82", 11, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);

  trainer = fd_database_get_trainer (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_trainer_get_first_name (trainer), ==, "Ad\uFFFDa");
  g_assert_cmpstr (fd_trainer_get_last_name (trainer), ==, "Love\uFFFDlace\uFFFD\uFFFD");

  list = fd_record_list_new (fixture->db, FD_RECORD_KIND_TRAINER);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (fd_trainer_get_first_name (item), ==, "Ad\uFFFDa");
  g_assert_null (fd_record_list_get_error (list));
}

/* A list whose table is gone is empty, and says why */
static void
test_record_list_error (CoreFixture   *fixture,
                        gconstpointer  data)
{
  g_autoptr(FdRecordList) trainers = NULL;
  g_autoptr(FdRecordList) trainees = NULL;
  g_autoptr(FdTrainee) item = NULL;
  g_autofree char *id = create_trainer (fixture->db, "Ada", "Lovelace");
  g_autofree char *trainee = create_trainee (fixture->db, "Anne", "Martin");
  const GError *error;

  trainers = fd_record_list_new (fixture->db, FD_RECORD_KIND_TRAINER);
  trainees = fd_record_list_new (fixture->db, FD_RECORD_KIND_TRAINEE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trainers)), ==, 1);
  g_assert_null (fd_record_list_get_error (trainers));

  g_assert_cmpint (sqlite3_exec (_fd_database_get_handle (fixture->db),
                                 "DROP TABLE trainer; DROP TABLE client", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  fd_record_list_reload (trainers);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trainers)), ==, 0);
  error = fd_record_list_get_error (trainers);
  g_assert_error ((GError *) error, FD_DATABASE_ERROR, FD_DATABASE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "no table “trainer”"));

  /* The trainees' ids are there, their rows (joined to clients) are not */
  fd_record_list_reload (trainees);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trainees)), ==, 1);
  g_assert_null (fd_record_list_get_error (trainees));
  item = g_list_model_get_item (G_LIST_MODEL (trainees), 0);
  g_assert_null (item);
  error = fd_record_list_get_error (trainees);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "no table “client”"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, CoreFixture, NULL, core_fixture_set_up, func, core_fixture_tear_down)

  ADD ("/models/record-list/french-order", test_record_list_french_order);
  ADD ("/models/record-list/pages", test_record_list_pages);
  ADD ("/models/record-list/search-ignores-accents", test_record_list_search_accents);
  ADD ("/models/record-list/search-escapes-like", test_record_list_search_escapes);
  ADD ("/models/record-list/items-changed-once", test_record_list_items_changed);
  ADD ("/models/record-list/updates-in-place", test_record_list_updates_in_place);
  ADD ("/models/record-list/follows-dependencies", test_record_list_follows_dependencies);
  ADD ("/models/record-list/search-follows-edits", test_record_list_search_follows_edits);
  ADD ("/models/record-list/search-ranks-word-starts", test_record_list_search_ranks_word_starts);
  ADD ("/models/record-list/search-narrows", test_record_list_search_narrows);
  ADD ("/models/record-list/session-filters", test_record_list_session_filters);
  ADD ("/models/record-list/search-sees-changes", test_record_list_search_sees_changes);
  ADD ("/models/record-list/shared-keys", test_record_list_shared_keys);
  ADD ("/models/record-list/out-of-range", test_record_list_out_of_range);
  ADD ("/models/record-list/sessions-recent-first", test_record_list_sessions_recent_first);
  ADD ("/models/record-list/slot-moves-session", test_record_list_slot_moves_session);
  ADD ("/models/queries/session-computed", test_queries_session_computed);
  ADD ("/models/queries/slots-and-enrollments", test_queries_slots);
  ADD ("/models/queries/slot-deleted-names", test_queries_slot_deleted_names);
  ADD ("/models/queries/tombstone", test_queries_tombstone);
  ADD ("/models/queries/places", test_queries_places);
  ADD ("/models/record-kind/table", test_record_kind_table);
  ADD ("/models/record-kind/unknown", test_record_kind_unknown);
  ADD ("/models/read/invalid-text", test_invalid_text);
  ADD ("/models/record-list/error", test_record_list_error);

#undef ADD

  return g_test_run ();
}
