#include "search_index.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>
#include <numeric>
#include <tuple>
#include <utility>

#include "text_fold.hpp"

namespace procure {
namespace {

// Lists are LEB128 varints. A posting says that one practice contains a word, and in which fields:
// (gap << 5) | field bits, where gap counts the practices skipped since the previous posting, so a
// word found in most practices costs one byte per practice. A parallel stream holds each posting's
// positions of the word in the practice, delta-coded, each as (delta << 1) | (1 if more follow).
// Positions count words through the practice's texts, leaving one out between texts so that no
// phrase runs from one text into the next.
constexpr unsigned kFieldBits = 5;
constexpr std::uint8_t kFieldMask = (1u << kFieldBits) - 1;
constexpr std::uint8_t kExactBit = 1u << kFieldBits;  // only in query-time masks: a whole word matched
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

std::uint8_t field_bit(TextField f) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(f)); }

// The field bit of a position in a practice, given where its summary, why, clauses and evidence begin.
std::uint8_t field_bit_at(const std::uint32_t* field_starts, std::uint32_t position) {
    unsigned f = 0;
    while (f < 4 && position >= field_starts[f]) ++f;
    return static_cast<std::uint8_t>(1u << f);
}

void append_varint(std::vector<std::uint8_t>& out, std::uint64_t v) {
    if (v < 0x80) {  // most postings and positions
        out.push_back(static_cast<std::uint8_t>(v));
        return;
    }
    std::array<std::uint8_t, 10> bytes{};
    std::size_t n = 0;
    for (; v >= 0x80; v >>= 7) bytes[n++] = static_cast<std::uint8_t>(v | 0x80);
    bytes[n++] = static_cast<std::uint8_t>(v);
    out.insert(out.end(), bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n));
}

std::uint64_t read_varint(const std::uint8_t*& p, const std::uint8_t* end) {
    std::uint64_t v = *p++;
    if (v < 0x80) return v;
    v &= 0x7F;
    for (unsigned shift = 7; p < end && shift < 64; shift += 7) {
        const std::uint8_t b = *p++;
        v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
        if (!(b & 0x80)) break;
    }
    return v;
}

// Walks a posting list, and when given them, its positions alongside.
class Postings {
public:
    Postings(const std::uint8_t* p, const std::uint8_t* end, const std::uint8_t* positions = nullptr, const std::uint8_t* positions_end = nullptr)
        : p_(p), end_(end), block_end_(positions), positions_end_(positions_end) {}
    bool next() {
        if (p_ >= end_) return false;
        if (block_) skip_positions();
        block_ = block_end_;
        block_read_ = false;
        const std::uint64_t v = read_varint(p_, end_);
        practice_ = next_ + static_cast<std::size_t>(v >> kFieldBits);
        fields_ = static_cast<std::uint8_t>(v & kFieldMask);
        next_ = practice_ + 1;
        return true;
    }
    std::size_t practice() const { return practice_; }
    std::uint8_t fields() const { return fields_; }
    // Calls f(position) for each position of the current posting, in ascending order.
    template <class F>
    void positions(F&& f) {
        const std::uint8_t* p = block_;
        std::uint32_t position = 0;
        while (p && p < positions_end_) {
            const std::uint64_t v = read_varint(p, positions_end_);
            f(position += static_cast<std::uint32_t>(v >> 1));
            if (!(v & 1)) break;
        }
        block_end_ = p;
        block_read_ = true;
    }

private:
    void skip_positions() {
        if (block_read_) return;
        const std::uint8_t* p = block_;
        while (p < positions_end_) {
            const std::uint8_t first = *p++;  // its lowest bit says whether more follow
            while ((p[-1] & 0x80) && p < positions_end_) ++p;
            if (!(first & 1)) break;
        }
        block_end_ = p;
    }
    const std::uint8_t* p_;
    const std::uint8_t* end_;
    const std::uint8_t* block_ = nullptr;      // the current posting's positions
    const std::uint8_t* block_end_;            // where the next posting's positions begin, once known
    const std::uint8_t* positions_end_;
    bool block_read_ = false;
    std::size_t practice_ = 0, next_ = 0;
    std::uint8_t fields_ = 0;
};

