// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The service file parser: lines, then "key = value", then one function
 * per key.  Every message names the file and line, says what is wrong
 * and what to write instead.
 */
#include "service.h"
#include "fmt.h"
#include "service-values.h"

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct parser {
	struct service *svc;
	const char *path;
	unsigned line;
	struct service_error *err;
};

static int error_at(struct parser *ps, const char *fmt, ...)
{
	char *out = ps->err->message;
	size_t size = sizeof(ps->err->message);
	int prefix;
	va_list ap;

	if (ps->line)
		prefix = fmt_print(out, size, "%s:%u: ", ps->path, ps->line);
	else
		prefix = fmt_print(out, size, "%s: ", ps->path);
	if (prefix < 0 || (size_t)prefix >= size)
		return -1;
	va_start(ap, fmt);
	fmt_vprint(out + prefix, size - (size_t)prefix, fmt, ap);
	va_end(ap);
	return -1;
}

static char *pool_add(struct parser *ps, const char *text, size_t len)
{
	struct service *svc = ps->svc;
	char *copy;

	if (svc->pool_used + len + 1 > sizeof(svc->pool)) {
		error_at(ps, "the service is too large (over %d bytes of values); shorten it",
			 SERVICE_POOL_SIZE);
		return NULL;
	}
	copy = svc->pool + svc->pool_used;
	memcpy(copy, text, len);
	copy[len] = '\0';
	svc->pool_used += len + 1;
	return copy;
}

static int set_text(struct parser *ps, const char **field, const char *value)
{
	*field = pool_add(ps, value, strlen(value));
	return *field ? 0 : -1;
}

static int set_description(struct parser *ps, const char *value)
{
	return set_text(ps, &ps->svc->description, value);
}

static int set_command(struct parser *ps, const char *value)
{
	struct service *svc = ps->svc;
	char word[SERVICE_LINE_MAX];
	const char *why = NULL;
	unsigned argc = 0;
	int got;

	while ((got = next_quoted_word(&value, word, sizeof(word), &why)) > 0) {
		if (argc == SERVICE_MAX_ARGS)
			return error_at(ps, "more than %d arguments; pass fewer, or use a wrapper script",
					SERVICE_MAX_ARGS);
		if (!(svc->argv[argc++] = pool_add(ps, word, strlen(word))))
			return -1;
	}
	if (got < 0)
		return error_at(ps, "command: %s; quote with '...' or \"...\", escape with \\", why);
	svc->argv[argc] = NULL;
	if (argc == 0 || svc->argv[0][0] != '/')
		return error_at(ps, "command: '%s' is not an absolute path; write the program's full path, as in 'command = /usr/sbin/sshd -D'",
				argc ? svc->argv[0] : "");
	return 0;
}

static int env_name_valid(const char *text, size_t len)
{
	if (len == 0 || (text[0] >= '0' && text[0] <= '9'))
		return 0;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_'))
			return 0;
	}
	return 1;
}

static int add_env(struct parser *ps, const char *value)
{
	struct service *svc = ps->svc;
	size_t name_len = strcspn(value, "=");
	unsigned n = 0;

	if (!value[name_len] || !env_name_valid(value, name_len))
		return error_at(ps, "env: expected NAME=value with a NAME of letters, digits and '_', as in 'env = LANG=C.UTF-8'");
	while (svc->env[n]) {
		if (!strncmp(svc->env[n], value, name_len + 1))
			return error_at(ps, "env: %.*s is set twice; keep one line", (int)name_len, value);
		n++;
	}
	if (n == SERVICE_MAX_ENV)
		return error_at(ps, "env: more than %d variables; set fewer", SERVICE_MAX_ENV);
	svc->env[n] = pool_add(ps, value, strlen(value));
	return svc->env[n] ? 0 : -1;
}

static int set_workdir(struct parser *ps, const char *value)
{
	if (value[0] != '/')
		return error_at(ps, "workdir: '%s' is not an absolute path; write it from /", value);
	return set_text(ps, &ps->svc->workdir, value);
}

/* a user or group: a name of [a-z_][a-z0-9_-]* (or a '$' at the end), or a number */
static int account_valid(const char *v)
{
	size_t len = strlen(v);

	if (len == 0 || len > 32)
		return 0;
	if (strspn(v, "0123456789") == len)
		return 1;
	if (!((v[0] >= 'a' && v[0] <= 'z') || v[0] == '_'))
		return 0;
	for (size_t i = 1; i < len; i++) {
		char c = v[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
		      c == '-' || (c == '$' && i == len - 1)))
			return 0;
	}
	return 1;
}

static int set_account(struct parser *ps, const char **field, const char *key,
		       const char *value)
{
	if (!account_valid(value))
		return error_at(ps, "%s: '%s' is neither a name (lower case letters, digits, '_', '-') nor a number",
				key, value);
	return set_text(ps, field, value);
}

static int set_user(struct parser *ps, const char *value)
{
	return set_account(ps, &ps->svc->user, "user", value);
}

static int set_group(struct parser *ps, const char *value)
{
	return set_account(ps, &ps->svc->group, "group", value);
}

