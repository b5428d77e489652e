/* What a datagram costs to send, connected or not (issue 7).
 *
 * Stevens (UNP vol. 1, §8.11.2), after Partridge and Pink (1993): sendto()
 * on an unconnected UDP socket makes a BSD kernel connect, send and
 * disconnect for every datagram, and the temporary connect is about a third
 * of the cost; connecting once and using send() saves it.  Linux has no
 * temporary connect: udp_sendmsg() with a destination looks the route up
 * (ip_route_output_flow()) for every datagram, and without one uses the
 * route cached on the connected socket (sk_dst_check()); udpv6_sendmsg()
 * likewise.  A connected socket given the peer's address in sendto() takes
 * the unconnected path again.
 *
 * Scenarios, for loopback and link, IPv4 and IPv6, 16 and 1400 bytes:
 *   send:     unconnected sendto / connected send / connected sendto(peer)
 *   sendmmsg: batches of BENCH_BATCH, msg_name set / unset on a connected socket
 * Each round runs every way once, in an order that rotates from round to
 * round, so that ratios compare trials taken side by side.
 */
#include "bench.h"
#include "trial.h"

#include <stdio.h>
#include <string.h>

enum how { UNCONN_SENDTO, CONN_SEND, CONN_SENDTO, UNCONN_SENDMMSG, CONN_SENDMMSG, HOW_COUNT };

static const struct how_spec {
	const char *name;
	bool connected; /* sent from the connected socket */
	bool named;     /* with the destination's address */
	bool mmsg;
} hows[HOW_COUNT] = {
	[UNCONN_SENDTO] = { "unconnected sendto", false, true, false },
	[CONN_SEND] = { "connected send", true, false, false },
	[CONN_SENDTO] = { "connected sendto", true, true, false },
	[UNCONN_SENDMMSG] = { "unconnected sendmmsg", false, true, true },
	[CONN_SENDMMSG] = { "connected sendmmsg", true, false, true },
};

/* The ways compared with one another; the first is the base of the ratios. */
#define WAYS_MAX 3
static const struct scenario {
	const char *name;
	enum how ways[WAYS_MAX];
	int nways;
} scenarios[] = {
	{ "send", { UNCONN_SENDTO, CONN_SEND, CONN_SENDTO }, 3 },
	{ "sendmmsg", { UNCONN_SENDMMSG, CONN_SENDMMSG }, 2 },
};

static const int payloads[] = { 16, 1400 };

#define ROUNDS_MAX 9

struct rig {
	int server, unconnected, connected;
	struct addr dest;
};

static struct rig rig_make(struct bench *b)
{
	struct probe *p = b->p;
	struct addr server = addr_host(p, HOST_SERVER, PORT_SERVER);
	struct addr client = addr_host(p, HOST_CLIENT, PORT_CLIENT);
	struct addr other = addr_host(p, HOST_CLIENT, PORT_OTHER);
	struct rig r = { .dest = server };

	r.server = bench_socket(b, HOST_SERVER, BENCH_RCVBUF);
	bench_bind(b, r.server, &server);
	r.unconnected = bench_socket(b, HOST_CLIENT, 0);
	bench_bind(b, r.unconnected, &client);
	r.connected = bench_socket(b, HOST_CLIENT, 0);
	bench_bind(b, r.connected, &other);
	bench_connect(b, r.connected, &server);
	return r;
}

static void head_of(struct bench *b, const char *scenario, int payload, const char *how, char *buf,
		    size_t n)
{
	snprintf(buf, n,
		 "\"scenario\":\"%s\",\"topology\":\"%s\",\"family\":\"%s\","
		 "\"payload\":%d,\"how\":\"%s\"",
		 scenario, b->topology, b->family, payload, how);
}

static void scenario_run(struct bench *b, const struct rig *r, const struct scenario *sc, int payload)
{
	static struct bench_trial t[WAYS_MAX][ROUNDS_MAX];
	int rounds = b->quick ? 3 : 7;
	long n = b->quick ? 2000 : 20000;
	char head[512];

	/* Round 0 warms caches, routes and the allocator up, and is not kept. */
	for (int round = 0; round <= rounds; round++) {
		for (int k = 0; k < sc->nways; k++) {
			int w = (k + round) % sc->nways;
			const struct how_spec *h = &hows[sc->ways[w]];
			struct bench_flow f = {
				.from = h->connected ? r->connected : r->unconnected,
				.to = r->server,
				.dest = h->named ? &r->dest : NULL,
				.mmsg = h->mmsg,
				.payload = payload,
			};
			struct bench_trial one = trial_run(b, &f, round ? n : n / 4);
			if (round == 0)
				continue;
			t[w][round - 1] = one;
			head_of(b, sc->name, payload, h->name, head, sizeof(head));
			trial_emit(b, head, round, &one);
		}
	}
	for (int w = 0; w < sc->nways; w++) {
		head_of(b, sc->name, payload, hows[sc->ways[w]].name, head, sizeof(head));
		trial_summary_emit(b, head, t[w], rounds);
		if (w == 0)
			continue;
		size_t used = strlen(head);
		snprintf(head + used, sizeof(head) - used, ",\"base\":\"%s\"", hows[sc->ways[0]].name);
		trial_ratio_emit(b, head, t[0], t[w], rounds);
	}
}

static void send_bench(struct bench *b, void *arg)
{
	(void)arg;
	struct rig r = rig_make(b);

	for (size_t s = 0; s < sizeof(scenarios) / sizeof(scenarios[0]); s++)
		for (size_t k = 0; k < sizeof(payloads) / sizeof(payloads[0]); k++)
			scenario_run(b, &r, &scenarios[s], payloads[k]);
}

int main(int argc, char **argv)
{
	static const enum topology topologies[] = { TOPO_LOOPBACK, TOPO_LINK };
	static const enum family families[] = { FAM_IPV4, FAM_IPV6 };

	bench_begin(argc, argv, "send");
	for (size_t t = 0; t < 2; t++)
		for (size_t f = 0; f < 2; f++)
			bench_run(topologies[t], families[f], send_bench, NULL, NULL);
	return bench_end();
}
