// SPDX-License-Identifier: GPL-2.0-only
/* Probes never look names up.  libnl has helpers that would (getaddrinfo,
 * getprotobyname), and in a static binary those need glibc's NSS modules at
 * run time, which an initramfs does not have.  These stand-ins make such a
 * call fail plainly, keep the probes free of run-time file dependencies, and
 * keep glibc's static-linking warnings out of the build. */
#include <netdb.h>
#include <stddef.h>

int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
		struct addrinfo **res)
{
	(void)node, (void)service, (void)hints;
	*res = NULL;
	return EAI_FAIL;
}

void freeaddrinfo(struct addrinfo *res)
{
	(void)res;
}

struct protoent *getprotobyname(const char *name)
{
	(void)name;
	return NULL;
}

struct protoent *getprotobynumber(int proto)
{
	(void)proto;
	return NULL;
}
