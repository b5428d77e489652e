// SPDX-License-Identifier: GPL-2.0-only
/* The topologies as one JSON document, for the lesson book's diagrams. */
#include "internal.h"
#include "plan.h"
#include "topo_spec.h"

#include <stdio.h>
#include <sys/socket.h>

/*
 * One JSON document: every topology, its segments (device name, prefixes,
 * whether a bridge joins them) and each host's addresses there, from the
 * same tables topo_build() reads, so a drawing cannot disagree with a run. */
static void topo_print_host(FILE *f, const struct segment *seg, int k)
{
	char v4[PLAN_TEXT_MAX], v6[PLAN_TEXT_MAX];
	enum host h = seg->hosts[k];

	fprintf(f, "%s{\"host\":\"%s\",\"ipv4\":\"%s\",\"ipv6\":\"%s\"}", k ? "," : "",
		plan_host_name(h), plan_host(AF_INET, seg->subnet, h, v4),
		plan_host(AF_INET6, seg->subnet, h, v6));
}

static void topo_print_segment(FILE *f, const struct segment *seg, int s)
{
	char p4[PLAN_TEXT_MAX], p6[PLAN_TEXT_MAX];

	fprintf(f, "%s{\"device\":\"eth%d\",\"ipv4\":\"%s\",\"ipv6\":\"%s\",\"bridge\":%s,\"hosts\":[",
		s ? "," : "", seg->subnet, plan_prefix(AF_INET, seg->subnet, p4),
		plan_prefix(AF_INET6, seg->subnet, p6), seg->nhosts > 2 ? "true" : "false");
	for (int k = 0; k < seg->nhosts; k++)
		topo_print_host(f, seg, k);
	fputs("]}", f);
}

void topo_print_json(FILE *f)
{
	char l4[PLAN_TEXT_MAX], l6[PLAN_TEXT_MAX], u4[PLAN_TEXT_MAX], u6[PLAN_TEXT_MAX];
	size_t n = topo_spec_count;

	fprintf(f, "{\"loopback\":[\"%s\",\"%s\"],\"unreachable\":[\"%s\",\"%s\"],\"topologies\":[",
		plan_loopback(AF_INET, l4), plan_loopback(AF_INET6, l6),
		plan_unreachable_prefix(AF_INET, u4), plan_unreachable_prefix(AF_INET6, u6));
	for (size_t t = 0; t < n; t++) {
		fprintf(f, "%s{\"name\":\"%s\",\"routed\":%s,\"segments\":[", t ? "," : "",
			topo_spec[t].name, topo_spec[t].routed ? "true" : "false");
		for (int s = 0; s < topo_spec[t].nsegs; s++)
			topo_print_segment(f, &topo_spec[t].segs[s], s);
		fputs("]}", f);
	}
	fputs("]}\n", f);
}
