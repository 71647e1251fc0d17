/* fd-text.h
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *fd_text_fold (const char *text);
char *fd_text_uuid (void);

gboolean fd_text_has_word (const char *words,
                           const char *word);

G_END_DECLS
