// Search text on arbitrary bytes: the query parser, then the parsed query run through the search
// index of two catalogues. A small multilingual one (diacritics, Greek, Cyrillic, ß, decomposed
// accents, more than 64 practices) is checked against a plain scan of its texts; the bundled one
// through the QueryEngine, with the highlights of the practices found.
#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "engine/query_engine.hpp"
#include "engine/search_index.hpp"
#include "engine/search_query.hpp"
#include "engine/text_fold.hpp"
#include "fuzz_support.hpp"

using namespace procure;
using procure::fuzz::valid_utf8;

namespace {

const Catalogue& bundled() {
    static const Catalogue c = fuzz::load_source_catalogue("assets/catalogues/enisa-hospitals-2020.json");
    return c;
}

// Built the same way by every compiler: raw mt19937 output, no distributions.
Catalogue multilingual() {
    static const std::vector<std::string> vocabulary{
        "data", "database", "datum", "encryption", "Encrypt", "end", "Šifrování", "šifra", "sifon", "Κρυπτογράφηση",
        "κρυφό", "ΟΔΟΣ", "οδός", "ШИФРОВАНЕ", "шифр", "Straße", "strasse", "STRASSE", "patch", "pätch", "e\xCC\x81t\xC3\xA9",
        "café", "CAFE", "naïve", "Ærø", "łódź", "Łódź", "ﬁle", "İstanbul", "a", "an", "ab", "z", "x1", "2026", "v1.2",
        std::string(70, 'l') + "ong", "soft\xC2\xADhyphen"};
    static const char* separators[] = {" ", ", ", "-", ". ", " — ", "\n\n", "/", "\xC2\xA0", "\xE2\x80\x9C"};
    std::mt19937 random(20240131);
    const auto words = [&](unsigned count) {
        std::string s;
        for (unsigned i = 0; i < count; ++i) {
            if (i > 0) s += separators[random() % std::size(separators)];
            s += random() % 3 ? vocabulary[random() % vocabulary.size()] : "w" + std::to_string(random() % 40);
        }
        return s;
    };
    Catalogue c;
    for (unsigned i = 0; i < 150; ++i) {
        Practice& p = c.practices.emplace_back();
        p.id = "p" + std::to_string(i);
        p.title = words(1 + random() % 4);
        p.summary = words(random() % 8);
        p.why = words(random() % 20);
        for (unsigned k = random() % 3; k > 0; --k) p.clauses.push_back(words(random() % 8));
        for (unsigned k = random() % 2; k > 0; --k) p.evidence.push_back(words(random() % 5));
    }
    return c;
}

std::vector<std::string> split_words(std::string_view folded) {
    std::vector<std::string> out;
    for (WordSpan w = next_word(folded, 0); w.begin < folded.size(); w = next_word(folded, w.end))
        out.emplace_back(utf8_prefix(folded.substr(w.begin, w.end - w.begin), kMaxTermBytes));  // as the index keeps them
    return out;
}

// The documented semantics, by scanning every text of every practice (search_index.hpp).
class PlainScan {
public:
    explicit PlainScan(const Catalogue& c) {
        for (const Practice& p : c.practices) {
            std::vector<Text>& texts = practices_.emplace_back();
            texts.push_back({0, split_words(fold(p.title))});
            texts.push_back({1, split_words(fold(p.summary))});
            texts.push_back({2, split_words(fold(p.why))});
            for (const std::string& s : p.clauses) texts.push_back({3, split_words(fold(s))});
            for (const std::string& s : p.evidence) texts.push_back({4, split_words(fold(s))});
        }
    }

    // Score per practice; -1 when some term does not match.
    std::vector<int> scores(const SearchQuery& q) const {
        std::vector<int> out;
        for (const std::vector<Text>& texts : practices_) {
            int score = 0;
            for (const SearchTerm& t : q.terms) {
                const unsigned m = mask(texts, split_words(t.folded));
                if ((m & 31) == 0) {
                    score = -1;
                    break;
                }
                score += (m & 1 ? 64 : 0) + (m & 2 ? 16 : 0) + (m & 4 ? 4 : 0) + (m & 8 ? 4 : 0) + (m & 16 ? 4 : 0) + (m & 32 ? 2 : 0);
            }
            out.push_back(std::min(score, 65535));
        }
        return out;
    }

private:
    struct Text {
        unsigned field;
        std::vector<std::string> words;
    };

    // Fields where the words follow each other (the last as a prefix), plus 32 for a whole-word match.
    static unsigned mask(const std::vector<Text>& texts, const std::vector<std::string>& want) {
        unsigned m = 0;
        for (const Text& text : texts) {
            const std::vector<std::string>& have = text.words;
            for (std::size_t i = 0; !want.empty() && i + want.size() <= have.size(); ++i) {
                bool ok = true;
                for (std::size_t k = 0; k < want.size() && ok; ++k)
                    ok = k + 1 == want.size() ? have[i + k].starts_with(want[k]) : have[i + k] == want[k];
                if (!ok) continue;
                m |= 1u << text.field;
                if (want.size() == 1 && have[i] == want[0]) m |= 32;
            }
        }
        return m;
    }

