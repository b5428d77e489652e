/* Statistics over trials. */
#ifndef UDPC_STATS_H
#define UDPC_STATS_H

#include <stddef.h>

/* Median, quartiles, min and max of v[0..n) (sorted in place). */
struct stats {
	double median, q1, q3, min, max;
};
struct stats stats_of(double *v, int n);
/* ,"key":{"median":..,"q1":..,"q3":..,"min":..,"max":..} into buf. */
const char *stats_json(const char *key, struct stats s, char *buf, size_t n);

#endif
