// The free text a user types, turned into search terms. Parsing is separate from matching so the
// interface can show what will be searched for (and what was ignored) before anything is matched.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "limits.hpp"  // kMaxQueryBytes, kMaxSearchTerms, kMaxTermBytes

namespace procure {

struct SearchTerm {
    std::string folded;   // folded (text_fold.hpp); a phrase's words are joined by single spaces
    bool phrase = false;  // true only when there are at least two words
    bool operator==(const SearchTerm&) const = default;
};

struct SearchQuery {
    std::vector<SearchTerm> terms;
    // Folded text the user typed that will not be searched for, for the interface to show: terms
    // beyond kMaxSearchTerms, the cut-off ends of long terms, and the start of input beyond kMaxQueryBytes.
    std::vector<std::string> ignored;
    bool empty() const { return terms.empty(); }
};

// Words are runs of letters and digits (text_fold.hpp's next_word) of the folded text. A part in
// double quotes ("...", „...“, “...”, «...» or »...«) is one phrase; an unclosed quote runs to the
// end; a quoted single word is an ordinary word term. Empty and repeated terms are dropped.
// Never throws; any bytes are accepted.
SearchQuery parse_search_query(std::string_view text);

}  // namespace procure
