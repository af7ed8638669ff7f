// SPDX-License-Identifier: GPL-2.0-or-later
/* Finding the root device (see rootdev.h): /sys/class/block, superblocks. */
#include "rootdev.h"
#include "readfile.h"
#include "fmt.h"

#include <dirent.h>
#include <fcntl.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define EXT_MAGIC	0xef53
#define SB_OFFSET	1024
#define SB_MAGIC	56
#define SB_UUID		104
#define SB_LABEL	120

int ext_identity(const unsigned char *sb, char label[17], char uuid[37])
{
	static const char hex[] = "0123456789abcdef";
	char *o = uuid;

	if ((sb[SB_MAGIC] | sb[SB_MAGIC + 1] << 8) != EXT_MAGIC)
		return -1;
	memcpy(label, sb + SB_LABEL, 16);
	label[16] = 0;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*o++ = '-';
		*o++ = hex[sb[SB_UUID + i] >> 4];
		*o++ = hex[sb[SB_UUID + i] & 15];
	}
	*o = 0;
	return 0;
}

/* does the file system on dev carry this label or UUID? */
static int ext_matches(const char *dev, enum cmdline_root kind, const char *value)
{
	unsigned char sb[1024];
	char label[17], uuid[37];
	int fd = open(dev, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return 0;
	n = pread(fd, sb, sizeof(sb), SB_OFFSET);
	close(fd);
	if (n != (ssize_t)sizeof(sb) || ext_identity(sb, label, uuid))
		return 0;
	if (kind == ROOT_LABEL)
		return !strcmp(label, value);
	return !strcasecmp(uuid, value);
}

/* does /sys/class/block/name/uevent say PARTNAME=value? */
static int partname_matches(const char *name, const char *value)
{
	char path[300], text[1024], *p;

	fmt_print(path, sizeof(path), "/sys/class/block/%s/uevent", name);
	if (read_file(path, text, sizeof(text)) <= 0)
		return 0;
	for (p = strtok(text, "\n"); p; p = strtok(NULL, "\n"))
		if (!strncmp(p, "PARTNAME=", 9) && !strcmp(p + 9, value))
			return 1;
	return 0;
}

static int scan_block_devices(enum cmdline_root kind, const char *value, char *path, size_t size)
{
	DIR *d = opendir("/sys/class/block");
	struct dirent *e;
	int found = 0;

	if (!d)
		return 0;
	while (!found && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		fmt_print(path, size, "/dev/%s", e->d_name);
		if (kind == ROOT_PARTLABEL)
			found = partname_matches(e->d_name, value);
		else
			found = ext_matches(path, kind, value);
	}
	closedir(d);
	return found;
}

int rootdev_find(enum cmdline_root kind, const char *value, char *path, size_t size)
{
	struct stat st;

	switch (kind) {
	case ROOT_PATH:
		fmt_print(path, size, "%s", value);
		return !stat(path, &st) && S_ISBLK(st.st_mode);
	case ROOT_LABEL:
	case ROOT_UUID:
	case ROOT_PARTLABEL:
		return scan_block_devices(kind, value, path, size);
	case ROOT_PARTUUID:
		fmt_print(path, size, "root=PARTUUID= is not supported by pideisn: use root=/dev/..., LABEL=, UUID= or PARTLABEL=");
		return -1;
	case ROOT_NONE:
		break;
	}
	return 0;
}
