// SPDX-License-Identifier: GPL-2.0-only
/* Socket options: one traced setsockopt() or getsockopt() each. */
#define _GNU_SOURCE
#include "internal.h"

#include <errno.h>
#include <linux/filter.h>
#include <net/if.h>
#include <sched.h>
#include <string.h>
#include <sys/time.h>

struct call sockopt_set_int(struct probe *p, struct sock *s, int level, const char *level_str, int name,
			    const char *name_str, int value)
{
	struct call c = { .ok = 0 };

	trace_begin(p, &c, "setsockopt(%s, %s, %s, [%d])", sock_role(s), level_str, name_str, value);
	trace_answer(&c, setsockopt(sock_fd(s), level, name, &value, sizeof(value)));
	trace_end(p, &c, NULL);
	return c;
}

struct call sockopt_get_int(struct probe *p, struct sock *s, int level, const char *level_str, int name,
			    const char *name_str, socklen_t optlen)
{
	struct call c = { .ok = 0 };
	int v[4] = { 0 }; /* room for an optlen larger than an int */
	socklen_t len = optlen < sizeof(v) ? optlen : sizeof(v);

	trace_begin(p, &c, "getsockopt(%s, %s, %s, ..., [%u])", sock_role(s), level_str, name_str,
		    (unsigned)len);
	trace_answer(&c, getsockopt(sock_fd(s), level, name, v, &len));
	if (c.ret != 0) {
		trace_end(p, &c, NULL);
		return c;
	}
	c.value = v[0];
	c.len = len;
	trace_end(p, &c, "getsockopt(%s, %s, %s, [%d], [%u])", sock_role(s), level_str, name_str,
		  c.value, (unsigned)len);
	return c;
}

struct call sockopt_so_error(struct probe *p, struct sock *s)
{
	struct call c = { .ok = 0 };
	socklen_t len = sizeof(c.value);

	trace_begin(p, &c, "getsockopt(%s, SOL_SOCKET, SO_ERROR, ...)", sock_role(s));
	trace_answer(&c, getsockopt(sock_fd(s), SOL_SOCKET, SO_ERROR, &c.value, &len));
	if (c.ret == 0)
		trace_end(p, &c, "getsockopt(%s, SOL_SOCKET, SO_ERROR, [%s])", sock_role(s),
			  c.value ? trace_errno(c.value) : "0");
	else
		trace_end(p, &c, NULL);
	return c;
}

struct call sockopt_recverr_on(struct probe *p, struct sock *s)
{
	if (p->fam == FAM_IPV6)
		return sockopt_set_int(p, s, SOCKOPT(SOL_IPV6, IPV6_RECVERR), 1);
	return sockopt_set_int(p, s, SOCKOPT(SOL_IP, IP_RECVERR), 1);
}

struct call sockopt_hops_set(struct probe *p, struct sock *s, int hops)
{
	if (p->fam == FAM_IPV6)
		return sockopt_set_int(p, s, SOCKOPT(SOL_IPV6, IPV6_UNICAST_HOPS), hops);
	return sockopt_set_int(p, s, SOCKOPT(SOL_IP, IP_TTL), hops);
}

struct call sockopt_bindtodevice(struct probe *p, struct sock *s, const char *ifname)
{
	struct call c = { .ok = 0 };

	trace_begin(p, &c, "setsockopt(%s, SOL_SOCKET, SO_BINDTODEVICE, \"%s\")", sock_role(s), ifname);
	trace_answer(&c, setsockopt(sock_fd(s), SOL_SOCKET, SO_BINDTODEVICE, ifname,
				    (socklen_t)strlen(ifname)));
	trace_end(p, &c, NULL);
	return c;
}

struct call sockopt_bound_device(struct probe *p, struct sock *s)
{
	struct call c = { .ok = 0 };
	socklen_t len = IFNAMSIZ;
	char pl[CALL_DATA_MAX];

