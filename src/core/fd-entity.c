/* fd-entity.c — validation, normalisation and rules of the write path
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-entity"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fd-database-private.h"
#include "fd-entity-private.h"
#include "fd-text.h"
#include "fd-validate.h"

/* Columns the write path owns: a change may not set them */
static const char * const managed_columns[] = {
  "id", "version", "revision", "deleted", "updated_at", "search_key", "sort_key",
  "starts_on", "ends_on", NULL
};

/* Tables that are not entities (local bookkeeping) */
static const char * const local_tables[] = {
  "blob", "change_log", "field_version", "local_credential", "outbox", "sync_conflict",
  "sync_state", NULL
};

typedef struct
{
  const char *name;
  const char *label;
} Label;

/* Names of fields in error messages; other columns are shown as they are */
static const Label column_labels[] = {
  { "address", N_("Address") },
  { "amount_cents", N_("Amount") },
  { "assignment_id", N_("Certification assignment") },
  { "anchor", N_("Reference date") },
  { "bcc", N_("Bcc") },
  { "birth_date", N_("Date of birth") },
  { "birth_postal_code", N_("Postal code of birth") },
  { "blob_sha256", N_("File") },
  { "break_minutes", N_("Break") },
  { "capacity", N_("Capacity") },
  { "capacity_max", N_("Maximum capacity") },
  { "capacity_min", N_("Minimum capacity") },
  { "capacity_target", N_("Target capacity") },
  { "category", N_("Category") },
  { "cc", N_("Cc") },
  { "certification_id", N_("Certification") },
  { "city", N_("City") },
  { "client_id", N_("Client") },
  { "code", N_("Code") },
  { "commission_bp", N_("Commission") },
  { "dispositif", N_("Scheme") },
  { "distribution", N_("Distribution") },
  { "duration_days", N_("Duration in days") },
  { "duration_minutes", N_("Duration") },
  { "email", N_("Email") },
  { "end_at", N_("End") },
  { "enrollment_id", N_("Enrollment") },
  { "evaluation_id", N_("Evaluation") },
  { "exam_date", N_("Exam date") },
  { "external_reference", N_("Reference") },
  { "file_name", N_("File name") },
  { "first_name", N_("First name") },
  { "group_id", N_("Group") },
  { "half_day", N_("Half-day") },
  { "issued_on", N_("Issue date") },
  { "kind", N_("Type") },
  { "label", N_("Label") },
  { "last_name", N_("Last name") },
  { "modality", N_("Teaching modality") },
  { "module_id", N_("Module") },
  { "name", N_("Name") },
  { "nda", N_("Activity declaration number") },
  { "number", N_("Number") },
  { "offset_minutes", N_("Delay") },
  { "opened_on", N_("Opening date") },
  { "order_id", N_("Certification order") },
  { "ordered_on", N_("Order date") },
  { "organisation_id", N_("Training organisation") },
  { "owner_id", N_("Record") },
  { "phone", N_("Phone") },
  { "place_id", N_("Place") },
  { "planned_end_on", N_("Planned end") },
  { "planned_start_on", N_("Planned start") },
  { "population_id", N_("Population") },
  { "position", N_("Position") },
  { "postal_code", N_("Postal code") },
  { "price_cents", N_("Price") },
  { "provider", N_("Provider") },
  { "published", N_("Publication") },
  { "quantity", N_("Quantity") },
  { "reason", N_("Reason") },
  { "recipients", N_("Recipients") },
  { "reviewed_by", N_("Reviewed by") },
  { "role", N_("Role") },
  { "room_id", N_("Room") },
  { "sequence_id", N_("Sequence") },
  { "session_id", N_("Session") },
  { "signed_at", N_("Signature time") },
  { "siret", N_("SIRET number") },
  { "slot_id", N_("Slot") },
  { "spent_on", N_("Expense date") },
  { "start_at", N_("Start") },
  { "status", N_("Status") },
  { "subject", N_("Subject") },
  { "subject_id", N_("Subject") },
  { "supersedes_id", N_("Superseded signature") },
  { "template_id", N_("Template") },
  { "time_zone", N_("Time zone") },
  { "title", N_("Title") },
  { "trainee_id", N_("Trainee") },
  { "trainer_id", N_("Trainer") },
  { "training_id", N_("Training") },
  { "type", N_("Type") },
  { "url", N_("URL") },
  { "vat_rate_bp", N_("VAT rate") },
  { "year", N_("Year") },
};

