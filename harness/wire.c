// SPDX-License-Identifier: GPL-2.0-only
/* The wire: an AF_PACKET socket in one host, and the UDP datagrams it saw. */
#define _GNU_SOURCE
#include "clock.h"
#include "internal.h"
#include "plan.h"

#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_arp.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <netinet/ip.h>
#include <netinet/ip6.h>
#include <netinet/udp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct sock *wire_open(struct probe *p, enum host h)
{
	if (p->ns[h] < 0)
		probe_error(p, "rule opens a wire on host %s, which topology %s does not have",
			    plan_host_name(h), topo_name(p->rule->topology));
	netns_enter(p, p->ns[h]);
	/* Cooked (SOCK_DGRAM) frames start at the network header. */
	int fd = socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, htons(ETH_P_ALL));
	if (fd < 0 && errno == EAFNOSUPPORT)
		probe_skip(p, "kernel has no packet sockets (CONFIG_PACKET): load it with modprobe "
			      "af_packet");
	if (fd < 0)
		probe_error(p, "socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_ALL)): %s", strerror(errno));

	struct sock *s = sock_add(p, h, "wire", fd);
	chan_send(p, 'T', "socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_ALL)) = wire (on host %s)",
		  plan_host_name(h));
	return s;
}

/* The source address of a UDP datagram in an IPv4 packet, as the probe's
 * family writes it; false if the packet is not UDP. */
static bool udp_of_ipv4(struct probe *p, const uint8_t *pkt, size_t n, struct call *c)
{
	struct iphdr ip;

	if (n < sizeof(ip))
		return false;
	memcpy(&ip, pkt, sizeof(ip));
	size_t hl = (size_t)ip.ihl * 4;
	if (ip.protocol != IPPROTO_UDP || hl < sizeof(ip) || n < hl + sizeof(struct udphdr))
		return false;
	struct udphdr u;
	memcpy(&u, pkt + hl, sizeof(u));
	/* Written in the probe's family; an IPv6 probe never sees IPv4 on its
	 * wire, and if it did the family would not match. */
	c->addr = addr_from_ipv4(p, ip.saddr, ntohs(u.source));
	c->value = 4;
	c->len = n - hl - sizeof(u);
	memcpy(c->data, pkt + hl + sizeof(u), c->len < sizeof(c->data) ? c->len : sizeof(c->data));
	return true;
}

/* The same for IPv6; a datagram behind extension headers is not looked at. */
static bool udp_of_ipv6(const uint8_t *pkt, size_t n, struct call *c)
{
	struct ip6_hdr ip;
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&c->addr.ss;

	if (n < sizeof(ip) + sizeof(struct udphdr))
		return false;
	memcpy(&ip, pkt, sizeof(ip));
	if (ip.ip6_nxt != IPPROTO_UDP)
		return false;
	struct udphdr u;
	memcpy(&u, pkt + sizeof(ip), sizeof(u));
	c->addr = (struct addr){ .len = sizeof(*s6) };
	s6->sin6_family = AF_INET6;
	s6->sin6_port = u.source;
	s6->sin6_addr = ip.ip6_src;
	c->value = 6;
	c->len = n - sizeof(ip) - sizeof(u);
	memcpy(c->data, pkt + sizeof(ip) + sizeof(u),
	       c->len < sizeof(c->data) ? c->len : sizeof(c->data));
	return true;
}

/* What a frame that is not a UDP datagram is, for the transcript; false for
 * a multicast listener report (IGMP, MLD), which a host sends by itself for
 * the groups its addresses joined, never because of a socket call. */
