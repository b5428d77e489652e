// SPDX-License-Identifier: GPL-2.0-only
/* The receive calls.  Every form but recvmmsg() goes through recv_call():
 * the form (struct recv_how) says which system call, with which flags and
 * buffer, and how the transcript shows it; the waiting, the answer and the
 * payload are written once. */
#define _GNU_SOURCE
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

enum recv_form { RECV_FROM, RECV_MSG, RECV_READ, RECV_RECV, RECV_READV };

struct recv_how {
	enum recv_form form;
	int flags;              /* the flags the call is given */
	const char *flags_text; /* and how the transcript shows them */
	bool wait;              /* poll() for readability first */
	size_t room;            /* RECV_MSG: the buffer; RECV_READV: the first iovec */
	bool addrlen_shown;     /* RECV_FROM: room for the source chosen by the rule */
	socklen_t addrlen;      /* and how much */
	bool head_only;         /* show the first byte only: the datagram is longer */
	bool zero_is_eof;       /* a blocking read: 0 is end of file, no source */
};

/* Waits for the socket to become readable or report an error, at most
 * WAIT_MS: a datagram or error that is coming is there long before. */
static void recv_wait(struct sock *s)
{
	struct pollfd pfd = { .fd = sock_fd(s), .events = POLLIN };

	while (poll(&pfd, 1, WAIT_MS) < 0 && errno == EINTR)
		;
}

/* The descriptor O_NONBLOCK for one call that takes no flags. */
static void recv_nonblock(struct probe *p, struct sock *s, bool on)
{
	int fl = fcntl(sock_fd(s), F_GETFL);

	if (fl < 0 || fcntl(sock_fd(s), F_SETFL, on ? fl | O_NONBLOCK : fl & ~O_NONBLOCK) < 0)
		probe_error(p, "fcntl(%s, F_SETFL, O_NONBLOCK): %s", sock_role(s), strerror(errno));
}

static void recv_begin(struct probe *p, struct sock *s, const struct recv_how *h, struct call *c)
{
	const char *r = sock_role(s);

	switch (h->form) {
	case RECV_FROM:
		if (h->addrlen_shown)
			trace_begin(p, c, "recvfrom(%s, ..., %d, %s, ..., [%u])", r, CALL_DATA_MAX,
				    h->flags_text, (unsigned)h->addrlen);
		else
			trace_begin(p, c, "recvfrom(%s, ..., %d, %s)", r, CALL_DATA_MAX, h->flags_text);
		break;
	case RECV_MSG:
		trace_begin(p, c, "recvmsg(%s, {msg_iov=[{..., %zu}]}, %s)", r, h->room, h->flags_text);
		break;
	case RECV_READ:
		trace_begin(p, c, "read(%s, ..., %d)", r, CALL_DATA_MAX);
		break;
	case RECV_RECV:
		trace_begin(p, c, "recv(%s, ..., %d, 0)", r, CALL_DATA_MAX);
		break;
	case RECV_READV:
		trace_begin(p, c, "readv(%s, [{..., %zu}, {..., %zu}], 2)", r, h->room,
			    CALL_DATA_MAX - h->room);
		break;
	}
}

/* The call itself; msg holds the buffer (one iovec, two for readv) and,
 * for recvmsg(), the room for the source. */
static long recv_syscall(int fd, const struct recv_how *h, struct call *c, struct msghdr *msg)
{
	switch (h->form) {
	case RECV_FROM:
		return recvfrom(fd, c->data, sizeof(c->data), h->flags, (struct sockaddr *)&c->addr.ss,
				&c->addr.len);
	case RECV_MSG:
		return recvmsg(fd, msg, h->flags);
	case RECV_READ:
		return read(fd, c->data, sizeof(c->data));
	case RECV_RECV:
		return recv(fd, c->data, sizeof(c->data), 0);
	case RECV_READV:
		return readv(fd, msg->msg_iov, (int)msg->msg_iovlen);
	}
	return -1;
}

