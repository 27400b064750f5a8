#include "search_query.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "text_fold.hpp"

namespace procure {
namespace {

// Any quote mark opens or closes a phrase: that covers “English”, „German“, „Polish”, «French»,
// »Danish« and ”Finnish” pairings alike, and a person rarely nests quotes in a search box.
std::size_t quote_at(std::string_view s, std::size_t i) {
    static constexpr std::array<std::string_view, 6> kQuotes{"\"", "\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB"};
    for (std::string_view q : kQuotes)
        if (s.substr(i, q.size()) == q) return q.size();
    return 0;
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

// `words` is folded text, one word or several joined by single spaces.
void add_term(SearchQuery& query, std::string_view words) {
    const std::string_view kept = trim_spaces(utf8_prefix(words, kMaxTermBytes));
    const std::string_view cut = trim_spaces(words.substr(std::min(words.size(), kept.size())));
    if (!cut.empty()) query.ignored.emplace_back(cut);
    if (kept.empty()) return;
    SearchTerm term{std::string(kept), kept.find(' ') != std::string_view::npos};
    if (std::find(query.terms.begin(), query.terms.end(), term) != query.terms.end()) return;
    if (query.terms.size() >= kMaxSearchTerms) {
        query.ignored.push_back(std::move(term.folded));
        return;
    }
    query.terms.push_back(std::move(term));
}

// The words of `raw`, folded and joined by single spaces.
std::string joined_words(std::string_view raw) {
    const std::string folded = fold(raw);
    std::string joined;
    for (WordSpan w = next_word(folded, 0); w.begin < folded.size(); w = next_word(folded, w.end)) {
        if (!joined.empty()) joined += ' ';
        joined.append(folded, w.begin, w.end - w.begin);
    }
    return joined;
}

void add_segment(SearchQuery& query, std::string_view raw, bool quoted) {
    const std::string words = joined_words(raw);
    if (quoted) {
        add_term(query, words);
        return;
    }
    std::size_t start = 0;
    while (start < words.size()) {
        const std::size_t space = std::min(words.find(' ', start), words.size());
        add_term(query, std::string_view(words).substr(start, space - start));
        start = space + 1;
    }
}

}  // namespace

SearchQuery parse_search_query(std::string_view text) {
    SearchQuery query;
    const std::string_view kept = utf8_prefix(text, kMaxQueryBytes);
    std::size_t start = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < kept.size();) {
        const std::size_t quote = quote_at(kept, i);
        if (quote == 0) {
            ++i;
            continue;
        }
        add_segment(query, kept.substr(start, i - start), quoted);
        quoted = !quoted;
        i += quote;
        start = i;
    }
    add_segment(query, kept.substr(start), quoted);

    if (kept.size() < text.size()) {
        // Say what was cut, but fold only a bounded piece of it: the input may be megabytes.
        const std::string rest = joined_words(utf8_prefix(text.substr(kept.size()), 4 * kMaxQueryBytes));
        const std::string_view shown = trim_spaces(utf8_prefix(rest, kMaxTermBytes));
        if (!shown.empty()) query.ignored.emplace_back(shown);
    }
    return query;
}

}  // namespace procure
