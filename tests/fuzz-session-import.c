/* fuzz-session-import.c — libFuzzer target: the session import's CSV reader
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "fd-core.h"

/*
 * Built as a fuzzer only with clang (meson setup -Dfuzzing=true, see
 * README.md); test-session-import-fuzz.c runs the same function over a
 * corpus of nasty inputs in every build, so CI exercises it with gcc too.
 *
 * Whatever the bytes, the reader returns an import or an error, never
 * both, and everything it hands out is valid UTF-8: the values of every
 * row and every problem's sentence.
 */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(FdSessionImport) import = fd_session_import_parse_csv (bytes, &error);
  GPtrArray *problems;
  guint n_rows;

  if (import == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == FD_SESSION_IMPORT_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_null (error);

  n_rows = fd_session_import_get_n_rows (import);
  for (guint row = 0; row < n_rows; row++)
    {
      g_assert_cmpuint (fd_session_import_get_row_line (import, row), >=, 2);
      for (guint column = 0; column < FD_SESSION_IMPORT_N_COLUMNS; column++)
        {
          const char *value = fd_session_import_get_value (import, row, column);

          g_assert_nonnull (value);
          g_assert_true (g_utf8_validate (value, -1, NULL));
        }
    }

  problems = fd_session_import_get_problems (import);
  for (guint i = 0; i < problems->len; i++)
    {
      const FdSessionImportProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = fd_session_import_problem_format (problem);

      g_assert_cmpuint (problem->line, >=, 1);
      g_assert_true (g_utf8_validate (line, -1, NULL));
    }

  return 0;
}
