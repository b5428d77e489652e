/* A host's SNMP counters (mib.h), read in its namespace. */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* /proc/net follows the reading task's network namespace (since v5.1). */
static long mib_lookup(struct probe *p, enum host h, const char *group, const char *name)
{
	bool v6 = group[strlen(group) - 1] == '6';
	char line[4096], keys[4096] = "";
	FILE *f;

	netns_enter(p, p->ns[h]);
	f = fopen(v6 ? "/proc/net/snmp6" : "/proc/net/snmp", "re");
	if (!f)
		probe_error(p, "open /proc/net/snmp%s: %s", v6 ? "6" : "", strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		char key[128];
		long value;
		if (v6) {
			/* NOLINTNEXTLINE(cert-err34-c): the kernel wrote it; the count is checked */
			if (sscanf(line, "%127s %ld", key, &value) == 2 &&
			    strncmp(key, group, strlen(group)) == 0 &&
			    strcmp(key + strlen(group), name) == 0) {
				fclose(f);
				return value;
			}
			continue;
		}
		/* Pairs of lines: "Icmp: InMsgs ..." then "Icmp: 3 ..." */
		size_t gl = strlen(group);
		if (strncmp(line, group, gl) != 0 || line[gl] != ':')
			continue;
		if (!keys[0]) {
			snprintf(keys, sizeof(keys), "%s", line);
			continue;
		}
		char *ksave, *vsave;
		char *k = strtok_r(keys + gl + 1, " \n", &ksave);
		char *v = strtok_r(line + gl + 1, " \n", &vsave);
		for (; k && v; k = strtok_r(NULL, " \n", &ksave), v = strtok_r(NULL, " \n", &vsave)) {
			if (strcmp(k, name) == 0) {
				fclose(f);
				return strtol(v, NULL, 10);
			}
		}
		break;
	}
	fclose(f);
	probe_error(p, "no counter %s %s in /proc/net/snmp%s", group, name, v6 ? "6" : "");
}

long mib_read(struct probe *p, enum host h, enum mib m)
{
	static const char *const names[][3] = {
		[MIB_ICMP_IN_DEST_UNREACHS] = { "Icmp", "Icmp6", "InDestUnreachs" },
		[MIB_ICMP_OUT_DEST_UNREACHS] = { "Icmp", "Icmp6", "OutDestUnreachs" },
		[MIB_UDP_IN_DATAGRAMS] = { "Udp", "Udp6", "InDatagrams" },
		[MIB_UDP_NO_PORTS] = { "Udp", "Udp6", "NoPorts" },
		[MIB_UDP_OUT_DATAGRAMS] = { "Udp", "Udp6", "OutDatagrams" },
	};
	return mib_lookup(p, h, names[m][p->fam == FAM_IPV6 ? 1 : 0], names[m][2]);
}