/* Names of a table's rows in messages about one of them ("Slot 0190…");
 * other tables are shown as they are */
static const Label table_labels[] = {
  { "activation_code", N_("Activation code") },
  { "attachment", N_("Attachment") },
  { "attendance", N_("Attendance record") },
  { "calendar_invitation", N_("Calendar invitation") },
  { "cert_assignment", N_("Certification assignment") },
  { "cert_order", N_("Certification order") },
  { "cert_order_line", N_("Certification order line") },
  { "certification", N_("Certification") },
  { "client", N_("Client") },
  { "conflict_ack", N_("Accepted conflict") },
  { "cost", N_("Cost") },
  { "document", N_("Document") },
  { "email_message", N_("Email") },
  { "email_template", N_("Email template") },
  { "enrollment", N_("Enrollment") },
  { "evaluation", N_("Evaluation") },
  { "expense", N_("Expense") },
  { "group_member", N_("Group member") },
  { "module", N_("Module") },
  { "module_validation", N_("Module validation") },
  { "organisation", N_("Training organisation") },
  { "place", N_("Place") },
  { "population", N_("Population") },
  { "population_member", N_("Population member") },
  { "quality_ticket", N_("Quality ticket") },
  { "room", N_("Room") },
  { "sequence", N_("Sequence") },
  { "session", N_("Session") },
  { "session_email", N_("Session email") },
  { "session_population", N_("Session population") },
  { "slot", N_("Slot") },
  { "slot_staff", N_("Slot staffing") },
  { "trainee", N_("Trainee") },
  { "trainee_group", N_("Group") },
  { "trainer", N_("Trainer") },
  { "trainer_invoice", N_("Trainer invoice") },
  { "training", N_("Training") },
  { "unavailability", N_("Unavailability") },
  { "user_account", N_("User account") },
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

static const char *
lookup_label (const Label *labels,
              gsize        n_labels,
              const char  *name)
{
  for (gsize i = 0; i < n_labels; i++)
    if (g_str_equal (labels[i].name, name))
      return _(labels[i].label);

  return name;
}

const char *
_fd_entity_column_label (const char *column)
{
  g_return_val_if_fail (column != NULL, NULL);

  return lookup_label (column_labels, G_N_ELEMENTS (column_labels), column);
}

const char *
_fd_entity_table_label (const char *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return lookup_label (table_labels, G_N_ELEMENTS (table_labels), table);
}

static const KeySpec *
lookup_key_spec (const char *entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_specs); i++)
    if (g_str_equal (key_specs[i].entity, entity))
      return &key_specs[i];

  return NULL;
}

/* Whether a row of @entity sorts or is searched by @column: changing it
 * may move the row in its list */
gboolean
_fd_entity_is_key_column (const char *entity,
                          const char *column)
{
  const KeySpec *spec = lookup_key_spec (entity);

  return spec != NULL &&
         (fd_text_has_word (spec->search_columns, column) ||
          fd_text_has_word (spec->sort_columns, column));
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
  g_strfreev (column->allowed);
  g_free (column->references);
  g_free (column->name);
  g_free (column);
}

/* The values of `CHECK (column IN ('a', 'b'…)` in the table's SQL: the
 * schema stays the only list of what an enum column allows. */
