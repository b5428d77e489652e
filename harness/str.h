/* A growing string: what the JSON writers build a record in. */
#ifndef UDPC_STR_H
#define UDPC_STR_H

#include <stddef.h>

struct str {
	char *s;
	size_t len, cap;
};

void str_add(struct str *b, const char *data, size_t n);
void str_printf(struct str *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void str_free(struct str *b);

#endif