// ORs the fields of every posting in [p, end), plus `extra`, into fields[practice].
void or_postings(const std::uint8_t* p, const std::uint8_t* end, std::uint8_t extra, std::vector<std::uint8_t>& fields) {
    for (Postings list(p, end); list.next() && list.practice() < fields.size();)
        fields[list.practice()] = static_cast<std::uint8_t>(fields[list.practice()] | list.fields() | extra);
}

// Ranking weights of one term by the fields it matched in (and kExactBit).
constexpr std::array<std::uint16_t, 64> kWeights = [] {
    constexpr std::array<std::uint16_t, kFieldBits> field_weight{64, 16, 4, 4, 4};  // title, summary, body
    std::array<std::uint16_t, 64> t{};
    for (unsigned mask = 0; mask < 64; ++mask) {
        unsigned w = (mask & kExactBit) ? 2 : 0;
        for (unsigned f = 0; f < kFieldBits; ++f)
            if (mask & (1u << f)) w += field_weight[f];
        t[mask] = static_cast<std::uint16_t>(w);
    }
    return t;
}();

// Calls visit(field, item, text) for every indexed text of a practice, in the order of positions.
template <class Visit>
void for_each_text(const Practice& p, Visit&& visit) {
    visit(TextField::title, std::size_t{0}, p.title);
    visit(TextField::summary, std::size_t{0}, p.summary);
    visit(TextField::why, std::size_t{0}, p.why);
    for (std::size_t i = 0; i < p.clauses.size(); ++i) visit(TextField::clause, i, p.clauses[i]);
    for (std::size_t i = 0; i < p.evidence.size(); ++i) visit(TextField::evidence, i, p.evidence[i]);
}

