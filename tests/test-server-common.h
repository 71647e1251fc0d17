/* test-server-common.h — a real formadesk-server in a thread, on loopback
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

#include "fd-server.h"
#include "fd-server-store.h"

/*
 * The server and HTTP tests run an FdServer on 127.0.0.1, port 0, in a
 * thread of its own with its own main context and its own connection to
 * the server's database, as formadesk-server runs it; the test's thread
 * is the client. test_server_start() returns once the server listens.
 */
typedef struct
{
  char *path;              /* the server's database */
  GThread *thread;
  GMutex lock;
  GCond cond;
  GMainContext *context;
  GMainLoop *loop;
  guint16 port;
  gboolean failed;
} TestServer;

static gpointer
test_server_thread (gpointer data)
{
  TestServer *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FdServerStore) store = NULL;
  g_autoptr(FdServer) server = NULL;

  g_main_context_push_thread_default (self->context);

  store = fd_server_store_open (self->path, &error);
  if (store != NULL)
    {
      server = fd_server_new (store);
      if (!fd_server_listen (server, "127.0.0.1:0", &error))
        g_clear_object (&server);
    }
  if (error != NULL)
    g_printerr ("server: %s\n", error->message);

  g_mutex_lock (&self->lock);
  self->port = server != NULL ? fd_server_get_port (server) : 0;
  self->failed = server == NULL;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);

  if (server != NULL)
    {
      g_main_loop_run (self->loop);
      fd_server_disconnect (server);
      /* let the connections being closed finish */
      while (g_main_context_iteration (self->context, FALSE))
        ;
    }

  g_clear_object (&server);
  g_clear_object (&store);
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

/* Starts a server on the database at @path (which the caller set up) */
static inline void
test_server_start (TestServer *self,
                   const char *path)
{
  memset (self, 0, sizeof *self);
  self->path = g_strdup (path);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("server", test_server_thread, self);

  g_mutex_lock (&self->lock);
  while (self->port == 0 && !self->failed)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);
  g_assert_false (self->failed);
}

static gboolean
test_server_quit_loop (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

/* Stops the server; nothing happens if it was stopped already */
static inline void
test_server_stop (TestServer *self)
{
  if (self->thread == NULL)
    return;

  g_main_context_invoke (self->context, test_server_quit_loop, self->loop);
  g_thread_join (self->thread);
  self->thread = NULL;
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_clear_pointer (&self->path, g_free);
}

/* The server's address, "http://127.0.0.1:PORT" */
static inline char *
test_server_dup_url (TestServer *self)
{
  return g_strdup_printf ("http://127.0.0.1:%u", self->port);
}
