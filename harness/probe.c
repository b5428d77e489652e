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

void probe_error(struct probe *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	chan_vsend(p, 'E', fmt, ap);
	va_end(ap);
	_exit(0);
}

void probe_skip(struct probe *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	chan_vsend(p, 'S', fmt, ap);
	va_end(ap);
	_exit(0);
}
