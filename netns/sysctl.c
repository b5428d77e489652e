// SPDX-License-Identifier: GPL-2.0-only
/* Per-namespace sysctls.  /proc/sys/net shows the network namespace of the
 * task that opens the file, so a write after netns_enter() changes that host
 * only; a key absent there is not per-namespace on this kernel and is never
 * written (it would change the caller's host). */
#include "internal.h"
#include "plan.h"
#include "sysctl.h"
#include "userns.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The kernel shows "40000\t49999\n" for "40000 49999": same words, same value. */
static bool sysctl_same(const char *shown, const char *value)
{
	for (;;) {
		shown += strspn(shown, " \t\n");
		value += strspn(value, " \t\n");
		size_t a = strcspn(shown, " \t\n"), b = strcspn(value, " \t\n");
		if (a != b || strncmp(shown, value, a) != 0)
			return false;
		if (a == 0)
			return true;
		shown += a;
		value += b;
	}
}

/* Read first, write only what differs: a write of ip_forward or
 * conf/all/forwarding takes rtnl_trylock() and restarts the system call
 * while another namespace's teardown holds the lock, spinning for as long;
 * a fresh namespace mostly has the values already. */
static int sysctl_write(struct probe *p, int ns, const char *key, const char *value)
{
	char path[256], shown[128];

	netns_enter(p, ns);
	snprintf(path, sizeof(path), "/proc/sys/net/%s", key);
	int fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ssize_t n = read(fd, shown, sizeof(shown) - 1);
	shown[n > 0 ? n : 0] = '\0';
	int err = 0;
	if (n <= 0 || !sysctl_same(shown, value)) {
		n = pwrite(fd, value, strlen(value), 0);
		err = n < 0 ? errno : 0;
	}
	close(fd);
	return -err;
}

/* A setting a rule depends on: if it cannot be made, the rule cannot run. */
void sysctl_set(struct probe *p, int ns, const char *key, const char *value)
{
	int err = sysctl_write(p, ns, key, value);

	userns_cannot(p, -err, key);
	if (err != 0)
		probe_error(p, "sysctl net/%s = %s: %s", key, value, strerror(-err));
}

/* A setting that only some kernels have per namespace: note its absence. */
void sysctl_try(struct probe *p, int ns, const char *key, const char *value)
{
	int err = sysctl_write(p, ns, key, value);

	userns_cannot(p, -err, key);
	if (err == -ENOENT)
		chan_send(p, 'N', "sysctl net/%s is not per-namespace on this kernel; left as is", key);
	else if (err != 0)
		probe_error(p, "sysctl net/%s = %s: %s", key, value, strerror(-err));
}

/* Catalogue II: connect/send */
void sysctl_host_set(struct probe *p, enum host h, const char *key, const char *value)
{
	char dotted[128];

	snprintf(dotted, sizeof(dotted), "%s", key);
	for (char *c = dotted; *c; c++)
		if (*c == '/')
			*c = '.';
	sysctl_set(p, p->ns[h], key, value);
	chan_send(p, 'T', "sysctl -w net.%s=\"%s\" (on host %s)", dotted, value, plan_host_name(h));
}
