// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Expressions: construction, tristate evaluation, printing, and the
 * rewrites applied while the menu tree is finalized.
 *
 * The rewrites matter for results, not only for looks: a bool symbol's
 * "FOO != n" becomes "FOO" (so a select guarded by it can carry m), and
 * "m" becomes "m && MODULES".  They follow Linux 6.1's rules so that
 * the same Kconfig gives the same configuration.
 *
 * Expressions built while parsing live as long as the process.  The
 * rewrites change a tree in place and free the nodes they drop: the
 * trees they are given must not share nodes with another.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig.h"
#include "pool.h"

static int rewrites;	/* simplifications made in the current pass */

/* the nodes of every expression: Linux's tree keeps about 570,000 */
static struct pool expr_nodes = POOL_INIT(struct expr);

static struct expr *expr_new(enum expr_op op)
{
	struct expr *e = pool_alloc(&expr_nodes);

	e->op = op;
	return e;
}

struct expr *expr_alloc_symbol(struct symbol *sym)
{
	struct expr *e = expr_new(E_SYMBOL);

	e->lsym = sym;
	return e;
}

struct expr *expr_alloc_one(enum expr_op op, struct expr *l)
{
	struct expr *e = expr_new(op);

	e->l = l;
	return e;
}

struct expr *expr_alloc_two(enum expr_op op, struct expr *l, struct expr *r)
{
	struct expr *e = expr_new(op);

	e->l = l;
	e->r = r;
	return e;
}

struct expr *expr_alloc_comp(enum expr_op op, struct symbol *l, struct symbol *r)
{
	struct expr *e = expr_new(op);

	e->lsym = l;
	e->rsym = r;
	return e;
}

struct expr *expr_alloc_and(struct expr *a, struct expr *b)
{
	if (!a)
		return b;
	return b ? expr_alloc_two(E_AND, a, b) : a;
}

struct expr *expr_alloc_or(struct expr *a, struct expr *b)
{
	if (!a)
		return b;
	return b ? expr_alloc_two(E_OR, a, b) : a;
}

struct expr *expr_copy(const struct expr *e)
{
	struct expr *c;

	if (!e)
		return NULL;
	c = expr_new(e->op);
	if (expr_has_subexprs(e->op)) {
		c->l = expr_copy(e->l);
		c->r = expr_copy(e->r);
	} else {
		c->lsym = e->lsym;
		c->rsym = e->rsym;
	}
	return c;
}

/* one node, not its subexpressions */
static void free_node(struct expr *e)
{
	pool_free(&expr_nodes, e);
}

/* e must own all its nodes: no subtree shared with another tree */
void expr_free(struct expr *e)
{
	if (!e)
		return;
	if (expr_has_subexprs(e->op)) {
		expr_free(e->l);
		expr_free(e->r);
	}
	free_node(e);
}

static bool is_sym(const struct expr *e, const struct symbol *sym)
{
	return e && e->op == E_SYMBOL && e->lsym == sym;
}

bool expr_is_yes(const struct expr *e)
{
	return !e || is_sym(e, &symbol_yes);
}

static bool is_comparison(enum expr_op op)
{
	return op == E_EQUAL || op == E_UNEQUAL || op == E_LTH ||
	       op == E_LEQ || op == E_GTH || op == E_GEQ;
}

/* ---- evaluation ---- */

enum number_kind { NUM_STRING, NUM_SIGNED, NUM_UNSIGNED };

static enum number_kind parse_number(const char *s, enum sym_type type,
				     long long *sv, unsigned long long *uv)
{
	char *end;
	enum number_kind kind;

	errno = 0;
	switch (type) {
	case TYPE_BOOL:
	case TYPE_TRISTATE:
		*sv = !strcmp(s, "n") ? 0 : !strcmp(s, "m") ? 1 : !strcmp(s, "y") ? 2 : -1;
		return NUM_SIGNED;
	case TYPE_INT:
		*sv = strtoll(s, &end, 10);
		kind = NUM_SIGNED;
		break;
	case TYPE_HEX:
		*uv = strtoull(s, &end, 16);
		kind = NUM_UNSIGNED;
		break;
	default:
		*sv = strtoll(s, &end, 0);
		kind = NUM_SIGNED;
		break;
	}
	if (errno || *end || end == s || !isxdigit((unsigned char)end[-1]))
		return NUM_STRING;
	return kind;
}