// The first index in [lo, hi) for which `before` is false; `before` must be true then false.
template <class Before>
std::uint32_t partition(std::uint32_t lo, std::uint32_t hi, Before&& before) {
    while (lo < hi) {
        const std::uint32_t mid = lo + (hi - lo) / 2;
        if (before(mid)) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

// Words seen while building, interned by an open-addressing hash table over one string arena:
// a catalogue of 100,000 practices has a large vocabulary, and a node per word would double it.
class Vocabulary {
public:
    std::uint32_t intern(std::string_view w) {
        if (2 * (size() + 1) > slots_.size()) grow();
        for (std::size_t i = hash(w) & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
            if (slots_[i] == 0) {
                arena_ += w;
                starts_.push_back(static_cast<std::uint32_t>(arena_.size()));
                slots_[i] = static_cast<std::uint32_t>(size());
                return slots_[i] - 1;
            }
            if (word(slots_[i] - 1) == w) return slots_[i] - 1;
        }
    }
    std::size_t size() const { return starts_.size() - 1; }
    std::string_view word(std::size_t id) const {
        return std::string_view(arena_).substr(starts_[id], starts_[id + 1] - starts_[id]);
    }

private:
    // Eight bytes a step rather than one: this runs once for every word of the catalogue.
    static std::size_t hash(std::string_view w) {
        std::uint64_t h = w.size() * 0x9E3779B97F4A7C15ull;
        for (std::size_t i = 0; i < w.size(); i += 8) {
            std::uint64_t chunk = 0;
            std::memcpy(&chunk, w.data() + i, std::min<std::size_t>(8, w.size() - i));
            h = (h ^ chunk) * 0xFF51AFD7ED558CCDull;
            h ^= h >> 32;
        }
        return static_cast<std::size_t>(h);
    }
    void grow() {
        std::vector<std::uint32_t> old(std::max<std::size_t>(1024, 2 * slots_.size()), 0);
        old.swap(slots_);
        for (std::uint32_t slot : old) {
            if (slot == 0) continue;
            std::size_t i = hash(word(slot - 1)) & (slots_.size() - 1);
            while (slots_[i] != 0) i = (i + 1) & (slots_.size() - 1);
            slots_[i] = slot;
        }
    }
    std::string arena_;
    std::vector<std::uint32_t> starts_{0};
    std::vector<std::uint32_t> slots_;  // word id + 1; 0 is empty
};

// A word as the index stores it: terms are cut at kMaxTermBytes, so longer words need no more.
std::string_view indexed(std::string_view folded, WordSpan w) {
    return utf8_prefix(folded.substr(w.begin, w.end - w.begin), kMaxTermBytes);
}

struct Occurrence {
    std::size_t begin = std::string_view::npos, end = 0;
    std::size_t next = 0;  // where to look for the next one: the end of the first word
};

// The first place at or after `from` (0 or a word's end) where `words` follow each other in folded
// text, the last as a prefix of a word, the others whole (as the index stores them).
Occurrence find_words(std::string_view text, const std::vector<std::string>& words, std::size_t from) {
    for (WordSpan first = next_word(text, from); first.begin < text.size(); first = next_word(text, first.end)) {
        WordSpan w = first;
        for (std::size_t k = 0; w.begin < text.size(); ++k) {
            const bool last = k + 1 == words.size();
            if (last ? !text.substr(w.begin, w.end - w.begin).starts_with(words[k]) : indexed(text, w) != words[k]) break;
            if (last) return {first.begin, w.begin + words[k].size(), first.end};
            w = next_word(text, w.end);
        }
    }
    return {};
}

// Lists longer than this many bytes per practice are worth merging ahead of time (see build_prefix_lists).
constexpr std::size_t kMergeBytesPerPractice = 4;
constexpr std::size_t kMinMergedBytes = 4096;

}  // namespace

// One query term resolved against the vocabulary.
struct SearchIndex::Term {
    struct Words {
        std::uint32_t first = 0, end = 0;  // vocabulary range
        bool exact_first = false;          // word `first` is the query word itself
    };
    std::vector<std::string> words;  // folded; several for a phrase
    std::vector<Words> ranges;       // per word
    std::size_t cost = 0;            // posting bytes to decode
    bool phrase() const { return words.size() > 1; }
};

SearchIndex::SearchIndex(const Catalogue& catalogue)
    : catalogue_(&catalogue), practice_count_(catalogue.practices.size()) {
    Vocabulary vocabulary;
    std::vector<std::vector<std::uint8_t>> postings, positions;  // per word id, in order of practice
    std::vector<std::uint32_t> next_practice;  // per word id: the practice after its last posting
    std::vector<std::uint8_t> fields;          // per word id: fields seen in the current practice
    std::vector<std::uint32_t> last_at;        // per word id: its last position in the current practice
    std::vector<std::size_t> last_entry;       // per word id: where that position's entry begins
    std::vector<std::uint32_t> touched;        // word ids seen in the current practice
    std::string folded;
    field_starts_.reserve(4 * practice_count_);
    for (std::size_t p = 0; p < practice_count_; ++p) {
        std::uint32_t position = 0;
        TextField previous = TextField::title;
        for_each_text(catalogue.practices[p], [&](TextField field, std::size_t, const std::string& text) {
            for (; previous != field; previous = static_cast<TextField>(static_cast<unsigned>(previous) + 1)) field_starts_.push_back(position);
            fold_into(text, folded);
            for (WordSpan w = next_word(folded, 0); w.begin < folded.size(); w = next_word(folded, w.end), ++position) {
                const std::uint32_t id = vocabulary.intern(indexed(folded, w));
                if (id == postings.size()) {
                    postings.emplace_back();
                    positions.emplace_back();
                    next_practice.push_back(0);
                    fields.push_back(0);
                    last_at.push_back(0);
                    last_entry.push_back(0);
                }
                if (fields[id] == 0) {
                    touched.push_back(id);
                    last_at[id] = 0;
                }
                fields[id] = static_cast<std::uint8_t>(fields[id] | field_bit(field));
                // Every entry says "more follow" until the practice ends (below).
                last_entry[id] = positions[id].size();
                append_varint(positions[id], (static_cast<std::uint64_t>(position - last_at[id]) << 1) | 1u);
                last_at[id] = position;
            }
            ++position;
        });
        for (; previous != TextField::evidence; previous = static_cast<TextField>(static_cast<unsigned>(previous) + 1)) field_starts_.push_back(position);
        for (std::uint32_t id : touched) {
            append_varint(postings[id], (static_cast<std::uint64_t>(p - next_practice[id]) << kFieldBits) | fields[id]);
            positions[id][last_entry[id]] &= 0xFE;  // the flag is the lowest bit of a varint's first byte
            next_practice[id] = static_cast<std::uint32_t>(p + 1);
            fields[id] = 0;
        }
        touched.clear();
    }

    std::vector<std::uint32_t> order(vocabulary.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return vocabulary.word(a) < vocabulary.word(b); });
    std::size_t word_bytes = 0, posting_bytes = 0, position_bytes = 0;
    for (std::uint32_t id : order) {
        word_bytes += vocabulary.word(id).size();
        posting_bytes += postings[id].size();
        position_bytes += positions[id].size();
    }
    words_.reserve(word_bytes);
    postings_.reserve(posting_bytes);
    positions_.reserve(position_bytes);
    for (std::uint32_t id : order) {
        word_starts_.push_back(static_cast<std::uint32_t>(words_.size()));
        posting_starts_.push_back(postings_.size());
        position_starts_.push_back(positions_.size());
        words_ += vocabulary.word(id);
        postings_.insert(postings_.end(), postings[id].begin(), postings[id].end());
        positions_.insert(positions_.end(), positions[id].begin(), positions[id].end());
        std::vector<std::uint8_t>().swap(postings[id]);  // keep the peak near one copy of the lists
        std::vector<std::uint8_t>().swap(positions[id]);
    }
    word_starts_.push_back(static_cast<std::uint32_t>(words_.size()));
    posting_starts_.push_back(postings_.size());
    position_starts_.push_back(positions_.size());
    build_prefix_lists();
}

