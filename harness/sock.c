/* Traced socket calls.  Each makes exactly one system call, records it in the
 * transcript and returns what the kernel answered; judging the answer is the
 * caller's business (expect_* or must). */
#define _GNU_SOURCE
#include "internal.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

const char *host_name(enum host h)
{
	static const char *const names[HOST_COUNT] = {
		[HOST_CLIENT] = "client",
		[HOST_SERVER] = "server",
		[HOST_STRANGER] = "stranger",
		[HOST_ROUTER] = "router",
	};
	return names[h];
}

static int family_domain(enum family f)
{
	return f == FAM_IPV4 ? AF_INET : AF_INET6;
}

struct sock *sock_open_type(struct probe *p, enum host h, const char *role, int type)
{
	struct call c = { .ok = 0 };
	int domain = family_domain(p->fam);
	const char *dname = domain == AF_INET ? "AF_INET" : "AF_INET6";
	const char *tname = type == SOCK_DGRAM ? "SOCK_DGRAM" : "SOCK_RAW";

	if (p->ns[h] < 0)
		probe_error(p, "rule opens a socket on host %s, which topology %s does not have",
			    host_name(h), topo_name(p->rule->topology));
	if (p->nsocks == PROBE_MAX_SOCKS)
		probe_error(p, "rule opens more than %d sockets", PROBE_MAX_SOCKS);
	netns_enter(p, p->ns[h]);
	int fd = socket(domain, type | SOCK_CLOEXEC, 0);
	if (fd < 0 && errno == EAFNOSUPPORT && domain == AF_INET6)
		probe_skip(p, "kernel has no IPv6 (socket(AF_INET6) = EAFNOSUPPORT)");
	if (fd < 0)
		probe_error(p, "socket(%s, %s, 0): %s", dname, tname, strerror(errno));

	struct sock *s = &p->socks[p->nsocks++];
	*s = (struct sock){ .role = role, .fd = fd, .host = h };
	snprintf(c.line, sizeof(c.line), "socket(%s, %s, 0) = %s", dname, tname, role);
	if (strcmp(role, host_name(h)) != 0)
		snprintf(c.line + strlen(c.line), sizeof(c.line) - strlen(c.line), " (on host %s)",
			 host_name(h));
	chan_send(p, 'T', "%s", c.line);
	return s;
}

struct sock *sock_open(struct probe *p, enum host h, const char *role)
{
	return sock_open_type(p, h, role, SOCK_DGRAM);
}

void call_answer(struct call *c, long ret)
{
	c->ret = ret;
	c->err = ret == -1 ? errno : 0;
}

struct call sock_bind(struct probe *p, struct sock *s, struct addr a)
{
	struct call c = { .ok = 0 };
	char as[80];

	trace_begin(p, &c, "bind(%s, %s)", s->role, addr_str(&a, as, sizeof(as)));
	call_answer(&c, bind(s->fd, (struct sockaddr *)&a.ss, a.len));
	trace_end(p, &c, NULL);
	return c;
}

struct call sock_connect(struct probe *p, struct sock *s, struct addr a)
{
	struct call c = { .ok = 0 };
	char as[80];

