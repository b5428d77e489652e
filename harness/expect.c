// SPDX-License-Identifier: GPL-2.0-only
/* Expectations record PASS or FAIL and let the rule go on; must() turns
 * anything but success into ERROR, because a setup step that fails means
 * the rule was never asked. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

/* The call as the expectation names it: its text without the result. */
static const char *call_text(const struct call *c, char *buf, size_t n)
{
	snprintf(buf, n, "%.*s", (int)(c->text_len ? c->text_len : strlen(c->line)), c->line);
	return buf;
}

void expect_record(struct probe *p, bool ok, const char *what, const char *expected,
		   const char *observed)
{
	p->checks++;
	chan_send(p, 'C', "%d\t%s\t%s\t%s", ok ? 1 : 0, what, expected, observed);
}

static bool call_ok(const struct call *c)
{
	return c->ret != -1 && c->ret == c->ok;
}

void expect_ok(struct probe *p, struct call c)
{
	char want[32], got[160], text[CALL_LINE_MAX];

	snprintf(want, sizeof(want), "%ld", c.ok);
	expect_record(p, call_ok(&c), call_text(&c, text, sizeof(text)), want,
		      trace_result(&c, got, sizeof(got)));
}

void expect_errno(struct probe *p, struct call c, int err)
{
	char want[160], got[160], text[CALL_LINE_MAX];
	struct call w = { .ret = -1, .err = err };

	expect_record(p, c.ret == -1 && c.err == err, call_text(&c, text, sizeof(text)),
		      trace_result(&w, want, sizeof(want)), trace_result(&c, got, sizeof(got)));
}

void expect_datagram(struct probe *p, struct call c, const char *payload, struct addr from)
{
	char want[CALL_DATA_MAX + 128], got[CALL_DATA_MAX + 128], pl[CALL_DATA_MAX], as[80];
	char text[CALL_LINE_MAX];
	size_t len = strlen(payload);

	trace_payload(payload, len, pl, sizeof(pl));
	snprintf(want, sizeof(want), "%s from %s", pl, addr_str(&from, as, sizeof(as)));
	if (c.ret < 0) {
		expect_record(p, false, call_text(&c, text, sizeof(text)), want,
			      trace_result(&c, got, sizeof(got)));
		return;
	}
	trace_payload(c.data, c.len, pl, sizeof(pl));
	snprintf(got, sizeof(got), "%s from %s", pl, addr_str(&c.addr, as, sizeof(as)));
	expect_record(p,
		      c.len == len && memcmp(c.data, payload, len) == 0 && addr_equal(&from, &c.addr),
		      call_text(&c, text, sizeof(text)), want, got);
}

void expect_addr(struct probe *p, struct call c, struct addr want)
{
	char ws[80], gs[160], text[CALL_LINE_MAX];

	addr_str(&want, ws, sizeof(ws));
	if (c.ret != 0) {
		trace_result(&c, gs, sizeof(gs));
	} else {
		addr_str(&c.addr, gs, sizeof(gs));
		/* Same address, other length: say so, or the two would read alike. */
		if (want.len != c.addr.len) {
			size_t n = strlen(ws), m = strlen(gs);
			snprintf(ws + n, sizeof(ws) - n, " (length %u)", (unsigned)want.len);
			snprintf(gs + m, sizeof(gs) - m, " (length %u)", (unsigned)c.addr.len);
		}
	}
	expect_record(p, c.ret == 0 && addr_equal(&want, &c.addr), call_text(&c, text, sizeof(text)),
		      ws, gs);
}

static const char *pending_name(int err)
{
	return err ? trace_errno(err) : "0 (no error)";
}

void expect_pending_error(struct probe *p, struct call c, int err)
{
	char got[160], text[CALL_LINE_MAX];

	if (c.ret != 0)
		trace_result(&c, got, sizeof(got));
	else
		snprintf(got, sizeof(got), "%s", pending_name(c.value));
	expect_record(p, c.ret == 0 && c.value == err, call_text(&c, text, sizeof(text)),
		      pending_name(err), got);
}

void expect_long(struct probe *p, const char *what, long want, long got)
{
	char ws[32], gs[32];

	snprintf(ws, sizeof(ws), "%ld", want);
	snprintf(gs, sizeof(gs), "%ld", got);
	expect_record(p, want == got, what, ws, gs);
}

void expect_revents(struct probe *p, struct call c, short want)
{
	char ws[96], gs[160];

	if (c.ret != 1)
		trace_result(&c, gs, sizeof(gs));
	else
		trace_revents((short)c.value, gs, sizeof(gs));
	expect_record(p, c.ret == 1 && c.value == want, c.line, trace_revents(want, ws, sizeof(ws)),
		      gs);
}

