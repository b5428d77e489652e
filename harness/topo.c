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

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_arp.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <linux/if.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/link/bridge.h>
#include <netlink/route/link/veth.h>
#include <netlink/route/neighbour.h>
#include <netlink/route/route.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define SEG_MAX_HOSTS 3
#define TOPO_MAX_SEGS 3

struct segment {
	int subnet; /* 198.18.<subnet>.0/24, 2001:db8:<subnet>::/64 */
	enum host hosts[SEG_MAX_HOSTS];
	int nhosts;
};

struct topo_spec {
	const char *name;
	struct segment segs[TOPO_MAX_SEGS];
	int nsegs;
	bool routed; /* hosts route through HOST_ROUTER, which forwards */
};

static const struct topo_spec topologies[] = {
	[TOPO_LOOPBACK] = { .name = "loopback" },
	[TOPO_LINK] = {
		.name = "link",
		.segs = { { 0, { HOST_CLIENT, HOST_SERVER, HOST_STRANGER }, 3 } },
		.nsegs = 1,
	},
	[TOPO_ROUTED] = {
		.name = "routed",
		.segs = {
			{ 1, { HOST_CLIENT, HOST_ROUTER }, 2 },
			{ 2, { HOST_SERVER, HOST_ROUTER }, 2 },
			{ 3, { HOST_STRANGER, HOST_ROUTER }, 2 },
		},
		.nsegs = 3,
		.routed = true,
	},
	/* The client's own address is 198.18.4.1 (server's link, first) and
	 * 198.18.5.1 (stranger's link); no routes beyond the two links. */
	[TOPO_TWO_LINKS] = {
		.name = "two-links",
		.segs = {
			{ 4, { HOST_CLIENT, HOST_SERVER }, 2 },
			{ 5, { HOST_CLIENT, HOST_STRANGER }, 2 },
		},
		.nsegs = 2,
	},
};

/* The router has no route to this prefix and answers with ICMP host
 * unreachable: a soft error, generated once per source address at most. */
#define UNREACHABLE_V4 "198.18.9.0/24"
#define UNREACHABLE_V6 "2001:db8:9::/64"

static const int host_number[HOST_COUNT] = {
	[HOST_CLIENT] = 1,
	[HOST_SERVER] = 2,
	[HOST_STRANGER] = 3,
	[HOST_ROUTER] = 254,
};

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

#define TOPO_KNOWN(t) ((unsigned)(t) < sizeof(topologies) / sizeof(topologies[0]))

const char *topo_name(enum topology t)
{
	return TOPO_KNOWN(t) ? topologies[t].name : "unknown";
}

/* ---- libnl plumbing: a route socket per namespace --------------------------- */

struct nl {
	struct probe *p;
	struct nl_sock *sk;
};

static struct nl rt_open(struct probe *p, int ns)
{
	struct nl nl = { .p = p };

	netns_enter(p, ns); /* a netlink socket belongs to the namespace it is made in */
	nl.sk = nl_socket_alloc();
	if (!nl.sk || nl_connect(nl.sk, NETLINK_ROUTE) != 0)
		probe_error(p, "cannot open a rtnetlink socket");
	return nl;
}

static void rt_close(struct nl *nl)
{
	nl_socket_free(nl->sk);
}

static void rt_check(struct nl *nl, int err, const char *what)
{
	if (err == 0)
		return;
	/* ERROR, not SKIP: the rule applies to this kernel, only the bench
	 * to test it on is missing, and one command brings it. */
	if (err == -NLE_OPNOTSUPP && strstr(what, "veth"))
		probe_error(nl->p, "kernel has no veth driver: load it with 'modprobe veth'");
	if (err == -NLE_OPNOTSUPP && strstr(what, "bridge"))
		probe_error(nl->p, "kernel has no bridge driver: load it with 'modprobe bridge'");
	probe_error(nl->p, "topology: %s: %s", what, nl_geterror(err));
}

static struct nl_addr *rt_parse(struct nl *nl, const char *text, int family)
{
	struct nl_addr *a = NULL;

	rt_check(nl, nl_addr_parse(text, family, &a), text);
	return a;
}

static int link_index(struct nl *nl, const char *name)
{
	struct rtnl_link *link = NULL;

	rt_check(nl, rtnl_link_get_kernel(nl->sk, 0, name, &link), name);
	int index = rtnl_link_get_ifindex(link);
	rtnl_link_put(link);
	return index;
}

