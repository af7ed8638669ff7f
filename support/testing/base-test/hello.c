/* The toolchain tests' program: the C library, the kernel headers, and
 * __FILE__ as -ffile-prefix-map left it. */
#include <linux/version.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	printf("hello from %s, headers %d.%d, file %s\n", argc > 1 ? argv[1] : "musl",
	       LINUX_VERSION_CODE >> 16, (LINUX_VERSION_CODE >> 8) & 0xff, __FILE__);
	return 0;
}
