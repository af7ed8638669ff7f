/* Links against the target's ncurses (found through the sysroot). */
#include <curses.h>
#include <stdio.h>

int main(void)
{
	printf("%s\n", curses_version());
	return 0;
}
