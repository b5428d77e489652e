// SPDX-License-Identifier: GPL-2.0-only
/* A probe's family run as the rule sees it: its family, and its end by
 * ERROR or SKIP.  The family's last record, then the child's end; va_end
 * comes before _exit because C pairs every va_start with a va_end in the
 * same function. */
#include "internal.h"

#include <unistd.h>

enum family probe_family(const struct probe *p)
{
	return p->fam;
}

/* The family's end: its one line sent as kind ('E' ERROR, 'S' SKIP). */
static __attribute__((noreturn)) void probe_vexit(struct probe *p, char kind, const char *fmt,
						  va_list ap)
{
	chan_vsend(p, kind, fmt, ap);
	_exit(0);
}

void probe_error(struct probe *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	probe_vexit(p, 'E', fmt, ap);
	// cppcheck-suppress unreachableCode ; not reached, but every va_start has its va_end
	va_end(ap);
}

void probe_skip(struct probe *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	probe_vexit(p, 'S', fmt, ap);
	// cppcheck-suppress unreachableCode ; not reached, but every va_start has its va_end
	va_end(ap);
}