static int compare_values(struct symbol *a, struct symbol *b)
{
	const char *sa, *sb;
	enum number_kind ka = NUM_STRING, kb = NUM_STRING;
	long long la = 0, lb = 0;
	unsigned long long ua = 0, ub = 0;

	sym_calc_value(a);
	sym_calc_value(b);
	sa = sym_get_string_value(a);
	sb = sym_get_string_value(b);
	if (a->type != TYPE_STRING || b->type != TYPE_STRING) {
		ka = parse_number(sa, a->type, &la, &ua);
		kb = parse_number(sb, b->type, &lb, &ub);
	}
	if (ka == NUM_STRING || kb == NUM_STRING)
		return strcmp(sa, sb);
	if (ka == NUM_UNSIGNED || kb == NUM_UNSIGNED) {
		/* a signed side is read through its unsigned bits */
		if (ka == NUM_SIGNED)
			ua = (unsigned long long)la;
		if (kb == NUM_SIGNED)
			ub = (unsigned long long)lb;
		return (ua > ub) - (ua < ub);
	}
	return (la > lb) - (la < lb);
}

/*
 * Both sides, the left one first: evaluating a symbol may settle a choice
 * on the way, and the right side must see that as Linux's conf does (in a
 * call's arguments the order would be the compiler's).
 */
static enum tri calc_pair(struct expr *e)
{
	enum tri l = expr_calc_value(e->l);
	enum tri r = expr_calc_value(e->r);

	return e->op == E_AND ? tri_and(l, r) : tri_or(l, r);
}

enum tri expr_calc_value(struct expr *e)
{
	int cmp;

	if (!e)
		return TRI_Y;
	switch (e->op) {
	case E_SYMBOL:
		sym_calc_value(e->lsym);
		return e->lsym->curr.tri;
	case E_AND:
	case E_OR:
		return calc_pair(e);
	case E_NOT:
		return tri_not(expr_calc_value(e->l));
	default:
		break;
	}
	if (!is_comparison(e->op))
		return TRI_N;
	cmp = compare_values(e->lsym, e->rsym);
	switch (e->op) {
	case E_EQUAL: return cmp == 0 ? TRI_Y : TRI_N;
	case E_UNEQUAL: return cmp != 0 ? TRI_Y : TRI_N;
	case E_LTH: return cmp < 0 ? TRI_Y : TRI_N;
	case E_LEQ: return cmp <= 0 ? TRI_Y : TRI_N;
	case E_GTH: return cmp > 0 ? TRI_Y : TRI_N;
	case E_GEQ: return cmp >= 0 ? TRI_Y : TRI_N;
	default: return TRI_N;
	}
}

/* ---- rewrites ---- */

struct expr *expr_rewrite_m(struct expr *e)
{
	if (!e)
		return NULL;
	switch (e->op) {
	case E_NOT:
		e->l = expr_rewrite_m(e->l);
		break;
	case E_AND:
	case E_OR:
		e->l = expr_rewrite_m(e->l);
		e->r = expr_rewrite_m(e->r);
		break;
	case E_SYMBOL:
		/* a literal m only holds while modules are enabled */
		if (e->lsym == &symbol_mod)
			return expr_alloc_and(e, expr_alloc_symbol(modules_sym));
		break;
	default:
		break;
	}
	return e;
}

static struct expr *make_symbol(struct expr *e, struct symbol *sym)
{
	e->op = E_SYMBOL;
	e->lsym = sym;
	e->rsym = NULL;
	return e;
}

static struct expr *make_not_symbol(struct expr *e, struct symbol *sym)
{
	e->op = E_NOT;
	e->l = expr_alloc_symbol(sym);
	e->r = NULL;
	return e;
}