static void link_up(struct nl *nl, const char *name)
{
	struct rtnl_link *link = NULL, *change = rtnl_link_alloc();

	rt_check(nl, rtnl_link_get_kernel(nl->sk, 0, name, &link), name);
	rtnl_link_set_flags(change, IFF_UP);
	rt_check(nl, rtnl_link_change(nl->sk, link, change, 0), "set link up");
	rtnl_link_put(change);
	rtnl_link_put(link);
}

static struct nl_addr *mac_of(int subnet, enum host h)
{
	uint8_t mac[6] = { 0x02, 'u', 'd', 'p', (uint8_t)subnet, (uint8_t)host_number[h] };

	return nl_addr_build(AF_LLC, mac, sizeof(mac));
}

/* A veth pair: `name` (interface index `index`) here, `peer_name` (index
 * `peer_index`) born in namespace peer_ns.
 *
 * The indexes are chosen, not left to the kernel: linkwatch handles a
 * carrier change at once only for an "urgent" device, which for a veth means
 * one whose index differs from its peer's (linkwatch_urgent_event()).  Fresh
 * namespaces number their devices alike, so a pair between two hosts would
 * get equal indexes and wait up to a second for its queue to be attached. */
static void veth_add(struct nl *nl, const char *name, int index, struct nl_addr *mac, int master,
		     const char *peer_name, int peer_index, int peer_ns, struct nl_addr *peer_mac)
{
	struct rtnl_link *veth = rtnl_link_veth_alloc();
	struct rtnl_link *peer = rtnl_link_veth_get_peer(veth);

	rtnl_link_set_name(veth, name);
	rtnl_link_set_ifindex(veth, index);
	rtnl_link_set_flags(veth, IFF_UP);
	if (mac)
		rtnl_link_set_addr(veth, mac);
	if (master)
		rtnl_link_set_master(veth, master);
	rtnl_link_set_name(peer, peer_name);
	rtnl_link_set_ifindex(peer, peer_index);
	rtnl_link_set_ns_fd(peer, peer_ns); /* up later: veth_open() needs its peer linked */
	rtnl_link_set_addr(peer, peer_mac);
	rt_check(nl, rtnl_link_add(nl->sk, veth, NLM_F_CREATE | NLM_F_EXCL), "create veth pair");
	rtnl_link_put(peer);
	rtnl_link_veth_release(veth);
}

static int bridge_add(struct nl *nl, const char *name)
{
	struct rtnl_link *br = rtnl_link_bridge_alloc();

	rtnl_link_set_name(br, name);
	rtnl_link_set_flags(br, IFF_UP);
	rt_check(nl, rtnl_link_add(nl->sk, br, NLM_F_CREATE | NLM_F_EXCL), "create bridge");
	rtnl_link_put(br);
	return link_index(nl, name);
}

static void addr_add(struct nl *nl, int ifindex, const char *local, const char *brd, int family)
{
	struct rtnl_addr *a = rtnl_addr_alloc();
	struct nl_addr *l = rt_parse(nl, local, family);

	rtnl_addr_set_ifindex(a, ifindex);
	rtnl_addr_set_local(a, l);
	if (brd) {
		struct nl_addr *b = rt_parse(nl, brd, family);
		rtnl_addr_set_broadcast(a, b);
		nl_addr_put(b);
	}
	if (family == AF_INET6)
		rtnl_addr_set_flags(a, IFA_F_NODAD);
	int err = rtnl_addr_add(nl->sk, a, 0);
	/* addrconf_add_dev(): EACCES while the device has disable_ipv6 set. */
	if (family == AF_INET6 && err == -NLE_NOACCESS)
		ipv6_missing(nl->p, "kernel has IPv6 disabled (ipv6.disable_ipv6=1?): adding an IPv6 "
				    "address = EACCES");
	else
		rt_check(nl, err, local);
	nl_addr_put(l);
	rtnl_addr_put(a);
}

static void neigh_add(struct nl *nl, int ifindex, const char *ip, int family, struct nl_addr *mac)
{
	struct rtnl_neigh *n = rtnl_neigh_alloc();
	struct nl_addr *dst = rt_parse(nl, ip, family);

	rtnl_neigh_set_ifindex(n, ifindex);
	rtnl_neigh_set_dst(n, dst);
	rtnl_neigh_set_lladdr(n, mac);
	rtnl_neigh_set_state(n, NUD_PERMANENT);
	rt_check(nl, rtnl_neigh_add(nl->sk, n, NLM_F_CREATE), ip);
	nl_addr_put(dst);
	rtnl_neigh_put(n);
}

