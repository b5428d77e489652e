/* SPDX-License-Identifier: GPL-2.0-only */
/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel versions, as a rule's data names them ("v6.13") and as uname(2)
 * gives the running one ("6.18.44-fc-v857"), made comparable. */
#ifndef UDPC_KVER_H
#define UDPC_KVER_H

/* major * 1000000 + minor * 1000 + patch; -1 if s is no version. */
long kver_parse(const char *s);
/* The running kernel's, from uname(2); -1 if it cannot be read. */
long kver_running(void);

#endif
