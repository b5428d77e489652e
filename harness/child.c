/*
 * child.c: the forked child that runs one family (a rule's, or a
 * benchmark's) in namespaces of its own.
 */
#define _GNU_SOURCE
#include "internal.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

/* The caller dies with `parent`, so that neither it nor the namespaces it
 * holds outlive whoever started it.  False if that cannot be arranged, or
 * if `parent` was gone already: getppid() no longer names it. */
bool child_bind(pid_t parent)
{
	return prctl(PR_SET_PDEATHSIG, SIGKILL) == 0 && getppid() == parent;
}

/* One CPU: every datagram sent passes the same per-CPU backlog, in order,
 * so a sentinel sent later is processed later; and the softirq work of
 * loopback and veth runs in the sending task, charged to it.  cpu -1: the
 * one it runs on; else the one the runner gave it (--cpu). */
void child_pin(struct probe *p, int cpu)
{
	cpu_set_t one;

	CPU_ZERO(&one);
	CPU_SET(cpu < 0 ? sched_getcpu() : cpu, &one);
	if (sched_setaffinity(0, sizeof(one), &one) != 0)
		probe_error(p, "sched_setaffinity: %s", strerror(errno));
}
