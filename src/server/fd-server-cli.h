/* fd-server-cli.h — formadesk-server's command line
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int fd_server_cli_run (int    argc,
                       char **argv);

G_END_DECLS
