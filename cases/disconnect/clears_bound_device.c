// SPDX-License-Identifier: GPL-2.0-only
/* udp.disconnect.clears_bound_device
 *
 * Disconnecting a UDP socket undoes SO_BINDTODEVICE too: a socket bound to
 * the client's interface, connected and then disconnected, is bound to no
 * device afterwards (getsockopt(SO_BINDTODEVICE) returns an empty name).
 * Linux treats the device as part of the association, whoever set it; an
 * application that bound the device itself must bind it again.
 *
 * References: __udp_disconnect() in net/ipv4/udp.c ("sk->sk_bound_dev_if =
 * 0;", since the first UDP disconnect; shared by IPv6);
 * sock_getbindtodevice() in net/core/sock.c (length 0 for no device);
 * socket(7) SO_BINDTODEVICE.
 */
#include "udpc.h"

static void run(struct probe *p)
{
	struct sock *client = sock_open(p, HOST_CLIENT, "client");
	const char *eth = topo_ifname(p, HOST_CLIENT);

	must(p, sockopt_bindtodevice(p, client, eth));
	must(p, sock_connect(p, client, addr_host(p, HOST_SERVER, PORT_SERVER)));
	expect_payload(p, sockopt_bound_device(p, client), eth);

	expect_ok(p, sock_disconnect(p, client));
	expect_payload(p, sockopt_bound_device(p, client), "");
}

const struct rule rule = {
	.id = "udp.disconnect.clears_bound_device",
	.sentence = "A UDP socket bound to a device with SO_BINDTODEVICE is bound to no device after "
		    "it connects and disconnects.",
	.why = "__udp_disconnect() sets sk_bound_dev_if to 0 along with the peer, whether the "
	       "device came from SO_BINDTODEVICE or from a link-local peer's scope id.",
	.families = FAM_ALL,
	.topology = TOPO_PAIR,
	.outcomes = {
		{ "Linux", "__udp_disconnect() in net/ipv4/udp.c", "no device" },
		{ "POSIX", "no SO_BINDTODEVICE", "not specified" },
		{ "BSD", "no SO_BINDTODEVICE (FreeBSD IP_BOUND_IF stays)", "not specified" },
	},
	.run = run,
};
