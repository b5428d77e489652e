/* SPDX-License-Identifier: GPL-2.0-only */
/* udpconform harness: what a host's link carries, seen from inside the host.
 *
 * A wire is an AF_PACKET socket opened in one host's namespace.  It shows
 * every frame on the host's links (not lo), in both directions, in the
 * order the host saw them; a rule uses it to prove that a call put nothing
 * on the wire: what the call would have sent comes before a sentinel sent
 * after it, so the first UDP datagram seen must be the sentinel.
 */
#ifndef UDPC_WIRE_H
#define UDPC_WIRE_H

#include "sock.h"

/* socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_ALL)) in host h, named "wire";
 * anything but success is ERROR.  Open it before the calls it watches. */
struct sock *wire_open(struct probe *p, enum host h);

/* The next UDP datagram (IPv4 or IPv6) the wire saw, waiting at most
 * WAIT_MS; frames of other protocols (ARP, ICMP, neighbour discovery, MLD)
 * are passed over.  data is the UDP payload and addr its source, written as
 * the probe's family writes it (::ffff:a.b.c.d for mapped), so
 * expect_datagram() judges it.  -1 EAGAIN: no UDP datagram came. */
struct call wire_recv_udp(struct probe *p, struct sock *wire);

/* The same, and value is the IP version the datagram travelled in (4 or 6),
 * which the source address alone does not tell: an IPv4 datagram of a
 * mapped probe and an IPv6 one from ::ffff:a.b.c.d read alike. */
struct call wire_recv_udp_ip(struct probe *p, struct sock *wire);
/* The next frame the wire saw, whatever its protocol, but for the IGMP and
 * MLD listener reports a host sends by itself (MLD: any IPv6 packet behind
 * a hop-by-hop header); WAIT_MS at most.  A UDP datagram reads as with
 * wire_recv_udp(); any other frame (ARP, neighbour discovery, ICMP) answers
 * its length with no payload and no address, named in the transcript, so
 * expect_datagram() on it fails: a rule proves that nothing at all came
 * before its sentinel. */
struct call wire_recv_frame(struct probe *p, struct sock *wire);

/* Catalogue II: receive/errors.  sendto() on the wire of a frame to host
 * to_host's device on the link they share: an IPv4 (mapped: IPv4) or IPv6
 * packet with a UDP datagram from `from` to `to` carrying payload, both
 * checksums right, so that only what the rule chose (a source no socket
 * could send from) makes the receiver drop it.  ok is the packet's length. */
struct call wire_send_udp(struct probe *p, struct sock *wire, enum host to_host, struct addr from,
			  struct addr to, const char *payload);

#endif
