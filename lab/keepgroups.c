// SPDX-License-Identifier: GPL-2.0-only
/* keepgroups.so: tcpdump in a rootless lab (LD_PRELOAD, lab/labrc only).
 * Debian's tcpdump, started as root, always drops to its own user and
 * calls initgroups() on the way.  In the user namespace of a rootless lab
 * setgroups(2) is denied for good (an unprivileged user may write its
 * gid_map only so: user_namespaces(7)), so that call fails and tcpdump
 * exits before capturing.  There the supplementary groups cannot change
 * anyway: leaving them as they are is all initgroups() could do. */
#define _GNU_SOURCE
#include <grp.h>

int initgroups(const char *user, gid_t group)
{
	(void)user;
	(void)group;
	return 0;
}
