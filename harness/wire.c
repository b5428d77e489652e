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

/* Reads frames until one is a UDP datagram; -1 EAGAIN after WAIT_MS. */
static long wire_next_udp(struct probe *p, struct sock *w, struct call *c)
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
	}
}

static struct call wire_recv(struct probe *p, struct sock *w, bool show_ip)
{
	struct call c = { .ok = 0 };
	char pl[CALL_DATA_MAX + 8], as[80];

	trace_begin(p, &c, "recvfrom(%s, ..., UDP only)", sock_role(w));
	trace_answer(&c, wire_next_udp(p, w, &c));
	if (c.ret < 0) {
		trace_end(p, &c, NULL);
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
	return wire_recv(p, w, false);
}

struct call wire_recv_udp_ip(struct probe *p, struct sock *w)
{
	return wire_recv(p, w, true);
}
