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
};
long mib_read(struct probe *p, enum host h, enum mib m);

#endif
