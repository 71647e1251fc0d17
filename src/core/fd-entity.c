/* fd-entity.c — validation, normalisation and rules of the write path
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-entity"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "fd-database-private.h"
#include "fd-entity-private.h"
#include "fd-text.h"
#include "fd-validate.h"

/* Columns the write path owns: a change may not set them */
static const char * const managed_columns[] = {
  "id", "version", "revision", "deleted", "updated_at", "search_key", "sort_key", NULL
};

/* Tables that are not entities (local bookkeeping) */
static const char * const local_tables[] = {
  "blob", "change_log", "field_version", "local_credential", "outbox", "sync_state", NULL
};

typedef struct
{
  const char *column;
  const char *label;
} ColumnLabel;

/* Names of fields in error messages; other columns are shown as they are */
static const ColumnLabel column_labels[] = {
  { "address", N_("Address") },
  { "amount_cents", N_("Amount") },
  { "birth_date", N_("Date of birth") },
  { "birth_postal_code", N_("Postal code of birth") },
  { "category", N_("Category") },
  { "city", N_("City") },
  { "code", N_("Code") },
  { "email", N_("Email") },
  { "end_at", N_("End") },
  { "exam_date", N_("Exam date") },
  { "first_name", N_("First name") },
  { "half_day", N_("Half-day") },
  { "issued_on", N_("Issue date") },
  { "kind", N_("Type") },
  { "label", N_("Label") },
  { "last_name", N_("Last name") },
  { "name", N_("Name") },
  { "nda", N_("Activity declaration number") },
  { "number", N_("Number") },
  { "opened_on", N_("Opening date") },
  { "ordered_on", N_("Order date") },
  { "phone", N_("Phone") },
  { "postal_code", N_("Postal code") },
  { "role", N_("Role") },
  { "sequence_id", N_("Sequence") },
  { "session_id", N_("Session") },
  { "signed_at", N_("Signature time") },
  { "siret", N_("SIRET number") },
  { "slot_id", N_("Slot") },
  { "spent_on", N_("Expense date") },
  { "start_at", N_("Start") },
  { "subject", N_("Subject") },
  { "title", N_("Title") },
  { "trainee_id", N_("Trainee") },
  { "trainer_id", N_("Trainer") },
  { "training_id", N_("Training") },
  { "year", N_("Year") },
};

typedef struct
{
  const char *entity;
  const char *search_columns; /* space-separated, folded together */
  const char *sort_columns;
  gboolean sort_inverted;     /* digits inverted: most recent code first */
} KeySpec;

static const KeySpec key_specs[] = {
  { "client", "name first_name last_name email city siret", "name", FALSE },
  { "session", "code label", "code", TRUE },
  { "trainee", "first_name last_name birth_name email city", "last_name first_name", FALSE },
  { "trainer", "first_name last_name email city company skills", "last_name first_name", FALSE },
  { "training", "code title", "title", FALSE },
};

const char *
_fd_entity_column_label (const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_labels); i++)
    if (g_str_equal (column_labels[i].column, column))
      return _(column_labels[i].label);

  return column;
}

static const KeySpec *
lookup_key_spec (const char *entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_specs); i++)
    if (g_str_equal (key_specs[i].entity, entity))
      return &key_specs[i];

  return NULL;
}

void
_fd_entity_free (FdEntity *entity)
{
  if (entity == NULL)
    return;
  g_ptr_array_unref (entity->columns);
  g_free (entity->name);
  g_free (entity);
}

static void
column_free (FdColumn *column)
{
  g_free (column->name);
  g_free (column);
}

FdEntity *
_fd_entity_load (sqlite3     *db,
                 const char  *name,
                 GError     **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  sqlite3_stmt *stmt = NULL;
  gboolean synced = FALSE;
  gboolean has_keys = FALSE;
  FdEntity *entity;

  if (!g_strv_contains (local_tables, name) &&
      sqlite3_prepare_v2 (db, "SELECT name, \"notnull\", dflt_value IS NOT NULL"
                              " FROM pragma_table_info(?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *column = (const char *) sqlite3_column_text (stmt, 0);
          FdColumn *info;

          if (g_str_equal (column, "deleted"))
            synced = TRUE;
          if (g_str_equal (column, "search_key"))
            has_keys = TRUE;
          if (g_strv_contains (managed_columns, column))
            continue;

          info = g_new0 (FdColumn, 1);
          info->name = g_strdup (column);
          info->required = sqlite3_column_int (stmt, 1) && !sqlite3_column_int (stmt, 2);
          g_ptr_array_add (columns, info);
        }
    }
  sqlite3_finalize (stmt);

  if (!synced)
    {
      g_set_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_UNKNOWN_ENTITY,
                   _("“%s” is not a kind of record Formadesk knows."), name);
      return NULL;
    }

  entity = g_new0 (FdEntity, 1);
  entity->name = g_strdup (name);
  entity->columns = g_steal_pointer (&columns);
  entity->has_keys = has_keys && lookup_key_spec (name) != NULL;

  return entity;
}