static GStrv
parse_allowed (const char *table_sql,
               const char *column)
{
  g_autofree char *needle = g_strdup_printf ("CHECK (%s IN (", column);
  g_autoptr(GStrvBuilder) values = NULL;
  const char *p;

  if (table_sql == NULL || (p = strstr (table_sql, needle)) == NULL)
    return NULL;

  values = g_strv_builder_new ();
  p += strlen (needle);
  while (*p != '\0' && *p != ')')
    {
      const char *end;

      if (*p != '\'')
        {
          p++;
          continue;
        }
      end = strchr (p + 1, '\'');
      if (end == NULL)
        break;
      {
        g_autofree char *value = g_strndup (p + 1, (gsize) (end - p - 1));

        g_strv_builder_add (values, value);
      }
      p = end + 1;
    }

  return g_strv_builder_end (values);
}

static char *
read_table_sql (sqlite3    *db,
                const char *name)
{
  sqlite3_stmt *stmt = NULL;
  char *sql = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return sql;
}

static void
load_references (sqlite3    *db,
                 const char *name,
                 GPtrArray  *columns)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *from = (const char *) sqlite3_column_text (stmt, 0);

      for (guint i = 0; i < columns->len; i++)
        {
          FdColumn *column = g_ptr_array_index (columns, i);

          if (g_str_equal (column->name, from))
            column->references = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
        }
    }
  sqlite3_finalize (stmt);
}

FdEntity *
_fd_entity_load (sqlite3     *db,
                 const char  *name,
                 GError     **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  g_autofree char *table_sql = read_table_sql (db, name);
  sqlite3_stmt *stmt = NULL;
  gboolean synced = FALSE;
  gboolean has_keys = FALSE;
  FdEntity *entity;

  if (!g_strv_contains (local_tables, name) &&
      sqlite3_prepare_v2 (db, "SELECT name, \"notnull\", dflt_value IS NOT NULL, upper(type)"
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
          if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "INTEGER") == 0)
            info->type = FD_COLUMN_INTEGER;
          else if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "REAL") == 0)
            info->type = FD_COLUMN_REAL;
          else
            info->type = FD_COLUMN_TEXT;
          info->allowed = parse_allowed (table_sql, column);
          g_ptr_array_add (columns, info);
        }
    }
  sqlite3_finalize (stmt);
  load_references (db, name, columns);

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
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, name,
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
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, name,
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
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, name,
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
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, name,
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
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, name,
                              _("“%s” is not a valid French postal code."), value);
          return FALSE;
        }
      _fd_change_replace_text (change, name, code);
    }
  else if (is_date_column (name) && !fd_validate_date (value))
    {
      /* Translators: %1$s is a field name, %2$s what was typed */
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, name,
                          _("%1$s: “%2$s” is not a valid date."), _fd_entity_column_label (name), value);
      return FALSE;
    }
  else if (is_date_time_column (name) && !fd_validate_date_time (value))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, name,
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
      fd_set_field_error (error, FD_VALIDATION_ERROR_REQUIRED, "year",
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

  return TRUE;
}

typedef struct
{
  const char *entity; /* NULL: any entity */
  const char *column;
  gint64 min;
  gint64 max;
} Range;

/* Ranges of integer columns, checked before SQLite sees them */
static const Range ranges[] = {
  { "session", "year", 1900, 2200 },
  { NULL, "capacity_min", 0, 100000 },
  { NULL, "capacity_target", 0, 100000 },
  { NULL, "capacity_max", 0, 100000 },
  { "room", "capacity", 0, 100000 },
  { NULL, "break_minutes", 0, 24 * 60 },
  { NULL, "duration_minutes", 0, G_MAXINT32 },
  { NULL, "quantity", 1, 1000000 },
  { NULL, "position", 0, G_MAXINT32 },
  { NULL, "commission_bp", 0, 10000 },
  { NULL, "vat_rate_bp", 0, 10000 },
  { "session_email", "offset_minutes", -366 * 24 * 60, 366 * 24 * 60 },
  { "email_template", "offset_days", -366, 366 },
};

/* Integer columns that hold yes / no */
static const char * const boolean_columns[] = {
  "accessible", "active", "calendar_invitations", "eligible_funding", "employee", "enabled",
  "native_french", "prework", "proctored", "published", "system", NULL
};

