/* What finding the one connected socket costs when many share its port.
 *
 * The server has N UDP sockets bound to one address and port, each connected
 * to a different peer (the client's address, ports PEER_BASE..PEER_BASE+N-1);
 * the client sends from PEER_BASE, so exactly one of them, the first bound,
 * must receive.  The receive path finds it in __udp4_lib_lookup() /
 * __udp6_lib_lookup(): through the 4-tuple hash of connected sockets
 * (udp_lib_hash4, since v6.13), or else by scoring every socket of the
 * (address, port) slot, where a socket first bound sits last (new sockets go
 * to the head of the slot).  With SO_REUSEPORT the sockets form one reuseport
 * group, which once connected sockets are in it is scored socket by socket
 * ("udp: re-score reuseport groups when connected sockets are present", v6.5).
 *
 * N = 1, 10, 100, 1000, with and without SO_REUSEPORT (SO_REUSEADDR then),
 * each setting on a port of its own, all set up at once and measured in
 * rotation, round after round.  Cost per delivered datagram: the send CPU
 * time, which includes the receive path (loopback and veth deliver in the
 * sending task's softirq).
 */
#include "bench.h"
#include "trial.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

static const int sizes[] = { 1, 10, 100, 1000 };
#define NSIZES 4
#define NGROUPS (2 * NSIZES)
#define PEER_BASE 20000
#define GROUP_PORT 7100 /* + group index */
#define ROUNDS_MAX 9

struct group {
	int n;
	bool reuseport;
	int target; /* the server's socket connected to the client's PEER_BASE */
	int client; /* bound to PEER_BASE, connected to the group's port */
};

static void group_make(struct bench *b, struct group *g, int index)
{
	struct probe *p = b->p;
	struct addr server = addr_host(p, HOST_SERVER, GROUP_PORT + index);

	for (int i = 0; i < g->n; i++) {
		int fd = bench_socket(b, HOST_SERVER, i == 0 ? BENCH_RCVBUF : 0);
		struct addr peer = addr_host(p, HOST_CLIENT, PEER_BASE + i);
		if (g->reuseport)
			bench_sockopt_on(b, fd, SO_REUSEPORT, "SO_REUSEPORT");
		else
			bench_sockopt_on(b, fd, SO_REUSEADDR, "SO_REUSEADDR");
		bench_bind(b, fd, &server);
		bench_connect(b, fd, &peer);
		if (i == 0)
			g->target = fd;
	}
	struct addr from = addr_host(p, HOST_CLIENT, PEER_BASE);
	g->client = bench_socket(b, HOST_CLIENT, 0);
	/* Every group's client has the same address and port. */
	bench_sockopt_on(b, g->client, SO_REUSEADDR, "SO_REUSEADDR");
	bench_bind(b, g->client, &from);
	bench_connect(b, g->client, &server);
}

static void head_of(struct bench *b, const struct group *g, char *buf, size_t n)
{
	snprintf(buf, n,
		 "\"scenario\":\"lookup\",\"topology\":\"%s\",\"family\":\"%s\",\"payload\":16,"
		 "\"sockets\":%d,\"reuseport\":%s",
		 b->topology, b->family, g->n, g->reuseport ? "true" : "false");
}

static void lookup_bench(struct bench *b, void *arg)
{
	(void)arg;
	static struct bench_trial t[NGROUPS][ROUNDS_MAX];
	struct group groups[NGROUPS];
	int rounds = b->quick ? 3 : 7;
	long n = b->quick ? 1000 : 10000;
	char head[512];

	for (int k = 0; k < NGROUPS; k++) {
		groups[k] = (struct group){ .n = sizes[k % NSIZES], .reuseport = k >= NSIZES };
		group_make(b, &groups[k], k);
	}
	for (int round = 0; round <= rounds; round++) {
		for (int k = 0; k < NGROUPS; k++) {
			int g = (k + round) % NGROUPS;
			struct bench_flow f = { .from = groups[g].client,
						.to = groups[g].target,
						.payload = 16 };
			struct bench_trial one = trial_run(b, &f, round ? n : n / 4);
			if (round == 0)
				continue;
			t[g][round - 1] = one;
			head_of(b, &groups[g], head, sizeof(head));
			trial_emit(b, head, round, &one);
		}
	}
	for (int g = 0; g < NGROUPS; g++) {
		head_of(b, &groups[g], head, sizeof(head));
		trial_summary_emit(b, head, t[g], rounds);
		/* Against N = 1 of the same kind, round by round. */
		int base = g - g % NSIZES;
		if (g == base)
			continue;
		size_t used = strlen(head);
		snprintf(head + used, sizeof(head) - used, ",\"base\":\"1 socket\"");
		trial_ratio_emit(b, head, t[base], t[g], rounds);
	}
}

int main(int argc, char **argv)
{
	struct rlimit files;

	bench_begin(argc, argv, "lookup");
	/* Some 2200 sockets: the soft limit is often 1024; the hard one is the bound. */
	if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
		files.rlim_cur = files.rlim_max;
		if (setrlimit(RLIMIT_NOFILE, &files) != 0)
			perror("lookup: setrlimit(RLIMIT_NOFILE); 1000 sockets may not fit");
	}
	bench_run(TOPO_LINK, FAM_IPV4, lookup_bench, NULL, NULL);
	bench_run(TOPO_LINK, FAM_IPV6, lookup_bench, NULL, NULL);
	return bench_end();
}