const FdColumn *
_fd_entity_column (const FdEntity *entity,
                   const char     *name)
{
  for (guint i = 0; i < entity->columns->len; i++)
    {
      const FdColumn *column = g_ptr_array_index (entity->columns, i);

      if (g_str_equal (column->name, name))
        return column;
    }

  return NULL;
}

static const char *
field_text (const FdChange *change,
            const char     *name)
{
  const FdChangeField *field = _fd_change_lookup (change, name);

  return field != NULL && field->type == FD_FIELD_TEXT ? field->v.text : NULL;
}

static gboolean
is_blank (const FdChangeField *field)
{
  if (field->type == FD_FIELD_NULL)
    return TRUE;
  if (field->type != FD_FIELD_TEXT || !g_utf8_validate (field->v.text, -1, NULL))
    return FALSE;

  for (const char *p = field->v.text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
is_date_column (const char *name)
{
  return g_str_has_suffix (name, "_on") || g_str_has_suffix (name, "_date");
}

static gboolean
is_date_time_column (const char *name)
{
  return g_str_equal (name, "start_at") || g_str_equal (name, "end_at");
}

/* A postal code abroad is whatever the country uses */
static gboolean
is_french (const FdChange *change,
           const char     *country_column)
{
  const char *country = field_text (change, country_column);
  g_autofree char *folded = NULL;

  if (country == NULL || *country == '\0')
    return TRUE;

  folded = fd_text_fold (country);
  return g_str_equal (folded, "france") || g_str_equal (folded, "fr");
}

static gboolean
has_siret_override (FdDatabase     *database,
                    const FdEntity *entity,
                    const FdChange *change)
{
  const FdChangeField *reason = _fd_change_lookup (change, "siret_override_reason");
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  if (_fd_entity_column (entity, "siret_override_reason") == NULL)
    return FALSE;

  if (reason != NULL)
    return !is_blank (reason);

  if (fd_change_get_kind (change) != FD_CHANGE_UPDATE)
    return FALSE;

  sql = g_strdup_printf ("SELECT coalesce(siret_override_reason, '') <> '' FROM \"%s\" WHERE id = ?1",
                         entity->name);
  stmt = _fd_database_prepare (database, sql, NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fd_change_get_id (change), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    found = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);

  return found;
}

/* Normalises one text field in place; FALSE with @error if it is invalid */
static gboolean
check_text_field (FdDatabase     *database,
                  const FdEntity *entity,
                  FdChange       *change,
                  const char     *name,
                  const char     *value,
                  GError        **error)
{
  if (g_str_equal (name, "email") || g_str_has_suffix (name, "_email"))
    {
      char *email = fd_normalize_email (value);

      if (email == NULL)
        {
          g_set_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID,
                       _("“%s” is not a valid email address."), value);
          return FALSE;
        }
      _fd_change_replace_text (change, name, email);
    }
  else if (g_str_equal (name, "phone"))
    {
      char *phone = fd_normalize_phone (value);

      if (phone == NULL)
        {
          g_set_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID,
                       _("“%s” is not a valid phone number."), value);
          return FALSE;
        }
      _fd_change_replace_text (change, name, phone);
    }
  else if (g_str_equal (name, "siret"))
    {
      char *siret = fd_normalize_digits (value);

      if (!fd_validate_siret (siret) && !has_siret_override (database, entity, change))
        {
          g_free (siret);
          g_set_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID,
                       _("“%s” is not a valid SIRET number: it has 14 digits and a check key. "
                         "If you know it is right, give the reason to accept it."), value);
          return FALSE;
        }
      _fd_change_replace_text (change, name, siret);
    }
  else if (g_str_equal (name, "nda"))
    {
      char *nda = fd_normalize_digits (value);

      if (!fd_validate_nda (nda))
        {
          g_free (nda);
          g_set_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID,
                       _("“%s” is not a valid activity declaration number: it has 11 digits."),
                       value);
          return FALSE;
        }
      _fd_change_replace_text (change, name, nda);
    }
  else if (g_str_equal (name, "postal_code") || g_str_equal (name, "birth_postal_code"))
    {
      const char *country = g_str_equal (name, "postal_code") ? "country" : "birth_country";
      char *code;

      if (!is_french (change, country))
        return TRUE;

      code = fd_normalize_digits (value);
      if (!fd_validate_postal_code (code))
        {
          g_free (code);
          g_set_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID,
                       _("“%s” is not a valid French postal code."), value);
          return FALSE;
        }
      _fd_change_replace_text (change, name, code);
    }
  else if (is_date_column (name) && !fd_validate_date (value))
    {
      /* Translators: %1$s is a field name, %2$s what was typed */
      g_set_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID,
                   _("%1$s: “%2$s” is not a valid date."), _fd_entity_column_label (name), value);
      return FALSE;
    }
  else if (is_date_time_column (name) && !fd_validate_date_time (value))
    {
      g_set_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID,
                   _("%1$s: “%2$s” is not a valid date and time."), _fd_entity_column_label (name), value);
      return FALSE;
    }

  return TRUE;
}

