// Full-text search over a catalogue's practices, fast enough to run on every keystroke for catalogues
// of 100,000 practices. Built once per catalogue (and language): a sorted vocabulary of folded words,
// each with the practices and fields it occurs in and at which word positions (for phrases), and the
// lists of common prefixes merged ahead of time. About 0.3-0.4 bytes of index per byte of text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalogue.hpp"
#include "search_query.hpp"

namespace procure {

enum class TextField : std::uint8_t { title, summary, why, clause, evidence };

// Byte offsets into the ORIGINAL UTF-8 text of that field; item = index in clauses/evidence, else 0.
struct Highlight {
    TextField field;
    std::uint16_t item;
    std::uint32_t begin, end;
    bool operator==(const Highlight&) const = default;
};

class SearchIndex {
public:
    // Indexes every practice's title, summary, why, clauses and evidence. Highlights read the texts
    // again, so `catalogue` must outlive the index and stay unchanged; build a new index when the
    // texts change (another catalogue, another language).
    explicit SearchIndex(const Catalogue& catalogue);

    std::size_t practice_count() const { return practice_count_; }

    // Sets matches (bit i of word i/64 = practice i matches; resized to (n+63)/64 words) and scores
    // (resized to n; 0 for non-matches). Every term must match somewhere in the practice. A word term
    // matches the start of a word, so "encr" finds "encryption" and "sifrovani" finds "šifrování".
    // A phrase term matches its words consecutively, the last one as a prefix. Terms are folded
    // again here, so a hand-made query behaves like a parsed one.
    // Score, summed over terms: title 64, summary 16, each of why/clauses/evidence 4, and 2 more when
    // a word term matches a whole word. An empty query matches every practice, all with score 0.
    void match(const SearchQuery& query, std::vector<std::uint64_t>& matches, std::vector<std::uint16_t>& scores) const;

    // Where the query's terms occur in one practice, sorted by field, item and begin; overlapping
    // and touching occurrences are merged. Folds that practice's texts: meant for the practices on
    // screen. Empty for an index out of range, and for items beyond 65535.
    std::vector<Highlight> highlights(std::size_t practice, const SearchQuery& query) const;

private:
    struct Term;
    class PhraseMatch;
    struct PrefixList {
        std::uint32_t first_word, end_word;  // the vocabulary range it merges
        std::size_t begin, end;              // its bytes in merged_postings_
    };

    void build_prefix_lists();
    std::pair<std::uint32_t, std::uint32_t> prefix_range(std::string_view prefix) const;
    std::size_t range_cost(std::uint32_t first, std::uint32_t end) const;
    const PrefixList* find_prefix_list(std::uint32_t first, std::uint32_t end) const;
    std::vector<Term> prepare(const SearchQuery& query) const;
    void collect(const Term& term, std::vector<std::uint8_t>& fields, std::vector<std::uint8_t>& scratch) const;
    void or_word_range(std::uint32_t first, std::uint32_t end, bool exact_first, std::vector<std::uint8_t>& fields) const;
    std::string_view word(std::uint32_t i) const;

    const Catalogue* catalogue_;
    std::size_t practice_count_ = 0;
    std::string words_;                        // the vocabulary: sorted folded words, concatenated
    std::vector<std::uint32_t> word_starts_;   // word i is words_[word_starts_[i], word_starts_[i+1])
    std::vector<std::uint8_t> postings_;       // per word, in vocabulary order (format in the .cpp)
    std::vector<std::size_t> posting_starts_;  // word i's postings are [posting_starts_[i], [i+1])
    std::vector<std::uint8_t> positions_;      // per word and posting, where in the practice it occurs
    std::vector<std::size_t> position_starts_;
    std::vector<std::uint32_t> field_starts_;  // per practice, the first position of summary, why, clauses, evidence
    std::vector<PrefixList> prefix_lists_;     // sorted by (first_word, end_word)
    std::vector<std::uint8_t> merged_postings_;
};

}  // namespace procure
