// SPDX-License-Identifier: GPL-2.0-only
/* The topologies as data (topo_spec.h). */
#include "topo_spec.h"

const struct topo_spec topo_spec[] = {
	[TOPO_LOOPBACK] = { .name = "loopback" },
	[TOPO_LINK] = {
		.name = "link",
		.segs = { { 0, { HOST_CLIENT, HOST_SERVER, HOST_STRANGER }, 3 } },
		.nsegs = 1,
	},
	[TOPO_ROUTED] = {
		.name = "routed",
		.segs = {
			{ 1, { HOST_CLIENT, HOST_ROUTER }, 2 },
			{ 2, { HOST_SERVER, HOST_ROUTER }, 2 },
			{ 3, { HOST_STRANGER, HOST_ROUTER }, 2 },
		},
		.nsegs = 3,
		.routed = true,
	},
	/* The client's own address is 198.18.4.1 (server's link, first) and
	 * 198.18.5.1 (stranger's link); no routes beyond the two links. */
	[TOPO_TWO_LINKS] = {
		.name = "two-links",
		.segs = {
			{ 4, { HOST_CLIENT, HOST_SERVER }, 2 },
			{ 5, { HOST_CLIENT, HOST_STRANGER }, 2 },
		},
		.nsegs = 2,
	},
	/* The link without its stranger, for a rule that needs no third host.
	 * A segment of three needs a bridge, and a bridge's lifetime costs
	 * every namespace of the run: its teardown unregisters an rx handler
	 * per port under RTNL (synchronize_net() each), which the next rules'
	 * setups wait for.  One veth pair cost the whole suite, run probe
	 * after probe, 5.5 s instead of 15 s (make bench: setup, suite). */
	[TOPO_PAIR] = {
		.name = "pair",
		.segs = { { 0, { HOST_CLIENT, HOST_SERVER }, 2 } },
		.nsegs = 1,
	},
};

const size_t topo_spec_count = sizeof(topo_spec) / sizeof(topo_spec[0]);
_Static_assert(sizeof(topo_spec) / sizeof(topo_spec[0]) == TOPO_COUNT,
	       "every enum topology has its row in topo_spec");