static gboolean
generate_session_code (FdDatabase  *database,
                       FdChange    *change,
                       GError     **error)
{
  const FdChangeField *year = _fd_change_lookup (change, "year");
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  sqlite3_stmt *stmt;
  gint64 next = 1;

  if (year == NULL || year->type != FD_FIELD_INT || year->v.integer < 1900 || year->v.integer > 2200)
    {
      g_set_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_REQUIRED,
                   _("The session’s year is required to number it."));
      return FALSE;
    }

  /* Codes are "<year>-<number>", numbered per year */
  low = g_strdup_printf ("%" G_GINT64_FORMAT "-", year->v.integer);
  high = g_strdup_printf ("%" G_GINT64_FORMAT "-:", year->v.integer);
  stmt = _fd_database_prepare (database,
                               /* Without the hint the planner prefers session_sort
                                * (deleted, …) and reads every session */
                               "SELECT max(CAST(substr(code, 6) AS INTEGER))"
                               " FROM session INDEXED BY session_code"
                               " WHERE deleted = 0 AND code > ?1 AND code < ?2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, low, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, high, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next = sqlite3_column_int64 (stmt, 0) + 1;
  sqlite3_reset (stmt);

  _fd_change_replace_text (change, "code",
                           g_strdup_printf ("%" G_GINT64_FORMAT "-%04" G_GINT64_FORMAT,
                                            year->v.integer, next));

  return TRUE;
}

static gboolean
exists (FdDatabase *database,
        const char *sql,
        const char *id)
{
  sqlite3_stmt *stmt = _fd_database_prepare (database, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

/* Rules that forbid a change whatever its fields */
static gboolean
check_rules (FdDatabase      *database,
             const FdEntity  *entity,
             const FdChange  *change,
             GError         **error)
{
  FdChangeKind kind = fd_change_get_kind (change);
  const char *start;
  const char *end;

  if (g_str_equal (entity->name, "attendance") && kind != FD_CHANGE_CREATE)
    {
      g_set_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_LOCKED,
                   _("A signature cannot be changed or removed; record a correction instead."));
      return FALSE;
    }

  if (g_str_equal (entity->name, "session") && kind == FD_CHANGE_DELETE &&
      (exists (database,
               "SELECT 1 FROM enrollment WHERE session_id = ?1 AND deleted = 0", fd_change_get_id (change)) ||
       exists (database,
               "SELECT 1 FROM attendance a JOIN slot s ON s.id = a.slot_id WHERE s.session_id = ?1",
               fd_change_get_id (change))))
    {
      g_set_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_LOCKED,
                   _("This session has trainees or signatures: cancel it instead of deleting it."));
      return FALSE;
    }

  start = field_text (change, "start_at");
  end = field_text (change, "end_at");
  if (start != NULL && end != NULL && strcmp (end, start) <= 0)
    {
      g_set_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID,
                   _("The end must come after the start."));
      return FALSE;
    }

  return TRUE;
}

