/* Traced socket calls.  Each makes exactly one system call, records it in the
 * transcript and returns what the kernel answered; judging the answer is the
 * caller's business (expect_* or must). */
#define _GNU_SOURCE
#include "internal.h"
#include "plan.h"

#include <errno.h>
#include <linux/filter.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/uio.h>
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

const char *sock_role(const struct sock *s)
{
	return s->role;
}

enum host sock_host(const struct sock *s)
{
	return s->host;
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

struct call sock_bind(struct probe *p, struct sock *s, struct addr a)
{
	struct call c = { .ok = 0 };
	char as[80];

	trace_begin(p, &c, "bind(%s, %s)", s->role, addr_str(&a, as, sizeof(as)));
	trace_answer(&c, bind(s->fd, (struct sockaddr *)&a.ss, a.len));
	trace_end(p, &c, NULL);
	return c;
}

struct call sock_connect(struct probe *p, struct sock *s, struct addr a)
{
	struct call c = { .ok = 0 };
	char as[80];

	trace_begin(p, &c, "connect(%s, %s)", s->role, addr_str(&a, as, sizeof(as)));
	trace_answer(&c, connect(s->fd, (struct sockaddr *)&a.ss, a.len));
	trace_end(p, &c, NULL);
	return c;
}

struct call sock_connect_len(struct probe *p, struct sock *s, struct addr a, socklen_t len)
{
	struct call c = { .ok = 0 };
	char as[80];

	trace_begin(p, &c, "connect(%s, %s, %u)", s->role, addr_str(&a, as, sizeof(as)), len);
	trace_answer(&c, connect(s->fd, (struct sockaddr *)&a.ss, len));
	trace_end(p, &c, NULL);
	return c;
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

struct call sock_join_group(struct probe *p, struct sock *s, struct addr group)
{
	struct call c = { .ok = 0 };
	char as[80];

	addr_str(&group, as, sizeof(as));
	if (group.ss.ss_family == AF_INET6) {
		struct ipv6_mreq mr = { .ipv6mr_interface = 0 };
		memcpy(&mr.ipv6mr_multiaddr, &((struct sockaddr_in6 *)&group.ss)->sin6_addr,
		       sizeof(mr.ipv6mr_multiaddr));
		trace_begin(p, &c, "setsockopt(%s, SOL_IPV6, IPV6_JOIN_GROUP, {%s, 0})", s->role, as);
		trace_answer(&c, setsockopt(s->fd, SOL_IPV6, IPV6_JOIN_GROUP, &mr, sizeof(mr)));
	} else {
		struct ip_mreq mr = { .imr_interface.s_addr = htonl(INADDR_ANY) };
		mr.imr_multiaddr = ((struct sockaddr_in *)&group.ss)->sin_addr;
		trace_begin(p, &c, "setsockopt(%s, SOL_IP, IP_ADD_MEMBERSHIP, {%s, 0.0.0.0})", s->role,
			    as);
		trace_answer(&c, setsockopt(s->fd, SOL_IP, IP_ADD_MEMBERSHIP, &mr, sizeof(mr)));
	}
	trace_end(p, &c, NULL);
	return c;
}

/* ---- Catalogue II: disconnect/shutdown/reuseport/state ------------------------------ */

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
