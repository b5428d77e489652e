/* SPDX-License-Identifier: GPL-2.0-only */
/* Rootless runs: a user namespace of the probe's own owns its network
 * namespaces (userns.c). */
#ifndef UDPC_USERNS_H
#define UDPC_USERNS_H

#include <stdbool.h>

struct probe;

void userns_enter(void); /* in main(), before the families fork */
bool userns_active(void);
const char *userns_refusal(void);                               /* why a network namespace got EPERM */
void userns_cannot(struct probe *p, int err, const char *what); /* SKIP if rootless */

#endif
