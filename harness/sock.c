// SPDX-License-Identifier: GPL-2.0-only
/* A rule's socket and its life: socket(), bind(), connect(), the names it
 * has, poll(), ioctl(), shutdown(), close().  Each sock_*() makes exactly one
 * system call, records it in the transcript and returns what the kernel
 * answered; judging the answer is the caller's business (expect_* or must).
 * The calls on an open socket are the objects beside it: sock_send.c,
 * sock_recv.c, sockopt.c, mcast.c. */
#define _GNU_SOURCE
#include "internal.h"
#include "plan.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

struct sock {
	const char *role; /* the name in the transcript: client, server, ... */
	int fd;
	enum host host;
};

/* The socket's host exists in the topology; the probe has room for it. */
static void sock_host_check(struct probe *p, enum host h, const char *what)
{
	if (p->ns[h] < 0)
		probe_error(p, "rule opens %s on host %s, which topology %s does not have", what,
			    plan_host_name(h), topo_name(p->rule->topology));
	if (p->nsocks == PROBE_MAX_SOCKS)
		probe_error(p, "rule opens more than %d sockets", PROBE_MAX_SOCKS);
}

struct sock *sock_add(struct probe *p, enum host h, const char *role, int fd)
{
	struct sock *s = malloc(sizeof(*s));

	if (!s)
		probe_error(p, "out of memory");
	*s = (struct sock){ .role = role, .fd = fd, .host = h };
	p->socks[p->nsocks++] = s;
	return s;
}

int sock_fd(const struct sock *s)
{
	return s->fd;
}

enum host sock_host(const struct sock *s)
{
	return s->host;
}

const char *sock_role(const struct sock *s)
{
	return s->role;
}

static struct sock *sock_open_domain(struct probe *p, enum host h, const char *role, int domain,
				     int type)
{
	struct call c = { .ok = 0 };
	const char *dname = domain == AF_INET ? "AF_INET" : "AF_INET6";
	const char *tname = type == SOCK_DGRAM ? "SOCK_DGRAM" : "SOCK_RAW";

	sock_host_check(p, h, "a socket");
	netns_enter(p, p->ns[h]);
	int fd = socket(domain, type | SOCK_CLOEXEC, 0);
	if (fd < 0 && errno == EAFNOSUPPORT && domain == AF_INET6)
		probe_skip(p, "kernel has no IPv6 (socket(AF_INET6) = EAFNOSUPPORT)");
	if (fd < 0)
		probe_error(p, "socket(%s, %s, 0): %s", dname, tname, strerror(errno));

	struct sock *s = sock_add(p, h, role, fd);
	snprintf(c.line, sizeof(c.line), "socket(%s, %s, 0) = %s", dname, tname, role);
	if (strcmp(role, plan_host_name(h)) != 0)
		snprintf(c.line + strlen(c.line), sizeof(c.line) - strlen(c.line), " (on host %s)",
			 plan_host_name(h));
	chan_send(p, 'T', "%s", c.line);
	return s;
}

struct call sock_socket_try(struct probe *p, enum host h, int protocol, const char *protocol_str)
{
	struct call c = { .ok = 0 };
	int domain = family_domain(p->fam);

	sock_host_check(p, h, "a socket");
	netns_enter(p, p->ns[h]);
	trace_begin(p, &c, "socket(%s, SOCK_DGRAM, %s)", domain == AF_INET ? "AF_INET" : "AF_INET6",
		    protocol_str);
	int fd = socket(domain, SOCK_DGRAM | SOCK_CLOEXEC, protocol);
	/* A descriptor's number is no answer of the rule's: success is 0. */
	trace_answer(&c, fd < 0 ? -1 : 0);
	if (fd >= 0)
		close(fd);
	trace_end(p, &c, NULL);
	return c;
}

struct sock *sock_open_type(struct probe *p, enum host h, const char *role, int type)
{
	return sock_open_domain(p, h, role, family_domain(p->fam), type);
}

struct sock *sock_open(struct probe *p, enum host h, const char *role)
{
	return sock_open_type(p, h, role, SOCK_DGRAM);
}

/* bind() or connect() of a, declaring len bytes of it; the transcript
 * shows len only when the rule chose it (show_len). */
static struct call sock_addr_call(struct probe *p, struct sock *s, const char *fn,
				  int (*call)(int, const struct sockaddr *, socklen_t), struct addr a,
				  socklen_t len, bool show_len)
{
	struct call c = { .ok = 0 };
	char as[80], ls[16] = "";

	if (show_len)
		snprintf(ls, sizeof(ls), ", %u", len);
	trace_begin(p, &c, "%s(%s, %s%s)", fn, s->role, addr_str(&a, as, sizeof(as)), ls);
	trace_answer(&c, call(s->fd, (struct sockaddr *)&a.ss, len));
	trace_end(p, &c, NULL);
	return c;
}

