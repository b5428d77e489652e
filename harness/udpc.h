/* udpconform harness: what a rule file sees.
 *
 * A rule is one C file that defines `const struct rule rule` and a run
 * function.  The harness supplies main(): for every family the rule applies
 * to it forks a child, builds the rule's topology out of fresh network
 * namespaces, runs the rule there and reports one verdict per family as KTAP
 * on stdout and as a JSON record.
 *
 * Two kinds of helpers, visibly apart:
 *   sock_*()   make one traced call and return what the kernel answered;
 *   expect_*() compare an answer with the rule's literal expectation and
 *              record PASS or FAIL, then carry on;
 *   must()     accept nothing but success: anything else is ERROR (setup
 *              failed, the rule could not even be asked).
 */
#ifndef UDPC_H
#define UDPC_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/types.h>

/* ---- what a rule declares ------------------------------------------------ */

enum family {
	FAM_IPV4 = 1 << 0,   /* AF_INET sockets, IPv4 addresses */
	FAM_IPV6 = 1 << 1,   /* AF_INET6 sockets, IPv6 addresses */
	FAM_MAPPED = 1 << 2, /* AF_INET6 sockets, IPv4 peers as ::ffff:a.b.c.d */
};
#define FAM_ALL (FAM_IPV4 | FAM_IPV6 | FAM_MAPPED)

enum topology {
	TOPO_LOOPBACK,  /* one host: every role lives in it, on lo */
	TOPO_LINK,      /* client, server and stranger on one Ethernet segment */
	TOPO_ROUTED,    /* client - router - server, stranger beside server */
	TOPO_TWO_LINKS, /* client on two segments: server on one, stranger on the other */
};

/* Hosts are where sockets live; roles (socket names) are chosen per call. */
enum host { HOST_CLIENT, HOST_SERVER, HOST_STRANGER, HOST_ROUTER, HOST_COUNT };

/* What one authority says the outcome is. */
struct outcome {
	const char *source;  /* "Linux", "POSIX" or "BSD" */
	const char *cite;    /* where it says so */
	const char *expects; /* the outcome in one short phrase: "EDESTADDRREQ" */
};

#define RULE_MAX_OUTCOMES 4

/* A documented place where Linux does not do what the rule says.  The
 * expectation stays as it is and the verdict stays FAIL; the report marks it
 * known, and it does not fail the run unless STRICT=1. */