/* A route to dst: through gw, or of type RTN_UNREACHABLE when gw is NULL. */
static void route_add(struct nl *nl, const char *dst, const char *gw, int ifindex, int family)
{
	struct rtnl_route *r = rtnl_route_alloc();
	struct nl_addr *d = rt_parse(nl, dst, family);

	rtnl_route_set_family(r, (uint8_t)family);
	rtnl_route_set_dst(r, d);
	if (gw) {
		struct rtnl_nexthop *nh = rtnl_route_nh_alloc();
		struct nl_addr *g = rt_parse(nl, gw, family);
		rtnl_route_nh_set_gateway(nh, g);
		rtnl_route_nh_set_ifindex(nh, ifindex);
		rtnl_route_add_nexthop(r, nh);
		nl_addr_put(g);
	} else {
		rtnl_route_set_type(r, RTN_UNREACHABLE);
	}
	rt_check(nl, rtnl_route_add(nl->sk, r, NLM_F_CREATE | NLM_F_EXCL), dst);
	nl_addr_put(d);
	rtnl_route_put(r);
}

/* ---- building ----------------------------------------------------------------- */

static void ip_of(int subnet, enum host h, int family, char *buf, size_t n)
{
	if (family == AF_INET)
		snprintf(buf, n, "198.18.%d.%d", subnet, host_number[h]);
	else
		snprintf(buf, n, "2001:db8:%x::%x", subnet, host_number[h]);
}

/* Addresses of host h on segment seg, and static neighbours for the others. */
static void segment_configure(struct probe *p, const struct segment *seg, int k, const char *ifname)
{
	enum host h = seg->hosts[k];
	struct nl nl = rt_open(p, p->ns[h]);
	int ifindex = link_index(&nl, ifname);
	char ip[64], cidr[72], brd[32];

	/* Up before the addresses: an IPv6 address on a link without carrier
	 * would stay tentative. */
	link_up(&nl, ifname);

	ip_of(seg->subnet, h, AF_INET, ip, sizeof(ip));
	snprintf(cidr, sizeof(cidr), "%s/24", ip);
	snprintf(brd, sizeof(brd), "198.18.%d.255", seg->subnet);
	addr_add(&nl, ifindex, cidr, brd, AF_INET);
	if (ipv6_usable) {
		ip_of(seg->subnet, h, AF_INET6, ip, sizeof(ip));
		snprintf(cidr, sizeof(cidr), "%s/64", ip);
		addr_add(&nl, ifindex, cidr, NULL, AF_INET6);
	}
	int last_family = ipv6_usable ? AF_INET6 : AF_INET;
	for (int o = 0; o < seg->nhosts; o++) {
		if (o == k)
			continue;
		struct nl_addr *mac = mac_of(seg->subnet, seg->hosts[o]);
		for (int family = AF_INET; family; family = family == last_family ? 0 : AF_INET6) {
			ip_of(seg->subnet, seg->hosts[o], family, ip, sizeof(ip));
			neigh_add(&nl, ifindex, ip, family, mac);
		}
		nl_addr_put(mac);
	}
	if (p->rule->topology == TOPO_ROUTED && h != HOST_ROUTER) {
		char gw[64];
		ip_of(seg->subnet, HOST_ROUTER, AF_INET, gw, sizeof(gw));
		route_add(&nl, "default", gw, ifindex, AF_INET);
		ip_of(seg->subnet, HOST_ROUTER, AF_INET6, gw, sizeof(gw));
		if (ipv6_usable)
			route_add(&nl, "default", gw, ifindex, AF_INET6);
	}
	rt_close(&nl);
}

static void ifname_of(const struct segment *seg, char *buf, size_t n)
{
	snprintf(buf, n, "eth%d", seg->subnet);
}

/* Two hosts: one veth pair between them.  More: a bridge in a namespace of
 * its own, and a veth from it to each host. */
/* The interface index of the k-th host's link on a segment (see veth_add). */
static int host_ifindex(const struct segment *seg, int k)
{
	return 100 + 10 * seg->subnet + k;
}

