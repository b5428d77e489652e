/* rtnetlink through libnl-route-3, one socket per namespace: links,
 * addresses, neighbours and routes as the topologies need them.  Any
 * failure is ERROR (probe_error()) naming what could not be made. */
#ifndef UDPC_RT_H
#define UDPC_RT_H

#include "internal.h"

struct nl_sock;

struct rt {
	struct probe *p;
	struct nl_sock *sk;
};

/* A veth pair: name (index) here, peer_name (peer_index) born in peer_ns. */
struct rt_veth {
	const char *name, *peer_name;
	int index, peer_index;
	const unsigned char *mac, *peer_mac; /* NULL: the kernel's choice */
	int master;                          /* a bridge's index, or 0 */
	int peer_ns;
};

struct rt rt_open(struct probe *p, int ns);
void rt_close(struct rt *rt);
int rt_link_index(struct rt *rt, const char *name);
void rt_link_up(struct rt *rt, const char *name);
void rt_veth_add(struct rt *rt, const struct rt_veth *v);
/* A bridge, up; returns its index. */
int rt_bridge_add(struct rt *rt, const char *name);
/* local "a/len", brd NULL or the broadcast address; returns 0 or libnl's
 * error for an IPv6 address the device refuses (-NLE_NOACCESS). */
int rt_addr_add(struct rt *rt, int ifindex, const char *local, const char *brd, int family);
/* A permanent neighbour: no ARP, no neighbour discovery. */
void rt_neigh_add(struct rt *rt, int ifindex, const char *ip, int family, const unsigned char mac[6]);
/* A route to dst: through gw on ifindex, or of type RTN_UNREACHABLE when gw is NULL. */
void rt_route_add(struct rt *rt, const char *dst, const char *gw, int ifindex, int family);

#endif
