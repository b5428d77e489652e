// SPDX-License-Identifier: GPL-2.0-only
/* A host's SNMP counters (mib.h), read in its namespace. */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* snmp6's "Icmp6OutRateLimitHost 3" lines: true and *value if it is this one. */
static bool snmp6_line(const char *line, const char *group, const char *name, long *value)
{
	char key[128];

	/* NOLINTNEXTLINE(cert-err34-c): the kernel wrote it; the count is checked */
	return sscanf(line, "%127s %ld", key, value) == 2 && strncmp(key, group, strlen(group)) == 0 &&
	       strcmp(key + strlen(group), name) == 0;
}

/* snmp's pairs of lines, "Icmp: InMsgs ..." then "Icmp: 3 ...": true and
 * *value if keys (the first line, taken apart here) names this counter. */
static bool snmp_pair(char *keys, char *line, size_t gl, const char *name, long *value)
{
	char *ksave, *vsave;
	char *k = strtok_r(keys + gl + 1, " \n", &ksave);
	char *v = strtok_r(line + gl + 1, " \n", &vsave);

	for (; k && v; k = strtok_r(NULL, " \n", &ksave), v = strtok_r(NULL, " \n", &vsave)) {
		if (strcmp(k, name) == 0) {
			*value = strtol(v, NULL, 10);
			return true;
		}
	}
	return false;
}

/* /proc/net follows the reading task's network namespace (since v5.1). */
static long mib_lookup(struct probe *p, enum host h, const char *group, const char *name,
		       const char *since)
{
	bool v6 = group[strlen(group) - 1] == '6';
	/* The Linux extensions (TcpExt, IpExt) are in netstat, in snmp's shape. */
	bool ext = strcmp(group, "TcpExt") == 0 || strcmp(group, "IpExt") == 0;
	const char *path = ext ? "/proc/net/netstat" : v6 ? "/proc/net/snmp6" : "/proc/net/snmp";
	char line[4096], keys[4096] = "";
	size_t gl = strlen(group);
	bool found = false;
	long value = 0;
	FILE *f;

	netns_enter(p, p->ns[h]);
	f = fopen(path, "re");
	if (!f)
		probe_error(p, "open %s: %s", path, strerror(errno));
	while (!found && fgets(line, sizeof(line), f)) {
		if (v6) {
			found = snmp6_line(line, group, name, &value);
		} else if (strncmp(line, group, gl) == 0 && line[gl] == ':') {
			if (!keys[0]) {
				snprintf(keys, sizeof(keys), "%s", line);
				continue;
			}
			found = snmp_pair(keys, line, gl, name, &value);
			break;
		}
	}
	fclose(f);
	if (found)
		return value;
	/* A counter younger than the kernel: the rule cannot prove its claim
	 * here, which is SKIP; any other missing counter is the harness's. */
	if (since)
		probe_skip(p,
			   "this kernel has no counter %s %s in %s (it came with %s), and the rule "
			   "proves by it what the kernel did",
			   group, name, path, since);
	probe_error(p, "no counter %s %s in %s", group, name, path);
}

long mib_read(struct probe *p, enum host h, enum mib m)
{
	/* IPv4 group, IPv6 group, name, and the change that added the counter
	 * when it is younger than the oldest kernel the matrix runs (5.10). */
	static const char *const names[][4] = {
		[MIB_ICMP_IN_DEST_UNREACHS] = { "Icmp", "Icmp6", "InDestUnreachs" },
		[MIB_ICMP_OUT_DEST_UNREACHS] = { "Icmp", "Icmp6", "OutDestUnreachs" },
		[MIB_UDP_IN_DATAGRAMS] = { "Udp", "Udp6", "InDatagrams" },
		[MIB_UDP_NO_PORTS] = { "Udp", "Udp6", "NoPorts" },
		[MIB_UDP_OUT_DATAGRAMS] = { "Udp", "Udp6", "OutDatagrams" },
		[MIB_ICMP_IN_TIME_EXCDS] = { "Icmp", "Icmp6", "InTimeExcds" },
		[MIB_ICMP_OUT_RATE_LIMIT_HOST] = { "Icmp", "Icmp6", "OutRateLimitHost",
						   "d0941130c935 (\"icmp: Add counters for rate "
						   "limits\", v6.3)" },
		[MIB_IP_REVERSE_PATH_FILTER] = { "TcpExt", "TcpExt", "IPReversePathFilter" },
		[MIB_IP_IN_RECEIVES] = { "Ip", "Ip6", "InReceives" },
	};
	return mib_lookup(p, h, names[m][p->fam == FAM_IPV6 ? 1 : 0], names[m][2], names[m][3]);
}
