/* The harness's one clock: CLOCK_MONOTONIC, for bounds and durations; and
 * the process's CPU time, for benchmarks. */
#ifndef UDPC_CLOCK_H
#define UDPC_CLOCK_H

double clock_ms(void);        /* CLOCK_MONOTONIC, in ms */
double clock_ns(void);        /* CLOCK_MONOTONIC, in ns */
double clock_cpu_ns(void);    /* CLOCK_PROCESS_CPUTIME_ID: ns resolution */
double clock_rusage_ns(void); /* getrusage(RUSAGE_SELF): user + system */
/* ms from now until deadline (a clock_ms() value); 0 once it has passed. */
int clock_left_ms(double deadline);

#endif
