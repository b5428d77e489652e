// SPDX-License-Identifier: GPL-2.0-only
/* Traced socket calls.  Each makes exactly one system call, records it in the
 * transcript and returns what the kernel answered; judging the answer is the
 * caller's business (expect_* or must). */
#define _GNU_SOURCE
#include "internal.h"
#include "plan.h"

#include <arpa/inet.h>
#include <errno.h>
#include <linux/filter.h>
#include <net/if.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
#include <unistd.h>
#include <ifaddrs.h>

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

/* Every send, whatever its form: one system call chosen by `how`, the
 * payload shown once, `dest` the transcript's text for the destination
 * arguments (", 198.18.0.2:7000", ", NULL, 0", or "" for none). */
enum send_how { SEND_SEND, SEND_WRITE, SEND_SENDTO, SEND_SENDMSG };

static struct call send_traced(struct probe *p, struct sock *s, const char *payload, enum send_how how,
			       const struct addr *to, socklen_t tolen, const char *dest)
{
	size_t len = strlen(payload);
	struct call c = { .ok = (long)len };
	struct iovec iov = { .iov_base = (void *)payload, .iov_len = len };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
	char pl[CALL_DATA_MAX];
	long ret = -1;

	trace_payload(payload, len, pl, sizeof(pl));
	switch (how) {
	case SEND_SEND:
		trace_begin(p, &c, "send(%s, %s, %zu, 0)", s->role, pl, len);
		ret = send(s->fd, payload, len, 0);
		break;
	case SEND_WRITE:
		trace_begin(p, &c, "write(%s, %s, %zu)", s->role, pl, len);
		ret = write(s->fd, payload, len);
		break;
	case SEND_SENDTO:
		trace_begin(p, &c, "sendto(%s, %s, %zu, 0%s)", s->role, pl, len, dest);
		ret = sendto(s->fd, payload, len, 0, to ? (const struct sockaddr *)&to->ss : NULL,
			     tolen);
		break;
	case SEND_SENDMSG:
		trace_begin(p, &c, "sendmsg(%s, {msg_name=NULL, msg_iov=[{%s, %zu}]}, 0)", s->role, pl,
			    len);
		ret = sendmsg(s->fd, &msg, 0);
		break;
	}
	trace_answer(&c, ret);
	trace_end(p, &c, NULL);
	return c;
}

struct call sock_send(struct probe *p, struct sock *s, const char *payload)
{
	return send_traced(p, s, payload, SEND_SEND, NULL, 0, "");
}

struct call sock_write(struct probe *p, struct sock *s, const char *payload)
{
	return send_traced(p, s, payload, SEND_WRITE, NULL, 0, "");
}

struct call sock_sendto(struct probe *p, struct sock *s, const char *payload, struct addr to)
{
	char dest[96] = ", ";

	addr_str(&to, dest + 2, sizeof(dest) - 2);
	return send_traced(p, s, payload, SEND_SENDTO, &to, to.len, dest);
}

/* addr_str() for an address that may carry AF_UNSPEC over real content:
 * "{AF_UNSPEC, 198.18.0.3:7002}" shows what the kernel was handed. */
static const char *msg_addr_str(const struct addr *a, char *buf, size_t n)
{
	struct addr shown = *a;
	char as[80];

	if (a->ss.ss_family != AF_UNSPEC || a->len < sizeof(struct sockaddr_in))
		return addr_str(a, buf, n);
	shown.ss.ss_family = a->len == sizeof(struct sockaddr_in6) ? AF_INET6 : AF_INET;
	snprintf(buf, n, "{AF_UNSPEC, %s}", addr_str(&shown, as, sizeof(as)));
	return buf;
}

struct call sock_sendto_null(struct probe *p, struct sock *s, const char *payload)
{
	return send_traced(p, s, payload, SEND_SENDTO, NULL, 0, ", NULL, 0");
}

struct call sock_sendto_len(struct probe *p, struct sock *s, const char *payload, struct addr to,
			    socklen_t tolen)
{
	char dest[160] = ", ", as[128];

	snprintf(dest + 2, sizeof(dest) - 2, "%s, %u", msg_addr_str(&to, as, sizeof(as)),
		 (unsigned)tolen);
	return send_traced(p, s, payload, SEND_SENDTO, &to, tolen, dest);
}

struct call sock_sendmsg_noname(struct probe *p, struct sock *s, const char *payload)
{
	return send_traced(p, s, payload, SEND_SENDMSG, NULL, 0, "");
}

/* Waits for the socket to become readable or report an error, at most
 * WAIT_MS: a datagram or error that is coming is there long before. */
static void wait_readable(struct sock *s)
{
	struct pollfd pfd = { .fd = s->fd, .events = POLLIN };

	while (poll(&pfd, 1, WAIT_MS) < 0 && errno == EINTR)
		;
}

static struct call recv_traced(struct probe *p, struct sock *s, bool wait, bool peek)
{
	struct call c = { .ok = 0 };
	char pl[CALL_DATA_MAX + 8], as[80];
	const char *flags = peek ? "MSG_PEEK|MSG_DONTWAIT" : "MSG_DONTWAIT";

