/* What one family's child reported over its channel (chan.c), line by line,
 * as the parent collected it: "K text", K the kind of record. */
#ifndef UDPC_RECORDS_H
#define UDPC_RECORDS_H

#include <stdbool.h>
#include <stddef.h>

struct records {
	char **line;
	size_t n;
};

void records_add(struct records *r, const char *line);
/* The text of the last record of this kind, or NULL. */
const char *records_last(const struct records *r, char kind);
/* True if any expectation ('C') did not hold. */
bool records_failed(const struct records *r);
void records_free(struct records *r);

/* A 'C' record's three tab-separated fields: what was checked, what was
 * expected, what was observed; ok is whether it held. */
struct check {
	bool ok;
	char what[4096], expected[4096], observed[4096]; /* a record is < PIPE_BUF */
};
bool records_check(const char *line, struct check *c);

#endif
