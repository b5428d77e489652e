/* A family's records (records.h). */
#include "records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void records_add(struct records *r, const char *line)
{
	char **grown = realloc(r->line, (r->n + 1) * sizeof(*r->line));

	if (!grown || !(grown[r->n] = strdup(line))) {
		fputs("udpconform: out of memory\n", stderr);
		exit(1);
	}
	r->line = grown;
	r->n++;
}

const char *records_last(const struct records *r, char kind)
{
	for (size_t i = r->n; i-- > 0;)
		if (r->line[i][0] == kind)
			return r->line[i] + 2;
	return NULL;
}

bool records_failed(const struct records *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->line[i][0] == 'C' && r->line[i][2] == '0')
			return true;
	return false;
}

void records_free(struct records *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->line[i]);
	free(r->line);
	*r = (struct records){ 0 };
}

/* "C 0\twhat\texpected\tobserved" */
bool records_check(const char *line, struct check *c)
{
	const char *f[3] = { "", "", "" };
	size_t len[3] = { 0, 0, 0 };

	if (line[0] != 'C' || strlen(line) < 3)
		return false;
	c->ok = line[2] == '1';
	const char *s = line + 3;
	for (int i = 0; i < 3 && *s == '\t'; i++) {
		f[i] = s + 1;
		len[i] = strcspn(f[i], "\t");
		s = f[i] + len[i];
	}
	snprintf(c->what, sizeof(c->what), "%.*s", (int)len[0], f[0]);
	snprintf(c->expected, sizeof(c->expected), "%.*s", (int)len[1], f[1]);
	snprintf(c->observed, sizeof(c->observed), "%.*s", (int)len[2], f[2]);
	return true;
}
