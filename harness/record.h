/* The JSON record of one rule x family (schema 2, docs/results-schema.md),
 * and the rule's metadata (--meta): the one writer of both. */
#ifndef UDPC_RECORD_H
#define UDPC_RECORD_H

#include "result.h"
#include "str.h"

#define RECORD_SCHEMA 2

/* The rule's metadata as one JSON object, on stdout. */
void record_meta_print(const struct rule *r);
/* Appends res's record to the file at path (one line, one write()); -1
 * after one line on stderr if it cannot. */
int record_append(const char *path, const struct rule *r, const struct result *res, bool strict);

#endif