	trace_begin(p, &c, "recvfrom(%s, ..., %d, %s)", s->role, CALL_DATA_MAX, flags);
	if (wait)
		wait_readable(s);
	c.addr.len = sizeof(c.addr.ss);
	trace_answer(&c, recvfrom(s->fd, c.data, sizeof(c.data), MSG_DONTWAIT | (peek ? MSG_PEEK : 0),
				  (struct sockaddr *)&c.addr.ss, &c.addr.len));
	if (c.ret < 0) {
		trace_end(p, &c, NULL);
		return c;
	}
	c.len = (size_t)c.ret;
	c.ok = c.ret;
	trace_payload(c.data, c.len, pl, sizeof(pl));
	trace_end(p, &c, "recvfrom(%s, %s, %d, %s, %s)", s->role, pl, CALL_DATA_MAX, flags,
		  addr_str(&c.addr, as, sizeof(as)));
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

struct call sock_so_error(struct probe *p, struct sock *s)
{
	struct call c = { .ok = 0 };
	socklen_t len = sizeof(c.value);

	trace_begin(p, &c, "getsockopt(%s, SOL_SOCKET, SO_ERROR, ...)", s->role);
	trace_answer(&c, getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &c.value, &len));
	if (c.ret == 0)
		trace_end(p, &c, "getsockopt(%s, SOL_SOCKET, SO_ERROR, [%s])", s->role,
			  c.value ? trace_errno(c.value) : "0");
	else
		trace_end(p, &c, NULL);
	return c;
}

struct call sock_setsockopt_int(struct probe *p, struct sock *s, int level, const char *level_str,
				int name, const char *name_str, int value)
{
	struct call c = { .ok = 0 };

	trace_begin(p, &c, "setsockopt(%s, %s, %s, [%d])", s->role, level_str, name_str, value);
	trace_answer(&c, setsockopt(s->fd, level, name, &value, sizeof(value)));
	trace_end(p, &c, NULL);
	return c;
}

struct call sock_recv(struct probe *p, struct sock *s)
{
	return recv_traced(p, s, true, false);
}

struct call sock_recv_nowait(struct probe *p, struct sock *s)
{
	return recv_traced(p, s, false, false);
}

struct call sock_recv_peek(struct probe *p, struct sock *s)
{
	return recv_traced(p, s, true, true);
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

struct call sock_recverr_on(struct probe *p, struct sock *s)
{
	if (p->fam == FAM_IPV6)
		return sock_setsockopt_int(p, s, SOCKOPT(SOL_IPV6, IPV6_RECVERR), 1);
	return sock_setsockopt_int(p, s, SOCKOPT(SOL_IP, IP_RECVERR), 1);
}

/* The IPv4 address inside an AF_INET or IPv4-mapped AF_INET6 address. */
static struct in_addr v4_of(const struct addr *a)
{
	struct in_addr in;

	if (a->ss.ss_family == AF_INET)
		return ((const struct sockaddr_in *)&a->ss)->sin_addr;
	memcpy(&in, &((const struct sockaddr_in6 *)&a->ss)->sin6_addr.s6_addr[12], sizeof(in));
	return in;
}

static const char *v4_str(struct in_addr in, char *buf, size_t n)
{
	return inet_ntop(AF_INET, &in, buf, (socklen_t)n);
}

struct call sock_join_group(struct probe *p, struct sock *s, struct addr group)
{
	struct call c = { .ok = 0 };
	char as[80];

