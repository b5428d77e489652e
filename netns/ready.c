/* Waiting for links to carry traffic.  A veth gets its carrier when both
 * ends are up, but its transmit queue stays noop_qdisc, which silently drops
 * every packet, until the linkwatch work has run dev_activate() for it;
 * linkwatch sets the operational state to UP at the same time.  So a rule
 * may start only when every veth of every namespace is IF_OPER_UP, and the
 * wait is for the kernel's own notification, bounded by WAIT_MS.
 *
 * A bridge forwards through its ports' queues, not its own, and with STP off
 * its ports forward at once; its own operational state follows up to a second
 * later (linkwatch delays events of devices that are not stacked), so it is
 * not waited for. */
#include "clock.h"
#include "internal.h"

#include <errno.h>
#include <linux/if.h>
#include <netlink/netlink.h>
#include <netlink/route/link.h>
#include <netlink/route/addr.h>
#include <netlink/route/link/inet6.h>
#include <netlink/route/route.h>
#include <poll.h>
#include <string.h>
#include <stdio.h>

/* IPv6's own idea of readiness: addrconf marks the device IF_READY when it
 * handles the carrier-on event (addrconf_notify(), NETDEV_CHANGE), which
 * comes after linkwatch has set the operational state. */
#define INET6_IF_READY 0x80000000u

static bool link_ready(struct rtnl_link *link, bool ipv6)
{
	const char *qdisc = rtnl_link_get_qdisc(link);
	uint32_t inet6 = 0;

	if (rtnl_link_get_operstate(link) != IF_OPER_UP || !qdisc || strcmp(qdisc, "noop") == 0)
		return false;
	if (!ipv6)
		return true;
	return rtnl_link_inet6_get_flags(link, &inet6) == 0 && (inet6 & INET6_IF_READY);
}

/* The first veth of the namespace that is not ready yet, or NULL. */
static char *link_not_up(struct probe *p, struct nl_sock *sk, bool ipv6, char *name, size_t n)
{
	struct nl_cache *cache = NULL;
	char *found = NULL;

	if (rtnl_link_alloc_cache(sk, AF_UNSPEC, &cache) != 0)
		probe_error(p, "topology: cannot list links");
	for (struct nl_object *o = nl_cache_get_first(cache); o && !found; o = nl_cache_get_next(o)) {
		struct rtnl_link *link = (struct rtnl_link *)o;
		const char *type = rtnl_link_get_type(link);
		if (!type || strcmp(type, "veth") != 0)
			continue;
		if (!link_ready(link, ipv6)) {
			snprintf(name, n, "%s", rtnl_link_get_name(link));
			found = name;
		}
	}
	nl_cache_free(cache);
	return found;
}

/* ipv6: the namespace speaks IPv6 (a host), not just switches frames. */
/* An IPv6 address added before its link was ready stays tentative until
 * addrconf's DAD work runs, even with IFA_F_NODAD: until then it is not
 * local, and datagrams to it are dropped (Ip6InAddrErrors). */
static char *addr_tentative(struct probe *p, struct nl_sock *sk, char *name, size_t n)
{
	struct nl_cache *cache = NULL;
	char *found = NULL;

	if (rtnl_addr_alloc_cache(sk, &cache) != 0)
		probe_error(p, "topology: cannot list addresses");
	for (struct nl_object *o = nl_cache_get_first(cache); o && !found; o = nl_cache_get_next(o)) {
		struct rtnl_addr *a = (struct rtnl_addr *)o;
		if (rtnl_addr_get_family(a) == AF_INET6 && (rtnl_addr_get_flags(a) & IFA_F_TENTATIVE)) {
			nl_addr2str(rtnl_addr_get_local(a), name, n);
			found = name;
		}
	}
	nl_cache_free(cache);
	return found;
}

/* Even then, addrconf announces the address (RTM_NEWADDR) before it inserts
 * the address's local route (__ipv6_ifa_notify()), and without that route a
 * datagram to the address is still dropped.  Every global IPv6 address must
 * have its RTN_LOCAL route in the local table. */