static gboolean
check_range (const FdEntity  *entity,
             const char      *column,
             gint64           value,
             GError         **error)
{
  gint64 min = G_MININT64;
  gint64 max = G_MAXINT64;

  if (g_strv_contains (boolean_columns, column))
    {
      min = 0;
      max = 1;
    }
  else if (g_str_has_suffix (column, "_cents"))
    min = 0;

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    if ((ranges[i].entity == NULL || g_str_equal (ranges[i].entity, entity->name)) &&
        g_str_equal (ranges[i].column, column))
      {
        min = ranges[i].min;
        max = ranges[i].max;
      }

  if (value < min)
    {
      if (min == 0)
        fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, column,
                            _("%s cannot be negative."), _fd_entity_column_label (column));
      else
        {
          g_autofree char *limit = g_strdup_printf ("%" G_GINT64_FORMAT, min);

          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, column,
                              /* Translators: %1$s is a field, %2$s a number */
                              _("%1$s must be at least %2$s."), _fd_entity_column_label (column),
                              limit);
        }
      return FALSE;
    }

  if (value > max)
    {
      g_autofree char *limit = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, column,
                          /* Translators: %1$s is a field, %2$s a number */
                          _("%1$s must be at most %2$s."), _fd_entity_column_label (column), limit);
      return FALSE;
    }

  return TRUE;
}

/* The field's type against its column's: no text in a number */
static gboolean
check_type (const FdColumn       *column,
            const FdChangeField  *field,
            GError              **error)
{
  const char *label = _fd_entity_column_label (column->name);

  switch (column->type)
    {
    case FD_COLUMN_INTEGER:
      if (field->type == FD_FIELD_INT ||
          (field->type == FD_FIELD_REAL && field->v.real == (double) (gint64) field->v.real))
        return TRUE;
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, column->name,
                          _("%s must be a whole number."), label);
      return FALSE;

    case FD_COLUMN_REAL:
      if (field->type == FD_FIELD_INT || (field->type == FD_FIELD_REAL && isfinite (field->v.real)))
        return TRUE;
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, column->name,
                          _("%s must be a number."), label);
      return FALSE;

    case FD_COLUMN_TEXT:
    default:
      if (field->type == FD_FIELD_TEXT)
        return TRUE;
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, column->name,
                          _("%s must be text."), label);
      return FALSE;
    }
}

/* A reference names a live row of its table */
static gboolean
check_reference (FdDatabase      *database,
                 const FdColumn  *column,
                 const char      *id,
                 GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE id = ?1 AND deleted = 0",
                                          column->references);

  if (exists (database, sql, id))
    return TRUE;

  /* Translators: %s is a field, such as “Room” or “Trainer” */
  fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, column->name,
                      _("%s: the chosen record does not exist or was deleted."),
                      _fd_entity_column_label (column->name));
  return FALSE;
}

/* The value a row will have once @change is applied: the change's, or for
 * an update (or a restore) the stored one. Numbers come back as decimal text. */
