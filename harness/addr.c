// SPDX-License-Identifier: GPL-2.0-only
/* Socket addresses (addr.h), from the addressing plan (netns/plan.c) as
 * the probe's family writes them. */
#include "internal.h"
#include "plan.h"

#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>

static struct addr addr_v4(struct probe *p, const char *text, int port)
{
	struct addr a = { .any_port = port == PORT_EPHEMERAL };
	uint16_t nport = htons(port < 0 ? 0 : (uint16_t)port);

	if (p->fam == FAM_MAPPED) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&a.ss;
		char mapped[64];
		snprintf(mapped, sizeof(mapped), "::ffff:%s", text);
		s6->sin6_family = AF_INET6;
		s6->sin6_port = nport;
		inet_pton(AF_INET6, mapped, &s6->sin6_addr);
		a.len = sizeof(*s6);
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)&a.ss;
		s4->sin_family = AF_INET;
		s4->sin_port = nport;
		inet_pton(AF_INET, text, &s4->sin_addr);
		a.len = sizeof(*s4);
	}
	return a;
}

static struct addr addr_v6(const char *text, int port)
{
	struct addr a = { .any_port = port == PORT_EPHEMERAL };
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&a.ss;

	s6->sin6_family = AF_INET6;
	s6->sin6_port = htons(port < 0 ? 0 : (uint16_t)port);
	inet_pton(AF_INET6, text, &s6->sin6_addr);
	a.len = sizeof(*s6);
	return a;
}

/* An address of the plan in the probe's family; NULL for one that has no
 * such address is the rule's defect: an ERROR, not a crash. */
static struct addr addr_text(struct probe *p, const char *what, const char *v4, const char *v6,
			     int port)
{
	if (!(p->fam == FAM_IPV6 ? v6 : v4))
		probe_error(p, "%s: there is no %s address of this kind", what, family_name(p->fam));
	if (p->fam == FAM_IPV6)
		return addr_v6(v6, port);
	return addr_v4(p, v4, port);
}

/* What the plan writes for both address families. */
typedef const char *(*plan_fn)(int af, char *buf);

static struct addr addr_plan(struct probe *p, const char *what, plan_fn fn, int port)
{
	char v4[PLAN_TEXT_MAX], v6[PLAN_TEXT_MAX];

	return addr_text(p, what, fn(AF_INET, v4), fn(AF_INET6, v6), port);
}

struct addr addr_host_facing(struct probe *p, enum host h, enum host peer, int port)
{
	char v4[PLAN_TEXT_MAX], v6[PLAN_TEXT_MAX];
	int subnet = topo_subnet(p->rule->topology, h, peer);

	if (p->rule->topology == TOPO_LOOPBACK)
		return addr_loopback(p, port);
	if (subnet < 0)
		probe_error(p, "topology %s has no link between %s and %s",
			    topo_name(p->rule->topology), plan_host_name(h), plan_host_name(peer));
	return addr_text(p, "addr_host", plan_host(AF_INET, subnet, h, v4),
			 plan_host(AF_INET6, subnet, h, v6), port);
}

/* Catalogue II: receive/errors. */
struct addr addr_spare(struct probe *p, enum host h, enum host peer, int port)
{
	char v4[PLAN_TEXT_MAX], v6[PLAN_TEXT_MAX];
	int subnet = topo_subnet(p->rule->topology, h, peer);

	if (subnet < 0)
		probe_error(p, "addr_spare: topology %s has no link between %s and %s",
			    topo_name(p->rule->topology), plan_host_name(h), plan_host_name(peer));
	return addr_text(p, "addr_spare", plan_spare(AF_INET, subnet, v4),
			 plan_spare(AF_INET6, subnet, v6), port);
}

struct addr addr_host(struct probe *p, enum host h, int port)
{
	return addr_host_facing(p, h, h, port);
}

struct addr addr_wildcard(struct probe *p, int port)
{
	if (p->fam == FAM_IPV4)
		return addr_v4(p, "0.0.0.0", port);
	return addr_v6("::", port); /* a mapped socket binds the v6 wildcard */
}

struct addr addr_zero(struct probe *p, int port)
{
	return addr_text(p, "addr_zero", "0.0.0.0", "::", port);
}