    std::vector<std::vector<Text>> practices_;
};

void check_parsed(const SearchQuery& q) {
    FUZZ_CHECK(q.terms.size() <= kMaxSearchTerms, "at most kMaxSearchTerms terms");
    std::size_t ignored_bytes = 0;
    for (const std::string& s : q.ignored) {
        FUZZ_CHECK(!s.empty() && valid_utf8(s), "what was ignored is shown as text");
        ignored_bytes += s.size();
    }
    FUZZ_CHECK(ignored_bytes <= kMaxQueryBytes + kMaxTermBytes, "what was ignored is bounded too");
    std::string rewritten;
    for (std::size_t i = 0; i < q.terms.size(); ++i) {
        const SearchTerm& t = q.terms[i];
        FUZZ_CHECK(!t.folded.empty() && t.folded.size() <= kMaxTermBytes, "terms are cut at kMaxTermBytes");
        FUZZ_CHECK(valid_utf8(t.folded) && fold(t.folded) == t.folded, "terms are folded");
        std::string joined;
        for (const std::string& w : split_words(t.folded)) joined += (joined.empty() ? "" : " ") + w;
        FUZZ_CHECK(joined == t.folded, "terms are words joined by single spaces");
        FUZZ_CHECK(t.phrase == (t.folded.find(' ') != std::string::npos), "a phrase has two words or more");
        FUZZ_CHECK(std::count(q.terms.begin(), q.terms.end(), t) == 1, "no term twice");
        rewritten += (i ? " " : "") + (t.phrase ? "\"" + t.folded + "\"" : t.folded);
    }
    // Written back as text, the parsed query reads the same.
    if (rewritten.size() <= kMaxQueryBytes) {
        const SearchQuery again = parse_search_query(rewritten);
        FUZZ_CHECK(again.terms == q.terms && again.ignored.empty(), "a parsed query written back parses to itself");
    }
}

void check_against_scan(const SearchQuery& q) {
    static const Catalogue c = multilingual();
    static const SearchIndex index(c);
    static const PlainScan scan(c);
    std::vector<std::uint64_t> bits;
    std::vector<std::uint16_t> scores;
    index.match(q, bits, scores);
    FUZZ_CHECK(bits.size() == (c.practices.size() + 63) / 64 && scores.size() == c.practices.size(), "result sizes");
    FUZZ_CHECK(bits.back() >> (c.practices.size() % 64) == 0, "no bits past the last practice");
    const std::vector<int> expected = scan.scores(q);
    for (std::size_t p = 0; p < c.practices.size(); ++p) {
        const bool matched = bits[p / 64] >> (p % 64) & 1;
        FUZZ_CHECK(matched || scores[p] == 0, "no score without a match");
        FUZZ_CHECK(q.empty() ? matched && scores[p] == 0 : (matched ? scores[p] : -1) == expected[p],
                   "the index agrees with a plain scan of the texts");
    }
}

const std::string& text_of(const Practice& p, const Highlight& h) {
    switch (h.field) {
        case TextField::title: return p.title;
        case TextField::summary: return p.summary;
        case TextField::why: return p.why;
        case TextField::clause: return p.clauses.at(h.item);
        case TextField::evidence: return p.evidence.at(h.item);
    }
    return p.title;
}

bool starts_code_point(const std::string& s, std::size_t at) {
    return at == s.size() || (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80;
}

void check_engine(const std::string& text) {
    static const QueryEngine engine(bundled());
    static const std::vector<Status> statuses(bundled().practices.size(), Status::not_started);
    Query query;
    query.text = text;
    const Results r = engine.run(query, statuses);
    std::vector<std::uint64_t> bits;
    std::vector<std::uint16_t> scores;
    engine.search_index().match(r.search, bits, scores);
    std::size_t matched = 0;
    for (std::uint64_t w : bits) matched += static_cast<std::size_t>(std::popcount(w));
    FUZZ_CHECK(r.items.size() == matched, "the engine lists exactly the practices the index matches");
    for (std::size_t i = 0; i < r.items.size(); ++i) {
        const ResultItem& item = r.items[i];
        FUZZ_CHECK(bits[item.practice / 64] >> (item.practice % 64) & 1, "only matching practices");
        FUZZ_CHECK(item.score == (r.search.empty() ? 0 : scores[item.practice]), "with the index's score");
        if (i > 0) {
            const ResultItem& prev = r.items[i - 1];
            FUZZ_CHECK(prev.score > item.score || (prev.score == item.score && prev.practice < item.practice),
                       "best first, then catalogue order");
        }
    }
    // Highlights of the first few results, as the cards on screen show them.
    for (std::size_t i = 0; i < r.items.size() && i < 4; ++i) {
        const Practice& p = bundled().practices[r.items[i].practice];
        const std::vector<Highlight> hs = engine.search_index().highlights(r.items[i].practice, r.search);
        FUZZ_CHECK(r.search.empty() == hs.empty(), "a practice found by a search has something to highlight");
        for (std::size_t k = 0; k < hs.size(); ++k) {
            const std::string& t = text_of(p, hs[k]);
            FUZZ_CHECK(hs[k].begin < hs[k].end && hs[k].end <= t.size(), "highlights lie within their text");
            FUZZ_CHECK(starts_code_point(t, hs[k].begin) && starts_code_point(t, hs[k].end), "on code point boundaries");
            if (k > 0 && hs[k - 1].field == hs[k].field && hs[k - 1].item == hs[k].item)
                FUZZ_CHECK(hs[k - 1].end < hs[k].begin, "sorted, with touching ones merged");
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    const SearchQuery q = parse_search_query(text);
    check_parsed(q);
    check_against_scan(q);
    check_engine(std::string(text));
    return 0;
}
