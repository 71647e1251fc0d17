/* fd-population.h — who a session is for
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "fd-database.h"

G_BEGIN_DECLS

/**
 * FdPopulation:
 * @id: the population's id
 * @revision: its revision, the base of an update
 * @name: its name
 * @kind: "client" (a client company's trainees), "group" (a group's
 *   members) or "list" (trainees listed one by one)
 * @client_id: (nullable): for "client", the company
 * @group_id: (nullable): for "group", the group
 * @n_members: the live trainees it holds now
 */
typedef struct
{
  char   *id;
  gint64  revision;
  char   *name;
  char   *kind;
  char   *client_id;
  char   *group_id;
  guint   n_members;
} FdPopulation;

void        fd_population_free                     (FdPopulation  *population);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdPopulation, fd_population_free)

const char *fd_population_kind_label               (const char    *kind);

GPtrArray  *fd_database_list_populations           (FdDatabase    *database,
                                                    GError       **error);
GPtrArray  *fd_database_list_session_populations   (FdDatabase    *database,
                                                    const char    *session_id,
                                                    GError       **error);

gboolean    fd_population_collect_create           (FdDatabase          *database,
                                                    const char          *kind,
                                                    const char          *name,
                                                    const char          *source_id,
                                                    const char * const  *trainee_ids,
                                                    GPtrArray           *changes,
                                                    char               **population_id,
                                                    GError             **error);
char       *fd_database_create_population          (FdDatabase          *database,
                                                    const char          *kind,
                                                    const char          *name,
                                                    const char          *source_id,
                                                    const char * const  *trainee_ids,
                                                    GError             **error);

gboolean    fd_session_populations_collect_changes (FdDatabase          *database,
                                                    const char          *session_id,
                                                    const char * const  *population_ids,
                                                    GPtrArray           *changes,
                                                    GError             **error);
gboolean    fd_database_set_session_populations    (FdDatabase          *database,
                                                    const char          *session_id,
                                                    const char * const  *population_ids,
                                                    GError             **error);

G_END_DECLS
