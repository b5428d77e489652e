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
#include "internal.h"

#include <errno.h>
#include <linux/if.h>
#include <netlink/netlink.h>
#include <netlink/route/link.h>
#include <poll.h>
#include <string.h>
#include <stdio.h>
#include <time.h>

static long elapsed_ms(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - start->tv_sec) * 1000 + (now.tv_nsec - start->tv_nsec) / 1000000;
}

/* The first veth of the namespace that is not up yet, or NULL. */
static char *link_not_up(struct probe *p, struct nl_sock *sk, char *name, size_t n)
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
		if (rtnl_link_get_operstate(link) != IF_OPER_UP) {
			snprintf(name, n, "%s", rtnl_link_get_name(link));
			found = name;
		}
	}
	nl_cache_free(cache);
	return found;
}

static void netns_wait_links(struct probe *p, int ns)
{
	struct nl_sock *query, *events;
	struct timespec start;
	char name[IFNAMSIZ];

	netns_enter(p, ns);
	query = nl_socket_alloc();
	events = nl_socket_alloc();
	/* Subscribe before looking, so that no change falls between the two. */
	if (!query || !events || nl_connect(query, NETLINK_ROUTE) != 0 ||
	    nl_connect(events, NETLINK_ROUTE) != 0 ||
	    nl_socket_add_membership(events, RTNLGRP_LINK) != 0)
		probe_error(p, "topology: cannot open rtnetlink sockets to watch links");
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (link_not_up(p, query, name, sizeof(name))) {
		long left = WAIT_MS - elapsed_ms(&start);
		struct pollfd pfd = { .fd = nl_socket_get_fd(events), .events = POLLIN };
		if (left <= 0)
			probe_error(p, "topology: link %s not operationally up within %d ms", name, WAIT_MS);
		if (poll(&pfd, 1, (int)left) > 0) {
			char buf[8192];
			while (recv(pfd.fd, buf, sizeof(buf), MSG_DONTWAIT) > 0)
				; /* the content does not matter: look again */
		}
	}
	nl_socket_free(query);
	nl_socket_free(events);
}

void topo_wait_links(struct probe *p)
{
	for (int h = 0; h < HOST_COUNT; h++) {
		bool seen = false;
		for (int k = 0; k < h; k++)
			seen |= p->ns[k] == p->ns[h];
		if (p->ns[h] >= 0 && !seen)
			netns_wait_links(p, p->ns[h]);
	}
	if (p->switch_ns >= 0)
		netns_wait_links(p, p->switch_ns);
}
