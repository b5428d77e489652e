/* The one JSON encoder: strings escaped as RFC 8259 says, appended to a str. */
#ifndef UDPC_JSON_H
#define UDPC_JSON_H

#include "str.h"

#include <stdbool.h>

/* "text", escaped; NULL is written as "". */
void json_string(struct str *b, const char *s);
/* ,"key":"value" (first: without the comma). */
void json_member(struct str *b, bool first, const char *key, const char *value);

#endif
