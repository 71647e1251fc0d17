/* fd-sync-protocol.c — the sync protocol, version 1: messages and their codec
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-sync-protocol.h"

#include <string.h>

/*
 * Every message is a JSON object (src/server/API.md). Decoders read bytes
 * that come from the network: before json-glib sees them they are bounded
 * in size, checked to be UTF-8 without NUL bytes, and scanned for their
 * nesting depth (json-glib's parser recurses, so a megabyte of "[" would
 * otherwise exhaust the stack). Then every member is checked for its type
 * and its bounds; unknown members are ignored, so that a newer peer may
 * add some. A decoder returns a message or an error, never both.
 */

G_DEFINE_QUARK (fd-sync-error-quark, fd_sync_error)

/* Versions are JSON numbers: past 2^53 some peers lose precision */
#define MAX_VERSION ((gint64) 1 << 53)

static const char * const status_names[] = {
  [FD_SYNC_STATUS_APPLIED] = "applied",
  [FD_SYNC_STATUS_DUPLICATE] = "duplicate",
  [FD_SYNC_STATUS_CONFLICT] = "conflict",
  [FD_SYNC_STATUS_REJECTED] = "rejected",
};

const char *
fd_sync_status_to_string (FdSyncStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), NULL);

  return status_names[status];
}

gboolean
fd_sync_status_from_string (const char   *text,
                            FdSyncStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (g_str_equal (text, status_names[i]))
      {
        *status = (FdSyncStatus) i;
        return TRUE;
      }

  return FALSE;
}

/**
 * fd_sync_is_valid_id:
 * @text: (nullable): a text
 *
 * Ids (of mutations, rows, devices, batches) are UUIDs in practice; the
 * protocol accepts 1 to %FD_SYNC_MAX_ID_LENGTH ASCII letters, digits and
 * dashes, which is what may safely reach logs and SQL parameters.
 *
 * Returns: whether @text is a valid id
 */
gboolean
fd_sync_is_valid_id (const char *text)
{
  gsize length = 0;

  if (text == NULL)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++, length++)
    if (length >= FD_SYNC_MAX_ID_LENGTH || !(g_ascii_isalnum (*p) || *p == '-'))
      return FALSE;

  return length > 0;
}

static gboolean
is_identifier (const char *text,
               const char *end)
{
  if (text == end || !g_ascii_islower (*text))
    return FALSE;

  for (const char *p = text; p < end; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
      return FALSE;

  return TRUE;
}

static gboolean
is_valid_identifier (const char *text)
{
  return text != NULL && strlen (text) <= FD_SYNC_MAX_NAME_LENGTH &&
         is_identifier (text, text + strlen (text));
}

/**
 * fd_sync_is_valid_name:
 * @text: (nullable): a text
 *
 * Returns: whether @text has the shape of a mutation name: two lower-case
 *   identifiers joined by a dot ("slot.update"), at most
 *   %FD_SYNC_MAX_NAME_LENGTH bytes
 */
gboolean
fd_sync_is_valid_name (const char *text)
{
  const char *dot;
  gsize length;

  if (text == NULL)
    return FALSE;

  length = strlen (text);
  dot = strchr (text, '.');

  return length <= FD_SYNC_MAX_NAME_LENGTH && dot != NULL &&
         is_identifier (text, dot) && is_identifier (dot + 1, text + length);
}

/* The depth of the deepest array or object, or G_MAXUINT past @max;
 * @end is set to the offset just after the first value at the top closes
 * (@length if it never does) */
static guint
scan_depth (const char *data,
            gsize       length,
            guint       max,
            gsize      *end)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  guint deepest = 0;

  *end = length;
  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > max)
            return G_MAXUINT;
          deepest = MAX (deepest, depth);
          break;
        case ']':
        case '}':
          if (depth > 0 && --depth == 0)
            {
              *end = i + 1;
              return deepest;
            }
          break;
        default:
          break;
        }
    }

  return deepest;
}

/**
 * fd_sync_parse_json:
 * @data: (array length=length): bytes from the network
 * @length: their length
 * @max_length: the most bytes accepted
 * @error: return location for a #GError
 *
 * Parses one JSON object, bounded: at most @max_length bytes, UTF-8
 * without NUL bytes, nested at most %FD_SYNC_MAX_DEPTH deep.
 *
 * Returns: (transfer full): the object's node, or %NULL with @error set
 *   (%FD_SYNC_ERROR_TOO_LARGE or %FD_SYNC_ERROR_MALFORMED)
 */
