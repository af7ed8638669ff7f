// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The early mounts.  Each is skipped when something is mounted there
 * already (the kernel mounts devtmpfs on a disk root by itself; a root
 * switched to from the initramfs brings its mounts along).  A failure is
 * logged and boot goes on: a system without cgroups still boots.
 */
#include "mounts.h"
#include "fmt.h"
#include "log.h"
#include "readfile.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

struct early_mount {
	const char *source, *target, *type, *data;
	unsigned long flags;
	mode_t mode;		/* of the mount point, when it is made; 0: the
				   kernel makes it, where the mount applies */
};

#define NOSUID_NODEV	(MS_NOSUID | MS_NODEV)

static const struct early_mount early[] = {
	{ "proc", "/proc", "proc", NULL, NOSUID_NODEV | MS_NOEXEC, 0555 },
	{ "sysfs", "/sys", "sysfs", NULL, NOSUID_NODEV | MS_NOEXEC, 0555 },
	{ "devpts", "/dev/pts", "devpts", "gid=5,mode=620,ptmxmode=666", MS_NOSUID | MS_NOEXEC, 0755 },
	{ "shm", "/dev/shm", "tmpfs", "mode=1777", NOSUID_NODEV, 01777 },
	{ "run", "/run", "tmpfs", "mode=0755", NOSUID_NODEV, 0755 },
	{ "tmp", "/tmp", "tmpfs", "mode=1777", NOSUID_NODEV, 01777 },
	{ "cgroup2", "/sys/fs/cgroup", "cgroup2", NULL, NOSUID_NODEV | MS_NOEXEC, 0555 },
	/* there only when UEFI started the kernel */
	{ "efivarfs", "/sys/firmware/efi/efivars", "efivarfs", NULL, NOSUID_NODEV | MS_NOEXEC, 0 },
};

int is_mount_point(const char *path)
{
	char parent[256];
	struct stat here, up;
	size_t len = strlen(path);

	if (len + 4 > sizeof(parent) || stat(path, &here))
		return 0;
	memcpy(parent, path, len);
	memcpy(parent + len, "/..", 4);
	if (stat(parent, &up))
		return 0;
	return here.st_dev != up.st_dev || here.st_ino == up.st_ino;
}

int proc_filesystems(char *text, size_t size)
{
	return read_file("/proc/filesystems", text, size) < 0 ? -1 : 0;
}

/*
 * whether the kernel knows the file system type, from /proc/filesystems
 * read once (known[0] is NUL until then); yes while /proc cannot say
 */
static int fs_supported(char known[PROC_FILESYSTEMS_MAX], const char *type)
{
	char want[40];

	if (!known[0] && proc_filesystems(known, PROC_FILESYSTEMS_MAX)) {
		known[0] = '\0';
		return 1;
	}
	fmt_print(want, sizeof(want), "\t%s\n", type);
	return strstr(known, want) != NULL;
}

static void mount_one(const struct early_mount *m, char known[PROC_FILESYSTEMS_MAX])
{
	if (!m->mode && access(m->target, F_OK))
		return;
	if (!fs_supported(known, m->type)) {
		log_info("no %s in this kernel: %s is not mounted", m->type, m->target);
		return;
	}
	if (mkdir(m->target, m->mode) && errno != EEXIST) {
		log_warn("cannot make %s: %s", m->target, strerror(errno));
		return;
	}
	if (is_mount_point(m->target))
		return;
	if (mount(m->source, m->target, m->type, m->flags, m->data))
		log_warn("cannot mount %s on %s: %s", m->type, m->target, strerror(errno));
}

/* devtmpfs makes these; without it (a kernel without DEVTMPFS) make them here */
static void make_node(const char *path, mode_t mode, unsigned major, unsigned minor)
{
	if (mknod(path, S_IFCHR | mode, makedev(major, minor)) && errno != EEXIST)
		log_warn("cannot make %s: %s", path, strerror(errno));
}

void mount_dev(void)
{
	mkdir("/dev", 0755);
	if (!is_mount_point("/dev") &&
	    mount("devtmpfs", "/dev", "devtmpfs", MS_NOSUID, "mode=0755") && errno != EBUSY) {
		make_node("/dev/console", 0600, 5, 1);
		make_node("/dev/null", 0666, 1, 3);
	}
}

/* what programs expect beside the nodes: /dev/fd and the standard streams */
static void make_links(void)
{
	static const char *const links[][2] = {
		{ "/proc/self/fd", "/dev/fd" },
		{ "/proc/self/fd/0", "/dev/stdin" },
		{ "/proc/self/fd/1", "/dev/stdout" },
		{ "/proc/self/fd/2", "/dev/stderr" },
	};
	for (size_t i = 0; i < sizeof(links) / sizeof(links[0]); i++)
		if (symlink(links[i][0], links[i][1]) && errno != EEXIST)
			log_warn("cannot link %s: %s", links[i][1], strerror(errno));
}

void mount_early(void)
{
	char known[PROC_FILESYSTEMS_MAX] = "";

	for (size_t i = 0; i < sizeof(early) / sizeof(early[0]); i++)
		mount_one(&early[i], known);
	make_links();
}
