// SPDX-License-Identifier: GPL-2.0-only
/* Unit tests of the harness's pure functions, linked against libudpc.a:
 * no root, no namespaces.  Output is KTAP; exit 0 when every test passes.
 *   address formatting and masking (addr_str), address comparison
 *   (addr_equal), the plan's addresses as rules get them (addr_host ...),
 *   payload escaping (trace_payload), channel truncation (chan_send),
 *   JSON escaping (json_string), kernel versions and where a known
 *   divergence is expected (kver_in_stable, result_known_on); --family
 *   parsing is in tests/input.bats. */
#include "internal.h"
#include "json.h"
#include "kver.h"
#include "result.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int tests, failed;

static void is(const char *what, const char *got, const char *want)
{
	bool ok = strcmp(got, want) == 0;

	printf("%sok %d %s\n", ok ? "" : "not ", ++tests, what);
	if (!ok)
		printf("# expected '%s'\n# observed '%s'\n", want, got);
	failed += !ok;
}

static void truth(const char *what, bool got, bool want)
{
	is(what, got ? "true" : "false", want ? "true" : "false");
}

static void number(const char *what, long got, const char *want)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", got);
	is(what, buf, want);
}

static const struct rule link_rule = { .id = "test.unit.link", .topology = TOPO_LINK };
static const struct rule two_links = { .id = "test.unit.two", .topology = TOPO_TWO_LINKS };
static const struct rule routed = { .id = "test.unit.routed", .topology = TOPO_ROUTED };

static const char *shown(struct addr a)
{
	static char buf[128];

	return addr_str(&a, buf, sizeof(buf));
}

static void addr_formatting(void)
{
	struct probe v4 = { .fam = FAM_IPV4, .rule = &link_rule };
	struct probe v6 = { .fam = FAM_IPV6, .rule = &link_rule };
	struct probe mapped = { .fam = FAM_MAPPED, .rule = &link_rule };

	is("addr_host ipv4", shown(addr_host(&v4, HOST_SERVER, 7000)), "198.18.0.2:7000");
	is("addr_host ipv6", shown(addr_host(&v6, HOST_SERVER, 7000)), "[2001:db8::2]:7000");
	is("addr_host mapped", shown(addr_host(&mapped, HOST_SERVER, 7000)),
	   "[::ffff:198.18.0.2]:7000");
	is("an ephemeral port is masked", shown(addr_host(&v4, HOST_CLIENT, 45678)), "198.18.0.1:...");
	is("PORT_EPHEMERAL is masked", shown(addr_host(&v6, HOST_CLIENT, PORT_EPHEMERAL)),
	   "[2001:db8::1]:...");
	is("a port below the range is shown", shown(addr_host(&v4, HOST_CLIENT, 39999)),
	   "198.18.0.1:39999");
	is("a port above the range is shown", shown(addr_host(&v4, HOST_CLIENT, 50000)),
	   "198.18.0.1:50000");
	is("addr_unspec", shown(addr_unspec()), "{AF_UNSPEC}");
	is("addr_wildcard mapped binds ::", shown(addr_wildcard(&mapped, 7000)), "[::]:7000");
	is("addr_zero mapped", shown(addr_zero(&mapped, 7000)), "[::ffff:0.0.0.0]:7000");
	is("addr_loopback ipv6", shown(addr_loopback(&v6, 7000)), "[::1]:7000");
	is("addr_broadcast", shown(addr_broadcast(&v4, 7000)), "198.18.0.255:7000");
	is("addr_group ipv4", shown(addr_group(&v4, 7000)), "233.252.0.1:7000");
	is("addr_group ipv6", shown(addr_group(&v6, 7000)), "[ff0e::db8:0:1]:7000");
	is("addr_no_route ipv4", shown(addr_no_route(&v4, 7000)), "198.18.7.1:7000");
	is("addr_other_family of ipv4", shown(addr_other_family(&v4, HOST_SERVER, 7000)),
	   "[2001:db8::2]:7000");
}

