/* Asynchronous errors: poll(), the error queue, and a recvfrom() blocked
 * in a second thread.  Traced like sock.c: one system call, one transcript
 * line. */
#define _GNU_SOURCE
#include "errq.h"
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/icmp6.h>
#include <netinet/ip_icmp.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* ---- poll ------------------------------------------------------------------- */

static const char *revents_str(short ev, char *buf, size_t n)
{
	static const struct {
		short bit;
		const char *name;
	} names[] = {
		{ POLLIN, "POLLIN" },         { POLLPRI, "POLLPRI" },       { POLLOUT, "POLLOUT" },
		{ POLLERR, "POLLERR" },       { POLLHUP, "POLLHUP" },       { POLLNVAL, "POLLNVAL" },
		{ POLLRDNORM, "POLLRDNORM" }, { POLLWRNORM, "POLLWRNORM" },
	};
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (ev & names[i].bit)
			used += (size_t)snprintf(buf + used, n - used, "%s%s", used ? "|" : "",
						 names[i].name);
	if (!used)
		snprintf(buf, n, "0");
	return buf;
}

struct call sock_poll(struct probe *p, struct sock *s, short events)
{
	struct call c = { .ok = 1 };
	struct pollfd pfd = { .fd = s->fd, .events = events };
	char es[96], rs[96];

	revents_str(events, es, sizeof(es));
	trace_begin(p, &c, "poll([{fd=%s, events=%s}], 1, %d)", s->role, es, WAIT_MS);
	call_answer(&c, poll(&pfd, 1, WAIT_MS));
	c.value = pfd.revents;
	trace_end(p, &c, "poll([{fd=%s, events=%s, revents=%s}], 1, %d)", s->role, es,
		  revents_str(pfd.revents, rs, sizeof(rs)), WAIT_MS);
	return c;
}

void expect_revents(struct probe *p, struct call c, short want)
{
	char ws[96], gs[160];

	if (c.ret != 1)
		trace_result(&c, gs, sizeof(gs));
	else
		revents_str((short)c.value, gs, sizeof(gs));
	check_record(p, c.ret == 1 && c.value == want, c.line, revents_str(want, ws, sizeof(ws)), gs);
}

/* ---- the error queue ---------------------------------------------------------- */

static const char *origin_name(int origin)
{
	switch (origin) {
	case SO_EE_ORIGIN_NONE:
		return "SO_EE_ORIGIN_NONE";
	case SO_EE_ORIGIN_LOCAL:
		return "SO_EE_ORIGIN_LOCAL";
	case SO_EE_ORIGIN_ICMP:
		return "SO_EE_ORIGIN_ICMP";
	case SO_EE_ORIGIN_ICMP6:
		return "SO_EE_ORIGIN_ICMP6";
	}
	return "SO_EE_ORIGIN_?";
}

static const char *cmsg_name(int level, int type)
{
	if (level == SOL_IP && type == IP_RECVERR)
		return "SOL_IP, IP_RECVERR";
	if (level == SOL_IPV6 && type == IPV6_RECVERR)
		return "SOL_IPV6, IPV6_RECVERR";
	return level < 0 ? "none" : "other";
}

/* "{SOL_IP, IP_RECVERR, ee_errno=ECONNREFUSED, ..., offender=198.18.0.2}" */
static void ee_str(int level, int type, const struct sock_extended_err *ee, const struct addr *offender,
		   char *buf, size_t n)
{
	char os[80];

	if (level < 0) {
		snprintf(buf, n, "{no RECVERR control message}");
		return;
	}
	addr_str(offender, os, sizeof(os));
	/* The offender has no port: print the host alone. */
	char *colon = strrchr(os, ':');
	if (colon && offender->ss.ss_family != AF_UNSPEC)
		*colon = '\0';
	snprintf(buf, n, "{%s, ee_errno=%s, ee_origin=%s, ee_type=%u, ee_code=%u, offender=%s}",
		 cmsg_name(level, type), ee->ee_errno ? trace_errno((int)ee->ee_errno) : "0",
		 origin_name(ee->ee_origin), ee->ee_type, ee->ee_code, os);
}

static void errq_parse(struct errq_msg *m, struct msghdr *msg)
{
	for (struct cmsghdr *cm = CMSG_FIRSTHDR(msg); cm; cm = CMSG_NXTHDR(msg, cm)) {
		bool v4 = cm->cmsg_level == SOL_IP && cm->cmsg_type == IP_RECVERR;
		bool v6 = cm->cmsg_level == SOL_IPV6 && cm->cmsg_type == IPV6_RECVERR;
		if (!v4 && !v6)
			continue;
		const struct sock_extended_err *ee = (const void *)CMSG_DATA(cm);
		const struct sockaddr *off = SO_EE_OFFENDER(ee);
		size_t room = cm->cmsg_len - (size_t)((const char *)off - (const char *)cm);
		m->cmsg_level = cm->cmsg_level;
		m->cmsg_type = cm->cmsg_type;
		m->ee = *ee;
		m->offender.ss.ss_family = off->sa_family;
		if (off->sa_family == AF_INET && room >= sizeof(struct sockaddr_in))
			m->offender.len = sizeof(struct sockaddr_in);
		else if (off->sa_family == AF_INET6 && room >= sizeof(struct sockaddr_in6))
			m->offender.len = sizeof(struct sockaddr_in6);
		memcpy(&m->offender.ss, off, m->offender.len);
		return;
	}
}