JsonNode *
fd_sync_parse_json (const char  *data,
                    gsize        length,
                    gsize        max_length,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize start = 0;
  gsize end;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > max_length)
    {
      g_set_error (error, FD_SYNC_ERROR, FD_SYNC_ERROR_TOO_LARGE,
                   _("The message is too large (at most %u bytes)."),
                   (guint) MIN (max_length, G_MAXUINT));
      return NULL;
    }

  if (length > 0 && !g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, FD_SYNC_ERROR, FD_SYNC_ERROR_MALFORMED,
                           _("The message is not UTF-8 text."));
      return NULL;
    }

  /* json-glib also accepts "var name = {…}": only a bare object is ours */
  while (start < length && g_ascii_isspace (data[start]))
    start++;
  if (start == length || data[start] != '{')
    {
      g_set_error_literal (error, FD_SYNC_ERROR, FD_SYNC_ERROR_MALFORMED,
                           _("The message is not a JSON object."));
      return NULL;
    }

  if (scan_depth (data, length, FD_SYNC_MAX_DEPTH, &end) == G_MAXUINT)
    {
      g_set_error (error, FD_SYNC_ERROR, FD_SYNC_ERROR_MALFORMED,
                   _("The message is nested more than %d levels deep."), FD_SYNC_MAX_DEPTH);
      return NULL;
    }

  /* one object and nothing after it: json-glib 1.6 leaks the first value
   * when it finds something after it ("{} {}") */
  for (gsize i = end; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      {
        g_set_error_literal (error, FD_SYNC_ERROR, FD_SYNC_ERROR_MALFORMED,
                             _("The message is not a JSON object."));
        return NULL;
      }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data + start, (gssize) (length - start), &local_error))
    {
      g_debug ("JSON: %s", local_error->message);
      g_set_error_literal (error, FD_SYNC_ERROR, FD_SYNC_ERROR_MALFORMED,
                           _("The message is not valid JSON."));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, FD_SYNC_ERROR, FD_SYNC_ERROR_MALFORMED,
                           _("The message is not a JSON object."));
      return NULL;
    }

  return json_node_ref (root);
}

/* Member readers: @what names the member for the message ("mutations[2].id") */

static void
set_shape_error (GError     **error,
                 const char  *what,
                 const char  *expected)
{
  /* Translators: %1$s is a member of a message ("mutations[2].id"), %2$s
   * what it should be ("a string") */
  g_set_error (error, FD_SYNC_ERROR, FD_SYNC_ERROR_MALFORMED,
               _("“%1$s” must be %2$s."), what, expected);
}

static void
set_missing_error (GError     **error,
                   const char  *what)
{
  /* Translators: %s is a member of a message ("mutations[2].id") */
  g_set_error (error, FD_SYNC_ERROR, FD_SYNC_ERROR_MALFORMED,
               _("“%s” is missing."), what);
}

/* A member that is absent or null gives *@out = NULL when not @required */
static gboolean
read_string (JsonObject   *object,
             const char   *member,
             const char   *what,
             gboolean      required,
             gsize         max_length,
             gboolean    (*valid) (const char *text),
             const char   *expected,
             char        **out,
             GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!required)
        return TRUE;
      set_missing_error (error, what);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_shape_error (error, what, _("a string"));
      return FALSE;
    }

  text = json_node_get_string (node);
  if (strlen (text) > max_length)
    {
      /* Translators: %1$s is a member of a message, %2$u a number of bytes */
      g_set_error (error, FD_SYNC_ERROR, FD_SYNC_ERROR_TOO_LARGE,
                   _("“%1$s” is longer than %2$u bytes."), what, (guint) max_length);
      return FALSE;
    }
  if (valid != NULL && !valid (text))
    {
      set_shape_error (error, what, expected);
      return FALSE;
    }

  *out = g_strdup (text);
  return TRUE;
}

static gboolean
read_version (JsonObject  *object,
              const char  *member,
              const char  *what,
              gboolean     required,
              gint64      *out,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  *out = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!required)
        return TRUE;
      set_missing_error (error, what);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      (value = json_node_get_int (node)) < 0 || value > MAX_VERSION)
    {
      set_shape_error (error, what, _("a whole number from 0 to 2⁵³"));
      return FALSE;
    }

  *out = value;
  return TRUE;
}