static enum expr_op negated_comparison(enum expr_op op)
{
	switch (op) {
	case E_EQUAL: return E_UNEQUAL;
	case E_UNEQUAL: return E_EQUAL;
	case E_LEQ: return E_GTH;
	case E_GEQ: return E_LTH;
	case E_LTH: return E_GEQ;
	case E_GTH: return E_LEQ;
	default: return op;
	}
}

/* comparisons of a bool symbol against y, m, n become plain logic */
static struct expr *transform_bool_comparison(struct expr *e)
{
	struct symbol *s = e->lsym, *k = e->rsym;
	bool equal = e->op == E_EQUAL;

	if (s->type != TYPE_BOOL)
		return e;
	if (k == &symbol_mod) {
		printf("boolean symbol %s tested for 'm'? test forced to '%c'\n",
		       s->name, equal ? 'n' : 'y');
		return make_symbol(e, equal ? &symbol_no : &symbol_yes);
	}
	if (k == &symbol_no)
		return equal ? make_not_symbol(e, s) : make_symbol(e, s);
	if (k == &symbol_yes)
		return equal ? make_symbol(e, s) : make_not_symbol(e, s);
	return e;
}

/* push a negation one level down */
static struct expr *transform_not(struct expr *e)
{
	struct expr *inner = e->l, *innermost;

	switch (inner->op) {
	case E_NOT:
		innermost = inner->l;
		free_node(inner);
		free_node(e);
		return expr_transform(innermost);
	case E_EQUAL: case E_UNEQUAL: case E_LEQ: case E_GEQ: case E_LTH: case E_GTH:
		inner->op = negated_comparison(inner->op);
		free_node(e);
		return inner;
	case E_OR:
	case E_AND:
		/* De Morgan */
		e->op = inner->op == E_OR ? E_AND : E_OR;
		e->r = expr_alloc_one(E_NOT, inner->r);
		inner->op = E_NOT;
		inner->r = NULL;
		e->l = inner;
		return expr_transform(e);
	case E_SYMBOL:
		if (inner->lsym == &symbol_yes || inner->lsym == &symbol_no) {
			free_node(e);
			return make_symbol(inner, inner->lsym == &symbol_yes ?
					   &symbol_no : &symbol_yes);
		}
		if (inner->lsym == &symbol_mod) {
			free_node(e);
			return inner;
		}
		return e;
	default:
		return e;
	}
}

struct expr *expr_transform(struct expr *e)
{
	if (!e)
		return NULL;
	if (expr_has_subexprs(e->op)) {
		e->l = expr_transform(e->l);
		e->r = expr_transform(e->r);
	}
	if (e->op == E_EQUAL || e->op == E_UNEQUAL)
		return transform_bool_comparison(e);
	if (e->op == E_NOT)
		return transform_not(e);
	return e;
}

struct expr *expr_trans_bool(struct expr *e)
{
	if (!e)
		return NULL;
	switch (e->op) {
	case E_AND: case E_OR: case E_NOT:
		e->l = expr_trans_bool(e->l);
		e->r = expr_trans_bool(e->r);
		break;
	case E_UNEQUAL:
		/* FOO != n reads as FOO: keeps the m of a tristate */
		if (e->lsym->type == TYPE_TRISTATE && e->rsym == &symbol_no)
			make_symbol(e, e->lsym);
		break;
	default:
		break;
	}
	return e;
}

/* y && x -> x, n && x -> n, y || x -> y, n || x -> x */
static struct expr *eliminate_yn(struct expr *e)
{
	struct expr *l, *r;
	struct symbol *absorbing, *neutral;