static char *
merged_value (FdDatabase      *database,
              const FdEntity  *entity,
              const FdChange  *change,
              const char      *column)
{
  const FdChangeField *field = _fd_change_lookup (change, column);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  char *value = NULL;

  if (field != NULL)
    {
      switch (field->type)
        {
        case FD_FIELD_TEXT:
          return g_strdup (field->v.text);
        case FD_FIELD_INT:
          return g_strdup_printf ("%" G_GINT64_FORMAT, field->v.integer);
        case FD_FIELD_REAL:
          return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) field->v.real);
        case FD_FIELD_NULL:
        default:
          return NULL;
        }
    }

  if (fd_change_get_kind (change) != FD_CHANGE_UPDATE &&
      fd_change_get_kind (change) != FD_CHANGE_RESTORE)
    return NULL;

  sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE id = ?1", column, entity->name);
  stmt = _fd_database_prepare (database, sql, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, fd_change_get_id (change), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

static gboolean
touches (const FdChange *change,
         const char     *a,
         const char     *b,
         const char     *c)
{
  return fd_change_has_field (change, a) || (b != NULL && fd_change_has_field (change, b)) ||
         (c != NULL && fd_change_has_field (change, c));
}

static gint64
parse_int (const char *text)
{
  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

/* Minutes of a "2026-03-03T09:30" wall-clock time since an epoch, or -1 */
static gint64
minutes_of (const char *iso)
{
  int year, month, day, hour, minute;
  GDate date;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2dT%2d:%2d", &year, &month, &day, &hour, &minute) != 5 ||
      !g_date_valid_dmy (day, month, year))
    return -1;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return (gint64) g_date_get_julian (&date) * 24 * 60 + hour * 60 + minute;
}

static gboolean
check_capacities (FdDatabase      *database,
                  const FdEntity  *entity,
                  const FdChange  *change,
                  GError         **error)
{
  g_autofree char *min = NULL;
  g_autofree char *target = NULL;
  g_autofree char *max = NULL;

  if (!touches (change, "capacity_min", "capacity_target", "capacity_max"))
    return TRUE;

  min = merged_value (database, entity, change, "capacity_min");
  target = merged_value (database, entity, change, "capacity_target");
  max = merged_value (database, entity, change, "capacity_max");

  if (min != NULL && max != NULL && parse_int (min) > parse_int (max))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID,
                          fd_change_has_field (change, "capacity_min") ? "capacity_min" : "capacity_max",
                          _("The minimum capacity cannot be above the maximum."));
      return FALSE;
    }

  if (target != NULL &&
      ((min != NULL && parse_int (target) < parse_int (min)) ||
       (max != NULL && parse_int (target) > parse_int (max))))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "capacity_target",
                          _("The target capacity must lie between the minimum and the maximum."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_period (FdDatabase      *database,
              const FdEntity  *entity,
              const FdChange  *change,
              const char      *start_column,
              const char      *end_column,
              gboolean         same_allowed,
              GError         **error)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  int order;

  if (_fd_entity_column (entity, start_column) == NULL || !touches (change, start_column, end_column, NULL))
    return TRUE;

  start = merged_value (database, entity, change, start_column);
  end = merged_value (database, entity, change, end_column);
  if (start == NULL || end == NULL)
    return TRUE;

  order = strcmp (end, start);
  if (order < 0 || (order == 0 && !same_allowed))
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, end_column,
                          _("The end must come after the start."));
      return FALSE;
    }

  return TRUE;
}

/* A slot's break fits in it, its room is of its place, its sequence of its
 * session */