static void segment_build(struct probe *p, const struct segment *seg)
{
	char ifname[IFNAMSIZ];

	ifname_of(seg, ifname, sizeof(ifname));
	if (seg->nhosts == 2) {
		enum host a = seg->hosts[0], b = seg->hosts[1];
		struct nl nl = rt_open(p, p->ns[a]);
		struct nl_addr *ma = mac_of(seg->subnet, a), *mb = mac_of(seg->subnet, b);
		veth_add(&nl, ifname, host_ifindex(seg, 0), ma, 0, ifname, host_ifindex(seg, 1),
			 p->ns[b], mb);
		nl_addr_put(ma);
		nl_addr_put(mb);
		rt_close(&nl);
	} else {
		int sw = netns_new(p);
		SETTINGS(p, sw, switch_settings);
		struct nl nl = rt_open(p, sw);
		int br = bridge_add(&nl, "br0");
		for (int k = 0; k < seg->nhosts; k++) {
			char port[IFNAMSIZ];
			struct nl_addr *mac = mac_of(seg->subnet, seg->hosts[k]);
			snprintf(port, sizeof(port), "port%d", k);
			veth_add(&nl, port, 200 + 10 * seg->subnet + k, NULL, br, ifname,
				 host_ifindex(seg, k), p->ns[seg->hosts[k]], mac);
			nl_addr_put(mac);
		}
		rt_close(&nl);
		/* Devices do not hold a namespace: only this fd keeps the switch
		 * alive, and it dies with the probe like the hosts. */
		p->switch_ns = sw;
	}
	for (int k = 0; k < seg->nhosts; k++)
		segment_configure(p, seg, k, ifname);
}

static void host_create(struct probe *p, enum host h)
{
	if (p->ns[h] >= 0)
		return;
	p->ns[h] = netns_new(p);
	ipv6_probe(p);
	SETTINGS(p, p->ns[h], host_settings);
	if (h == HOST_ROUTER)
		SETTINGS(p, p->ns[h], router_settings);
	struct nl nl = rt_open(p, p->ns[h]);
	link_up(&nl, "lo");
	rt_close(&nl);
}

static void router_unreachable(struct probe *p)
{
	struct nl nl = rt_open(p, p->ns[HOST_ROUTER]);

	route_add(&nl, UNREACHABLE_V4, NULL, 0, AF_INET);
	if (ipv6_usable)
		route_add(&nl, UNREACHABLE_V6, NULL, 0, AF_INET6);
	rt_close(&nl);
}

void topo_build(struct probe *p)
{
	if (!TOPO_KNOWN(p->rule->topology))
		probe_error(p,
			    "rule %s declares unknown topology %d: use TOPO_LOOPBACK, TOPO_LINK, "
			    "TOPO_ROUTED or TOPO_TWO_LINKS (harness/udpc.h)",
			    p->rule->id, (int)p->rule->topology);
	const struct topo_spec *t = &topologies[p->rule->topology];

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

/* ---- Catalogue II: receive/errors ------------------------------------------------ */

/* a as text with its host prefix: "198.18.4.3/32" (a mapped address is the
 * IPv4 address it maps), "2001:db8:4::3/128". */
static int addr_cidr(const struct addr *a, char *buf, size_t n)
{
	char host[INET6_ADDRSTRLEN];

	if (a->ss.ss_family == AF_INET) {
		inet_ntop(AF_INET, &((const struct sockaddr_in *)&a->ss)->sin_addr, host, sizeof(host));
		snprintf(buf, n, "%s/32", host);
		return AF_INET;
	}
	const struct in6_addr *in6 = &((const struct sockaddr_in6 *)&a->ss)->sin6_addr;
	if (IN6_IS_ADDR_V4MAPPED(in6)) {
		inet_ntop(AF_INET, &in6->s6_addr[12], host, sizeof(host));
		snprintf(buf, n, "%s/32", host);
		return AF_INET;
	}
	inet_ntop(AF_INET6, in6, host, sizeof(host));
	snprintf(buf, n, "%s/128", host);
	return AF_INET6;
}

void topo_addr_add(struct probe *p, enum host h, struct addr a)
{
	const struct topo_spec *t = &topologies[p->rule->topology];
	char ifname[IFNAMSIZ] = "lo", cidr[80];

	for (int s = t->nsegs - 1; s >= 0; s--)
		for (int k = 0; k < t->segs[s].nhosts; k++)
			if (t->segs[s].hosts[k] == h)
				ifname_of(&t->segs[s], ifname, sizeof(ifname));
	int family = addr_cidr(&a, cidr, sizeof(cidr));
	if (family != AF_INET)
		probe_error(p,
			    "topo_addr_add(%s): IPv4 only (an IPv6 address and its local "
			    "route appear later, from addrconf's work queue)",
			    cidr);
	struct nl nl = rt_open(p, p->ns[h]);
	addr_add(&nl, link_index(&nl, ifname), cidr, NULL, family);
	rt_close(&nl);
	chan_send(p, 'T', "ip address add %s dev %s (on host %s)", cidr, ifname, host_name(h));
}
