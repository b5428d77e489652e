/* SPDX-License-Identifier: GPL-2.0-only */
/* A host's SNMP counters (/proc/net/snmp, snmp6). */
#ifndef UDPC_MIB_H
#define UDPC_MIB_H

#include "rule.h"

/* Counters of a host's SNMP MIB, in the probe's family (IPv4 for mapped:
 * that is what is on the wire). */
enum mib {
	MIB_ICMP_IN_DEST_UNREACHS,  /* Icmp InDestUnreachs, Icmp6InDestUnreachs */
	MIB_ICMP_OUT_DEST_UNREACHS, /* Icmp OutDestUnreachs, Icmp6OutDestUnreachs */
	MIB_UDP_IN_DATAGRAMS,       /* Udp InDatagrams, Udp6InDatagrams */
	MIB_UDP_NO_PORTS,           /* Udp NoPorts, Udp6NoPorts */
	MIB_UDP_OUT_DATAGRAMS,      /* Udp OutDatagrams, Udp6OutDatagrams */
	/* Catalogue II: receive/errors */
	MIB_ICMP_IN_TIME_EXCDS,       /* Icmp InTimeExcds, Icmp6InTimeExcds */
	MIB_ICMP_OUT_RATE_LIMIT_HOST, /* Icmp OutRateLimitHost, Icmp6OutRateLimitHost */
	MIB_IP_REVERSE_PATH_FILTER,   /* TcpExt IPReversePathFilter (/proc/net/netstat; IPv4) */
	MIB_IP_IN_RECEIVES,           /* Ip InReceives, Ip6InReceives: every packet IP took in */
};
long mib_read(struct probe *p, enum host h, enum mib m);

#endif