struct addr addr_loopback(struct probe *p, int port)
{
	return addr_plan(p, "addr_loopback", plan_loopback, port);
}

struct addr addr_broadcast(struct probe *p, int port)
{
	char v4[PLAN_TEXT_MAX];
	int subnet = topo_subnet(p->rule->topology, HOST_SERVER, HOST_SERVER);

	return addr_text(p, "addr_broadcast", plan_broadcast(subnet < 0 ? 0 : subnet, v4), NULL, port);
}

struct addr addr_limited_broadcast(struct probe *p, int port)
{
	char v4[PLAN_TEXT_MAX];

	return addr_text(p, "addr_limited_broadcast", plan_limited_broadcast(v4), NULL, port);
}

struct addr addr_group(struct probe *p, int port)
{
	return addr_plan(p, "addr_group", plan_group, port);
}

struct addr addr_unreachable(struct probe *p, int port)
{
	return addr_plan(p, "addr_unreachable", plan_unreachable, port);
}

struct addr addr_no_route(struct probe *p, int port)
{
	return addr_plan(p, "addr_no_route", plan_no_route, port);
}

struct addr addr_from_ipv4(struct probe *p, uint32_t ip, int port)
{
	char v4[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &ip, v4, sizeof(v4));
	return addr_text(p, "addr_from_ipv4", v4, "::", port);
}

/* addr_host() writes an address the way a probe of the given family does;
 * ask it as a probe of the other family would. */
struct addr addr_other_family(struct probe *p, enum host h, int port)
{
	struct probe other = *p;

	other.fam = p->fam == FAM_IPV4 ? FAM_IPV6 : FAM_IPV4;
	return addr_host(&other, h, port);
}

struct addr addr_as_unspec(struct addr a)
{
	a.ss.ss_family = AF_UNSPEC;
	return a;
}

struct addr addr_unspec(void)
{
	struct addr a = { .len = sizeof(struct sockaddr) };

	a.ss.ss_family = AF_UNSPEC;
	return a;
}

static bool port_ephemeral(uint16_t port)
{
	return port >= EPHEMERAL_LO && port <= EPHEMERAL_HI;
}

/* The length a kernel answers for an address of its family (16 or 28). */
static socklen_t addr_family_len(sa_family_t family)
{
	return family == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
}

bool addr_equal(const struct addr *want, const struct addr *got)
{
	if (want->ss.ss_family != got->ss.ss_family)
		return false;
	/* The length the kernel returned is part of the answer (16 for
	 * sockaddr_in, 28 for sockaddr_in6): a sockaddr cut short or padded
	 * is as wrong as a wrong address. */
	if (want->ss.ss_family != AF_UNSPEC && want->len != got->len)
		return false;
	if (want->ss.ss_family == AF_INET) {
		const struct sockaddr_in *w = (const void *)&want->ss, *g = (const void *)&got->ss;
		if (want->any_port ? !port_ephemeral(ntohs(g->sin_port)) : w->sin_port != g->sin_port)
			return false;
		return w->sin_addr.s_addr == g->sin_addr.s_addr;
	}
	if (want->ss.ss_family == AF_INET6) {
		const struct sockaddr_in6 *w = (const void *)&want->ss, *g = (const void *)&got->ss;
		if (want->any_port ? !port_ephemeral(ntohs(g->sin6_port))
				   : w->sin6_port != g->sin6_port)
			return false;
		return memcmp(&w->sin6_addr, &g->sin6_addr, sizeof(w->sin6_addr)) == 0;
	}
	return want->ss.ss_family == AF_UNSPEC;
}

