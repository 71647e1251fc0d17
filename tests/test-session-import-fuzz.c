/* test-session-import-fuzz.c — the import's fuzz target over nasty inputs
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <string.h>

#include "fd-core.h"

/* The libFuzzer target (fuzz-session-import.c), linked in: every build
 * runs it over the seeds of tests/corpus/session-import and over inputs
 * made here that a fuzzer takes long to find. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define HEADER "reference;formation;libelle;type;sequence;date;debut;fin;pause_minutes;lieu;salle;formateurs\n"
#define ROW "P-1;BUR-01;\"Excel; niveau \"\"1\"\"\";inter;Jour 1;10/03/2026;09:00;12:30;15;Centre Lyon;Salle A;a@ex.fr,b@ex.fr\r\n"

static void
run (const char *data,
     gsize       size)
{
  LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
}

static void
run_string (GString *text)
{
  run (text->str, text->len);
}

static FdSessionImport *
parse (const char *data,
       gsize       size,
       GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  return fd_session_import_parse_csv (bytes, error);
}

static void
test_corpus (void)
{
  const char *path = g_test_get_filename (G_TEST_DIST, "corpus", "session-import", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  const char *name;
  guint n_files = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (name[0] == '.')
        continue;

      g_file_get_contents (file, &contents, &length, &error);
      g_assert_no_error (error);
      g_test_message ("%s", name);
      run (contents, length);

      /* and every prefix of it: a file cut anywhere */
      for (gsize cut = 0; cut < length; cut++)
        run (contents, cut);
      n_files++;
    }

  g_assert_cmpuint (n_files, >=, 5);
}

static void
test_tiny (void)
{
  static const char * const inputs[] = {
    "", "\xef\xbb\xbf", "\xef\xbb", "\xef", "\n", "\r", "\r\n", "\"", "\"\"", "\"\"\"",
    ";", ",", ";;;;", "\xef\xbb\xbf\n", "\xff\xfe", "\xfe\xff", "\xff", "\x81", "\xc3",
    "\xc3\xa9", "\xe9", "a\rb\nc\r\nd", "\"a\nb", "\"a\"b\"c\"", "\xef\xbb\xbf\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    run (inputs[i], strlen (inputs[i]));

  /* Every byte alone, after the header, and inside a quoted field */
  for (guint c = 0; c < 256; c++)
    {
      char byte = (char) c;
      g_autoptr(GString) text = g_string_new (HEADER);

      run (&byte, 1);
      g_string_append_c (text, byte);
      run_string (text);
      g_string_append (text, "\";x\n");
      g_string_insert_c (text, strlen (HEADER), '"');
      run_string (text);
    }
}

static void
test_nuls (void)
{
  static const char header_nul[] = "reference\0;formation\n";
  g_autoptr(GString) text = g_string_new (HEADER ROW);
  g_autoptr(GError) error = NULL;
  g_autoptr(FdSessionImport) import = NULL;

  run (header_nul, sizeof header_nul - 1);
  g_string_append_len (text, "P-2;\0\0\0;x\n", 10);
  run_string (text);

  import = parse (text->str, text->len, &error);
  g_assert_null (import);
  g_assert_error (error, FD_SESSION_IMPORT_ERROR, FD_SESSION_IMPORT_ERROR_NOT_TEXT);
}

static void
test_unterminated_quotes (void)
{
  const char *row = ROW;

  gboolean quoted = FALSE;

  /* An opening quote before every field of a row, never closed */
  for (gsize i = 0; row[i] != '\0'; i++)
    {
      g_autoptr(GString) text = g_string_new (HEADER);
      g_autoptr(GError) error = NULL;
      g_autoptr(FdSessionImport) import = NULL;

      if (i > 0 && row[i - 1] == '"')
        quoted = !quoted;
      if (quoted || (i > 0 && row[i - 1] != ';'))
        continue;
      g_string_append_len (text, row, (gssize) i);
      g_string_append (text, "\"never closed;x;y\n");
      run_string (text);

      import = parse (text->str, text->len, &error);
      g_assert_null (import);
      g_assert_error (error, FD_SESSION_IMPORT_ERROR, FD_SESSION_IMPORT_ERROR_SYNTAX);
      g_assert_true (g_str_has_prefix (error->message, "line 2:"));
    }
}

static void
test_wide (void)
{
  g_autoptr(GString) header = g_string_new (NULL);
  g_autoptr(GString) rows = g_string_new (HEADER);
  g_autoptr(GError) error = NULL;
  g_autoptr(FdSessionImport) import = NULL;
  g_autoptr(FdSessionImport) wide_rows = NULL;
  GPtrArray *problems;

  /* 10 000 columns in the header: each name is not reported */
  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (header, "%scolumn %u", i > 0 ? ";" : "", i);
  g_string_append_c (header, '\n');
  g_string_append (header, ROW);
  run_string (header);

  import = parse (header->str, header->len, &error);
  g_assert_no_error (error);
  problems = fd_session_import_get_problems (import);
  g_assert_cmpuint (problems->len, ==, 1 + FD_SESSION_IMPORT_N_COLUMNS);
  g_assert_cmpuint (fd_session_import_get_n_rows (import), ==, 0);

  /* and 10 000 fields in rows */
  for (guint r = 0; r < 3; r++)
    {
      for (guint i = 0; i < 10000; i++)
        g_string_append (rows, i % 3 == 0 ? ";\"\"" : ";x");
      g_string_append_c (rows, '\n');
    }
  g_string_append (rows, ROW);
  run_string (rows);

  wide_rows = parse (rows->str, rows->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fd_session_import_get_problems (wide_rows)->len, ==, 3);
  g_assert_cmpuint (fd_session_import_get_n_rows (wide_rows), ==, 1);
}

static void
test_huge_lines (void)
{
  g_autoptr(GString) text = g_string_new (HEADER "P-1;BUR-01;");
  g_autoptr(GString) quoted = g_string_new (HEADER "P-1;BUR-01;\"");
  g_autoptr(GString) lines = g_string_new (HEADER);
  g_autoptr(GError) error = NULL;
  g_autoptr(FdSessionImport) import = NULL;
  g_autoptr(FdSessionImport) quoted_import = NULL;
  g_autoptr(FdSessionImport) many = NULL;
  const gsize huge = 4 * 1024 * 1024;

  /* A 4 MiB label, then the same quoted, all quotes doubled */
  for (gsize i = 0; i < huge; i++)
    g_string_append_c (text, (char) ('a' + i % 26));
  g_string_append (text, ";inter;J1;10/03/2026;09:00;12:00;;;;\n");
  run_string (text);
  import = parse (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fd_session_import_get_n_rows (import), ==, 1);
  g_assert_cmpuint (strlen (fd_session_import_get_value (import, 0, FD_SESSION_IMPORT_COLUMN_LABEL)),
                    ==, huge);

  for (gsize i = 0; i < huge / 2; i++)
    g_string_append (quoted, "\"\"");
  g_string_append (quoted, "\";inter;J1;10/03/2026;09:00;12:00;;;;\n");
  run_string (quoted);
  quoted_import = parse (quoted->str, quoted->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (fd_session_import_get_value (quoted_import, 0,
                                                         FD_SESSION_IMPORT_COLUMN_LABEL)),
                    ==, huge / 2);

  /* 200 000 lines, blank or not */
  for (guint i = 0; i < 100000; i++)
    g_string_append (lines, i % 2 ? "\r\n" : "P;B;;inter;J;10/03/2026;09:00;10:00;;;;\n");
  run_string (lines);
  many = parse (lines->str, lines->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fd_session_import_get_n_rows (many), ==, 50000);
  g_assert_cmpuint (fd_session_import_get_row_line (many, 49999), ==, 100000);
}

static void
test_invalid_utf8 (void)
{
  static const char * const sequences[] = {
    "\xc3", "\xc3\x28", "\xa0\xa1", "\xe2\x28\xa1", "\xf0\x90\x28\xbc", "\xf8\xa1\xa1\xa1\xa1",
    "\xed\xa0\x80", "\xef\xbf\xbf", "\xc0\xaf", "\x81\x8d\x8f\x90\x9d",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sequences); i++)
    {
      g_autoptr(GString) text = g_string_new (HEADER);

      g_string_append (text, "P-1;BUR-01;");
      g_string_append (text, sequences[i]);
      g_string_append (text, ";inter;J1;10/03/2026;09:00;12:00;;;;\n");
      run_string (text);
      g_string_prepend (text, sequences[i]);
      run_string (text);
    }
}

