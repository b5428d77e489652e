// SPDX-License-Identifier: GPL-2.0-only
/* The send calls.  Every form goes through send_call(): one system call
 * chosen by the form, its data (struct send_data) and its destination
 * (struct send_dest) each built once and shown as the transcript writes
 * them. */
#define _GNU_SOURCE
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

enum send_form { FORM_SEND, FORM_WRITE, FORM_WRITEV, FORM_SENDTO, FORM_SENDMSG };

#define SEND_IOV_MAX 8

/* What a send carries: its iovecs, the first buffer as the transcript shows
 * it ("ping", or "xxxx"... for a sized one) and the iovec list
 * ({"he", 2}, {"llo", 3}). */
struct send_data {
	struct iovec iov[SEND_IOV_MAX];
	size_t n, total;
	char shown[CALL_DATA_MAX];
	char list[CALL_LINE_MAX];
};

/* Where a send goes: the address (NULL for none), the length declared for
 * it, and the transcript's text for both ("198.18.0.2:7000", "NULL, 0"). */
struct send_dest {
	const struct addr *to;
	socklen_t len;
	char text[160];
};

/* One buffer; with data NULL, size bytes of 'x' the caller frees. */
static struct send_data send_data_one(struct probe *p, const char *data, size_t size)
{
	struct send_data d = { .n = 1, .total = size };
	char *buf = (char *)data;

	if (!data) {
		buf = malloc(size ? size : 1);
		if (!buf)
			probe_error(p, "no memory for a %zu-byte datagram", size);
		memset(buf, 'x', size);
		snprintf(d.shown, sizeof(d.shown), "\"xxxx\"...");
	} else {
		trace_payload(data, size, d.shown, sizeof(d.shown));
	}
	d.iov[0] = (struct iovec){ .iov_base = buf, .iov_len = size };
	/* The transcript line truncates a list that is longer than it anyway. */
	if (snprintf(d.list, sizeof(d.list), "{%s, %zu}", d.shown, size) < 0)
		d.list[0] = '\0';
	return d;
}

static struct send_data send_data_payload(struct probe *p, const char *payload)
{
	return send_data_one(p, payload, strlen(payload));
}

/* One iovec per part of a NULL-terminated list. */
static struct send_data send_data_parts(struct probe *p, const char *const *parts)
{
	struct send_data d = { .n = 0 };
	size_t used = 0;

	for (; parts[d.n]; d.n++) {
		char pl[CALL_DATA_MAX];
		size_t len = strlen(parts[d.n]);
		if (d.n == SEND_IOV_MAX)
			probe_error(p, "rule sends more than %d iovecs", SEND_IOV_MAX);
		d.iov[d.n] = (struct iovec){ .iov_base = (void *)parts[d.n], .iov_len = len };
		d.total += len;
		trace_payload(parts[d.n], len, pl, sizeof(pl));
		used += (size_t)snprintf(d.list + used, sizeof(d.list) - used, "%s{%s, %zu}",
					 d.n ? ", " : "", pl, len);
		if (used >= sizeof(d.list))
			probe_error(p, "rule's iovecs are too long to trace");
	}
	return d;
}

/* to with its own length; the text is the address. */
static struct send_dest send_dest_addr(const struct addr *to)
{
	struct send_dest d = { .to = to, .len = to->len };

	addr_str(to, d.text, sizeof(d.text));
	return d;
}

static long send_syscall(int fd, enum send_form form, const struct send_data *d, int flags,
			 const struct send_dest *dest)
{
	/* Room for any namelen the rule names: the kernel reads at most
	 * sizeof(struct sockaddr_storage) of it. */
	struct sockaddr_storage name[2] = { { 0 } };
	struct msghdr msg = { .msg_iov = (struct iovec *)d->iov, .msg_iovlen = d->n };
	const struct sockaddr *sa = dest->to ? (const struct sockaddr *)&dest->to->ss : NULL;

	switch (form) {
	case FORM_SEND:
		return send(fd, d->iov[0].iov_base, d->total, flags);
	case FORM_WRITE:
		return write(fd, d->iov[0].iov_base, d->total);
	case FORM_WRITEV:
		return writev(fd, d->iov, (int)d->n);
	case FORM_SENDTO:
		return sendto(fd, d->iov[0].iov_base, d->total, flags, sa, dest->len);
	case FORM_SENDMSG:
		if (dest->to) {
			name[0] = dest->to->ss;
			msg.msg_name = name;
			msg.msg_namelen = dest->len;
		}
		return sendmsg(fd, &msg, flags);
	}
	return -1;
}