const char *addr_str(const struct addr *a, char *buf, size_t n)
{
	char host[INET6_ADDRSTRLEN], port[16];
	uint16_t nport;

	switch (a->ss.ss_family) {
	case AF_INET: {
		const struct sockaddr_in *s4 = (const void *)&a->ss;
		inet_ntop(AF_INET, &s4->sin_addr, host, sizeof(host));
		nport = s4->sin_port;
		break;
	}
	case AF_INET6: {
		const struct sockaddr_in6 *s6 = (const void *)&a->ss;
		inet_ntop(AF_INET6, &s6->sin6_addr, host, sizeof(host));
		nport = s6->sin6_port;
		break;
	}
	case AF_UNSPEC:
		snprintf(buf, n, "{AF_UNSPEC}");
		return buf;
	default:
		snprintf(buf, n, "{family %d}", a->ss.ss_family);
		return buf;
	}
	if (a->any_port || port_ephemeral(ntohs(nport)))
		snprintf(port, sizeof(port), "...");
	else
		snprintf(port, sizeof(port), "%u", ntohs(nport));
	if (a->ss.ss_family == AF_INET6 && ((const struct sockaddr_in6 *)&a->ss)->sin6_scope_id)
		snprintf(buf, n, "[%s%%%u]:%s", host,
			 (unsigned)((const struct sockaddr_in6 *)&a->ss)->sin6_scope_id, port);
	else if (a->ss.ss_family == AF_INET6)
		snprintf(buf, n, "[%s]:%s", host, port);
	else
		snprintf(buf, n, "%s:%s", host, port);
	/* Only an unusual length is shown: transcripts read as before. */
	if (a->len != addr_family_len(a->ss.ss_family))
		snprintf(buf + strlen(buf), n - strlen(buf), " (length %u)", (unsigned)a->len);
	return buf;
}

struct addr addr_link_local(struct probe *p, enum host h, int port, enum host from)
{
	char text[PLAN_TEXT_MAX];
	int subnet = topo_subnet(p->rule->topology, h, from);

	if (p->fam != FAM_IPV6)
		probe_error(p, "addr_link_local: link-local scope is IPv6's; the rule runs it for %s",
			    family_name(p->fam));
	if (subnet < 0)
		probe_error(p, "addr_link_local: hosts %s and %s share no link", plan_host_name(h),
			    plan_host_name(from));
	struct addr a = addr_v6(plan_link_local(subnet, h, text), port);
	netns_enter(p, p->ns[from]);
	unsigned idx = if_nametoindex(topo_ifname(p, from));
	if (!idx)
		probe_error(p, "if_nametoindex(%s) on host %s: %s", topo_ifname(p, from),
			    plan_host_name(from), strerror(errno));
	((struct sockaddr_in6 *)&a.ss)->sin6_scope_id = idx;
	return a;
}

struct addr addr_host_ipv6(const struct probe *p, enum host h, int port)
{
	/* addr_host() as an IPv6 probe asks it. */
	struct probe v6 = *p;

	v6.fam = FAM_IPV6;
	return addr_host(&v6, h, port);
}

struct addr addr_inet_wildcard(int port)
{
	struct addr a = { .len = sizeof(struct sockaddr_in), .any_port = port == PORT_EPHEMERAL };
	struct sockaddr_in *s4 = (struct sockaddr_in *)&a.ss;

	s4->sin_family = AF_INET;
	s4->sin_port = htons(port < 0 ? 0 : (uint16_t)port);
	s4->sin_addr.s_addr = htonl(INADDR_ANY);
	return a;
}

/* Catalogue II: connect/send */
int addr_port(const struct addr *a)
{
	if (a->ss.ss_family == AF_INET)
		return ntohs(((const struct sockaddr_in *)&a->ss)->sin_port);
	if (a->ss.ss_family == AF_INET6)
		return ntohs(((const struct sockaddr_in6 *)&a->ss)->sin6_port);
	return -1;
}

/* Issue 17: the lab's udpc.  An address as text (198.18.0.2, 2001:db8::2,
 * 0.0.0.0, ::) in the probe's family; an IPv4 text on a mapped probe is
 * written ::ffff:a.b.c.d.  False if text is not an address of that family. */
bool addr_parse(struct probe *p, const char *text, int port, struct addr *out)
{
	struct in6_addr a6;
	struct in_addr a4;

	if (inet_pton(AF_INET, text, &a4) == 1 && p->fam != FAM_IPV6) {
		*out = addr_v4(p, text, port);
		return true;
	}
	if (inet_pton(AF_INET6, text, &a6) == 1 && p->fam != FAM_IPV4) {
		*out = addr_v6(text, port);
		return true;
	}
	return false;
}
