/* JSON strings (json.h): quote, backslash and control characters escaped;
 * everything else, UTF-8 included, passes as it is. */
#include "json.h"

void json_string(struct str *b, const char *s)
{
	str_add(b, "\"", 1);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			str_printf(b, "\\%c", c);
		else if (c < 0x20)
			str_printf(b, "\\u%04x", c);
		else
			str_add(b, (const char *)&c, 1);
	}
	str_add(b, "\"", 1);
}

void json_member(struct str *b, bool first, const char *key, const char *value)
{
	str_printf(b, "%s\"%s\":", first ? "" : ",", key);
	json_string(b, value);
}