/* value is one of the words of choices ("a|b|c"): its index */
static int choose(struct parser *ps, const char *key, const char *value,
		  const char *choices)
{
	const char *p = choices;
	size_t len = strlen(value);

	for (int index = 0; *p; index++) {
		size_t word = strcspn(p, "|");
		if (word == len && !strncmp(p, value, len))
			return index;
		p += word + (p[word] == '|');
	}
	return error_at(ps, "%s: '%s' is not one of %s", key, value, choices);
}

/* a key whose value is one of a few words (in the order of its enum), stored as the index */
#define CHOICE_KEY(function, field, key, choices)				\
static int function(struct parser *ps, const char *value)			\
{										\
	int index = choose(ps, key, value, choices);				\
										\
	if (index >= 0)								\
		ps->svc->field = index;						\
	return index < 0 ? -1 : 0;						\
}

CHOICE_KEY(set_type, type, "type", "daemon|oneshot")
CHOICE_KEY(set_restart, restart, "restart", "on-failure|never|always")
CHOICE_KEY(set_network, network, "network", "none|wait")
CHOICE_KEY(set_input, input, "input", "null|console")
CHOICE_KEY(set_stop_signal, stop_signal, "stop-signal", "TERM|HUP|INT|QUIT|USR1|USR2")

static int set_duration(struct parser *ps, const char *key, unsigned *ms, const char *value)
{
	if (parse_duration_ms(value, ms) < 0)
		return error_at(ps, "%s: '%s' is not a duration; write a number with ms, s, m or h, as in '%s = 2s' (at most a day)",
				key, value, key);
	return 0;
}

static int set_backoff(struct parser *ps, const char *value)
{
	return set_duration(ps, "backoff", &ps->svc->backoff_ms, value);
}

static int set_backoff_max(struct parser *ps, const char *value)
{
	return set_duration(ps, "backoff-max", &ps->svc->backoff_max_ms, value);
}

static int set_stop_timeout(struct parser *ps, const char *value)
{
	return set_duration(ps, "stop-timeout", &ps->svc->stop_timeout_ms, value);
}

static int set_limit(struct parser *ps, const char *value)
{
	unsigned long n;

	if (parse_number(value, 0, 1000000, &n) < 0)
		return error_at(ps, "limit: '%s' is not a number of failed runs; write 0 (no limit) to 1000000", value);
	ps->svc->limit = (unsigned)n;
	return 0;
}

static int add_names(struct parser *ps, const char *key, const char **list,
		     unsigned *count, const char *value)
{
	char word[SERVICE_LINE_MAX];
	const char *why;
	int got;

	while ((got = next_quoted_word(&value, word, sizeof(word), &why)) > 0) {
		if (!service_name_valid(word))
			return error_at(ps, "%s: '%s' is not a service name (letters, digits, '_', '.', '@', '-')",
					key, word);
		if (!strcmp(word, ps->svc->name))
			return error_at(ps, "%s: a service cannot wait for itself; remove '%s'", key, word);
		if (*count == SERVICE_MAX_DEPS)
			return error_at(ps, "%s: more than %d services", key, SERVICE_MAX_DEPS);
		if (!(list[(*count)++] = pool_add(ps, word, strlen(word))))
			return -1;
	}
	return got < 0 ? error_at(ps, "%s: %s", key, why) : 0;
}

static int add_after(struct parser *ps, const char *value)
{
	return add_names(ps, "after", ps->svc->after, &ps->svc->after_count, value);
}

static int add_requires(struct parser *ps, const char *value)
{
	return add_names(ps, "requires", ps->svc->requires, &ps->svc->requires_count, value);
}

static int set_output(struct parser *ps, const char *value)
{
	struct service *svc = ps->svc;

	if (!strncmp(value, "file:", 5)) {
		if (value[5] != '/')
			return error_at(ps, "output: the file must be an absolute path, as in 'output = file:/var/log/NAME.log'");
		svc->output = OUTPUT_FILE;
		return set_text(ps, &svc->output_path, value + 5);
	}
	if (!strcmp(value, "console"))
		svc->output = OUTPUT_CONSOLE;
	else if (!strcmp(value, "null"))
		svc->output = OUTPUT_NULL;
	else
		return error_at(ps, "output: '%s' is not one of console, null, file:/PATH", value);
	return 0;
}

static int set_rotate(struct parser *ps, const char *value)
{
	if (parse_size(value, &ps->svc->rotate_bytes) < 0)
		return error_at(ps, "rotate: '%s' is not a size; write bytes, or a number with k, M or G, as in 'rotate = 1M'", value);
	return 0;
}

static int set_ready(struct parser *ps, const char *value)
{
	struct service *svc = ps->svc;
	unsigned long fd;

	if (!strncmp(value, "file:", 5) && value[5] == '/') {
		svc->ready = READY_FILE;
		return set_text(ps, &svc->ready_path, value + 5);
	}
	if (!strncmp(value, "fd:", 3) && parse_number(value + 3, 3, 255, &fd) == 0) {
		svc->ready = READY_FD;
		svc->ready_fd = (int)fd;
		return 0;
	}
	if (!strcmp(value, "start")) {
		svc->ready = READY_START;
		return 0;
	}
	return error_at(ps, "ready: '%s' is not one of start, file:/PATH, fd:N (N from 3 to 255)", value);
}

