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

#endif
