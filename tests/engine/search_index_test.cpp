#include "engine/search_index.hpp"

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch_test_macros.hpp>

#include "engine/catalogue_loader.hpp"
#include "engine/text_fold.hpp"
#include "test_files.hpp"

using namespace procure;

namespace {

Practice practice(std::string title, std::string summary = "", std::string why = "", std::vector<std::string> clauses = {},
                  std::vector<std::string> evidence = {}) {
    Practice p;
    p.title = std::move(title);
    p.summary = std::move(summary);
    p.why = std::move(why);
    p.clauses = std::move(clauses);
    p.evidence = std::move(evidence);
    return p;
}

Catalogue catalogue(std::vector<Practice> practices) {
    Catalogue c;
    c.practices = std::move(practices);
    for (std::size_t i = 0; i < c.practices.size(); ++i) c.practices[i].id = "p" + std::to_string(i);
    return c;
}

struct Found {
    std::vector<std::uint64_t> bits;
    std::vector<std::uint16_t> scores;
    std::vector<std::size_t> ids;  // matching practices, best score first, then in catalogue order
};

Found search(const SearchIndex& index, const SearchQuery& query) {
    Found f;
    index.match(query, f.bits, f.scores);
    REQUIRE(f.bits.size() == (index.practice_count() + 63) / 64);
    REQUIRE(f.scores.size() == index.practice_count());
    for (std::size_t i = 0; i < index.practice_count(); ++i) {
        if (f.bits[i / 64] >> (i % 64) & 1) f.ids.push_back(i);
        else CHECK(f.scores[i] == 0);
    }
    if (index.practice_count() % 64 != 0) CHECK(f.bits.back() >> (index.practice_count() % 64) == 0);
    std::stable_sort(f.ids.begin(), f.ids.end(), [&](std::size_t a, std::size_t b) { return f.scores[a] > f.scores[b]; });
    return f;
}

Found search(const SearchIndex& index, std::string_view text) { return search(index, parse_search_query(text)); }

std::vector<std::size_t> ids(const SearchIndex& index, std::string_view text) { return search(index, text).ids; }

std::vector<std::size_t> sorted(std::vector<std::size_t> v) {
    std::sort(v.begin(), v.end());
    return v;
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

std::string highlighted(const Catalogue& c, std::size_t practice, const Highlight& h) {
    const std::string& text = text_of(c.practices[practice], h);
    REQUIRE(h.begin < h.end);
    REQUIRE(h.end <= text.size());
    return text.substr(h.begin, h.end - h.begin);
}

std::vector<std::string> highlighted(const Catalogue& c, const SearchIndex& index, std::size_t practice, std::string_view text) {
    std::vector<std::string> out;
    for (const Highlight& h : index.highlights(practice, parse_search_query(text))) out.push_back(highlighted(c, practice, h));
    return out;
}

// A plain re-implementation of the documented semantics, scanning the texts, to check the index by.
struct PlainScan {
    static std::vector<std::string> words(std::string_view folded) {
        std::vector<std::string> out;
        for (WordSpan w = next_word(folded, 0); w.begin < folded.size(); w = next_word(folded, w.end))
            out.emplace_back(folded.substr(w.begin, w.end - w.begin));
        return out;
    }
    // Field bits where the term occurs, plus 32 when a one-word term is a whole word somewhere.
    static unsigned mask(const Practice& p, const SearchTerm& term) {
        const std::vector<std::string> want = words(term.folded);
        unsigned m = 0;
        const auto scan = [&](unsigned field, const std::string& text) {
            const std::vector<std::string> have = words(fold(text));
            for (std::size_t i = 0; i + want.size() <= have.size(); ++i) {
                bool ok = true;
                for (std::size_t k = 0; k < want.size() && ok; ++k)
                    ok = k + 1 == want.size() ? have[i + k].starts_with(want[k]) : have[i + k] == want[k];
                if (!ok) continue;
                m |= 1u << field;
                if (want.size() == 1 && have[i] == want[0]) m |= 32;
            }
        };
        scan(0, p.title);
        scan(1, p.summary);
        scan(2, p.why);
        for (const std::string& s : p.clauses) scan(3, s);
        for (const std::string& s : p.evidence) scan(4, s);
        return m;
    }
    static unsigned weight(unsigned m) {
        return (m & 1 ? 64u : 0u) + (m & 2 ? 16u : 0u) + (m & 4 ? 4u : 0u) + (m & 8 ? 4u : 0u) + (m & 16 ? 4u : 0u) + (m & 32 ? 2u : 0u);
    }
    // Scores of every practice; -1 for no match.
    static std::vector<int> scores(const Catalogue& c, const SearchQuery& q) {
        std::vector<int> out;
        for (const Practice& p : c.practices) {
            int score = 0;
            for (const SearchTerm& t : q.terms) {
                const unsigned m = mask(p, t);
                if ((m & 31) == 0) {
                    score = -1;
                    break;
                }
                score += static_cast<int>(weight(m));
            }
            out.push_back(score);
        }
        return out;
    }
};

// Many practices from a small vocabulary full of shared prefixes, diacritics and capitals, large
// enough that the index merges the lists of common prefixes ahead of time.
Catalogue synthetic(std::size_t practices, unsigned seed) {
    const std::vector<std::string> common{
        "data", "database", "datum", "dat", "encryption", "Encrypt", "encode", "end", "Šifrování", "šifra", "sifon",
        "Κρυπτογράφηση", "κρυφό", "ШИФРОВАНЕ", "шифр", "Straße", "strasse", "patch", "patching", "Management", "manage", "man",
        "a", "an", "and", "ab", "z", "ÆRØ"};
    std::mt19937 random(seed);
    const auto words = [&](int count) {
        static const char* separators[] = {" ", ", ", "-", ". ", " — ", "\n\n", "/"};
        std::string s;
        for (int i = 0; i < count; ++i) {
            if (i > 0) s += separators[random() % 7];
            if (random() % 2) {
                s += common[random() % common.size()];
            } else {
                s += random() % 3 ? "w" : "W";
                s += std::to_string(random() % 300);
            }
        }
        return s;
    };
    // One statement per text: the order in which arguments are evaluated differs between compilers.
    std::vector<Practice> list;
    for (std::size_t i = 0; i < practices; ++i) {
        Practice& p = list.emplace_back();
        p.title = words(3);
        p.summary = words(8);
        p.why = words(30);
        p.clauses.push_back(words(10));
        p.clauses.push_back(words(10));
        p.evidence.push_back(words(4));
        p.evidence.push_back(words(5));
    }
    return catalogue(std::move(list));
}

void check_against_reference(const Catalogue& c, const SearchIndex& index, std::string_view text) {
    INFO("query: " << text);
    const SearchQuery q = parse_search_query(text);
    const Found f = search(index, q);
    const std::vector<int> expected = PlainScan::scores(c, q);
    std::size_t mismatches = 0;
    for (std::size_t i = 0; i < c.practices.size(); ++i) {
        const bool matched = f.bits[i / 64] >> (i % 64) & 1;
        const int score = matched ? f.scores[i] : -1;
        if (q.empty() ? score != 0 : score != expected[i]) ++mismatches;
    }
    CHECK(mismatches == 0);
}

const Catalogue& bundled() {
    static const Catalogue c = [] {
        auto r = load_catalogue(test::read_source_file(test::kBundledCatalogue));
        REQUIRE(r.catalogue);
        return *r.catalogue;
    }();
    return c;
}

}  // namespace

TEST_CASE("a word term matches the start of words, across case and diacritics", "[search]") {
    const Catalogue c = catalogue({
        practice("Use encryption"),
        practice("Šifrování dat", "Šifrovat vše."),
        practice("Κρυπτογράφηση δεδομένων"),
        practice("ШИФРОВАНЕ НА ДАННИ"),
        practice("Straße", "", "", {}, {"Ёлка"}),
        practice("Decryption keys"),
    });
    const SearchIndex index(c);
    CHECK(index.practice_count() == 6);
    CHECK(ids(index, "encr") == std::vector<std::size_t>{0});
    CHECK(ids(index, "ENCRYPTION") == std::vector<std::size_t>{0});
    CHECK(ids(index, "cryption").empty());  // not at the start of a word
    CHECK(ids(index, "sifrovani") == std::vector<std::size_t>{1});
    CHECK(ids(index, "ŠIFR") == std::vector<std::size_t>{1});
    CHECK(ids(index, "κρυπτογραφηση") == std::vector<std::size_t>{2});
    CHECK(ids(index, "ΚΡΥΠΤΟ") == std::vector<std::size_t>{2});
    CHECK(ids(index, "δεδομένων") == std::vector<std::size_t>{2});
    CHECK(ids(index, "шифроване") == std::vector<std::size_t>{3});
    CHECK(ids(index, "Шифр") == std::vector<std::size_t>{3});
    CHECK(ids(index, "strasse") == std::vector<std::size_t>{4});
    CHECK(ids(index, "straß") == std::vector<std::size_t>{4});
    CHECK(ids(index, "елка") == std::vector<std::size_t>{4});
    CHECK(ids(index, "nowhere").empty());
}

TEST_CASE("every term must match, each anywhere in the practice", "[search]") {
    const Catalogue c = catalogue({
        practice("Encryption", "Keys are kept apart."),
        practice("Backups", "", "Encrypt the backups."),
        practice("Backups", "", "", {"Keep backups offline."}, {"Backup test report"}),
    });
    const SearchIndex index(c);
    CHECK(sorted(ids(index, "encr backup")) == std::vector<std::size_t>{1});
    CHECK(sorted(ids(index, "backup")) == std::vector<std::size_t>{1, 2});
    CHECK(sorted(ids(index, "encryption keys")) == std::vector<std::size_t>{0});
    CHECK(ids(index, "encryption offline").empty());
    CHECK(sorted(ids(index, "offline report")) == std::vector<std::size_t>{2});
}

TEST_CASE("a phrase matches its words in a row, the last as a prefix", "[search]") {
    const Catalogue c = catalogue({
        practice("Patch management"),
        practice("Management of each patch"),
        practice("Patch", "Management"),
        practice("Vendor", "", "", {"Run patch\u2014management, weekly."}),
        practice("Patching management"),
    });
    const SearchIndex index(c);
    CHECK(sorted(ids(index, "\"patch management\"")) == std::vector<std::size_t>{0, 3});
    CHECK(sorted(ids(index, "„Patch Manag“")) == std::vector<std::size_t>{0, 3});
    CHECK(sorted(ids(index, "\"patch-management\"")) == std::vector<std::size_t>{0, 3});
    CHECK(ids(index, "\"pat management\"").empty());  // only the last word may be a prefix
    CHECK(sorted(ids(index, "patch management")) == std::vector<std::size_t>{0, 1, 2, 3, 4});
    CHECK(sorted(ids(index, "\"patch management\" weekly")) == std::vector<std::size_t>{3});
    CHECK(ids(index, "\"management patch\"").empty());
    CHECK(sorted(ids(index, "\"each patch\" \"of each\"")) == std::vector<std::size_t>{1});
}

TEST_CASE("a phrase never runs from one text into the next", "[search]") {
    const Catalogue c = catalogue({
        practice("Apply the patch", "Management of vendors"),
        practice("Vendors", "", "", {"Apply the patch", "management of vendors"}, {"patch", "management"}),
        practice("Vendors", "", "Apply the patch\n\nmanagement of vendors"),  // one text: a paragraph is no boundary
    });
    const SearchIndex index(c);
    CHECK(ids(index, "\"patch management\"") == std::vector<std::size_t>{2});
    CHECK(ids(index, "\"patch manag\"") == std::vector<std::size_t>{2});
    CHECK(sorted(ids(index, "\"apply the patch\"")) == std::vector<std::size_t>{0, 1, 2});
}

TEST_CASE("phrases of repeated, rare and common words", "[search]") {
    const Catalogue c = catalogue({
        practice("Data data", "", "The data of the data base."),
        practice("Data", "", "The data base of the database."),
        practice("Backup", "", "A test of the backup of the data of the system."),
    });
    const SearchIndex index(c);
    CHECK(ids(index, "\"data data\"") == std::vector<std::size_t>{0});
    CHECK(sorted(ids(index, "\"data base\"")) == std::vector<std::size_t>{0, 1});
    CHECK(sorted(ids(index, "\"data b\"")) == std::vector<std::size_t>{0, 1});
    CHECK(sorted(ids(index, "\"of the d\"")) == std::vector<std::size_t>{0, 1, 2});
    CHECK(ids(index, "\"of the backup of the data\"") == std::vector<std::size_t>{2});
    CHECK(ids(index, "\"the backup of the system\"").empty());
    CHECK(ids(index, "\"of the s\"") == std::vector<std::size_t>{2});
    // Where a phrase occurs decides its weight: here in the body only, though "data" is in the title.
    const Found f = search(index, "\"the data\"");
    CHECK(f.ids == std::vector<std::size_t>{0, 1, 2});
    CHECK(f.scores[0] == f.scores[2]);
}

TEST_CASE("title matches rank above summary matches, summary above the body", "[search]") {
    const Catalogue c = catalogue({
        practice("Networks", "", "Put a firewall in front."),
        practice("Firewall rules"),
        practice("Networks", "Filter with a firewall."),
        practice("Networks", "", "", {"The Supplier shall document firewall ports."}),
        practice("Database"),
        practice("Data"),
    });
    const SearchIndex index(c);
    const Found f = search(index, "firewall");
    CHECK(f.ids == std::vector<std::size_t>{1, 2, 0, 3});
    CHECK(f.scores[1] > f.scores[2]);
    CHECK(f.scores[2] > f.scores[0]);
    CHECK(f.scores[0] == f.scores[3]);
    CHECK(f.scores[0] > 0);
    // A whole word ranks just above a longer word it begins.
    const Found d = search(index, "data");
    CHECK(d.ids == std::vector<std::size_t>{5, 4});
    CHECK(d.scores[5] > d.scores[4]);
}

TEST_CASE("an empty query matches every practice with score 0", "[search]") {
    std::vector<Practice> list;
    for (int i = 0; i < 70; ++i) list.push_back(practice("Practice " + std::to_string(i)));
    const Catalogue c = catalogue(list);
    const SearchIndex index(c);
    for (std::string_view text : {"", "   ", "\"\"", "!?"}) {
        const Found f = search(index, text);
        CHECK(f.ids.size() == 70);
        CHECK(std::all_of(f.scores.begin(), f.scores.end(), [](std::uint16_t s) { return s == 0; }));
    }
    CHECK(search(index, "practice").ids.size() == 70);
    CHECK(search(index, "practice 69").ids == std::vector<std::size_t>{69});

    const Catalogue none;
    const SearchIndex empty(none);
    CHECK(empty.practice_count() == 0);
    CHECK(search(empty, "anything").ids.empty());
    CHECK(search(empty, "").ids.empty());
    CHECK(empty.highlights(0, parse_search_query("x")).empty());
}

TEST_CASE("highlights are byte ranges of the original text", "[search]") {
    const Catalogue c = catalogue({
        practice("Šifrování dat"),
        practice("Straße", "Κρυπτογράφηση δεδομένων"),
        practice("Updates", "Apply patch management.", "",
                 {"No patch here.", "Apply patch management, and patch testing.", "Encryption at rest"}, {"Café\u0301 list"}),
    });
    const SearchIndex index(c);
    const auto h = index.highlights(0, parse_search_query("šifr"));
    REQUIRE(h.size() == 1);
    CHECK(h[0] == Highlight{TextField::title, 0, 0, 5});
    CHECK(highlighted(c, index, 0, "ŠIFR DA") == std::vector<std::string>{"Šifr", "da"});
    CHECK(highlighted(c, index, 1, "stras") == std::vector<std::string>{"Straß"});  // the whole ß
    CHECK(highlighted(c, index, 1, "strasse") == std::vector<std::string>{"Straße"});
    CHECK(highlighted(c, index, 1, "κρυπτογραφ δεδομενων") == std::vector<std::string>{"Κρυπτογράφ", "δεδομένων"});
    CHECK(highlighted(c, index, 2, "cafe") == std::vector<std::string>{"Café\u0301"});
    CHECK(highlighted(c, index, 2, "encryption enc") == std::vector<std::string>{"Encryption"});  // merged

    const auto phrase = index.highlights(2, parse_search_query("\"patch management\" testing"));
    REQUIRE(phrase.size() == 3);
    CHECK(phrase[0].field == TextField::summary);
    CHECK(highlighted(c, 2, phrase[0]) == "patch management");
    CHECK(phrase[1].field == TextField::clause);
    CHECK(phrase[1].item == 1);
    CHECK(highlighted(c, 2, phrase[1]) == "patch management");
    CHECK(phrase[2].item == 1);
    CHECK(highlighted(c, 2, phrase[2]) == "testing");

    CHECK(index.highlights(3, parse_search_query("patch")).empty());
    CHECK(index.highlights(0, parse_search_query("")).empty());
    CHECK(index.highlights(0, parse_search_query("ifr")).empty());
}

TEST_CASE("hostile queries do no harm", "[search]") {
    const Catalogue c = synthetic(200, 7);
    const SearchIndex index(c);
    std::string bytes;
    for (int i = 0; i < 10 * 1024; ++i) bytes += static_cast<char>((i * 7919 + 13) & 0xFF);
    search(index, bytes);
    for (std::size_t p = 0; p < 3; ++p) index.highlights(p, parse_search_query(bytes));

    SearchQuery many;  // made by hand: more terms than the parser allows
    for (int i = 0; i < 1000; ++i) many.terms.push_back({"w" + std::to_string(i % 10), false});
    search(index, many);

    SearchQuery odd;  // unfolded, empty, punctuation only, several words without the phrase flag
    odd.terms = {{"ENCR", false}, {"", false}, {"!!!", true}, {"\xFF", false}};
    CHECK(search(index, odd).ids == search(index, "encr").ids);
    SearchQuery joined;
    joined.terms = {{"patch-management", false}};
    CHECK(sorted(search(index, joined).ids) == sorted(search(index, "\"patch management\"").ids));

    // A hand-made term longer than any indexed word still finds the word by its start.
    const Catalogue lengthy = catalogue({practice(std::string(300, 'x') + " end")});
    const SearchIndex long_index(lengthy);
    SearchQuery long_term;
    long_term.terms = {{std::string(200, 'x'), false}};
    CHECK(search(long_index, long_term).ids == std::vector<std::size_t>{0});
    CHECK(search(long_index, std::string(64, 'x')).ids == std::vector<std::size_t>{0});
}

TEST_CASE("the index agrees with a plain scan of the texts", "[search]") {
    const Catalogue c = synthetic(3000, 20200224);
    const SearchIndex index(c);
    for (std::string_view q : {"w", "W1", "w12", "w123", "w2 w29", "d", "da", "dat", "data", "database", "a", "an", "z",
                               "šifr", "sif", "κρυ", "ΚΡΥΠΤΟΓΡΑΦΗΣΗ", "шиф", "strasse", "straß", "aero", "ae", "encr end",
                               "\"patch management\"", "\"data w1\"", "\"and an a\"", "\"w1 w\" data", "\"w2 w3\" \"w4 w5\"", "\"a data\"", "\"w1 data w2\"",
                               "\"data w\"", "\"data data\"", "\"an an a\" w", "\"w1 w2 w3 w\"", "\"missing data\"", "\"data missing\"",
                               "", "nothing", "\"nothing here\""})
        check_against_reference(c, index, q);
}

TEST_CASE("random queries agree with a plain scan of the texts", "[search]") {
    const Catalogue c = synthetic(600, 4242);
    const SearchIndex index(c);
    std::vector<std::string> vocabulary;  // folded words of the catalogue
    for (std::size_t p = 0; p < 40; ++p)
        for (const std::string& w : PlainScan::words(fold(c.practices[p].why))) vocabulary.push_back(w);
    std::mt19937 random(11);
    const auto pick = [&] {
        const std::string& w = vocabulary[random() % vocabulary.size()];
        return random() % 3 ? w : std::string(utf8_prefix(w, 1 + random() % w.size()));
    };
    for (int round = 0; round < 150; ++round) {
        std::string text;
        const auto terms = 1 + random() % 3;
        for (std::uint_fast32_t t = 0; t < terms; ++t) {
            if (random() % 2) {
                text += "\"";
                for (std::uint_fast32_t k = 0, n = 2 + random() % 3; k < n; ++k) text += (k ? " " : "") + pick();
                text += "\" ";
            } else {
                text += pick() + " ";
            }
        }
        check_against_reference(c, index, text);
    }
}

TEST_CASE("highlights agree with matches", "[search]") {
    const Catalogue c = synthetic(300, 99);
    const SearchIndex index(c);
    for (std::string_view text : {"w1", "dat", "šifr", "κρυπτ", "шифр", "stras", "\"patch man\""}) {
        INFO(text);
        const SearchQuery q = parse_search_query(text);
        const std::vector<std::size_t> matched = sorted(search(index, q).ids);
        std::vector<std::size_t> lit;
        for (std::size_t p = 0; p < c.practices.size(); ++p) {
            const std::vector<Highlight> hs = index.highlights(p, q);
            if (!hs.empty()) lit.push_back(p);
            for (std::size_t i = 0; i < hs.size(); ++i) {
                if (i > 0) {
                    const Highlight& a = hs[i - 1];
                    const Highlight& b = hs[i];
                    CHECK(std::tuple(a.field, a.item, a.end) < std::tuple(b.field, b.item, b.begin));
                }
                std::string words;  // a phrase's highlight spans the separators between its words
                for (const std::string& w : PlainScan::words(fold(highlighted(c, p, hs[i])))) words += (words.empty() ? "" : " ") + w;
                CHECK(words.starts_with(q.terms[0].folded));
            }
        }
        CHECK(lit == matched);
    }
}

TEST_CASE("searching the bundled catalogue", "[search]") {
    const Catalogue& c = bundled();
    const SearchIndex index(c);
    REQUIRE(index.practice_count() == 28);
    const auto rank_of = [&](std::string_view text, std::string_view id) {
        const std::vector<std::size_t> found = ids(index, text);
        for (std::size_t i = 0; i < found.size(); ++i)
            if (c.practices[found[i]].id == id) return i;
        return found.size();
    };
    CHECK(rank_of("encryption", "encryption") == 0);
    CHECK(rank_of("Encr", "encryption") == 0);
    CHECK(rank_of("vulnerability management", "vulnerability-management") == 0);
    CHECK(rank_of("\"incident response\"", "incident-response") == 0);
    CHECK(rank_of("penetration", "penetration-testing") == 0);
    const std::vector<std::size_t> whole = sorted(ids(index, "encryption"));
    const std::vector<std::size_t> prefix = sorted(ids(index, "encr"));
    CHECK(std::includes(prefix.begin(), prefix.end(), whole.begin(), whole.end()));
    CHECK(ids(index, "\"incident response\"").size() <= ids(index, "incident response").size());

    // Every prefix of every title word: the practices that match are exactly those with highlights.
    std::set<std::string> prefixes;
    for (const Practice& p : c.practices) {
        const std::string t = fold(p.title);
        for (WordSpan w = next_word(t, 0); w.begin < t.size(); w = next_word(t, w.end))
            for (std::size_t n = 1; n <= w.end - w.begin; ++n) prefixes.insert(t.substr(w.begin, n));
    }
    for (const std::string& text : prefixes) {
        INFO(text);
        const SearchQuery q = parse_search_query(text);
        const std::vector<std::size_t> matched = sorted(search(index, q).ids);
        std::vector<std::size_t> lit;
        for (std::size_t p = 0; p < c.practices.size(); ++p)
            if (!index.highlights(p, q).empty()) lit.push_back(p);
        CHECK(lit == matched);
        CHECK(!matched.empty());
    }
}
