// SPDX-License-Identifier: GPL-2.0-only
/* Fault injection for mutation testing (make mutate; tests only).
 *
 * An LD_PRELOAD library over a dynamically linked probe.  It stands between
 * the probe and the kernel for the socket calls a rule can check, and only
 * on AF_INET/AF_INET6 SOCK_DGRAM sockets: netlink, packet and pipe file
 * descriptors pass straight through.  It knows nothing of rules: it counts
 * calls per process, and changes the answer of one of them.
 *
 *   UDPC_MUTATE_LOG=FILE   append one line per intercepted call:
 *                          "<seq> <call> <occurrence> <ret> <errno|0> <extra> <mutated 0|1>"
 *                          (extra: revents of poll, the value getsockopt read,
 *                          the source address length a receive returned)
 *   UDPC_MUTATE=<call>:<occurrence>:<kind>[:<arg>]
 *                          change what the occurrence-th (from 1) call of
 *                          that name answers:
 *     errno:<NAME>   the call is made; it answers -1 NAME
 *     ok             the call is made; a failure answers success instead
 *     addr:host      the call is made; the address it returns (name, peer,
 *     addr:port      source, error offender) has its host or port changed
 *     addr:len       the call is made; the length of the address it returns
 *                    (name, peer, source) is 4 bytes more than the kernel's
 *     data           the call is made; the first byte received is changed
 *                    (an empty datagram gains a byte)
 *     deliver        a receive is made; a failure answers a made-up datagram
 *     drop           a send is not made but answers success; a receive is
 *                    made (the datagram is gone) and answers -1 EAGAIN
 *     value:<NAME|0> getsockopt is made; the int it read becomes NAME (an
 *                    answer shorter than an int becomes that int)
 *     revents:<mask> poll is made; revents becomes mask (1 if nonzero, else 0)
 *     flags          recvmsg/recvmmsg is made; MSG_TRUNC in msg_flags is flipped
 *     addrlen        a receive is made; the source's length is one byte short
 *
 * ioctl() is stood between only for FIONREAD (= SIOCINQ): value:<NAME|0>
 * changes the count it read.  socket() is stood between when it asks for an
 * AF_INET/AF_INET6 SOCK_DGRAM socket (there is no descriptor to ask yet):
 * errno:<NAME> closes the socket the kernel made and answers -1 NAME; the
 * log's extra is the protocol asked for, which tells the rule's socket from
 * one the harness makes for itself (protocol 0).  The log's extra is the count for ioctl and
 * the msg_flags (of the first message) for recvmsg and recvmmsg.
 *
 * A bad UDPC_MUTATE ends the process with status 64 and a one-line message.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/errqueue.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

enum kind {
	K_NONE,
	K_ERRNO,
	K_OK,
	K_ADDR_HOST,
	K_ADDR_PORT,
	K_ADDR_LEN,
	K_DATA,
	K_DELIVER,
	K_DROP,
	K_VALUE,
	K_REVENTS,
	K_FLAGS,
	K_ADDRLEN
};

static const char *const kind_names[] = {
	[K_ERRNO] = "errno",     [K_OK] = "ok",       [K_DATA] = "data",
	[K_DELIVER] = "deliver", [K_DROP] = "drop",   [K_VALUE] = "value",
	[K_REVENTS] = "revents", [K_FLAGS] = "flags", [K_ADDRLEN] = "addrlen",
};

static struct {
	char call[16];
	long occurrence;
	enum kind kind;
	int arg;
} mutation;

static long seq_next;

/* Occurrences are counted per call name, in the order calls are entered. */
static const char *const call_names[] = {
	"bind",
	"connect",
	"send",
	"write",
	"sendto",
	"sendmsg",
	"recvfrom",
	"recvmsg",
	"getsockname",
	"getpeername",
	"getsockopt",
	"setsockopt",
	"poll",
	"shutdown",
	/* Catalogue II: receive/errors */
	"read",
	"readv",
	"recv",
	"recvmmsg",
	"ioctl",
	/* Catalogue II: connect/send */
	"writev",
	"sendmmsg",
	"socket",
};
#define NCALLS (sizeof(call_names) / sizeof(call_names[0]))
static long occurrences[NCALLS];

/* One intercepted call: what the hook decided on entry. */
struct hook {
	const char *call;
	long seq, occurrence;
	enum kind kind; /* K_NONE unless this call is the one to change */
};

