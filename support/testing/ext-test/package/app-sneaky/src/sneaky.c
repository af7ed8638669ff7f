#include <stdio.h>
#include <foo.h>
int main(void)
{
	puts(foo_greeting());
	return 0;
}
