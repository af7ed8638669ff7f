// SPDX-License-Identifier: GPL-2.0-or-later
#include "configfile.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void config_reader_init(struct config_reader *r, FILE *in, const char *prefix)
{
	memset(r, 0, sizeof(*r));
	r->in = in;
	r->prefix = prefix;
}

void config_reader_free(struct config_reader *r)
{
	free(r->buf);
	sb_free(&r->name);
	memset(r, 0, sizeof(*r));
}

static const char *keep_name(struct config_reader *r, const char *name, size_t len)
{
	sb_reset(&r->name);
	sb_add(&r->name, name, len);
	return r->name.buf;
}

/* "#?PREFIXNAME is not set": the name is up to the first space */
static bool parse_unset(struct config_reader *r, struct config_line *l, size_t plen)
{
	char *name, *space;

	if (!l->text[1] || strncmp(l->text + 2, r->prefix, plen))
		return false;
	name = l->text + 2 + plen;
	space = strchr(name, ' ');
	if (!space || strncmp(space + 1, "is not set", 10))
		return false;
	l->name = keep_name(r, name, space - name);
	return true;
}

static enum config_line_kind classify(struct config_reader *r, struct config_line *l)
{
	size_t plen = strlen(r->prefix);
	char *eq;

	if (!l->text[0])
		return CONFIG_BLANK;
	if (l->text[0] == '#')
		return parse_unset(r, l, plen) ? CONFIG_UNSET : CONFIG_COMMENT;
	if (strncmp(l->text, r->prefix, plen))
		return CONFIG_OTHER;
	eq = strchr(l->text + plen, '=');
	if (!eq) {
		l->name = l->text + plen;
		return CONFIG_NO_EQUALS;
	}
	l->name = keep_name(r, l->text + plen, eq - (l->text + plen));
	l->value = eq + 1;
	return CONFIG_SET;
}

struct config_line *config_reader_next(struct config_reader *r)
{
	struct config_line *l = &r->line;
	ssize_t len = getline(&r->buf, &r->cap, r->in);

	if (len < 0)
		return NULL;
	l->lineno++;
	l->text = r->buf;
	l->newline = len > 0 && r->buf[len - 1] == '\n';
	if (l->newline) {
		r->buf[--len] = 0;
		if (len > 0 && r->buf[len - 1] == '\r')
			r->buf[--len] = 0;
	}
	l->name = NULL;
	l->value = NULL;
	l->kind = classify(r, l);
	return l;
}

char *config_quote(const char *text)
{
	struct strbuf sb = { 0 };

	sb_addc(&sb, '"');
	for (; *text; text++) {
		if (*text == '"' || *text == '\\')
			sb_addc(&sb, '\\');
		sb_addc(&sb, *text);
	}
	sb_addc(&sb, '"');
	return sb_detach(&sb);
}

char *config_unquote(char *s, char **rest)
{
	char *in = s + 1, *out = s;

	if (*s != '"')
		return NULL;
	for (;;) {
		char c = *in++;

		if (c == '\\')
			c = *in++;
		else if (c == '"')
			break;
		if (!c)
			return NULL;
		*out++ = c;
	}
	*out = 0;
	if (rest)
		*rest = in;
	return s;
}
