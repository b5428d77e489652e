/* The addressing plan (plan.h). */
#include "plan.h"

#include <stdio.h>
#include <sys/socket.h>

/* Host numbers: the last number of every address a host has. */
static const int host_number[HOST_COUNT] = {
	[HOST_CLIENT] = 1,
	[HOST_SERVER] = 2,
	[HOST_STRANGER] = 3,
	[HOST_ROUTER] = 254,
};

/* Segments no topology has: the router's unreachable one, and one nothing
 * routes to. */
enum { SUBNET_UNREACHABLE = 9, SUBNET_NO_ROUTE = 7 };

const char *plan_host_name(enum host h)
{
	static const char *const names[HOST_COUNT] = {
		[HOST_CLIENT] = "client",
		[HOST_SERVER] = "server",
		[HOST_STRANGER] = "stranger",
		[HOST_ROUTER] = "router",
	};
	return names[h];
}

static const char *plan_address(int af, int subnet, int number, char *buf)
{
	if (af == AF_INET)
		snprintf(buf, PLAN_TEXT_MAX, "198.18.%d.%d", subnet, number);
	else
		snprintf(buf, PLAN_TEXT_MAX, "2001:db8:%x::%x", subnet, number);
	return buf;
}

const char *plan_host(int af, int subnet, enum host h, char *buf)
{
	return plan_address(af, subnet, host_number[h], buf);
}

const char *plan_prefix(int af, int subnet, char *buf)
{
	if (af == AF_INET)
		snprintf(buf, PLAN_TEXT_MAX, "198.18.%d.0/24", subnet);
	else
		snprintf(buf, PLAN_TEXT_MAX, "2001:db8:%x::/64", subnet);
	return buf;
}

const char *plan_broadcast(int subnet, char *buf)
{
	return plan_address(AF_INET, subnet, 255, buf);
}

const char *plan_unreachable_prefix(int af, char *buf)
{
	return plan_prefix(af, SUBNET_UNREACHABLE, buf);
}

const char *plan_unreachable(int af, char *buf)
{
	return plan_address(af, SUBNET_UNREACHABLE, 1, buf);
}

const char *plan_no_route(int af, char *buf)
{
	return plan_address(af, SUBNET_NO_ROUTE, 1, buf);
}

const char *plan_group(int af, char *buf)
{
	snprintf(buf, PLAN_TEXT_MAX, "%s", af == AF_INET ? "233.252.0.1" : "ff0e::db8:0:1");
	return buf;
}

const char *plan_loopback(int af, char *buf)
{
	snprintf(buf, PLAN_TEXT_MAX, "%s", af == AF_INET ? "127.0.0.1" : "::1");
	return buf;
}

void plan_mac(int subnet, enum host h, unsigned char mac[6])
{
	const unsigned char m[6] = {
		0x02, 'u', 'd', 'p', (unsigned char)subnet, (unsigned char)host_number[h]
	};

	for (int i = 0; i < 6; i++)
		mac[i] = m[i];
}

const char *plan_link_local(int subnet, enum host h, char *buf)
{
	unsigned char m[6];

	/* The EUI-64 interface id of the MAC (RFC 4291 appendix A): the
	 * universal/local bit flipped, ff:fe in the middle. */
	plan_mac(subnet, h, m);
	snprintf(buf, PLAN_TEXT_MAX, "fe80::%x:%x:%x:%x", (m[0] ^ 0x02) << 8 | m[1], m[2] << 8 | 0xff,
		 0xfe << 8 | m[3], m[4] << 8 | m[5]);
	return buf;
}
