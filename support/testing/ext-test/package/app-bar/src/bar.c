#include <stdio.h>
#include <foo.h>
#include "greeting.h"

int main(void)
{
	printf("%s, %s (unpatched)\n", GREETING, foo_greeting());
	return 0;
}
