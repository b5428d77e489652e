/* Merged into udpc.h (sock.h): kept for rules written before the merge;
 * a rule includes udpc.h only. */
#include "udpc.h"
