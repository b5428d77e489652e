// SPDX-License-Identifier: GPL-2.0-only
/* Multicast options: group membership, the outgoing interface, loopback. */
#define _GNU_SOURCE
#include "internal.h"
#include "plan.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>

/* The IPv4 address inside an AF_INET or IPv4-mapped AF_INET6 address. */
static struct in_addr mcast_ipv4_of(const struct addr *a)
{
	struct in_addr in;

	if (a->ss.ss_family == AF_INET)
		return ((const struct sockaddr_in *)&a->ss)->sin_addr;
	memcpy(&in, &((const struct sockaddr_in6 *)&a->ss)->sin6_addr.s6_addr[12], sizeof(in));
	return in;
}

/* The address bytes of an AF_INET or AF_INET6 sockaddr. */
static const void *mcast_bytes(const struct sockaddr *sa)
{
	if (sa->sa_family == AF_INET)
		return &((const struct sockaddr_in *)sa)->sin_addr;
	return &((const struct sockaddr_in6 *)sa)->sin6_addr;
}

/* The index of the interface of host h that has the address `bytes` of
 * family `family` (ERROR if none). */
static int mcast_ifindex(struct probe *p, enum host h, int family, const void *bytes)
{
	size_t len = family == AF_INET ? sizeof(struct in_addr) : sizeof(struct in6_addr);
	struct ifaddrs *all, *i;
	int index = 0;

	netns_enter(p, p->ns[h]);
	if (getifaddrs(&all) != 0)
		probe_error(p, "getifaddrs() in host %s failed", plan_host_name(h));
	for (i = all; i && !index; i = i->ifa_next)
		if (i->ifa_addr && i->ifa_addr->sa_family == family &&
		    memcmp(mcast_bytes(i->ifa_addr), bytes, len) == 0)
			index = (int)if_nametoindex(i->ifa_name);
	freeifaddrs(all);
	if (!index)
		probe_error(p, "host %s has no interface with its own address", plan_host_name(h));
	return index;
}

/* setsockopt(s, level, name, val, len), shown as `shown`. */
static struct call mcast_set(struct probe *p, struct sock *s, int level, const char *level_str,
			     int name, const char *name_str, const void *val, socklen_t len,
			     const char *shown)
{
	struct call c = { .ok = 0 };

	trace_begin(p, &c, "setsockopt(%s, %s, %s, %s)", sock_role(s), level_str, name_str, shown);
	trace_answer(&c, setsockopt(sock_fd(s), level, name, val, len));
	trace_end(p, &c, NULL);
	return c;
}

struct call mcast_join_group_on(struct probe *p, struct sock *s, struct addr group, struct addr local)
{
	struct ip_mreq mr = { .imr_multiaddr = mcast_ipv4_of(&group),
			      .imr_interface = mcast_ipv4_of(&local) };
	char gs[INET_ADDRSTRLEN], ls[INET_ADDRSTRLEN], shown[64];

	inet_ntop(AF_INET, &mr.imr_multiaddr, gs, sizeof(gs));
	inet_ntop(AF_INET, &mr.imr_interface, ls, sizeof(ls));
	snprintf(shown, sizeof(shown), "{%s, %s}", gs, ls);
	return mcast_set(p, s, SOCKOPT(SOL_IP, IP_ADD_MEMBERSHIP), &mr, sizeof(mr), shown);
}

struct call mcast_join_group(struct probe *p, struct sock *s, struct addr group)
{
	struct ipv6_mreq mr = { .ipv6mr_interface = 0 };
	char as[80], shown[96];

	if (p->fam != FAM_IPV6)
		return mcast_join_group_on(p, s, group, addr_host(p, sock_host(s), 0));
	memcpy(&mr.ipv6mr_multiaddr, &((struct sockaddr_in6 *)&group.ss)->sin6_addr,
	       sizeof(mr.ipv6mr_multiaddr));
	snprintf(shown, sizeof(shown), "{%s, 0}", addr_str(&group, as, sizeof(as)));
	return mcast_set(p, s, SOCKOPT(SOL_IPV6, IPV6_JOIN_GROUP), &mr, sizeof(mr), shown);
}

struct call mcast_if_addr(struct probe *p, struct sock *s)
{
	struct addr own = addr_host(p, sock_host(s), 0);
	struct in_addr in = mcast_ipv4_of(&own);
	char is[INET_ADDRSTRLEN], shown[INET_ADDRSTRLEN + 2];

	if (p->fam == FAM_IPV6)
		probe_error(p, "mcast_if_addr: IPv6 names the interface only by index");
	snprintf(shown, sizeof(shown), "{%s}", inet_ntop(AF_INET, &in, is, sizeof(is)));
	return mcast_set(p, s, SOCKOPT(SOL_IP, IP_MULTICAST_IF), &in, sizeof(in), shown);
}

struct call mcast_if_index(struct probe *p, struct sock *s)
{
	struct addr own = addr_host(p, sock_host(s), 0);
	char shown[32];

	if (p->fam == FAM_IPV6) {
		int index = mcast_ifindex(p, sock_host(s), AF_INET6,
					  mcast_bytes((struct sockaddr *)&own.ss));
		snprintf(shown, sizeof(shown), "[%d]", index);
		return mcast_set(p, s, SOCKOPT(SOL_IPV6, IPV6_MULTICAST_IF), &index, sizeof(index),
				 shown);
	}
	struct in_addr in = mcast_ipv4_of(&own);
	struct ip_mreqn mr = { .imr_ifindex = mcast_ifindex(p, sock_host(s), AF_INET, &in) };
	snprintf(shown, sizeof(shown), "{imr_ifindex=%d}", mr.imr_ifindex);
	return mcast_set(p, s, SOCKOPT(SOL_IP, IP_MULTICAST_IF), &mr, sizeof(mr), shown);
}

struct call mcast_loop(struct probe *p, struct sock *s, int on)
{
	if (p->fam == FAM_IPV4)
		return sockopt_set_int(p, s, SOCKOPT(SOL_IP, IP_MULTICAST_LOOP), on);
	return sockopt_set_int(p, s, SOCKOPT(SOL_IPV6, IPV6_MULTICAST_LOOP), on);
}