struct errq_msg sock_recv_errqueue(struct probe *p, struct sock *s)
{
	struct errq_msg m = { .cmsg_level = -1, .cmsg_type = -1 };
	struct call *c = &m.call;
	union {
		char buf[512];
		struct cmsghdr align;
	} control;
	struct iovec iov = { .iov_base = c->data, .iov_len = sizeof(c->data) };
	struct msghdr msg = {
		.msg_name = &c->addr.ss,
		.msg_namelen = sizeof(c->addr.ss),
		.msg_iov = &iov,
		.msg_iovlen = 1,
		.msg_control = control.buf,
		.msg_controllen = sizeof(control.buf),
	};
	char pl[CALL_DATA_MAX + 8], as[80], es[256];

	trace_begin(p, c, "recvmsg(%s, ..., MSG_ERRQUEUE|MSG_DONTWAIT)", s->role);
	call_answer(c, recvmsg(s->fd, &msg, MSG_ERRQUEUE | MSG_DONTWAIT));
	if (c->ret < 0) {
		trace_end(p, c, NULL);
		return m;
	}
	c->ok = c->ret;
	c->len = (size_t)c->ret;
	c->addr.len = msg.msg_namelen;
	errq_parse(&m, &msg);
	trace_payload(c->data, c->len, pl, sizeof(pl));
	ee_str(m.cmsg_level, m.cmsg_type, &m.ee, &m.offender, es, sizeof(es));
	trace_end(p, c,
		  "recvmsg(%s, {msg_name=%s, msg_iov=[%s], msg_control=[%s]}, "
		  "MSG_ERRQUEUE|MSG_DONTWAIT)",
		  s->role, addr_str(&c->addr, as, sizeof(as)), pl, es);
	return m;
}

void expect_errqueue(struct probe *p, struct errq_msg m, struct ee_want want)
{
	struct sock_extended_err wee = {
		.ee_errno = (uint32_t)want.err,
		.ee_origin = (uint8_t)want.origin,
		.ee_type = (uint8_t)want.type,
		.ee_code = (uint8_t)want.code,
	};
	struct addr got_off = m.offender;
	char ws[256], gs[256];

	ee_str(want.cmsg_level, want.cmsg_type, &wee, &want.offender, ws, sizeof(ws));
	if (m.call.ret < 0) {
		check_record(p, false, m.call.line, ws, trace_result(&m.call, gs, sizeof(gs)));
		return;
	}
	ee_str(m.cmsg_level, m.cmsg_type, &m.ee, &m.offender, gs, sizeof(gs));
	got_off.any_port = false;
	want.offender.any_port = false;
	bool ok = m.cmsg_level == want.cmsg_level && m.cmsg_type == want.cmsg_type &&
		  m.ee.ee_errno == wee.ee_errno && m.ee.ee_origin == wee.ee_origin &&
		  m.ee.ee_type == wee.ee_type && m.ee.ee_code == wee.ee_code &&
		  addr_equal(&want.offender, &got_off);
	check_record(p, ok, m.call.line, ws, gs);
}

struct ee_want ee_port_unreachable(struct probe *p)
{
	struct addr server = addr_host(p, HOST_SERVER, 0);

	if (p->fam == FAM_IPV4)
		return (struct ee_want){ SOL_IP,
					 IP_RECVERR,
					 ECONNREFUSED,
					 SO_EE_ORIGIN_ICMP,
					 ICMP_DEST_UNREACH,
					 ICMP_PORT_UNREACH,
					 server };
	if (p->fam == FAM_IPV6)
		return (struct ee_want){ SOL_IPV6,
					 IPV6_RECVERR,
					 ECONNREFUSED,
					 SO_EE_ORIGIN_ICMP6,
					 ICMP6_DST_UNREACH,
					 ICMP6_DST_UNREACH_NOPORT,
					 server };
	return (struct ee_want){ SOL_IPV6,          IPV6_RECVERR,      ECONNREFUSED, SO_EE_ORIGIN_ICMP,
				 ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, server };
}

struct call sock_recverr_on(struct probe *p, struct sock *s)
{
	if (p->fam == FAM_IPV6)
		return sock_setsockopt_int(p, s, SOCKOPT(SOL_IPV6, IPV6_RECVERR), 1);
	return sock_setsockopt_int(p, s, SOCKOPT(SOL_IP, IP_RECVERR), 1);
}

