// SPDX-License-Identifier: GPL-2.0-only
/* Kernel versions (kver.h). */
#include "kver.h"

#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

/* The number at *s, moving s past it; -1 if there is none. */
static long kver_number(const char **s)
{
	char *end;
	long n = strtol(*s, &end, 10);

	if (end == *s || n < 0 || n > 999)
		return -1;
	*s = end;
	return n;
}

long kver_parse(const char *s)
{
	long major, minor, patch = 0;

	if (!s)
		return -1;
	if (*s == 'v')
		s++;
	major = kver_number(&s);
	if (major < 0 || *s++ != '.')
		return -1;
	minor = kver_number(&s);
	if (minor < 0)
		return -1;
	if (*s == '.') {
		s++;
		patch = kver_number(&s);
		if (patch < 0)
			patch = 0;
	}
	return major * 1000000 + minor * 1000 + patch;
}

long kver_of(const char *release, const char *version)
{
	long r = kver_parse(release);
	const char *debian = version ? strstr(version, "Debian ") : NULL;
	long d = debian ? kver_parse(debian + strlen("Debian ")) : -1;

	return r >= 0 && d > r && d / 1000 == r / 1000 ? d : r;
}

long kver_running(void)
{
	struct utsname u;

	return uname(&u) == 0 ? kver_of(u.release, u.version) : -1;
}

bool kver_in_stable(const char *list, long running)
{
	const char *s = list;

	while (s && *s && running >= 0) {
		long release = kver_parse(s);

		if (release >= 0 && running / 1000 == release / 1000 && running >= release)
			return true;
		s += strcspn(s, " ");
		s += strspn(s, " ");
	}
	return false;
}