	if (!e || (e->op != E_AND && e->op != E_OR))
		return e;
	e->l = eliminate_yn(e->l);
	e->r = eliminate_yn(e->r);
	l = e->l;
	r = e->r;
	absorbing = e->op == E_AND ? &symbol_no : &symbol_yes;
	neutral = e->op == E_AND ? &symbol_yes : &symbol_no;
	if (is_sym(l, absorbing) || is_sym(r, absorbing)) {
		expr_free(l);
		expr_free(r);
		return make_symbol(e, absorbing);
	}
	if (is_sym(l, neutral)) {
		*e = *r;
		free_node(l);
		free_node(r);
		return e;
	}
	if (is_sym(r, neutral)) {
		*e = *l;
		free_node(l);
		free_node(r);
		return e;
	}
	return e;
}

/* the symbol a leaf of a join is about, or NULL when it is not simple */
static struct symbol *leaf_symbol(const struct expr *e, bool allow_not_comparison)
{
	if (e->op == E_NOT) {
		const struct expr *in = e->l;

		if (in->op == E_SYMBOL)
			return in->lsym;
		if (allow_not_comparison && (in->op == E_EQUAL || in->op == E_UNEQUAL))
			return in->lsym;
		return NULL;
	}
	if (e->op == E_EQUAL || e->op == E_UNEQUAL || e->op == E_SYMBOL)
		return e->lsym;
	return NULL;
}

static bool cmp_is(const struct expr *e, enum expr_op op, const struct symbol *k)
{
	return e->op == op && e->rsym == k;
}

static bool pair_is(const struct expr *a, const struct expr *b, enum expr_op op,
		    const struct symbol *k1, const struct symbol *k2)
{
	return (cmp_is(a, op, k1) && cmp_is(b, op, k2)) ||
	       (cmp_is(a, op, k2) && cmp_is(b, op, k1));
}

static struct symbol *join_symbol(struct expr *a, struct expr *b)
{
	struct symbol *s1, *s2;

	s1 = leaf_symbol(a, true);
	s2 = leaf_symbol(b, false);
	if (!s1 || !s2 || s1 != s2)
		return NULL;
	if (s1->type != TYPE_BOOL && s1->type != TYPE_TRISTATE)
		return NULL;
	return s1;
}

/* a || b as one leaf, or NULL */
static struct expr *join_or(struct expr *a, struct expr *b)
{
	struct symbol *s;

	if (expr_eq(a, b))
		return expr_copy(a);
	s = join_symbol(a, b);
	if (!s)
		return NULL;
	if (s->type == TYPE_TRISTATE) {
		if (pair_is(a, b, E_EQUAL, &symbol_yes, &symbol_mod))
			return expr_alloc_comp(E_UNEQUAL, s, &symbol_no);
		if (pair_is(a, b, E_EQUAL, &symbol_yes, &symbol_no))
			return expr_alloc_comp(E_UNEQUAL, s, &symbol_mod);
		if (pair_is(a, b, E_EQUAL, &symbol_mod, &symbol_no))
			return expr_alloc_comp(E_UNEQUAL, s, &symbol_yes);
	}
	if (s->type == TYPE_BOOL &&
	    ((a->op == E_NOT && a->l->op == E_SYMBOL && b->op == E_SYMBOL) ||
	     (b->op == E_NOT && b->l->op == E_SYMBOL && a->op == E_SYMBOL)))
		return expr_alloc_symbol(&symbol_yes);
	return NULL;
}

static bool sym_and_cmp(const struct expr *a, const struct expr *b,
			enum expr_op op, const struct symbol *k)
{
	return (a->op == E_SYMBOL && cmp_is(b, op, k)) ||
	       (b->op == E_SYMBOL && cmp_is(a, op, k));
}

/* a && b as one leaf, or NULL */
static struct expr *join_and(struct expr *a, struct expr *b)
{
	struct symbol *s;

