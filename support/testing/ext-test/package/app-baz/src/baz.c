#include <stdio.h>
int main(void)
{
	puts("baz");
	return 0;
}