	addr_str(&group, as, sizeof(as));
	if (p->fam == FAM_IPV6) {
		struct ipv6_mreq mr = { .ipv6mr_interface = 0 };
		memcpy(&mr.ipv6mr_multiaddr, &((struct sockaddr_in6 *)&group.ss)->sin6_addr,
		       sizeof(mr.ipv6mr_multiaddr));
		trace_begin(p, &c, "setsockopt(%s, SOL_IPV6, IPV6_JOIN_GROUP, {%s, 0})", s->role, as);
		trace_answer(&c, setsockopt(s->fd, SOL_IPV6, IPV6_JOIN_GROUP, &mr, sizeof(mr)));
	} else {
		struct addr own = addr_host(p, s->host, 0);
		struct ip_mreq mr = { .imr_multiaddr = v4_of(&group), .imr_interface = v4_of(&own) };
		char gs[INET_ADDRSTRLEN], is[INET_ADDRSTRLEN];
		trace_begin(p, &c, "setsockopt(%s, SOL_IP, IP_ADD_MEMBERSHIP, {%s, %s})", s->role,
			    v4_str(mr.imr_multiaddr, gs, sizeof(gs)),
			    v4_str(mr.imr_interface, is, sizeof(is)));
		trace_answer(&c, setsockopt(s->fd, SOL_IP, IP_ADD_MEMBERSHIP, &mr, sizeof(mr)));
	}
	trace_end(p, &c, NULL);
	return c;
}

/* ---- Catalogue II: disconnect/shutdown/reuseport/state ------------------------------ */

/* ---- Catalogue II: receive/errors ------------------------------------------------ */

/* A receive's answer: ret, the bytes copied (at most the buffer's room) and
 * the source, as every receive below records it. */
static void recv_answer(struct call *c, long ret, size_t room)
{
	trace_answer(c, ret);
	if (c->ret < 0)
		return;
	c->ok = c->ret;
	c->len = (size_t)c->ret < room ? (size_t)c->ret : room;
}

struct call sock_recvmsg_flags(struct probe *p, struct sock *s, size_t buflen, int flags,
			       const char *flags_str)
{
	struct call c = { .ok = 0 };
	size_t room = buflen < sizeof(c.data) ? buflen : sizeof(c.data);
	struct iovec iov = { .iov_base = c.data, .iov_len = room };
	struct msghdr msg = { .msg_name = &c.addr.ss,
			      .msg_namelen = sizeof(c.addr.ss),
			      .msg_iov = &iov,
			      .msg_iovlen = 1 };
	char pl[CALL_DATA_MAX + 8], as[80], fs[96];

	trace_begin(p, &c, "recvmsg(%s, {msg_iov=[{..., %zu}]}, %s|MSG_DONTWAIT)", s->role, room,
		    flags_str);
	wait_readable(s);
	recv_answer(&c, recvmsg(s->fd, &msg, flags | MSG_DONTWAIT), room);
	if (c.ret < 0) {
		trace_end(p, &c, NULL);
		return c;
	}
	c.addr.len = msg.msg_namelen;
	c.value = msg.msg_flags;
	trace_payload(c.data, c.len, pl, sizeof(pl));
	trace_end(p, &c,
		  "recvmsg(%s, {msg_name=%s, msg_namelen=%u, msg_iov=[{%s, %zu}], msg_flags=%s}, "
		  "%s|MSG_DONTWAIT)",
		  s->role, addr_str(&c.addr, as, sizeof(as)), (unsigned)c.addr.len, pl, room,
		  trace_msg_flags(c.value, fs, sizeof(fs)), flags_str);
	return c;
}

/* The descriptor O_NONBLOCK for one call that takes no flags. */
static int nonblock_set(struct probe *p, struct sock *s, bool on)
{
	int fl = fcntl(s->fd, F_GETFL);

	if (fl < 0 || fcntl(s->fd, F_SETFL, on ? fl | O_NONBLOCK : fl & ~O_NONBLOCK) < 0)
		probe_error(p, "fcntl(%s, F_SETFL, O_NONBLOCK): %s", s->role, strerror(errno));
	return fl;
}

struct call sock_read(struct probe *p, struct sock *s)
{
	struct call c = { .ok = 0 };
	char pl[CALL_DATA_MAX + 8];

	trace_begin(p, &c, "read(%s, ..., %d)", s->role, CALL_DATA_MAX);
	wait_readable(s);
	nonblock_set(p, s, true);
	recv_answer(&c, read(s->fd, c.data, sizeof(c.data)), sizeof(c.data));
	nonblock_set(p, s, false);
	if (c.ret < 0) {
		trace_end(p, &c, NULL);
		return c;
	}
	trace_payload(c.data, c.len, pl, sizeof(pl));
	trace_end(p, &c, "read(%s, %s, %d)", s->role, pl, CALL_DATA_MAX);
	return c;
}

struct call sock_recv_noname(struct probe *p, struct sock *s)
{
	struct call c = { .ok = 0 };
	char pl[CALL_DATA_MAX + 8];

	trace_begin(p, &c, "recv(%s, ..., %d, 0)", s->role, CALL_DATA_MAX);
	wait_readable(s);
	nonblock_set(p, s, true);
	recv_answer(&c, recv(s->fd, c.data, sizeof(c.data), 0), sizeof(c.data));
	nonblock_set(p, s, false);
	if (c.ret < 0) {
		trace_end(p, &c, NULL);
		return c;
	}
	trace_payload(c.data, c.len, pl, sizeof(pl));
	trace_end(p, &c, "recv(%s, %s, %d, 0)", s->role, pl, CALL_DATA_MAX);
	return c;
}

struct call sock_readv(struct probe *p, struct sock *s, size_t first_len)
{
	struct call c = { .ok = 0 };
	size_t first = first_len < sizeof(c.data) ? first_len : sizeof(c.data);
	struct iovec iov[2] = {
		{ .iov_base = c.data, .iov_len = first },
		{ .iov_base = c.data + first, .iov_len = sizeof(c.data) - first },
	};
	char p0[CALL_DATA_MAX + 8], p1[CALL_DATA_MAX + 8];

	trace_begin(p, &c, "readv(%s, [{..., %zu}, {..., %zu}], 2)", s->role, iov[0].iov_len,
		    iov[1].iov_len);
	wait_readable(s);
	nonblock_set(p, s, true);
	long got = readv(s->fd, iov, 2);
	recv_answer(&c, got, sizeof(c.data));
	nonblock_set(p, s, false);
	if (got < 0) {
		trace_end(p, &c, NULL);
		return c;
	}
	size_t in_first = (size_t)got > first ? first : (size_t)got;
	trace_payload(c.data, in_first, p0, sizeof(p0));
	trace_payload(c.data + in_first, c.len - in_first, p1, sizeof(p1));
	trace_end(p, &c, "readv(%s, [{%s, %zu}, {%s, %zu}], 2)", s->role, p0, iov[0].iov_len, p1,
		  iov[1].iov_len);
	return c;
}

struct call sock_recvmmsg(struct probe *p, struct sock *s, unsigned vlen,
			  struct call msgs[RECVMMSG_MAX])
{
	struct call c = { .ok = 0 };
	struct mmsghdr mm[RECVMMSG_MAX];
	struct iovec iov[RECVMMSG_MAX];
	char text[CALL_LINE_MAX] = "", pl[CALL_DATA_MAX + 8], as[80], fs[96];
	size_t used = 0;

