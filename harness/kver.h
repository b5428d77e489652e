/* SPDX-License-Identifier: GPL-2.0-only */
/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel versions, as a rule's data names them ("v6.13") and as uname(2)
 * gives the running one ("6.18.44-fc-v857"), made comparable. */
#ifndef UDPC_KVER_H
#define UDPC_KVER_H

#include <stdbool.h>

/* major * 1000000 + minor * 1000 + patch; -1 if s is no version. */
long kver_parse(const char *s);
/* The version of a kernel from its uname(2) release and version strings.
 * Debian's release keeps the series' first patch level ("6.1.0-57-cloud-amd64")
 * and its version names the stable release ("... Debian 6.1.192-3 (...)"):
 * that one when it is the same series, else the release's. */
long kver_of(const char *release, const char *version);
/* The running kernel's, kver_of() uname(2); -1 if it cannot be read. */
long kver_running(void);
/* True if running is at or after one of list's stable releases in that
 * release's own series: list "6.1.32 5.15.120" holds for 6.1.192 and
 * 5.15.120, not for 6.1.31, 6.2.0 or 5.10.250. */
bool kver_in_stable(const char *list, long running);

#endif
