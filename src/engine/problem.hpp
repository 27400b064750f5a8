// A problem found in user-supplied input (a catalogue, a translation, a link, a checklist file).
// Loaders collect every problem instead of stopping at the first, so an agency fixes a file in one pass.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace procure {

struct Problem {
    std::string pointer;  // RFC 6901 JSON Pointer to the offending value; "" is the whole document
    std::string message;  // plain language, says what is wrong and, where possible, what is expected
};

using Problems = std::vector<Problem>;

// "/practices/3/title: must not be empty" — the form the CLI and the app both show.
std::string format_problem(const Problem& p);

// Escapes one reference token for a JSON Pointer ("~" -> "~0", "/" -> "~1").
std::string pointer_token(std::string_view token);

}  // namespace procure
