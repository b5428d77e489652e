/* SPDX-License-Identifier: GPL-2.0-only */
/* Multicast on a rule's socket: joining a group, the outgoing interface,
 * loopback of the socket's own datagrams. */
#ifndef UDPC_MCAST_H
#define UDPC_MCAST_H

#include "sock.h"

/* Joins group on the socket's host.  IPv6: setsockopt(IPV6_JOIN_GROUP) on
 * interface 0, the one the kernel picks (every link has an ff00::/8
 * route).  IPv4 and mapped: setsockopt(SOL_IP, IP_ADD_MEMBERSHIP) on the
 * interface that has the host's own address (an AF_INET6 socket takes the
 * SOL_IP option too); interface INADDR_ANY would need a route to the group,
 * which no topology has. */
struct call mcast_join_group(struct probe *p, struct sock *s, struct addr group);
/* setsockopt(SOL_IP, IP_ADD_MEMBERSHIP) for an IPv4 group (a mapped one for
 * a mapped probe) on the interface that owns the address local. */
struct call mcast_join_group_on(struct probe *p, struct sock *s, struct addr group, struct addr local);
/* setsockopt(SOL_IP, IP_MULTICAST_IF, &in_addr): the outgoing interface
 * named by the socket host's own IPv4 address (IPv4 and mapped). */
struct call mcast_if_addr(struct probe *p, struct sock *s);
/* The outgoing interface named by its index, the link with the socket host's
 * address: IP_MULTICAST_IF with a struct ip_mreqn (IPv4, mapped) or
 * IPV6_MULTICAST_IF (IPv6). */
struct call mcast_if_index(struct probe *p, struct sock *s);
/* IP_MULTICAST_LOOP on an AF_INET socket, IPV6_MULTICAST_LOOP on an
 * AF_INET6 one (mapped too: sk_mc_loop() reads the flag of the socket's
 * family, whatever the datagram's), on (1) or off (0). */
struct call mcast_loop(struct probe *p, struct sock *s, int on);

#endif