	if (expr_eq(a, b))
		return expr_copy(a);
	s = join_symbol(a, b);
	if (!s)
		return NULL;
	if (sym_and_cmp(a, b, E_EQUAL, &symbol_yes))
		return expr_alloc_comp(E_EQUAL, s, &symbol_yes);
	if (sym_and_cmp(a, b, E_UNEQUAL, &symbol_no))
		return expr_alloc_symbol(s);
	if (sym_and_cmp(a, b, E_UNEQUAL, &symbol_mod))
		return expr_alloc_comp(E_EQUAL, s, &symbol_yes);
	if (s->type != TYPE_TRISTATE)
		return NULL;
	if (a->op == E_EQUAL && b->op == E_UNEQUAL &&
	    (a->rsym->flags & SF_CONST) && (b->rsym->flags & SF_CONST))
		return a->rsym != b->rsym ? expr_alloc_comp(E_EQUAL, s, a->rsym) :
					    expr_alloc_symbol(&symbol_no);
	if (a->op == E_UNEQUAL && b->op == E_EQUAL &&
	    (a->rsym->flags & SF_CONST) && (b->rsym->flags & SF_CONST))
		return b->rsym != a->rsym ? expr_alloc_comp(E_EQUAL, s, b->rsym) :
					    expr_alloc_symbol(&symbol_no);
	if (pair_is(a, b, E_UNEQUAL, &symbol_yes, &symbol_no))
		return expr_alloc_comp(E_EQUAL, s, &symbol_mod);
	if (pair_is(a, b, E_UNEQUAL, &symbol_yes, &symbol_mod))
		return expr_alloc_comp(E_EQUAL, s, &symbol_no);
	if (pair_is(a, b, E_UNEQUAL, &symbol_mod, &symbol_no))
		return expr_alloc_comp(E_EQUAL, s, &symbol_yes);
	return NULL;
}

/*
 * Compare every pair of leaves of a chain of one operator and merge the
 * pairs that say the same thing; the merged pair becomes (neutral, joined).
 */
static void eliminate_dups_pair(enum expr_op op, struct expr **pa, struct expr **pb)
{
	struct expr *joined;

	if ((*pa)->op == op) {
		eliminate_dups_pair(op, &(*pa)->l, pb);
		eliminate_dups_pair(op, &(*pa)->r, pb);
		return;
	}
	if ((*pb)->op == op) {
		eliminate_dups_pair(op, pa, &(*pb)->l);
		eliminate_dups_pair(op, pa, &(*pb)->r);
		return;
	}
	if (*pa == *pb)
		return;
	if ((*pa)->op == E_OR || (*pa)->op == E_AND)
		eliminate_dups_pair((*pa)->op, pa, pa);
	if (op != E_OR && op != E_AND)
		return;
	joined = op == E_OR ? join_or(*pa, *pb) : join_and(*pa, *pb);
	if (!joined)
		return;
	expr_free(*pa);
	expr_free(*pb);
	*pa = expr_alloc_symbol(op == E_OR ? &symbol_no : &symbol_yes);
	*pb = joined;
	rewrites++;
}

struct expr *expr_eliminate_dups(struct expr *e)
{
	int saved = rewrites;

	if (!e)
		return e;
	for (;;) {
		rewrites = 0;
		if (e->op == E_OR || e->op == E_AND)
			eliminate_dups_pair(e->op, &e, &e);
		if (!rewrites)
			break;
		e = eliminate_yn(e);
	}
	rewrites = saved;
	return e;
}

/* remove leaves found on both sides of two chains of one operator */
static void eliminate_eq_pair(enum expr_op op, struct expr **pa, struct expr **pb)
{
	if ((*pa)->op == op) {
		eliminate_eq_pair(op, &(*pa)->l, pb);
		eliminate_eq_pair(op, &(*pa)->r, pb);
		return;
	}
	if ((*pb)->op == op) {
		eliminate_eq_pair(op, pa, &(*pb)->l);
		eliminate_eq_pair(op, pa, &(*pb)->r);
		return;
	}
	if ((*pa)->op == E_SYMBOL && (*pb)->op == E_SYMBOL && (*pa)->lsym == (*pb)->lsym &&
	    ((*pa)->lsym == &symbol_yes || (*pa)->lsym == &symbol_no))
		return;
	if (!expr_eq(*pa, *pb))
		return;
	rewrites++;
	if (op == E_OR || op == E_AND) {
		struct symbol *neutral = op == E_OR ? &symbol_no : &symbol_yes;

		expr_free(*pa);
		expr_free(*pb);
		*pa = expr_alloc_symbol(neutral);
		*pb = expr_alloc_symbol(neutral);
	}
}

