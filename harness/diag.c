// SPDX-License-Identifier: GPL-2.0-only
/* sock_diag: the kernel's UDP socket table asked over NETLINK_SOCK_DIAG
 * through libnl, inside a host (see state.h).  udp_diag_dump() in
 * net/ipv4/udp_diag.c walks the table of the requested family and
 * inet_sk_diag_fill() (net/ipv4/inet_diag.c) writes each socket's
 * addresses: inet_daddr/inet_rcv_saddr for AF_INET, sk_v6_daddr and
 * sk_v6_rcv_saddr for AF_INET6. */
#define _GNU_SOURCE
#include "internal.h"
#include "state.h"

#include <arpa/inet.h>
#include <errno.h>
#include <linux/inet_diag.h>
#include <linux/sock_diag.h>
#include <netinet/tcp.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

struct diag_query {
	unsigned long inode;
	struct state_entry *e;
};

static struct addr diag_addr(const struct inet_diag_msg *m, const __be32 *a, __be16 port)
{
	struct addr out = { 0 };

	if (m->idiag_family == AF_INET) {
		struct sockaddr_in *s4 = (struct sockaddr_in *)&out.ss;
		s4->sin_family = AF_INET;
		s4->sin_port = port;
		s4->sin_addr.s_addr = a[0];
		out.len = sizeof(*s4);
	} else {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&out.ss;
		s6->sin6_family = AF_INET6;
		s6->sin6_port = port;
		memcpy(&s6->sin6_addr, a, sizeof(s6->sin6_addr));
		out.len = sizeof(*s6);
	}
	return out;
}

static int diag_valid(struct nl_msg *msg, void *arg)
{
	struct diag_query *q = arg;
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	const struct inet_diag_msg *m = nlmsg_data(nlh);

	if (nlh->nlmsg_type != SOCK_DIAG_BY_FAMILY || nlmsg_datalen(nlh) < (int)sizeof(*m) ||
	    m->idiag_inode != q->inode)
		return NL_OK;
	q->e->local = diag_addr(m, m->id.idiag_src, m->id.idiag_sport);
	q->e->remote = diag_addr(m, m->id.idiag_dst, m->id.idiag_dport);
	q->e->state = m->idiag_state;
	q->e->call.ret = 0;
	q->e->call.err = 0;
	return NL_OK;
}

struct state_entry diag_udp_entry(struct probe *p, struct sock *s)
{
	int family = probe_family(p) == FAM_IPV4 ? AF_INET : AF_INET6;
	struct inet_diag_req_v2 req = {
		.sdiag_family = (uint8_t)family,
		.sdiag_protocol = IPPROTO_UDP,
		.idiag_states = ~0U,
	};
	struct state_entry e = { .call = { .ret = -1, .err = ENOENT } };
	struct diag_query q = { .e = &e };
	struct stat st;
	char buf[256];
	const char *fname = family == AF_INET ? "AF_INET" : "AF_INET6";

	if (fstat(sock_fd(s), &st) != 0)
		probe_error(p, "fstat(%s): %s", sock_role(s), strerror(errno));
	q.inode = st.st_ino;
	trace_begin(p, &e.call, "sock_diag(%s, {%s, IPPROTO_UDP, NLM_F_DUMP})", sock_role(s), fname);
	netns_enter(p,
		    p->ns[sock_host(s)]); /* a netlink socket answers for the namespace it is made in */
	struct nl_sock *nl = nl_socket_alloc();
	if (!nl || nl_connect(nl, NETLINK_SOCK_DIAG) != 0)
		probe_error(p, "cannot open a NETLINK_SOCK_DIAG socket (CONFIG_INET_DIAG, "
			       "CONFIG_INET_UDP_DIAG: modprobe udp_diag)");
	nl_socket_modify_cb(nl, NL_CB_VALID, NL_CB_CUSTOM, diag_valid, &q);
	int err = nl_send_simple(nl, SOCK_DIAG_BY_FAMILY, NLM_F_DUMP, &req, sizeof(req));
	if (err >= 0)
		err = nl_recvmsgs_default(nl);
	nl_socket_free(nl);
	/* udp_diag is a module: without it the dump answers ENOENT. */
	if (err == -NLE_OBJ_NOTFOUND || err == -NLE_NOADDR)
		probe_skip(p, "kernel answers no UDP sock_diag dump (CONFIG_INET_UDP_DIAG: modprobe "
			      "udp_diag)");
	if (err < 0)
		probe_error(p, "sock_diag dump: %s", nl_geterror(err));
	if (e.call.ret == 0)
		trace_end(p, &e.call, "sock_diag(%s, {%s, IPPROTO_UDP, NLM_F_DUMP}, %s)", sock_role(s),
			  fname, state_entry_str(&e, buf, sizeof(buf)));
	else
		trace_end(p, &e.call, NULL);
	return e;
}

static const char *state_name(int st)
{
	if (st == TCP_ESTABLISHED)
		return "ESTABLISHED";
	return st == TCP_CLOSE ? "CLOSE" : "?";
}

const char *state_entry_str(const struct state_entry *e, char *buf, size_t n)
{
	char ls[80], rs[80];

	snprintf(buf, n, "{local=%s, remote=%s, st=%02X %s}", addr_str(&e->local, ls, sizeof(ls)),
		 addr_str(&e->remote, rs, sizeof(rs)), (unsigned)e->state, state_name(e->state));
	return buf;
}

void expect_state_entry(struct probe *p, struct state_entry e, struct addr local, struct addr remote,
			int state)
{
	char want[256], got[256], text[CALL_LINE_MAX];
	struct state_entry w = { .local = local, .remote = remote, .state = state };

	state_entry_str(&w, want, sizeof(want));
	if (e.call.ret != 0)
		trace_result(&e.call, got, sizeof(got));
	else
		state_entry_str(&e, got, sizeof(got));
	snprintf(text, sizeof(text), "%.*s", (int)e.call.text_len, e.call.line);
	expect_record(p,
		      e.call.ret == 0 && e.state == state && addr_equal(&local, &e.local) &&
			      addr_equal(&remote, &e.remote),
		      text, want, got);
}
