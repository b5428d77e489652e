/* The families a rule runs in: their names and socket domains. */
#include "internal.h"

const char *family_name(enum family f)
{
	switch (f) {
	case FAM_IPV4:
		return "ipv4";
	case FAM_IPV6:
		return "ipv6";
	case FAM_MAPPED:
		return "mapped";
	}
	return "?";
}

int family_domain(enum family f)
{
	return f == FAM_IPV4 ? AF_INET : AF_INET6;
}
