/* SPDX-License-Identifier: GPL-2.0-only */
/* udpconform harness: a per-namespace sysctl one rule depends on, set in one
 * host of its topology (the topology's own settings are in topo.c). */
#ifndef UDPC_SYSCTL_H
#define UDPC_SYSCTL_H

#include "rule.h"

/* Writes /proc/sys/net/<key> in host h's namespace and says so in the
 * transcript; a key the host does not have, or a value it refuses, is
 * ERROR: the rule cannot be asked without it.
 * sysctl_host_set(p, HOST_CLIENT, "ipv4/ip_local_port_range", "40000 40000"). */
void sysctl_host_set(struct probe *p, enum host h, const char *key, const char *value);

#endif