gboolean
_fd_entity_validate (FdDatabase      *database,
                     const FdEntity  *entity,
                     FdChange        *change,
                     GError         **error)
{
  FdChangeKind kind = fd_change_get_kind (change);

  if (!check_rules (database, entity, change, error))
    return FALSE;

  if (kind == FD_CHANGE_DELETE || kind == FD_CHANGE_RESTORE)
    return TRUE;

  if (kind == FD_CHANGE_CREATE && g_str_equal (entity->name, "session") &&
      (!fd_change_has_field (change, "code") || is_blank (_fd_change_lookup (change, "code"))) &&
      !generate_session_code (database, change, error))
    return FALSE;

  for (guint i = 0; i < fd_change_get_n_fields (change); i++)
    {
      const FdChangeField *field = _fd_change_get_field (change, i);
      const FdColumn *column = _fd_entity_column (entity, field->name);
      g_autofree char *value = NULL;

      if (column == NULL)
        {
          g_set_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_UNKNOWN_FIELD,
                       _("“%1$s” is not a field of %2$s."), field->name, entity->name);
          return FALSE;
        }

      if (field->type == FD_FIELD_TEXT && !g_utf8_validate (field->v.text, -1, NULL))
        {
          g_set_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_INVALID,
                       _("%s contains invalid characters."), _fd_entity_column_label (column->name));
          return FALSE;
        }

      if (is_blank (field))
        {
          if (column->required)
            {
              g_set_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_REQUIRED,
                           _("%s is required."), _fd_entity_column_label (column->name));
              return FALSE;
            }
          /* An optional field left blank is stored as NULL */
          if (field->type != FD_FIELD_NULL)
            _fd_change_replace_text (change, field->name, NULL);
          continue;
        }

      if (field->type != FD_FIELD_TEXT)
        continue;

      /* The field may be replaced while checked: keep our own copy */
      value = g_strdup (field->v.text);
      if (!check_text_field (database, entity, change, column->name, value, error))
        return FALSE;
    }

  if (kind == FD_CHANGE_CREATE)
    {
      for (guint i = 0; i < entity->columns->len; i++)
        {
          const FdColumn *column = g_ptr_array_index (entity->columns, i);

          if (column->required && !fd_change_has_field (change, column->name))
            {
              g_set_error (error, FD_VALIDATION_ERROR, FD_VALIDATION_ERROR_REQUIRED,
                           _("%s is required."), _fd_entity_column_label (column->name));
              return FALSE;
            }
        }
    }

  return TRUE;
}

static char *
invert_digits (const char *text)
{
  char *out = g_strdup (text);

  for (char *p = out; *p; p++)
    if (g_ascii_isdigit (*p))
      *p = (char) ('9' - (*p - '0'));

  return out;
}

static char *
fold_columns (sqlite3_stmt *stmt,
              int           first,
              int           count)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (int i = first; i < first + count; i++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, i);

      if (text == NULL)
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, text);
    }

  return fd_text_fold (joined->str);
}

static void
finish_sort_key (const KeySpec  *spec,
                 char          **sort_key)
{
  if (spec->sort_inverted)
    {
      char *inverted = invert_digits (*sort_key);

      g_free (*sort_key);
      *sort_key = inverted;
    }
}

static char *
fold_fields (const FdChange *change,
             const char     *columns)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  g_auto(GStrv) names = g_strsplit (columns, " ", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *text = field_text (change, names[i]);

      if (text == NULL)
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, text);
    }

  return fd_text_fold (joined->str);
}

/* For a new row the keys come from the change itself: the columns it does
 * not set are NULL, so no second query is needed. */
void
_fd_entity_compute_keys (const FdEntity  *entity,
                         const FdChange  *change,
                         char           **search_key,
                         char           **sort_key)
{
  const KeySpec *spec = lookup_key_spec (entity->name);

  g_assert (spec != NULL);
  g_assert (fd_change_get_kind (change) == FD_CHANGE_CREATE);

  *search_key = fold_fields (change, spec->search_columns);
  *sort_key = fold_fields (change, spec->sort_columns);
  finish_sort_key (spec, sort_key);
}

gboolean
_fd_entity_update_keys (FdDatabase      *database,
                        const FdEntity  *entity,
                        const char      *id,
                        GError         **error)
{
  const KeySpec *spec = lookup_key_spec (entity->name);
  g_auto(GStrv) search = g_strsplit (spec->search_columns, " ", -1);
  g_auto(GStrv) sort = g_strsplit (spec->sort_columns, " ", -1);
  g_autoptr(GString) select = g_string_new ("SELECT ");
  g_autofree char *update = NULL;
  g_autofree char *search_key = NULL;
  g_autofree char *sort_key = NULL;
  int n_search = (int) g_strv_length (search);
  int n_sort = (int) g_strv_length (sort);
  sqlite3_stmt *stmt;

  for (int i = 0; i < n_search; i++)
    g_string_append_printf (select, "%s\"%s\"", i > 0 ? ", " : "", search[i]);
  for (int i = 0; i < n_sort; i++)
    g_string_append_printf (select, ", \"%s\"", sort[i]);
  g_string_append_printf (select, " FROM \"%s\" WHERE id = ?1", entity->name);

  stmt = _fd_database_prepare (database, select->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  search_key = fold_columns (stmt, 0, n_search);
  sort_key = fold_columns (stmt, n_search, n_sort);
  sqlite3_reset (stmt);

  finish_sort_key (spec, &sort_key);

  update = g_strdup_printf ("UPDATE \"%s\" SET search_key = ?2, sort_key = ?3 WHERE id = ?1",
                            entity->name);
  stmt = _fd_database_prepare (database, update, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, search_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sort_key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _fd_database_set_error (database, error, update);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  return TRUE;
}
