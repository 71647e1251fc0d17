/* fd-demo-certifications.c — the demo's certification orders, exams and activation codes
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-demo"

#include "config.h"

#include "fd-demo-private.h"

#include <stdlib.h>

static char *
random_activation_code (Demo       *demo,
                        const char *prefix)
{
  static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  char code[10];
  guint i;

  for (i = 0; i < 9; i++)
    code[i] = i == 4 ? '-' : alphabet[rand_range (demo, 0, sizeof alphabet - 1)];
  code[9] = '\0';

  return g_strdup_printf ("%s-%s", prefix, code);
}

gboolean
_fd_demo_write_certification_records (Demo    *demo,
                                      GError **error)
{
  static const char * const exam_centres[] = {
    "La Poste — Paris Louvre", "La Poste — Lyon Part-Dieu",
    "La Poste — Bordeaux Mériadeck", "La Poste — Lille Rihour",
    "Horizon Compétences — Paris Bastille",
  };
  guint n_orders = demo->size == FD_DEMO_SIZE_LARGE ? 24 : 4;
  guint i;

  for (i = 0; i < n_orders; i++)
    {
      g_autoptr(FdChange) order = fd_change_new_create ("cert_order");
      g_autofree char *order_id = NULL;
      int day = demo->today - 700 + (int) (i * 800 / n_orders);
      int n_lines = rand_range (demo, 1, 4);
      int l;

      set_string_take (order, "number",
                       g_strdup_printf ("CMD-%d-%03u", _fd_demo_day_year (demo, day), i + 1));
      set_string_take (order, "ordered_on", _fd_demo_format_day (demo, day));
      fd_change_set_string (order, "status",
                            day < demo->today - 20 ? "delivered"
                            : day <= demo->today ? "sent" : "draft");
      fd_change_set_int (order, "vat_rate_bp", 2000);

      order_id = apply_create (demo, order, error);
      if (order_id == NULL)
        return FALSE;

      for (l = 0; l < n_lines; l++)
        {
          g_autoptr(FdChange) line = fd_change_new_create ("cert_order_line");
          int cert = PICK (demo, ((const int[]) {
                             CERT_TOSA_EXCEL, CERT_TOSA_WORD, CERT_TOEIC,
                             CERT_LE_ROBERT, CERT_LINGUASKILL,
                           }));

          fd_change_set_string (line, "order_id", order_id);
          fd_change_set_string (line, "certification_id", demo->cert_ids[cert]);
          fd_change_set_int (line, "quantity", rand_range (demo, 1, 5) * 10);
          fd_change_set_int (line, "unit_price_cents",
                             _fd_demo_certification_specs[cert].unit_price_cents);
          if (!apply (demo, line, error))
            return FALSE;
        }
    }

  for (i = 0; i < demo->assignable->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (demo->assignable, i), "|", 3);
      g_autoptr(FdChange) assignment = fd_change_new_create ("cert_assignment");
      g_autofree char *assignment_id = NULL;
      int cert = atoi (parts[0]);
      int exam_day = _fd_demo_next_open_day (demo, atoi (parts[2]) + rand_range (demo, 3, 30));
      const char *status;

      if (exam_day < demo->today)
        status = chance (demo, 0.85) ? "passed" : chance (demo, 0.5) ? "failed" : "cancelled";
      else
        status = "planned";

      fd_change_set_string (assignment, "certification_id", demo->cert_ids[cert]);
      fd_change_set_string (assignment, "trainee_id", parts[1]);
      if (cert != CERT_SST && cert != CERT_CACES)
        {
          set_string_take (assignment, "exam_date", _fd_demo_format_day (demo, exam_day));
          fd_change_set_string (assignment, "exam_centre", PICK (demo, exam_centres));
        }
      else
        set_string_take (assignment, "exam_date", _fd_demo_format_day (demo, atoi (parts[2])));
      fd_change_set_string (assignment, "status", status);
      if (g_str_equal (status, "passed") || g_str_equal (status, "failed"))
        {
          if (cert == CERT_TOEIC)
            fd_change_set_int (assignment, "score",
                               g_str_equal (status, "passed") ? rand_range (demo, 55, 199) * 5
                                                              : rand_range (demo, 10, 55) * 5);
          else if (cert == CERT_TOSA_EXCEL || cert == CERT_TOSA_WORD || cert == CERT_LE_ROBERT)
            fd_change_set_int (assignment, "score",
                               g_str_equal (status, "passed") ? rand_range (demo, 400, 1000)
                                                              : rand_range (demo, 1, 400));
        }

      assignment_id = apply_create (demo, assignment, error);
      if (assignment_id == NULL)
        return FALSE;

      if (_fd_demo_certification_specs[cert].proctored)
        {
          g_autoptr(FdChange) code = fd_change_new_create ("activation_code");

          fd_change_set_string (code, "certification_id", demo->cert_ids[cert]);
          set_string_take (code, "code",
                           random_activation_code (demo,
                                                   _fd_demo_certification_specs[cert].kind[0] == 'T'
                                                   ? "TL" : "CR"));
          fd_change_set_string (code, "assignment_id", assignment_id);
          fd_change_set_int (code, "generated_at",
                             _fd_demo_day_time_to_usec (demo, atoi (parts[2]), 10 * 60, 0));
          if (!apply (demo, code, error))
            return FALSE;
        }
    }

  /* Stock not given to anyone yet. */
  for (i = 0; i < (demo->size == FD_DEMO_SIZE_LARGE ? 200u : 25u); i++)
    {
      g_autoptr(FdChange) code = fd_change_new_create ("activation_code");
      int cert = i % 2 == 0 ? CERT_TOSA_EXCEL : CERT_LE_ROBERT;

      fd_change_set_string (code, "certification_id", demo->cert_ids[cert]);
      set_string_take (code, "code", random_activation_code (demo, "ST"));
      fd_change_set_int (code, "generated_at",
                         _fd_demo_day_time_to_usec (demo, demo->today - rand_range (demo, 1, 90),
                                                    11 * 60, 0));
      if (!apply (demo, code, error))
        return FALSE;
    }

  return TRUE;
}
