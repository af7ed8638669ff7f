// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kernel given to kiln-uki: is it an EFI-stub image for the board's
 * machine, and which release is it (for .uname)?
 */
#include "kiln-uki.h"
#include "util.h"

#include <string.h>

/* x86's boot protocol: the setup header of a bzImage */
#define X86_SETUP_MAGIC_AT 0x202
#define X86_KERNEL_VERSION_AT 0x20e
#define X86_SETUP_BASE 0x200
#define RELEASE_MAX 64

const char *kernel_check(const unsigned char *data, size_t len, uint16_t machine, char *err,
			 size_t errlen)
{
	char why[160];
	size_t coff;
	uint16_t kernel_machine;

	if (!len)
		return "is empty";
	if (len >= 2 && data[0] == 0x1f && data[1] == 0x8b)
		return "is compressed (Image.gz?): the stub needs the EFI-stub image "
		       "(Image on arm64, bzImage on x86_64)";
	coff = pe_signature(data, len, why, sizeof(why));
	if (!coff) {
		snprintf(err, errlen, "is %s: built without CONFIG_EFI_STUB?", why);
		return err;
	}
	kernel_machine = le16(data + coff);
	if (kernel_machine != machine) {
		snprintf(err, errlen,
			 "is a kernel for %s (machine 0x%x), the board is %s: "
			 "built without CONFIG_EFI_STUB, or for another board?",
			 pe_machine_name(kernel_machine), kernel_machine, pe_machine_name(machine));
		return err;
	}
	return NULL;
}

/* The word at p (printable, up to a space or any other byte), or NULL. */
static char *release_word(const unsigned char *p, const unsigned char *end)
{
	size_t n = 0;

	while (p + n < end && n <= RELEASE_MAX && p[n] > ' ' && p[n] < 0x7f)
		n++;
	if (!n || n > RELEASE_MAX)
		return NULL;
	return xstrndup((const char *)p, n);
}

static char *bzimage_release(const unsigned char *data, size_t len)
{
	size_t at;

	if (len < X86_KERNEL_VERSION_AT + 2 || memcmp(data + X86_SETUP_MAGIC_AT, "HdrS", 4))
		return NULL;
	at = (size_t)le16(data + X86_KERNEL_VERSION_AT) + X86_SETUP_BASE;
	if (at == X86_SETUP_BASE || at >= len)
		return NULL;
	return release_word(data + at, data + len);
}

static char *banner_release(const unsigned char *data, size_t len)
{
	static const char banner[] = "Linux version ";
	const unsigned char *p = memmem(data, len, banner, sizeof(banner) - 1);

	if (!p)
		return NULL;
	p += sizeof(banner) - 1;
	return release_word(p, data + len);
}

char *kernel_release(const unsigned char *data, size_t len)
{
	char *release = bzimage_release(data, len);

	return release ? release : banner_release(data, len);
}