struct call sock_bind(struct probe *p, struct sock *s, struct addr a)
{
	return sock_addr_call(p, s, "bind", bind, a, a.len, false);
}

struct call sock_connect(struct probe *p, struct sock *s, struct addr a)
{
	return sock_addr_call(p, s, "connect", connect, a, a.len, false);
}

struct call sock_connect_len(struct probe *p, struct sock *s, struct addr a, socklen_t len)
{
	return sock_addr_call(p, s, "connect", connect, a, len, true);
}

struct call sock_disconnect(struct probe *p, struct sock *s)
{
	return sock_connect(p, s, addr_unspec());
}

struct sock *sock_open_inet(struct probe *p, enum host h, const char *role)
{
	return sock_open_domain(p, h, role, AF_INET, SOCK_DGRAM);
}

/* bind() with a's address and port but sa_family AF_UNSPEC: the form
 * inet_bind_sk() accepts for compatibility when the address is INADDR_ANY. */
struct call sock_bind_unspec(struct probe *p, struct sock *s, struct addr a)
{
	struct call c = { .ok = 0 };
	char as[80];

	trace_begin(p, &c, "bind(%s, {AF_UNSPEC, %s})", s->role, addr_str(&a, as, sizeof(as)));
	a.ss.ss_family = AF_UNSPEC;
	trace_answer(&c, bind(s->fd, (struct sockaddr *)&a.ss, a.len));
	trace_end(p, &c, NULL);
	return c;
}

static struct call sock_name(struct probe *p, struct sock *s, const char *fn,
			     int (*get)(int, struct sockaddr *, socklen_t *))
{
	struct call c = { .ok = 0 };
	char as[80];

	trace_begin(p, &c, "%s(%s, ...)", fn, s->role);
	c.addr.len = sizeof(c.addr.ss);
	trace_answer(&c, get(s->fd, (struct sockaddr *)&c.addr.ss, &c.addr.len));
	if (c.ret == 0)
		trace_end(p, &c, "%s(%s, %s)", fn, s->role, addr_str(&c.addr, as, sizeof(as)));
	else
		trace_end(p, &c, NULL);
	return c;
}

struct call sock_getsockname(struct probe *p, struct sock *s)
{
	return sock_name(p, s, "getsockname", getsockname);
}

struct call sock_getpeername(struct probe *p, struct sock *s)
{
	return sock_name(p, s, "getpeername", getpeername);
}

struct call sock_poll(struct probe *p, struct sock *s, short events)
{
	struct call c = { .ok = 1 };
	struct pollfd pfd = { .fd = s->fd, .events = events };
	char es[96], rs[96];

	trace_revents(events, es, sizeof(es));
	trace_begin(p, &c, "poll([{fd=%s, events=%s}], 1, %d)", s->role, es, WAIT_MS);
	trace_answer(&c, poll(&pfd, 1, WAIT_MS));
	c.value = pfd.revents;
	trace_end(p, &c, "poll([{fd=%s, events=%s, revents=%s}], 1, %d)", s->role, es,
		  trace_revents(pfd.revents, rs, sizeof(rs)), WAIT_MS);
	return c;
}

struct call sock_ioctl_int(struct probe *p, struct sock *s, unsigned long request,
			   const char *request_str)
{
	struct call c = { .ok = 0 };

	trace_begin(p, &c, "ioctl(%s, %s, ...)", s->role, request_str);
	trace_answer(&c, ioctl(s->fd, request, &c.value));
	if (c.ret == 0)
		trace_end(p, &c, "ioctl(%s, %s, [%d])", s->role, request_str, c.value);
	else
		trace_end(p, &c, NULL);
	return c;
}

struct call sock_shutdown(struct probe *p, struct sock *s, int how)
{
	static const char *const names[] = {
		[SHUT_RD] = "SHUT_RD", [SHUT_WR] = "SHUT_WR", [SHUT_RDWR] = "SHUT_RDWR"
	};
	struct call c = { .ok = 0 };

	if (how >= SHUT_RD && how <= SHUT_RDWR)
		trace_begin(p, &c, "shutdown(%s, %s)", s->role, names[how]);
	else
		trace_begin(p, &c, "shutdown(%s, %d)", s->role, how);
	trace_answer(&c, shutdown(s->fd, how));
	trace_end(p, &c, NULL);
	return c;
}

struct call sock_close(struct probe *p, struct sock *s)
{
	struct call c = { .ok = 0 };

	trace_begin(p, &c, "close(%s)", s->role);
	trace_answer(&c, close(s->fd));
	trace_end(p, &c, NULL);
	s->fd = -1;
	return c;
}
