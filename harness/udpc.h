/* SPDX-License-Identifier: GPL-2.0-only */
/* udpconform harness: the one header a rule file includes.
 *
 * A rule is one C file that defines `const struct rule rule` and a run
 * function.  The harness supplies main(): for every family the rule applies
 * to it forks a child, builds the rule's topology out of fresh network
 * namespaces, runs the rule there and reports one verdict per family as KTAP
 * on stdout and as a JSON record.
 *
 * Two kinds of helpers, visibly apart:
 *   sock_*(), sockopt_*(), mcast_*(), errq_recv(), wire_recv_udp(),
 *   blocked_recv_*()
 *              make one traced call and return what the kernel answered;
 *   expect_*() compare an answer with the rule's literal expectation and
 *              record PASS or FAIL, then carry on;
 *   must()     accept nothing but success: anything else is ERROR (setup
 *              failed, the rule could not even be asked).
 *
 * One object per header, each offering what its file does:
 */
#ifndef UDPC_H
#define UDPC_H

#include "rule.h"      /* struct rule, families, topologies, hosts; probe_*() */
#include "addr.h"      /* struct addr: hosts' and the plan's addresses, ports */
#include "sock.h"      /* struct sock, struct call: a socket's life */
#include "sock_send.h" /* send(), sendto(), sendmsg(), ... */
#include "sock_recv.h" /* recvfrom(), recvmsg(), read(), ... */
#include "sockopt.h"   /* setsockopt(), getsockopt() */
#include "mcast.h"     /* multicast membership and options */
#include "errq.h"      /* the error queue */
#include "blocked.h"   /* a recvfrom() asleep in a second thread */
#include "wire.h"      /* what a host's link carries (AF_PACKET) */
#include "mib.h"       /* a host's SNMP counters */
#include "peers.h"     /* many connected pairs on one port */
#include "state.h"     /* /proc/net/udp and sock_diag entries of a socket */
#include "member.h"    /* a member of the server's SO_REUSEPORT group */
#include "expect.h"    /* expect_*() and must() */
#include "host.h"      /* a rule's own sysctl or address in one host */

#include "sysctl.h" /* a per-namespace sysctl one rule sets itself */
#include "route.h"  /* a route one rule adds itself */

#endif