std::string_view SearchIndex::word(std::uint32_t i) const {
    return std::string_view(words_).substr(word_starts_[i], word_starts_[i + 1] - word_starts_[i]);
}

std::size_t SearchIndex::range_cost(std::uint32_t first, std::uint32_t end) const {
    if (const PrefixList* merged = find_prefix_list(first, end)) return merged->end - merged->begin;
    return posting_starts_[end] - posting_starts_[first];
}

// A one-letter prefix can cover a tenth of the vocabulary, and decoding all its lists would take
// longer than a keystroke allows. So every prefix whose lists exceed kMergeBytesPerPractice bytes a
// practice gets them merged into one list of at most one posting per practice, here, once. Prefixes
// are the nodes of the trie the sorted vocabulary spells, walked to where words diverge.
void SearchIndex::build_prefix_lists() {
    const std::size_t threshold = std::max(kMinMergedBytes, kMergeBytesPerPractice * practice_count_);
    const auto words = static_cast<std::uint32_t>(word_starts_.size() - 1);
    std::vector<std::uint8_t> fields(practice_count_);
    struct Node {
        std::uint32_t first, end;
        std::size_t depth;  // the bytes all words of the node share
    };
    std::vector<Node> stack{{0, words, 0}};
    while (!stack.empty()) {
        const Node node = stack.back();
        stack.pop_back();
        const std::size_t cost = posting_starts_[node.end] - posting_starts_[node.first];
        if (node.end - node.first < 2 || cost <= threshold) continue;
        const std::string_view a = word(node.first), b = word(node.end - 1);
        const auto depth = static_cast<std::size_t>(std::mismatch(a.begin(), a.end(), b.begin(), b.end()).first - a.begin());
        if (depth > 0) {
            std::fill(fields.begin(), fields.end(), std::uint8_t{0});
            for (std::uint32_t w = node.first; w < node.end; ++w)
                or_postings(postings_.data() + posting_starts_[w], postings_.data() + posting_starts_[w + 1], 0, fields);
            const std::size_t begin = merged_postings_.size();
            std::size_t next = 0;
            for (std::size_t p = 0; p < fields.size(); ++p) {
                if (fields[p] == 0) continue;
                append_varint(merged_postings_, (static_cast<std::uint64_t>(p - next) << kFieldBits) | fields[p]);
                next = p + 1;
            }
            // Keep it only if it saves real work; this also bounds the memory merged lists take.
            if (2 * (merged_postings_.size() - begin) <= cost) prefix_lists_.push_back({node.first, node.end, begin, merged_postings_.size()});
            else merged_postings_.resize(begin);
        }
        std::uint32_t i = node.first;
        if (word(i).size() == depth) ++i;  // the prefix itself is a word, in no child
        while (i < node.end) {
            const auto byte = static_cast<unsigned char>(word(i)[depth]);
            const std::uint32_t j = partition(i, node.end, [&](std::uint32_t k) { return static_cast<unsigned char>(word(k)[depth]) <= byte; });
            stack.push_back({i, j, depth + 1});
            i = j;
        }
    }
    std::sort(prefix_lists_.begin(), prefix_lists_.end(), [](const PrefixList& x, const PrefixList& y) {
        return std::pair(x.first_word, x.end_word) < std::pair(y.first_word, y.end_word);
    });
    merged_postings_.shrink_to_fit();
}

