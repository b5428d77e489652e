// SPDX-License-Identifier: GPL-2.0-only
/* Routes a rule adds itself (see route.h); the topologies' own are topo.c's. */
#include "internal.h"
#include "plan.h"
#include "route.h"
#include "rt.h"

#include <stdio.h>

void route_no_route_as(struct probe *p, enum host h, int type, const char *type_name)
{
	int af = probe_family(p) == FAM_IPV6 ? AF_INET6 : AF_INET;
	char addr[PLAN_TEXT_MAX], prefix[PLAN_TEXT_MAX];
	struct rt rt = rt_open(p, p->ns[h]);

	plan_no_route_prefix(af, prefix);
	rt_route_add_type(&rt, prefix, type, af);
	rt_close(&rt);
	chan_send(p, 'T', "ip route add %s %s (%s, on host %s)", type_name, prefix,
		  plan_no_route(af, addr), plan_host_name(h));
}
