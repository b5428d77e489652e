// SPDX-License-Identifier: GPL-2.0-only
/* udpc: make socket calls by hand and see each as a transcript line, in the
 * probes' own words (harness/sock.c, harness/trace.c).  A tiny interpreter
 * over one socket, so that a sequence of calls on the same socket is
 * possible:
 *
 *   udpc 'socket ipv4; connect server 7009; send hi; recv'
 *   socket(AF_INET, SOCK_DGRAM, 0) = client
 *   connect(client, 198.18.0.2:7009) = 0
 *   send(client, "hi", 2, 0) = 2
 *   recvfrom(client, ...) = -1 ECONNREFUSED (Connection refused)
 *
 *   udpc [--in HOST] SCRIPT     the socket lives on HOST (default client)
 *   udpc --in HOST --exec CMD...    CMD in HOST's namespace (lab-server CMD)
 *
 * Inside make lab the hosts' namespaces are the lab's (UDPC_LAB_NS_<HOST>,
 * lab/lab.c); elsewhere there is one host, the namespace udpc runs in.
 * Calls run in a child that writes the probes' channel records; udpc prints
 * their transcript lines as they come.  Exit: 0 every call was made (what
 * the kernel answered is in the transcript, errors included), 1 a call
 * could not be made, 64 a script it cannot read. */
#define _GNU_SOURCE
#include "internal.h"
#include "labenv.h"
#include "plan.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 64 };

#define WORDS_MAX 8
#define SCRIPT_MAX 4096

static struct rule udpc_rule = {
	.id = "udpc",
	.sentence = "calls made by hand",
	.families = FAM_ALL,
	.topology = TOPO_LOOPBACK,
};

static const char usage_text[] =
	"usage: udpc [--in client|server|stranger|router] 'CALL; CALL; ...'\n"
	"       udpc --in HOST --exec COMMAND [ARG...]\n"
	"Calls, on one socket (made by the first call, or socket ipv4 by default):\n"
	"  socket ipv4|ipv6|mapped   bind ADDR PORT      connect ADDR PORT\n"
	"  disconnect                send TEXT           sendto TEXT ADDR PORT\n"
	"  recv (waits at most 2 s)  recvnow (no wait)   error (SO_ERROR)\n"
	"  sockname   peername       recverr (IP_RECVERR/IPV6_RECVERR on)   close\n"
	"ADDR: client, server, stranger, router (the lab's hosts), any, loopback,\n"
	"unreachable, or a literal from the plan (198.18.0.0/15, 2001:db8::/32).\n";

static __attribute__((noreturn, format(printf, 1, 2))) void usage_bad(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "udpc: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see udpc --help)\n");
	exit(EXIT_USAGE);
}

static bool host_lookup(const char *name, enum host *h)
{
	for (int i = 0; i < HOST_COUNT; i++)
		if (strcmp(name, plan_host_name((enum host)i)) == 0) {
			*h = (enum host)i;
			return true;
		}
	return false;
}

/* The hosts' namespaces: the lab's, or the one udpc runs in. */
static void hosts_open(struct probe *p)
{
	const char *topo = getenv("UDPC_LAB_TOPO");
	enum topology t;

	for (int h = 0; h < HOST_COUNT; h++) {
		char name[64];
		const char *fd = getenv(labenv_name(LABENV_NS, (enum host)h, name, sizeof(name)));
		p->ns[h] = fd ? (int)strtol(fd, NULL, 10) : -1;
	}
	if (topo && topo_lookup(topo, &t))
		udpc_rule.topology = t;
	if (p->ns[HOST_CLIENT] < 0) /* not in a lab: every host is here */
		for (int h = 0; h < HOST_COUNT; h++)
			p->ns[h] = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
}

/* The plan's addresses only (and loopback, and the wildcards). */
static bool in_plan(const struct addr *a)
{
	if (a->ss.ss_family == AF_INET) {
		const unsigned char *b =
			(const unsigned char *)&((const struct sockaddr_in *)&a->ss)->sin_addr;
		return (b[0] == 198 && (b[1] & 0xfe) == 18) || b[0] == 127 ||
		       (b[0] | b[1] | b[2] | b[3]) == 0 || (b[0] == 233 && b[1] == 252 && b[2] == 0);
	}
	const unsigned char *b =
		(const unsigned char *)&((const struct sockaddr_in6 *)&a->ss)->sin6_addr;
	static const unsigned char mapped[12] = { [10] = 0xff, [11] = 0xff };
	if (memcmp(b, mapped, 12) == 0)
		return (b[12] == 198 && (b[13] & 0xfe) == 18) || b[12] == 127 ||
		       (b[12] | b[13] | b[14] | b[15]) == 0;
	bool zero = true, loop = b[15] == 1;
	for (int i = 0; i < 15; i++) {
		zero &= b[i] == 0;
		loop &= b[i] == 0;
	}
	return (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) || (zero && !b[15]) ||
	       loop || b[0] == 0xff;
}

