/* SPDX-License-Identifier: GPL-2.0-only */
/* Expectations: expect_*() compare an answer with the rule's literal
 * expectation, record PASS or FAIL and carry on; must() accepts nothing but
 * success: anything else is ERROR (setup failed, the rule could not even be
 * asked). */
#ifndef UDPC_EXPECT_H
#define UDPC_EXPECT_H

#include "errq.h"
#include "sock.h"

void expect_ok(struct probe *p, struct call c);
void expect_errno(struct probe *p, struct call c, int err);
void expect_datagram(struct probe *p, struct call c, const char *payload, struct addr from);
void expect_addr(struct probe *p, struct call c, struct addr want);
/* The error a sockopt_so_error() call took: an errno, or 0 for none. */
void expect_pending_error(struct probe *p, struct call c, int err);
void expect_long(struct probe *p, const char *what, long want, long got);

/* revents exactly `want` (POLLERR, POLLIN|POLLOUT, ...). */
void expect_revents(struct probe *p, struct call c, short want);
/* The error queue entry errq_recv() read is the one wanted. */
void expect_errqueue(struct probe *p, struct errq_msg m, struct ee_want want);
/* Both calls succeeded and returned the very same address, port included:
 * e.g. the source a receiver saw and the sender's getsockname(). */
void expect_same_addr(struct probe *p, const char *what, struct call a, struct call b);

/* The call returned 0 and no datagram: end of file (a read after SHUT_RD). */
void expect_eof(struct probe *p, struct call c);
/* Catalogue II: receive/errors */

/* The call succeeded and read the int want (FIONREAD's count, an option). */
void expect_value(struct probe *p, struct call c, int want);
/* The call succeeded and answered exactly these msg_flags (MSG_TRUNC, ...). */
void expect_msg_flags(struct probe *p, struct call c, int want);
/* The call succeeded and answered this length: optlen, a returned length. */
void expect_len(struct probe *p, struct call c, const char *what, size_t want);
/* The call returned exactly want (a receive with MSG_TRUNC: the real length). */
void expect_ret(struct probe *p, struct call c, long want);
/* The call succeeded and returned exactly these bytes, whatever their source
 * (read(), recv(), readv() give none). */
void expect_payload(struct probe *p, struct call c, const char *payload);

/* Ends this family as ERROR unless c succeeded completely. */
void must(struct probe *p, struct call c);

#endif