	if (vlen > RECVMMSG_MAX)
		probe_error(p, "sock_recvmmsg: at most %d messages", RECVMMSG_MAX);
	memset(mm, 0, sizeof(mm));
	for (unsigned i = 0; i < vlen; i++) {
		msgs[i] = (struct call){ .ok = 0 };
		iov[i] = (struct iovec){ .iov_base = msgs[i].data, .iov_len = sizeof(msgs[i].data) };
		mm[i].msg_hdr = (struct msghdr){ .msg_name = &msgs[i].addr.ss,
						 .msg_namelen = sizeof(msgs[i].addr.ss),
						 .msg_iov = &iov[i],
						 .msg_iovlen = 1 };
	}
	trace_begin(p, &c, "recvmmsg(%s, ..., %u, MSG_DONTWAIT, NULL)", s->role, vlen);
	wait_readable(s);
	trace_answer(&c, recvmmsg(s->fd, mm, vlen, MSG_DONTWAIT, NULL));
	if (c.ret < 0) {
		trace_end(p, &c, NULL);
		return c;
	}
	c.ok = c.ret;
	for (long i = 0; i < c.ret; i++) {
		struct call *m = &msgs[i];
		m->ret = m->ok = mm[i].msg_len;
		m->len = mm[i].msg_len;
		m->addr.len = mm[i].msg_hdr.msg_namelen;
		m->value = mm[i].msg_hdr.msg_flags;
		trace_payload(m->data, m->len, pl, sizeof(pl));
		used += (size_t)snprintf(text + used, sizeof(text) - used,
					 "%s{msg_name=%s, msg_iov=[%s], msg_flags=%s, msg_len=%u}",
					 i ? ", " : "", addr_str(&m->addr, as, sizeof(as)), pl,
					 trace_msg_flags(m->value, fs, sizeof(fs)), mm[i].msg_len);
		if (used >= sizeof(text))
			used = sizeof(text) - 1;
	}
	trace_end(p, &c, "recvmmsg(%s, [%s], %u, MSG_DONTWAIT, NULL)", s->role, text, vlen);
	/* Each message names the call it came from, for expect_*(). */
	for (long i = 0; i < c.ret; i++) {
		snprintf(msgs[i].line, sizeof(msgs[i].line), "%s", c.line);
		msgs[i].text_len = c.text_len;
	}
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

struct call sock_getsockopt_int(struct probe *p, struct sock *s, int level, const char *level_str,
				int name, const char *name_str, socklen_t optlen)
{
	struct call c = { .ok = 0 };
	int v[4] = { 0 }; /* room for an optlen larger than an int */
	socklen_t len = optlen < sizeof(v) ? optlen : sizeof(v);

	trace_begin(p, &c, "getsockopt(%s, %s, %s, ..., [%u])", s->role, level_str, name_str,
		    (unsigned)len);
	trace_answer(&c, getsockopt(s->fd, level, name, v, &len));
	if (c.ret != 0) {
		trace_end(p, &c, NULL);
		return c;
	}
	c.value = v[0];
	c.len = len;
	trace_end(p, &c, "getsockopt(%s, %s, %s, [%d], [%u])", s->role, level_str, name_str, c.value,
		  (unsigned)len);
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

struct call sock_hops_set(struct probe *p, struct sock *s, int hops)
{
	if (p->fam == FAM_IPV6)
		return sock_setsockopt_int(p, s, SOCKOPT(SOL_IPV6, IPV6_UNICAST_HOPS), hops);
	return sock_setsockopt_int(p, s, SOCKOPT(SOL_IP, IP_TTL), hops);
}

struct call sock_recvfrom_addrlen(struct probe *p, struct sock *s, socklen_t addrlen)
{
	struct call c = { .ok = 0 };
	char pl[CALL_DATA_MAX + 8], as[80];

	trace_begin(p, &c, "recvfrom(%s, ..., %d, MSG_DONTWAIT, ..., [%u])", s->role, CALL_DATA_MAX,
		    (unsigned)addrlen);
	wait_readable(s);
	c.addr.len = addrlen < sizeof(c.addr.ss) ? addrlen : sizeof(c.addr.ss);
	recv_answer(&c,
		    recvfrom(s->fd, c.data, sizeof(c.data), MSG_DONTWAIT, (struct sockaddr *)&c.addr.ss,
			     &c.addr.len),
		    sizeof(c.data));
	if (c.ret < 0) {
		trace_end(p, &c, NULL);
		return c;
	}
	trace_payload(c.data, c.len, pl, sizeof(pl));
	trace_end(p, &c, "recvfrom(%s, %s, %d, MSG_DONTWAIT, %s, [%u->%u])", s->role, pl, CALL_DATA_MAX,
		  addr_str(&c.addr, as, sizeof(as)), (unsigned)addrlen, (unsigned)c.addr.len);
	return c;
}

/* The same function as rules-c's (Catalogue II: disconnect/shutdown/...):
 * keep one copy when both branches are merged. */
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

struct call sock_recv_blocking(struct probe *p, struct sock *s)
{
	struct call c = { .ok = 0 };
	struct timeval tv = { .tv_sec = WAIT_MS / 1000, .tv_usec = (WAIT_MS % 1000) * 1000L };
	char pl[CALL_DATA_MAX + 8], as[80];

	trace_begin(p, &c, "setsockopt(%s, SOL_SOCKET, SO_RCVTIMEO, {tv_sec=%ld, tv_usec=%ld})",
		    s->role, (long)tv.tv_sec, (long)tv.tv_usec);
	trace_answer(&c, setsockopt(s->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)));
	trace_end(p, &c, NULL);
	must(p, c);

	c = (struct call){ .ok = 0 };
	trace_begin(p, &c, "recvfrom(%s, ..., %d, 0)", s->role, CALL_DATA_MAX);
	c.addr.len = sizeof(c.addr.ss);
	trace_answer(&c, recvfrom(s->fd, c.data, sizeof(c.data), 0, (struct sockaddr *)&c.addr.ss,
				  &c.addr.len));
	if (c.ret <= 0) {
		/* 0: end of file, no datagram and no source address. */
		c.addr = (struct addr){ 0 };
		trace_end(p, &c, NULL);
		return c;
	}
	c.len = (size_t)c.ret;
	c.ok = c.ret;
	trace_payload(c.data, c.len, pl, sizeof(pl));
	trace_end(p, &c, "recvfrom(%s, %s, %d, 0, %s)", s->role, pl, CALL_DATA_MAX,
		  addr_str(&c.addr, as, sizeof(as)));
	return c;
}

struct call sock_bindtodevice(struct probe *p, struct sock *s, const char *ifname)
{
	struct call c = { .ok = 0 };

