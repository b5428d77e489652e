/* A recvfrom() without MSG_DONTWAIT made by a second thread: start returns
 * once that thread is asleep inside recvfrom() (ERROR if it is not within
 * WAIT_MS), finish collects its answer.  SO_RCVTIMEO = WAIT_MS bounds the
 * wait, so a wake-up that never comes shows up as EAGAIN. */
#ifndef UDPC_BLOCKED_H
#define UDPC_BLOCKED_H

#include "sock.h"

struct blocked_recv;
struct blocked_recv *blocked_recv_start(struct probe *p, struct sock *s);
struct call blocked_recv_finish(struct probe *p, struct blocked_recv *b);

#endif
