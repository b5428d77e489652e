/* Multicast membership, as one traced setsockopt(). */
#include "internal.h"
#include "mcast.h"

#include <string.h>

struct call sock_join_group(struct probe *p, struct sock *s, struct addr group)
{
	struct call c = { .ok = 0 };
	char as[80];

	addr_str(&group, as, sizeof(as));
	if (group.ss.ss_family == AF_INET6) {
		struct ipv6_mreq mr = { .ipv6mr_interface = 0 };
		memcpy(&mr.ipv6mr_multiaddr, &((struct sockaddr_in6 *)&group.ss)->sin6_addr,
		       sizeof(mr.ipv6mr_multiaddr));
		trace_begin(p, &c, "setsockopt(%s, SOL_IPV6, IPV6_JOIN_GROUP, {%s, 0})", s->role, as);
		call_answer(&c, setsockopt(s->fd, SOL_IPV6, IPV6_JOIN_GROUP, &mr, sizeof(mr)));
	} else {
		struct ip_mreq mr = { .imr_interface.s_addr = htonl(INADDR_ANY) };
		mr.imr_multiaddr = ((struct sockaddr_in *)&group.ss)->sin_addr;
		trace_begin(p, &c, "setsockopt(%s, SOL_IP, IP_ADD_MEMBERSHIP, {%s, 0.0.0.0})", s->role,
			    as);
		call_answer(&c, setsockopt(s->fd, SOL_IP, IP_ADD_MEMBERSHIP, &mr, sizeof(mr)));
	}
	trace_end(p, &c, NULL);
	return c;
}