struct key {
	const char *name;
	int (*set)(struct parser *, const char *);
	int repeatable;
};

static const struct key keys[] = {
	{ "description", set_description, 0 },
	{ "command", set_command, 0 },
	{ "type", set_type, 0 },
	{ "env", add_env, 1 },
	{ "workdir", set_workdir, 0 },
	{ "user", set_user, 0 },
	{ "group", set_group, 0 },
	{ "restart", set_restart, 0 },
	{ "backoff", set_backoff, 0 },
	{ "backoff-max", set_backoff_max, 0 },
	{ "limit", set_limit, 0 },
	{ "stop-signal", set_stop_signal, 0 },
	{ "stop-timeout", set_stop_timeout, 0 },
	{ "after", add_after, 1 },
	{ "requires", add_requires, 1 },
	{ "network", set_network, 0 },
	{ "input", set_input, 0 },
	{ "output", set_output, 0 },
	{ "rotate", set_rotate, 0 },
	{ "ready", set_ready, 0 },
};

#define KEY_COUNT (sizeof(keys) / sizeof(keys[0]))

static const struct key *find_key(const char *name, size_t len)
{
	for (size_t i = 0; i < KEY_COUNT; i++)
		if (strlen(keys[i].name) == len && !strncmp(keys[i].name, name, len))
			return &keys[i];
	return NULL;
}

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* one line, NUL-terminated, no newline */
static int parse_line(struct parser *ps, char *line, unsigned *seen)
{
	char *p = line, *value, *end;

	while (blank(*p))
		p++;
	if (!*p || *p == '#')
		return 0;
	size_t key_len = strcspn(p, " \t\r=");
	const struct key *key = find_key(p, key_len);
	value = p + key_len;
	while (blank(*value))
		value++;
	if (*value != '=')
		return error_at(ps, "expected 'key = value', as in 'command = /usr/sbin/sshd -D'");
	if (!key)
		return error_at(ps, "unknown key '%.*s'; the keys are described in docs/pideisn.md",
				(int)key_len, p);
	for (value++; blank(*value); value++)
		;
	end = value + strlen(value);
	while (end > value && blank(end[-1]))
		*--end = '\0';
	if (!*value)
		return error_at(ps, "%s has no value; write one after '=' or remove the line", key->name);
	unsigned index = (unsigned)(key - keys);
	if (!key->repeatable && seen[index])
		return error_at(ps, "%s is given twice (first on line %u); keep one", key->name, seen[index]);
	seen[index] = ps->line;
	return key->set(ps, value);
}

static int check_service(struct parser *ps)
{
	struct service *svc = ps->svc;

	ps->line = 0;
	if (!svc->argv[0])
		return error_at(ps, "no command; add a line such as 'command = /usr/sbin/sshd -D'");
	if (svc->backoff_ms > svc->backoff_max_ms)
		return error_at(ps, "backoff (%u ms) is longer than backoff-max (%u ms); lower backoff or raise backoff-max",
				svc->backoff_ms, svc->backoff_max_ms);
	if (svc->rotate_bytes && svc->output != OUTPUT_FILE)
		return error_at(ps, "rotate is set but the output is not a file; add 'output = file:/PATH' or remove rotate");
	return 0;
}

int service_name_valid(const char *name)
{
	size_t len = strlen(name);

	if (len == 0 || len > SERVICE_NAME_MAX || name[0] == '.')
		return 0;
	return strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.@-") == len;
}

static void set_defaults(struct service *svc, const char *name)
{
	memset(svc, 0, offsetof(struct service, pool));
	fmt_print(svc->name, sizeof(svc->name), "%s", name);
	svc->backoff_ms = 1000;
	svc->backoff_max_ms = 60000;
	svc->limit = 10;
	svc->stop_timeout_ms = 5000;
}

int service_parse(struct service *svc, const char *name, const char *path,
		  const char *text, size_t len, struct service_error *err)
{
	struct parser ps = { svc, path, 0, err };
	unsigned seen[KEY_COUNT] = { 0 };
	char line[SERVICE_LINE_MAX];
	size_t at = 0;

	err->message[0] = '\0';
	set_defaults(svc, name);
	if (!service_name_valid(name))
		return error_at(&ps, "'%s' is not a service name; name the file with letters, digits, '_', '.', '@', '-' (not starting with '.')",
				name);
	while (at < len) {
		size_t line_len = 0;
		ps.line++;
		while (at + line_len < len && text[at + line_len] != '\n')
			line_len++;
		if (line_len >= sizeof(line))
			return error_at(&ps, "the line is longer than %d bytes; shorten it", SERVICE_LINE_MAX - 1);
		if (memchr(text + at, '\0', line_len))
			return error_at(&ps, "a NUL byte; a service file is text");
		memcpy(line, text + at, line_len);
		line[line_len] = '\0';
		if (parse_line(&ps, line, seen) < 0)
			return -1;
		at += line_len + 1;
	}
	return check_service(&ps);
}