const SearchIndex::PrefixList* SearchIndex::find_prefix_list(std::uint32_t first, std::uint32_t end) const {
    const auto it = std::lower_bound(prefix_lists_.begin(), prefix_lists_.end(), std::pair(first, end), [](const PrefixList& x, const auto& key) {
        return std::pair(x.first_word, x.end_word) < key;
    });
    return it != prefix_lists_.end() && it->first_word == first && it->end_word == end ? &*it : nullptr;
}

std::pair<std::uint32_t, std::uint32_t> SearchIndex::prefix_range(std::string_view prefix) const {
    const auto words = static_cast<std::uint32_t>(word_starts_.size() - 1);
    const std::uint32_t first = partition(0, words, [&](std::uint32_t k) { return word(k) < prefix; });
    const std::uint32_t end = partition(first, words, [&](std::uint32_t k) { return word(k).starts_with(prefix); });
    return {first, end};
}

std::vector<SearchIndex::Term> SearchIndex::prepare(const SearchQuery& query) const {
    std::vector<Term> terms;
    for (const SearchTerm& t : query.terms) {
        Term term;
        const std::string folded = fold(t.folded);
        for (WordSpan w = next_word(folded, 0); w.begin < folded.size(); w = next_word(folded, w.end))
            term.words.emplace_back(indexed(folded, w));
        if (term.words.empty()) continue;  // nothing to look for: no condition
        for (std::size_t k = 0; k < term.words.size(); ++k) {
            const auto [first, end] = prefix_range(term.words[k]);
            const bool exact = first < end && word(first) == term.words[k];
            // Only a phrase's last word may be a prefix; the others must be whole words.
            const Term::Words range{first, k + 1 == term.words.size() ? end : first + (exact ? 1u : 0u), exact};
            term.cost += range_cost(range.first, range.end);
            term.ranges.push_back(range);
        }
        terms.push_back(std::move(term));
    }
    return terms;
}

void SearchIndex::or_word_range(std::uint32_t first, std::uint32_t end, bool exact_first, std::vector<std::uint8_t>& fields) const {
    const auto list = [&](std::uint32_t w, std::uint8_t extra) {
        or_postings(postings_.data() + posting_starts_[w], postings_.data() + posting_starts_[w + 1], extra, fields);
    };
    if (const PrefixList* merged = find_prefix_list(first, end)) {
        or_postings(merged_postings_.data() + merged->begin, merged_postings_.data() + merged->end, 0, fields);
        if (exact_first) list(first, kExactBit);
        return;
    }
    for (std::uint32_t w = first; w < end; ++w) list(w, w == first && exact_first ? kExactBit : 0);
}

// fields[p]: where the term's words occur in practice p (for a phrase, where all of them do).
void SearchIndex::collect(const Term& term, std::vector<std::uint8_t>& fields, std::vector<std::uint8_t>& scratch) const {
    std::fill(fields.begin(), fields.end(), std::uint8_t{0});
    or_word_range(term.ranges[0].first, term.ranges[0].end, term.ranges[0].exact_first, fields);
    for (std::size_t k = 1; k < term.ranges.size(); ++k) {
        scratch.assign(practice_count_, 0);
        or_word_range(term.ranges[k].first, term.ranges[k].end, false, scratch);
        for (std::size_t p = 0; p < fields.size(); ++p) fields[p] = static_cast<std::uint8_t>(fields[p] & scratch[p] & kFieldMask);
    }
}

