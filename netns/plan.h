/* The addressing plan: every address the topologies give their hosts and
 * every address a rule may name, in one place.  Unicast only from
 * 198.18.0.0/15 (RFC 2544) and 2001:db8::/32 (RFC 3849), plus loopback;
 * multicast only from 233.252.0.0/24 (RFC 5771 MCAST-TEST-NET) and
 * ff0X::db8:0:0/96 (RFC 6676).
 *
 * Segment S (0..9) of a topology is 198.18.S.0/24 and 2001:db8:S::/64;
 * host H has the same last number on every segment it is on.  Addresses
 * are text, as inet_pton() and libnl read it; af is AF_INET or AF_INET6. */
#ifndef UDPC_PLAN_H
#define UDPC_PLAN_H

#include "udpc.h"

#define PLAN_TEXT_MAX 64

/* "client", "server", "stranger", "router" */
const char *plan_host_name(enum host h);
/* Host h's address on segment subnet: 198.18.S.H, 2001:db8:S::H. */
const char *plan_host(int af, int subnet, enum host h, char *buf);
/* The segment's prefix: 198.18.S.0/24, 2001:db8:S::/64. */
const char *plan_prefix(int af, int subnet, char *buf);
/* The segment's IPv4 broadcast address: 198.18.S.255. */
const char *plan_broadcast(int subnet, char *buf);
/* A prefix the router has an unreachable route for (ICMP host unreachable
 * back to the sender), and an address in it. */
const char *plan_unreachable_prefix(int af, char *buf);
const char *plan_unreachable(int af, char *buf);
/* An address inside the plan that no host has a route to at all. */
const char *plan_no_route(int af, char *buf);
/* The multicast group rules use: 233.252.0.1, ff0e::db8:0:1. */
const char *plan_group(int af, char *buf);
/* 127.0.0.1, ::1 */
const char *plan_loopback(int af, char *buf);
/* Host h's IPv6 link-local address on segment subnet, the one the kernel
 * derives from its MAC (addr_gen_mode eui64): fe80::75:64ff:fe70:<S><H>. */
const char *plan_link_local(int subnet, enum host h, char *buf);
/* The MAC address of host h's device on segment subnet (static neighbours). */
void plan_mac(int subnet, enum host h, unsigned char mac[6]);

#endif