static gboolean
read_bool (JsonObject  *object,
           const char  *member,
           const char  *what,
           gboolean    *out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = FALSE;
  if (node == NULL)
    {
      set_missing_error (error, what);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      set_shape_error (error, what, _("true or false"));
      return FALSE;
    }

  *out = json_node_get_boolean (node);
  return TRUE;
}

static JsonObject *
read_object (JsonObject  *object,
             const char  *member,
             const char  *what,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      set_missing_error (error, what);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_shape_error (error, what, _("an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

static JsonArray *
read_array (JsonObject  *object,
            const char  *member,
            guint        max_length,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL)
    {
      set_missing_error (error, member);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_shape_error (error, member, _("an array"));
      return NULL;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) > max_length)
    {
      /* Translators: %1$s is a member of a message, %2$u a number of items */
      g_set_error (error, FD_SYNC_ERROR, FD_SYNC_ERROR_TOO_LARGE,
                   _("“%1$s” has more than %2$u items."), member, max_length);
      return NULL;
    }

  return array;
}

static JsonObject *
array_object (JsonArray   *array,
              guint        index,
              const char  *what,
              GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_shape_error (error, what, _("an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

static char *
generate (JsonBuilder *builder,
          gsize       *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, length);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/* Mutations */

FdSyncMutation *
fd_sync_mutation_new (const char *id,
                      const char *name,
                      const char *entity_id,
                      gint64      base_version,
                      JsonObject *args,
                      const char *batch_id)
{
  FdSyncMutation *mutation;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (entity_id != NULL, NULL);
  g_return_val_if_fail (args != NULL, NULL);

  mutation = g_new0 (FdSyncMutation, 1);
  mutation->id = g_strdup (id);
  mutation->name = g_strdup (name);
  mutation->entity_id = g_strdup (entity_id);
  mutation->base_version = base_version;
  mutation->args = json_object_ref (args);
  mutation->batch_id = g_strdup (batch_id);

  return mutation;
}

void
fd_sync_mutation_free (FdSyncMutation *mutation)
{
  if (mutation == NULL)
    return;

  g_free (mutation->id);
  g_free (mutation->name);
  g_free (mutation->entity_id);
  g_clear_pointer (&mutation->args, json_object_unref);
  g_free (mutation->batch_id);
  g_free (mutation);
}

FdSyncPushRequest *
fd_sync_push_request_new (const char *device_id)
{
  FdSyncPushRequest *request;

  g_return_val_if_fail (device_id != NULL, NULL);

  request = g_new0 (FdSyncPushRequest, 1);
  request->device_id = g_strdup (device_id);
  request->mutations = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_sync_mutation_free);

  return request;
}

void
fd_sync_push_request_free (FdSyncPushRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->device_id);
  g_clear_pointer (&request->mutations, g_ptr_array_unref);
  g_free (request);
}

/**
 * fd_sync_push_request_encode:
 * @request: a push request
 * @length: (out) (optional): where to store the length
 *
 * Returns: (transfer full): the request as JSON
 */
char *
fd_sync_push_request_encode (const FdSyncPushRequest *request,
                             gsize                   *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (request != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "device_id", request->device_id);
  json_builder_set_member_name (builder, "mutations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < request->mutations->len; i++)
    {
      const FdSyncMutation *mutation = g_ptr_array_index (request->mutations, i);
      JsonNode *args = json_node_init_object (json_node_alloc (), mutation->args);

      json_builder_begin_object (builder);
      add_string (builder, "id", mutation->id);
      add_string (builder, "name", mutation->name);
      add_string (builder, "entity_id", mutation->entity_id);
      json_builder_set_member_name (builder, "base_version");
      json_builder_add_int_value (builder, mutation->base_version);
      json_builder_set_member_name (builder, "args");
      json_builder_add_value (builder, args);
      if (mutation->batch_id != NULL)
        add_string (builder, "batch_id", mutation->batch_id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return generate (builder, length);
}

static FdSyncMutation *
decode_mutation (JsonObject  *object,
                 guint        index,
                 GError     **error)
{
  g_autofree char *prefix = g_strdup_printf ("mutations[%u]", index);
  g_autofree char *what_id = g_strconcat (prefix, ".id", NULL);
  g_autofree char *what_name = g_strconcat (prefix, ".name", NULL);
  g_autofree char *what_entity = g_strconcat (prefix, ".entity_id", NULL);
  g_autofree char *what_base = g_strconcat (prefix, ".base_version", NULL);
  g_autofree char *what_args = g_strconcat (prefix, ".args", NULL);
  g_autofree char *what_batch = g_strconcat (prefix, ".batch_id", NULL);
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *entity_id = NULL;
  g_autofree char *batch_id = NULL;
  gint64 base_version;
  JsonObject *args;

  if (!read_string (object, "id", what_id, TRUE, FD_SYNC_MAX_ID_LENGTH,
                    fd_sync_is_valid_id, _("an id"), &id, error) ||
      !read_string (object, "name", what_name, TRUE, FD_SYNC_MAX_NAME_LENGTH,
                    fd_sync_is_valid_name, _("a mutation name"), &name, error) ||
      !read_string (object, "entity_id", what_entity, TRUE, FD_SYNC_MAX_ID_LENGTH,
                    fd_sync_is_valid_id, _("an id"), &entity_id, error) ||
      !read_version (object, "base_version", what_base, TRUE, &base_version, error) ||
      !read_string (object, "batch_id", what_batch, FALSE, FD_SYNC_MAX_ID_LENGTH,
                    fd_sync_is_valid_id, _("an id"), &batch_id, error))
    return NULL;

  args = read_object (object, "args", what_args, error);
  if (args == NULL)
    return NULL;

  return fd_sync_mutation_new (id, name, entity_id, base_version, args, batch_id);
}

/**
 * fd_sync_push_request_decode:
 * @data: (array length=length): the request's body
 * @length: its length
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the request, or %NULL with @error set
 */
FdSyncPushRequest *
fd_sync_push_request_decode (const char  *data,
                             gsize        length,
                             GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(FdSyncPushRequest) request = NULL;
  g_autofree char *device_id = NULL;
  JsonObject *object;
  JsonArray *mutations;

  root = fd_sync_parse_json (data, length, FD_SYNC_MAX_PUSH_BYTES, error);
  if (root == NULL)
    return NULL;
  object = json_node_get_object (root);

  if (!read_string (object, "device_id", "device_id", TRUE, FD_SYNC_MAX_ID_LENGTH,
                    fd_sync_is_valid_id, _("an id"), &device_id, error))
    return NULL;
  mutations = read_array (object, "mutations", FD_SYNC_MAX_MUTATIONS, error);
  if (mutations == NULL)
    return NULL;

  request = fd_sync_push_request_new (device_id);
  for (guint i = 0; i < json_array_get_length (mutations); i++)
    {
      g_autofree char *what = g_strdup_printf ("mutations[%u]", i);
      JsonObject *item = array_object (mutations, i, what, error);
      FdSyncMutation *mutation;

      if (item == NULL)
        return NULL;
      mutation = decode_mutation (item, i, error);
      if (mutation == NULL)
        return NULL;
      g_ptr_array_add (request->mutations, mutation);
    }

  return g_steal_pointer (&request);
}

/* Push results */

FdSyncResult *
fd_sync_result_new (const char   *id,
                    FdSyncStatus  status,
                    gint64        version,
                    const char   *field,
                    const char   *message)
{
  FdSyncResult *result;

  g_return_val_if_fail (id != NULL, NULL);

  result = g_new0 (FdSyncResult, 1);
  result->id = g_strdup (id);
  result->status = status;
  result->version = version;
  result->field = g_strdup (field);
  result->message = g_strdup (message);

  return result;
}

void
fd_sync_result_free (FdSyncResult *result)
{
  if (result == NULL)
    return;

  g_free (result->id);
  g_free (result->field);
  g_free (result->message);
  g_free (result);
}

FdSyncPushResponse *
fd_sync_push_response_new (gint64 server_time)
{
  FdSyncPushResponse *response = g_new0 (FdSyncPushResponse, 1);

  response->results = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_sync_result_free);
  response->server_time = server_time;

  return response;
}

void
fd_sync_push_response_free (FdSyncPushResponse *response)
{
  if (response == NULL)
    return;

  g_clear_pointer (&response->results, g_ptr_array_unref);
  g_free (response);
}

/**
 * fd_sync_push_response_encode:
 * @response: a push response
 * @length: (out) (optional): where to store the length
 *
 * Returns: (transfer full): the response as JSON
 */
char *
fd_sync_push_response_encode (const FdSyncPushResponse *response,
                              gsize                    *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (response != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < response->results->len; i++)
    {
      const FdSyncResult *result = g_ptr_array_index (response->results, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", result->id);
      add_string (builder, "status", fd_sync_status_to_string (result->status));
      if (result->version > 0)
        {
          json_builder_set_member_name (builder, "version");
          json_builder_add_int_value (builder, result->version);
        }
      if (result->field != NULL)
        add_string (builder, "field", result->field);
      if (result->message != NULL)
        add_string (builder, "message", result->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "server_time");
  json_builder_add_int_value (builder, response->server_time);
  json_builder_end_object (builder);

  return generate (builder, length);
}

static gboolean
is_status (const char *text)
{
  FdSyncStatus status;

  return fd_sync_status_from_string (text, &status);
}

/**
 * fd_sync_push_response_decode:
 * @data: (array length=length): the response's body
 * @length: its length
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the response, or %NULL with @error set
 */
FdSyncPushResponse *
fd_sync_push_response_decode (const char  *data,
                              gsize        length,
                              GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(FdSyncPushResponse) response = NULL;
  JsonObject *object;
  JsonArray *results;
  gint64 server_time;

  root = fd_sync_parse_json (data, length, FD_SYNC_MAX_PUSH_BYTES, error);
  if (root == NULL)
    return NULL;
  object = json_node_get_object (root);

  results = read_array (object, "results", FD_SYNC_MAX_MUTATIONS, error);
  if (results == NULL ||
      !read_version (object, "server_time", "server_time", TRUE, &server_time, error))
    return NULL;

  response = fd_sync_push_response_new (server_time);
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      g_autofree char *what = g_strdup_printf ("results[%u]", i);
      g_autofree char *what_id = g_strconcat (what, ".id", NULL);
      g_autofree char *what_status = g_strconcat (what, ".status", NULL);
      g_autofree char *what_version = g_strconcat (what, ".version", NULL);
      g_autofree char *what_field = g_strconcat (what, ".field", NULL);
      g_autofree char *what_message = g_strconcat (what, ".message", NULL);
      g_autofree char *id = NULL;
      g_autofree char *status_name = NULL;
      g_autofree char *field = NULL;
      g_autofree char *message = NULL;
      JsonObject *item = array_object (results, i, what, error);
      FdSyncStatus status = FD_SYNC_STATUS_REJECTED;
      gint64 version;

      if (item == NULL ||
          !read_string (item, "id", what_id, TRUE, FD_SYNC_MAX_ID_LENGTH,
                        fd_sync_is_valid_id, _("an id"), &id, error) ||
          !read_string (item, "status", what_status, TRUE, FD_SYNC_MAX_NAME_LENGTH,
                        is_status, _("applied, duplicate, conflict or rejected"),
                        &status_name, error) ||
          !read_version (item, "version", what_version, FALSE, &version, error) ||
          !read_string (item, "field", what_field, FALSE, FD_SYNC_MAX_NAME_LENGTH,
                        is_valid_identifier, _("a field name"), &field, error) ||
          !read_string (item, "message", what_message, FALSE, FD_SYNC_MAX_TEXT_LENGTH,
                        NULL, NULL, &message, error))
        return NULL;

      fd_sync_status_from_string (status_name, &status);
      g_ptr_array_add (response->results,
                       fd_sync_result_new (id, status, version, field, message));
    }

  return g_steal_pointer (&response);
}

/* Pull */

FdSyncChange *
fd_sync_change_new (gint64      version,
                    const char *entity,
                    const char *id,
                    gboolean    deleted,
                    JsonObject *row)
{
  FdSyncChange *change;

  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (row != NULL, NULL);

  change = g_new0 (FdSyncChange, 1);
  change->version = version;
  change->entity = g_strdup (entity);
  change->id = g_strdup (id);
  change->deleted = deleted;
  change->row = json_object_ref (row);

  return change;
}

void
fd_sync_change_free (FdSyncChange *change)
{
  if (change == NULL)
    return;

  g_free (change->entity);
  g_free (change->id);
  g_clear_pointer (&change->row, json_object_unref);
  g_free (change);
}

FdSyncPullResponse *
fd_sync_pull_response_new (const char *cursor,
                           gboolean    more)
{
  FdSyncPullResponse *response;

  g_return_val_if_fail (cursor != NULL, NULL);

  response = g_new0 (FdSyncPullResponse, 1);
  response->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_sync_change_free);
  response->cursor = g_strdup (cursor);
  response->more = more;

  return response;
}

void
fd_sync_pull_response_free (FdSyncPullResponse *response)
{
  if (response == NULL)
    return;

  g_clear_pointer (&response->changes, g_ptr_array_unref);
  g_free (response->cursor);
  g_free (response);
}

/**
 * fd_sync_pull_response_encode:
 * @response: a pull response
 * @length: (out) (optional): where to store the length
 *
 * Returns: (transfer full): the response as JSON
 */
char *
fd_sync_pull_response_encode (const FdSyncPullResponse *response,
                              gsize                    *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (response != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < response->changes->len; i++)
    {
      const FdSyncChange *change = g_ptr_array_index (response->changes, i);
      JsonNode *row = json_node_init_object (json_node_alloc (), change->row);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, change->version);
      add_string (builder, "entity", change->entity);
      add_string (builder, "id", change->id);
      json_builder_set_member_name (builder, "deleted");
      json_builder_add_boolean_value (builder, change->deleted);
      json_builder_set_member_name (builder, "row");
      json_builder_add_value (builder, row);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_string (builder, "cursor", response->cursor);
  json_builder_set_member_name (builder, "more");
  json_builder_add_boolean_value (builder, response->more);
  json_builder_end_object (builder);

  return generate (builder, length);
}

static gboolean
is_cursor (const char *text)
{
  return fd_sync_cursor_decode (text, NULL, NULL);
}

/**
 * fd_sync_pull_response_decode:
 * @data: (array length=length): the response's body
 * @length: its length
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the response, or %NULL with @error set
 */
FdSyncPullResponse *
fd_sync_pull_response_decode (const char  *data,
                              gsize        length,
                              GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(FdSyncPullResponse) response = NULL;
  g_autofree char *cursor = NULL;
  JsonObject *object;
  JsonArray *changes;
  gboolean more;

  root = fd_sync_parse_json (data, length, FD_SYNC_MAX_PULL_BYTES, error);
  if (root == NULL)
    return NULL;
  object = json_node_get_object (root);

  changes = read_array (object, "changes", FD_SYNC_MAX_PULL_CHANGES, error);
  if (changes == NULL ||
      !read_string (object, "cursor", "cursor", TRUE, FD_SYNC_MAX_CURSOR_LENGTH,
                    is_cursor, _("a cursor"), &cursor, error) ||
      !read_bool (object, "more", "more", &more, error))
    return NULL;

  response = fd_sync_pull_response_new (cursor, more);
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      g_autofree char *what = g_strdup_printf ("changes[%u]", i);
      g_autofree char *what_version = g_strconcat (what, ".version", NULL);
      g_autofree char *what_entity = g_strconcat (what, ".entity", NULL);
      g_autofree char *what_id = g_strconcat (what, ".id", NULL);
      g_autofree char *what_deleted = g_strconcat (what, ".deleted", NULL);
      g_autofree char *what_row = g_strconcat (what, ".row", NULL);
      g_autofree char *entity = NULL;
      g_autofree char *id = NULL;
      JsonObject *item = array_object (changes, i, what, error);
      JsonObject *row;
      gint64 version;
      gboolean deleted;

      if (item == NULL ||
          !read_version (item, "version", what_version, TRUE, &version, error) ||
          !read_string (item, "entity", what_entity, TRUE, FD_SYNC_MAX_NAME_LENGTH,
                        is_valid_identifier, _("a table name"), &entity, error) ||
          !read_string (item, "id", what_id, TRUE, FD_SYNC_MAX_ID_LENGTH,
                        fd_sync_is_valid_id, _("an id"), &id, error) ||
          !read_bool (item, "deleted", what_deleted, &deleted, error))
        return NULL;
      row = read_object (item, "row", what_row, error);
      if (row == NULL)
        return NULL;

      g_ptr_array_add (response->changes, fd_sync_change_new (version, entity, id, deleted, row));
    }

  return g_steal_pointer (&response);
}

/* Errors */

/**
 * fd_sync_error_encode:
 * @code: a short machine-readable code ("unauthorized", "malformed")
 * @message: a sentence for the user, translated
 * @length: (out) (optional): where to store the length
 *
 * Returns: (transfer full): `{"error": code, "message": message}`
 */
char *
fd_sync_error_encode (const char *code,
                      const char *message,
                      gsize      *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "error", code);
  add_string (builder, "message", message);
  json_builder_end_object (builder);

  return generate (builder, length);
}

/**
 * fd_sync_error_decode:
 * @data: (array length=length): a response's body
 * @length: its length
 * @code: (out) (transfer full): the error's code
 * @message: (out) (transfer full): its message
 * @error: return location for a #GError
 *
 * Returns: whether @data is an error document
 */
gboolean
fd_sync_error_decode (const char  *data,
                      gsize        length,
                      char       **code,
                      char       **message,
                      GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *code_text = NULL;
  g_autofree char *message_text = NULL;
  JsonObject *object;

  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  root = fd_sync_parse_json (data, length, FD_SYNC_MAX_SMALL_BYTES, error);
  if (root == NULL)
    return FALSE;
  object = json_node_get_object (root);

  if (!read_string (object, "error", "error", TRUE, FD_SYNC_MAX_NAME_LENGTH,
                    is_valid_identifier, _("an error code"), &code_text, error) ||
      !read_string (object, "message", "message", TRUE, FD_SYNC_MAX_TEXT_LENGTH,
                    NULL, NULL, &message_text, error))
    return FALSE;

  *code = g_steal_pointer (&code_text);
  *message = g_steal_pointer (&message_text);
  return TRUE;
}

/* Cursors: "v1:<version>" in URL-safe base64 without padding, so that a
 * client never reads meaning into them and they travel in a query string
 * unescaped. */

#define CURSOR_PREFIX "v1:"

char *
fd_sync_cursor_encode (gint64 version)
{
  g_autofree char *text = NULL;
  char *encoded;
  gsize length;

  g_return_val_if_fail (version >= 0, NULL);

  text = g_strdup_printf (CURSOR_PREFIX "%" G_GINT64_FORMAT, version);
  encoded = g_base64_encode ((const guchar *) text, strlen (text));
  length = strlen (encoded);
  while (length > 0 && encoded[length - 1] == '=')
    encoded[--length] = '\0';
  for (char *p = encoded; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
    }

  return encoded;
}

/**
 * fd_sync_cursor_decode:
 * @cursor: (nullable): a cursor from a pull response, or %NULL or "" for
 *   the beginning
 * @version: (out) (optional): the version it stands for
 * @error: return location for a #GError
 *
 * Returns: whether @cursor is one that fd_sync_cursor_encode() made
 */
gboolean
fd_sync_cursor_decode (const char  *cursor,
                       gint64      *version,
                       GError     **error)
{
  g_autoptr(GString) text = NULL;
  g_autofree guchar *decoded = NULL;
  g_autofree char *digits = NULL;
  gsize length;
  gsize decoded_length = 0;
  guint64 value = 0;

  if (version != NULL)
    *version = 0;
  if (cursor == NULL || *cursor == '\0')
    return TRUE;

  length = strlen (cursor);
  if (length > FD_SYNC_MAX_CURSOR_LENGTH || length % 4 == 1)
    goto invalid;

  text = g_string_sized_new (length + 3);
  for (const char *p = cursor; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (text, *p);
      else if (*p == '-')
        g_string_append_c (text, '+');
      else if (*p == '_')
        g_string_append_c (text, '/');
      else
        goto invalid;
    }
  while (text->len % 4 != 0)
    g_string_append_c (text, '=');

  decoded = g_base64_decode (text->str, &decoded_length);
  if (decoded == NULL || decoded_length <= strlen (CURSOR_PREFIX) ||
      memcmp (decoded, CURSOR_PREFIX, strlen (CURSOR_PREFIX)) != 0)
    goto invalid;

  digits = g_strndup ((const char *) decoded + strlen (CURSOR_PREFIX),
                      decoded_length - strlen (CURSOR_PREFIX));
  if (strlen (digits) != decoded_length - strlen (CURSOR_PREFIX) ||
      strlen (digits) > 16 || !g_ascii_isdigit (digits[0]) ||
      !g_ascii_string_to_unsigned (digits, 10, 0, MAX_VERSION, &value, NULL))
    goto invalid;

  /* One spelling per version: "v1:007" is not a cursor we made */
  {
    g_autofree char *canonical = fd_sync_cursor_encode ((gint64) value);

    if (!g_str_equal (canonical, cursor))
      goto invalid;
  }

  if (version != NULL)
    *version = (gint64) value;
  return TRUE;

invalid:
  g_set_error_literal (error, FD_SYNC_ERROR, FD_SYNC_ERROR_MALFORMED,
                       _("The sync cursor is not valid; sync again from the start."));
  return FALSE;
}
