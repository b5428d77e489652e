/* rtnetlink (rt.h). */
#include "rt.h"

#include <linux/if.h>
#include <linux/if_arp.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/link/bridge.h>
#include <netlink/route/link/veth.h>
#include <netlink/route/neighbour.h>
#include <netlink/route/route.h>
#include <string.h>

struct rt rt_open(struct probe *p, int ns)
{
	struct rt rt = { .p = p };

	netns_enter(p, ns); /* a netlink socket belongs to the namespace it is made in */
	rt.sk = nl_socket_alloc();
	if (!rt.sk || nl_connect(rt.sk, NETLINK_ROUTE) != 0)
		probe_error(p, "cannot open a rtnetlink socket");
	return rt;
}

void rt_close(struct rt *rt)
{
	nl_socket_free(rt->sk);
}

static void rt_check(struct rt *rt, int err, const char *what)
{
	if (err == 0)
		return;
	/* ERROR, not SKIP: the rule applies to this kernel, only the bench
	 * to test it on is missing, and one command brings it. */
	if (err == -NLE_OPNOTSUPP && strstr(what, "veth"))
		probe_error(rt->p, "kernel has no veth driver: load it with 'modprobe veth'");
	if (err == -NLE_OPNOTSUPP && strstr(what, "bridge"))
		probe_error(rt->p, "kernel has no bridge driver: load it with 'modprobe bridge'");
	probe_error(rt->p, "topology: %s: %s", what, nl_geterror(err));
}

static struct nl_addr *rt_parse(struct rt *rt, const char *text, int family)
{
	struct nl_addr *a = NULL;

	rt_check(rt, nl_addr_parse(text, family, &a), text);
	return a;
}

static struct nl_addr *rt_mac(const unsigned char mac[6])
{
	return nl_addr_build(AF_LLC, mac, 6);
}

int rt_link_index(struct rt *rt, const char *name)
{
	struct rtnl_link *link = NULL;

	rt_check(rt, rtnl_link_get_kernel(rt->sk, 0, name, &link), name);
	int index = rtnl_link_get_ifindex(link);
	rtnl_link_put(link);
	return index;
}

void rt_link_up(struct rt *rt, const char *name)
{
	struct rtnl_link *link = NULL, *change = rtnl_link_alloc();

	rt_check(rt, rtnl_link_get_kernel(rt->sk, 0, name, &link), name);
	rtnl_link_set_flags(change, IFF_UP);
	rt_check(rt, rtnl_link_change(rt->sk, link, change, 0), "set link up");
	rtnl_link_put(change);
	rtnl_link_put(link);
}

static void rt_link_set_mac(struct rtnl_link *link, const unsigned char *mac)
{
	if (!mac)
		return;
	struct nl_addr *a = rt_mac(mac);
	rtnl_link_set_addr(link, a);
	nl_addr_put(a);
}

/* The indexes are chosen, not left to the kernel: linkwatch handles a
 * carrier change at once only for an "urgent" device, which for a veth means
 * one whose index differs from its peer's (linkwatch_urgent_event()).  Fresh
 * namespaces number their devices alike, so a pair between two hosts would
 * get equal indexes and wait up to a second for its queue to be attached. */
void rt_veth_add(struct rt *rt, const struct rt_veth *v)
{
	struct rtnl_link *veth = rtnl_link_veth_alloc();
	struct rtnl_link *peer = rtnl_link_veth_get_peer(veth);

	rtnl_link_set_name(veth, v->name);
	rtnl_link_set_ifindex(veth, v->index);
	rtnl_link_set_flags(veth, IFF_UP);
	rt_link_set_mac(veth, v->mac);
	if (v->master)
		rtnl_link_set_master(veth, v->master);
	rtnl_link_set_name(peer, v->peer_name);
	rtnl_link_set_ifindex(peer, v->peer_index);
	rtnl_link_set_ns_fd(peer, v->peer_ns); /* up later: veth_open() needs its peer linked */
	rt_link_set_mac(peer, v->peer_mac);
	rt_check(rt, rtnl_link_add(rt->sk, veth, NLM_F_CREATE | NLM_F_EXCL), "create veth pair");
	rtnl_link_put(peer);
	rtnl_link_veth_release(veth);
}

int rt_bridge_add(struct rt *rt, const char *name)
{
	struct rtnl_link *br = rtnl_link_bridge_alloc();

	rtnl_link_set_name(br, name);
	rtnl_link_set_flags(br, IFF_UP);
	rt_check(rt, rtnl_link_add(rt->sk, br, NLM_F_CREATE | NLM_F_EXCL), "create bridge");
	rtnl_link_put(br);
	return rt_link_index(rt, name);
}

int rt_addr_add(struct rt *rt, int ifindex, const char *local, const char *brd, int family)
{
	struct rtnl_addr *a = rtnl_addr_alloc();
	struct nl_addr *l = rt_parse(rt, local, family);

	rtnl_addr_set_ifindex(a, ifindex);
	rtnl_addr_set_local(a, l);
	if (brd) {
		struct nl_addr *b = rt_parse(rt, brd, family);
		rtnl_addr_set_broadcast(a, b);
		nl_addr_put(b);
	}
	if (family == AF_INET6)
		rtnl_addr_set_flags(a, IFA_F_NODAD);
	int err = rtnl_addr_add(rt->sk, a, 0);
	nl_addr_put(l);
	rtnl_addr_put(a);
	/* addrconf_add_dev(): EACCES while the device has disable_ipv6 set. */
	if (family == AF_INET6 && err == -NLE_NOACCESS)
		return err;
	rt_check(rt, err, local);
	return 0;
}

void rt_neigh_add(struct rt *rt, int ifindex, const char *ip, int family, const unsigned char mac[6])
{
	struct rtnl_neigh *n = rtnl_neigh_alloc();
	struct nl_addr *dst = rt_parse(rt, ip, family), *ll = rt_mac(mac);

	rtnl_neigh_set_ifindex(n, ifindex);
	rtnl_neigh_set_dst(n, dst);
	rtnl_neigh_set_lladdr(n, ll);
	rtnl_neigh_set_state(n, NUD_PERMANENT);
	rt_check(rt, rtnl_neigh_add(rt->sk, n, NLM_F_CREATE), ip);
	nl_addr_put(ll);
	nl_addr_put(dst);
	rtnl_neigh_put(n);
}

void rt_route_add(struct rt *rt, const char *dst, const char *gw, int ifindex, int family)
{
	struct rtnl_route *r = rtnl_route_alloc();
	struct nl_addr *d = rt_parse(rt, dst, family);

	rtnl_route_set_family(r, (uint8_t)family);
	rtnl_route_set_dst(r, d);
	if (gw) {
		struct rtnl_nexthop *nh = rtnl_route_nh_alloc();
		struct nl_addr *g = rt_parse(rt, gw, family);
		rtnl_route_nh_set_gateway(nh, g);
		rtnl_route_nh_set_ifindex(nh, ifindex);
		rtnl_route_add_nexthop(r, nh);
		nl_addr_put(g);
	} else {
		rtnl_route_set_type(r, RTN_UNREACHABLE);
	}
	rt_check(rt, rtnl_route_add(rt->sk, r, NLM_F_CREATE | NLM_F_EXCL), dst);
	nl_addr_put(d);
	rtnl_route_put(r);
}
