/* fd-entity-private.h — what the write path knows of each entity
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "fd-change-private.h"
#include "fd-database.h"

G_BEGIN_DECLS

typedef enum
{
  FD_COLUMN_TEXT,
  FD_COLUMN_INTEGER,
  FD_COLUMN_REAL,
} FdColumnType;

typedef struct
{
  char *name;
  gboolean required; /* NOT NULL without a default */
  FdColumnType type;
  GStrv allowed;     /* the values its CHECK (x IN (…)) allows, or NULL */
  char *references;  /* the table its REFERENCES names, or NULL */
} FdColumn;

/* An entity is a synced table; its writable columns are read from the
 * schema itself (PRAGMA table_info), so the schema is the only list. */
typedef struct
{
  char *name;
  GPtrArray *columns; /* FdColumn, writable ones only */
  gboolean has_keys;  /* search_key and sort_key maintained by core */
} FdEntity;

FdEntity       *_fd_entity_load     (sqlite3         *db,
                                     const char      *name,
                                     GError         **error);
void            _fd_entity_free     (FdEntity        *entity);
const FdColumn *_fd_entity_column   (const FdEntity  *entity,
                                     const char      *name);
/* Whether @entity's rows sort or are searched by @column */
gboolean        _fd_entity_is_key_column (const char *entity,
                                          const char *column);

/* The translated name of a field, for messages ("room_id" → "Room"), and
 * of a table's rows ("slot" → "Slot"); the name itself when it has none */
const char     *_fd_entity_column_label (const char *column);
const char     *_fd_entity_table_label  (const char *table);

/* Checks and normalises @change in place (emails, phones, SIRET…), fills
 * what core generates (a session's code), refuses what rules forbid. */
gboolean        _fd_entity_validate (FdDatabase      *database,
                                     const FdEntity  *entity,
                                     FdChange        *change,
                                     GError         **error);

/* The search and sort keys of a row that @change creates. */
void            _fd_entity_compute_keys (const FdEntity  *entity,
                                         const FdChange  *change,
                                         char           **search_key,
                                         char           **sort_key);

/* After an update: recomputes the row's search and sort keys. */
gboolean        _fd_entity_update_keys (FdDatabase      *database,
                                        const FdEntity  *entity,
                                        const char      *id,
                                        GError         **error);

G_END_DECLS
