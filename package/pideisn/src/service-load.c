// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Reading a service file (at most SERVICE_FILE_MAX bytes), then the parser.
 */
#include "service.h"
#include "fmt.h"
#include "readfile.h"

#include <errno.h>
#include <string.h>

int service_load(struct service *svc, const char *dir, const char *name,
		 struct service_error *err)
{
	char path[4096], text[SERVICE_FILE_MAX + 1];
	long len;

	if (fmt_print(path, sizeof(path), "%s/%s", dir, name) >= (int)sizeof(path)) {
		fmt_print(err->message, sizeof(err->message), "%.64s...: the path is too long", dir);
		return -1;
	}
	len = read_file(path, text, sizeof(text));
	if (len < 0 && errno == EFBIG) {
		fmt_print(err->message, sizeof(err->message),
			 "%.256s: larger than %d bytes; a service file is a few lines", path,
			 SERVICE_FILE_MAX);
		return -1;
	}
	if (len < 0) {
		fmt_print(err->message, sizeof(err->message), "%.256s: cannot read: %s",
			 path, strerror(errno));
		return -1;
	}
	return service_parse(svc, name, path, text, (size_t)len, err);
}
