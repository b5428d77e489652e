/* SPDX-License-Identifier: GPL-2.0-only */
/* udpconform harness: a route one rule adds itself, in one host. */
#ifndef UDPC_ROUTE_H
#define UDPC_ROUTE_H

#include "rule.h"

/* Makes the plan's no-route prefix (addr_no_route()'s: 198.18.7.0/24,
 * 2001:db8:7::/64) a route of the given type in host h, in the probe's
 * family's table (IPv4 for mapped), and says so in the transcript:
 * route_no_route_as(p, HOST_CLIENT, ROUTE_TYPE(RTN_PROHIBIT)).  Anything
 * but success is ERROR. */
void route_no_route_as(struct probe *p, enum host h, int type, const char *type_name);
#define ROUTE_TYPE(type) (type), #type

#endif
