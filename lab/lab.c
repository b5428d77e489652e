// SPDX-License-Identifier: GPL-2.0-only
/* build/lab/lab [--topo NAME] [--rc FILE] [--bin DIR]: an interactive shell
 * in the client's namespace of a throwaway topology (make lab, udpconform
 * lab; docs/lab.md).
 *
 * The topology is the probes' own (netns/topo.c), built the way a probe's
 * family child builds it, so what a student sees by hand is what a rule
 * sees.  Lifetimes are the probes' too, plus one thing a shell needs:
 *
 *   lab      (the caller's namespaces) reads the builder's errors, waits;
 *    `- host (dies with lab: PR_SET_PDEATHSIG) builds the topology and holds
 *       |    its namespaces by file descriptors only (netns/netns.c);
 *       `- init  pid 1 of a new PID namespace (dies with host), reaps;
 *           `- the shell, and whatever it starts.
 *
 * When the shell exits, init returns and the kernel kills every process of
 * its PID namespace (zap_pid_ns_processes()): a tcpdump or echo server left
 * in the background cannot keep a namespace alive.  When anything above is
 * killed, even by SIGKILL, the death signals run down the same chain.
 * Nothing gets a name (/run/netns) or a mount.
 *
 * Exit: the shell's status; 64 usage; 69 the topology could not be built;
 * 77 no privileges for network namespaces (userns.c says which setting). */
#define _GNU_SOURCE
#include "internal.h"
#include "labenv.h"
#include "plan.h"
#include "userns.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

enum { EXIT_USAGE = 64, EXIT_UNAVAILABLE = 69, EXIT_NOPERM = 77 };

/* The first descriptor the shell finds a host's namespace at:
 * UDPC_LAB_NS_<HOST> names it (lab/udpc.c reads them). */
#define LAB_NS_FD 20

static struct rule lab_rule = {
	.id = "lab",
	.sentence = "a shell in the client's namespace",
	.families = FAM_IPV4,
	.topology = TOPO_LINK,
};

struct lab_opts {
	const char *rc;  /* the shell's rc file (bash), or NULL */
	const char *bin; /* the lab's commands, put first on PATH */
};

static __attribute__((noreturn)) void lab_usage(const char *why)
{
	if (why)
		fprintf(stderr, "lab: %s (see --help)\n", why);
	fprintf(why ? stderr : stdout,
		"usage: lab [--topo loopback|link|routed|two-links|pair] [--rc FILE] [--bin DIR]\n"
		"A shell in the client's namespace of a throwaway topology; exit it to\n"
		"remove everything.  See docs/lab.md.\n");
	exit(why ? EXIT_USAGE : 0);
}

static enum topology lab_topology(const char *name)
{
	enum topology t;

	if (topo_lookup(name, &t))
		return t;
	fprintf(stderr, "lab: unknown topology '%s': use loopback, link, routed, two-links or pair\n",
		name);
	exit(EXIT_USAGE);
}