static void addr_plan_topologies(void)
{
	struct probe two = { .fam = FAM_IPV4, .rule = &two_links };
	struct probe r6 = { .fam = FAM_IPV6, .rule = &routed };

	is("two-links: client", shown(addr_host(&two, HOST_CLIENT, 7001)), "198.18.4.1:7001");
	is("two-links: client facing the stranger",
	   shown(addr_host_facing(&two, HOST_CLIENT, HOST_STRANGER, 7001)), "198.18.5.1:7001");
	is("routed: stranger", shown(addr_host(&r6, HOST_STRANGER, 7002)), "[2001:db8:3::3]:7002");
	is("routed: router", shown(addr_host(&r6, HOST_ROUTER, 0)), "[2001:db8:1::fe]:0");
	is("routed: unreachable", shown(addr_unreachable(&r6, 7000)), "[2001:db8:9::1]:7000");
}

static void addr_comparison(void)
{
	struct probe v4 = { .fam = FAM_IPV4, .rule = &link_rule };
	struct probe v6 = { .fam = FAM_IPV6, .rule = &link_rule };
	struct addr any = addr_host(&v4, HOST_CLIENT, PORT_EPHEMERAL);
	struct addr a = addr_host(&v4, HOST_CLIENT, 7001);
	struct addr got = addr_host(&v4, HOST_CLIENT, 41000);

	truth("equal addresses", addr_equal(&a, &a), true);
	truth("other port", addr_equal(&a, &got), false);
	truth("PORT_EPHEMERAL accepts an ephemeral port", addr_equal(&any, &got), true);
	truth("PORT_EPHEMERAL refuses a fixed port", addr_equal(&any, &a), false);
	struct addr server = addr_host(&v4, HOST_SERVER, 7001);
	truth("other host", addr_equal(&a, &server), false);
	struct addr six = addr_host(&v6, HOST_CLIENT, 7001);
	truth("other family", addr_equal(&a, &six), false);
	truth("ipv6 equal", addr_equal(&six, &six), true);
	struct addr u = addr_unspec();
	truth("AF_UNSPEC equals AF_UNSPEC", addr_equal(&u, &u), true);
}

static void payload_escaping(void)
{
	char buf[64];

	trace_payload("ping", 4, buf, sizeof(buf));
	is("plain payload", buf, "\"ping\"");
	trace_payload("a\"b\\c", 5, buf, sizeof(buf));
	is("quote and backslash", buf, "\"a\\\"b\\\\c\"");
	trace_payload("\0\n\xff", 3, buf, sizeof(buf));
	is("bytes outside printable ASCII", buf, "\"\\x00\\x0a\\xff\"");
	trace_payload("0123456789abcdef", 16, buf, 12);
	is("cut to the buffer, still quoted", buf, "\"01234\"");
}

static void chan_truncation(void)
{
	static char big[2 * PIPE_BUF], got[2 * PIPE_BUF];
	int fds[2];

	if (pipe(fds) != 0) {
		perror("pipe");
		return;
	}
	struct probe p = { .chan = fds[1] };
	memset(big, 'x', sizeof(big) - 1);
	chan_send(&p, 'T', "%s", big);
	ssize_t n = read(fds[0], got, sizeof(got));
	char len[32];
	snprintf(len, sizeof(len), "%zd", n);
	is("a record is cut below PIPE_BUF", len, "4095");
	truth("and still ends its line", n > 0 && got[n - 1] == '\n', true);
	chan_send(&p, 'N', "two\nlines");
	n = read(fds[0], got, sizeof(got));
	got[n > 0 ? n : 0] = '\0';
	is("a newline inside a record is a space", got, "N two lines\n");
	close(fds[0]);
	close(fds[1]);
}

static void json_escaping(void)
{
	struct str b = { 0 };

	json_string(&b, "a\"b\\c\n\x01 é");
	is("json_string", b.s, "\"a\\\"b\\\\c\\u000a\\u0001 é\"");
	str_free(&b);
	json_string(&b, NULL);
	is("json_string(NULL)", b.s, "\"\"");
	str_free(&b);
}

