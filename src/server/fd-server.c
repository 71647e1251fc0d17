/* fd-server.c — formadesk-server's HTTP API over a store
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-server"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-server.h"

#include <libsoup/soup.h>
#include <string.h>

/*
 * FdServer answers the HTTP API (src/server/API.md) from the thread-default
 * main context it was made in, the only thread that touches its store.
 * Password hashing, the one slow step, runs in a worker while the message
 * is paused, so that a login never holds the others up.
 *
 * Request bodies are read through got-chunk rather than accumulated by
 * libsoup, so that a body larger than the endpoint allows is dropped as it
 * arrives (413), whether or not it announced its length.
 */
struct _FdServer
{
  GObject parent_instance;

  FdServerStore *store;
  SoupServer *soup;
  char *dummy_hash; /* verified when the email is unknown: same timing */
};

G_DEFINE_FINAL_TYPE (FdServer, fd_server, G_TYPE_OBJECT)

#define BODY_KEY "fd-server-body"
#define MAX_EMAIL_LENGTH 320
#define MAX_FIELD_LENGTH 1024

typedef struct
{
  GByteArray *data;
  gsize limit;
  gboolean too_large;
} Body;

static void
body_free (Body *body)
{
  g_byte_array_unref (body->data);
  g_free (body);
}

static void
send_json (SoupServerMessage *msg,
           guint              status,
           char              *json,
           gsize              length)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, json, length);
}

static void
send_error (SoupServerMessage *msg,
            guint              status,
            const char        *code,
            const char        *message)
{
  gsize length;
  char *json = fd_sync_error_encode (code, message, &length);

  if (status == SOUP_STATUS_UNAUTHORIZED)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "WWW-Authenticate", "Bearer realm=\"formadesk\"");
  send_json (msg, status, json, length);
}

/* Sends @error as the HTTP status it stands for */
static void
send_gerror (SoupServerMessage *msg,
             const GError      *error)
{
  if (error->domain == FD_SYNC_ERROR)
    {
      if (error->code == FD_SYNC_ERROR_TOO_LARGE)
        send_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large", error->message);
      else
        send_error (msg, SOUP_STATUS_BAD_REQUEST, "malformed", error->message);
      return;
    }

  if (error->domain == FD_SERVER_ERROR)
    {
      switch ((FdServerError) error->code)
        {
        case FD_SERVER_ERROR_UNAUTHORIZED:
          send_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized", error->message);
          return;
        case FD_SERVER_ERROR_FORBIDDEN:
          send_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden", error->message);
          return;
        case FD_SERVER_ERROR_INVALID:
          send_error (msg, SOUP_STATUS_BAD_REQUEST, "malformed", error->message);
          return;
        case FD_SERVER_ERROR_NOT_FOUND:
        case FD_SERVER_ERROR_EXISTS:
        case FD_SERVER_ERROR_FAILED:
        default:
          break;
        }
    }

  /* The server's own failure (a busy or damaged database): the client
   * keeps its work and tries again */
  g_warning ("%s: %s", g_uri_get_path (soup_server_message_get_uri (msg)), error->message);
  send_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", error->message);
}

static gsize
body_limit (const char *path)
{
  if (g_str_equal (path, "/v1/push"))
    return FD_SYNC_MAX_PUSH_BYTES;

  return FD_SERVER_MAX_SMALL_BODY;
}

static void
on_message_got_chunk_cb (SoupServerMessage *msg,
                         GBytes            *chunk,
                         gpointer           user_data)
{
  Body *body = g_object_get_data (G_OBJECT (msg), BODY_KEY);
  gsize size = g_bytes_get_size (chunk);

  if (body == NULL || body->too_large)
    return;

  if (size > body->limit - body->data->len)
    {
      body->too_large = TRUE;
      g_byte_array_set_size (body->data, 0);
      return;
    }

  g_byte_array_append (body->data, g_bytes_get_data (chunk, NULL), (guint) size);
}

static void
early_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  gsize limit = body_limit (path);
  Body *body;

  if (g_strcmp0 (soup_server_message_get_method (msg), SOUP_METHOD_POST) != 0)
    return;

  /* Announced too large: refused before a byte of it is read */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) limit)
    {
      send_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large",
                  _("The request is too large."));
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Connection", "close");
      return;
    }

  body = g_new0 (Body, 1);
  body->data = g_byte_array_new ();
  body->limit = limit;
  g_object_set_data_full (G_OBJECT (msg), BODY_KEY, body, (GDestroyNotify) body_free);
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (on_message_got_chunk_cb), NULL);
}