void expr_eliminate_eq(struct expr **pa, struct expr **pb)
{
	if (!*pa || !*pb)
		return;
	if ((*pa)->op == E_OR || (*pa)->op == E_AND)
		eliminate_eq_pair((*pa)->op, pa, pb);
	if ((*pa)->op != (*pb)->op && ((*pb)->op == E_OR || (*pb)->op == E_AND))
		eliminate_eq_pair((*pb)->op, pa, pb);
	*pa = eliminate_yn(*pa);
	*pb = eliminate_yn(*pb);
}

bool expr_eq(struct expr *a, struct expr *b)
{
	bool same;
	int saved;

	if (!a || !b)
		return expr_is_yes(a) && expr_is_yes(b);
	if (a->op != b->op)
		return false;
	switch (a->op) {
	case E_EQUAL: case E_UNEQUAL: case E_LTH: case E_LEQ: case E_GTH: case E_GEQ:
		return a->lsym == b->lsym && a->rsym == b->rsym;
	case E_SYMBOL:
		return a->lsym == b->lsym;
	case E_NOT:
		return expr_eq(a->l, b->l);
	case E_AND:
	case E_OR:
		a = expr_copy(a);
		b = expr_copy(b);
		saved = rewrites;
		expr_eliminate_eq(&a, &b);
		same = a->op == E_SYMBOL && b->op == E_SYMBOL && a->lsym == b->lsym;
		rewrites = saved;
		expr_free(a);
		expr_free(b);
		return same;
	default:
		return false;
	}
}

struct expr *expr_trans_compare(struct expr *e, enum expr_op op, struct symbol *sym)
{
	struct expr *a, *b, *res = NULL;

	if (!e) {
		res = expr_alloc_symbol(sym);
		return op == E_UNEQUAL ? expr_alloc_one(E_NOT, res) : res;
	}
	switch (e->op) {
	case E_AND:
	case E_OR:
		a = expr_trans_compare(e->l, E_EQUAL, sym);
		b = expr_trans_compare(e->r, E_EQUAL, sym);
		if (sym == &symbol_yes)
			res = expr_alloc_two(e->op, a, b);
		else if (sym == &symbol_no)
			res = expr_alloc_two(e->op == E_AND ? E_OR : E_AND, a, b);
		else
			res = e;
		return op == E_UNEQUAL ? expr_alloc_one(E_NOT, res) : res;
	case E_NOT:
		return expr_trans_compare(e->l, op == E_EQUAL ? E_UNEQUAL : E_EQUAL, sym);
	case E_EQUAL: case E_UNEQUAL: case E_LTH: case E_LEQ: case E_GTH: case E_GEQ:
		if (op == E_EQUAL) {
			if (sym == &symbol_yes)
				return expr_copy(e);
			if (sym == &symbol_mod)
				return expr_alloc_symbol(&symbol_no);
			if (sym == &symbol_no)
				return expr_alloc_one(E_NOT, expr_copy(e));
		} else {
			if (sym == &symbol_yes)
				return expr_alloc_one(E_NOT, expr_copy(e));
			if (sym == &symbol_mod)
				return expr_alloc_symbol(&symbol_yes);
			if (sym == &symbol_no)
				return expr_copy(e);
		}
		return NULL;
	case E_SYMBOL:
		return expr_alloc_comp(op, e->lsym, sym);
	default:
		return NULL;
	}
}

bool expr_contains_symbol(const struct expr *e, const struct symbol *sym)
{
	if (!e)
		return false;
	switch (e->op) {
	case E_AND:
	case E_OR:
		return expr_contains_symbol(e->l, sym) || expr_contains_symbol(e->r, sym);
	case E_NOT:
		return expr_contains_symbol(e->l, sym);
	case E_SYMBOL:
		return e->lsym == sym;
	default:
		if (is_comparison(e->op))
			return e->lsym == sym || e->rsym == sym;
		return false;
	}
}

