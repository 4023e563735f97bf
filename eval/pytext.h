// Text primitives that behave exactly like the Python built-ins the reference scorer
// (../shared/tools/score.py) is written with. `newsgraph eval` must give the same figures as
// that script, so "whitespace", "word character", casefolding, NFC/NFKD, html.unescape and
// repr() here mean what they mean in Python 3.11, not what would be most natural in C++:
//   - is_space(c)  == str.isspace()  (also what re's \s and str.split() use);
//   - is_word(c)   == re's \w on str patterns (letters, numbers, '_'; combining marks are NOT
//                     word characters);
//   - casefold()   == str.casefold() (full folding: "ß" -> "ss"), via utf8proc;
//   - html_unescape() == html.unescape() (HTML5 named references, numeric references with the
//                     HTML5 replacement table, legacy names without ';').
// Unicode tables come from utf8proc (Unicode 15) where Python 3.11 has Unicode 14: the two only
// differ for characters added in Unicode 15.
//
// All functions take and return UTF-8; input must be valid UTF-8 (the loaders check that).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

namespace newsgraph::eval {

std::u32string to_u32(std::string_view utf8);
std::string to_utf8(std::u32string_view text);
void append_utf8(std::string& out, char32_t c);
bool valid_utf8(std::string_view s);
// Number of code points (Python's len()).
std::size_t py_len(std::string_view utf8);

bool is_space(char32_t c);
bool is_word(char32_t c);

std::string casefold(std::string_view s);
std::string nfc(std::string_view s);
// NFKD, combining marks (canonical combining class != 0) dropped, the letters that do not
// decompose mapped (ø->o, ł->l, đ/ð->d, æ->ae, œ->oe, ı->i, þ->th, ħ->h), NFC. score.py's
// fold_diacritics().
std::string fold_diacritics(std::string_view s);
std::string html_unescape(std::string_view s);

// str.strip() / str.strip(chars) / str.rstrip(chars); `chars` is ASCII.
std::string py_strip(std::string_view s);
std::string py_strip_chars(std::string_view s, std::string_view chars);
std::string py_rstrip_chars(std::string_view s, std::string_view chars);
// re.sub(r"\s+", " ", s)
std::string collapse_space(std::string_view s);
// str.split() (runs of whitespace, no empty fields) and str.split(" ") (every space).
std::vector<std::string> py_split(std::string_view s);
std::vector<std::string> split_on_space(std::string_view s);

// score.py's _basic(): html.unescape, NFC, curly apostrophes -> "'", casefold, whitespace runs
// -> one space, stripped.
std::string basic(std::string_view s);

// str(v) and repr(v) of the Python object json.loads makes of a JSON value (null -> None,
// true -> True, 1.5 -> 1.5, ["a"] -> ['a']); nullptr stands for a missing key (None).
std::string py_str(const rapidjson::Value* v);
std::string py_repr(const rapidjson::Value* v);
std::string py_repr(std::string_view s);
// Python truthiness of a JSON value (None, False, 0, "", [], {} are false).
bool py_truthy(const rapidjson::Value* v);
// json.dumps of a string: ensure_ascii=true escapes every non-ASCII character as \uXXXX.
std::string json_quote(std::string_view s, bool ensure_ascii);

// obj.get(key) with Python's semantics for duplicate keys (the last one wins); nullptr when
// obj is not an object or has no such key.
const rapidjson::Value* member(const rapidjson::Value& obj, std::string_view key);

}  // namespace newsgraph::eval