/* The body of a POST, or NULL when the answer was sent (405, 413) */
static Body *
take_body (SoupServerMessage *msg)
{
  Body *body;

  if (g_strcmp0 (soup_server_message_get_method (msg), SOUP_METHOD_POST) != 0)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", "POST");
      send_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                  _("This address only accepts POST requests."));
      return NULL;
    }

  body = g_object_get_data (G_OBJECT (msg), BODY_KEY);
  if (body == NULL || body->too_large)
    {
      send_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large",
                  _("The request is too large."));
      return NULL;
    }

  return body;
}

/* The account and device of the request's bearer token; NULL when the
 * answer (401) was sent */
static FdUser *
authenticate (FdServer           *self,
              SoupServerMessage  *msg,
              char              **device_id)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  g_autoptr(GError) error = NULL;
  FdUser *user;

  if (authorization == NULL || g_ascii_strncasecmp (authorization, "Bearer ", 7) != 0)
    {
      send_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                  _("Sign in to sync with this server."));
      return NULL;
    }

  user = fd_server_store_authenticate (self->store, authorization + 7, device_id, &error);
  if (user == NULL)
    send_gerror (msg, error);

  return user;
}

static gboolean
read_member (JsonObject  *object,
             const char  *member,
             gsize        max_length,
             const char **out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      strlen (json_node_get_string (node)) > max_length)
    {
      /* Translators: %s is a member of a request ("email") */
      g_set_error (error, FD_SYNC_ERROR, FD_SYNC_ERROR_MALFORMED,
                   _("“%s” is missing or is not a short text."), member);
      return FALSE;
    }

  *out = json_node_get_string (node);
  return TRUE;
}

static void
send_tokens (SoupServerMessage    *msg,
             const FdServerTokens *tokens)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  gsize length;
  char *json;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, tokens->access_token);
  json_builder_set_member_name (builder, "refresh_token");
  json_builder_add_string_value (builder, tokens->refresh_token);
  json_builder_set_member_name (builder, "device_id");
  json_builder_add_string_value (builder, tokens->device_id);
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, tokens->expires_in);
  json_builder_set_member_name (builder, "token_type");
  json_builder_add_string_value (builder, "Bearer");
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, &length);
  send_json (msg, SOUP_STATUS_OK, json, length);
}

typedef struct
{
  FdServer *server;
  SoupServerMessage *msg;
  FdUser *account; /* NULL when the email is unknown */
  char *device_name;
  char *device_id; /* NULL: a new device */
} Login;

static void
login_free (Login *login)
{
  g_object_unref (login->server);
  g_object_unref (login->msg);
  g_clear_object (&login->account);
  g_free (login->device_name);
  g_free (login->device_id);
  g_free (login);
}

static void
on_password_verified_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  Login *login = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FdServerTokens) tokens = NULL;
  gboolean verified = fd_password_verify_finish (result, &error);

  g_debug ("login: account %s, password %s", login->account != NULL ? "found" : "unknown", verified ? "verified" : "refused");

  if (!verified || login->account == NULL)
    send_error (login->msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                _("The email address or the password is wrong."));
  else
    {
      tokens = fd_server_store_register_device (login->server->store, login->account,
                                                login->device_name, login->device_id,
                                                &error);
      if (tokens == NULL)
        send_gerror (login->msg, error);
      else
        send_tokens (login->msg, tokens);
    }

  soup_server_message_unpause (login->msg);
  login_free (login);
}

