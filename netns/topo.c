// SPDX-License-Identifier: GPL-2.0-only
/* Topologies, declared as data and built through libnl-route-3.
 *
 * Every host is a fresh network namespace.  Links are veth pairs created in
 * one host with the peer end born directly in the other (IFLA_NET_NS_FD), so
 * no device ever exists in the caller's namespace.  A segment of more than
 * two hosts gets a bridge in a namespace of its own.  Neighbours are static,
 * so no ARP or neighbour discovery runs and the order of datagrams on the
 * wire is the order they were sent in.
 */
#include "internal.h"
#include "plan.h"
#include "rt.h"
#include "topo_spec.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <netlink/errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Every sysctl a rule may depend on, set in every host: nothing is assumed
 * from the kernel's defaults or inherited from the caller's namespace. */
struct setting {
	const char *key, *value;
	bool per_ns_everywhere; /* false: only some kernels have it per namespace */
};

static const struct setting host_settings[] = {
	{ "ipv4/icmp_ratelimit", "0", true },
	{ "ipv4/icmp_msgs_per_sec", "100000", false },
	{ "ipv4/icmp_msgs_burst", "100000", false },
	{ "ipv6/icmp/ratelimit", "0", true },
	{ "ipv4/ip_local_port_range", "40000 49999", true },
	{ "ipv6/bindv6only", "0", true },
	{ "ipv4/conf/all/rp_filter", "0", true },
	{ "ipv4/conf/default/rp_filter", "0", true },
	{ "ipv6/conf/all/accept_dad", "0", true },
	{ "ipv6/conf/default/accept_dad", "0", true },
	{ "ipv6/conf/default/accept_ra", "0", true },
	{ "ipv6/conf/default/router_solicitations", "0", true },
	{ "ipv4/ip_forward", "0", true },
	{ "ipv6/conf/all/forwarding", "0", true },
};

static const struct setting router_settings[] = {
	{ "ipv4/ip_forward", "1", true },
	{ "ipv6/conf/all/forwarding", "1", true },
};

/* The bridge's namespace speaks no IPv6: it only switches frames. */
static const struct setting switch_settings[] = {
	{ "ipv6/conf/all/disable_ipv6", "1", true },
	{ "ipv6/conf/default/disable_ipv6", "1", true },
};

/* ---- a kernel without IPv6 ------------------------------------------------------
 * Booted with ipv6.disable=1 (or built without CONFIG_IPV6), the kernel has
 * no AF_INET6 at all: socket() fails with EAFNOSUPPORT and /proc/sys/net/ipv6
 * does not exist.  Booted with ipv6.disable_ipv6=1, IPv6 sockets exist but
 * every device refuses IPv6 addresses with EACCES.  Either way the IPv6 and
 * mapped families are SKIPped; IPv4 builds the same topology without IPv6. */
static bool ipv6_usable = true;

static void ipv6_missing(struct probe *p, const char *why)
{
	if (p->fam != FAM_IPV4)
		probe_skip(p, "%s", why);
	ipv6_usable = false;
}

bool topo_ipv6(void)
{
	return ipv6_usable;
}

/* Asked in a fresh host's namespace, never in the caller's: its devices
 * (lo included) take disable_ipv6 from conf/default. */
static void ipv6_probe(struct probe *p)
{
	int fd = socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	char disabled = '0';

	if (fd < 0 && errno == EAFNOSUPPORT)
		ipv6_missing(p,
			     "kernel has no IPv6 (ipv6.disable=1?): socket(AF_INET6) = EAFNOSUPPORT");
	if (fd >= 0)
		close(fd);
	fd = open("/proc/sys/net/ipv6/conf/default/disable_ipv6", O_RDONLY | O_CLOEXEC);
	if (fd >= 0 && read(fd, &disabled, 1) == 1 && disabled == '1')
		ipv6_missing(p, "kernel has IPv6 disabled (ipv6.disable_ipv6=1?): "
				"net.ipv6.conf.default.disable_ipv6 = 1 in a new namespace");
	if (fd >= 0)
		close(fd);
}

static void settings_apply(struct probe *p, int ns, const struct setting *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!ipv6_usable && strncmp(s[i].key, "ipv6/", 5) == 0)
			continue; /* does not exist: an IPv4 probe needs none of them */
		if (s[i].per_ns_everywhere)
			sysctl_set(p, ns, s[i].key, s[i].value);
		else
			sysctl_try(p, ns, s[i].key, s[i].value);
	}
}

#define SETTINGS(p, ns, table) settings_apply(p, ns, table, sizeof(table) / sizeof((table)[0]))

#define TOPO_KNOWN(t) ((unsigned)(t) < topo_spec_count)

const char *topo_name(enum topology t)
{
	return TOPO_KNOWN(t) ? topo_spec[t].name : "unknown";
}

