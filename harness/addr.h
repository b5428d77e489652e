/* Socket addresses (struct addr): a host's address depends on the topology
 * and on the probe's family, so a rule names hosts, ports and the roles of
 * addresses (broadcast, group, unreachable), never literals; the addressing
 * plan (netns/plan.c) owns the numbers. */
#ifndef UDPC_ADDR_H
#define UDPC_ADDR_H

#include "rule.h"

#include <netinet/in.h>
#include <sys/socket.h>

/* Ports a rule picks itself stay below the ephemeral range the topology sets
 * (EPHEMERAL_LO..EPHEMERAL_HI), so a port in that range is the kernel's
 * choice and the transcript masks it as "...". */
#define EPHEMERAL_LO 40000
#define EPHEMERAL_HI 49999
#define PORT_EPHEMERAL (-1) /* expectation: any port the kernel picked */

/* The ports rules use, so that transcripts read alike from rule to rule. */
enum {
	PORT_SERVER = 7000,
	PORT_CLIENT = 7001,
	PORT_STRANGER = 7002,
	PORT_OTHER = 7003,  /* a second socket on a host that has one already */
	PORT_CLOSED = 7009, /* nothing is ever bound here */
};

struct addr {
	struct sockaddr_storage ss;
	socklen_t len;
	bool any_port; /* an expectation that accepts any ephemeral port */
};

/* Host h's address (on its first link), as the probe's family writes it. */
struct addr addr_host(struct probe *p, enum host h, int port);
/* Host h's address on the link it shares with peer (two-links: the
 * client's address toward the stranger is its second one). */
struct addr addr_host_facing(struct probe *p, enum host h, enum host peer, int port);
/* The wildcard a socket binds: 0.0.0.0, or :: (mapped too). */
struct addr addr_wildcard(struct probe *p, int port);
/* The all-zero address as the family writes a peer: 0.0.0.0, ::, ::ffff:0.0.0.0. */
struct addr addr_zero(struct probe *p, int port);
/* 127.0.0.1, ::1, ::ffff:127.0.0.1. */
struct addr addr_loopback(struct probe *p, int port);
/* The server's link's IPv4 broadcast address (IPv6 has none: ERROR). */
struct addr addr_broadcast(struct probe *p, int port);
/* A multicast group: 233.252.0.1 (MCAST-TEST-NET), ff0e::db8:0:1 (RFC 6676). */
struct addr addr_group(struct probe *p, int port);
/* Behind the router, which answers with ICMP host unreachable (routed). */
struct addr addr_unreachable(struct probe *p, int port);
/* An address no host has a route to. */
struct addr addr_no_route(struct probe *p, int port);
/* sa_family = AF_UNSPEC, nothing else: the disconnect. */
struct addr addr_unspec(void);
/* a, with sa_family set to AF_UNSPEC and every other byte (address, port,
 * length) kept: what a program sends that forgot to set the family. */
struct addr addr_as_unspec(struct addr a);
/* Host h's address in the family the probe's sockets do not have: an
 * AF_INET6 sockaddr (2001:db8:...) for an IPv4 probe, a plain AF_INET one
 * (198.18....) for an IPv6 or mapped probe. */
struct addr addr_other_family(struct probe *p, enum host h, int port);
/* Host h's own IPv6 address whatever the probe's family: what an AF_INET6
 * socket of a mapped probe uses to speak native IPv6. */
struct addr addr_host_ipv6(const struct probe *p, enum host h, int port);
/* 0.0.0.0: the wildcard an AF_INET socket of a mapped probe binds. */
struct addr addr_inet_wildcard(int port);
/* IPv6 link-local address of host h on its first link (the EUI-64 address
 * the kernel derives from the MAC the plan gives it), with the scope id of
 * host `from`'s interface on that link. */
struct addr addr_link_local(struct probe *p, enum host h, int port, enum host from);
/* Address and port equal; want->any_port accepts any ephemeral port. */
bool addr_equal(const struct addr *want, const struct addr *got);
/* "198.18.0.1:7000", "[2001:db8::1]:7000", ports in the ephemeral range as "...". */
const char *addr_str(const struct addr *a, char *buf, size_t n);

#endif