static void
handle_login (FdServer          *self,
              SoupServerMessage *msg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *hash = NULL;
  const char *email;
  const char *password;
  const char *device_name;
  const char *device_id = NULL;
  JsonObject *object;
  Login *login;
  Body *body;

  body = take_body (msg);
  if (body == NULL)
    return;

  root = fd_sync_parse_json ((const char *) body->data->data, body->data->len,
                             FD_SERVER_MAX_SMALL_BODY, &error);
  if (root == NULL)
    {
      send_gerror (msg, error);
      return;
    }
  object = json_node_get_object (root);
  if (!read_member (object, "email", MAX_EMAIL_LENGTH, &email, &error) ||
      !read_member (object, "password", FD_PASSWORD_MAX_LENGTH, &password, &error) ||
      !read_member (object, "device_name", MAX_FIELD_LENGTH, &device_name, &error))
    {
      send_gerror (msg, error);
      return;
    }
  /* Optional: the device id an earlier sign-in gave */
  if (json_object_has_member (object, "device_id") &&
      (!read_member (object, "device_id", MAX_FIELD_LENGTH, &device_id, &error) ||
       !fd_sync_is_valid_id (device_id)))
    {
      if (error == NULL)
        g_set_error_literal (&error, FD_SYNC_ERROR, FD_SYNC_ERROR_MALFORMED,
                             _("“device_id” is not a device id."));
      send_gerror (msg, error);
      return;
    }

  login = g_new0 (Login, 1);
  login->server = g_object_ref (self);
  login->msg = g_object_ref (msg);
  login->device_name = g_strdup (device_name);
  login->device_id = g_strdup (device_id);
  login->account = fd_server_store_lookup_account (self->store, email, &hash, NULL);
  if (login->account != NULL && !fd_user_get_active (login->account))
    g_clear_object (&login->account);

  if ((login->account != NULL ? hash : self->dummy_hash) == NULL)
    {
      send_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                  _("The email address or the password is wrong."));
      login_free (login);
      return;
    }

  soup_server_message_pause (msg);
  fd_password_verify_async (login->account != NULL ? hash : self->dummy_hash, password,
                            NULL, on_password_verified_cb, login);
}

static void
handle_refresh (FdServer          *self,
                SoupServerMessage *msg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(FdServerTokens) tokens = NULL;
  const char *refresh_token;
  Body *body;

  body = take_body (msg);
  if (body == NULL)
    return;

  root = fd_sync_parse_json ((const char *) body->data->data, body->data->len,
                             FD_SERVER_MAX_SMALL_BODY, &error);
  if (root == NULL ||
      !read_member (json_node_get_object (root), "refresh_token", MAX_FIELD_LENGTH,
                    &refresh_token, &error))
    {
      send_gerror (msg, error);
      return;
    }

  tokens = fd_server_store_refresh (self->store, refresh_token, &error);
  if (tokens == NULL)
    {
      send_gerror (msg, error);
      return;
    }

  send_tokens (msg, tokens);
}

static void
handle_push (FdServer          *self,
             SoupServerMessage *msg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdUser) user = NULL;
  g_autoptr(FdSyncPushRequest) request = NULL;
  g_autoptr(FdSyncPushResponse) response = NULL;
  g_autofree char *device_id = NULL;
  gsize length;
  char *json;
  Body *body;

  body = take_body (msg);
  if (body == NULL)
    return;
  user = authenticate (self, msg, &device_id);
  if (user == NULL)
    return;

  request = fd_sync_push_request_decode ((const char *) body->data->data, body->data->len, &error);
  if (request == NULL)
    {
      send_gerror (msg, error);
      return;
    }

  if (!g_str_equal (request->device_id, device_id))
    {
      send_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                  _("These changes were made on another device than the one signed in."));
      return;
    }

  response = fd_server_store_push (self->store, user, device_id, request, &error);
  if (response == NULL)
    {
      send_gerror (msg, error);
      return;
    }

  json = fd_sync_push_response_encode (response, &length);
  send_json (msg, SOUP_STATUS_OK, json, length);
}

static void
handle_pull (FdServer          *self,
             SoupServerMessage *msg,
             GHashTable        *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdUser) user = NULL;
  g_autoptr(FdSyncPullResponse) response = NULL;
  g_autofree char *device_id = NULL;
  const char *cursor = query != NULL ? g_hash_table_lookup (query, "cursor") : NULL;
  const char *limit_text = query != NULL ? g_hash_table_lookup (query, "limit") : NULL;
  guint64 limit = FD_SERVER_DEFAULT_PULL_LIMIT;
  gint64 since = 0;
  gsize length;
  char *json;

  if (g_strcmp0 (soup_server_message_get_method (msg), SOUP_METHOD_GET) != 0)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", "GET");
      send_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                  _("This address only accepts GET requests."));
      return;
    }

  user = authenticate (self, msg, &device_id);
  if (user == NULL)
    return;

  if (!fd_sync_cursor_decode (cursor, &since, &error))
    {
      send_gerror (msg, error);
      return;
    }
  if (limit_text != NULL &&
      !g_ascii_string_to_unsigned (limit_text, 10, 1, FD_SYNC_MAX_PULL_CHANGES, &limit, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("The limit must be a number from 1 to %d."), FD_SYNC_MAX_PULL_CHANGES);

      send_error (msg, SOUP_STATUS_BAD_REQUEST, "malformed", message);
      return;
    }

  response = fd_server_store_pull (self->store, user, since, (guint) limit, &error);
  if (response == NULL)
    {
      send_gerror (msg, error);
      return;
    }

  json = fd_sync_pull_response_encode (response, &length);
  send_json (msg, SOUP_STATUS_OK, json, length);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  FdServer *self = user_data;

  g_debug ("%s %s", soup_server_message_get_method (msg), path);

  /* libsoup before 3.3 (Debian 12 has 3.2) never closes an idle
   * connection the client closed: its socket stays in CLOSE_WAIT and its
   * descriptor leaks, one for each client connection, until the server
   * runs out of them (libsoup commit d20c6601). Closing each connection
   * after its answer costs a connection per request and leaks nothing. */
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Connection", "close");

  if (g_str_equal (path, "/v1/login"))
    handle_login (self, msg);
  else if (g_str_equal (path, "/v1/refresh"))
    handle_refresh (self, msg);
  else if (g_str_equal (path, "/v1/push"))
    handle_push (self, msg);
  else if (g_str_equal (path, "/v1/pull"))
    handle_pull (self, msg, query);
  else
    send_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", _("There is nothing at this address."));
}

