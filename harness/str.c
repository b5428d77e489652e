/* A growing string (str.h).  Out of memory ends the process: there is no
 * verdict to save. */
#include "str.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void str_add(struct str *b, const char *data, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *s = realloc(b->s, cap);
		if (!s) {
			fputs("udpconform: out of memory\n", stderr);
			exit(1);
		}
		b->s = s;
		b->cap = cap;
	}
	memcpy(b->s + b->len, data, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void str_printf(struct str *b, const char *fmt, ...)
{
	char tmp[8192];
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		str_add(b, tmp, n < (int)sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

void str_free(struct str *b)
{
	free(b->s);
	*b = (struct str){ 0 };
}