	trace_begin(p, &c, "connect(%s, %s)", s->role, addr_str(&a, as, sizeof(as)));
	call_answer(&c, connect(s->fd, (struct sockaddr *)&a.ss, a.len));
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
struct call send_traced(struct probe *p, struct sock *s, const char *payload, enum send_how how,
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
	call_answer(&c, ret);
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

/* Waits for the socket to become readable or report an error, at most
 * WAIT_MS: a datagram or error that is coming is there long before. */
static void wait_readable(struct sock *s)
{
	struct pollfd pfd = { .fd = s->fd, .events = POLLIN };

	while (poll(&pfd, 1, WAIT_MS) < 0 && errno == EINTR)
		;
}

struct call recv_traced(struct probe *p, struct sock *s, bool wait, bool peek)
{
	struct call c = { .ok = 0 };
	char pl[CALL_DATA_MAX + 8], as[80];
	const char *flags = peek ? "MSG_PEEK|MSG_DONTWAIT" : "MSG_DONTWAIT";

	trace_begin(p, &c, "recvfrom(%s, ..., %d, %s)", s->role, CALL_DATA_MAX, flags);
	if (wait)
		wait_readable(s);
	c.addr.len = sizeof(c.addr.ss);
	call_answer(&c, recvfrom(s->fd, c.data, sizeof(c.data), MSG_DONTWAIT | (peek ? MSG_PEEK : 0),
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
	call_answer(&c, get(s->fd, (struct sockaddr *)&c.addr.ss, &c.addr.len));
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
	call_answer(&c, getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &c.value, &len));
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
	call_answer(&c, setsockopt(s->fd, level, name, &value, sizeof(value)));
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

/* /proc/net follows the reading task's network namespace (since v5.1). */
static long mib_lookup(struct probe *p, enum host h, const char *group, const char *name)
{
	bool v6 = group[strlen(group) - 1] == '6';
	char line[4096], keys[4096] = "";
	FILE *f;

	netns_enter(p, p->ns[h]);
	f = fopen(v6 ? "/proc/net/snmp6" : "/proc/net/snmp", "re");
	if (!f)
		probe_error(p, "open /proc/net/snmp%s: %s", v6 ? "6" : "", strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		char key[128];
		long value;
		if (v6) {
			/* NOLINTNEXTLINE(cert-err34-c): the kernel wrote it; the count is checked */
			if (sscanf(line, "%127s %ld", key, &value) == 2 &&
			    strncmp(key, group, strlen(group)) == 0 &&
			    strcmp(key + strlen(group), name) == 0) {
				fclose(f);
				return value;
			}
			continue;
		}
		/* Pairs of lines: "Icmp: InMsgs ..." then "Icmp: 3 ..." */
		size_t gl = strlen(group);
		if (strncmp(line, group, gl) != 0 || line[gl] != ':')
			continue;
		if (!keys[0]) {
			snprintf(keys, sizeof(keys), "%s", line);
			continue;
		}
		char *ksave, *vsave;
		char *k = strtok_r(keys + gl + 1, " \n", &ksave);
		char *v = strtok_r(line + gl + 1, " \n", &vsave);
		for (; k && v; k = strtok_r(NULL, " \n", &ksave), v = strtok_r(NULL, " \n", &vsave)) {
			if (strcmp(k, name) == 0) {
				fclose(f);
				return strtol(v, NULL, 10);
			}
		}
		break;
	}
	fclose(f);
	probe_error(p, "no counter %s %s in /proc/net/snmp%s", group, name, v6 ? "6" : "");
}

long mib_read(struct probe *p, enum host h, enum mib m)
{
	static const char *const names[][3] = {
		[MIB_ICMP_IN_DEST_UNREACHS] = { "Icmp", "Icmp6", "InDestUnreachs" },
		[MIB_ICMP_OUT_DEST_UNREACHS] = { "Icmp", "Icmp6", "OutDestUnreachs" },
		[MIB_UDP_IN_DATAGRAMS] = { "Udp", "Udp6", "InDatagrams" },
		[MIB_UDP_NO_PORTS] = { "Udp", "Udp6", "NoPorts" },
		[MIB_UDP_OUT_DATAGRAMS] = { "Udp", "Udp6", "OutDatagrams" },
	};
	return mib_lookup(p, h, names[m][p->fam == FAM_IPV6 ? 1 : 0], names[m][2]);
}

/* ---- Catalogue II: connect/send ------------------------------------------------ */

/* The iovecs of a NULL-terminated list of parts, and the transcript's text
 * for them: [{"he", 2}, {"llo", 3}]. */
#define IOV_MAX_PARTS 8

struct iov_list {
	struct iovec iov[IOV_MAX_PARTS];
	size_t n, total;
	char text[CALL_LINE_MAX / 2];
};

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
	size_t len = strlen(payload);
	struct call c = { .ok = (long)len };
	char pl[CALL_DATA_MAX];

	trace_payload(payload, len, pl, sizeof(pl));
	trace_begin(p, &c, "send(%s, %s, %zu, %s)", s->role, pl, len, flags_str);
	call_answer(&c, send(s->fd, payload, len, flags));
	trace_end(p, &c, NULL);
	return c;
}

struct call sock_send_size(struct probe *p, struct sock *s, size_t size)
{
	struct call c = { .ok = (long)size };
	char *buf = malloc(size ? size : 1);

	if (!buf)
		probe_error(p, "no memory for a %zu-byte datagram", size);
	memset(buf, 'x', size);
	trace_begin(p, &c, "send(%s, \"xxxx\"..., %zu, 0)", s->role, size);
	call_answer(&c, send(s->fd, buf, size, 0));
	trace_end(p, &c, NULL);
	free(buf);
	return c;
}

struct call sock_writev(struct probe *p, struct sock *s, const char *const *parts)
{
	struct iov_list l = iov_of(p, parts);
	struct call c = { .ok = (long)l.total };

	trace_begin(p, &c, "writev(%s, [%s], %zu)", s->role, l.text, l.n);
	call_answer(&c, writev(s->fd, l.iov, (int)l.n));
	trace_end(p, &c, NULL);
	return c;
}

struct call sock_sendmsg_iov(struct probe *p, struct sock *s, const char *const *parts)
{
	struct iov_list l = iov_of(p, parts);
	struct call c = { .ok = (long)l.total };
	struct msghdr msg = { .msg_iov = l.iov, .msg_iovlen = l.n };

	trace_begin(p, &c, "sendmsg(%s, {msg_name=NULL, msg_iov=[%s]}, 0)", s->role, l.text);
	call_answer(&c, sendmsg(s->fd, &msg, 0));
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
	call_answer(&c, sendmsg(s->fd, &msg, 0));
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
	call_answer(&c, sendmmsg(s->fd, msgs, (unsigned)l.n, 0));
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
	call_answer(&c, recvfrom(s->fd, c.data, sizeof(c.data), MSG_TRUNC | MSG_DONTWAIT,
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
