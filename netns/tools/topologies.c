// SPDX-License-Identifier: GPL-2.0-only
/* Prints every topology as JSON (topo_print_json() in netns/topo.c): what
 * `make lessons` draws the lesson book's topology diagrams from. */
#include "internal.h"

#include <stdio.h>

int main(void)
{
	topo_print_json(stdout);
	return fflush(stdout) ? 1 : 0;
}
