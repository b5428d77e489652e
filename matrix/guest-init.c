// SPDX-License-Identifier: GPL-2.0-only
/*
 * guest-init: PID 1 of a `make matrix` guest.
 *
 * Mounts what the suite needs, loads the kernel modules the harness needs
 * (veth, then llc, stp, bridge: the Debian package ships no modules.dep, so
 * the order is given in MODULE_ORDER), then hands over to guest-run.
 * Written in C so that the guest needs neither mount(8) nor kmod: only the
 * finit_module(2) and mount(2) calls they would make.
 *
 * Every line it prints starts with "guest-init:", so a matrix log says who
 * spoke; a module that does not load is reported and the suite still runs,
 * where the harness says in one line which rule needed it.
 *
 * `/init leave` is the guest's end, for guest-run and guest-kselftest.sh.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/io.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <termios.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MODULE_DIR "/lib/modules/udpconform"
#define MODULE_ORDER MODULE_DIR "/order"
#define GUEST_RUN "/udpconform/guest-run"
/* QEMU's isa-debug-exit device, as scripts/lib/guest.bash places it. */
#define DEBUG_EXIT_PORT 0xf4

static void mount_or_say(const char *type, const char *target)
{
	mkdir(target, 0755);
	if (mount(type, target, type, 0, NULL) < 0)
		printf("guest-init: mount %s on %s: %s\n", type, target, strerrorname_np(errno));
}

static void module_load(const char *name)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "%s/%s.ko", MODULE_DIR, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		printf("guest-init: module %s: not in the initramfs\n", name);
		return;
	}
	if (syscall(SYS_finit_module, fd, "", 0) < 0 && errno != EEXIST)
		printf("guest-init: module %s: finit_module: %s\n", name, strerrorname_np(errno));
	close(fd);
}

static void modules_load(void)
{
	char name[64];
	FILE *order = fopen(MODULE_ORDER, "re");

	if (!order)
		return; /* a guest started without modules: the harness says what is missing */
	while (fscanf(order, "%63s", name) == 1)
		module_load(name);
	fclose(order);
}

/* The console drained first: a kernel halts with whatever its serial
 * driver still holds.  Then QEMU's isa-debug-exit port: the write ends
 * QEMU at once, in the port's own handler.  A kernel's reset path is no
 * sure way out: once in 66 guests, 7.3 printed "reboot: Restarting system"
 * and then spun its CPU until the host's bound, 265 s later.  A kernel
 * without ioperm (the tinyconfig of kernel/config) still resets, not
 * powers off: -no-reboot makes QEMU exit on it, and a kernel built without
 * ACPI cannot power a microvm off; it would halt there until the bound. */
static void guest_leave(void)
{
	fflush(stdout);
	tcdrain(STDOUT_FILENO);
	sync();
	if (ioperm(DEBUG_EXIT_PORT, 1, 1) == 0)
		outb(0, DEBUG_EXIT_PORT);
	reboot(RB_AUTOBOOT);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "leave") == 0) {
		guest_leave();
		return 1;
	}
	mount_or_say("proc", "/proc");
	mount_or_say("sysfs", "/sys");
	mount_or_say("devtmpfs", "/dev");
	mount_or_say("tmpfs", "/tmp");
	mount_or_say("tmpfs", "/run");
	modules_load();
	fflush(stdout);

	execl(GUEST_RUN, GUEST_RUN, (char *)NULL);
	printf("guest-init: cannot run %s: %s\n", GUEST_RUN, strerrorname_np(errno));
	guest_leave();
	return 1;
}