static bool ee_equal(const struct errq_msg *m, const struct ee_want *w)
{
	struct addr got = m->offender, want = w->offender;

	got.any_port = want.any_port = false;
	return m->cmsg_level == w->cmsg_level && m->cmsg_type == w->cmsg_type &&
	       m->ee.ee_errno == (uint32_t)w->err && m->ee.ee_origin == (uint8_t)w->origin &&
	       m->ee.ee_type == (uint8_t)w->type && m->ee.ee_code == (uint8_t)w->code &&
	       addr_equal(&want, &got);
}

void expect_errqueue(struct probe *p, struct errq_msg m, struct ee_want want)
{
	struct sock_extended_err wee = {
		.ee_errno = (uint32_t)want.err,
		.ee_origin = (uint8_t)want.origin,
		.ee_type = (uint8_t)want.type,
		.ee_code = (uint8_t)want.code,
	};
	char ws[256], gs[256];

	errq_str(want.cmsg_level, want.cmsg_type, &wee, &want.offender, ws, sizeof(ws));
	if (m.call.ret < 0) {
		expect_record(p, false, m.call.line, ws, trace_result(&m.call, gs, sizeof(gs)));
		return;
	}
	errq_str(m.cmsg_level, m.cmsg_type, &m.ee, &m.offender, gs, sizeof(gs));
	expect_record(p, ee_equal(&m, &want), m.call.line, ws, gs);
}

static const char *returned_addr(const struct call *c, char *buf, size_t n)
{
	if (c->ret < 0)
		return trace_result(c, buf, n);
	return addr_str(&c->addr, buf, n);
}

void expect_same_addr(struct probe *p, const char *what, struct call a, struct call b)
{
	char as[160], bs[160];
	struct addr exact = a.addr;

	exact.any_port = false;
	expect_record(p, a.ret >= 0 && b.ret >= 0 && addr_equal(&exact, &b.addr), what,
		      returned_addr(&a, as, sizeof(as)), returned_addr(&b, bs, sizeof(bs)));
}

void must(struct probe *p, struct call c)
{
	if (!call_ok(&c))
		probe_error(p, "setup call failed: %s", c.line);
}

void expect_eof(struct probe *p, struct call c)
{
	char got[CALL_DATA_MAX + 160], text[CALL_LINE_MAX];

	if (c.ret > 0)
		trace_payload(c.data, c.len, got, sizeof(got));
	else
		trace_result(&c, got, sizeof(got));
	expect_record(p, c.ret == 0, call_text(&c, text, sizeof(text)), "0 (end of file)", got);
}

/* ---- Catalogue II: receive/errors ------------------------------------------------ */

void expect_value(struct probe *p, struct call c, int want)
{
	char ws[32], gs[160], text[CALL_LINE_MAX];

	snprintf(ws, sizeof(ws), "%d", want);
	if (c.ret != 0)
		trace_result(&c, gs, sizeof(gs));
	else
		snprintf(gs, sizeof(gs), "%d", c.value);
	expect_record(p, c.ret == 0 && c.value == want, call_text(&c, text, sizeof(text)), ws, gs);
}

void expect_msg_flags(struct probe *p, struct call c, int want)
{
	char ws[96], gs[160], text[CALL_LINE_MAX];

	trace_msg_flags(want, ws, sizeof(ws));
	if (c.ret < 0)
		trace_result(&c, gs, sizeof(gs));
	else
		trace_msg_flags(c.value, gs, sizeof(gs));
	expect_record(p, c.ret >= 0 && c.value == want, call_text(&c, text, sizeof(text)), ws, gs);
}

void expect_len(struct probe *p, struct call c, const char *what, size_t want)
{
	char ws[96], gs[160], text[CALL_LINE_MAX];

	snprintf(ws, sizeof(ws), "%s %zu", what, want);
	if (c.ret < 0)
		trace_result(&c, gs, sizeof(gs));
	else
		snprintf(gs, sizeof(gs), "%s %zu", what, c.len);
	expect_record(p, c.ret >= 0 && c.len == want, call_text(&c, text, sizeof(text)), ws, gs);
}

void expect_ret(struct probe *p, struct call c, long want)
{
	char ws[32], gs[160], text[CALL_LINE_MAX];

	snprintf(ws, sizeof(ws), "%ld", want);
	expect_record(p, c.ret == want, call_text(&c, text, sizeof(text)), ws,
		      trace_result(&c, gs, sizeof(gs)));
}

void expect_payload(struct probe *p, struct call c, const char *payload)
{
	char want[CALL_DATA_MAX + 8], got[CALL_DATA_MAX + 8], text[CALL_LINE_MAX];
	size_t len = strlen(payload);

	trace_payload(payload, len, want, sizeof(want));
	if (c.ret < 0)
		trace_result(&c, got, sizeof(got));
	else
		trace_payload(c.data, c.len, got, sizeof(got));
	expect_record(p, c.ret >= 0 && c.len == len && memcmp(c.data, payload, len) == 0,
		      call_text(&c, text, sizeof(text)), want, got);
}