static __attribute__((noreturn, format(printf, 1, 2))) void shim_die(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n = snprintf(buf, sizeof(buf), "udpc mutate shim: ");

	va_start(ap, fmt);
	n += vsnprintf(buf + n, sizeof(buf) - (size_t)n - 1, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 2)
		n = (int)sizeof(buf) - 2;
	buf[n++] = '\n';
	if (write(STDERR_FILENO, buf, (size_t)n) < 0)
		_exit(64);
	_exit(64);
}

static void *real(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);

	if (!f)
		shim_die("no %s after the shim: %s", name, dlerror());
	return f;
}

/* The real functions, looked up once.  REAL(getsockopt) is used inside the
 * shim too, so it never goes through our own getsockopt(). */
#define REAL(name)                                            \
	({                                                    \
		static __typeof__(name) *fn;                  \
		if (!fn)                                      \
			fn = (__typeof__(name) *)real(#name); \
		fn;                                           \
	})

static int errno_parse(const char *s)
{
	if (strcmp(s, "0") == 0)
		return 0;
	for (int e = 1; e < 200; e++) {
		const char *name = strerrorname_np(e);
		if (name && strcmp(name, s) == 0)
			return e;
	}
	shim_die("UDPC_MUTATE: unknown errno name '%s'", s);
}

static enum kind kind_parse(const char *kind, const char *arg)
{
	if (strcmp(kind, "addr") == 0) {
		if (arg && strcmp(arg, "host") == 0)
			return K_ADDR_HOST;
		if (arg && strcmp(arg, "port") == 0)
			return K_ADDR_PORT;
		if (arg && strcmp(arg, "len") == 0)
			return K_ADDR_LEN;
		shim_die("UDPC_MUTATE: addr takes host, port or len");
	}
	for (size_t k = 0; k < sizeof(kind_names) / sizeof(kind_names[0]); k++)
		if (kind_names[k] && strcmp(kind_names[k], kind) == 0)
			return (enum kind)k;
	shim_die(
		"UDPC_MUTATE: unknown kind '%s' (errno, ok, addr, data, deliver, drop, value, revents, "
		"flags, addrlen)",
		kind);
}

/* Read once, when the library is loaded, before any thread exists. */
static __attribute__((constructor)) void mutation_parse(void)
{
	const char *env = getenv("UDPC_MUTATE");
	char copy[128], *save;

	if (!env || !*env)
		return;
	snprintf(copy, sizeof(copy), "%s", env);
	char *call = strtok_r(copy, ":", &save), *occ = strtok_r(NULL, ":", &save);
	char *kind = strtok_r(NULL, ":", &save), *arg = strtok_r(NULL, ":", &save);
	char *end = NULL;
	if (!call || !occ || !kind)
		shim_die("UDPC_MUTATE='%s': want <call>:<occurrence>:<kind>[:<arg>]", env);
	snprintf(mutation.call, sizeof(mutation.call), "%s", call);
	mutation.occurrence = strtol(occ, &end, 10);
	if (*end || mutation.occurrence < 1)
		shim_die("UDPC_MUTATE='%s': the occurrence counts from 1", env);
	mutation.kind = kind_parse(kind, arg);
	if ((mutation.kind == K_ERRNO || mutation.kind == K_VALUE || mutation.kind == K_REVENTS) &&
	    !arg)
		shim_die("UDPC_MUTATE='%s': %s needs an argument", env, kind);
	if (mutation.kind == K_ERRNO || mutation.kind == K_VALUE)
		mutation.arg = errno_parse(arg);
	else if (mutation.kind == K_REVENTS)
		mutation.arg = (int)strtol(arg, NULL, 0);
}

/* An IPv4 or IPv6 datagram socket; the question leaves errno as it was. */
static bool inet_dgram(int fd)
{
	int saved = errno, domain = 0, type = 0;
	socklen_t dl = sizeof(domain), tl = sizeof(type);
	bool yes = REAL(getsockopt)(fd, SOL_SOCKET, SO_DOMAIN, &domain, &dl) == 0 &&
		   REAL(getsockopt)(fd, SOL_SOCKET, SO_TYPE, &type, &tl) == 0 &&
		   (domain == AF_INET || domain == AF_INET6) && type == SOCK_DGRAM;

	errno = saved;
	return yes;
}

/* The part of hook_begin() that does not ask the descriptor. */
static void hook_count(struct hook *h, const char *call)
{
	size_t i;

	for (i = 0; i < NCALLS && strcmp(call_names[i], call) != 0; i++)
		;
	h->call = call;
	h->seq = __atomic_add_fetch(&seq_next, 1, __ATOMIC_SEQ_CST);
	h->occurrence = __atomic_add_fetch(&occurrences[i], 1, __ATOMIC_SEQ_CST);
	h->kind = strcmp(mutation.call, call) == 0 && mutation.occurrence == h->occurrence
			  ? mutation.kind
			  : K_NONE;
}

static bool hook_begin(struct hook *h, const char *call, int fd)
{
	if (!inet_dgram(fd))
		return false;
	hook_count(h, call);
	return true;
}

/* One line per call, in one write(), so that threads do not mix lines. */
static void hook_log(const struct hook *h, long ret, int err, long extra)
{
	const char *path = getenv("UDPC_MUTATE_LOG");
	char line[160];

	if (!path || !*path)
		return;
	int n = snprintf(line, sizeof(line), "%ld %s %ld %ld %s %ld %d\n", h->seq, h->call,
			 h->occurrence, ret, err ? strerrorname_np(err) : "0", extra,
			 h->kind != K_NONE);
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0 || write(fd, line, (size_t)n) != n)
		shim_die("cannot write the call log %s", path);
	close(fd);
}

