/* fuzz-sync-protocol.c — libFuzzer target: the sync protocol's decoders
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fd-sync-protocol.h"

/*
 * Built as a fuzzer only with clang (meson setup -Dfuzzing=true, see
 * README.md); test-sync-protocol.c runs the same function over a corpus
 * of nasty inputs in every build, so CI exercises it with gcc too.
 *
 * Whatever the bytes, each decoder returns a message or an error, never
 * both; errors are of FD_SYNC_ERROR with a UTF-8 message; and a decoded
 * message encodes to JSON that decodes to the same message again.
 */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_error (GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == FD_SYNC_ERROR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
check_push_request (const char *data,
                    gsize       size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdSyncPushRequest) request = fd_sync_push_request_decode (data, size, &error);
  g_autoptr(FdSyncPushRequest) again = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  gsize length;

  if (request == NULL)
    {
      check_error (error);
      return;
    }
  g_assert_null (error);
  g_assert_cmpuint (request->mutations->len, <=, FD_SYNC_MAX_MUTATIONS);
  g_assert_true (fd_sync_is_valid_id (request->device_id));
  for (guint i = 0; i < request->mutations->len; i++)
    {
      FdSyncMutation *mutation = g_ptr_array_index (request->mutations, i);

      g_assert_true (fd_sync_is_valid_id (mutation->id));
      g_assert_true (fd_sync_is_valid_name (mutation->name));
      g_assert_true (fd_sync_is_valid_id (mutation->entity_id));
      g_assert_cmpint (mutation->base_version, >=, 0);
      g_assert_nonnull (mutation->args);
    }

  json = fd_sync_push_request_encode (request, &length);
  again = fd_sync_push_request_decode (json, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  json_again = fd_sync_push_request_encode (again, NULL);
  g_assert_cmpstr (json, ==, json_again);
}

static void
check_push_response (const char *data,
                     gsize       size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdSyncPushResponse) response = fd_sync_push_response_decode (data, size, &error);
  g_autoptr(FdSyncPushResponse) again = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  gsize length;

  if (response == NULL)
    {
      check_error (error);
      return;
    }
  g_assert_null (error);
  for (guint i = 0; i < response->results->len; i++)
    {
      FdSyncResult *result = g_ptr_array_index (response->results, i);

      g_assert_true (fd_sync_is_valid_id (result->id));
      g_assert_nonnull (fd_sync_status_to_string (result->status));
      g_assert_true (result->message == NULL || g_utf8_validate (result->message, -1, NULL));
    }

  json = fd_sync_push_response_encode (response, &length);
  again = fd_sync_push_response_decode (json, length, &error);
  g_assert_no_error (error);
  json_again = fd_sync_push_response_encode (again, NULL);
  g_assert_cmpstr (json, ==, json_again);
}

static void
check_pull_response (const char *data,
                     gsize       size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdSyncPullResponse) response = fd_sync_pull_response_decode (data, size, &error);
  g_autoptr(FdSyncPullResponse) again = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  gsize length;

  if (response == NULL)
    {
      check_error (error);
      return;
    }
  g_assert_null (error);
  g_assert_cmpuint (response->changes->len, <=, FD_SYNC_MAX_PULL_CHANGES);
  g_assert_true (fd_sync_cursor_decode (response->cursor, NULL, NULL));

  json = fd_sync_pull_response_encode (response, &length);
  again = fd_sync_pull_response_decode (json, length, &error);
  g_assert_no_error (error);
  json_again = fd_sync_pull_response_encode (again, NULL);
  g_assert_cmpstr (json, ==, json_again);
}

static void
check_error_document (const char *data,
                      gsize       size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;

  if (!fd_sync_error_decode (data, size, &code, &message, &error))
    {
      check_error (error);
      g_assert_null (code);
      return;
    }
  g_assert_null (error);
  g_assert_true (g_utf8_validate (message, -1, NULL));
}

static void
check_cursor (const char *data,
              gsize       size)
{
  g_autofree char *text = g_strndup (data, MIN (size, 2 * FD_SYNC_MAX_CURSOR_LENGTH));
  g_autoptr(GError) error = NULL;
  gint64 version = -1;

  if (!fd_sync_cursor_decode (text, &version, &error))
    {
      check_error (error);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpint (version, >=, 0);
  if (*text != '\0')
    {
      g_autofree char *encoded = fd_sync_cursor_encode (version);

      g_assert_cmpstr (encoded, ==, text);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;

  check_push_request (text, size);
  check_push_response (text, size);
  check_pull_response (text, size);
  check_error_document (text, size);
  check_cursor (text, size);

  return 0;
}
