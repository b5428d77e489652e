/* SPDX-License-Identifier: GPL-2.0-only */
/* Harness internals shared between its source files (harness/ and netns/);
 * rules never include it.  Sections by object, each named for its file. */
#ifndef UDPC_INTERNAL_H
#define UDPC_INTERNAL_H

#include "udpc.h"

#include <stdarg.h>
#include <stdio.h>
#include <sys/types.h>

#define PROBE_MAX_SOCKS 16

struct probe {
	enum family fam;
	const struct rule *rule;
	int ns[HOST_COUNT]; /* netns fd of each host, -1 if not in the topology */
	int switch_ns;      /* the bridge's namespace of a segment, if any */
	int chan;           /* pipe to the parent: one record per line */
	unsigned checks;    /* expectations evaluated so far */
	struct sock *socks[PROBE_MAX_SOCKS];
	int nsocks;
};

/* chan.c: the child's records, one line each, read by the parent (run.c).
 *   B <call>                 a call is about to be made (what a hang shows)
 *   T <line>                 a transcript line
 *   C <ok> \t <what> \t <expected> \t <observed>   one expectation
 *   N <note>                 a note on the setup (a sysctl not per-namespace)
 *   E <reason> / S <reason>  ERROR / SKIP: the family ends
 *   M <build> <wait>         ms the topology took to build, and to be ready
 *   R <json>                 a benchmark's record (bench.c)
 *   D                        the rule ran to its end
 */
void chan_send(struct probe *p, char kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void chan_vsend(struct probe *p, char kind, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

/* child.c: the forked child that runs one family. */
bool child_bind(pid_t parent);            /* dies with parent; false if it cannot */
void child_pin(struct probe *p, int cpu); /* one CPU: cpu, or -1 for the one it runs on */

/* family.c */
const char *family_name(enum family f); /* "ipv4", "ipv6", "mapped" */
int family_domain(enum family f);       /* AF_INET, AF_INET6 */

/* trace.c: the transcript. */
const char *trace_errno(int err);                                      /* "EDESTADDRREQ" */
const char *trace_result(const struct call *c, char *buf, size_t n);   /* "-1 EX (Text)" */
void trace_payload(const char *data, size_t len, char *buf, size_t n); /* "\"ping\"" */
const char *trace_revents(short ev, char *buf, size_t n);              /* "POLLIN|POLLOUT" */
void trace_begin(struct probe *p, struct call *c, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Stores the answer of the call just made: ret, and errno if it failed. */
void trace_answer(struct call *c, long ret);
/* Records c->ret/c->err after the call; a non-NULL fmt restates the call
 * with what only the answer tells (the bytes read, the source address). */
void trace_end(struct probe *p, struct call *c, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Catalogue II: receive/errors.  msg_flags by name: "MSG_TRUNC|MSG_ERRQUEUE", "0". */
const char *trace_msg_flags(int flags, char *buf, size_t n);

/* sock.c: a socket the harness opened itself (wire.c), in the probe's table. */
struct sock *sock_add(struct probe *p, enum host h, const char *role, int fd);
const char *sock_role(const struct sock *s);
enum host sock_host(const struct sock *s);

/* sockopt.c: SO_RCVTIMEO = WAIT_MS, the bound of sock_recv_blocking(). */
struct call sockopt_rcvtimeo_wait(struct probe *p, struct sock *s);

/* addr.c: an IPv4 address (network order) as the probe's family writes it. */
struct addr addr_from_ipv4(struct probe *p, uint32_t ip, int port);
/* addr.c, for the lab's udpc: text as an address of the probe's family
 * (IPv4 text on a mapped probe: ::ffff:a.b.c.d); false if it is none. */
bool addr_parse(struct probe *p, const char *text, int port, struct addr *out);

/* expect.c: records one expectation (what every expect_* comes down to). */
void expect_record(struct probe *p, bool ok, const char *what, const char *expected,
		   const char *observed);

/* ---- netns/: the topologies and what builds them ------------------------------ */

/* netns.c: hosts are anonymous network namespaces held by file descriptors. */
int netns_new(struct probe *p);
void netns_enter(struct probe *p, int ns);

/* sysctl.c: writes under /proc/sys/net of one namespace. */
void sysctl_set(struct probe *p, int ns, const char *key, const char *value);
void sysctl_try(struct probe *p, int ns, const char *key, const char *value);

/* topo.c */
void topo_build(struct probe *p);
/* The topology called name ("link"); false if there is none. */
bool topo_lookup(const char *name, enum topology *t);
/* The subnet of the first segment of t that has both h and peer (peer == h:
 * h's first segment); -1 if there is none. */
int topo_subnet(enum topology t, enum host h, enum host peer);
/* false when the kernel has no usable IPv6: the topology was built without it. */
bool topo_ipv6(void);
/* Every topology, its segments and the hosts' addresses, as one JSON
 * document (netns/tools/topologies: the lesson book's diagrams). */
void topo_print_json(FILE *f);

/* Catalogue II: receive/errors.  The index and name of host h's device on
 * its first segment; -1 if it has none (loopback). */
int topo_host_ifindex(struct probe *p, enum host h, char *ifname, size_t n);

/* ready.c: returns when every link of every namespace carries traffic. */
void ready_wait(struct probe *p);

#endif