static void recv_end(struct probe *p, struct sock *s, const struct recv_how *h, struct call *c)
{
	const char *r = sock_role(s);
	char pl[CALL_DATA_MAX + 8], p1[CALL_DATA_MAX + 8], as[80], fs[96];
	size_t in_first = c->len < h->room ? c->len : h->room;

	if (h->head_only)
		snprintf(pl, sizeof(pl), "\"%c\"...", c->len ? c->data[0] : ' ');
	else
		trace_payload(c->data, h->form == RECV_READV ? in_first : c->len, pl, sizeof(pl));
	addr_str(&c->addr, as, sizeof(as));
	switch (h->form) {
	case RECV_FROM:
		if (h->addrlen_shown)
			trace_end(p, c, "recvfrom(%s, %s, %d, %s, %s, [%u->%u])", r, pl, CALL_DATA_MAX,
				  h->flags_text, as, (unsigned)h->addrlen, (unsigned)c->addr.len);
		else
			trace_end(p, c, "recvfrom(%s, %s, %d, %s, %s)", r, pl, CALL_DATA_MAX,
				  h->flags_text, as);
		break;
	case RECV_MSG:
		trace_end(p, c,
			  "recvmsg(%s, {msg_name=%s, msg_namelen=%u, msg_iov=[{%s, %zu}], "
			  "msg_flags=%s}, %s)",
			  r, as, (unsigned)c->addr.len, pl, h->room,
			  trace_msg_flags(c->value, fs, sizeof(fs)), h->flags_text);
		break;
	case RECV_READ:
		trace_end(p, c, "read(%s, %s, %d)", r, pl, CALL_DATA_MAX);
		break;
	case RECV_RECV:
		trace_end(p, c, "recv(%s, %s, %d, 0)", r, pl, CALL_DATA_MAX);
		break;
	case RECV_READV:
		trace_payload(c->data + in_first, c->len - in_first, p1, sizeof(p1));
		trace_end(p, c, "readv(%s, [{%s, %zu}, {%s, %zu}], 2)", r, pl, h->room, p1,
			  CALL_DATA_MAX - h->room);
		break;
	}
}

static struct call recv_call(struct probe *p, struct sock *s, const struct recv_how *h)
{
	struct call c = { .ok = 0 };
	struct iovec iov[2] = {
		{ .iov_base = c.data, .iov_len = h->room },
		{ .iov_base = c.data + h->room, .iov_len = sizeof(c.data) - h->room },
	};
	struct msghdr msg = { .msg_iov = iov, .msg_iovlen = h->form == RECV_READV ? 2 : 1 };
	bool nonblock = h->form == RECV_READ || h->form == RECV_RECV || h->form == RECV_READV;
	/* With MSG_TRUNC the kernel answers more than the buffer holds. */
	size_t room = h->form == RECV_MSG ? h->room : sizeof(c.data);

	if (h->form == RECV_MSG)
		msg = (struct msghdr){ .msg_name = &c.addr.ss,
				       .msg_namelen = sizeof(c.addr.ss),
				       .msg_iov = iov,
				       .msg_iovlen = 1 };
	if (h->form == RECV_FROM)
		c.addr.len = h->addrlen_shown && h->addrlen < sizeof(c.addr.ss) ? h->addrlen
										: sizeof(c.addr.ss);
	recv_begin(p, s, h, &c);
	if (h->wait)
		recv_wait(s);
	if (nonblock)
		recv_nonblock(p, s, true);
	trace_answer(&c, recv_syscall(sock_fd(s), h, &c, &msg));
	if (nonblock)
		recv_nonblock(p, s, false);
	if (c.ret < 0 || (c.ret == 0 && h->zero_is_eof)) {
		if (h->zero_is_eof)
			c.addr = (struct addr){ 0 };
		trace_end(p, &c, NULL);
		return c;
	}
	c.ok = c.ret;
	c.len = (size_t)c.ret < room ? (size_t)c.ret : room;
	if (h->form == RECV_MSG) {
		c.addr.len = msg.msg_namelen;
		c.value = msg.msg_flags;
	}
	recv_end(p, s, h, &c);
	return c;
}

struct call sock_recv(struct probe *p, struct sock *s)
{
	const struct recv_how h = { RECV_FROM, MSG_DONTWAIT, "MSG_DONTWAIT", .wait = true };

	return recv_call(p, s, &h);
}

struct call sock_recv_nowait(struct probe *p, struct sock *s)
{
	const struct recv_how h = { RECV_FROM, MSG_DONTWAIT, "MSG_DONTWAIT", .wait = false };

	return recv_call(p, s, &h);
}

struct call sock_recv_peek(struct probe *p, struct sock *s)
{
	const struct recv_how h = { RECV_FROM, MSG_PEEK | MSG_DONTWAIT, "MSG_PEEK|MSG_DONTWAIT",
				    .wait = true };

	return recv_call(p, s, &h);
}

/* UDP answers the datagram's whole length, however little of it fits
 * (udp(7) MSG_TRUNC). */
struct call sock_recv_length(struct probe *p, struct sock *s)
{
	const struct recv_how h = { RECV_FROM, MSG_TRUNC | MSG_DONTWAIT, "MSG_TRUNC|MSG_DONTWAIT",
				    .wait = true, .head_only = true };

	return recv_call(p, s, &h);
}

struct call sock_recvfrom_addrlen(struct probe *p, struct sock *s, socklen_t addrlen)
{
	const struct recv_how h = { RECV_FROM,    MSG_DONTWAIT,          "MSG_DONTWAIT",
				    .wait = true, .addrlen_shown = true, .addrlen = addrlen };

