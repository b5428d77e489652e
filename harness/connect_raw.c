/* connect() with a declared length of the caller's choice, and addresses
 * written in the family the socket does not have. */
#include "internal.h"
#include "connect_raw.h"

struct call sock_connect_len(struct probe *p, struct sock *s, struct addr a, socklen_t len)
{
	struct call c = { .ok = 0 };
	char as[80];

	trace_begin(p, &c, "connect(%s, %s, %u)", s->role, addr_str(&a, as, sizeof(as)), len);
	call_answer(&c, connect(s->fd, (struct sockaddr *)&a.ss, len));
	trace_end(p, &c, NULL);
	return c;
}

struct addr addr_other_family(struct probe *p, enum host h, int port)
{
	/* addr_host() writes an address the way a probe of the given family
	 * does; ask it as a probe of the other family would. */
	struct probe other = *p;

	other.fam = p->fam == FAM_IPV4 ? FAM_IPV6 : FAM_IPV4;
	return addr_host(&other, h, port);
}
