/* The transcript: every call a rule makes, in strace/packetdrill shape,
 * sockets named by role, errno by name, kernel-chosen ports masked, so that
 * transcripts from two kernels diff line by line. */
#define _GNU_SOURCE
#include "internal.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>

const char *trace_errno(int err)
{
	const char *name = strerrorname_np(err);

	return name ? name : "E?";
}

const char *trace_result(const struct call *c, char *buf, size_t n)
{
	if (c->ret == -1)
		snprintf(buf, n, "-1 %s (%s)", trace_errno(c->err), strerrordesc_np(c->err));
	else
		snprintf(buf, n, "%ld", c->ret);
	return buf;
}

void trace_payload(const char *data, size_t len, char *buf, size_t n)
{
	size_t o = 0;

	buf[o++] = '"';
	for (size_t i = 0; i < len && o + 6 < n; i++) {
		unsigned char ch = (unsigned char)data[i];
		if (ch == '"' || ch == '\\')
			o += (size_t)snprintf(buf + o, n - o, "\\%c", ch);
		else if (ch >= 0x20 && ch < 0x7f)
			buf[o++] = (char)ch;
		else
			o += (size_t)snprintf(buf + o, n - o, "\\x%02x", ch);
	}
	buf[o++] = '"';
	buf[o] = '\0';
}

const char *trace_revents(short ev, char *buf, size_t n)
{
	static const struct {
		short bit;
		const char *name;
	} names[] = {
		{ POLLIN, "POLLIN" },         { POLLPRI, "POLLPRI" },       { POLLOUT, "POLLOUT" },
		{ POLLERR, "POLLERR" },       { POLLHUP, "POLLHUP" },       { POLLNVAL, "POLLNVAL" },
		{ POLLRDNORM, "POLLRDNORM" }, { POLLWRNORM, "POLLWRNORM" }, { POLLRDHUP, "POLLRDHUP" },
	};
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (ev & names[i].bit)
			used += (size_t)snprintf(buf + used, n - used, "%s%s", used ? "|" : "",
						 names[i].name);
	if (!used)
		snprintf(buf, n, "0");
	return buf;
}

void trace_answer(struct call *c, long ret)
{
	c->ret = ret;
	c->err = ret == -1 ? errno : 0;
}

void trace_begin(struct probe *p, struct call *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->line, sizeof(c->line), fmt, ap);
	va_end(ap);
	chan_send(p, 'B', "%s", c->line);
}

void trace_end(struct probe *p, struct call *c, const char *fmt, ...)
{
	char result[160];
	size_t used;

	if (fmt) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(c->line, sizeof(c->line), fmt, ap);
		va_end(ap);
	}
	used = strlen(c->line);
	c->text_len = used;
	snprintf(c->line + used, sizeof(c->line) - used, " = %s",
		 trace_result(c, result, sizeof(result)));
	chan_send(p, 'T', "%s", c->line);
}