	trace_begin(p, &c, "setsockopt(%s, SOL_SOCKET, SO_BINDTODEVICE, \"%s\")", s->role, ifname);
	trace_answer(&c,
		     setsockopt(s->fd, SOL_SOCKET, SO_BINDTODEVICE, ifname, (socklen_t)strlen(ifname)));
	trace_end(p, &c, NULL);
	return c;
}

struct call sock_bound_device(struct probe *p, struct sock *s)
{
	struct call c = { .ok = 0 };
	socklen_t len = IFNAMSIZ;
	char pl[CALL_DATA_MAX];

	trace_begin(p, &c, "getsockopt(%s, SOL_SOCKET, SO_BINDTODEVICE, ...)", s->role);
	trace_answer(&c, getsockopt(s->fd, SOL_SOCKET, SO_BINDTODEVICE, c.data, &len));
	if (c.ret != 0) {
		trace_end(p, &c, NULL);
		return c;
	}
	/* sock_getbindtodevice(): the name with its NUL, or length 0 for none. */
	c.len = len && c.data[len - 1] == '\0' ? len - 1 : len;
	trace_payload(c.data, c.len, pl, sizeof(pl));
	trace_end(p, &c, "getsockopt(%s, SOL_SOCKET, SO_BINDTODEVICE, %s, [%u])", s->role, pl,
		  (unsigned)len);
	return c;
}

struct call sock_incoming_cpu(struct probe *p, struct sock *s, bool this_cpu)
{
	struct call c = { .ok = 0 };
	int cpu = this_cpu ? sched_getcpu() : -1;

	/* The CPU number differs from run to run; the transcript says which. */
	trace_begin(p, &c, "setsockopt(%s, SOL_SOCKET, SO_INCOMING_CPU, [%s])", s->role,
		    this_cpu ? "this CPU" : "-1");
	trace_answer(&c, setsockopt(s->fd, SOL_SOCKET, SO_INCOMING_CPU, &cpu, sizeof(cpu)));
	trace_end(p, &c, NULL);
	return c;
}

struct call sock_reuseport_cbpf_by_payload(struct probe *p, struct sock *s)
{
	/* The group's socks[] index is the datagram's first byte minus '0':
	 * run_bpf_filter() in net/core/sock_reuseport.c pulls the UDP header
	 * first, so offset 0 is the payload. */
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 0),
		BPF_STMT(BPF_ALU | BPF_SUB | BPF_K, '0'),
		BPF_STMT(BPF_RET | BPF_A, 0),
	};
	struct sock_fprog prog = { .len = sizeof(code) / sizeof(code[0]), .filter = code };
	struct call c = { .ok = 0 };

	trace_begin(p, &c,
		    "setsockopt(%s, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, "
		    "{ldb [0]; sub #'0'; ret a})",
		    s->role);
	trace_answer(&c, setsockopt(s->fd, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &prog, sizeof(prog)));
	trace_end(p, &c, NULL);
	return c;
}

struct sock *sock_open_inet(struct probe *p, enum host h, const char *role)
{
	return sock_open_domain(p, h, role, AF_INET, SOCK_DGRAM);
}

/* Catalogue II: coverage */

#ifndef IP_LOCAL_PORT_RANGE
#define IP_LOCAL_PORT_RANGE 51 /* linux/in.h since v6.3; glibc's headers lack it */
#endif

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

