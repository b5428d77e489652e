/* Trials: n datagrams sent from one socket to another, timed, and the
 * records that report them. */
#ifndef UDPC_TRIAL_H
#define UDPC_TRIAL_H

#include "bench.h"

/* One flow of datagrams, sender to receiver, both sockets already set up. */
struct bench_flow {
	int from;                /* the sending socket */
	int to;                  /* the receiving socket, drained after every batch */
	const struct addr *dest; /* sendto()/msg_name; NULL: send() on a connected socket */
	bool mmsg;               /* sendmmsg() of a batch instead of one call each */
	int payload;             /* bytes per datagram, at most BENCH_PAYLOAD_MAX */
};

#define BENCH_PAYLOAD_MAX 1472
/* Datagrams sent between two drains: small enough that the receive queue
 * (SO_RCVBUFFORCE BENCH_RCVBUF) never fills. */
#define BENCH_BATCH 32
#define BENCH_RCVBUF (4 << 20)

/* One trial's totals, in ns of the whole trial. */
struct bench_trial {
	long sent, received, drops, lost;
	double send_wall, send_cpu; /* inside the send calls only */
	double wall, cpu;           /* the whole trial, receiving included; cpu: getrusage */
};

/* Sends n datagrams in batches of BENCH_BATCH, draining the receiver after
 * each batch, and times the send calls apart from the rest. */
struct bench_trial trial_run(struct bench *b, const struct bench_flow *f, long n);
/* Records: "kind":"trial" for one trial, "kind":"summary" for trials of one
 * setting (per-datagram statistics), "kind":"ratio" for base/other per round
 * (trials measured in alternation: base[i] and other[i] in the same round).
 * head: the JSON members naming the setting ("\"scenario\":\"send\",..."). */
void trial_emit(struct bench *b, const char *head, int round, const struct bench_trial *t);
void trial_summary_emit(struct bench *b, const char *head, const struct bench_trial *t, int n);
void trial_ratio_emit(struct bench *b, const char *head, const struct bench_trial *base,
		      const struct bench_trial *other, int n);

#endif