static struct addr word_addr(struct probe *p, const char *word, const char *port_word)
{
	char *end;
	long port = strtol(port_word ? port_word : "", &end, 10);
	enum host h;
	struct addr a;

	if (!port_word || *end || port < 0 || port > 65535)
		probe_error(p, "udpc: '%s' is not a port (0..65535)", port_word ? port_word : "");
	if (host_lookup(word, &h)) {
		if (p->ns[h] < 0)
			probe_error(p, "udpc: the lab's topology %s has no host %s",
				    topo_name(udpc_rule.topology), word);
		return addr_host(p, h, (int)port);
	}
	if (strcmp(word, "any") == 0)
		return addr_wildcard(p, (int)port);
	if (strcmp(word, "loopback") == 0)
		return addr_loopback(p, (int)port);
	if (strcmp(word, "unreachable") == 0)
		return addr_unreachable(p, (int)port);
	if (!addr_parse(p, word, (int)port, &a))
		probe_error(p, "udpc: '%s' is not an address of a %s socket", word,
			    family_name(p->fam));
	if (!in_plan(&a))
		probe_error(p,
			    "udpc: %s is outside the plan: use 198.18.0.0/15, 2001:db8::/32 or "
			    "loopback",
			    word);
	return a;
}

/* Splits one call into words; "double quotes" keep spaces in a payload. */
static int words_split(char *call, char *w[WORDS_MAX])
{
	int n = 0;

	for (char *c = call; *c && n < WORDS_MAX;) {
		while (*c == ' ' || *c == '\t')
			c++;
		if (!*c)
			break;
		if (*c == '"') {
			w[n++] = ++c;
			while (*c && *c != '"')
				c++;
		} else {
			w[n++] = c;
			while (*c && *c != ' ' && *c != '\t')
				c++;
		}
		if (*c)
			*c++ = '\0';
	}
	return n;
}

static bool family_lookup(const char *name, enum family *f)
{
	static const enum family all[] = { FAM_IPV4, FAM_IPV6, FAM_MAPPED };

	for (int i = 0; i < 3; i++)
		if (strcmp(name, family_name(all[i])) == 0) {
			*f = all[i];
			return true;
		}
	return false;
}

/* Runs one call; *s is the socket, made by the first call. */
static void call_run(struct probe *p, enum host h, struct sock **s, char **w, int n)
{
	const char *verb = w[0];

	if (strcmp(verb, "socket") == 0) {
		if (*s)
			probe_error(p, "udpc: one socket per script (it has one already)");
		if (n > 1 && !family_lookup(w[1], &p->fam))
			probe_error(p, "udpc: socket %s: use ipv4, ipv6 or mapped", w[1]);
		*s = sock_open(p, h, plan_host_name(h));
		return;
	}
	if (!*s)
		*s = sock_open(p, h, plan_host_name(h));
	if (strcmp(verb, "bind") == 0 && n == 3)
		sock_bind(p, *s, word_addr(p, w[1], w[2]));
	else if (strcmp(verb, "connect") == 0 && n == 3)
		sock_connect(p, *s, word_addr(p, w[1], w[2]));
	else if (strcmp(verb, "disconnect") == 0 && n == 1)
		sock_disconnect(p, *s);
	else if (strcmp(verb, "send") == 0 && n == 2)
		sock_send(p, *s, w[1]);
	else if (strcmp(verb, "sendto") == 0 && n == 4)
		sock_sendto(p, *s, w[1], word_addr(p, w[2], w[3]));
	else if ((strcmp(verb, "recv") == 0 || strcmp(verb, "recvfrom") == 0) && n == 1)
		sock_recv(p, *s);
	else if (strcmp(verb, "recvnow") == 0 && n == 1)
		sock_recv_nowait(p, *s);
	else if (strcmp(verb, "error") == 0 && n == 1)
		sockopt_so_error(p, *s);
	else if (strcmp(verb, "sockname") == 0 && n == 1)
		sock_getsockname(p, *s);
	else if (strcmp(verb, "peername") == 0 && n == 1)
		sock_getpeername(p, *s);
	else if (strcmp(verb, "recverr") == 0 && n == 1)
		sockopt_recverr_on(p, *s);
	else if (strcmp(verb, "close") == 0 && n == 1) {
		sock_close(p, *s);
		*s = NULL;
	} else
		probe_error(p, "udpc: cannot read the call '%s' with %d argument(s): see udpc --help",
			    verb, n - 1);
}

