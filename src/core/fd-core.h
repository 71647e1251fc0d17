/* fd-core.h — the data core: model and storage, GLib + SQLite only
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-accounts.h"
#include "fd-bench.h"
#include "fd-blob.h"
#include "fd-change.h"
#include "fd-conflicts.h"
#include "fd-database.h"
#include "fd-editor-lists.h"
#include "fd-enroll.h"
#include "fd-format.h"
#include "fd-history.h"
#include "fd-holidays.h"
#include "fd-ical.h"
#include "fd-input.h"
#include "fd-invitations.h"
#include "fd-models.h"
#include "fd-option.h"
#include "fd-password.h"
#include "fd-population.h"
#include "fd-queries.h"
#include "fd-record-kind.h"
#include "fd-record-list.h"
#include "fd-record.h"
#include "fd-resource-lane.h"
#include "fd-roles.h"
#include "fd-row-changes.h"
#include "fd-session-duplicate.h"
#include "fd-session-emails.h"
#include "fd-session-import.h"
#include "fd-session-plan.h"
#include "fd-slot-draft.h"
#include "fd-slot-move.h"
#include "fd-suggestion.h"
#include "fd-sync-state.h"
#include "fd-template.h"
#include "fd-text.h"
#include "fd-user.h"
#include "fd-validate.h"
