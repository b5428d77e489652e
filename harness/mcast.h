/* udpconform harness: multicast membership and the sending socket's
 * multicast options, each one traced setsockopt(). */
#ifndef UDPC_MCAST_H
#define UDPC_MCAST_H

#include "udpc.h"

/* Joins group on the socket's host.  IPv6: setsockopt(IPV6_JOIN_GROUP) on
 * interface 0, the one the kernel picks (every link has an ff00::/8
 * route).  IPv4 and mapped: setsockopt(SOL_IP, IP_ADD_MEMBERSHIP) on the
 * interface that has the host's own address (an AF_INET6 socket takes the
 * SOL_IP option too); interface INADDR_ANY would need a route to the group,
 * which no topology has. */
struct call sock_join_group(struct probe *p, struct sock *s, struct addr group);

/* Catalogue II: connect/send */
/* setsockopt(SOL_IP, IP_MULTICAST_IF, &in_addr): the outgoing interface
 * named by the socket host's own IPv4 address (IPv4 and mapped). */
struct call sock_multicast_if_addr(struct probe *p, struct sock *s);
/* The outgoing interface named by its index, the link with the socket host's
 * address: IP_MULTICAST_IF with a struct ip_mreqn (IPv4, mapped) or
 * IPV6_MULTICAST_IF (IPv6). */
struct call sock_multicast_if_index(struct probe *p, struct sock *s);
/* IP_MULTICAST_LOOP on an AF_INET socket, IPV6_MULTICAST_LOOP on an
 * AF_INET6 one (mapped too: sk_mc_loop() reads the flag of the socket's
 * family, whatever the datagram's), on (1) or off (0). */
struct call sock_multicast_loop(struct probe *p, struct sock *s, int on);

#endif