static void lab_parse(int argc, char **argv, struct lab_opts *o)
{
	static const struct option longs[] = {
		{ "topo", required_argument, NULL, 't' },
		{ "rc", required_argument, NULL, 'r' },
		{ "bin", required_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	while ((c = getopt_long(argc, argv, "", longs, NULL)) != -1) {
		switch (c) {
		case 't':
			lab_rule.topology = lab_topology(optarg);
			break;
		case 'r':
			o->rc = optarg;
			break;
		case 'b':
			o->bin = optarg;
			break;
		case 'h':
			lab_usage(NULL);
		default:
			lab_usage("unknown option");
		}
	}
	if (optind != argc)
		lab_usage("no arguments besides the options");
}

/* What the shell's commands need: where each host's namespace is, the
 * topology's name, the lab's commands first on PATH. */
static void shell_environment(struct probe *p, const struct lab_opts *o)
{
	char name[64], value[80], ip[PLAN_TEXT_MAX];

	for (int h = 0; h < HOST_COUNT; h++) {
		if (p->ns[h] < 0)
			continue;
		if (dup2(p->ns[h], LAB_NS_FD + h) < 0)
			_exit(EXIT_UNAVAILABLE);
		labenv_name(LABENV_NS, (enum host)h, name, sizeof(name));
		snprintf(value, sizeof(value), "%d", LAB_NS_FD + h);
		setenv(name, value, 1);
		int subnet = topo_subnet(p->rule->topology, (enum host)h, (enum host)h);
		labenv_name("LAB_", (enum host)h, name, sizeof(name));
		setenv(name, subnet < 0 ? "127.0.0.1" : plan_host(AF_INET, subnet, (enum host)h, ip),
		       1);
		snprintf(value, sizeof(value), "%s6", name);
		setenv(value, subnet < 0 ? "::1" : plan_host(AF_INET6, subnet, (enum host)h, ip), 1);
	}
	setenv("UDPC_LAB_TOPO", topo_name(p->rule->topology), 1);
	int subnet = topo_subnet(p->rule->topology, HOST_CLIENT, HOST_CLIENT);
	snprintf(value, sizeof(value), subnet < 0 ? "lo" : "eth%d", subnet);
	setenv("LAB_IF", value, 1);
	if (o->bin) {
		const char *path = getenv("PATH");
		char *full = NULL;
		if (asprintf(&full, "%s:%s", o->bin, path ? path : "/usr/bin:/bin") < 0)
			_exit(EXIT_UNAVAILABLE);
		setenv("PATH", full, 1);
		free(full);
	}
}

static __attribute__((noreturn)) void shell_exec(const struct lab_opts *o)
{
	const char *shell = getenv("SHELL");

	if (!shell || !*shell)
		shell = "/bin/bash";
	const char *base = strrchr(shell, '/') ? strrchr(shell, '/') + 1 : shell;
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	if (strcmp(base, "bash") == 0 && o->rc)
		execl(shell, shell, "--rcfile", o->rc, "-i", (char *)NULL);
	else
		execl(shell, shell, "-i", (char *)NULL);
	fprintf(stderr, "lab: cannot run the shell %s: %s\n", shell, strerror(errno));
	_exit(EXIT_UNAVAILABLE);
}

static int wait_status(pid_t pid)
{
	int status = 0;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return EXIT_UNAVAILABLE;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* pid 1 of a new PID namespace has no parent it can see (getppid() is 0),
 * so child_bind()'s check cannot tell if the host died before the death
 * signal was armed; the end of the host's side of a pipe can. */
static bool init_bind(int life)
{
	struct pollfd pfd = { .fd = life, .events = POLLIN };

	return prctl(PR_SET_PDEATHSIG, SIGKILL) == 0 && poll(&pfd, 1, 0) == 0;
}

/* pid 1 of the lab's PID namespace: runs the shell, reaps every orphan,
 * returns the shell's status.  Its return ends the namespace's processes. */
static __attribute__((noreturn)) void init_run(struct probe *p, const struct lab_opts *o, int life)
{
	if (!init_bind(life))
		_exit(EXIT_UNAVAILABLE);
	close(life);
	close(p->chan);
	netns_enter(p, p->ns[HOST_CLIENT]);
	pid_t shell = fork();
	if (shell == 0) {
		shell_environment(p, o);
		shell_exec(o);
	}
	if (shell < 0)
		_exit(EXIT_UNAVAILABLE);
	for (;;) {
		int status;
		pid_t done = wait(&status);
		if (done == shell)
			_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
		if (done < 0 && errno != EINTR)
			_exit(EXIT_UNAVAILABLE);
	}
}

/* The host child: builds the topology (its errors go to lab on the
 * channel, as a probe's do), then runs init in a new PID namespace. */
static __attribute__((noreturn)) void host_run(struct probe *p, const struct lab_opts *o, pid_t lab)
{
	if (!child_bind(lab))
		_exit(EXIT_UNAVAILABLE);
	topo_build(p);
	ready_wait(p);
	int life[2];
	if (unshare(CLONE_NEWPID) != 0)
		probe_error(p, "unshare(CLONE_NEWPID): %s", strerror(errno));
	if (pipe2(life, O_CLOEXEC) != 0)
		probe_error(p, "pipe: %s", strerror(errno));
	pid_t init = fork();
	if (init == 0) {
		close(life[1]);
		init_run(p, o, life[0]);
	}
	close(life[0]); /* life[1] stays open until the host ends */
	if (init < 0)
		probe_error(p, "fork: %s", strerror(errno));
	chan_send(p, 'D', "ready");
	close(p->chan);
	_exit(wait_status(init));
}

/* Reads the host's channel until it is ready or has failed: true if ready. */
static bool host_ready(int fd)
{
	char buf[PIPE_BUF + 1];
	size_t used = 0;
	ssize_t n;

	while ((n = read(fd, buf + used, sizeof(buf) - 1 - used)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return false;
		used += (size_t)n;
		buf[used] = '\0';
		if (strstr(buf, "D ready\n"))
			return true;
		char *line = strchr(buf, '\n');
		if (line && (buf[0] == 'E' || buf[0] == 'S')) {
			*line = '\0';
			fprintf(stderr, "lab: %s\n", buf + 2);
			return false;
		}
		if (line) { /* a record the lab does not show (B, T, N) */
			used -= (size_t)(line + 1 - buf);
			memmove(buf, line + 1, used);
		}
	}
	return false;
}

/* The shell left the terminal to its own process group: take it back for
 * whoever started the lab (make), as a job-control shell would. */
static void terminal_reclaim(void)
{
	if (!isatty(STDIN_FILENO))
		return;
	signal(SIGTTOU, SIG_IGN);
	tcsetpgrp(STDIN_FILENO, getpgrp());
}

int main(int argc, char **argv)
{
	struct lab_opts o = { 0 };
	struct probe p = { .fam = FAM_IPV4, .rule = &lab_rule, .switch_ns = -1 };
	int chan[2];

	lab_parse(argc, argv, &o);
	userns_enter(); /* without root: a user namespace owns the lab's namespaces */
	if (!child_bind(getppid()))
		return EXIT_UNAVAILABLE;
	if (pipe2(chan, O_CLOEXEC) != 0) {
		fprintf(stderr, "lab: pipe: %s\n", strerror(errno));
		return EXIT_UNAVAILABLE;
	}
	/* Ctrl-C belongs to the shell and what it runs, not to the lab. */
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	pid_t lab = getpid(), host = fork();
	if (host == 0) {
		close(chan[0]);
		p.chan = chan[1];
		host_run(&p, &o, lab);
	}
	close(chan[1]);
	if (host < 0) {
		fprintf(stderr, "lab: fork: %s\n", strerror(errno));
		return EXIT_UNAVAILABLE;
	}
	bool ready = host_ready(chan[0]);
	close(chan[0]);
	int status = wait_status(host);
	terminal_reclaim();
	if (!ready)
		return userns_active() || geteuid() == 0 ? EXIT_UNAVAILABLE : EXIT_NOPERM;
	return status;
}
