// SPDX-License-Identifier: GPL-2.0-or-later
/* The root switch (see rootswitch.h). */
#include "rootswitch.h"
#include "fmt.h"
#include "log.h"
#include "mounts.h"
#include "rootdev.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#define NEW_ROOT	"/.pideisn-root"
#define RAMFS_MAGIC	0x858458f6
#define TMPFS_MAGIC	0x01021994
#define WAIT_STEP_MS	20

static int on_initramfs(void)
{
	struct statfs fs;

	return !statfs("/", &fs) && (fs.f_type == RAMFS_MAGIC || fs.f_type == TMPFS_MAGIC);
}

static void sleep_ms(unsigned ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000 };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* 0 with the device in dev, or -1 (logged) */
static int wait_for_device(const struct cmdline *cl, char *dev, size_t size)
{
	unsigned limit_ms = cl->rootwait ? cl->rootwait_seconds * 1000 : ROOT_WAIT_DEFAULT * 1000;
	unsigned waited = 0;
	int found;

	if (cl->rootdelay)
		sleep_ms(cl->rootdelay * 1000);
	while (!(found = rootdev_find(cl->root_kind, cl->root, dev, size))) {
		if (limit_ms && waited >= limit_ms) {
			log_error("root device %s not found after %u s: check root= on the kernel command line "
				  "(and that its driver is in the kernel), or give rootwait=N for a slow device",
				  cl->root, waited / 1000);
			return -1;
		}
		if (waited == 1000)
			log_info("waiting for the root device %s", cl->root);
		sleep_ms(WAIT_STEP_MS);
		waited += WAIT_STEP_MS;
	}
	if (found < 0) {
		log_error("%s", dev);
		return -1;
	}
	return 0;
}

/* rootflags: the words mount(2) takes as flags, the rest as data */
static unsigned long split_flags(const char *flags, char *data, size_t size)
{
	static const struct { const char *word; unsigned long flag; } known[] = {
		{ "noatime", MS_NOATIME }, { "nodiratime", MS_NODIRATIME },
		{ "relatime", MS_RELATIME }, { "nosuid", MS_NOSUID },
		{ "nodev", MS_NODEV }, { "noexec", MS_NOEXEC }, { "sync", MS_SYNCHRONOUS },
	};
	char copy[256], *word, *save;
	unsigned long result = 0;
	size_t used = 0, i;

	data[0] = 0;
	fmt_print(copy, sizeof(copy), "%s", flags ? flags : "");
	for (word = strtok_r(copy, ",", &save); word; word = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < sizeof(known) / sizeof(known[0]) && strcmp(word, known[i].word); i++)
			;
		if (i < sizeof(known) / sizeof(known[0]))
			result |= known[i].flag;
		else if (used + strlen(word) + 2 < size)
			used += (size_t)fmt_print(data + used, size - used, "%s%s", used ? "," : "", word);
	}
	return result;
}

/* mount dev with rootfstype, or each block file system the kernel has */
static int mount_root(const struct cmdline *cl, const char *dev)
{
	unsigned long flags = cl->access == ACCESS_RW ? 0 : MS_RDONLY;
	char data[256], text[PROC_FILESYSTEMS_MAX], *line, *save;

	flags |= split_flags(cl->rootflags, data, sizeof(data));
	if (cl->rootfstype)
		return mount(dev, NEW_ROOT, cl->rootfstype, flags, data);
	if (proc_filesystems(text, sizeof(text)))
		return -1;
	errno = ENODEV;
	/* lines are "nodev\tNAME" or "\tNAME" */
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (line[0] != '\t')
			continue;
		if (!mount(dev, NEW_ROOT, line + 1, flags, data))
			return 0;
	}
	return -1;
}

/* delete the initramfs' files below dirfd, staying on its device */
static void free_tree(int dirfd, dev_t rootdev)
{
	DIR *d = fdopendir(dirfd);
	struct dirent *e;
	struct stat st;

	if (!d) {
		close(dirfd);
		return;
	}
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) || st.st_dev != rootdev)
			continue;
		if (S_ISDIR(st.st_mode)) {
			int sub = openat(dirfd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

			if (sub >= 0)
				free_tree(sub, rootdev);
			unlinkat(dirfd, e->d_name, AT_REMOVEDIR);
		} else {
			unlinkat(dirfd, e->d_name, 0);
		}
	}
	closedir(d);
}

static void move_api_mounts(void)
{
	static const char *const api[] = { "/dev", "/proc", "/sys", "/run" };
	char target[64];

	for (size_t i = 0; i < sizeof(api) / sizeof(api[0]); i++) {
		if (!is_mount_point(api[i]))
			continue;
		fmt_print(target, sizeof(target), NEW_ROOT "%s", api[i]);
		if (mount(api[i], target, NULL, MS_MOVE, NULL))
			umount2(api[i], MNT_DETACH);
	}
	if (is_mount_point("/tmp"))
		umount2("/tmp", MNT_DETACH);
}

static void exec_new_init(const struct cmdline *cl)
{
	const char *init = cl->init ? cl->init : "/sbin/init";
	char *argv[CMDLINE_MAX_INIT_ARGS + 2];
	unsigned i;

	argv[0] = (char *)init;
	for (i = 0; i < cl->init_argc; i++)
		argv[i + 1] = (char *)cl->init_argv[i];
	argv[i + 1] = NULL;
	execv(init, argv);
	log_error("cannot start %s on the new root: %s; give init= the path of its init",
		  init, strerror(errno));
}

int root_switch(const struct cmdline *cl)
{
	char dev[256];
	struct stat st;
	int fd;

	if (cl->root_kind == ROOT_NONE || !on_initramfs())
		return 0;
	if (wait_for_device(cl, dev, sizeof(dev)))
		return -1;
	mkdir(NEW_ROOT, 0755);
	if (mount_root(cl, dev)) {
		log_error("cannot mount %s on %s%s%s: %s; check rootfstype= and rootflags=",
			  dev, NEW_ROOT, cl->rootfstype ? " as " : "",
			  cl->rootfstype ? cl->rootfstype : "", strerror(errno));
		return -1;
	}
	log_info("root: %s%s", dev, cl->access == ACCESS_RW ? "" : " (read-only)");
	move_api_mounts();
	if (!stat("/", &st) && (fd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0)
		free_tree(fd, st.st_dev);
	if (chdir(NEW_ROOT) || mount(".", "/", NULL, MS_MOVE, NULL) || chroot(".") || chdir("/")) {
		log_error("cannot switch to the new root: %s", strerror(errno));
		return -1;
	}
	exec_new_init(cl);
	return -1;
}
