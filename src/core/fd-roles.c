/* fd-roles.c — what each role may change
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-roles"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-roles.h"
#include "fd-roles-private.h"

#include "fd-change-private.h"
#include "fd-database-private.h"
#include "fd-validate.h"

#include <string.h>

/*
 * The rules are tables read top to bottom:
 *
 *   entity → class (what kind of data it is)
 *   role × class → access (none, all, own rows, create only…)
 *   access → which kinds of change, and which row check
 *
 * so that a question ("may a planner change a cost?") has one answer, the
 * same for the write path (_fd_roles_check()) and for the UI asking before
 * the user tries (fd_roles_explain()). The server enforces the same rules
 * again (SYNC.md); these are what the user sees first.
 *
 * A role that may not change a locked session (a session with a trainee
 * enrolled) is also refused its dates and slots: see lock_rules.
 */

typedef enum
{
  CLASS_ACCOUNTS,
  CLASS_ORGANISATION,
  CLASS_PLANNING,
  CLASS_UNAVAILABILITY,
  CLASS_TRAINER_CLAIMS,
  CLASS_QUALITY,
  CLASS_ATTENDANCE,
  /* Entities without a line below: operations managers and admins only */
  CLASS_OTHER,
  N_CLASSES
} EntityClass;

typedef struct
{
  const char *name;
  EntityClass klass;
} EntityRule;

/* Every synced table, sorted by name (tests check none is missing) */
static const EntityRule entity_rules[] = {
  { "activation_code", CLASS_PLANNING },
  { "attachment", CLASS_PLANNING },
  { "attendance", CLASS_ATTENDANCE },
  { "calendar_invitation", CLASS_PLANNING },
  { "cert_assignment", CLASS_PLANNING },
  { "cert_order", CLASS_PLANNING },
  { "cert_order_line", CLASS_PLANNING },
  { "certification", CLASS_PLANNING },
  { "client", CLASS_PLANNING },
  { "conflict_ack", CLASS_PLANNING },
  { "cost", CLASS_PLANNING },
  { "document", CLASS_PLANNING },
  { "email_message", CLASS_PLANNING },
  { "email_template", CLASS_PLANNING },
  { "enrollment", CLASS_PLANNING },
  { "evaluation", CLASS_PLANNING },
  { "expense", CLASS_TRAINER_CLAIMS },
  { "group_member", CLASS_PLANNING },
  { "module", CLASS_PLANNING },
  { "module_validation", CLASS_PLANNING },
  { "organisation", CLASS_ORGANISATION },
  { "place", CLASS_PLANNING },
  { "population", CLASS_PLANNING },
  { "population_member", CLASS_PLANNING },
  { "quality_ticket", CLASS_QUALITY },
  { "room", CLASS_PLANNING },
  { "sequence", CLASS_PLANNING },
  { "session", CLASS_PLANNING },
  { "session_email", CLASS_PLANNING },
  { "session_population", CLASS_PLANNING },
  { "slot", CLASS_PLANNING },
  { "slot_staff", CLASS_PLANNING },
  { "trainee", CLASS_PLANNING },
  { "trainee_group", CLASS_PLANNING },
  { "trainer", CLASS_PLANNING },
  { "trainer_invoice", CLASS_TRAINER_CLAIMS },
  { "training", CLASS_PLANNING },
  { "unavailability", CLASS_UNAVAILABILITY },
  { "user_account", CLASS_ACCOUNTS },
};

typedef struct
{
  /* A role without access to the class is refused with this, unless the
   * role has its own refusal */
  const char *who_can;
  /* A trainer's change of another trainer's row */
  const char *not_own;
  /* A trainer setting a field that staff owns (staff_fields) */
  const char *staff_only;
  /* A trainer's change of a row staff has reviewed */
  const char *reviewed;
  /* An update or deletion where the role may only create */
  const char *create_only;
} ClassMessages;