static bool route_local_exists(struct nl_cache *routes, struct nl_addr *a)
{
	for (struct nl_object *o = nl_cache_get_first(routes); o; o = nl_cache_get_next(o)) {
		struct rtnl_route *r = (struct rtnl_route *)o;
		struct nl_addr *dst = rtnl_route_get_dst(r);
		if (rtnl_route_get_type(r) == RTN_LOCAL && dst && nl_addr_get_prefixlen(dst) == 128 &&
		    memcmp(nl_addr_get_binary_addr(dst), nl_addr_get_binary_addr(a), 16) == 0)
			return true;
	}
	return false;
}

static char *addr_not_local(struct probe *p, struct nl_sock *sk, char *name, size_t n)
{
	struct nl_cache *addrs = NULL, *routes = NULL;
	char *found = NULL;

	if (rtnl_addr_alloc_cache(sk, &addrs) != 0 ||
	    rtnl_route_alloc_cache(sk, AF_INET6, 0, &routes) != 0)
		probe_error(p, "topology: cannot list addresses and routes");
	for (struct nl_object *o = nl_cache_get_first(addrs); o && !found; o = nl_cache_get_next(o)) {
		struct rtnl_addr *a = (struct rtnl_addr *)o;
		if (rtnl_addr_get_family(a) != AF_INET6 || rtnl_addr_get_scope(a) != RT_SCOPE_UNIVERSE)
			continue;
		if (!route_local_exists(routes, rtnl_addr_get_local(a))) {
			nl_addr2str(rtnl_addr_get_local(a), name, n);
			found = name;
		}
	}
	nl_cache_free(routes);
	nl_cache_free(addrs);
	return found;
}

static char *ns_not_ready(struct probe *p, struct nl_sock *sk, bool ipv6, char *name, size_t n)
{
	char *l = link_not_up(p, sk, ipv6, name, n);

	if (l || !ipv6)
		return l;
	l = addr_tentative(p, sk, name, n);
	return l ? l : addr_not_local(p, sk, name, n);
}

static void ns_wait(struct probe *p, int ns, bool ipv6)
{
	struct nl_sock *query, *events;
	double deadline;
	char name[INET6_ADDRSTRLEN + 8];

	netns_enter(p, ns);
	query = nl_socket_alloc();
	events = nl_socket_alloc();
	/* Subscribe before looking, so that no change falls between the two. */
	if (!query || !events || nl_connect(query, NETLINK_ROUTE) != 0 ||
	    nl_connect(events, NETLINK_ROUTE) != 0 ||
	    nl_socket_add_membership(events, RTNLGRP_LINK) != 0 ||
	    nl_socket_add_membership(events, RTNLGRP_IPV6_IFADDR) != 0 ||
	    nl_socket_add_membership(events, RTNLGRP_IPV6_ROUTE) != 0)
		probe_error(p, "topology: cannot open rtnetlink sockets to watch links");
	deadline = clock_ms() + WAIT_MS;
	while (ns_not_ready(p, query, ipv6, name, sizeof(name))) {
		int left = clock_left_ms(deadline);
		struct pollfd pfd = { .fd = nl_socket_get_fd(events), .events = POLLIN };
		if (left == 0)
			probe_error(p,
				    "topology: %s not ready (link up with a queue, IPv6 address local) "
				    "within %d ms",
				    name, WAIT_MS);
		if (poll(&pfd, 1, left) > 0) {
			char buf[8192];
			while (recv(pfd.fd, buf, sizeof(buf), MSG_DONTWAIT) > 0)
				; /* the content does not matter: look again */
		}
	}
	nl_socket_free(query);
	nl_socket_free(events);
}

void ready_wait(struct probe *p)
{
	for (int h = 0; h < HOST_COUNT; h++) {
		bool seen = false;
		for (int k = 0; k < h; k++)
			seen |= p->ns[k] == p->ns[h];
		if (p->ns[h] >= 0 && !seen)
			ns_wait(p, p->ns[h], topo_ipv6());
	}
	if (p->switch_ns >= 0)
		ns_wait(p, p->switch_ns, false);
}