/* The answer after the real call: logs what the kernel said (before any
 * change), then applies the changes every call shares. */
static long hook_end(struct hook *h, long ret, long ok, long extra)
{
	int err = ret < 0 ? errno : 0;

	hook_log(h, ret, err, extra);
	if (h->kind == K_ERRNO) {
		errno = mutation.arg;
		return -1;
	}
	if (h->kind == K_OK && ret < 0)
		return ok;
	errno = err;
	return ret;
}

/* ---- address changes ------------------------------------------------------- */

static void addr_change(struct sockaddr *sa, socklen_t len, enum kind kind)
{
	if (sa->sa_family == AF_INET && len >= sizeof(struct sockaddr_in)) {
		struct sockaddr_in *in = (struct sockaddr_in *)sa;
		if (kind == K_ADDR_PORT)
			in->sin_port ^= htons(0x8000); /* out of the ephemeral range, and into it */
		else
			((unsigned char *)&in->sin_addr)[3] ^= 1;
	} else if (sa->sa_family == AF_INET6 && len >= sizeof(struct sockaddr_in6)) {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)sa;
		if (kind == K_ADDR_PORT)
			in6->sin6_port ^= htons(0x8000);
		else
			in6->sin6_addr.s6_addr[15] ^= 1;
	}
}

/* The offender of an IP_RECVERR/IPV6_RECVERR message is an address the
 * kernel returns too. */
static void offender_change(struct msghdr *msg, enum kind kind)
{
	for (struct cmsghdr *cm = CMSG_FIRSTHDR(msg); cm; cm = CMSG_NXTHDR(msg, cm)) {
		if (!((cm->cmsg_level == SOL_IP && cm->cmsg_type == IP_RECVERR) ||
		      (cm->cmsg_level == SOL_IPV6 && cm->cmsg_type == IPV6_RECVERR)))
			continue;
		struct sock_extended_err *ee = (struct sock_extended_err *)CMSG_DATA(cm);
		struct sockaddr *off = SO_EE_OFFENDER(ee);
		addr_change(off, (socklen_t)(cm->cmsg_len - (size_t)((char *)off - (char *)cm)), kind);
	}
}

/* ---- sends ------------------------------------------------------------------- */

static size_t iov_total(const struct msghdr *msg)
{
	size_t n = 0;

	for (size_t i = 0; i < msg->msg_iovlen; i++)
		n += msg->msg_iov[i].iov_len;
	return n;
}

ssize_t send(int fd, const void *buf, size_t len, int flags)
{
	struct hook h;

	if (!hook_begin(&h, "send", fd))
		return REAL(send)(fd, buf, len, flags);
	long ret = h.kind == K_DROP ? (long)len : REAL(send)(fd, buf, len, flags);
	return hook_end(&h, ret, (long)len, 0);
}