/* setsockopt(IP_LOCAL_PORT_RANGE): the ports [lo, hi] packed hi << 16 | lo.
 * A kernel without the option (before v6.3) cannot be asked the rule: the
 * family is SKIPped there. */
struct call sock_port_range(struct probe *p, struct sock *s, uint16_t lo, uint16_t hi)
{
	struct call c = { .ok = 0 };
	uint32_t range = (uint32_t)hi << 16 | lo;

	trace_begin(p, &c, "setsockopt(%s, SOL_IP, IP_LOCAL_PORT_RANGE, [%u..%u])", s->role, lo, hi);
	trace_answer(&c, setsockopt(s->fd, SOL_IP, IP_LOCAL_PORT_RANGE, &range, sizeof(range)));
	trace_end(p, &c, NULL);
	if (c.ret == -1 && c.err == ENOPROTOOPT)
		probe_skip(p, "IP_LOCAL_PORT_RANGE is not on this kernel (new in v6.3)");
	return c;
}

/* The IPv4 address in a (or in its ::ffff: form, for a mapped probe). */
static struct in_addr addr_ipv4_of(const struct addr *a)
{
	if (a->ss.ss_family == AF_INET6) {
		struct in_addr v4;
		memcpy(&v4, &((const struct sockaddr_in6 *)&a->ss)->sin6_addr.s6_addr[12], sizeof(v4));
		return v4;
	}
	return ((const struct sockaddr_in *)&a->ss)->sin_addr;
}

/* setsockopt(IP_ADD_MEMBERSHIP) for an IPv4 group on the interface that owns
 * local: the join names its interface, so it needs no route to the group. */
struct call sock_join_group_on(struct probe *p, struct sock *s, struct addr group, struct addr local)
{
	struct call c = { .ok = 0 };
	struct ip_mreq mr = { .imr_multiaddr = addr_ipv4_of(&group),
			      .imr_interface = addr_ipv4_of(&local) };
	char gs[INET_ADDRSTRLEN], ls[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &mr.imr_multiaddr, gs, sizeof(gs));
	inet_ntop(AF_INET, &mr.imr_interface, ls, sizeof(ls));
	trace_begin(p, &c, "setsockopt(%s, SOL_IP, IP_ADD_MEMBERSHIP, {%s, %s})", s->role, gs, ls);
	trace_answer(&c, setsockopt(s->fd, SOL_IP, IP_ADD_MEMBERSHIP, &mr, sizeof(mr)));
	trace_end(p, &c, NULL);
	return c;
}

/* ---- Catalogue II: connect/send ---------------------------------------------------- */

enum send_form { FORM_SEND, FORM_SENDTO, FORM_SENDMSG };

/* The iovecs of a NULL-terminated list of parts, and the transcript's text
 * for them: [{"he", 2}, {"llo", 3}]. */
#define IOV_MAX_PARTS 8

struct iov_list {
	struct iovec iov[IOV_MAX_PARTS];
	size_t n, total;
	char text[CALL_LINE_MAX / 2];
};

static struct call send_form_traced(struct probe *p, struct sock *s, enum send_form form,
				    const char *buf, size_t len, const char *shown, int flags,
				    const char *flags_str, const struct addr *to)
{
	struct call c = { .ok = (long)len };
	struct iovec iov = { .iov_base = (void *)buf, .iov_len = len };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
	const struct sockaddr *sa = to ? (const struct sockaddr *)&to->ss : NULL;
	char as[80] = "NULL";
	long ret = -1;

	if (to)
		addr_str(to, as, sizeof(as));
	switch (form) {
	case FORM_SEND:
		trace_begin(p, &c, "send(%s, %s, %zu, %s)", s->role, shown, len, flags_str);
		ret = send(s->fd, buf, len, flags);
		break;
	case FORM_SENDTO:
		trace_begin(p, &c, "sendto(%s, %s, %zu, %s, %s)", s->role, shown, len, flags_str, as);
		ret = sendto(s->fd, buf, len, flags, sa, to ? to->len : 0);
		break;
	case FORM_SENDMSG:
		msg.msg_name = (void *)sa;
		msg.msg_namelen = to ? to->len : 0;
		trace_begin(p, &c, "sendmsg(%s, {msg_name=%s, msg_iov=[{%s, %zu}]}, %s)", s->role, as,
			    shown, len, flags_str);
		ret = sendmsg(s->fd, &msg, flags);
		break;
	}
	trace_answer(&c, ret);
	trace_end(p, &c, NULL);
	return c;
}

static struct call send_payload(struct probe *p, struct sock *s, enum send_form form,
				const char *payload, int flags, const char *flags_str,
				const struct addr *to)
{
	char pl[CALL_DATA_MAX];
	size_t len = strlen(payload);

	trace_payload(payload, len, pl, sizeof(pl));
	return send_form_traced(p, s, form, payload, len, pl, flags, flags_str, to);
}

static struct call send_sized(struct probe *p, struct sock *s, enum send_form form, size_t size,
			      const struct addr *to)
{
	char *buf = malloc(size ? size : 1);

	if (!buf)
		probe_error(p, "no memory for a %zu-byte datagram", size);
	memset(buf, 'x', size);
	struct call c = send_form_traced(p, s, form, buf, size, "\"xxxx\"...", 0, "0", to);
	free(buf);
	return c;
}