// Narrows fields[p] (practices where all of a phrase's words occur) to the fields where the words
// occur in a row. The cheapest word's positions give the candidate starts; every other single word
// keeps the starts it follows at the right distance; a last word that is a prefix of many words
// then marks the starts it completes. The cost follows the words' occurrences, never the texts.
class SearchIndex::PhraseMatch {
public:
    PhraseMatch(const SearchIndex& index, const Term& term, std::vector<std::uint8_t>& fields)
        : index_(index), term_(term), fields_(fields), candidate_of_(index.practice_count_, kNone) {}

    void run() {
        const std::size_t last = term_.words.size() - 1;
        std::vector<std::size_t> order(term_.words.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cost(a) < cost(b); });
        if (cost(order[0]) == 0) return finish();  // a word that occurs nowhere
        anchor(order[0]);
        for (std::size_t k : order)
            if (k != order[0] && single(k)) confirm(k);
        if (order[0] == last || single(last)) {
            for (Candidate& c : candidates_)
                for (std::uint32_t i = c.begin; i < c.end; ++i) c.found = static_cast<std::uint8_t>(c.found | field_of(c, starts_[i]));
        } else {
            complete(last);
        }
        finish();
    }

private:
    struct Candidate {
        std::size_t practice;
        std::uint32_t begin, end;  // its phrase starts: starts_[begin, end)
        std::uint8_t possible;     // the fields where all the words occur
        std::uint8_t found = 0;
    };

    // Bytes to decode for word k: its postings and, what a phrase mostly reads, its positions.
    std::size_t cost(std::size_t k) const {
        const Term::Words& r = term_.ranges[k];
        return index_.posting_starts_[r.end] - index_.posting_starts_[r.first] + index_.position_starts_[r.end] - index_.position_starts_[r.first];
    }
    bool single(std::size_t k) const { return term_.ranges[k].end - term_.ranges[k].first == 1; }
    std::uint8_t field_of(const Candidate& c, std::uint32_t start) const {
        return field_bit_at(index_.field_starts_.data() + 4 * c.practice, start);
    }
    Postings walk(std::uint32_t w) const {
        return Postings(index_.postings_.data() + index_.posting_starts_[w], index_.postings_.data() + index_.posting_starts_[w + 1],
                        index_.positions_.data() + index_.position_starts_[w], index_.positions_.data() + index_.position_starts_[w + 1]);
    }
    Candidate* candidate(std::size_t practice) {
        return practice < candidate_of_.size() && candidate_of_[practice] != kNone ? &candidates_[candidate_of_[practice]] : nullptr;
    }

    // Calls visit(list) for every posting of the words of term word k, block of practices by block,
    // then block_done(). A short prefix's range holds hundreds of words; walking them one after the
    // other would bring every candidate into cache once per word.
    template <class Visit, class BlockDone>
    void walk_range(std::size_t k, Visit&& visit, BlockDone&& block_done) const {
        const Term::Words& r = term_.ranges[k];
        // Most frequent first: they settle most candidates, whose positions the rest then skip.
        std::vector<std::uint32_t> order(r.end - r.first);
        std::iota(order.begin(), order.end(), r.first);
        const auto size = [&](std::uint32_t w) { return index_.position_starts_[w + 1] - index_.position_starts_[w]; };
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return size(a) > size(b); });
        std::vector<Postings> lists;
        for (std::uint32_t w : order)
            if (Postings list = walk(w); list.next()) lists.push_back(list);
        const std::size_t block = std::max<std::size_t>(4096, index_.practice_count_ * lists.size() / std::max<std::size_t>(1, cost(k)));
        for (std::size_t block_end = block; !lists.empty(); block_end += block) {
            for (std::size_t i = 0; i < lists.size();) {
                bool more = true;
                while (more && lists[i].practice() < block_end) {
                    visit(lists[i]);
                    more = lists[i].next();
                }
                if (more) ++i;
                else lists.erase(lists.begin() + static_cast<std::ptrdiff_t>(i));
            }
            block_done();
        }
    }

    // Candidates: the practices where word k occurs in a field all the words share; their starts:
    // where the phrase would begin.
    void anchor(std::size_t k) {
        std::vector<std::uint64_t> found;  // practice << 32 | start, for one block
        walk_range(
            k,
            [&](Postings& list) {
                const std::size_t p = list.practice();
                if (p >= fields_.size() || fields_[p] == 0) return;
                list.positions([&](std::uint32_t at) {
                    if (at >= k) found.push_back(static_cast<std::uint64_t>(p) << 32 | (at - k));
                });
            },
            [&] {
                if (!single(k)) std::sort(found.begin(), found.end());  // the words' positions interleave
                for (std::uint64_t f : found) {
                    const auto p = static_cast<std::size_t>(f >> 32);
                    if (candidate_of_[p] == kNone) {
                        candidate_of_[p] = static_cast<std::uint32_t>(candidates_.size());
                        const auto at = static_cast<std::uint32_t>(starts_.size());
                        candidates_.push_back({p, at, at, fields_[p]});
                    }
                    starts_.push_back(static_cast<std::uint32_t>(f));
                    candidates_.back().end = static_cast<std::uint32_t>(starts_.size());
                }
                found.clear();
            });
    }

    // Keeps the starts that single word k follows at distance k; drops candidates left without.
    void confirm(std::size_t k) {
        std::vector<bool> seen(candidates_.size());
        for (Postings list = walk(term_.ranges[k].first); list.next();) {
            Candidate* c = candidate(list.practice());
            if (!c) continue;
            seen[candidate_of_[c->practice]] = true;
            std::uint32_t read = c->begin, write = c->begin;
            list.positions([&](std::uint32_t at) {
                while (read < c->end && starts_[read] + k < at) ++read;
                if (read < c->end && starts_[read] + k == at) starts_[write++] = starts_[read++];
            });
            c->end = write;
        }
        for (std::size_t i = 0; i < candidates_.size(); ++i) {
            if (!seen[i]) candidates_[i].end = candidates_[i].begin;
            if (candidates_[i].begin == candidates_[i].end) candidate_of_[candidates_[i].practice] = kNone;
        }
    }

    // Marks the fields of the starts that some word of the last word's range completes. Each
    // candidate's starts become bits, so each position is tested in constant time.
    void complete(std::size_t last) {
        struct Bits {
            std::uint32_t first = 0, span = 0;  // first + i is a start if bit i is set
            std::size_t at = 0;                 // where its bits begin in `bits`
            std::array<std::uint32_t, 4> fields{};  // the practice's field starts, at hand
        };
        std::vector<Bits> of(candidates_.size());
        std::vector<std::uint64_t> bits;
        for (std::size_t i = 0; i < candidates_.size(); ++i) {
            const Candidate& c = candidates_[i];
            if (c.begin == c.end) continue;
            of[i] = {starts_[c.begin], starts_[c.end - 1] - starts_[c.begin], bits.size(), {}};
            std::copy_n(index_.field_starts_.begin() + static_cast<std::ptrdiff_t>(4 * c.practice), 4, of[i].fields.begin());
            bits.resize(bits.size() + of[i].span / 64 + 1);
            for (std::uint32_t s = c.begin; s < c.end; ++s) {
                const std::uint32_t bit = starts_[s] - of[i].first;
                bits[of[i].at + bit / 64] |= std::uint64_t{1} << (bit % 64);
            }
        }
        walk_range(
            last,
            [&](Postings& list) {
                Candidate* c = candidate(list.practice());
                if (!c || c->found == c->possible) return;
                const Bits& b = of[candidate_of_[c->practice]];
                list.positions([&](std::uint32_t at) {
                    if (at < b.first + last || at - b.first - last > b.span) return;
                    const auto bit = static_cast<std::uint32_t>(at - b.first - last);
                    if (bits[b.at + bit / 64] >> (bit % 64) & 1) c->found = static_cast<std::uint8_t>(c->found | field_bit_at(b.fields.data(), b.first + bit));
                });
            },
            [] {});
    }

    void finish() {
        std::fill(fields_.begin(), fields_.end(), std::uint8_t{0});
        for (const Candidate& c : candidates_) fields_[c.practice] = c.found;
    }

    const SearchIndex& index_;
    const Term& term_;
    std::vector<std::uint8_t>& fields_;
    std::vector<Candidate> candidates_;
    std::vector<std::uint32_t> starts_;
    std::vector<std::uint32_t> candidate_of_;
};