struct divergence {
	unsigned families;   /* FAM_* it is known for */
	const char *kernels; /* the kernel range, e.g. "all through at least v6.18" */
	const char *cause;   /* the code or commit responsible */
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

/* ---- addresses ------------------------------------------------------------ */

/* Ports a rule picks itself stay below the ephemeral range the topology sets
 * (EPHEMERAL_LO..EPHEMERAL_HI), so a port in that range is the kernel's
 * choice and the transcript masks it as "...". */
#define EPHEMERAL_LO 40000
#define EPHEMERAL_HI 49999
#define PORT_EPHEMERAL (-1) /* expectation: any port the kernel picked */

/* The ports rules use, so that transcripts read alike from rule to rule. */
enum {
	PORT_SERVER = 7000,
	PORT_CLIENT = 7001,
	PORT_STRANGER = 7002,
	PORT_OTHER = 7003,  /* a second socket on a host that has one already */
	PORT_CLOSED = 7009, /* nothing is ever bound here */
};

struct addr {
	struct sockaddr_storage ss;
	socklen_t len;
	bool any_port; /* an expectation that accepts any ephemeral port */
};

struct addr addr_host(struct probe *p, enum host h, int port);
struct addr addr_wildcard(struct probe *p, int port);
struct addr addr_unspec(void);
/* A literal address in the probe's family: "198.18.0.255" for IPv4; an IPv6
 * or mapped probe is given its own literal. */
struct addr addr_literal(struct probe *p, const char *v4, const char *v6, int port);
bool addr_equal(const struct addr *want, const struct addr *got);
/* "198.18.0.1:7000", "[2001:db8::1]:7000", ports in the ephemeral range as "...". */
const char *addr_str(const struct addr *a, char *buf, size_t n);

/* ---- sockets and traced calls --------------------------------------------- */

struct sock {
	const char *role; /* the name in the transcript: client, server, ... */
	int fd;
	enum host host;
};

#define CALL_DATA_MAX 512
#define CALL_LINE_MAX 512

/* One call as the kernel answered it. */
struct call {
	long ret;                 /* the return value */
	int err;                  /* errno when ret == -1 */
	long ok;                  /* the return value that means complete success */
	int value;                /* an option value read (getsockopt) */
	char data[CALL_DATA_MAX]; /* received bytes, if any */
	size_t len;
	struct addr addr;         /* the address a call returned (source, name, peer) */
	char line[CALL_LINE_MAX]; /* the transcript line */
	size_t text_len;          /* how much of it is the call, before " = " */
};

struct sock *sock_open(struct probe *p, enum host h, const char *role);
struct sock *sock_open_type(struct probe *p, enum host h, const char *role, int type);

struct call sock_bind(struct probe *p, struct sock *s, struct addr a);
struct call sock_connect(struct probe *p, struct sock *s, struct addr a);
/* connect() with sa_family = AF_UNSPEC: the disconnect. */
struct call sock_disconnect(struct probe *p, struct sock *s);
struct call sock_send(struct probe *p, struct sock *s, const char *payload);
struct call sock_write(struct probe *p, struct sock *s, const char *payload);
struct call sock_sendto(struct probe *p, struct sock *s, const char *payload, struct addr to);
/* Waits for readability or an error (at most WAIT_MS), then recvfrom(). */
struct call sock_recv(struct probe *p, struct sock *s);
/* recvfrom() without waiting: what is queued now.  Only meaningful once
 * ordering has proven that what could have arrived has arrived. */
struct call sock_recv_nowait(struct probe *p, struct sock *s);
struct call sock_getsockname(struct probe *p, struct sock *s);
struct call sock_getpeername(struct probe *p, struct sock *s);
/* getsockopt(SO_ERROR): value is the pending error it took (0: none). */
struct call sock_so_error(struct probe *p, struct sock *s);
/* setsockopt(s, level, name, &value): use SOCKOPT(SOL_SOCKET, SO_BROADCAST). */
struct call sock_setsockopt_int(struct probe *p, struct sock *s, int level, const char *level_str,
				int name, const char *name_str, int value);
#define SOCKOPT(level, name) (level), #level, (name), #name

/* The one bound every wait in the harness uses. */
#define WAIT_MS 2000

/* Counters of a host's SNMP MIB, in the probe's family (IPv4 for mapped:
 * that is what is on the wire). */
enum mib {
	MIB_ICMP_IN_DEST_UNREACHS,  /* Icmp InDestUnreachs, Icmp6InDestUnreachs */
	MIB_ICMP_OUT_DEST_UNREACHS, /* Icmp OutDestUnreachs, Icmp6OutDestUnreachs */
	MIB_UDP_IN_DATAGRAMS,       /* Udp InDatagrams, Udp6InDatagrams */
	MIB_UDP_NO_PORTS,           /* Udp NoPorts, Udp6NoPorts */
	MIB_UDP_OUT_DATAGRAMS,      /* Udp OutDatagrams, Udp6OutDatagrams */
};
long mib_read(struct probe *p, enum host h, enum mib m);

/* Catalogue II: connect/send */
/* send(s, payload, len, flags) with flags named in the transcript:
 * sock_send_flags(p, s, "hel", SENDFLAG(MSG_MORE)). */
struct call sock_send_flags(struct probe *p, struct sock *s, const char *payload, int flags,
			    const char *flags_str);
#define SENDFLAG(flag) (flag), #flag
/* send() of size bytes of 'x' (a datagram too large to show in full). */
struct call sock_send_size(struct probe *p, struct sock *s, size_t size);
/* writev(), and sendmsg() without a name: one iovec per part of the
 * NULL-terminated list, together one datagram. */
struct call sock_writev(struct probe *p, struct sock *s, const char *const *parts);
struct call sock_sendmsg_iov(struct probe *p, struct sock *s, const char *const *parts);
/* sendmsg() with msg_name = &to and msg_namelen = namelen (0, or longer
 * than any sockaddr), one iovec. */
struct call sock_sendmsg_namelen(struct probe *p, struct sock *s, const char *payload, struct addr to,
				 socklen_t namelen);
/* sendmmsg(s, msgs, n, 0) without names: each payload of the NULL-terminated
 * list one message; ret is the number of messages sent (ok: all of them). */
struct call sock_sendmmsg_noname(struct probe *p, struct sock *s, const char *const *payloads);
/* sendto(s, payload, len, 0, NULL, tolen): no address, a length anyway. */
struct call sock_sendto_null_len(struct probe *p, struct sock *s, const char *payload, socklen_t tolen);
/* Waits like sock_recv(), then recvfrom(MSG_TRUNC): ret is the length of the
 * whole datagram, the first CALL_DATA_MAX bytes are in data. */
struct call sock_recv_length(struct probe *p, struct sock *s);
/* The port of an address, in host order. */
int addr_port(const struct addr *a);

/* ---- expectations: record PASS or FAIL and carry on ------------------------ */

void expect_ok(struct probe *p, struct call c);
void expect_errno(struct probe *p, struct call c, int err);
void expect_datagram(struct probe *p, struct call c, const char *payload, struct addr from);
void expect_addr(struct probe *p, struct call c, struct addr want);
/* The error a sock_so_error() call took: an errno, or 0 for none. */
void expect_pending_error(struct probe *p, struct call c, int err);
void expect_long(struct probe *p, const char *what, long want, long got);

/* ---- setup: success or ERROR ----------------------------------------------- */

/* Ends this family as ERROR unless c succeeded completely. */
void must(struct probe *p, struct call c);
/* Ends this family: ERROR (the harness or environment failed) or SKIP (not
 * applicable here); the reason is one line saying what and what to do. */
__attribute__((noreturn, format(printf, 2, 3))) void probe_error(struct probe *p, const char *fmt, ...);
__attribute__((noreturn, format(printf, 2, 3))) void probe_skip(struct probe *p, const char *fmt, ...);

enum family probe_family(const struct probe *p);

#endif