ssize_t write(int fd, const void *buf, size_t len)
{
	struct hook h;

	if (!hook_begin(&h, "write", fd))
		return REAL(write)(fd, buf, len);
	long ret = h.kind == K_DROP ? (long)len : REAL(write)(fd, buf, len);
	return hook_end(&h, ret, (long)len, 0);
}

ssize_t sendto(int fd, const void *buf, size_t len, int flags, __CONST_SOCKADDR_ARG to, socklen_t tolen)
{
	struct hook h;

	if (!hook_begin(&h, "sendto", fd))
		return REAL(sendto)(fd, buf, len, flags, to, tolen);
	long ret = h.kind == K_DROP ? (long)len : REAL(sendto)(fd, buf, len, flags, to, tolen);
	return hook_end(&h, ret, (long)len, 0);
}

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
	struct hook h;

	if (!hook_begin(&h, "sendmsg", fd))
		return REAL(sendmsg)(fd, msg, flags);
	long len = (long)iov_total(msg);
	long ret = h.kind == K_DROP ? len : REAL(sendmsg)(fd, msg, flags);
	return hook_end(&h, ret, len, 0);
}

ssize_t writev(int fd, const struct iovec *iov, int n)
{
	struct hook h;

	if (!hook_begin(&h, "writev", fd))
		return REAL(writev)(fd, iov, n);
	struct msghdr msg = { .msg_iov = (struct iovec *)iov, .msg_iovlen = n > 0 ? (size_t)n : 0 };
	long len = (long)iov_total(&msg);
	long ret = h.kind == K_DROP ? len : REAL(writev)(fd, iov, n);
	return hook_end(&h, ret, len, 0);
}

/* drop: no message is sent, and all are said to be. */
int sendmmsg(int fd, struct mmsghdr *msgs, unsigned int n, int flags)
{
	struct hook h;

	if (!hook_begin(&h, "sendmmsg", fd))
		return REAL(sendmmsg)(fd, msgs, n, flags);
	long ret = h.kind == K_DROP ? (long)n : REAL(sendmmsg)(fd, msgs, n, flags);
	return (int)hook_end(&h, ret, (long)n, 0);
}

/* ---- receives ------------------------------------------------------------------ */

static const char made_up[] = "mutant";

/* What a receive answers after the real call, for the kinds that touch data
 * and source; addr/alen may be NULL. */
static long recv_change(struct hook *h, int fd, long ret, void *buf, size_t len, struct sockaddr *addr,
			socklen_t *alen)
{
	if (h->kind == K_DROP && ret >= 0) {
		errno = EAGAIN;
		return -1;
	}
	if (h->kind == K_DELIVER && ret < 0 && buf) {
		ret = (long)(len < sizeof(made_up) - 1 ? len : sizeof(made_up) - 1);
		memcpy(buf, made_up, (size_t)ret);
		/* From the socket's own address: any source will do. */
		if (addr && alen && REAL(getsockname)(fd, addr, alen) != 0)
			*alen = 0;
	}
	if (h->kind == K_DATA && ret == 0 && buf && len > 0) {
		((unsigned char *)buf)[0] = 'x';
		ret = 1;
	} else if (h->kind == K_DATA && ret > 0 && buf) {
		((unsigned char *)buf)[0] ^= 0x20;
	}
	if ((h->kind == K_ADDR_HOST || h->kind == K_ADDR_PORT) && ret >= 0 && addr && alen)
		addr_change(addr, *alen, h->kind);
	if (h->kind == K_ADDR_LEN && ret >= 0 && addr && alen && *alen)
		*alen += 4;
	if (h->kind == K_ADDRLEN && ret >= 0 && addr && alen && *alen > 0)
		(*alen)--;
	return ret;
}