static gboolean
check_slot (FdDatabase      *database,
            const FdEntity  *entity,
            const FdChange  *change,
            GError         **error)
{
  if (touches (change, "start_at", "end_at", "break_minutes"))
    {
      g_autofree char *start = merged_value (database, entity, change, "start_at");
      g_autofree char *end = merged_value (database, entity, change, "end_at");
      g_autofree char *pause = merged_value (database, entity, change, "break_minutes");

      if (start != NULL && end != NULL && pause != NULL && parse_int (pause) > 0 &&
          parse_int (pause) >= minutes_of (end) - minutes_of (start))
        {
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "break_minutes",
                              _("The break must be shorter than the slot."));
          return FALSE;
        }
    }

  if (touches (change, "room_id", "place_id", NULL))
    {
      g_autofree char *room = merged_value (database, entity, change, "room_id");
      g_autofree char *place = merged_value (database, entity, change, "place_id");
      sqlite3_stmt *stmt;
      gboolean same_place = TRUE;

      if (room != NULL)
        {
          stmt = _fd_database_prepare (database, "SELECT place_id IS ?2 FROM room WHERE id = ?1", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, room, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, place, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            same_place = sqlite3_column_int (stmt, 0) != 0;
          sqlite3_reset (stmt);
        }

      if (!same_place)
        {
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "room_id",
                              place == NULL
                              ? _("Choose the slot’s place before its room.")
                              : _("This room is not at the slot’s place."));
          return FALSE;
        }
    }

  if (touches (change, "sequence_id", "session_id", NULL))
    {
      g_autofree char *sequence = merged_value (database, entity, change, "sequence_id");
      g_autofree char *session = merged_value (database, entity, change, "session_id");
      sqlite3_stmt *stmt;
      gboolean same_session = TRUE;

      stmt = _fd_database_prepare (database, "SELECT session_id IS ?2 FROM sequence WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, sequence, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, session, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        same_session = sqlite3_column_int (stmt, 0) != 0;
      sqlite3_reset (stmt);

      if (!same_session)
        {
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "sequence_id",
                              _("This sequence belongs to another session."));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean check_enrollment_twin (FdDatabase      *database,
                                       const FdEntity  *entity,
                                       const FdChange  *change,
                                       GError         **error);

/* A session with populations takes enrollments only from them: a client
 * company's employees, a group's members, or the people of a list */
static gboolean
check_enrollment (FdDatabase      *database,
                  const FdEntity  *entity,
                  const FdChange  *change,
                  GError         **error)
{
  g_autofree char *session = NULL;
  g_autofree char *trainee = NULL;
  sqlite3_stmt *stmt;
  int open_to_them = 1;

  if (!check_enrollment_twin (database, entity, change, error))
    return FALSE;
  if (!touches (change, "session_id", "trainee_id", NULL))
    return TRUE;

  session = merged_value (database, entity, change, "session_id");
  trainee = merged_value (database, entity, change, "trainee_id");
  if (session == NULL || trainee == NULL)
    return TRUE;

  stmt = _fd_database_prepare (database,
                               "SELECT NOT EXISTS (SELECT 1 FROM session_population sp"
                               "                   JOIN population p ON p.id = sp.population_id"
                               "                   WHERE sp.session_id = ?1 AND sp.deleted = 0"
                               "                   AND p.deleted = 0)"
                               " OR EXISTS (SELECT 1 FROM session_population sp"
                               "   JOIN population p ON p.id = sp.population_id AND p.deleted = 0"
                               "   WHERE sp.session_id = ?1 AND sp.deleted = 0 AND ("
                               "     (p.kind = 'client' AND p.client_id ="
                               "      (SELECT client_id FROM trainee WHERE id = ?2))"
                               "     OR (p.kind = 'group' AND EXISTS (SELECT 1 FROM group_member g"
                               "         WHERE g.group_id = p.group_id AND g.trainee_id = ?2"
                               "         AND g.deleted = 0))"
                               "     OR (p.kind = 'list' AND EXISTS (SELECT 1 FROM population_member m"
                               "         WHERE m.population_id = p.id AND m.trainee_id = ?2"
                               "         AND m.deleted = 0))))",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, session, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, trainee, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    open_to_them = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (!open_to_them)
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "trainee_id",
                          _("This session is open only to its populations, and this trainee "
                            "belongs to none of them."));
      return FALSE;
    }

  return TRUE;
}

/* Whether a live row of @table other than @id has @column_a = @a and
 * @column_b = @b: a second link between the same two rows */
static gboolean
has_twin (FdDatabase  *database,
          const char  *table,
          const char  *id,
          const char  *column_a,
          const char  *a,
          const char  *column_b,
          const char  *b,
          gboolean    *found,
          GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE \"%s\" = ?1 AND \"%s\" = ?2"
                                          " AND deleted = 0 AND id IS NOT ?3",
                                          table, column_a, column_b);
  sqlite3_stmt *stmt = _fd_database_prepare (database, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, b, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, id, -1, SQLITE_STATIC);
  *found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return TRUE;
}

/* A trainee is enrolled once in a session: a second active enrollment
 * (neither withdrawn nor cancelled) of the same trainee is refused, and
 * so is bringing back a removed one, or making one active again, while
 * another is active. Withdrawn and cancelled ones stay as history. */
static const char twin_enrollment_sql[] =
  "SELECT 1 FROM enrollment WHERE session_id = ?1 AND trainee_id = ?2 AND deleted = 0"
  " AND status NOT IN ('withdrawn', 'cancelled') AND id IS NOT ?3";