void SearchIndex::match(const SearchQuery& query, std::vector<std::uint64_t>& matches, std::vector<std::uint16_t>& scores) const {
    const std::size_t n = practice_count_;
    matches.assign((n + 63) / 64, 0);
    scores.assign(n, 0);
    std::vector<Term> terms = prepare(query);
    if (terms.empty()) {
        std::fill(matches.begin(), matches.end(), ~std::uint64_t{0});
        if (n % 64 != 0) matches.back() = (std::uint64_t{1} << (n % 64)) - 1;
        return;
    }
    // Cheap terms first and phrases last, so a phrase walks the positions of fewer practices.
    std::stable_sort(terms.begin(), terms.end(), [](const Term& a, const Term& b) {
        return std::pair(a.phrase(), a.cost) < std::pair(b.phrase(), b.cost);
    });
    std::vector<std::uint8_t> fields(n), scratch;
    bool first = true;
    for (const Term& term : terms) {
        collect(term, fields, scratch);
        if (term.phrase()) {
            if (!first)
                for (std::size_t p = 0; p < n; ++p)
                    if (!(matches[p / 64] >> (p % 64) & 1)) fields[p] = 0;
            PhraseMatch(*this, term, fields).run();
        }
        if (first)
            for (std::size_t p = 0; p < n; ++p)
                if (fields[p] != 0) matches[p / 64] |= std::uint64_t{1} << (p % 64);
        bool any = false;
        for (std::size_t w = 0; w < matches.size(); ++w) {
            for (std::uint64_t bits = matches[w]; bits != 0; bits &= bits - 1) {
                const std::size_t p = w * 64 + static_cast<std::size_t>(std::countr_zero(bits));
                if (fields[p] == 0) {
                    matches[w] &= ~(std::uint64_t{1} << (p % 64));
                    scores[p] = 0;
                    continue;
                }
                const unsigned sum = scores[p] + kWeights[fields[p]];
                scores[p] = static_cast<std::uint16_t>(std::min<unsigned>(sum, std::numeric_limits<std::uint16_t>::max()));
            }
            any = any || matches[w] != 0;
        }
        if (!any) return;
        first = false;
    }
}

