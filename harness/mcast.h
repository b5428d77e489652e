/* udpconform harness: joining a multicast group. */
#ifndef UDPC_MCAST_H
#define UDPC_MCAST_H

#include "udpc.h"

/* setsockopt(IPV6_JOIN_GROUP) or (IP_ADD_MEMBERSHIP) for group on every
 * interface the kernel picks (interface 0 / INADDR_ANY). */
struct call sock_join_group(struct probe *p, struct sock *s, struct addr group);

#endif
