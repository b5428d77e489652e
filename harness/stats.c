/* Median, quartiles, min and max (stats.h). */
#include "stats.h"

#include <stdio.h>
#include <stdlib.h>

static int double_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Linear interpolation between closest ranks. */
static double quantile(const double *sorted, int n, double q)
{
	double pos = q * (n - 1);
	int lo = (int)pos;

	if (lo >= n - 1)
		return sorted[n - 1];
	return sorted[lo] + (pos - lo) * (sorted[lo + 1] - sorted[lo]);
}

struct stats stats_of(double *v, int n)
{
	if (n <= 0)
		return (struct stats){ 0 };
	qsort(v, (size_t)n, sizeof(*v), double_cmp);
	return (struct stats){
		.median = quantile(v, n, 0.5),
		.q1 = quantile(v, n, 0.25),
		.q3 = quantile(v, n, 0.75),
		.min = v[0],
		.max = v[n - 1],
	};
}

const char *stats_json(const char *key, struct stats s, char *buf, size_t n)
{
	snprintf(buf, n, ",\"%s\":{\"median\":%.4g,\"q1\":%.4g,\"q3\":%.4g,\"min\":%.4g,\"max\":%.4g}",
		 key, s.median, s.q1, s.q3, s.min, s.max);
	return buf;
}