static struct iov_list iov_of(struct probe *p, const char *const *parts)
{
	struct iov_list l = { .n = 0 };
	size_t used = 0;

	for (; parts[l.n]; l.n++) {
		char pl[CALL_DATA_MAX];
		size_t len = strlen(parts[l.n]);
		if (l.n == IOV_MAX_PARTS)
			probe_error(p, "rule sends more than %d iovecs", IOV_MAX_PARTS);
		l.iov[l.n] = (struct iovec){ .iov_base = (void *)parts[l.n], .iov_len = len };
		l.total += len;
		trace_payload(parts[l.n], len, pl, sizeof(pl));
		used += (size_t)snprintf(l.text + used, sizeof(l.text) - used, "%s{%s, %zu}",
					 l.n ? ", " : "", pl, len);
		if (used >= sizeof(l.text))
			probe_error(p, "rule's iovecs are too long to trace");
	}
	return l;
}

struct call sock_send_flags(struct probe *p, struct sock *s, const char *payload, int flags,
			    const char *flags_str)
{
	return send_payload(p, s, FORM_SEND, payload, flags, flags_str, NULL);
}

struct call sock_send_size(struct probe *p, struct sock *s, size_t size)
{
	return send_sized(p, s, FORM_SEND, size, NULL);
}

struct call sock_writev(struct probe *p, struct sock *s, const char *const *parts)
{
	struct iov_list l = iov_of(p, parts);
	struct call c = { .ok = (long)l.total };

	trace_begin(p, &c, "writev(%s, [%s], %zu)", s->role, l.text, l.n);
	trace_answer(&c, writev(s->fd, l.iov, (int)l.n));
	trace_end(p, &c, NULL);
	return c;
}

struct call sock_sendmsg_iov(struct probe *p, struct sock *s, const char *const *parts)
{
	struct iov_list l = iov_of(p, parts);
	struct call c = { .ok = (long)l.total };
	struct msghdr msg = { .msg_iov = l.iov, .msg_iovlen = l.n };

	trace_begin(p, &c, "sendmsg(%s, {msg_name=NULL, msg_iov=[%s]}, 0)", s->role, l.text);
	trace_answer(&c, sendmsg(s->fd, &msg, 0));
	trace_end(p, &c, NULL);
	return c;
}

struct call sock_sendmsg_namelen(struct probe *p, struct sock *s, const char *payload, struct addr to,
				 socklen_t namelen)
{
	size_t len = strlen(payload);
	struct call c = { .ok = (long)len };
	struct iovec iov = { .iov_base = (void *)payload, .iov_len = len };
	/* Room for any namelen the rule names: the kernel reads at most
	 * sizeof(struct sockaddr_storage) of it. */
	struct sockaddr_storage name[2] = { to.ss };
	struct msghdr msg = {
		.msg_name = name, .msg_namelen = namelen, .msg_iov = &iov, .msg_iovlen = 1
	};
	char pl[CALL_DATA_MAX], as[80];

	trace_payload(payload, len, pl, sizeof(pl));
	trace_begin(p, &c, "sendmsg(%s, {msg_name=%s, msg_namelen=%d, msg_iov=[{%s, %zu}]}, 0)",
		    s->role, addr_str(&to, as, sizeof(as)), (int)namelen, pl, len);
	trace_answer(&c, sendmsg(s->fd, &msg, 0));
	trace_end(p, &c, NULL);
	return c;
}

struct call sock_sendmmsg_noname(struct probe *p, struct sock *s, const char *const *payloads)
{
	struct iov_list l = iov_of(p, payloads);
	struct mmsghdr msgs[IOV_MAX_PARTS];
	struct call c = { .ok = (long)l.n };

	for (size_t i = 0; i < l.n; i++)
		msgs[i] = (struct mmsghdr){ .msg_hdr = { .msg_iov = &l.iov[i], .msg_iovlen = 1 } };
	trace_begin(p, &c, "sendmmsg(%s, [%s], %zu, 0)", s->role, l.text, l.n);
	trace_answer(&c, sendmmsg(s->fd, msgs, (unsigned)l.n, 0));
	trace_end(p, &c, NULL);
	return c;
}

struct call sock_sendto_null_len(struct probe *p, struct sock *s, const char *payload, socklen_t tolen)
{
	char dest[32];

	snprintf(dest, sizeof(dest), ", NULL, %u", (unsigned)tolen);
	return send_traced(p, s, payload, SEND_SENDTO, NULL, tolen, dest);
}

/* recvfrom(MSG_TRUNC) into the usual buffer: UDP answers the datagram's
 * whole length, however little of it fits (udp(7) MSG_TRUNC). */
struct call sock_recv_length(struct probe *p, struct sock *s)
{
	struct call c = { .ok = 0 };
	char as[80];