static const ClassMessages class_messages[N_CLASSES] = {
  [CLASS_ACCOUNTS] = {
    .who_can = N_("Only an administrator can manage user accounts."),
  },
  [CLASS_ORGANISATION] = {
    .who_can = N_("Only an operations manager or an administrator can change the organisation’s "
                  "details."),
  },
  [CLASS_PLANNING] = {
    .who_can = N_("Only a planner, an operations manager or an administrator can change planning "
                  "data."),
  },
  [CLASS_UNAVAILABILITY] = {
    .who_can = N_("Only a planner, an operations manager or an administrator can change trainers’ "
                  "unavailabilities."),
    .not_own = N_("A trainer can only change their own unavailabilities; a planner, an operations "
                  "manager or an administrator can change those of others."),
  },
  [CLASS_TRAINER_CLAIMS] = {
    .who_can = N_("Only an operations manager or an administrator can review trainers’ expenses "
                  "and invoices."),
    .not_own = N_("A trainer can only record their own expenses and invoices; an operations "
                  "manager or an administrator can change those of others."),
    .staff_only = N_("Only an operations manager or an administrator can validate, reject or mark "
                     "as paid an expense or an invoice."),
    .reviewed = N_("This has already been reviewed: only an operations manager or an "
                   "administrator can change it now."),
  },
  [CLASS_QUALITY] = {
    .who_can = N_("Only a planner, an operations manager or an administrator can handle quality "
                  "tickets."),
    .not_own = N_("A trainer can only record quality tickets in their own name."),
    .staff_only = N_("Only a planner, an operations manager or an administrator can set a quality "
                     "ticket’s status or resolution."),
    .create_only = N_("A trainer can record a quality ticket but not change it; a planner, an "
                      "operations manager or an administrator handles it."),
  },
  [CLASS_ATTENDANCE] = {
    .who_can = N_("Only staff, trainers and signature kiosks can record attendance."),
    .not_own = N_("A trainer can only sign in their own name."),
    .create_only = N_("A signature cannot be changed or removed; record a correction instead."),
  },
  [CLASS_OTHER] = {
    .who_can = N_("Only an operations manager or an administrator can change this kind of record."),
  },
};

typedef enum
{
  ACCESS_NONE,
  ACCESS_ALL,
  /* Rows whose trainer_id is the user's trainer card */
  ACCESS_OWN,
  /* Own rows, until staff has reviewed them */
  ACCESS_OWN_SUBMITTED,
  /* New own rows only */
  ACCESS_CREATE_OWN,
  /* New attendance records for the slots the trainer is staffed on */
  ACCESS_SIGN_OWN_SLOTS,
  /* New attendance records for the slots at the kiosk's place */
  ACCESS_SIGN_AT_PLACE,
  N_ACCESS
} Access;

/* What each role may do with each class of data: one row per class, one
 * column per role in FdRole's order */
static const Access class_access[N_CLASSES][FD_N_ROLES] = {
  /*  admin       operations   planner      trainer                kiosk */
  [CLASS_ACCOUNTS] =
    { ACCESS_ALL, ACCESS_NONE, ACCESS_NONE, ACCESS_NONE,           ACCESS_NONE },
  [CLASS_ORGANISATION] =
    { ACCESS_ALL, ACCESS_ALL,  ACCESS_NONE, ACCESS_NONE,           ACCESS_NONE },
  [CLASS_PLANNING] =
    { ACCESS_ALL, ACCESS_ALL,  ACCESS_ALL,  ACCESS_NONE,           ACCESS_NONE },
  [CLASS_UNAVAILABILITY] =
    { ACCESS_ALL, ACCESS_ALL,  ACCESS_ALL,  ACCESS_OWN,            ACCESS_NONE },
  [CLASS_TRAINER_CLAIMS] =
    { ACCESS_ALL, ACCESS_ALL,  ACCESS_NONE, ACCESS_OWN_SUBMITTED,  ACCESS_NONE },
  [CLASS_QUALITY] =
    { ACCESS_ALL, ACCESS_ALL,  ACCESS_ALL,  ACCESS_CREATE_OWN,     ACCESS_NONE },
  [CLASS_ATTENDANCE] =
    { ACCESS_ALL, ACCESS_ALL,  ACCESS_ALL,  ACCESS_SIGN_OWN_SLOTS, ACCESS_SIGN_AT_PLACE },
  [CLASS_OTHER] =
    { ACCESS_ALL, ACCESS_ALL,  ACCESS_NONE, ACCESS_NONE,           ACCESS_NONE },
};

