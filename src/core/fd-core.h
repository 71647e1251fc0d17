/* fd-core.h — the data core: model and storage, GLib + SQLite only
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fd-bench.h"
#include "fd-blob.h"
#include "fd-change.h"
#include "fd-choice.h"
#include "fd-database.h"
#include "fd-input.h"
#include "fd-editor-lists.h"
#include "fd-format.h"
#include "fd-models.h"
#include "fd-queries.h"
#include "fd-record.h"
#include "fd-record-kind.h"
#include "fd-record-list.h"
#include "fd-row-changes.h"
#include "fd-session-plan.h"
#include "fd-text.h"
#include "fd-validate.h"
