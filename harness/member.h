/* A member of the SO_REUSEPORT group on the server's address and port:
 * opened on the server, SO_REUSEPORT set, bound to PORT_SERVER; anything
 * but success is ERROR. */
#ifndef UDPC_MEMBER_H
#define UDPC_MEMBER_H

#include "sock.h"

struct sock *member_open(struct probe *p, const char *role);

#endif