/* Random bytes, and random damage to a good file, from a fixed seed */
static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260303);
  const char *good = HEADER ROW ROW "P-2;MAN-08;;intra;Module;2027-02-02;9h;12h;;;;\n";
  gsize good_length = strlen (good);
  static const char alphabet[] = ";,\"\r\n \xef\xbb\xbf\xe9\xc3\xa9" "a1/:h";

  for (guint i = 0; i < 2000; i++)
    {
      gsize length = (gsize) g_rand_int_range (rand, 0, 600);
      g_autofree char *bytes = g_malloc (length + 1);

      for (gsize j = 0; j < length; j++)
        bytes[j] = i % 2 ? (char) g_rand_int_range (rand, 0, 256)
                         : alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      run (bytes, length);
    }

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *bytes = g_memdup2 (good, good_length);
      guint n_changes = (guint) g_rand_int_range (rand, 1, 8);

      for (guint j = 0; j < n_changes; j++)
        bytes[g_rand_int_range (rand, 0, (gint32) good_length)] =
          j % 2 ? alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]
                : (char) g_rand_int_range (rand, 0, 256);
      run (bytes, good_length);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);

  g_test_add_func ("/session-import/fuzz/corpus", test_corpus);
  g_test_add_func ("/session-import/fuzz/tiny", test_tiny);
  g_test_add_func ("/session-import/fuzz/nuls", test_nuls);
  g_test_add_func ("/session-import/fuzz/unterminated-quotes", test_unterminated_quotes);
  g_test_add_func ("/session-import/fuzz/10000-columns", test_wide);
  g_test_add_func ("/session-import/fuzz/huge-lines", test_huge_lines);
  g_test_add_func ("/session-import/fuzz/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/session-import/fuzz/random", test_random);

  return g_test_run ();
}
