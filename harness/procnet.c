/* /proc/net/udp and /proc/net/udp6, read inside a host (see state.h).  The
 * file follows the reading task's network namespace; each line is written by
 * udp4_format_sock() (net/ipv4/udp.c) or __ip6_dgram_sock_seq_show()
 * (net/ipv6/datagram.c): addresses as the kernel's 32-bit words in hex,
 * ports in host order, the state in hex, the inode in decimal. */
#define _GNU_SOURCE
#include "internal.h"
#include "state.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* "0100007F:1B58" or "0000000000000000FFFF00000100007F:1B58". */
static bool procnet_addr(const char *hex, unsigned port, bool v6, struct addr *a)
{
	*a = (struct addr){ 0 };
	if (!v6) {
		struct sockaddr_in *s4 = (struct sockaddr_in *)&a->ss;
		/* NOLINTNEXTLINE(cert-err34-c): the count is checked */
		if (strlen(hex) != 8 || sscanf(hex, "%8X", &s4->sin_addr.s_addr) != 1)
			return false;
		s4->sin_family = AF_INET;
		s4->sin_port = htons((uint16_t)port);
		a->len = sizeof(*s4);
		return true;
	}
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&a->ss;
	uint32_t w[4];
	/* NOLINTNEXTLINE(cert-err34-c): the count is checked */
	if (strlen(hex) != 32 || sscanf(hex, "%8X%8X%8X%8X", &w[0], &w[1], &w[2], &w[3]) != 4)
		return false;
	memcpy(&s6->sin6_addr, w, sizeof(w));
	s6->sin6_family = AF_INET6;
	s6->sin6_port = htons((uint16_t)port);
	a->len = sizeof(*s6);
	return true;
}

struct state_entry procnet_udp_entry(struct probe *p, struct sock *s)
{
	bool v6 = probe_family(p) != FAM_IPV4;
	const char *path = v6 ? "/proc/net/udp6" : "/proc/net/udp";
	struct state_entry e = { .call = { .ok = 0 } };
	struct stat st;
	char line[512], buf[256];

	if (fstat(sock_fd(s), &st) != 0)
		probe_error(p, "fstat(%s): %s", sock_role(s), strerror(errno));
	trace_begin(p, &e.call, "read(%s, %s)", path, sock_role(s));
	netns_enter(p, p->ns[sock_host(s)]);
	FILE *f = fopen(path, "re");
	if (!f)
		probe_error(p, "open %s: %s", path, strerror(errno));
	e.call.ret = -1;
	e.call.err = ENOENT;
	while (fgets(line, sizeof(line), f)) {
		char local[40], remote[40];
		unsigned lport, rport, state;
		unsigned long inode;
		/* NOLINTNEXTLINE(cert-err34-c): the count is checked */
		if (sscanf(line,
			   " %*u: %39[0-9A-Fa-f]:%X %39[0-9A-Fa-f]:%X %X %*X:%*X %*X:%*X %*X %*u %*d "
			   "%lu",
			   local, &lport, remote, &rport, &state, &inode) != 6 ||
		    inode != st.st_ino)
			continue;
		if (!procnet_addr(local, lport, v6, &e.local) ||
		    !procnet_addr(remote, rport, v6, &e.remote))
			probe_error(p, "%s: cannot read the line of %s: %s", path, sock_role(s), line);
		e.state = (int)state;
		e.call.ret = 0;
		e.call.err = 0;
		break;
	}
	fclose(f);
	if (e.call.ret == 0)
		trace_end(p, &e.call, "read(%s, %s, %s)", path, sock_role(s),
			  state_entry_str(&e, buf, sizeof(buf)));
	else
		trace_end(p, &e.call, NULL);
	return e;
}
