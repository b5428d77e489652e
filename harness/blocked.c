// SPDX-License-Identifier: GPL-2.0-only
/* A recvfrom() blocked in a second thread (blocked.h). */
#define _GNU_SOURCE
#include "clock.h"
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

struct blocked_recv {
	struct sock *s;
	pthread_t thread;
	int announce[2]; /* the thread writes its tid here right before recvfrom() */
	struct call c;
};

static void *blocked_main(void *arg)
{
	struct blocked_recv *b = arg;
	pid_t tid = gettid();

	if (write(b->announce[1], &tid, sizeof(tid)) != sizeof(tid))
		return NULL;
	b->c.addr.len = sizeof(b->c.addr.ss);
	trace_answer(&b->c, recvfrom(sock_fd(b->s), b->c.data, sizeof(b->c.data), 0,
				     (struct sockaddr *)&b->c.addr.ss, &b->c.addr.len));
	return NULL;
}

/* True when task tid sleeps (state S) inside system call nr: /proc's
 * syscall file names the call a sleeping task is in, "running" otherwise. */
static bool task_asleep_in(pid_t tid, long nr)
{
	char path[64], buf[512];
	FILE *f;
	char state = '?';
	long got = -1;

	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", tid);
	if ((f = fopen(path, "re"))) {
		if (fgets(buf, sizeof(buf), f)) {
			char *paren = strrchr(buf, ')');
			if (paren && paren[1] == ' ')
				state = paren[2];
		}
		fclose(f);
	}
	snprintf(path, sizeof(path), "/proc/self/task/%d/syscall", tid);
	if ((f = fopen(path, "re"))) {
		/* NOLINTNEXTLINE(cert-err34-c): the count tells "running" from a number */
		if (fscanf(f, "%ld", &got) != 1)
			got = -1;
		fclose(f);
	}
	return state == 'S' && got == nr;
}

struct blocked_recv *blocked_recv_start(struct probe *p, struct sock *s)
{
	struct blocked_recv *b = calloc(1, sizeof(*b));
	pid_t tid;

	if (!b)
		probe_error(p, "out of memory");
	b->s = s;
	b->c.ok = 0;
	must(p, sockopt_rcvtimeo_wait(p, s));
	if (pipe2(b->announce, O_CLOEXEC) != 0)
		probe_error(p, "pipe2: %s", strerror(errno));
	trace_begin(p, &b->c, "recvfrom(%s, ..., %d, 0)", sock_role(s), CALL_DATA_MAX);
	int err = pthread_create(&b->thread, NULL, blocked_main, b);
	if (err)
		probe_error(p, "pthread_create: %s", strerror(err));
	if (read(b->announce[0], &tid, sizeof(tid)) != sizeof(tid))
		probe_error(p, "the recvfrom thread did not announce itself");
	/* Pinned to one CPU: yielding lets the thread run into recvfrom(). */
	for (double deadline = clock_ms() + WAIT_MS; !task_asleep_in(tid, SYS_recvfrom);) {
		if (clock_ms() > deadline)
			probe_error(p, "the thread was not asleep in recvfrom() within %d ms", WAIT_MS);
		sched_yield();
	}
	chan_send(p, 'T', "%s <unfinished ...>", b->c.line);
	return b;
}

struct call blocked_recv_finish(struct probe *p, struct blocked_recv *b)
{
	const char *role = sock_role(b->s);
	struct call c;
	char pl[CALL_DATA_MAX + 8], as[80];

	pthread_join(b->thread, NULL);
	close(b->announce[0]);
	close(b->announce[1]);
	c = b->c;
	free(b);
	if (c.ret < 0) {
		trace_end(p, &c, "<... recvfrom(%s, ..., %d, 0) resumed>", role, CALL_DATA_MAX);
		return c;
	}
	c.len = (size_t)c.ret;
	c.ok = c.ret;
	trace_payload(c.data, c.len, pl, sizeof(pl));
	trace_end(p, &c, "<... recvfrom(%s, %s, %d, 0, %s) resumed>", role, pl, CALL_DATA_MAX,
		  addr_str(&c.addr, as, sizeof(as)));
	return c;
}
