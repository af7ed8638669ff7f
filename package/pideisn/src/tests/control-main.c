// SPDX-License-Identifier: GPL-2.0-or-later
/* The control commands alone, for t/38 (pideisn's main calls client_main too). */
#include "../client.h"

int main(int argc, char **argv)
{
	return client_main(argc, argv);
}
