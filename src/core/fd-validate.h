/* fd-validate.h — identifiers and contact data checked and normalised on entry
 *
 * Copyright 2026 The Formadesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FD_VALIDATION_ERROR (fd_validation_error_quark ())

typedef enum
{
  FD_VALIDATION_ERROR_REQUIRED,
  FD_VALIDATION_ERROR_INVALID,
  FD_VALIDATION_ERROR_UNKNOWN_FIELD,
  FD_VALIDATION_ERROR_UNKNOWN_ENTITY,
  FD_VALIDATION_ERROR_LOCKED,
  /* The row changed since the user saw it, in a field this change sets */
  FD_VALIDATION_ERROR_CONFLICT,
  /* The current user's role does not allow the change */
  FD_VALIDATION_ERROR_FORBIDDEN,
} FdValidationError;

GQuark      fd_validation_error_quark     (void);
const char *fd_validation_error_get_field (const GError *error);
void        fd_set_field_error            (GError     **error,
                                           int          code,
                                           const char  *field,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (4, 5);

gboolean  fd_validate_siren         (const char *text);
gboolean  fd_validate_siret         (const char *text);
gboolean  fd_validate_nda           (const char *text);
gboolean  fd_validate_email         (const char *text);
gboolean  fd_validate_postal_code   (const char *text);
gboolean  fd_validate_date          (const char *text);
gboolean  fd_validate_date_time     (const char *text);

char     *fd_normalize_digits       (const char *text);
char     *fd_normalize_email        (const char *text);
char     *fd_normalize_phone        (const char *text);

G_END_DECLS
