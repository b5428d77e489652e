/* udpconform harness: connect() with addresses the typed helpers never make:
 * a length the caller chooses, a family the socket does not have. */
#ifndef UDPC_CONNECT_RAW_H
#define UDPC_CONNECT_RAW_H

#include "udpc.h"

/* connect(s, &a, len): a's bytes, but only len of them declared. */
struct call sock_connect_len(struct probe *p, struct sock *s, struct addr a, socklen_t len);

/* Host h's address in the family the probe's sockets do not have: an
 * AF_INET6 sockaddr (2001:db8:...) for an IPv4 probe, a plain AF_INET one
 * (198.18....) for an IPv6 or mapped probe. */
struct addr addr_other_family(struct probe *p, enum host h, int port);

#endif
