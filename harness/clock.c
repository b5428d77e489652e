/* The clock (clock.h). */
#include "clock.h"

#include <sys/resource.h>
#include <time.h>

static double clock_read_ns(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

double clock_ns(void)
{
	return clock_read_ns(CLOCK_MONOTONIC);
}

double clock_ms(void)
{
	return clock_ns() / 1e6;
}

double clock_cpu_ns(void)
{
	return clock_read_ns(CLOCK_PROCESS_CPUTIME_ID);
}

double clock_rusage_ns(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ((double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e6 +
		(double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec)) *
	       1e3;
}

int clock_left_ms(double deadline)
{
	double left = deadline - clock_ms();

	if (left <= 0)
		return 0;
	return left > 1e9 ? 1000000000 : (int)left + 1; /* rounded up: never 0 before it */
}