G_STATIC_ASSERT (FD_ROLE_ADMIN == 0 && FD_ROLE_OPERATIONS_MANAGER == 1 && FD_ROLE_PLANNER == 2 &&
                 FD_ROLE_TRAINER == 3 && FD_ROLE_KIOSK == 4 && FD_N_ROLES == 5);

typedef struct
{
  /* May change the dates and slots of a session with trainees */
  gboolean changes_locked_sessions;
  /* Refusal for a class the role has no access to; NULL: the class's */
  const char *refusal;
} RoleRules;

static const RoleRules role_rules[FD_N_ROLES] = {
  [FD_ROLE_ADMIN] = { .changes_locked_sessions = TRUE },
  [FD_ROLE_OPERATIONS_MANAGER] = { .changes_locked_sessions = TRUE },
  [FD_ROLE_PLANNER] = { .changes_locked_sessions = FALSE },
  [FD_ROLE_TRAINER] = {
    .changes_locked_sessions = FALSE,
    .refusal = N_("A trainer can only record attendance for their own slots, and their own "
                  "unavailabilities, expenses, invoices and quality tickets; a planner, an "
                  "operations manager or an administrator can make this change."),
  },
  [FD_ROLE_KIOSK] = {
    .changes_locked_sessions = FALSE,
    .refusal = N_("A signature kiosk can only record attendance signatures; a staff member must "
                  "sign in to make this change."),
  },
};

typedef struct
{
  const char *entity;
  const char *field;
  const char *trainer_value; /* the one value a trainer may set, or NULL */
} StaffField;

/* Fields of a trainer's own rows that only staff set: the review */
static const StaffField staff_fields[] = {
  { "expense", "status", "submitted" },
  { "expense", "reviewed_by", NULL },
  { "expense", "review_comment", NULL },
  { "trainer_invoice", "status", "submitted" },
  { "quality_ticket", "status", "open" },
  { "quality_ticket", "resolution", NULL },
  { "quality_ticket", "closed_on", NULL },
};

typedef struct
{
  const char *entity;
  FdChangeKind kind;
  /* Space-separated columns whose change is locked; NULL: any such change */
  const char *fields;
  /* The column holding the session: "session_id", or "id" for a session */
  const char *session_column;
  /* The field an error names for a creation */
  const char *error_field;
  /* Locked only when the sequence has slots */
  gboolean if_it_has_slots;
} LockRule;

/* What changes a session's dates and slots (a restore brings a slot back) */
static const LockRule lock_rules[] = {
  { "slot", FD_CHANGE_CREATE, NULL, "session_id", "start_at", FALSE },
  { "slot", FD_CHANGE_UPDATE, "start_at end_at session_id sequence_id", "session_id", NULL, FALSE },
  { "slot", FD_CHANGE_DELETE, NULL, "session_id", NULL, FALSE },
  { "slot", FD_CHANGE_RESTORE, NULL, "session_id", NULL, FALSE },
  { "sequence", FD_CHANGE_UPDATE, "session_id", "session_id", NULL, TRUE },
  { "sequence", FD_CHANGE_DELETE, NULL, "session_id", NULL, TRUE },
  { "sequence", FD_CHANGE_RESTORE, NULL, "session_id", NULL, TRUE },
  { "session", FD_CHANGE_UPDATE, "planned_start_on planned_end_on year", "id", NULL, FALSE },
};

#define LOCK_MESSAGE N_("Trainees are enrolled in this session: only an operations manager or an " \
                        "administrator can change its dates and slots.")

#define NOT_LINKED_MESSAGE N_("This trainer account is not linked to a trainer card; an " \
                              "administrator can link it.")

#define DEACTIVATED_MESSAGE N_("This account is deactivated; an administrator can reactivate it.")

static const EntityRule *
lookup_entity_rule (const char *entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (entity_rules); i++)
    if (g_str_equal (entity_rules[i].name, entity))
      return &entity_rules[i];

  return NULL;
}

static EntityClass
entity_class (const char *entity)
{
  const EntityRule *rule = lookup_entity_rule (entity);

  return rule != NULL ? rule->klass : CLASS_OTHER;
}