ssize_t recvfrom(int fd, void *buf, size_t len, int flags, __SOCKADDR_ARG addr, socklen_t *alen)
{
	struct hook h;

	if (!hook_begin(&h, "recvfrom", fd))
		return REAL(recvfrom)(fd, buf, len, flags, addr, alen);
	long ret = REAL(recvfrom)(fd, buf, len, flags, addr, alen);
	/* extra: the length of the source address the kernel returned (0: none,
	 * as for end of file), so that no address change is planned for it. */
	ret = hook_end(&h, ret, 0, ret >= 0 && addr.__sockaddr__ && alen ? (long)*alen : 0);
	return recv_change(&h, fd, ret, buf, len, addr.__sockaddr__, alen);
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
	struct hook h;

	if (!hook_begin(&h, "recvmsg", fd))
		return REAL(recvmsg)(fd, msg, flags);
	long ret = REAL(recvmsg)(fd, msg, flags);
	/* extra: the msg_flags the kernel answered (MSG_ERRQUEUE, MSG_TRUNC). */
	ret = hook_end(&h, ret, 0, ret >= 0 ? msg->msg_flags : 0);
	if (h.kind == K_DELIVER && ret < 0)
		msg->msg_controllen = 0;
	if (h.kind == K_FLAGS && ret >= 0)
		msg->msg_flags ^= MSG_TRUNC;
	if ((h.kind == K_ADDR_HOST || h.kind == K_ADDR_PORT) && ret >= 0)
		offender_change(msg, h.kind);
	void *buf = msg->msg_iovlen ? msg->msg_iov[0].iov_base : NULL;
	size_t len = msg->msg_iovlen ? msg->msg_iov[0].iov_len : 0;
	return recv_change(&h, fd, ret, buf, len, msg->msg_name,
			   msg->msg_name ? &msg->msg_namelen : NULL);
}

/* Catalogue II: receive/errors.  The receives that take no address. */
ssize_t read(int fd, void *buf, size_t len)
{
	struct hook h;

	if (!hook_begin(&h, "read", fd))
		return REAL(read)(fd, buf, len);
	long ret = hook_end(&h, REAL(read)(fd, buf, len), 0, 0);
	return recv_change(&h, fd, ret, buf, len, NULL, NULL);
}

ssize_t recv(int fd, void *buf, size_t len, int flags)
{
	struct hook h;

	if (!hook_begin(&h, "recv", fd))
		return REAL(recv)(fd, buf, len, flags);
	long ret = hook_end(&h, REAL(recv)(fd, buf, len, flags), 0, 0);
	return recv_change(&h, fd, ret, buf, len, NULL, NULL);
}

ssize_t readv(int fd, const struct iovec *iov, int n)
{
	struct hook h;

	if (!hook_begin(&h, "readv", fd))
		return REAL(readv)(fd, iov, n);
	long ret = hook_end(&h, REAL(readv)(fd, iov, n), 0, 0);
	return recv_change(&h, fd, ret, n ? iov[0].iov_base : NULL, n ? iov[0].iov_len : 0, NULL, NULL);
}

/* The changes apply to the first message; drop drops them all. */
int recvmmsg(int fd, struct mmsghdr *msgs, unsigned int vlen, int flags, struct timespec *tmo)
{
	struct hook h;

	if (!hook_begin(&h, "recvmmsg", fd))
		return REAL(recvmmsg)(fd, msgs, vlen, flags, tmo);
	int ret = REAL(recvmmsg)(fd, msgs, vlen, flags, tmo);
	ret = (int)hook_end(&h, ret, 1, ret > 0 ? msgs[0].msg_hdr.msg_flags : 0);
	if (vlen == 0)
		return ret;
	struct msghdr *m = &msgs[0].msg_hdr;
	void *buf = m->msg_iovlen ? m->msg_iov[0].iov_base : NULL;
	size_t len = m->msg_iovlen ? m->msg_iov[0].iov_len : 0;
	long first = recv_change(&h, fd, ret > 0 ? (long)msgs[0].msg_len : ret, buf, len, m->msg_name,
				 m->msg_name ? &m->msg_namelen : NULL);
	if (h.kind == K_DROP && ret > 0)
		return -1;
	if (h.kind == K_DELIVER && ret < 0 && first >= 0) {
		msgs[0].msg_len = (unsigned)first;
		return 1;
	}
	if (h.kind == K_FLAGS && ret > 0)
		m->msg_flags ^= MSG_TRUNC;
	return ret;
}

int ioctl(int fd, unsigned long request, ...)
{
	struct hook h;
	va_list ap;

	va_start(ap, request);
	void *arg = va_arg(ap, void *);
	va_end(ap);
	if (request != FIONREAD || !hook_begin(&h, "ioctl", fd))
		return REAL(ioctl)(fd, request, arg);
	int ret = REAL(ioctl)(fd, request, arg);
	ret = (int)hook_end(&h, ret, 0, ret == 0 ? *(int *)arg : 0);
	if (h.kind == K_VALUE && ret == 0)
		*(int *)arg = mutation.arg;
	return ret;
}

