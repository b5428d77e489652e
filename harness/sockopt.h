/* SPDX-License-Identifier: GPL-2.0-only */
/* The socket options of a rule's socket: setsockopt() and getsockopt(),
 * one traced call each. */
#ifndef UDPC_SOCKOPT_H
#define UDPC_SOCKOPT_H

#include "sock.h"

#include <stdint.h>

/* setsockopt(s, level, name, &value): use SOCKOPT(SOL_SOCKET, SO_BROADCAST). */
struct call sockopt_set_int(struct probe *p, struct sock *s, int level, const char *level_str, int name,
			    const char *name_str, int value);
#define SOCKOPT(level, name) (level), #level, (name), #name
/* getsockopt() of an int with optlen bytes of room: value is what it read,
 * len the optlen the kernel answered.  Use SOCKOPT(SOL_SOCKET, SO_ERROR). */
struct call sockopt_get_int(struct probe *p, struct sock *s, int level, const char *level_str, int name,
			    const char *name_str, socklen_t optlen);
/* getsockopt(SO_ERROR): value is the pending error it took (0: none). */
struct call sockopt_so_error(struct probe *p, struct sock *s);
/* setsockopt() of the option that makes the kernel queue the errors this
 * family's datagrams get: IPV6_RECVERR for IPv6, IP_RECVERR for IPv4 and
 * for mapped (ICMPv4 errors go through __udp4_lib_err(), which reads the
 * IPv4 flag even on an AF_INET6 socket). */
struct call sockopt_recverr_on(struct probe *p, struct sock *s);
/* setsockopt() of the hop count of this family's unicast datagrams:
 * IP_TTL for IPv4 and mapped (udp_sendmsg() reads inet->uc_ttl),
 * IPV6_UNICAST_HOPS for IPv6. */
struct call sockopt_hops_set(struct probe *p, struct sock *s, int hops);
/* setsockopt(SO_BINDTODEVICE, ifname); getsockopt(SO_BINDTODEVICE): data
 * holds the device name, len 0 when the socket is bound to no device. */
struct call sockopt_bindtodevice(struct probe *p, struct sock *s, const char *ifname);
struct call sockopt_bound_device(struct probe *p, struct sock *s);
/* setsockopt(SO_INCOMING_CPU): the CPU the probe runs on, or -1 (none). */
struct call sockopt_incoming_cpu(struct probe *p, struct sock *s, bool this_cpu);
/* SO_ATTACH_REUSEPORT_CBPF: a classic BPF program that picks the group
 * member whose index is the datagram's first byte minus '0' ("1..." picks
 * socks[1]), so the choice depends on no hash. */
struct call sockopt_reuseport_cbpf_by_payload(struct probe *p, struct sock *s);
/* setsockopt(SOL_IP, IP_LOCAL_PORT_RANGE, [lo..hi]); SKIPs the family on a
 * kernel without the option (before v6.3). */
struct call sockopt_port_range(struct probe *p, struct sock *s, uint16_t lo, uint16_t hi);

#endif