static bool frame_name(const struct sockaddr_ll *ll, const uint8_t *pkt, size_t n, char *buf,
		       size_t size)
{
	if (ll->sll_protocol == htons(ETH_P_ARP)) {
		snprintf(buf, size, "ARP");
		return true;
	}
	if (ll->sll_protocol == htons(ETH_P_IP) && n >= sizeof(struct iphdr)) {
		struct iphdr ip;
		memcpy(&ip, pkt, sizeof(ip));
		if (ip.protocol == IPPROTO_IGMP)
			return false;
		size_t hl = (size_t)ip.ihl * 4;
		if (ip.protocol == IPPROTO_ICMP && n > hl)
			snprintf(buf, size, "ICMP type %u", pkt[hl]);
		else
			snprintf(buf, size, "IPv4 protocol %u", ip.protocol);
		return true;
	}
	if (ll->sll_protocol == htons(ETH_P_IPV6) && n >= sizeof(struct ip6_hdr)) {
		struct ip6_hdr ip;
		memcpy(&ip, pkt, sizeof(ip));
		/* MLD reports travel behind a hop-by-hop header (router alert). */
		if (ip.ip6_nxt == IPPROTO_HOPOPTS)
			return false;
		if (ip.ip6_nxt == IPPROTO_ICMPV6 && n > sizeof(ip))
			snprintf(buf, size, "ICMPv6 type %u", pkt[sizeof(ip)]);
		else
			snprintf(buf, size, "IPv6 next header %u", ip.ip6_nxt);
		return true;
	}
	snprintf(buf, size, "ethertype 0x%04x", ntohs(ll->sll_protocol));
	return true;
}

/* Reads frames until one is a UDP datagram (any: or any other frame but a
 * listener report, named in other); -1 EAGAIN after WAIT_MS. */
static long wire_next(struct probe *p, struct sock *w, struct call *c, char *other, size_t size)
{
	double deadline = clock_ms() + WAIT_MS;
	uint8_t pkt[2048];

	for (;;) {
		struct sockaddr_ll ll = { 0 }; /* never read unset, even on a short name */
		socklen_t lllen = sizeof(ll);
		struct pollfd pfd = { .fd = sock_fd(w), .events = POLLIN };
		int left = clock_left_ms(deadline);

		if (left == 0 || poll(&pfd, 1, left) == 0) {
			errno = EAGAIN;
			return -1;
		}
		ssize_t n = recvfrom(sock_fd(w), pkt, sizeof(pkt), MSG_DONTWAIT, (struct sockaddr *)&ll,
				     &lllen);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return -1;
		}
		if (ll.sll_hatype == ARPHRD_LOOPBACK)
			continue;
		if (ll.sll_protocol == htons(ETH_P_IP) && udp_of_ipv4(p, pkt, (size_t)n, c))
			return (long)c->len;
		if (ll.sll_protocol == htons(ETH_P_IPV6) && udp_of_ipv6(pkt, (size_t)n, c))
			return (long)c->len;
		if (other && frame_name(&ll, pkt, (size_t)n, other, size))
			return n;
	}
}

static struct call wire_recv(struct probe *p, struct sock *w, bool show_ip, bool any)
{
	struct call c = { .ok = 0 };
	char pl[CALL_DATA_MAX + 8], as[80], other[40] = "";

	trace_begin(p, &c, "recvfrom(%s, ..., %s)", sock_role(w), any ? "every frame" : "UDP only");
	trace_answer(&c, wire_next(p, w, &c, any ? other : NULL, sizeof(other)));
	if (c.ret < 0) {
		trace_end(p, &c, NULL);
		return c;
	}
	/* No payload and no source: a datagram expected here is not this. */
	if (other[0]) {
		c.len = 0;
		c.addr = (struct addr){ .len = 0 };
		trace_end(p, &c, "recvfrom(%s, %s, not UDP)", sock_role(w), other);
		return c;
	}
	c.ok = c.ret;
	trace_payload(c.data, c.len < sizeof(c.data) ? c.len : sizeof(c.data), pl, sizeof(pl));
	if (show_ip)
		trace_end(p, &c, "recvfrom(%s, UDP in IPv%d %s from %s)", sock_role(w), c.value, pl,
			  addr_str(&c.addr, as, sizeof(as)));
	else
		trace_end(p, &c, "recvfrom(%s, UDP %s from %s)", sock_role(w), pl,
			  addr_str(&c.addr, as, sizeof(as)));
	return c;
}