static gboolean
check_enrollment_twin (FdDatabase      *database,
                       const FdEntity  *entity,
                       const FdChange  *change,
                       GError         **error)
{
  g_autofree char *session = NULL;
  g_autofree char *trainee = NULL;
  g_autofree char *status = NULL;
  sqlite3_stmt *stmt;
  gboolean twin;

  if (fd_change_get_kind (change) != FD_CHANGE_RESTORE &&
      !touches (change, "session_id", "trainee_id", "status"))
    return TRUE;

  session = merged_value (database, entity, change, "session_id");
  trainee = merged_value (database, entity, change, "trainee_id");
  status = merged_value (database, entity, change, "status");
  if (session == NULL || trainee == NULL ||
      g_strcmp0 (status, "withdrawn") == 0 || g_strcmp0 (status, "cancelled") == 0)
    return TRUE;

  stmt = _fd_database_prepare (database, twin_enrollment_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, session, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, trainee, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, fd_change_get_id (change), -1, SQLITE_STATIC);
  twin = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (twin)
    {
      fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "trainee_id",
                          _("This trainee is enrolled in this session already."));
      return FALSE;
    }

  return TRUE;
}

/* A population is a client company's trainees, a group's members or a
 * list of its own: each names what it is made of, and only a list has
 * members; a session names each of its populations once. (Outside the
 * staff's views, such as a future trainee portal, a session with
 * populations is shown only to them: see fd-population.c.) */
static gboolean
check_population (FdDatabase      *database,
                  const FdEntity  *entity,
                  const FdChange  *change,
                  GError         **error)
{
  const char *id = fd_change_get_id (change);

  if (g_str_equal (entity->name, "population") &&
      touches (change, "kind", "client_id", "group_id"))
    {
      g_autofree char *kind = merged_value (database, entity, change, "kind");
      g_autofree char *client = merged_value (database, entity, change, "client_id");
      g_autofree char *group = merged_value (database, entity, change, "group_id");

      if (g_strcmp0 (kind, "client") == 0 &&
          (client == NULL ||
           !exists (database, "SELECT 1 FROM client WHERE id = ?1 AND kind = 'company'", client)))
        {
          fd_set_field_error (error, FD_VALIDATION_ERROR_REQUIRED, "client_id",
                              _("Choose the client company whose trainees make the population."));
          return FALSE;
        }
      if (g_strcmp0 (kind, "group") == 0 && group == NULL)
        {
          fd_set_field_error (error, FD_VALIDATION_ERROR_REQUIRED, "group_id",
                              _("Choose the group whose members make the population."));
          return FALSE;
        }
    }

  if (g_str_equal (entity->name, "population_member") &&
      touches (change, "population_id", "trainee_id", NULL))
    {
      g_autofree char *population = merged_value (database, entity, change, "population_id");
      g_autofree char *trainee = merged_value (database, entity, change, "trainee_id");
      gboolean twin = FALSE;

      if (population != NULL &&
          exists (database, "SELECT 1 FROM population WHERE id = ?1 AND kind <> 'list'", population))
        {
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "population_id",
                              _("Only a list of trainees has members of its own."));
          return FALSE;
        }
      if (population != NULL && trainee != NULL &&
          !has_twin (database, "population_member", id, "population_id", population,
                     "trainee_id", trainee, &twin, error))
        return FALSE;
      if (twin)
        {
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "trainee_id",
                              _("This trainee is in the list already."));
          return FALSE;
        }
    }

  if (g_str_equal (entity->name, "session_population") &&
      touches (change, "session_id", "population_id", NULL))
    {
      g_autofree char *session = merged_value (database, entity, change, "session_id");
      g_autofree char *population = merged_value (database, entity, change, "population_id");
      gboolean twin = FALSE;

      if (session != NULL && population != NULL &&
          !has_twin (database, "session_population", id, "session_id", session,
                     "population_id", population, &twin, error))
        return FALSE;
      if (twin)
        {
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "population_id",
                              _("This population is chosen for the session already."));
          return FALSE;
        }
    }

  return TRUE;
}

