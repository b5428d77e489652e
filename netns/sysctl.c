/* Per-namespace sysctls.  /proc/sys/net shows the network namespace of the
 * task that opens the file, so a write after netns_enter() changes that host
 * only; a key absent there is not per-namespace on this kernel and is never
 * written (it would change the caller's host). */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int sysctl_write(struct probe *p, int ns, const char *key, const char *value)
{
	char path[256];

	netns_enter(p, ns);
	snprintf(path, sizeof(path), "/proc/sys/net/%s", key);
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	ssize_t n = write(fd, value, strlen(value));
	int err = n < 0 ? errno : 0;
	close(fd);
	return -err;
}

/* A setting a rule depends on: if it cannot be made, the rule cannot run. */
void sysctl_set(struct probe *p, int ns, const char *key, const char *value)
{
	int err = sysctl_write(p, ns, key, value);

	if (err != 0)
		probe_error(p, "sysctl net/%s = %s: %s", key, value, strerror(-err));
}

/* A setting that only some kernels have per namespace: note its absence. */
void sysctl_try(struct probe *p, int ns, const char *key, const char *value)
{
	int err = sysctl_write(p, ns, key, value);

	if (err == -ENOENT)
		chan_send(p, 'N', "sysctl net/%s is not per-namespace on this kernel; left as is", key);
	else if (err != 0)
		probe_error(p, "sysctl net/%s = %s: %s", key, value, strerror(-err));
}