/* true when e can only hold while sym is m or y */
bool expr_depends_symbol(const struct expr *e, const struct symbol *sym)
{
	if (!e)
		return false;
	switch (e->op) {
	case E_AND:
		return expr_depends_symbol(e->l, sym) || expr_depends_symbol(e->r, sym);
	case E_SYMBOL:
		return e->lsym == sym;
	case E_EQUAL:
		return e->lsym == sym && (e->rsym == &symbol_yes || e->rsym == &symbol_mod);
	case E_UNEQUAL:
		return e->lsym == sym && e->rsym == &symbol_no;
	default:
		return false;
	}
}

/* ---- printing ---- */

/* binding strength, for deciding on parentheses */
static int strength(enum expr_op op)
{
	switch (op) {
	case E_LTH: case E_LEQ: case E_GTH: case E_GEQ: return 6;
	case E_EQUAL: case E_UNEQUAL: return 5;
	case E_NOT: return 4;
	case E_AND: return 3;
	case E_OR: return 2;
	case E_LIST: return 1;
	default: return 0;
	}
}

static bool needs_parens(enum expr_op outer, enum expr_op inner)
{
	return strength(inner) > 0 && strength(outer) > strength(inner);
}

static void print_sym(struct strbuf *out, struct symbol *sym, bool with_values)
{
	if (!sym->name) {
		sb_adds(out, "<choice>");
		return;
	}
	sb_adds(out, sym->name);
	if (with_values && sym->type != TYPE_UNKNOWN)
		sb_addf(out, " [=%s]", sym_get_string_value(sym));
}

static void print_expr(struct strbuf *out, const struct expr *e, enum expr_op outer,
		       bool with_values)
{
	bool parens;

	if (!e) {
		sb_adds(out, "y");
		return;
	}
	parens = needs_parens(outer, e->op);
	if (parens)
		sb_addc(out, '(');
	switch (e->op) {
	case E_SYMBOL:
		print_sym(out, e->lsym, with_values);
		break;
	case E_NOT:
		sb_addc(out, '!');
		print_expr(out, e->l, E_NOT, with_values);
		break;
	case E_EQUAL: case E_UNEQUAL: case E_LTH: case E_LEQ: case E_GTH: case E_GEQ:
		print_sym(out, e->lsym, with_values);
		sb_adds(out, e->op == E_EQUAL ? "=" : e->op == E_UNEQUAL ? "!=" :
			e->op == E_LTH ? "<" : e->op == E_LEQ ? "<=" :
			e->op == E_GTH ? ">" : ">=");
		print_sym(out, e->rsym, with_values);
		break;
	case E_OR:
	case E_AND:
		print_expr(out, e->l, e->op, with_values);
		sb_adds(out, e->op == E_OR ? " || " : " && ");
		print_expr(out, e->r, e->op, with_values);
		break;
	case E_RANGE:
		sb_addc(out, '[');
		print_sym(out, e->lsym, with_values);
		sb_addc(out, ' ');
		print_sym(out, e->rsym, with_values);
		sb_addc(out, ']');
		break;
	default:
		sb_adds(out, "<?>");
		break;
	}
	if (parens)
		sb_addc(out, ')');
}

void expr_print(struct strbuf *out, const struct expr *e, bool with_values)
{
	print_expr(out, e, E_NONE, with_values);
}

static void print_revdep(struct strbuf *out, struct expr *e, enum tri which,
			 const char **title)
{
	if (e->op == E_OR) {
		print_revdep(out, e->l, which, title);
		print_revdep(out, e->r, which, title);
		return;
	}
	if (expr_calc_value(e) != which)
		return;
	if (*title) {
		sb_adds(out, *title);
		*title = NULL;
	}
	sb_adds(out, "  - ");
	expr_print(out, e, true);
	sb_addc(out, '\n');
}

void expr_print_revdep(struct strbuf *out, struct expr *e, enum tri which,
		       const char *title)
{
	if (e)
		print_revdep(out, e, which, &title);
}