static void
fd_server_dispose (GObject *object)
{
  FdServer *self = (FdServer *)object;

  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fd_server_parent_class)->dispose (object);
}

static void
fd_server_finalize (GObject *object)
{
  FdServer *self = (FdServer *)object;

  g_free (self->dummy_hash);

  G_OBJECT_CLASS (fd_server_parent_class)->finalize (object);
}

static void
fd_server_class_init (FdServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fd_server_dispose;
  object_class->finalize = fd_server_finalize;
}

static void
fd_server_init (FdServer *self)
{
  g_autofree char *header = g_strdup_printf ("formadesk-server/%s ", PACKAGE_VERSION);

  self->soup = soup_server_new ("server-header", header, NULL);
  soup_server_add_early_handler (self->soup, NULL, early_handler, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler, self, NULL);
}

/**
 * fd_server_new:
 * @store: the server's storage
 *
 * Returns: (transfer full): a server, not listening yet
 */
FdServer *
fd_server_new (FdServerStore *store)
{
  FdServer *self;

  g_return_val_if_fail (FD_IS_SERVER_STORE (store), NULL);

  self = g_object_new (FD_TYPE_SERVER, NULL);
  self->store = g_object_ref (store);
  self->dummy_hash = fd_password_hash ("formadesk-server: no such account", NULL);

  return self;
}

FdServerStore *
fd_server_get_store (FdServer *self)
{
  g_return_val_if_fail (FD_IS_SERVER (self), NULL);

  return self->store;
}

/**
 * fd_server_listen:
 * @self: a #FdServer
 * @address: "HOST:PORT", HOST an IP address ("127.0.0.1", "[::1]") or
 *   "localhost"; port 0 picks a free one (see fd_server_get_port())
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the server listens on @address
 */
gboolean
fd_server_listen (FdServer    *self,
                  const char  *address,
                  GError     **error)
{
  g_autoptr(GSocketConnectable) parsed = NULL;
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  const char *host;

  g_return_val_if_fail (FD_IS_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);

  parsed = g_network_address_parse (address, 0, NULL);
  if (parsed == NULL || strchr (address, ':') == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an address to listen on, such as 127.0.0.1:8080."), address);
      return FALSE;
    }

  host = g_network_address_get_hostname (G_NETWORK_ADDRESS (parsed));
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    inet = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  else
    inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an IP address."), host);
      return FALSE;
    }

  socket_address = g_inet_socket_address_new (inet, g_network_address_get_port (G_NETWORK_ADDRESS (parsed)));

  return soup_server_listen (self->soup, socket_address, 0, error);
}

/**
 * fd_server_get_port:
 *
 * Returns: the port the server listens on, or 0
 */
guint16
fd_server_get_port (FdServer *self)
{
  GSList *listeners;
  guint16 port = 0;

  g_return_val_if_fail (FD_IS_SERVER (self), 0);

  listeners = soup_server_get_listeners (self->soup);
  if (listeners != NULL)
    {
      g_autoptr(GSocketAddress) local = g_socket_get_local_address (listeners->data, NULL);

      if (local != NULL && G_IS_INET_SOCKET_ADDRESS (local))
        port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
    }
  g_slist_free (listeners);

  return port;
}

/**
 * fd_server_disconnect:
 *
 * Stops listening and closes every connection.
 */
void
fd_server_disconnect (FdServer *self)
{
  g_return_if_fail (FD_IS_SERVER (self));

  soup_server_disconnect (self->soup);
}
