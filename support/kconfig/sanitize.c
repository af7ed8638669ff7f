// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Defaults for the sanitizer build (make SANITIZE=1): conf keeps its
 * data until exit on purpose, so leak reports are noise; any other
 * finding stops the program with a non-zero status.
 */
const char *__asan_default_options(void);
const char *__ubsan_default_options(void);

const char *__asan_default_options(void)
{
	return "detect_leaks=0:abort_on_error=1";
}

const char *__ubsan_default_options(void)
{
	return "print_stacktrace=1:halt_on_error=1";
}