/* A file is attached to a live cost line or session email. Its bytes may
 * come later than the row (a blob is pushed and pulled on its own, SYNC.md),
 * so the blob itself is not required here; editors store it first. */
static gboolean
check_attachment (FdDatabase      *database,
                  const FdEntity  *entity,
                  const FdChange  *change,
                  GError         **error)
{
  if (touches (change, "owner_entity", "owner_id", NULL))
    {
      g_autofree char *owner_entity = merged_value (database, entity, change, "owner_entity");
      g_autofree char *owner = merged_value (database, entity, change, "owner_id");
      g_autofree char *sql = NULL;

      /* owner_entity is one of the schema's CHECK values: checked already */
      if (owner_entity != NULL && owner != NULL)
        {
          sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE id = ?1 AND deleted = 0", owner_entity);
          if (!exists (database, sql, owner))
            {
              fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, "owner_id",
                                  _("The file is attached to something that does not exist "
                                    "or was deleted."));
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* Rules between fields, on the row as it will be */
static gboolean
check_row (FdDatabase      *database,
           const FdEntity  *entity,
           const FdChange  *change,
           GError         **error)
{
  return check_capacities (database, entity, change, error) &&
         check_period (database, entity, change, "start_at", "end_at", FALSE, error) &&
         check_period (database, entity, change, "planned_start_on", "planned_end_on", TRUE, error) &&
         (!g_str_equal (entity->name, "slot") || check_slot (database, entity, change, error)) &&
         (!g_str_equal (entity->name, "enrollment") ||
          check_enrollment (database, entity, change, error)) &&
         check_population (database, entity, change, error) &&
         (!g_str_equal (entity->name, "attachment") ||
          check_attachment (database, entity, change, error));
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

  if (kind == FD_CHANGE_RESTORE && g_str_equal (entity->name, "enrollment") &&
      !check_enrollment_twin (database, entity, change, error))
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
          fd_set_field_error (error, FD_VALIDATION_ERROR_UNKNOWN_FIELD, field->name,
                              _("“%1$s” is not a field of %2$s."), field->name, entity->name);
          return FALSE;
        }

      if (field->type == FD_FIELD_TEXT && !g_utf8_validate (field->v.text, -1, NULL))
        {
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, column->name,
                              _("%s contains invalid characters."),
                              _fd_entity_column_label (column->name));
          return FALSE;
        }

      if (is_blank (field))
        {
          if (column->required)
            {
              fd_set_field_error (error, FD_VALIDATION_ERROR_REQUIRED, column->name,
                                  _("%s is required."), _fd_entity_column_label (column->name));
              return FALSE;
            }
          /* An optional field left blank is stored as NULL */
          if (field->type != FD_FIELD_NULL)
            _fd_change_replace_text (change, field->name, NULL);
          continue;
        }

      if (!check_type (column, field, error))
        return FALSE;

      if (column->type == FD_COLUMN_INTEGER &&
          !check_range (entity, column->name,
                        field->type == FD_FIELD_INT ? field->v.integer : (gint64) field->v.real,
                        error))
        return FALSE;

      if (field->type != FD_FIELD_TEXT)
        continue;

      if (column->allowed != NULL && !g_strv_contains ((const char * const *) column->allowed,
                                                        field->v.text))
        {
          /* Translators: %1$s is a field, %2$s the value given */
          fd_set_field_error (error, FD_VALIDATION_ERROR_INVALID, column->name,
                              _("%1$s: “%2$s” is not one of the allowed values."),
                              _fd_entity_column_label (column->name), field->v.text);
          return FALSE;
        }

      if (column->references != NULL && !check_reference (database, column, field->v.text, error))
        return FALSE;

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
              fd_set_field_error (error, FD_VALIDATION_ERROR_REQUIRED, column->name,
                                  _("%s is required."), _fd_entity_column_label (column->name));
              return FALSE;
            }
        }
    }

  return check_row (database, entity, change, error);
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