/* ---- a recvfrom() blocked in a second thread ------------------------------------ */

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
	call_answer(&b->c, recvfrom(b->s->fd, b->c.data, sizeof(b->c.data), 0,
				    (struct sockaddr *)&b->c.addr.ss, &b->c.addr.len));
	return NULL;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
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

static void rcvtimeo_set(struct probe *p, struct sock *s)
{
	struct call c = { .ok = 0 };
	struct timeval tv = { .tv_sec = WAIT_MS / 1000, .tv_usec = (WAIT_MS % 1000) * 1000L };

	trace_begin(p, &c, "setsockopt(%s, SOL_SOCKET, SO_RCVTIMEO, {tv_sec=%ld, tv_usec=%ld})",
		    s->role, (long)tv.tv_sec, (long)tv.tv_usec);
	call_answer(&c, setsockopt(s->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)));
	trace_end(p, &c, NULL);
	must(p, c);
}

struct blocked_recv *sock_recv_block_start(struct probe *p, struct sock *s)
{
	struct blocked_recv *b = calloc(1, sizeof(*b));
	pid_t tid;

	if (!b)
		probe_error(p, "out of memory");
	b->s = s;
	b->c.ok = 0;
	rcvtimeo_set(p, s);
	if (pipe2(b->announce, O_CLOEXEC) != 0)
		probe_error(p, "pipe2: %s", strerror(errno));
	trace_begin(p, &b->c, "recvfrom(%s, ..., %d, 0)", s->role, CALL_DATA_MAX);
	int err = pthread_create(&b->thread, NULL, blocked_main, b);
	if (err)
		probe_error(p, "pthread_create: %s", strerror(err));
	if (read(b->announce[0], &tid, sizeof(tid)) != sizeof(tid))
		probe_error(p, "the recvfrom thread did not announce itself");
	/* Pinned to one CPU: yielding lets the thread run into recvfrom(). */
	for (double deadline = now_ms() + WAIT_MS; !task_asleep_in(tid, SYS_recvfrom);) {
		if (now_ms() > deadline)
			probe_error(p, "the thread was not asleep in recvfrom() within %d ms", WAIT_MS);
		sched_yield();
	}
	chan_send(p, 'T', "%s <unfinished ...>", b->c.line);
	return b;
}

struct call sock_recv_block_finish(struct probe *p, struct blocked_recv *b)
{
	const char *role = b->s->role;
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

/* ---- Catalogue II: receive/errors ------------------------------------------------ */

struct errq_msg sock_recv_errqueue_full(struct probe *p, struct sock *s, size_t buflen, bool dontwait)
{
	struct errq_msg m = { .cmsg_level = -1, .cmsg_type = -1 };
	struct call *c = &m.call;
	union {
		char buf[512];
		struct cmsghdr align;
	} control;
	size_t room = buflen < sizeof(c->data) ? buflen : sizeof(c->data);
	struct iovec iov = { .iov_base = c->data, .iov_len = room };
	struct msghdr msg = {
		.msg_name = &c->addr.ss,
		.msg_namelen = sizeof(c->addr.ss),
		.msg_iov = &iov,
		.msg_iovlen = 1,
		.msg_control = control.buf,
		.msg_controllen = sizeof(control.buf),
	};
	const char *flags = dontwait ? "MSG_ERRQUEUE|MSG_DONTWAIT" : "MSG_ERRQUEUE";
	char pl[CALL_DATA_MAX + 8], as[80], es[256], fs[96];

	trace_begin(p, c, "recvmsg(%s, {msg_iov=[{..., %zu}]}, %s)", s->role, room, flags);
	call_answer(c, recvmsg(s->fd, &msg, MSG_ERRQUEUE | (dontwait ? MSG_DONTWAIT : 0)));
	if (c->ret < 0) {
		trace_end(p, c, NULL);
		return m;
	}
	c->ok = c->ret;
	c->len = (size_t)c->ret < room ? (size_t)c->ret : room;
	c->addr.len = msg.msg_namelen;
	m.msg_flags = c->value = msg.msg_flags;
	for (struct cmsghdr *cm = CMSG_FIRSTHDR(&msg); cm; cm = CMSG_NXTHDR(&msg, cm))
		m.ncmsg++;
	errq_parse(&m, &msg);
	trace_payload(c->data, c->len, pl, sizeof(pl));
	ee_str(m.cmsg_level, m.cmsg_type, &m.ee, &m.offender, es, sizeof(es));
	trace_end(p, c,
		  "recvmsg(%s, {msg_name=%s, msg_namelen=%u, msg_iov=[{%s, %zu}], "
		  "msg_control=[%s] (%d control message%s), msg_flags=%s}, %s)",
		  s->role, addr_str(&c->addr, as, sizeof(as)), (unsigned)c->addr.len, pl, room, es,
		  m.ncmsg, m.ncmsg == 1 ? "" : "s", trace_msg_flags(m.msg_flags, fs, sizeof(fs)),
		  flags);
	return m;
}