static struct call send_call(struct probe *p, struct sock *s, enum send_form form,
			     const struct send_data *d, int flags, const char *flags_str,
			     const struct send_dest *dest)
{
	struct call c = { .ok = (long)d->total };
	const char *r = sock_role(s);
	const struct send_dest none = { .to = NULL, .len = 0, .text = "NULL" };

	if (!dest)
		dest = &none;

	switch (form) {
	case FORM_SEND:
		trace_begin(p, &c, "send(%s, %s, %zu, %s)", r, d->shown, d->total, flags_str);
		break;
	case FORM_WRITE:
		trace_begin(p, &c, "write(%s, %s, %zu)", r, d->shown, d->total);
		break;
	case FORM_WRITEV:
		trace_begin(p, &c, "writev(%s, [%s], %zu)", r, d->list, d->n);
		break;
	case FORM_SENDTO:
		trace_begin(p, &c, "sendto(%s, %s, %zu, %s, %s)", r, d->shown, d->total, flags_str,
			    dest->text);
		break;
	case FORM_SENDMSG:
		trace_begin(p, &c, "sendmsg(%s, {msg_name=%s, msg_iov=[%s]}, %s)", r, dest->text,
			    d->list, flags_str);
		break;
	}
	trace_answer(&c, send_syscall(sock_fd(s), form, d, flags, dest));
	trace_end(p, &c, NULL);
	return c;
}

/* A payload, flags 0. */
static struct call send_plain(struct probe *p, struct sock *s, enum send_form form, const char *payload,
			      const struct send_dest *dest)
{
	struct send_data d = send_data_payload(p, payload);

	return send_call(p, s, form, &d, 0, "0", dest);
}

static struct call send_sized(struct probe *p, struct sock *s, enum send_form form, size_t size,
			      const struct send_dest *dest)
{
	struct send_data d = send_data_one(p, NULL, size);
	struct call c = send_call(p, s, form, &d, 0, "0", dest);

	free(d.iov[0].iov_base);
	return c;
}

struct call sock_send(struct probe *p, struct sock *s, const char *payload)
{
	return send_plain(p, s, FORM_SEND, payload, NULL);
}

struct call sock_send_flags(struct probe *p, struct sock *s, const char *payload, int flags,
			    const char *flags_str)
{
	struct send_data d = send_data_payload(p, payload);
	return send_call(p, s, FORM_SEND, &d, flags, flags_str, NULL);
}

struct call sock_send_write(struct probe *p, struct sock *s, const char *payload)
{
	return send_plain(p, s, FORM_WRITE, payload, NULL);
}

struct call sock_send_writev(struct probe *p, struct sock *s, const char *const *parts)
{
	struct send_data d = send_data_parts(p, parts);
	return send_call(p, s, FORM_WRITEV, &d, 0, "0", NULL);
}

struct call sock_sendto(struct probe *p, struct sock *s, const char *payload, struct addr to)
{
	struct send_dest dest = send_dest_addr(&to);

	return send_plain(p, s, FORM_SENDTO, payload, &dest);
}

struct call sock_sendto_null(struct probe *p, struct sock *s, const char *payload)
{
	struct send_dest dest = { .to = NULL, .len = 0, .text = "NULL, 0" };

	return send_plain(p, s, FORM_SENDTO, payload, &dest);
}

struct call sock_sendto_null_len(struct probe *p, struct sock *s, const char *payload, socklen_t tolen)
{
	struct send_dest dest = { .to = NULL, .len = tolen };

	snprintf(dest.text, sizeof(dest.text), "NULL, %u", (unsigned)tolen);
	return send_plain(p, s, FORM_SENDTO, payload, &dest);
}

