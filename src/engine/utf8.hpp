// Checks on untrusted UTF-8. Every text the engine shows or writes must be valid UTF-8 whatever its
// input held: the app draws it, puts it into JSON for the page, and writes it into exported files.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace procure {

// Length of the longest prefix of `s` that is strict UTF-8 (no overlong forms, no surrogates, nothing
// above U+10FFFF); equals s.size() when all of `s` is valid.
std::size_t valid_utf8_prefix(std::string_view s);

inline bool is_valid_utf8(std::string_view s) { return valid_utf8_prefix(s) == s.size(); }

// `s` with every byte that is not part of valid UTF-8 written as "\xNN", so a message can quote
// broken input and stay readable text.
std::string escape_invalid_utf8(std::string_view s);

}  // namespace procure
