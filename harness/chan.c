/* The child's side of the channel to its parent: one record per line.
 * A record is one write() of less than PIPE_BUF bytes, so it arrives whole
 * even if the child dies right after. */
#include "internal.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

void chan_vsend(struct probe *p, char kind, const char *fmt, va_list ap)
{
	char buf[PIPE_BUF];
	int n = snprintf(buf, sizeof(buf), "%c ", kind);

	n += vsnprintf(buf + n, sizeof(buf) - (size_t)n - 1, fmt, ap);
	if (n > (int)sizeof(buf) - 2)
		n = (int)sizeof(buf) - 2;
	for (int i = 2; i < n; i++)
		if (buf[i] == '\n')
			buf[i] = ' ';
	buf[n++] = '\n';
	/* A short write can only mean the parent is gone: nothing to tell. */
	if (write(p->chan, buf, (size_t)n) != n)
		_exit(2);
}

void chan_send(struct probe *p, char kind, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	chan_vsend(p, kind, fmt, ap);
	va_end(ap);
}