/* An address that may carry AF_UNSPEC over real content shows what the
 * kernel was handed: "{AF_UNSPEC, 198.18.0.3:7002}". */
struct call sock_sendto_len(struct probe *p, struct sock *s, const char *payload, struct addr to,
			    socklen_t tolen)
{
	struct send_dest dest = { .to = &to, .len = tolen };
	struct addr shown = to;
	char as[80];

	if (to.ss.ss_family != AF_UNSPEC || to.len < sizeof(struct sockaddr_in)) {
		snprintf(dest.text, sizeof(dest.text), "%s, %u", addr_str(&to, as, sizeof(as)),
			 (unsigned)tolen);
	} else {
		shown.ss.ss_family = to.len == sizeof(struct sockaddr_in6) ? AF_INET6 : AF_INET;
		snprintf(dest.text, sizeof(dest.text), "{AF_UNSPEC, %s}, %u",
			 addr_str(&shown, as, sizeof(as)), (unsigned)tolen);
	}
	return send_plain(p, s, FORM_SENDTO, payload, &dest);
}

struct call sock_sendto_flags(struct probe *p, struct sock *s, const char *payload, int flags,
			      const char *flags_str, struct addr to)
{
	struct send_data d = send_data_payload(p, payload);
	struct send_dest dest = send_dest_addr(&to);

	return send_call(p, s, FORM_SENDTO, &d, flags, flags_str, &dest);
}

struct call sock_sendmsg_flags(struct probe *p, struct sock *s, const char *payload, int flags,
			       const char *flags_str, struct addr to)
{
	struct send_data d = send_data_payload(p, payload);
	struct send_dest dest = send_dest_addr(&to);

	return send_call(p, s, FORM_SENDMSG, &d, flags, flags_str, &dest);
}

struct call sock_sendmsg_noname(struct probe *p, struct sock *s, const char *payload)
{
	return send_plain(p, s, FORM_SENDMSG, payload, NULL);
}

struct call sock_sendmsg_iov(struct probe *p, struct sock *s, const char *const *parts)
{
	struct send_data d = send_data_parts(p, parts);
	return send_call(p, s, FORM_SENDMSG, &d, 0, "0", NULL);
}

struct call sock_sendmsg_namelen(struct probe *p, struct sock *s, const char *payload, struct addr to,
				 socklen_t namelen)
{
	struct send_dest dest = { .to = &to, .len = namelen };
	char as[80];

	snprintf(dest.text, sizeof(dest.text), "%s, msg_namelen=%d", addr_str(&to, as, sizeof(as)),
		 (int)namelen);
	return send_plain(p, s, FORM_SENDMSG, payload, &dest);
}

struct call sock_send_size(struct probe *p, struct sock *s, size_t size)
{
	return send_sized(p, s, FORM_SEND, size, NULL);
}

struct call sock_sendto_size(struct probe *p, struct sock *s, size_t size, struct addr to)
{
	struct send_dest dest = send_dest_addr(&to);

	return send_sized(p, s, FORM_SENDTO, size, &dest);
}

struct call sock_sendmsg_size(struct probe *p, struct sock *s, size_t size, struct addr to)
{
	struct send_dest dest = send_dest_addr(&to);

	return send_sized(p, s, FORM_SENDMSG, size, &dest);
}

struct call sock_sendmmsg_noname(struct probe *p, struct sock *s, const char *const *payloads)
{
	struct send_data d = send_data_parts(p, payloads);
	struct mmsghdr msgs[SEND_IOV_MAX];
	struct call c = { .ok = (long)d.n };

	for (size_t i = 0; i < d.n; i++)
		msgs[i] = (struct mmsghdr){ .msg_hdr = { .msg_iov = &d.iov[i], .msg_iovlen = 1 } };
	trace_begin(p, &c, "sendmmsg(%s, [%s], %zu, 0)", sock_role(s), d.list, d.n);
	trace_answer(&c, sendmmsg(sock_fd(s), msgs, (unsigned)d.n, 0));
	trace_end(p, &c, NULL);
	return c;
}