gboolean
_fd_roles_knows_entity (const char *entity)
{
  g_return_val_if_fail (entity != NULL, FALSE);

  return lookup_entity_rule (entity) != NULL;
}

static void
set_forbidden (GError     **error,
               const char  *field,
               const char  *message)
{
  fd_set_field_error (error, FD_VALIDATION_ERROR_FORBIDDEN, field, "%s", _(message));
}

static gboolean
field_is_text (const FdChangeField *field,
               const char          *text)
{
  return field->type == FD_FIELD_TEXT && text != NULL && g_str_equal (field->v.text, text);
}

static const char *
change_text (const FdChange *change,
             const char     *name)
{
  const FdChangeField *field = _fd_change_lookup (change, name);

  return field != NULL && field->type == FD_FIELD_TEXT ? field->v.text : NULL;
}

/* One column of the stored row; *found says whether the row exists. Names
 * come from the tables above, never from a change. */
static char *
stored_text (FdDatabase *database,
             const char *entity,
             const char *column,
             const char *id,
             gboolean   *found)
{
  g_autofree char *sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE id = ?1",
                                          column, entity);
  sqlite3_stmt *stmt = _fd_database_prepare (database, sql, NULL);
  char *value = NULL;

  *found = FALSE;
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *found = TRUE;
      value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);

  return value;
}

static gboolean
exists (FdDatabase *database,
        const char *sql,
        const char *first,
        const char *second)
{
  sqlite3_stmt *stmt = _fd_database_prepare (database, sql, NULL);
  gboolean found;

  /* If the question cannot be asked, the answer is the safer one */
  if (stmt == NULL)
    return TRUE;

  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  if (second != NULL)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

static gboolean
check_staff_fields (const EntityRule  *rule,
                    const FdChange    *change,
                    GError           **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (staff_fields); i++)
    {
      const StaffField *staff = &staff_fields[i];
      const FdChangeField *field;

      if (!g_str_equal (staff->entity, rule->name))
        continue;

      field = _fd_change_lookup (change, staff->field);
      if (field != NULL && field->type != FD_FIELD_NULL &&
          !field_is_text (field, staff->trainer_value))
        {
          set_forbidden (error, staff->field, class_messages[rule->klass].staff_only);
          return FALSE;
        }
    }

  return TRUE;
}

/* The stored row's @column must be @value, or the change is refused with
 * @message. A missing row is the write path's to report. */
static gboolean
check_stored (FdDatabase        *database,
              const EntityRule  *rule,
              const FdChange    *change,
              const char        *column,
              const char        *value,
              const char        *message,
              GError           **error)
{
  gboolean found;
  g_autofree char *stored = stored_text (database, rule->name, column, fd_change_get_id (change),
                                         &found);

  if (found && g_strcmp0 (stored, value) != 0)
    {
      set_forbidden (error, NULL, message);
      return FALSE;
    }

  return TRUE;
}

/* The row is the user's: a new one names their trainer card, an existing
 * one already did, and none is given to someone else. */
static gboolean
check_own (FdDatabase        *database,
           FdUser            *user,
           const EntityRule  *rule,
           const FdChange    *change,
           GError           **error)
{
  const char *own = fd_user_get_trainer_id (user);
  const FdChangeField *owner = _fd_change_lookup (change, "trainer_id");
  FdChangeKind kind = fd_change_get_kind (change);

  g_assert (own != NULL);

  if ((kind == FD_CHANGE_CREATE && owner == NULL) ||
      (owner != NULL && !field_is_text (owner, own)))
    {
      set_forbidden (error, "trainer_id", class_messages[rule->klass].not_own);
      return FALSE;
    }

  if (kind != FD_CHANGE_CREATE &&
      !check_stored (database, rule, change, "trainer_id", own,
                     class_messages[rule->klass].not_own, error))
    return FALSE;

  return check_staff_fields (rule, change, error);
}

static gboolean
check_own_submitted (FdDatabase        *database,
                     FdUser            *user,
                     const EntityRule  *rule,
                     const FdChange    *change,
                     GError           **error)
{
  if (!check_own (database, user, rule, change, error))
    return FALSE;

  return fd_change_get_kind (change) == FD_CHANGE_CREATE ||
         check_stored (database, rule, change, "status", "submitted",
                       class_messages[rule->klass].reviewed, error);
}

