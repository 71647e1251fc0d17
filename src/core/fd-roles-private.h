/* fd-roles-private.h — the role rules of the write path
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-change.h"
#include "fd-database.h"
#include "fd-user.h"

G_BEGIN_DECLS

/* Called by the write path for every change, before validation: refuses
 * with a translated %FD_VALIDATION_ERROR_FORBIDDEN what @user's role may
 * not do (naming the field when the refusal is about one). Reads the rows
 * @change touches; writes nothing. */
gboolean _fd_roles_check        (FdDatabase  *database,
                                 FdUser      *user,
                                 const char  *entity,
                                 FdChange    *change,
                                 GError     **error);

/* Whether @entity has its own line in the rules (tests check that every
 * synced table has one, so none falls to the default by accident). */
gboolean _fd_roles_knows_entity (const char  *entity);

G_END_DECLS
