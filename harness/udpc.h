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
/* (Ordered for no padding: rules keep arrays of them, e.g. for recvmmsg().) */
struct call {
	long ret;                 /* the return value */
	long ok;                  /* the return value that means complete success */
	size_t len;               /* of data */
	size_t text_len;          /* how much of line is the call, before " = " */
	struct addr addr;         /* the address a call returned (source, name, peer) */
	int err;                  /* errno when ret == -1 */
	int value;                /* an option value read (getsockopt) */
	char data[CALL_DATA_MAX]; /* received bytes, if any */
	char line[CALL_LINE_MAX]; /* the transcript line */
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

/* Catalogue II: receive/errors */

/* recvmsg() of buflen bytes with flags (MSG_TRUNC, MSG_PEEK, MSG_WAITALL,
 * or 0), once the socket is readable (at most WAIT_MS), MSG_DONTWAIT
 * added: ret is what the kernel returned (with MSG_TRUNC the datagram's
 * real length), data/len the bytes it copied, addr the source, value the
 * msg_flags it answered.  Use RECVFLAGS(MSG_PEEK) or RECVFLAGS(0). */
struct call sock_recvmsg_flags(struct probe *p, struct sock *s, size_t buflen, int flags,
			       const char *flags_str);
#define RECVFLAGS(flags) (flags), #flags
/* read(), recv(s, buf, CALL_DATA_MAX, 0) and readv() into two iovecs (the
 * first first_len bytes long), once the socket is readable; the descriptor
 * is O_NONBLOCK for the call, so that nothing queued reads as EAGAIN. */
struct call sock_read(struct probe *p, struct sock *s);
struct call sock_recv_noname(struct probe *p, struct sock *s);
struct call sock_readv(struct probe *p, struct sock *s, size_t first_len);
/* recvfrom() once readable, with addrlen bytes of room for the source:
 * addr holds what the kernel wrote (the rest zero) and addr.len the length
 * it answered. */
struct call sock_recvfrom_addrlen(struct probe *p, struct sock *s, socklen_t addrlen);
/* recvmmsg(s, vlen messages, MSG_DONTWAIT) once the socket is readable: ret
 * is the number of messages, msgs[i] the i-th as a receive call (data,
 * len, addr, value = its msg_flags). */
#define RECVMMSG_MAX 4
struct call sock_recvmmsg(struct probe *p, struct sock *s, unsigned vlen,
			  struct call msgs[RECVMMSG_MAX]);
/* ioctl(s, request, &n) of an int (FIONREAD, SIOCINQ): value is n.  Use
 * IOCTL(FIONREAD). */
struct call sock_ioctl_int(struct probe *p, struct sock *s, unsigned long request,
			   const char *request_str);
#define IOCTL(request) (request), #request
/* getsockopt() of an int with optlen bytes of room: value is what it read,
 * len the optlen the kernel answered.  Use SOCKOPT(SOL_SOCKET, SO_ERROR). */
struct call sock_getsockopt_int(struct probe *p, struct sock *s, int level, const char *level_str,
				int name, const char *name_str, socklen_t optlen);

/* setsockopt() of the hop count of this family's unicast datagrams:
 * IP_TTL for IPv4 and mapped (udp_sendmsg() reads inet->uc_ttl),
 * IPV6_UNICAST_HOPS for IPv6. */
struct call sock_hops_set(struct probe *p, struct sock *s, int hops);
/* close(s): the socket is gone (its port free, its peer's datagrams
 * answered with ICMP port unreachable); s must not be used again. */
struct call sock_close(struct probe *p, struct sock *s);

/* Setup (ERROR if it cannot be made), in one host and traced: a sysctl
 * under /proc/sys/net ("ipv4/conf/all/rp_filter"), and one more IPv4
 * address (mapped: the address it maps) on host h's first link, as a /32:
 * usable at once (an IPv6 address would wait for addrconf's work queue,
 * so the harness refuses it). */
void sysctl_host_set(struct probe *p, enum host h, const char *key, const char *value);
void topo_addr_add(struct probe *p, enum host h, struct addr a);

/* The call succeeded and read the int want (FIONREAD's count, an option). */
void expect_value(struct probe *p, struct call c, int want);
/* The call succeeded and answered exactly these msg_flags (MSG_TRUNC, ...). */
void expect_msg_flags(struct probe *p, struct call c, int want);
/* The call succeeded and answered this length: optlen, a returned length. */
void expect_len(struct probe *p, struct call c, const char *what, size_t want);
/* The call returned exactly want (a receive with MSG_TRUNC: the real length). */
void expect_ret(struct probe *p, struct call c, long want);
/* The call succeeded and returned exactly these bytes, whatever their source
 * (read(), recv(), readv() give none). */
void expect_payload(struct probe *p, struct call c, const char *payload);

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
	/* Catalogue II: receive/errors */
	MIB_ICMP_IN_TIME_EXCDS,       /* Icmp InTimeExcds, Icmp6InTimeExcds */
	MIB_ICMP_OUT_RATE_LIMIT_HOST, /* Icmp OutRateLimitHost, Icmp6OutRateLimitHost */
	MIB_IP_REVERSE_PATH_FILTER,   /* TcpExt IPReversePathFilter (/proc/net/netstat; IPv4 only) */
};
long mib_read(struct probe *p, enum host h, enum mib m);

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
