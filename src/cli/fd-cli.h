/* fd-cli.h — formadesk-cli: subcommands and their shared helpers
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "fd-core.h"

G_BEGIN_DECLS

/* Exit statuses: success, failure (including problems found by `verify`),
 * and a command line that could not be understood. */
#define FD_CLI_EXIT_OK      0
#define FD_CLI_EXIT_FAILED  1
#define FD_CLI_EXIT_USAGE   2

/* What every subcommand receives: the global options. */
typedef struct
{
  char *db_path;
} FdCliContext;

/* Each subcommand parses its own options from @argv (argv[0] names the
 * command) and returns an exit status. */
typedef int (*FdCliCommandFunc) (FdCliContext  *context,
                                 int            argc,
                                 char         **argv);

int          fd_cli_run             (int            argc,
                                     char         **argv);

int          fd_cli_demo            (FdCliContext  *context,
                                     int            argc,
                                     char         **argv);
int          fd_cli_stats           (FdCliContext  *context,
                                     int            argc,
                                     char         **argv);
int          fd_cli_list            (FdCliContext  *context,
                                     int            argc,
                                     char         **argv);
int          fd_cli_verify          (FdCliContext  *context,
                                     int            argc,
                                     char         **argv);
int          fd_cli_conflicts       (FdCliContext  *context,
                                     int            argc,
                                     char         **argv);
int          fd_cli_holidays        (FdCliContext  *context,
                                     int            argc,
                                     char         **argv);
int          fd_cli_emails          (FdCliContext  *context,
                                     int            argc,
                                     char         **argv);
int          fd_cli_export          (FdCliContext  *context,
                                     int            argc,
                                     char         **argv);
int          fd_cli_bench           (FdCliContext  *context,
                                     int            argc,
                                     char         **argv);
int          fd_cli_show            (FdCliContext  *context,
                                     int            argc,
                                     char         **argv);
int          fd_cli_duplicate       (FdCliContext  *context,
                                     int            argc,
                                     char         **argv);
int          fd_cli_import          (FdCliContext  *context,
                                     int            argc,
                                     char         **argv);
int          fd_cli_enroll          (FdCliContext  *context,
                                     int            argc,
                                     char         **argv);
int          fd_cli_unenroll        (FdCliContext  *context,
                                     int            argc,
                                     char         **argv);
int          fd_cli_sync            (FdCliContext  *context,
                                     int            argc,
                                     char         **argv);

/* Shared helpers (fd-cli.c) */
void         fd_cli_print_error     (const char    *message);
int          fd_cli_fail            (GError        *error);
int          fd_cli_usage_error     (GError        *error);
gboolean     fd_cli_check_no_more_arguments (int      argc,
                                             char   **argv,
                                             int      n_expected,
                                             GError **error);
gboolean     fd_cli_parse_options   (FdCliContext   *context,
                                     GOptionContext *option_context,
                                     const char     *command,
                                     int            *argc,
                                     char         ***argv,
                                     GError        **error);
FdDatabase  *fd_cli_open_database   (FdCliContext  *context,
                                     FdDatabaseOpenFlags flags,
                                     GError       **error);
void         fd_cli_print_json      (JsonNode      *node);
void         fd_cli_print_table     (GPtrArray     *rows);
void         fd_cli_builder_add_string (JsonBuilder *builder,
                                        const char  *name,
                                        const char  *value);
void         fd_cli_builder_add_int (JsonBuilder *builder,
                                     const char  *name,
                                     gint64       value);
void         fd_cli_builder_add_boolean (JsonBuilder *builder,
                                         const char  *name,
                                         gboolean     value);
gboolean     fd_cli_parse_date      (const char    *text,
                                     const char    *option,
                                     GDate         *date,
                                     GError       **error);

G_END_DECLS
