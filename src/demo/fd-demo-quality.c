/* fd-demo-quality.c — the demo's quality tickets and evaluations
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fd-demo"

#include "config.h"

#include "fd-demo-private.h"

gboolean
_fd_demo_write_quality_tickets (Demo    *demo,
                                GError **error)
{
  static const struct
  {
    const char *source;
    const char *category;
    const char *subject;
    const char *description;
  } tickets[] = {
    { "trainee", "complaint", "Salle trop froide",
      "Plusieurs stagiaires se sont plaints de la température de la salle le matin." },
    { "trainer", "incident", "Vidéoprojecteur en panne",
      "Le vidéoprojecteur ne s'allume plus ; formation poursuivie sur écran." },
    { "client", "complaint", "Convocation reçue tardivement",
      "L'entreprise a reçu les convocations la veille de la formation." },
    { "trainer", "suggestion", "Ajouter un module pratique",
      "Les participants demandent davantage d'exercices sur cas réels." },
    { "funder", "complaint", "Feuille d'émargement incomplète",
      "L'OPCO signale une demi-journée sans signature du formateur." },
    { "staff", "improvement", "Questionnaire à froid trop long",
      "Réduire le questionnaire à froid à dix questions pour améliorer le taux de réponse." },
    { "trainee", "suggestion", "Supports en version numérique",
      "Mettre les supports à disposition en PDF avant la formation." },
    { "trainer", "incident", "Accès au bâtiment impossible",
      "Badge non activé à l'arrivée ; début de séance retardé de vingt minutes." },
  };
  guint n = demo->size == FD_DEMO_SIZE_LARGE ? 240 : 12;
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autoptr(FdChange) change = fd_change_new_create ("quality_ticket");
      guint t = rand_range (demo, 0, G_N_ELEMENTS (tickets));
      int opened = demo->today - rand_range (demo, 1, 700);
      const char *status;

      if (opened < demo->today - 60)
        status = "closed";
      else
        status = chance (demo, 0.5) ? "open" : "in_progress";

      if (g_str_equal (tickets[t].source, "trainer"))
        fd_change_set_string (change, "trainer_id",
                              g_array_index (demo->trainers, Trainer,
                                             rand_range (demo, 0, demo->trainers->len)).id);
      fd_change_set_string (change, "source", tickets[t].source);
      fd_change_set_string (change, "category", tickets[t].category);
      fd_change_set_string (change, "subject", tickets[t].subject);
      fd_change_set_string (change, "description", tickets[t].description);
      fd_change_set_string (change, "status", status);
      set_string_take (change, "opened_on", _fd_demo_format_day (demo, opened));
      if (g_str_equal (status, "closed"))
        {
          fd_change_set_string (change, "resolution",
                                "Action corrective mise en place et client informé.");
          set_string_take (change, "closed_on",
                           _fd_demo_format_day (demo, opened + rand_range (demo, 1, 30)));
        }

      if (!apply (demo, change, error))
        return FALSE;
    }

  return TRUE;
}

/* The evaluations a session chooses from (Qualiopi indicator 30: the
 * trainees' feedback, hot and cold). Written last and without random
 * draws, so that the rest of the demo stays as it was for a seed. */
gboolean
_fd_demo_write_evaluations (Demo    *demo,
                            GError **error)
{
  static const struct
  {
    const char *name;
    const char *kind;
  } evaluations[] = {
    { "Questionnaire de satisfaction à chaud", "hot" },
    { "Questionnaire de satisfaction à froid (3 mois)", "cold" },
    { "Quiz d'évaluation des acquis", "quiz" },
    { "Entretien de fin de formation", "other" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (evaluations); i++)
    {
      g_autoptr(FdChange) change = fd_change_new_create ("evaluation");

      fd_change_set_string (change, "name", evaluations[i].name);
      fd_change_set_string (change, "kind", evaluations[i].kind);
      if (!apply (demo, change, error))
        return FALSE;
    }

  return TRUE;
}
