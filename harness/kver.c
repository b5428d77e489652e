// SPDX-License-Identifier: GPL-2.0-only
/* Kernel versions (kver.h). */
#include "kver.h"

#include <stdio.h>
#include <sys/utsname.h>

long kver_parse(const char *s)
{
	unsigned major = 0, minor = 0, patch = 0;

	if (!s)
		return -1;
	if (*s == 'v')
		s++;
	if (sscanf(s, "%u.%u.%u", &major, &minor, &patch) < 2)
		return -1;
	return (long)major * 1000000 + (long)minor * 1000 + patch;
}

long kver_running(void)
{
	struct utsname u;

	return uname(&u) == 0 ? kver_parse(u.release) : -1;
}
