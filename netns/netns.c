/* Hosts are anonymous network namespaces.  Each is made by unshare() and
 * held only by a file descriptor of this process, so it disappears with the
 * process however it ends, SIGKILL included: no name in /run/netns, no bind
 * mount, nothing for anyone to clean up. */
#define _GNU_SOURCE
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>

int netns_new(struct probe *p)
{
	if (unshare(CLONE_NEWNET) != 0) {
		if (errno == EPERM)
			probe_error(p, "cannot create a network namespace (EPERM): "
				       "run as root, e.g. sudo make check");
		if (errno == EINVAL)
			probe_skip(p, "kernel has no network namespaces (CONFIG_NET_NS)");
		probe_error(p, "unshare(CLONE_NEWNET): %s", strerror(errno));
	}
	int fd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		probe_error(p, "open /proc/self/ns/net: %s (is /proc mounted?)", strerror(errno));
	return fd;
}

void netns_enter(struct probe *p, int ns)
{
	if (setns(ns, CLONE_NEWNET) != 0)
		probe_error(p, "setns(CLONE_NEWNET): %s", strerror(errno));
}