bool topo_lookup(const char *name, enum topology *t)
{
	for (size_t i = 0; i < topo_spec_count; i++)
		if (strcmp(name, topo_spec[i].name) == 0) {
			*t = (enum topology)i;
			return true;
		}
	return false;
}

int topo_subnet(enum topology t, enum host h, enum host peer)
{
	if (!TOPO_KNOWN(t))
		return -1;
	for (int s = 0; s < topo_spec[t].nsegs; s++) {
		const struct segment *seg = &topo_spec[t].segs[s];
		bool has_h = false, has_peer = peer == h;
		for (int k = 0; k < seg->nhosts; k++) {
			has_h |= seg->hosts[k] == h;
			has_peer |= seg->hosts[k] == peer;
		}
		if (has_h && has_peer)
			return seg->subnet;
	}
	return -1;
}

/* ---- building ----------------------------------------------------------------- */

/* Host h's addresses on the segment's device, and what it needs to reach
 * the others: static neighbours, and a default route through the router. */
static void segment_addresses(struct probe *p, struct rt *rt, const struct segment *seg, int k,
			      int ifindex)
{
	char ip[PLAN_TEXT_MAX], cidr[PLAN_TEXT_MAX + 8], brd[PLAN_TEXT_MAX];
	enum host h = seg->hosts[k];

	snprintf(cidr, sizeof(cidr), "%s/24", plan_host(AF_INET, seg->subnet, h, ip));
	rt_addr_add(rt, ifindex, cidr, plan_broadcast(seg->subnet, brd), AF_INET);
	if (!ipv6_usable)
		return;
	snprintf(cidr, sizeof(cidr), "%s/64", plan_host(AF_INET6, seg->subnet, h, ip));
	if (rt_addr_add(rt, ifindex, cidr, NULL, AF_INET6) == -NLE_NOACCESS)
		ipv6_missing(p, "kernel has IPv6 disabled (ipv6.disable_ipv6=1?): adding an IPv6 "
				"address = EACCES");
}

static void segment_neighbours(struct rt *rt, const struct segment *seg, int k, int ifindex)
{
	char ip[PLAN_TEXT_MAX];
	unsigned char mac[6];

	for (int o = 0; o < seg->nhosts; o++) {
		if (o == k)
			continue;
		plan_mac(seg->subnet, seg->hosts[o], mac);
		rt_neigh_add(rt, ifindex, plan_host(AF_INET, seg->subnet, seg->hosts[o], ip), AF_INET,
			     mac);
		if (ipv6_usable)
			rt_neigh_add(rt, ifindex, plan_host(AF_INET6, seg->subnet, seg->hosts[o], ip),
				     AF_INET6, mac);
	}
}

/* The interface index of the k-th host's link on a segment (see rt_veth_add()). */
static int host_ifindex(const struct segment *seg, int k)
{
	return 100 + 10 * seg->subnet + k;
}

static void segment_configure(struct probe *p, const struct segment *seg, int k)
{
	enum host h = seg->hosts[k];
	struct rt rt = rt_open(p, p->ns[h]);
	int ifindex = host_ifindex(seg, k);
	char gw[PLAN_TEXT_MAX];

	/* Up before the addresses: an IPv6 address on a link without carrier
	 * would stay tentative. */
	rt_link_up(&rt, ifindex);
	segment_addresses(p, &rt, seg, k, ifindex);
	segment_neighbours(&rt, seg, k, ifindex);
	if (p->rule->topology == TOPO_ROUTED && h != HOST_ROUTER) {
		rt_route_add(&rt, "default", plan_host(AF_INET, seg->subnet, HOST_ROUTER, gw), ifindex,
			     AF_INET);
		if (ipv6_usable)
			rt_route_add(&rt, "default", plan_host(AF_INET6, seg->subnet, HOST_ROUTER, gw),
				     ifindex, AF_INET6);
	}
	rt_close(&rt);
}

/* More than two hosts: a bridge in a namespace of its own, a veth from it
 * to each host. */
static void segment_switch(struct probe *p, const struct segment *seg, const char *ifname)
{
	int sw = netns_new(p);
	SETTINGS(p, sw, switch_settings);
	struct rt rt = rt_open(p, sw);
	int br = 300 + seg->subnet;

	rt_bridge_add(&rt, "br0", br);
	for (int k = 0; k < seg->nhosts; k++) {
		char port[IFNAMSIZ];
		unsigned char mac[6];
		plan_mac(seg->subnet, seg->hosts[k], mac);
		snprintf(port, sizeof(port), "port%d", k);
		rt_veth_add(&rt, &(struct rt_veth){ .name = port,
						    .index = 200 + 10 * seg->subnet + k,
						    .master = br,
						    .peer_name = ifname,
						    .peer_index = host_ifindex(seg, k),
						    .peer_ns = p->ns[seg->hosts[k]],
						    .peer_mac = mac });
	}
	rt_close(&rt);
	/* Devices do not hold a namespace: only this fd keeps the switch
	 * alive, and it dies with the probe like the hosts. */
	p->switch_ns = sw;
}