	trace_begin(p, &c, "getsockopt(%s, SOL_SOCKET, SO_BINDTODEVICE, ...)", sock_role(s));
	trace_answer(&c, getsockopt(sock_fd(s), SOL_SOCKET, SO_BINDTODEVICE, c.data, &len));
	if (c.ret != 0) {
		trace_end(p, &c, NULL);
		return c;
	}
	/* sock_getbindtodevice(): the name with its NUL, or length 0 for none. */
	c.len = len && c.data[len - 1] == '\0' ? len - 1 : len;
	trace_payload(c.data, c.len, pl, sizeof(pl));
	trace_end(p, &c, "getsockopt(%s, SOL_SOCKET, SO_BINDTODEVICE, %s, [%u])", sock_role(s), pl,
		  (unsigned)len);
	return c;
}

struct call sockopt_incoming_cpu(struct probe *p, struct sock *s, bool this_cpu)
{
	struct call c = { .ok = 0 };
	int cpu = this_cpu ? sched_getcpu() : -1;

	/* The CPU number differs from run to run; the transcript says which. */
	trace_begin(p, &c, "setsockopt(%s, SOL_SOCKET, SO_INCOMING_CPU, [%s])", sock_role(s),
		    this_cpu ? "this CPU" : "-1");
	trace_answer(&c, setsockopt(sock_fd(s), SOL_SOCKET, SO_INCOMING_CPU, &cpu, sizeof(cpu)));
	trace_end(p, &c, NULL);
	return c;
}

struct call sockopt_reuseport_cbpf_by_payload(struct probe *p, struct sock *s)
{
	/* The group's socks[] index is the datagram's first byte minus '0':
	 * run_bpf_filter() in net/core/sock_reuseport.c pulls the UDP header
	 * first, so offset 0 is the payload. */
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 0),
		BPF_STMT(BPF_ALU | BPF_SUB | BPF_K, '0'),
		BPF_STMT(BPF_RET | BPF_A, 0),
	};
	struct sock_fprog prog = { .len = sizeof(code) / sizeof(code[0]), .filter = code };
	struct call c = { .ok = 0 };

	trace_begin(p, &c,
		    "setsockopt(%s, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, "
		    "{ldb [0]; sub #'0'; ret a})",
		    sock_role(s));
	trace_answer(&c,
		     setsockopt(sock_fd(s), SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &prog, sizeof(prog)));
	trace_end(p, &c, NULL);
	return c;
}

#ifndef IP_LOCAL_PORT_RANGE
#define IP_LOCAL_PORT_RANGE 51 /* linux/in.h since v6.3; glibc's headers lack it */
#endif

/* setsockopt(IP_LOCAL_PORT_RANGE): the ports [lo, hi] packed hi << 16 | lo.
 * A kernel without the option (before v6.3) cannot be asked the rule: the
 * family is SKIPped there. */
struct call sockopt_port_range(struct probe *p, struct sock *s, uint16_t lo, uint16_t hi)
{
	struct call c = { .ok = 0 };
	uint32_t range = (uint32_t)hi << 16 | lo;

	trace_begin(p, &c, "setsockopt(%s, SOL_IP, IP_LOCAL_PORT_RANGE, [%u..%u])", sock_role(s), lo,
		    hi);
	trace_answer(&c, setsockopt(sock_fd(s), SOL_IP, IP_LOCAL_PORT_RANGE, &range, sizeof(range)));
	trace_end(p, &c, NULL);
	if (c.ret == -1 && c.err == ENOPROTOOPT)
		probe_skip(p, "IP_LOCAL_PORT_RANGE is not on this kernel (new in v6.3)");
	return c;
}

/* SO_RCVTIMEO = WAIT_MS: the bound of a blocking receive (sock_recv_blocking()). */
struct call sockopt_rcvtimeo_wait(struct probe *p, struct sock *s)
{
	struct call c = { .ok = 0 };
	struct timeval tv = { .tv_sec = WAIT_MS / 1000, .tv_usec = (WAIT_MS % 1000) * 1000L };

	trace_begin(p, &c, "setsockopt(%s, SOL_SOCKET, SO_RCVTIMEO, {tv_sec=%ld, tv_usec=%ld})",
		    sock_role(s), (long)tv.tv_sec, (long)tv.tv_usec);
	trace_answer(&c, setsockopt(sock_fd(s), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)));
	trace_end(p, &c, NULL);
	return c;
}
