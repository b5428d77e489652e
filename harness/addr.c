/* Addresses as data: a host's address depends on the topology and on the
 * probe's family, so a rule names hosts and ports, never literals. */
#include "internal.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

/* Host numbers: the last byte of every address a host has. */
static const int host_number[HOST_COUNT] = {
	[HOST_CLIENT] = 1,
	[HOST_SERVER] = 2,
	[HOST_STRANGER] = 3,
	[HOST_ROUTER] = 254,
};

/* The subnet each host's address is on (the third byte, 198.18.S.H). */
static int host_subnet(enum topology t, enum host h)
{
	static const int routed[HOST_COUNT] = {
		[HOST_CLIENT] = 1,
		[HOST_SERVER] = 2,
		[HOST_STRANGER] = 3,
		[HOST_ROUTER] = 1,
	};
	/* The client is on both links; addr_host() names its address on the first. */
	static const int two_links[HOST_COUNT] = {
		[HOST_CLIENT] = 4,
		[HOST_SERVER] = 4,
		[HOST_STRANGER] = 5,
	};
	if (t == TOPO_ROUTED)
		return routed[h];
	if (t == TOPO_TWO_LINKS)
		return two_links[h];
	return 0;
}

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

struct addr addr_literal(struct probe *p, const char *v4, const char *v6, int port)
{
	/* NULL is fine for a family the rule does not run in; asked for in
	 * one it does run in, it is the rule's defect: an ERROR, not a crash. */
	if (!(p->fam == FAM_IPV6 ? v6 : v4))
		probe_error(p, "addr_literal: the rule gives no %s address", family_name(p->fam));
	if (p->fam == FAM_IPV6)
		return addr_v6(v6, port);
	return addr_v4(p, v4, port);
}

struct addr addr_host(struct probe *p, enum host h, int port)
{
	char v4[32], v6[64];

	if (p->rule->topology == TOPO_LOOPBACK)
		return addr_literal(p, "127.0.0.1", "::1", port);
	int s = host_subnet(p->rule->topology, h), n = host_number[h];
	snprintf(v4, sizeof(v4), "198.18.%d.%d", s, n);
	snprintf(v6, sizeof(v6), "2001:db8:%x::%x", s, n);
	return addr_literal(p, v4, v6, port);
}

struct addr addr_wildcard(struct probe *p, int port)
{
	if (p->fam == FAM_IPV4)
		return addr_v4(p, "0.0.0.0", port);
	return addr_v6("::", port); /* a mapped socket binds the v6 wildcard */
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
	if (a->ss.ss_family == AF_INET6)
		snprintf(buf, n, "[%s]:%s", host, port);
	else
		snprintf(buf, n, "%s:%s", host, port);
	return buf;
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