/* The lab's udpc reads addresses as text, in the socket's family. */
static void addr_parsing(void)
{
	struct probe v4 = { .fam = FAM_IPV4, .rule = &link_rule };
	struct probe v6 = { .fam = FAM_IPV6, .rule = &link_rule };
	struct probe mapped = { .fam = FAM_MAPPED, .rule = &link_rule };
	struct addr a = { 0 };

	truth("addr_parse ipv4", addr_parse(&v4, "198.18.0.2", 7009, &a), true);
	is("addr_parse ipv4 reads", shown(a), "198.18.0.2:7009");
	truth("addr_parse ipv6", addr_parse(&v6, "2001:db8::2", 7009, &a), true);
	is("addr_parse ipv6 reads", shown(a), "[2001:db8::2]:7009");
	truth("addr_parse mapped", addr_parse(&mapped, "198.18.0.2", 7009, &a), true);
	is("addr_parse mapped writes IPv4 as ::ffff:", shown(a), "[::ffff:198.18.0.2]:7009");
	truth("addr_parse: IPv6 text on an AF_INET socket", addr_parse(&v4, "2001:db8::2", 1, &a),
	      false);
	truth("addr_parse: IPv4 text on an IPv6 probe", addr_parse(&v6, "198.18.0.2", 1, &a), false);
	truth("addr_parse: no address", addr_parse(&v4, "server", 1, &a), false);
}

/* A divergence fixed in v6.3 and backported to 6.1.32 is expected on 6.1.31
 * and 5.10, not on 6.1.32 and later 6.1s, nor from v6.3 on. */
static void known_windows(void)
{
	const struct divergence fixed = { .families = FAM_IPV4, .fixed = "v6.3", .stable = "6.1.32" };
	const struct divergence since = { .families = FAM_IPV4 | FAM_IPV6, .since = "v6.13" };
	number("kver_parse 6.1.0-57-cloud-amd64", kver_parse("6.1.0-57-cloud-amd64"), "6001000");
	number("kver_of Debian: the stable release from the version string",
	       kver_of("6.1.0-57-cloud-amd64", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.192-3 (2026-11-26)"),
	       "6001192");
	number("kver_of: a version of another series is not the kernel's",
	       kver_of("6.12.118+deb13-cloud-amd64", "#1 SMP Debian 6.13.1-1 (2026-01-01)"), "6012118");
	number("kver_of: no Debian version, the release",
	       kver_of("6.18.44-fc-v1045", "#1 SMP PREEMPT_DYNAMIC @0"), "6018044");
	truth("kver_in_stable 6.1.192 in \"6.1.32 5.15.120\"",
	      kver_in_stable("6.1.32 5.15.120", kver_parse("6.1.192")), true);
	truth("kver_in_stable 5.15.120 in \"6.1.32 5.15.120\"",
	      kver_in_stable("6.1.32 5.15.120", kver_parse("5.15.120")), true);
	truth("kver_in_stable 6.1.31 is before the backport",
	      kver_in_stable("6.1.32 5.15.120", kver_parse("6.1.31")), false);
	truth("kver_in_stable 5.10.250 is another series",
	      kver_in_stable("6.1.32 5.15.120", kver_parse("5.10.250")), false);
	truth("kver_in_stable 6.2.0 is another series", kver_in_stable("6.1.32", kver_parse("6.2.0")),
	      false);
	truth("kver_in_stable unknown kernel", kver_in_stable("6.1.32", -1), false);
	truth("known on 5.10.250", result_known_on(&fixed, FAM_IPV4, kver_parse("5.10.250")), true);
	truth("known on 6.1.31", result_known_on(&fixed, FAM_IPV4, kver_parse("6.1.31")), true);
	truth("not known on 6.1.32 (backport)", result_known_on(&fixed, FAM_IPV4, kver_parse("6.1.32")),
	      false);
	truth("not known on 6.1.192 (backport)",
	      result_known_on(&fixed, FAM_IPV4, kver_parse("6.1.192")), false);
	truth("not known on 6.3.0 (fixed)", result_known_on(&fixed, FAM_IPV4, kver_parse("6.3.0")),
	      false);
	truth("not known for another family", result_known_on(&fixed, FAM_IPV6, kver_parse("5.10.250")),
	      false);
	truth("known on an unknown kernel", result_known_on(&fixed, FAM_IPV4, -1), true);
	truth("not known before since", result_known_on(&since, FAM_IPV6, kver_parse("6.12.118")),
	      false);
	truth("known from since", result_known_on(&since, FAM_IPV6, kver_parse("6.13.0")), true);
}

int main(void)
{
	printf("KTAP version 1\n# harness unit tests\n");
	addr_formatting();
	addr_parsing();
	addr_plan_topologies();
	addr_comparison();
	payload_escaping();
	chan_truncation();
	json_escaping();
	known_windows();
	printf("1..%d\n# Totals: pass:%d fail:%d xfail:0 xpass:0 skip:0 error:0\n", tests,
	       tests - failed, failed);
	return failed ? 1 : 0;
}
