/* SPDX-License-Identifier: GPL-2.0-only */
/* What a rule declares: its metadata as data, one struct per rule file.
 * Part of udpc.h, the one header a rule includes. */
#ifndef UDPC_RULE_H
#define UDPC_RULE_H

#include <stdbool.h>
#include <stddef.h>

enum family {
	FAM_IPV4 = 1 << 0,   /* AF_INET sockets, IPv4 addresses */
	FAM_IPV6 = 1 << 1,   /* AF_INET6 sockets, IPv6 addresses */
	FAM_MAPPED = 1 << 2, /* AF_INET6 sockets, IPv4 peers as ::ffff:a.b.c.d */
};
#define FAM_ALL (FAM_IPV4 | FAM_IPV6 | FAM_MAPPED)

enum topology {
	TOPO_LOOPBACK,  /* one host: every role lives in it, on lo */
	TOPO_LINK,      /* client, server and stranger on one Ethernet segment (a bridge) */
	TOPO_ROUTED,    /* client - router - server, stranger beside server */
	TOPO_TWO_LINKS, /* client on two segments: server on one, stranger on the other */
	TOPO_PAIR,      /* client and server alone on one segment: a veth pair, no bridge */
	TOPO_COUNT,     /* not a topology: how many there are */
};
/* Its name in records ("pair"); "unknown" past the last one. */
const char *topo_name(enum topology t);

/* Hosts are where sockets live; roles (socket names) are chosen per call. */
enum host { HOST_CLIENT, HOST_SERVER, HOST_STRANGER, HOST_ROUTER, HOST_COUNT };

struct probe;
/* The name of host h's interface on its (first) link: "eth0". */
const char *topo_ifname(struct probe *p, enum host h);

/* What one authority says the outcome is. */
struct outcome {
	const char *source;  /* "Linux", "POSIX" or "BSD" */
	const char *cite;    /* where it says so */
	const char *expects; /* the outcome in one short phrase: "EDESTADDRREQ" */
};

#define RULE_MAX_OUTCOMES 4

/* A documented place where Linux does not do what the rule says.  The
 * expectation stays as it is: a FAIL there is XFAIL (it does not fail the
 * run unless STRICT=1), and a PASS there is XPASS, so a fix shows.  On a
 * kernel outside [since, fixed), or on a stable release the fix was backported
 * to, the divergence is not expected: the family
 * is plain PASS or FAIL there, so a regression shows too. */
struct divergence {
	unsigned families;   /* FAM_* it is known for */
	const char *kernels; /* the kernel range, e.g. "all through at least v6.18" */
	const char *cause;   /* the code or commit responsible */
	const char *since;   /* "v6.13": the first release that has it; NULL: always */
	const char *fixed;   /* "v6.13": the first release without it; NULL: not fixed */
	const char *stable;  /* "6.1.32": older series' first stable releases without
			      * it (the fix's backports), space-separated; NULL: none */
};

/* Provenance as data (LTP's .tags): the kernel change a rule depends on.
 * { "linux-git", "303d0403b8c2", "udp: Fix rehash on disconnect", "v5.3" }:
 * the report and the matrix read it to predict where kernels differ. */
struct tag {
	const char *kind;    /* "linux-git" (a commit), "CVE", "bug" (a report URL) */
	const char *value;   /* the 12-hex commit id, or the CVE / URL */
	const char *subject; /* the commit's subject line */
	const char *version; /* the first release that has it: "v6.13" */
};

#define RULE_MAX_TAGS 4

struct probe;

struct rule {
	const char *id;       /* udp.<topic>.<claim> */
	const char *sentence; /* the rule in one sentence */
	const char *why;      /* which kernel path makes it so */
	unsigned families;    /* FAM_* this rule is run for */
	const char *skip_why; /* why the families left out do not apply */
	enum topology topology;
	struct outcome outcomes[RULE_MAX_OUTCOMES];
	struct divergence known;
	struct tag tags[RULE_MAX_TAGS];
	void (*run)(struct probe *p);
};

/* Every probe defines exactly one. */
extern const struct rule rule;

/* The one bound every wait in the harness uses.  It only decides when a
 * wait has hung (ERROR): no passing path waits it out, since absence is
 * proven by ordering.  2 s proved too short for IPv6 addresses to become
 * usable on a machine at load 20 (the ipv6_addrconf workqueue is shared by
 * every namespace); 5 s keeps well inside a family's 10 s bound. */
#define WAIT_MS 5000

/* The family this run of the rule is in. */
enum family probe_family(const struct probe *p);
/* Ends this family: ERROR (the harness or environment failed) or SKIP (not
 * applicable here); the reason is one line saying what and what to do. */
__attribute__((noreturn, format(printf, 2, 3))) void probe_error(struct probe *p, const char *fmt, ...);
__attribute__((noreturn, format(printf, 2, 3))) void probe_skip(struct probe *p, const char *fmt, ...);

#endif