/* ---- the rest --------------------------------------------------------------------- */

int socket(int domain, int type, int protocol)
{
	struct hook h;

	if ((domain != AF_INET && domain != AF_INET6) ||
	    (type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)) != SOCK_DGRAM)
		return REAL(socket)(domain, type, protocol);
	hook_count(&h, "socket");
	int fd = REAL(socket)(domain, type, protocol);
	/* An injected error must not leave the kernel's socket behind. */
	if (h.kind == K_ERRNO && fd >= 0)
		REAL(close)(fd);
	return (int)hook_end(&h, fd, 0, protocol);
}

int bind(int fd, __CONST_SOCKADDR_ARG a, socklen_t len)
{
	struct hook h;

	if (!hook_begin(&h, "bind", fd))
		return REAL(bind)(fd, a, len);
	return (int)hook_end(&h, REAL(bind)(fd, a, len), 0, 0);
}

int connect(int fd, __CONST_SOCKADDR_ARG a, socklen_t len)
{
	struct hook h;

	if (!hook_begin(&h, "connect", fd))
		return REAL(connect)(fd, a, len);
	return (int)hook_end(&h, REAL(connect)(fd, a, len), 0, 0);
}

static int name_hooked(const char *call, __typeof__(getsockname) *get, int fd, __SOCKADDR_ARG a,
		       socklen_t *len)
{
	struct hook h;

	if (!hook_begin(&h, call, fd))
		return get(fd, a, len);
	int ret = (int)hook_end(&h, get(fd, a, len), 0, 0);
	if ((h.kind == K_ADDR_HOST || h.kind == K_ADDR_PORT) && ret == 0)
		addr_change(a.__sockaddr__, *len, h.kind);
	if (h.kind == K_ADDR_LEN && ret == 0 && *len)
		*len += 4;
	return ret;
}

int getsockname(int fd, __SOCKADDR_ARG a, socklen_t *len)
{
	return name_hooked("getsockname", REAL(getsockname), fd, a, len);
}

int getpeername(int fd, __SOCKADDR_ARG a, socklen_t *len)
{
	return name_hooked("getpeername", REAL(getpeername), fd, a, len);
}

int getsockopt(int fd, int level, int name, void *val, socklen_t *len)
{
	struct hook h;

	if (!hook_begin(&h, "getsockopt", fd))
		return REAL(getsockopt)(fd, level, name, val, len);
	socklen_t room = *len;
	int ret = REAL(getsockopt)(fd, level, name, val, len);
	int got = ret == 0 && *len >= sizeof(int) ? *(int *)val : 0;
	ret = (int)hook_end(&h, ret, 0, got);
	/* A shorter answer (an empty SO_BINDTODEVICE name) becomes an int too. */
	if (h.kind == K_VALUE && ret == 0 && room >= sizeof(int)) {
		memcpy(val, &mutation.arg, sizeof(int));
		*len = sizeof(int);
	}
	return ret;
}

int shutdown(int fd, int how)
{
	struct hook h;

	if (!hook_begin(&h, "shutdown", fd))
		return REAL(shutdown)(fd, how);
	return (int)hook_end(&h, REAL(shutdown)(fd, how), 0, 0);
}

int setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
	struct hook h;

	if (!hook_begin(&h, "setsockopt", fd))
		return REAL(setsockopt)(fd, level, name, val, len);
	return (int)hook_end(&h, REAL(setsockopt)(fd, level, name, val, len), 0, 0);
}

/* Only a poll of one datagram socket, the form rules use.  glibc declares
 * poll()'s array write-only (access attribute); it is read-write, and the
 * compiler must not take reading it for reading uninitialized memory. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
int poll(struct pollfd *fds, nfds_t n, int timeout)
{
	struct hook h;

	if (n != 1 || !hook_begin(&h, "poll", fds[0].fd))
		return REAL(poll)(fds, n, timeout);
	int ret = REAL(poll)(fds, n, timeout);
	ret = (int)hook_end(&h, ret, 1, ret > 0 ? fds[0].revents : 0);
	if (h.kind == K_REVENTS && ret >= 0) {
		fds[0].revents = (short)mutation.arg;
		ret = mutation.arg ? 1 : 0;
	}
	return ret;
}
#pragma GCC diagnostic pop
