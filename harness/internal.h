/* Harness internals shared between its source files; rules never include it. */
#ifndef UDPC_INTERNAL_H
#define UDPC_INTERNAL_H

#include "udpc.h"

#include <stdarg.h>

#define PROBE_MAX_SOCKS 16

struct probe {
	enum family fam;
	const struct rule *rule;
	int ns[HOST_COUNT]; /* netns fd of each host, -1 if not in the topology */
	int switch_ns;      /* the bridge's namespace of a segment, if any */
	int chan;           /* pipe to the parent: one record per line */
	unsigned checks;    /* expectations evaluated so far */
	struct sock socks[PROBE_MAX_SOCKS];
	int nsocks;
};

/* chan.c: the child's records, one line each, read by the parent (rule.c).
 *   B <call>                 a call is about to be made (what a hang shows)
 *   T <line>                 a transcript line
 *   C <ok> \t <what> \t <expected> \t <observed>   one expectation
 *   N <note>                 a note on the setup (a sysctl not per-namespace)
 *   E <reason> / S <reason>  ERROR / SKIP: the family ends
 *   D                        the rule ran to its end
 */
void chan_send(struct probe *p, char kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* child.c: the forked child that runs one family. */
bool child_bind(pid_t parent);   /* dies with parent; false if it cannot */
void child_pin(struct probe *p); /* stays on the CPU it runs on */

/* netns.c: hosts are anonymous network namespaces held by file descriptors. */
int netns_new(struct probe *p);
void netns_enter(struct probe *p, int ns);

/* sysctl.c: writes under /proc/sys/net of one namespace. */
void sysctl_set(struct probe *p, int ns, const char *key, const char *value);
void sysctl_try(struct probe *p, int ns, const char *key, const char *value);

/* topo.c */
void topo_build(struct probe *p);
/* linkwait.c: returns when every link of every namespace carries traffic. */
void topo_wait_links(struct probe *p);
const char *topo_name(enum topology t);
/* false when the kernel has no usable IPv6: the topology was built without it. */
bool topo_ipv6(void);

/* trace.c: the transcript. */
const char *trace_errno(int err);                                      /* "EDESTADDRREQ" */
const char *trace_result(const struct call *c, char *buf, size_t n);   /* "-1 EX (Text)" */
void trace_payload(const char *data, size_t len, char *buf, size_t n); /* "\"ping\"" */
void trace_begin(struct probe *p, struct call *c, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Records c->ret/c->err after the call; a non-NULL fmt restates the call
 * with what only the answer tells (the bytes read, the source address). */
void trace_end(struct probe *p, struct call *c, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

const char *family_name(enum family f);

/* sock.c: "client", "server", "stranger", "router". */
const char *host_name(enum host h);

/* sock.c: stores the answer of the call just made: ret, and errno if it failed. */
void call_answer(struct call *c, long ret);

/* sock.c: the one traced send and the one traced recvfrom every form uses. */
enum send_how { SEND_SEND, SEND_WRITE, SEND_SENDTO, SEND_SENDMSG };
struct call send_traced(struct probe *p, struct sock *s, const char *payload, enum send_how how,
			const struct addr *to, socklen_t tolen, const char *dest);
struct call recv_traced(struct probe *p, struct sock *s, bool wait, bool peek);

/* expect.c: records one expectation (what every expect_* comes down to). */
void check_record(struct probe *p, bool ok, const char *what, const char *expected,
		  const char *observed);

#endif