std::vector<Highlight> SearchIndex::highlights(std::size_t practice, const SearchQuery& query) const {
    std::vector<Highlight> found;
    if (practice >= practice_count_) return found;
    const std::vector<Term> terms = prepare(query);
    if (terms.empty()) return found;
    for_each_text(catalogue_->practices[practice], [&](TextField field, std::size_t item, const std::string& text) {
        if (item > std::numeric_limits<std::uint16_t>::max() || text.size() > std::numeric_limits<std::uint32_t>::max()) return;
        const FoldedText folded = fold_text(text);
        const std::string_view t = folded.text;
        for (const Term& term : terms) {
            for (Occurrence o = find_words(t, term.words, 0); o.begin != std::string_view::npos; o = find_words(t, term.words, o.next)) {
                // A match may end inside what one code point folded to (the "s" of "ß" → "ss"):
                // highlight the whole code point.
                std::size_t end = o.end;
                while (end < t.size() && folded.origin[end] == folded.origin[end - 1]) ++end;
                found.push_back({field, static_cast<std::uint16_t>(item), folded.origin[o.begin], folded.origin[end]});
            }
        }
    });
    std::sort(found.begin(), found.end(), [](const Highlight& a, const Highlight& b) {
        return std::tuple(a.field, a.item, a.begin, a.end) < std::tuple(b.field, b.item, b.begin, b.end);
    });
    std::vector<Highlight> merged;
    for (const Highlight& h : found) {
        if (!merged.empty() && merged.back().field == h.field && merged.back().item == h.item && h.begin <= merged.back().end)
            merged.back().end = std::max(merged.back().end, h.end);
        else
            merged.push_back(h);
    }
    return merged;
}

}  // namespace procure
