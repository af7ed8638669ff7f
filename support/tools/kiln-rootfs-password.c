// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Password hashing, and `kiln-rootfs password`: one user's password field
 * in the target's etc/shadow.
 *
 * Hashes are SHA-512 crypt ("$6$") from libcrypt.  Images must be
 * reproducible, so the salt is not random: it is derived from a seed and
 * the user name (SHA-256 of seed, NUL, name, 16 characters of the crypt
 * alphabet).  Two users with the same password still get different
 * hashes, and so do two products built with different seeds; the same
 * seed, user and password always give the same hash.  See docs/system.md.
 */
#include "kiln-rootfs.h"
#include "sha256.h"
#include "util.h"

#include <crypt.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char crypt_alphabet[] =
	"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

static int hex_value(char c)
{
	return c <= '9' ? c - '0' : c - 'a' + 10;
}

/* 16 salt characters from SHA-256(seed NUL user); 64 divides 256: no bias. */
static void derive_salt(const char *seed, const char *user, char salt[17])
{
	struct sha256 ctx;
	char hex[65];
	int i;

	sha256_init(&ctx);
	sha256_update(&ctx, seed, strlen(seed) + 1);
	sha256_update(&ctx, user, strlen(user));
	sha256_hex(&ctx, hex);
	for (i = 0; i < 16; i++) {
		int byte = hex_value(hex[2 * i]) << 4 | hex_value(hex[2 * i + 1]);

		salt[i] = crypt_alphabet[byte & 63];
	}
	salt[16] = '\0';
}

char *password_hash(const char *plain, const char *seed, const char *user)
{
	char salt[17], *setting;
	const char *hash;

	derive_salt(seed, user, salt);
	setting = xasprintf("$6$%s$", salt);
	hash = crypt(plain, setting);
	free(setting);
	if (!hash || strncmp(hash, "$6$", 3))
		die("libcrypt cannot make a SHA-512 password hash ($6$) on this host");
	return xstrdup(hash);
}

/* ---- kiln-rootfs password ---------------------------------------------- */

struct password_args {
	const char *target, *user, *seed;
	const char *value;	/* the new field, before locking */
	char *owned;		/* value, when this tool made it */
	int locked;
	int sources;		/* how many of --plain, --hash, --empty */
};

static void password_usage(void)
{
	fprintf(stderr, "usage: kiln-rootfs password --target DIR --user NAME\n"
		"         (--plain PW | --hash HASH | --empty) [--locked] [--salt-seed STR]\n"
		"       kiln-rootfs password --target DIR --user NAME --locked\n");
	exit(2);
}

static void parse_password_args(int argc, char **argv, struct password_args *a)
{
	static const struct option options[] = {
		{ "target", required_argument, NULL, 't' },
		{ "user", required_argument, NULL, 'u' },
		{ "plain", required_argument, NULL, 'p' },
		{ "hash", required_argument, NULL, 'h' },
		{ "empty", no_argument, NULL, 'e' },
		{ "locked", no_argument, NULL, 'l' },
		{ "salt-seed", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	const char *plain = NULL;
	int c;

	a->seed = DEFAULT_SALT_SEED;
	while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (c) {
		case 't':
			a->target = optarg;
			break;
		case 'u':
			a->user = optarg;
			break;
		case 'p':
			plain = optarg;
			a->sources++;
			break;
		case 'h':
			a->value = optarg;
			a->sources++;
			break;
		case 'e':
			a->value = "";
			a->sources++;
			break;
		case 'l':
			a->locked = 1;
			break;
		case 's':
			a->seed = optarg;
			break;
		default:
			password_usage();
		}
	}
	if (optind != argc || !a->target || !a->user || a->sources > 1 ||
	    (!a->sources && !a->locked))
		password_usage();
	if (a->value && strpbrk(a->value, ":\n"))
		die("the hash given to --hash holds a ':' or a newline; give a crypt(3) hash such as $6$salt$...");
	if (plain)
		a->value = a->owned = password_hash(plain, a->seed, a->user);
}

/* The new field: the value, or the old field, with "!" in front when locked. */
static char *new_field(const struct password_args *a, const char *old)
{
	const char *base = a->value ? a->value : old;

	if (a->locked && base[0] != '!')
		return xasprintf("!%s", base);
	return xstrdup(base);
}

static void make_passwd_point_to_shadow(struct db *passwd, const char *user)
{
	struct db_line *line = db_find(passwd, user);

	if (strcmp(db_field(line, 1), "x"))
		db_set_field(line, 1, "x");
}

int password_main(int argc, char **argv)
{
	struct password_args a = { 0 };
	struct db passwd, shadow;
	struct db_line *line;
	char *field, *text;

	parse_password_args(argc, argv, &a);
	root_open(a.target);
	db_load(&passwd, "passwd");
	db_load(&shadow, "shadow");
	if (!db_find(&passwd, a.user))
		die("there is no user '%s' in %s/etc/passwd; add it with a users table first",
		    a.user, a.target);
	line = db_find(&shadow, a.user);
	field = new_field(&a, line ? db_field(line, 1) : "");
	if (line) {
		db_set_field(line, 1, field);
	} else {
		text = xasprintf("%s:%s:::::::", a.user, field);
		db_put(&shadow, text);
		free(text);
	}
	free(field);
	make_passwd_point_to_shadow(&passwd, a.user);
	db_save(&passwd, 0644);
	db_save(&shadow, 0600);
	db_free(&passwd);
	db_free(&shadow);
	free(a.owned);
	return 0;
}