static gboolean
check_own_slot (FdDatabase        *database,
                FdUser            *user,
                const EntityRule  *rule,
                const FdChange    *change,
                GError           **error)
{
  const char *own = fd_user_get_trainer_id (user);
  const char *slot_id = change_text (change, "slot_id");
  const FdChangeField *signer = _fd_change_lookup (change, "trainer_id");

  g_assert (own != NULL);

  /* Without a slot, validation refuses the record */
  if (slot_id != NULL &&
      !exists (database,
               "SELECT 1 FROM slot_staff WHERE slot_id = ?1 AND trainer_id = ?2 AND deleted = 0",
               slot_id, own))
    {
      set_forbidden (error, "slot_id",
                     N_("A trainer can only record attendance for the slots they are staffed on; "
                        "a planner, an operations manager or an administrator can record the "
                        "others."));
      return FALSE;
    }

  if (signer != NULL && signer->type != FD_FIELD_NULL && !field_is_text (signer, own))
    {
      set_forbidden (error, "trainer_id", class_messages[rule->klass].not_own);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_kiosk_place (FdDatabase        *database,
                   FdUser            *user,
                   const EntityRule  *rule,
                   const FdChange    *change,
                   GError           **error)
{
  const char *place_id = fd_user_get_place_id (user);
  const char *slot_id = change_text (change, "slot_id");

  /* A kiosk not tied to a place signs for any slot */
  if (place_id == NULL || slot_id == NULL)
    return TRUE;

  if (!exists (database, "SELECT 1 FROM slot WHERE id = ?1 AND place_id = ?2", slot_id, place_id))
    {
      set_forbidden (error, "slot_id",
                     N_("This signature kiosk can only record attendance for slots at its own "
                        "place; a staff member can record the others."));
      return FALSE;
    }

  return TRUE;
}

typedef gboolean (*RowCheck) (FdDatabase        *database,
                              FdUser            *user,
                              const EntityRule  *rule,
                              const FdChange    *change,
                              GError           **error);

typedef struct
{
  guint kinds;           /* bits (1 << FdChangeKind) allowed */
  gboolean whole_class;  /* whatever the row */
  gboolean trainer_card; /* needs the user's trainer card */
  RowCheck check;        /* then checks the row */
} AccessRule;

#define ANY_KIND ((1u << FD_CHANGE_CREATE) | (1u << FD_CHANGE_UPDATE) | (1u << FD_CHANGE_DELETE) | \
                  (1u << FD_CHANGE_RESTORE))
#define CREATE_ONLY (1u << FD_CHANGE_CREATE)

static const AccessRule access_rules[N_ACCESS] = {
  [ACCESS_NONE] = { 0, FALSE, FALSE, NULL },
  [ACCESS_ALL] = { ANY_KIND, TRUE, FALSE, NULL },
  [ACCESS_OWN] = { ANY_KIND, FALSE, TRUE, check_own },
  [ACCESS_OWN_SUBMITTED] = { ANY_KIND, FALSE, TRUE, check_own_submitted },
  [ACCESS_CREATE_OWN] = { CREATE_ONLY, FALSE, TRUE, check_own },
  [ACCESS_SIGN_OWN_SLOTS] = { CREATE_ONLY, FALSE, TRUE, check_own_slot },
  [ACCESS_SIGN_AT_PLACE] = { CREATE_ONLY, FALSE, FALSE, check_kiosk_place },
};

/* Why @user may not make a change of @kind to the class at all (whatever
 * the row), or NULL; @whole_class asks for every row of the class. The
 * message is untranslated. */
static const char *
class_refusal (FdUser       *user,
               EntityClass   klass,
               FdChangeKind  kind,
               gboolean      whole_class)
{
  FdRole role = fd_user_get_role (user);
  const RoleRules *rules = &role_rules[role];
  const AccessRule *access = &access_rules[class_access[klass][role]];
  const ClassMessages *messages = &class_messages[klass];

  if (!fd_user_get_active (user))
    return DEACTIVATED_MESSAGE;

  if (access->kinds == 0)
    return rules->refusal != NULL ? rules->refusal : messages->who_can;

  if ((access->kinds & (1u << kind)) == 0)
    {
      if (messages->create_only != NULL)
        return messages->create_only;
      return rules->refusal != NULL ? rules->refusal : messages->who_can;
    }

  if (whole_class && !access->whole_class)
    return messages->who_can;

  if (access->trainer_card && fd_user_get_trainer_id (user) == NULL)
    return NOT_LINKED_MESSAGE;

  return NULL;
}

/**
 * fd_roles_is_session_locked:
 * @database: a #FdDatabase
 * @session_id: a session's id
 *
 * A session is locked once a trainee is enrolled in it (an enrollment
 * neither deleted, withdrawn nor cancelled): from then on, only an
 * operations manager or an administrator may change its dates and slots.
 *
 * Returns: whether the session is locked
 */
gboolean
fd_roles_is_session_locked (FdDatabase *database,
                            const char *session_id)
{
  g_return_val_if_fail (FD_IS_DATABASE (database), TRUE);
  g_return_val_if_fail (session_id != NULL, TRUE);

  return exists (database,
                 "SELECT 1 FROM enrollment WHERE session_id = ?1 AND deleted = 0"
                 " AND status NOT IN ('withdrawn', 'cancelled') LIMIT 1",
                 session_id, NULL);
}

static gboolean
field_differs (sqlite3_stmt        *stmt,
               int                  column,
               const FdChangeField *field)
{
  int type = sqlite3_column_type (stmt, column);

  switch (field->type)
    {
    case FD_FIELD_NULL:
      return type != SQLITE_NULL;

    case FD_FIELD_TEXT:
      return type == SQLITE_NULL ||
             strcmp ((const char *) sqlite3_column_text (stmt, column), field->v.text) != 0;

    case FD_FIELD_INT:
      return type != SQLITE_INTEGER || sqlite3_column_int64 (stmt, column) != field->v.integer;

    case FD_FIELD_REAL:
      return type == SQLITE_NULL || sqlite3_column_double (stmt, column) != field->v.real;

    default:
      return TRUE;
    }
}

static gboolean
has_slots (FdDatabase *database,
           const char *sequence_id)
{
  return exists (database, "SELECT 1 FROM slot WHERE sequence_id = ?1 AND deleted = 0 LIMIT 1",
                 sequence_id, NULL);
}

/* An update locked by @rule: the first of its fields @change really changes
 * in (or into) a locked session, or NULL. */
static const char *
locked_update_field (FdDatabase     *database,
                     const LockRule *rule,
                     const FdChange *change,
                     GError        **error)
{
  g_auto(GStrv) fields = g_strsplit (rule->fields, " ", -1);
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autofree char *session_id = NULL;
  const char *locked = NULL;
  const char *target;
  gboolean touched = FALSE;
  sqlite3_stmt *stmt;

  for (guint i = 0; fields[i] != NULL; i++)
    touched |= fd_change_has_field (change, fields[i]);
  if (!touched)
    return NULL;

  g_string_append_printf (sql, "\"%s\"", rule->session_column);
  for (guint i = 0; fields[i] != NULL; i++)
    g_string_append_printf (sql, ", \"%s\"", fields[i]);
  g_string_append_printf (sql, " FROM \"%s\" WHERE id = ?1", rule->entity);

  stmt = _fd_database_prepare (database, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, fd_change_get_id (change), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      /* A missing row is the write path's to report */
      sqlite3_reset (stmt);
      return NULL;
    }

  session_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  for (guint i = 0; fields[i] != NULL && locked == NULL; i++)
    {
      const FdChangeField *field = _fd_change_lookup (change, fields[i]);

      if (field != NULL && field_differs (stmt, (int) i + 1, field))
        locked = g_intern_string (fields[i]);
    }
  sqlite3_reset (stmt);

  if (locked == NULL)
    return NULL;

  if (rule->if_it_has_slots && !has_slots (database, fd_change_get_id (change)))
    return NULL;

  if (session_id != NULL && fd_roles_is_session_locked (database, session_id))
    return locked;

  /* Moving a slot or a sequence into a locked session changes its slots too */
  target = change_text (change, rule->session_column);
  if (target != NULL && g_strcmp0 (target, session_id) != 0 &&
      fd_roles_is_session_locked (database, target))
    return g_intern_string (rule->session_column);

  return NULL;
}

static gboolean
check_session_lock (FdDatabase      *database,
                    const char      *entity,
                    const FdChange  *change,
                    GError         **error)
{
  FdChangeKind kind = fd_change_get_kind (change);

  for (guint i = 0; i < G_N_ELEMENTS (lock_rules); i++)
    {
      const LockRule *rule = &lock_rules[i];
      g_autofree char *stored = NULL;
      gboolean found;

      if (rule->kind != kind || !g_str_equal (rule->entity, entity))
        continue;

      if (kind == FD_CHANGE_CREATE)
        {
          const char *session_id = change_text (change, rule->session_column);

          if (session_id != NULL && fd_roles_is_session_locked (database, session_id))
            {
              set_forbidden (error, rule->error_field, LOCK_MESSAGE);
              return FALSE;
            }
        }
      else if (kind == FD_CHANGE_DELETE || kind == FD_CHANGE_RESTORE)
        {
          stored = stored_text (database, rule->entity, rule->session_column,
                                fd_change_get_id (change), &found);
          if (stored != NULL && fd_roles_is_session_locked (database, stored) &&
              (!rule->if_it_has_slots || has_slots (database, fd_change_get_id (change))))
            {
              set_forbidden (error, rule->error_field, LOCK_MESSAGE);
              return FALSE;
            }
        }
      else
        {
          g_autoptr(GError) local_error = NULL;
          const char *field = locked_update_field (database, rule, change, &local_error);

          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (field != NULL)
            {
              set_forbidden (error, field, LOCK_MESSAGE);
              return FALSE;
            }
        }
    }

  return TRUE;
}

gboolean
_fd_roles_check (FdDatabase  *database,
                 FdUser      *user,
                 const char  *entity,
                 FdChange    *change,
                 GError     **error)
{
  const RoleRules *rules;
  const EntityRule *rule;
  const AccessRule *access;
  const char *refusal;
  EntityClass klass;

  g_assert (FD_IS_DATABASE (database));
  g_assert (FD_IS_USER (user));
  g_assert (entity != NULL);
  g_assert (change != NULL);

  rules = &role_rules[fd_user_get_role (user)];
  rule = lookup_entity_rule (entity);
  klass = rule != NULL ? rule->klass : CLASS_OTHER;

  refusal = class_refusal (user, klass, fd_change_get_kind (change), FALSE);
  if (refusal != NULL)
    {
      set_forbidden (error, NULL, refusal);
      return FALSE;
    }

  access = &access_rules[class_access[klass][fd_user_get_role (user)]];
  if (access->check != NULL)
    {
      /* Row checks belong to the classes of known entities */
      g_assert (rule != NULL);
      if (!access->check (database, user, rule, change, error))
        return FALSE;
    }

  if (!rules->changes_locked_sessions && !check_session_lock (database, entity, change, error))
    return FALSE;

  return TRUE;
}

typedef struct
{
  const char *entity;     /* asked as a change of this entity */
  FdChangeKind kind;
  gboolean whole_class;   /* of any row, not only one's own */
} PermissionRule;

static const PermissionRule permission_rules[] = {
  [FD_PERMISSION_MANAGE_ACCOUNTS] = { "user_account", FD_CHANGE_CREATE, TRUE },
  [FD_PERMISSION_EDIT_ORGANISATION] = { "organisation", FD_CHANGE_UPDATE, TRUE },
  [FD_PERMISSION_EDIT_PLANNING] = { "session", FD_CHANGE_UPDATE, TRUE },
  [FD_PERMISSION_EDIT_SESSION_DATES] = { "slot", FD_CHANGE_UPDATE, TRUE },
  [FD_PERMISSION_REVIEW_TRAINER_RECORDS] = { "expense", FD_CHANGE_UPDATE, TRUE },
  [FD_PERMISSION_RECORD_OWN_TRAINER_RECORDS] = { "unavailability", FD_CHANGE_CREATE, FALSE },
  [FD_PERMISSION_SIGN_ATTENDANCE] = { "attendance", FD_CHANGE_CREATE, FALSE },
};

/**
 * fd_roles_explain_session_lock:
 * @database: a #FdDatabase
 * @user: (nullable): a user; %NULL for the database's current user
 * @session_id: (nullable): a session's id
 *
 * For an editor to show, before the user tries, why the dates and slots of
 * a session cannot be changed (see fd_roles_is_session_locked()).
 *
 * Returns: (transfer full) (nullable): the translated reason, or %NULL if
 *   @user may change the session's dates and slots as far as the lock goes
 */
char *
fd_roles_explain_session_lock (FdDatabase *database,
                               FdUser     *user,
                               const char *session_id)
{
  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (user == NULL || FD_IS_USER (user), NULL);

  if (user == NULL)
    user = fd_database_get_user (database);

  if (session_id == NULL || role_rules[fd_user_get_role (user)].changes_locked_sessions ||
      !fd_roles_is_session_locked (database, session_id))
    return NULL;

  return g_strdup (_(LOCK_MESSAGE));
}

/**
 * fd_roles_explain:
 * @database: a #FdDatabase
 * @user: (nullable): a user; %NULL for the database's current user
 * @permission: what the user would do
 * @session_id: (nullable): for %FD_PERMISSION_EDIT_SESSION_DATES, the
 *   session whose lock to check too
 *
 * Why @user may not do what @permission names, in a sentence that says who
 * can: for a tooltip, an insensitive button's explanation, a banner.
 *
 * Returns: (transfer full) (nullable): the translated reason, or %NULL if
 *   @user may
 */
char *
fd_roles_explain (FdDatabase   *database,
                  FdUser       *user,
                  FdPermission  permission,
                  const char   *session_id)
{
  const PermissionRule *rule;
  const char *refusal;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (user == NULL || FD_IS_USER (user), NULL);
  g_return_val_if_fail ((guint) permission < G_N_ELEMENTS (permission_rules), NULL);

  if (user == NULL)
    user = fd_database_get_user (database);

  rule = &permission_rules[permission];
  refusal = class_refusal (user, entity_class (rule->entity), rule->kind, rule->whole_class);
  if (refusal != NULL)
    return g_strdup (_(refusal));

  if (permission == FD_PERMISSION_EDIT_SESSION_DATES)
    return fd_roles_explain_session_lock (database, user, session_id);

  return NULL;
}

/**
 * fd_roles_can:
 * @database: a #FdDatabase
 * @user: (nullable): a user; %NULL for the database's current user
 * @permission: what the user would do
 * @session_id: (nullable): see fd_roles_explain()
 *
 * Returns: whether @user may do what @permission names
 */
gboolean
fd_roles_can (FdDatabase   *database,
              FdUser       *user,
              FdPermission  permission,
              const char   *session_id)
{
  g_autofree char *refusal = NULL;

  g_return_val_if_fail (FD_IS_DATABASE (database), FALSE);

  refusal = fd_roles_explain (database, user, permission, session_id);

  return refusal == NULL;
}

/**
 * fd_roles_explain_change:
 * @database: a #FdDatabase
 * @user: (nullable): a user; %NULL for the database's current user
 * @entity: an entity (table) name, e.g. "cost"
 * @kind: the kind of change
 *
 * Why @user may make no change of @kind to @entity at all, whatever the
 * row, e.g. to hide a "New" button. A change that passes may still be
 * refused for its row (another trainer's expense, a locked session).
 *
 * Returns: (transfer full) (nullable): the translated reason, or %NULL if
 *   some such change may be allowed
 */
char *
fd_roles_explain_change (FdDatabase   *database,
                         FdUser       *user,
                         const char   *entity,
                         FdChangeKind  kind)
{
  const char *refusal;

  g_return_val_if_fail (FD_IS_DATABASE (database), NULL);
  g_return_val_if_fail (user == NULL || FD_IS_USER (user), NULL);
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (kind <= FD_CHANGE_RESTORE, NULL);

  if (user == NULL)
    user = fd_database_get_user (database);

  refusal = class_refusal (user, entity_class (entity), kind, FALSE);

  return refusal != NULL ? g_strdup (_(refusal)) : NULL;
}
