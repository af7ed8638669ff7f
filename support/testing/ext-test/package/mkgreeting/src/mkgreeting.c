#include <stdio.h>
/* Writes a C header defining GREETING as its first argument. */
int main(int argc, char **argv)
{
	if (argc != 2)
		return 2;
	printf("#define GREETING \"%s\"\n", argv[1]);
	return 0;
}