	return recv_call(p, s, &h);
}

struct call sock_recv_blocking(struct probe *p, struct sock *s)
{
	const struct recv_how h = { RECV_FROM, 0, "0", .wait = false, .zero_is_eof = true };

	must(p, sockopt_rcvtimeo_wait(p, s));
	return recv_call(p, s, &h);
}

struct call sock_recvmsg_flags(struct probe *p, struct sock *s, size_t buflen, int flags,
			       const char *flags_str)
{
	char ft[96];
	struct recv_how h = { RECV_MSG, flags | MSG_DONTWAIT, ft, .wait = true,
			      .room = buflen < CALL_DATA_MAX ? buflen : CALL_DATA_MAX };

	snprintf(ft, sizeof(ft), "%s|MSG_DONTWAIT", flags_str);
	return recv_call(p, s, &h);
}

struct call sock_recv_read(struct probe *p, struct sock *s)
{
	const struct recv_how h = { RECV_READ, 0, "", .wait = true };

	return recv_call(p, s, &h);
}

struct call sock_recv_noname(struct probe *p, struct sock *s)
{
	const struct recv_how h = { RECV_RECV, 0, "0", .wait = true };

	return recv_call(p, s, &h);
}

struct call sock_recv_readv(struct probe *p, struct sock *s, size_t first_len)
{
	const struct recv_how h = { RECV_READV, 0, "", .wait = true,
				    .room = first_len < CALL_DATA_MAX ? first_len : CALL_DATA_MAX };

	return recv_call(p, s, &h);
}

/* The i-th message recvmmsg() filled, as a receive call; its transcript
 * text appended to text. */
static size_t recvmmsg_one(struct call *m, const struct mmsghdr *mm, char *text, size_t n, bool first)
{
	char pl[CALL_DATA_MAX + 8], as[80], fs[96];

	m->ret = m->ok = mm->msg_len;
	m->len = mm->msg_len;
	m->addr.len = mm->msg_hdr.msg_namelen;
	m->value = mm->msg_hdr.msg_flags;
	trace_payload(m->data, m->len, pl, sizeof(pl));
	return (size_t)snprintf(text, n, "%s{msg_name=%s, msg_iov=[%s], msg_flags=%s, msg_len=%u}",
				first ? "" : ", ", addr_str(&m->addr, as, sizeof(as)), pl,
				trace_msg_flags(m->value, fs, sizeof(fs)), mm->msg_len);
}

struct call sock_recvmmsg(struct probe *p, struct sock *s, unsigned vlen,
			  struct call msgs[RECVMMSG_MAX])
{
	struct call c = { .ok = 0 };
	struct mmsghdr mm[RECVMMSG_MAX];
	struct iovec iov[RECVMMSG_MAX];
	char text[CALL_LINE_MAX] = "";
	size_t used = 0;

	if (vlen > RECVMMSG_MAX)
		probe_error(p, "sock_recvmmsg: at most %d messages", RECVMMSG_MAX);
	memset(mm, 0, sizeof(mm));
	for (unsigned i = 0; i < vlen; i++) {
		msgs[i] = (struct call){ .ok = 0 };
		iov[i] = (struct iovec){ .iov_base = msgs[i].data, .iov_len = sizeof(msgs[i].data) };
		mm[i].msg_hdr = (struct msghdr){ .msg_name = &msgs[i].addr.ss,
						 .msg_namelen = sizeof(msgs[i].addr.ss),
						 .msg_iov = &iov[i],
						 .msg_iovlen = 1 };
	}
	trace_begin(p, &c, "recvmmsg(%s, ..., %u, MSG_DONTWAIT, NULL)", sock_role(s), vlen);
	recv_wait(s);
	trace_answer(&c, recvmmsg(sock_fd(s), mm, vlen, MSG_DONTWAIT, NULL));
	if (c.ret < 0) {
		trace_end(p, &c, NULL);
		return c;
	}
	c.ok = c.ret;
	for (long i = 0; i < c.ret; i++) {
		used += recvmmsg_one(&msgs[i], &mm[i], text + used, sizeof(text) - used, i == 0);
		if (used >= sizeof(text))
			used = sizeof(text) - 1;
	}
	trace_end(p, &c, "recvmmsg(%s, [%s], %u, MSG_DONTWAIT, NULL)", sock_role(s), text, vlen);
	/* Each message names the call it came from, for expect_*(). */
	for (long i = 0; i < c.ret; i++) {
		snprintf(msgs[i].line, sizeof(msgs[i].line), "%s", c.line);
		msgs[i].text_len = c.text_len;
	}
	return c;
}