/* Two hosts: one veth pair between them. */
static void segment_pair(struct probe *p, const struct segment *seg, const char *ifname)
{
	enum host a = seg->hosts[0], b = seg->hosts[1];
	struct rt rt = rt_open(p, p->ns[a]);
	unsigned char ma[6], mb[6];

	plan_mac(seg->subnet, a, ma);
	plan_mac(seg->subnet, b, mb);
	rt_veth_add(&rt, &(struct rt_veth){ .name = ifname,
					    .index = host_ifindex(seg, 0),
					    .mac = ma,
					    .peer_name = ifname,
					    .peer_index = host_ifindex(seg, 1),
					    .peer_ns = p->ns[b],
					    .peer_mac = mb });
	rt_close(&rt);
}

static void segment_build(struct probe *p, const struct segment *seg)
{
	char ifname[IFNAMSIZ];

	snprintf(ifname, sizeof(ifname), "eth%d", seg->subnet);
	if (seg->nhosts == 2)
		segment_pair(p, seg, ifname);
	else
		segment_switch(p, seg, ifname);
	for (int k = 0; k < seg->nhosts; k++)
		segment_configure(p, seg, k);
}

/* lo is the first device of every namespace (loopback_net_init()). */
#define LOOPBACK_IFINDEX 1

static void host_create(struct probe *p, enum host h)
{
	if (p->ns[h] >= 0)
		return;
	p->ns[h] = netns_new(p);
	ipv6_probe(p);
	SETTINGS(p, p->ns[h], host_settings);
	if (h == HOST_ROUTER)
		SETTINGS(p, p->ns[h], router_settings);
	struct rt rt = rt_open(p, p->ns[h]);
	rt_link_up(&rt, LOOPBACK_IFINDEX);
	rt_close(&rt);
}

/* The router has no route to this prefix and answers with ICMP host
 * unreachable: a soft error, generated once per source address at most. */
static void router_unreachable(struct probe *p)
{
	struct rt rt = rt_open(p, p->ns[HOST_ROUTER]);
	char prefix[PLAN_TEXT_MAX];

	rt_route_add(&rt, plan_unreachable_prefix(AF_INET, prefix), NULL, 0, AF_INET);
	if (ipv6_usable)
		rt_route_add(&rt, plan_unreachable_prefix(AF_INET6, prefix), NULL, 0, AF_INET6);
	rt_close(&rt);
}

void topo_build(struct probe *p)
{
	if (!TOPO_KNOWN(p->rule->topology))
		probe_error(p,
			    "rule %s declares unknown topology %d: use TOPO_LOOPBACK, TOPO_PAIR, "
			    "TOPO_LINK, TOPO_ROUTED or TOPO_TWO_LINKS (harness/udpc.h)",
			    p->rule->id, (int)p->rule->topology);
	const struct topo_spec *t = &topo_spec[p->rule->topology];

	for (int h = 0; h < HOST_COUNT; h++)
		p->ns[h] = -1;
	if (t->nsegs == 0) {
		host_create(p, HOST_CLIENT);
		p->ns[HOST_SERVER] = p->ns[HOST_STRANGER] = p->ns[HOST_CLIENT];
		return;
	}
	for (int s = 0; s < t->nsegs; s++)
		for (int k = 0; k < t->segs[s].nhosts; k++)
			host_create(p, t->segs[s].hosts[k]);
	for (int s = 0; s < t->nsegs; s++)
		segment_build(p, &t->segs[s]);
	if (t->routed)
		router_unreachable(p);
}

const char *topo_ifname(struct probe *p, enum host h)
{
	static char name[IFNAMSIZ];
	int subnet = topo_subnet(p->rule->topology, h, h);

	if (subnet < 0)
		probe_error(p, "topo_ifname: topology %s gives host %s no link",
			    topo_name(p->rule->topology), plan_host_name(h));
	snprintf(name, sizeof(name), "eth%d", subnet);
	return name;
}

/* Catalogue II: receive/errors.  Host h's device on its first segment. */
int topo_host_ifindex(struct probe *p, enum host h, char *ifname, size_t n)
{
	const struct topo_spec *t = &topo_spec[p->rule->topology];

	for (int s = 0; s < t->nsegs; s++)
		for (int k = 0; k < t->segs[s].nhosts; k++)
			if (t->segs[s].hosts[k] == h) {
				snprintf(ifname, n, "eth%d", t->segs[s].subnet);
				return host_ifindex(&t->segs[s], k);
			}
	return -1;
}