	trace_begin(p, &c, "recvfrom(%s, ..., %d, MSG_TRUNC|MSG_DONTWAIT)", s->role, CALL_DATA_MAX);
	wait_readable(s);
	c.addr.len = sizeof(c.addr.ss);
	trace_answer(&c, recvfrom(s->fd, c.data, sizeof(c.data), MSG_TRUNC | MSG_DONTWAIT,
				  (struct sockaddr *)&c.addr.ss, &c.addr.len));
	c.ok = c.ret;
	c.len = c.ret > 0 ? (size_t)(c.ret < CALL_DATA_MAX ? c.ret : CALL_DATA_MAX) : 0;
	if (c.ret < 0)
		trace_end(p, &c, NULL);
	else
		trace_end(p, &c, "recvfrom(%s, \"%c\"..., %d, MSG_TRUNC|MSG_DONTWAIT, %s)", s->role,
			  c.len ? c.data[0] : ' ', CALL_DATA_MAX, addr_str(&c.addr, as, sizeof(as)));
	return c;
}

struct call sock_multicast_if_addr(struct probe *p, struct sock *s)
{
	struct call c = { .ok = 0 };
	struct addr own = addr_host(p, s->host, 0);
	struct in_addr in = v4_of(&own);
	char is[INET_ADDRSTRLEN];

	if (p->fam == FAM_IPV6)
		probe_error(p, "sock_multicast_if_addr: IPv6 names the interface only by index");
	trace_begin(p, &c, "setsockopt(%s, SOL_IP, IP_MULTICAST_IF, {%s})", s->role,
		    v4_str(in, is, sizeof(is)));
	trace_answer(&c, setsockopt(s->fd, SOL_IP, IP_MULTICAST_IF, &in, sizeof(in)));
	trace_end(p, &c, NULL);
	return c;
}

/* The index of the interface of host h that has address a (ERROR if none). */
static int ifindex_of(struct probe *p, enum host h, const struct addr *a)
{
	struct ifaddrs *all, *i;
	int index = 0;

	netns_enter(p, p->ns[h]);
	if (getifaddrs(&all) != 0)
		probe_error(p, "getifaddrs() in host %s failed", plan_host_name(h));
	for (i = all; i && !index; i = i->ifa_next) {
		if (!i->ifa_addr || i->ifa_addr->sa_family != a->ss.ss_family)
			continue;
		bool same = a->ss.ss_family == AF_INET
				    ? ((struct sockaddr_in *)i->ifa_addr)->sin_addr.s_addr ==
					      ((const struct sockaddr_in *)&a->ss)->sin_addr.s_addr
				    : memcmp(&((struct sockaddr_in6 *)i->ifa_addr)->sin6_addr,
					     &((const struct sockaddr_in6 *)&a->ss)->sin6_addr,
					     sizeof(struct in6_addr)) == 0;
		if (same)
			index = (int)if_nametoindex(i->ifa_name);
	}
	freeifaddrs(all);
	if (!index)
		probe_error(p, "host %s has no interface with its own address", plan_host_name(h));
	return index;
}

struct call sock_multicast_if_index(struct probe *p, struct sock *s)
{
	struct call c = { .ok = 0 };
	struct addr own = addr_host(p, s->host, 0);

	if (p->fam == FAM_IPV6) {
		int index = ifindex_of(p, s->host, &own);
		trace_begin(p, &c, "setsockopt(%s, SOL_IPV6, IPV6_MULTICAST_IF, [%d])", s->role, index);
		trace_answer(&c, setsockopt(s->fd, SOL_IPV6, IPV6_MULTICAST_IF, &index, sizeof(index)));
	} else {
		struct addr v4 = own;
		if (p->fam == FAM_MAPPED) {
			struct sockaddr_in *s4 = (struct sockaddr_in *)&v4.ss;
			struct in_addr in = v4_of(&own);
			memset(&v4.ss, 0, sizeof(v4.ss));
			s4->sin_family = AF_INET;
			s4->sin_addr = in;
		}
		struct ip_mreqn mr = { .imr_ifindex = ifindex_of(p, s->host, &v4) };
		trace_begin(p, &c, "setsockopt(%s, SOL_IP, IP_MULTICAST_IF, {imr_ifindex=%d})", s->role,
			    mr.imr_ifindex);
		trace_answer(&c, setsockopt(s->fd, SOL_IP, IP_MULTICAST_IF, &mr, sizeof(mr)));
	}
	trace_end(p, &c, NULL);
	return c;
}

struct call sock_multicast_loop(struct probe *p, struct sock *s, int on)
{
	if (p->fam == FAM_IPV4)
		return sock_setsockopt_int(p, s, SOCKOPT(SOL_IP, IP_MULTICAST_LOOP), on);
	return sock_setsockopt_int(p, s, SOCKOPT(SOL_IPV6, IPV6_MULTICAST_LOOP), on);
}

struct call sock_sendto_flags(struct probe *p, struct sock *s, const char *payload, int flags,
			      const char *flags_str, struct addr to)
{
	return send_payload(p, s, FORM_SENDTO, payload, flags, flags_str, &to);
}

struct call sock_sendmsg_flags(struct probe *p, struct sock *s, const char *payload, int flags,
			       const char *flags_str, struct addr to)
{
	return send_payload(p, s, FORM_SENDMSG, payload, flags, flags_str, &to);
}

struct call sock_sendto_size(struct probe *p, struct sock *s, size_t size, struct addr to)
{
	return send_sized(p, s, FORM_SENDTO, size, &to);
}

struct call sock_sendmsg_size(struct probe *p, struct sock *s, size_t size, struct addr to)
{
	return send_sized(p, s, FORM_SENDMSG, size, &to);
}
