// SPDX-License-Identifier: GPL-2.0-only
/* A rule's own setup in one host (host.h): a sysctl, an extra address. */
#include "host.h"
#include "internal.h"
#include "plan.h"
#include "rt.h"

#include <arpa/inet.h>
#include <net/if.h>
#include <stdio.h>

void host_sysctl_set(struct probe *p, enum host h, const char *key, const char *value)
{
	char dotted[256];

	if (p->ns[h] < 0)
		probe_error(p, "host_sysctl_set(%s): the topology has no host %s", key,
			    plan_host_name(h));
	snprintf(dotted, sizeof(dotted), "net/%s", key);
	for (char *c = dotted; *c; c++)
		if (*c == '/')
			*c = '.';
	sysctl_set(p, p->ns[h], key, value);
	chan_send(p, 'T', "sysctl -w %s=%s (on host %s)", dotted, value, plan_host_name(h));
}

/* a's IPv4 address as text (a mapped address: the IPv4 address it maps);
 * false for a native IPv6 address. */
static bool addr_ipv4_text(const struct addr *a, char *buf, size_t n)
{
	const struct in6_addr *in6 = &((const struct sockaddr_in6 *)&a->ss)->sin6_addr;

	if (a->ss.ss_family == AF_INET)
		return inet_ntop(AF_INET, &((const struct sockaddr_in *)&a->ss)->sin_addr, buf,
				 (socklen_t)n) != NULL;
	if (a->ss.ss_family == AF_INET6 && IN6_IS_ADDR_V4MAPPED(in6))
		return inet_ntop(AF_INET, &in6->s6_addr[12], buf, (socklen_t)n) != NULL;
	return false;
}

void host_addr_add(struct probe *p, enum host h, struct addr a)
{
	char ip[INET6_ADDRSTRLEN], cidr[INET6_ADDRSTRLEN + 8], ifname[IFNAMSIZ];
	int ifindex = topo_host_ifindex(p, h, ifname, sizeof(ifname));

	if (!addr_ipv4_text(&a, ip, sizeof(ip)))
		probe_error(p, "host_addr_add: IPv4 only (an IPv6 address and its local route "
			       "appear later, from addrconf's work queue)");
	if (ifindex < 0)
		probe_error(p, "host_addr_add: host %s has no link in topology %s", plan_host_name(h),
			    topo_name(p->rule->topology));
	snprintf(cidr, sizeof(cidr), "%s/32", ip);
	struct rt rt = rt_open(p, p->ns[h]);
	rt_addr_add(&rt, ifindex, cidr, NULL, AF_INET);
	rt_close(&rt);
	chan_send(p, 'T', "ip address add %s dev %s (on host %s)", cidr, ifname, plan_host_name(h));
}
