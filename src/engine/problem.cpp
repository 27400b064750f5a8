#include "problem.hpp"

namespace procure {

std::string format_problem(const Problem& p) {
    return (p.pointer.empty() ? std::string("(document)") : p.pointer) + ": " + p.message;
}

std::string pointer_token(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

}  // namespace procure
