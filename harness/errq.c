// SPDX-License-Identifier: GPL-2.0-only
/* The error queue (errq.h): recvmsg(MSG_ERRQUEUE), traced like sock.c:
 * one system call, one transcript line. */
#define _GNU_SOURCE
#include "internal.h"

#include <errno.h>
#include <netinet/icmp6.h>
#include <netinet/ip_icmp.h>
#include <stdio.h>
#include <string.h>

static const char *origin_name(int origin)
{
	static const char *const names[] = {
		[SO_EE_ORIGIN_NONE] = "SO_EE_ORIGIN_NONE",
		[SO_EE_ORIGIN_LOCAL] = "SO_EE_ORIGIN_LOCAL",
		[SO_EE_ORIGIN_ICMP] = "SO_EE_ORIGIN_ICMP",
		[SO_EE_ORIGIN_ICMP6] = "SO_EE_ORIGIN_ICMP6",
	};

	if (origin < 0 || (size_t)origin >= sizeof(names) / sizeof(names[0]) || !names[origin])
		return "SO_EE_ORIGIN_?";
	return names[origin];
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
void errq_str(int level, int type, const struct sock_extended_err *ee, const struct addr *offender,
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

/* The recvmsg(MSG_ERRQUEUE | flags) of a traced call already begun, into
 * room bytes: ret, the payload, the source and the parsed control data in
 * m.  False when the call failed (then traced in full). */
static bool errq_take(struct probe *p, struct sock *s, struct errq_msg *m, size_t room, int flags,
		      struct msghdr *msg)
{
	struct call *c = &m->call;

	trace_answer(c, recvmsg(sock_fd(s), msg, MSG_ERRQUEUE | flags));
	if (c->ret < 0) {
		trace_end(p, c, NULL);
		return false;
	}
	c->ok = c->ret;
	c->len = (size_t)c->ret < room ? (size_t)c->ret : room;
	c->addr.len = msg->msg_namelen;
	errq_parse(m, msg);
	return true;
}

/* The control buffer of an error queue read. */
union errq_control {
	char buf[512];
	struct cmsghdr align;
};

/* A message header that receives into c's data (room bytes) and address. */
static struct msghdr errq_msghdr(struct call *c, struct iovec *iov, size_t room,
				 union errq_control *ctl)
{
	*iov = (struct iovec){ .iov_base = c->data, .iov_len = room };
	return (struct msghdr){
		.msg_name = &c->addr.ss,
		.msg_namelen = sizeof(c->addr.ss),
		.msg_iov = iov,
		.msg_iovlen = 1,
		.msg_control = ctl->buf,
		.msg_controllen = sizeof(ctl->buf),
	};
}

struct errq_msg errq_recv(struct probe *p, struct sock *s)
{
	struct errq_msg m = { .cmsg_level = -1, .cmsg_type = -1 };
	struct call *c = &m.call;
	union errq_control control;
	struct iovec iov;
	struct msghdr msg = errq_msghdr(c, &iov, sizeof(c->data), &control);
	char pl[CALL_DATA_MAX + 8], as[80], es[256];

	trace_begin(p, c, "recvmsg(%s, ..., MSG_ERRQUEUE|MSG_DONTWAIT)", sock_role(s));
	if (!errq_take(p, s, &m, sizeof(c->data), MSG_DONTWAIT, &msg))
		return m;
	trace_payload(c->data, c->len, pl, sizeof(pl));
	errq_str(m.cmsg_level, m.cmsg_type, &m.ee, &m.offender, es, sizeof(es));
	trace_end(p, c,
		  "recvmsg(%s, {msg_name=%s, msg_iov=[%s], msg_control=[%s]}, "
		  "MSG_ERRQUEUE|MSG_DONTWAIT)",
		  sock_role(s), addr_str(&c->addr, as, sizeof(as)), pl, es);
	return m;
}

struct ee_want errq_port_unreachable(struct probe *p)
{
	/* One row per family: the queue's level and type, ee_errno, ee_origin,
	 * the ICMP type and code (mapped: ICMP 3/3 read as SOL_IPV6). */
	static const struct ee_want want[] = {
		[FAM_IPV4] = { SOL_IP, IP_RECVERR, ECONNREFUSED, SO_EE_ORIGIN_ICMP, ICMP_DEST_UNREACH,
			       ICMP_PORT_UNREACH },
		[FAM_IPV6] = { SOL_IPV6, IPV6_RECVERR, ECONNREFUSED, SO_EE_ORIGIN_ICMP6,
			       ICMP6_DST_UNREACH, ICMP6_DST_UNREACH_NOPORT },
		[FAM_MAPPED] = { SOL_IPV6, IPV6_RECVERR, ECONNREFUSED, SO_EE_ORIGIN_ICMP,
				 ICMP_DEST_UNREACH, ICMP_PORT_UNREACH },
	};
	struct ee_want w = want[p->fam];

	w.offender = addr_host(p, HOST_SERVER, 0);
	return w;
}

/* ---- Catalogue II: receive/errors ------------------------------------------------ */

struct errq_msg errq_recv_full(struct probe *p, struct sock *s, size_t buflen, bool dontwait)
{
	struct errq_msg m = { .cmsg_level = -1, .cmsg_type = -1 };
	struct call *c = &m.call;
	union errq_control control;
	size_t room = buflen < sizeof(c->data) ? buflen : sizeof(c->data);
	struct iovec iov;
	struct msghdr msg = errq_msghdr(c, &iov, room, &control);
	const char *flags = dontwait ? "MSG_ERRQUEUE|MSG_DONTWAIT" : "MSG_ERRQUEUE";
	char pl[CALL_DATA_MAX + 8], as[80], es[256], fs[96];

	trace_begin(p, c, "recvmsg(%s, {msg_iov=[{..., %zu}]}, %s)", sock_role(s), room, flags);
	if (!errq_take(p, s, &m, room, dontwait ? MSG_DONTWAIT : 0, &msg))
		return m;
	m.msg_flags = c->value = msg.msg_flags;
	for (struct cmsghdr *cm = CMSG_FIRSTHDR(&msg); cm; cm = CMSG_NXTHDR(&msg, cm))
		m.ncmsg++;
	trace_payload(c->data, c->len, pl, sizeof(pl));
	errq_str(m.cmsg_level, m.cmsg_type, &m.ee, &m.offender, es, sizeof(es));
	trace_end(p, c,
		  "recvmsg(%s, {msg_name=%s, msg_namelen=%u, msg_iov=[{%s, %zu}], "
		  "msg_control=[%s] (%d control message%s), msg_flags=%s}, %s)",
		  sock_role(s), addr_str(&c->addr, as, sizeof(as)), (unsigned)c->addr.len, pl, room, es,
		  m.ncmsg, m.ncmsg == 1 ? "" : "s", trace_msg_flags(m.msg_flags, fs, sizeof(fs)),
		  flags);
	return m;
}
