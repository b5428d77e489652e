/* SPDX-License-Identifier: GPL-2.0-only */
/* Setup a rule makes in one host of its topology, beyond what the topology
 * sets: a sysctl it depends on, one more address.  Traced as a transcript
 * line; anything but success is ERROR.  (Catalogue II: receive/errors.) */
#ifndef UDPC_HOST_H
#define UDPC_HOST_H

#include "addr.h"

/* A sysctl under /proc/sys/net of host h: "ipv4/conf/all/rp_filter". */
void host_sysctl_set(struct probe *p, enum host h, const char *key, const char *value);
/* One more IPv4 address (mapped: the address it maps) on host h's first
 * link, as a /32, usable at once.  IPv6 is refused: an IPv6 address and
 * its local route appear later, from addrconf's work queue. */
void host_addr_add(struct probe *p, enum host h, struct addr a);

#endif