struct call wire_recv_udp(struct probe *p, struct sock *w)
{
	return wire_recv(p, w, false, false);
}

struct call wire_recv_udp_ip(struct probe *p, struct sock *w)
{
	return wire_recv(p, w, true, false);
}

struct call wire_recv_frame(struct probe *p, struct sock *w)
{
	return wire_recv(p, w, false, true);
}

/* ---- Catalogue II: receive/errors ------------------------------------------------ */

/* The 16-bit one's complement sum of RFC 1071, folded. */
static uint32_t csum_add(uint32_t sum, const void *data, size_t n)
{
	const uint8_t *b = data;

	for (size_t i = 0; i + 1 < n; i += 2)
		sum += (uint32_t)(b[i] << 8 | b[i + 1]);
	if (n & 1)
		sum += (uint32_t)(b[n - 1] << 8);
	return sum;
}

static uint16_t csum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons((uint16_t)~sum);
}

/* An IPv4 address of a (AF_INET, or ::ffff: mapped); false for native IPv6. */
static bool wire_ipv4_of(const struct addr *a, struct in_addr *out, uint16_t *port)
{
	const struct sockaddr_in6 *s6 = (const void *)&a->ss;

	if (a->ss.ss_family == AF_INET) {
		*out = ((const struct sockaddr_in *)&a->ss)->sin_addr;
		*port = ((const struct sockaddr_in *)&a->ss)->sin_port;
		return true;
	}
	if (!IN6_IS_ADDR_V4MAPPED(&s6->sin6_addr))
		return false;
	memcpy(out, &s6->sin6_addr.s6_addr[12], sizeof(*out));
	*port = s6->sin6_port;
	return true;
}

/* The UDP header and payload at pkt, checksummed over the pseudo-header's
 * sum; returns their length. */
static size_t wire_udp_put(uint8_t *pkt, uint32_t pseudo_sum, uint16_t sport, uint16_t dport,
			   const char *payload, size_t len)
{
	struct udphdr u = { .source = sport, .dest = dport, .len = htons((uint16_t)(sizeof(u) + len)) };

	u.check = csum_fold(csum_add(csum_add(pseudo_sum, &u, sizeof(u)), payload, len));
	memcpy(pkt, &u, sizeof(u));
	/* A datagram's payload carries no terminator. */
	// NOLINTNEXTLINE(bugprone-not-null-terminated-result)
	memcpy(pkt + sizeof(u), payload, len);
	return sizeof(u) + len;
}

static size_t wire_ipv4_put(uint8_t *pkt, size_t room, struct in_addr src, struct in_addr dst,
			    uint16_t sport, uint16_t dport, const char *payload, size_t len)
{
	size_t ulen = sizeof(struct udphdr) + len;
	struct iphdr ip;
	uint8_t pseudo[4] = { 0, IPPROTO_UDP, (uint8_t)(ulen >> 8), (uint8_t)ulen };

	if (sizeof(ip) + ulen > room)
		return 0;
	/* memset, not an initialiser: the bitfields are then all defined. */
	memset(&ip, 0, sizeof(ip));
	ip.version = 4;
	ip.ihl = 5;
	ip.ttl = 64;
	ip.protocol = IPPROTO_UDP;
	ip.tot_len = htons((uint16_t)(sizeof(ip) + ulen));
	ip.saddr = src.s_addr;
	ip.daddr = dst.s_addr;
	ip.check = csum_fold(csum_add(0, &ip, sizeof(ip)));
	memcpy(pkt, &ip, sizeof(ip));
	uint32_t sum = csum_add(csum_add(csum_add(0, &ip.saddr, 4), &ip.daddr, 4), pseudo, 4);
	return sizeof(ip) + wire_udp_put(pkt + sizeof(ip), sum, sport, dport, payload, len);
}

