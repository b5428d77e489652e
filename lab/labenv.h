/* SPDX-License-Identifier: GPL-2.0-only */
/* What lab/lab.c gives the shell and lab/udpc.c reads back: one name per
 * host for the descriptor of its namespace, UDPC_LAB_NS_SERVER=22. */
#ifndef UDPC_LABENV_H
#define UDPC_LABENV_H

#include "plan.h"

#include <ctype.h>
#include <stdio.h>

/* PREFIX + the host's name in capitals: UDPC_LAB_NS_SERVER, LAB_SERVER. */
static inline const char *labenv_name(const char *prefix, enum host h, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s", prefix, plan_host_name(h));
	for (char *c = buf; *c; c++)
		*c = (char)toupper((unsigned char)*c);
	return buf;
}

#define LABENV_NS "UDPC_LAB_NS_"

#endif
