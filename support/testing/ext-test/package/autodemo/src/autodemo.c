#include <stdio.h>
int main(void)
{
#ifdef SHOUT_yes
	puts("AUTODEMO");
#else
	puts("autodemo");
#endif
	return 0;
}
