/* fd-models.h — read-only model objects shown by the views
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Dates are ISO 8601 strings as stored ("2026-03-03", "2026-03-03T09:00");
 * money is in cents. Every getter returns a borrowed value, never NULL for
 * strings that the schema makes NOT NULL, possibly NULL otherwise. Each
 * getter is also a read-only property of the same name ("start-date",
 * "n-enrolled"), for bindings and expressions. */

#include "fd-record.h"

#include "fd-client.h"
#include "fd-enrollment.h"
#include "fd-session.h"
#include "fd-slot.h"
#include "fd-trainee.h"
#include "fd-trainer.h"