static void script_run(struct probe *p, void *arg)
{
	char *text = arg, *save = NULL;
	struct sock *s = NULL;
	enum host h = HOST_CLIENT;
	const char *in = getenv("UDPC_IN");

	if (in)
		host_lookup(in, &h);
	for (char *call = strtok_r(text, ";\n", &save); call; call = strtok_r(NULL, ";\n", &save)) {
		char *w[WORDS_MAX];
		int n = words_split(call, w);
		if (n)
			call_run(p, h, &s, w, n);
	}
	chan_send(p, 'D', "done");
}

/* Prints the child's transcript lines as they come; false if it ended in
 * an ERROR (printed) or not at all. */
static bool transcript_print(int fd)
{
	FILE *in = fdopen(fd, "r");
	char line[PIPE_BUF + 2];
	bool done = false;

	while (in && fgets(line, sizeof(line), in)) {
		if (line[0] == 'T')
			fputs(line + 2, stdout);
		else if (line[0] == 'E' || line[0] == 'S')
			fprintf(stderr, "%s%s", line[0] == 'S' ? "udpc: skipped: " : "", line + 2);
		else if (line[0] == 'D')
			done = true;
		fflush(stdout);
	}
	if (in)
		fclose(in);
	return done;
}

static int script_start(struct probe *p, char *text)
{
	int chan[2];

	if (pipe2(chan, O_CLOEXEC) != 0) {
		perror("udpc: pipe");
		return EXIT_FAIL;
	}
	pid_t parent = getpid(), pid = fork();
	if (pid == 0) {
		close(chan[0]);
		p->chan = chan[1];
		if (!child_bind(parent))
			_exit(EXIT_FAIL);
		script_run(p, text);
		_exit(EXIT_OK);
	}
	close(chan[1]);
	bool done = pid > 0 && transcript_print(chan[0]);
	if (pid > 0)
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
	return done ? EXIT_OK : EXIT_FAIL;
}

static int host_exec(struct probe *p, enum host h, char **argv)
{
	if (p->ns[h] < 0 || setns(p->ns[h], CLONE_NEWNET) != 0) {
		fprintf(stderr, "udpc: cannot enter host %s's namespace: %s\n", plan_host_name(h),
			p->ns[h] < 0 ? "the lab's topology has no such host" : strerror(errno));
		return EXIT_FAIL;
	}
	execvp(argv[0], argv);
	fprintf(stderr, "udpc: %s: %s\n", argv[0], strerror(errno));
	return 127;
}

int main(int argc, char **argv)
{
	struct probe p = { .fam = FAM_IPV4, .rule = &udpc_rule, .switch_ns = -1 };
	const char *self = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	enum host h = HOST_CLIENT;
	int i = 1;

	hosts_open(&p);
	/* lab-server CMD..., lab-stranger CMD...: udpc --in HOST --exec CMD... */
	if (strncmp(self, "lab-", 4) == 0) {
		if (!host_lookup(self + 4, &h))
			usage_bad("no host called '%s'", self + 4);
		if (argc < 2)
			usage_bad("%s needs a command to run", self);
		return host_exec(&p, h, argv + 1);
	}
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		fputs(usage_text, stdout);
		return EXIT_OK;
	}
	if (argc > 2 && strcmp(argv[1], "--in") == 0) {
		if (!host_lookup(argv[2], &h))
			usage_bad("no host called '%s': client, server, stranger or router", argv[2]);
		setenv("UDPC_IN", argv[2], 1);
		i = 3;
	}
	if (i < argc && strcmp(argv[i], "--exec") == 0) {
		if (i + 1 >= argc)
			usage_bad("%s needs a command to run", "--exec");
		return host_exec(&p, h, argv + i + 1);
	}
	if (i >= argc)
		usage_bad("%s",
			  "a script of calls is needed, e.g. 'connect server 7009; send hi; recv'");
	/* The words after the options are one script: udpc send hi works too. */
	char text[SCRIPT_MAX];
	size_t used = 0;
	for (; i < argc; i++) {
		int n = snprintf(text + used, sizeof(text) - used, "%s ", argv[i]);
		if (n < 0 || (size_t)n >= sizeof(text) - used)
			usage_bad("%s", "the script is too long");
		used += (size_t)n;
	}
	return script_start(&p, text);
}
