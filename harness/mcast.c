/* Multicast membership and options, each as one traced setsockopt(). */
#include "internal.h"
#include "mcast.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>

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
		call_answer(&c, setsockopt(s->fd, SOL_IPV6, IPV6_JOIN_GROUP, &mr, sizeof(mr)));
	} else {
		struct addr own = addr_host(p, s->host, 0);
		struct ip_mreq mr = { .imr_multiaddr = v4_of(&group), .imr_interface = v4_of(&own) };
		char gs[INET_ADDRSTRLEN], is[INET_ADDRSTRLEN];
		trace_begin(p, &c, "setsockopt(%s, SOL_IP, IP_ADD_MEMBERSHIP, {%s, %s})", s->role,
			    v4_str(mr.imr_multiaddr, gs, sizeof(gs)),
			    v4_str(mr.imr_interface, is, sizeof(is)));
		call_answer(&c, setsockopt(s->fd, SOL_IP, IP_ADD_MEMBERSHIP, &mr, sizeof(mr)));
	}
	trace_end(p, &c, NULL);
	return c;
}

/* ---- Catalogue II: connect/send --------------------------------------------- */

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
	call_answer(&c, setsockopt(s->fd, SOL_IP, IP_MULTICAST_IF, &in, sizeof(in)));
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
		probe_error(p, "getifaddrs() in host %s failed", host_name(h));
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
		probe_error(p, "host %s has no interface with its own address", host_name(h));
	return index;
}

struct call sock_multicast_if_index(struct probe *p, struct sock *s)
{
	struct call c = { .ok = 0 };
	struct addr own = addr_host(p, s->host, 0);

	if (p->fam == FAM_IPV6) {
		int index = ifindex_of(p, s->host, &own);
		trace_begin(p, &c, "setsockopt(%s, SOL_IPV6, IPV6_MULTICAST_IF, [%d])", s->role, index);
		call_answer(&c, setsockopt(s->fd, SOL_IPV6, IPV6_MULTICAST_IF, &index, sizeof(index)));
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
		call_answer(&c, setsockopt(s->fd, SOL_IP, IP_MULTICAST_IF, &mr, sizeof(mr)));
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
