/* SPDX-License-Identifier: GPL-2.0-only */
/* The topologies as data: which hosts share which segment.  topo_build()
 * builds them and topo_print_json() draws them from this one table. */
#ifndef UDPC_TOPO_SPEC_H
#define UDPC_TOPO_SPEC_H

#include "internal.h"

#include <stddef.h>

#define SEG_MAX_HOSTS 3
#define TOPO_MAX_SEGS 3

struct segment {
	int subnet; /* plan_prefix(): 198.18.<subnet>.0/24, 2001:db8:<subnet>::/64 */
	enum host hosts[SEG_MAX_HOSTS];
	int nhosts;
};

struct topo_spec {
	const char *name;
	struct segment segs[TOPO_MAX_SEGS];
	int nsegs;
	bool routed; /* hosts route through HOST_ROUTER, which forwards */
};

/* Indexed by enum topology. */
extern const struct topo_spec topo_spec[];
extern const size_t topo_spec_count;

#endif
