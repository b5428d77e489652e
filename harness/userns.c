// SPDX-License-Identifier: GPL-2.0-only
/* Rootless runs.  A probe started without root enters a user namespace of
 * its own before its families fork, with its own uid and gid mapped to root
 * there.  The network namespaces its children then create are owned by that
 * user namespace, so they have CAP_NET_ADMIN and CAP_SYS_ADMIN over those
 * namespaces and nothing else: links, addresses, routes and the per-netns
 * sysctls of the topologies, as under root.  What a user namespace cannot
 * give (a key owned by the initial user namespace) is SKIP, never FAIL.
 *
 * Where the kernel refuses unprivileged user namespaces, the EPERM of the
 * first network namespace says which setting refuses them and how to allow
 * them (scripts/preflight says the same, before anything runs).
 */
#define _GNU_SOURCE
#include "internal.h"
#include "userns.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static bool userns_entered;
static int userns_errno; /* why entering failed, 0 if it was never tried */

/* The settings that refuse unprivileged user namespaces, the value that
 * refuses them and the value that allows them. */
static const struct {
	const char *key, *refused, *allowed;
} userns_settings[] = {
	{ "kernel.unprivileged_userns_clone", "0", "1" }, /* Debian's patch, before 6.x */
	{ "user.max_user_namespaces", "0", "65536" },
	{ "kernel.apparmor_restrict_unprivileged_userns", "1", "0" }, /* Ubuntu 24.04 */
};

/* True if /proc/sys/KEY (dots for slashes) reads VALUE. */
static bool userns_sysctl_is(const char *key, const char *value)
{
	char path[128], got[16] = "";

	snprintf(path, sizeof(path), "/proc/sys/%s", key);
	for (char *c = path; *c; c++)
		if (*c == '.')
			*c = '/';
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, got, sizeof(got) - 1);
	close(fd);
	return n > 0 && strncmp(got, value, strlen(value)) == 0 && got[strlen(value)] == '\n';
}

static int userns_write(const char *file, const char *text)
{
	int fd = open(file, O_WRONLY | O_CLOEXEC);
	ssize_t n = fd < 0 ? -1 : write(fd, text, strlen(text));
	int err = errno;

	if (fd >= 0)
		close(fd);
	return n == (ssize_t)strlen(text) ? 0 : err;
}

/* Root (or a task that is root in a user namespace already) needs nothing. */
void userns_enter(void)
{
	char map[64];
	uid_t uid = geteuid();
	gid_t gid = getegid();

	if (uid == 0)
		return;
	if (unshare(CLONE_NEWUSER) != 0) {
		userns_errno = errno;
		return;
	}
	/* An unprivileged task may map only itself, and a gid only once
	 * setgroups(2) is denied for good. */
	snprintf(map, sizeof(map), "0 %u 1\n", (unsigned)uid);
	userns_errno = userns_write("/proc/self/uid_map", map);
	if (!userns_errno)
		userns_errno = userns_write("/proc/self/setgroups", "deny");
	snprintf(map, sizeof(map), "0 %u 1\n", (unsigned)gid);
	if (!userns_errno)
		userns_errno = userns_write("/proc/self/gid_map", map);
	userns_entered = userns_errno == 0;
}

bool userns_active(void)
{
	return userns_entered;
}

/* Why this task may not create a network namespace, as one line that says
 * what to do. */
const char *userns_refusal(void)
{
	static char why[512];

	if (!userns_entered && userns_errno == 0)
		return "cannot create a network namespace (EPERM): run as root, e.g. sudo make check, "
		       "or as a user (unprivileged user namespaces)";
	for (size_t i = 0; i < sizeof(userns_settings) / sizeof(userns_settings[0]); i++) {
		if (!userns_sysctl_is(userns_settings[i].key, userns_settings[i].refused))
			continue;
		snprintf(why, sizeof(why),
			 "unprivileged user namespaces are refused (%s=%s): allow them with sysctl "
			 "%s=%s, "
			 "or run as root",
			 userns_settings[i].key, userns_settings[i].refused, userns_settings[i].key,
			 userns_settings[i].allowed);
		return why;
	}
	snprintf(why, sizeof(why), "cannot create a user namespace (%s): run as root",
		 strerror(userns_errno ? userns_errno : EPERM));
	return why;
}

/* A setup step refused with EPERM or EACCES in a user namespace needs what
 * only the initial one has: the rule cannot run rootless here. */
void userns_cannot(struct probe *p, int err, const char *what)
{
	if (userns_entered && (err == EPERM || err == EACCES))
		probe_skip(p, "%s needs privileges a user namespace cannot give (%s): run as root",
			   what, strerror(err));
}