static size_t wire_ipv6_put(uint8_t *pkt, size_t room, const struct sockaddr_in6 *src,
			    const struct sockaddr_in6 *dst, const char *payload, size_t len)
{
	size_t ulen = sizeof(struct udphdr) + len;
	struct ip6_hdr ip6 = { .ip6_flow = htonl(6u << 28), .ip6_nxt = IPPROTO_UDP, .ip6_hlim = 64 };
	uint8_t pseudo[8] = { 0, 0, (uint8_t)(ulen >> 8), (uint8_t)ulen, 0, 0, 0, IPPROTO_UDP };

	if (sizeof(ip6) + ulen > room)
		return 0;
	ip6.ip6_plen = htons((uint16_t)ulen);
	ip6.ip6_src = src->sin6_addr;
	ip6.ip6_dst = dst->sin6_addr;
	memcpy(pkt, &ip6, sizeof(ip6));
	uint32_t sum = csum_add(csum_add(csum_add(0, &ip6.ip6_src, 16), &ip6.ip6_dst, 16), pseudo, 8);
	return sizeof(ip6) +
	       wire_udp_put(pkt + sizeof(ip6), sum, src->sin6_port, dst->sin6_port, payload, len);
}

/* IP header, UDP header and payload in pkt; returns the length and the
 * EtherType, or 0 when the packet does not fit. */
static size_t wire_build_udp(const struct addr *from, const struct addr *to, const char *payload,
			     uint8_t *pkt, size_t room, uint16_t *ethertype)
{
	struct in_addr s4, d4;
	uint16_t sport, dport;

	if (wire_ipv4_of(from, &s4, &sport) && wire_ipv4_of(to, &d4, &dport)) {
		*ethertype = ETH_P_IP;
		return wire_ipv4_put(pkt, room, s4, d4, sport, dport, payload, strlen(payload));
	}
	*ethertype = ETH_P_IPV6;
	return wire_ipv6_put(pkt, room, (const void *)&from->ss, (const void *)&to->ss, payload,
			     strlen(payload));
}

struct call wire_send_udp(struct probe *p, struct sock *w, enum host to_host, struct addr from,
			  struct addr to, const char *payload)
{
	enum host h = sock_host(w);
	int subnet = topo_subnet(p->rule->topology, h, to_host);
	char ifname[IFNAMSIZ], pl[CALL_DATA_MAX + 8], fs[80], ts[80];
	struct sockaddr_ll ll = { .sll_family = AF_PACKET, .sll_halen = 6 };
	uint8_t pkt[CALL_DATA_MAX + 64];
	uint16_t ethertype = 0;
	struct call c = { .ok = 0 };

	int ifindex = topo_host_ifindex(p, h, ifname, sizeof(ifname));
	size_t n = wire_build_udp(&from, &to, payload, pkt, sizeof(pkt), &ethertype);
	if (subnet < 0 || ifindex < 0 || n == 0)
		probe_error(p, "wire_send_udp: no link from %s to %s, or a payload too long",
			    plan_host_name(h), plan_host_name(to_host));
	ll.sll_ifindex = ifindex;
	ll.sll_protocol = htons(ethertype);
	plan_mac(subnet, to_host, ll.sll_addr);
	c.ok = (long)n;
	trace_payload(payload, strlen(payload), pl, sizeof(pl));
	trace_begin(p, &c, "sendto(%s, {%s UDP %s > %s, %s}, %zu, 0, {AF_PACKET, %s, %s's MAC})",
		    sock_role(w), ethertype == ETH_P_IP ? "IPv4" : "IPv6",
		    addr_str(&from, fs, sizeof(fs)), addr_str(&to, ts, sizeof(ts)), pl, n, ifname,
		    plan_host_name(to_host));
	trace_answer(&c, sendto(sock_fd(w), pkt, n, 0, (struct sockaddr *)&ll, sizeof(ll)));
	trace_end(p, &c, NULL);
	return c;
}
