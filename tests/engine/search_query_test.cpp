#include "engine/search_query.hpp"

#include <string>
#include <vector>

#include <catch2/catch_test_macros.hpp>

#include "engine/text_fold.hpp"

using namespace procure;

namespace {

// Terms as one string, phrases in brackets: "encryption [patch management]".
std::string terms(const SearchQuery& q) {
    std::string out;
    for (const SearchTerm& t : q.terms) {
        if (!out.empty()) out += ' ';
        out += t.phrase ? "[" + t.folded + "]" : t.folded;
    }
    return out;
}

std::string terms(std::string_view text) { return terms(parse_search_query(text)); }

void check_sane(const SearchQuery& q) {
    CHECK(q.terms.size() <= kMaxSearchTerms);
    for (const SearchTerm& t : q.terms) {
        CHECK(!t.folded.empty());
        CHECK(t.folded.size() <= kMaxTermBytes);
        CHECK(fold(t.folded) == t.folded);
        CHECK(t.phrase == (t.folded.find(' ') != std::string::npos));
        CHECK(t.folded.front() != ' ');
        CHECK(t.folded.back() != ' ');
        CHECK(t.folded.find("  ") == std::string::npos);
    }
    for (const std::string& s : q.ignored) {
        CHECK(s.size() <= kMaxTermBytes);
        CHECK(fold(s) == s);  // folded, so valid UTF-8
    }
}

}  // namespace

TEST_CASE("a query is split into folded words", "[search]") {
    CHECK(terms("Encryption  KEY") == "encryption key");
    CHECK(terms("e-mail, patch/management; (ISO 27001)") == "e mail patch management iso 27001");
    CHECK(terms("Šifrování DAT") == "sifrovani dat");
    CHECK(terms("ΚΡΥΠΤΟΓΡΆΦΗΣΗ шифроване") == "κρυπτογραφηση шифроване");
    CHECK(terms("no\u00A0break\u2003em\u2014dash\u2026end") == "no break em dash end");
    CHECK(terms("tab\tnew\nline\rreturn") == "tab new line return");
}

TEST_CASE("quoted parts are phrases", "[search]") {
    CHECK(terms("\"Patch  Management\" vendor") == "[patch management] vendor");
    CHECK(terms("„Patch-Management“ Hersteller") == "[patch management] hersteller");
    CHECK(terms("“patch management” and ”more words”") == "[patch management] and [more words]");
    CHECK(terms("«gestion des correctifs»") == "[gestion des correctifs]");
    CHECK(terms("vendor \"patch management") == "vendor [patch management]");  // unclosed: to the end
    CHECK(terms("a\"b c\"d") == "a [b c] d");
}

TEST_CASE("a quoted single word is a word, and empty terms vanish", "[search]") {
    CHECK(terms("\"encryption\"") == "encryption");
    CHECK(terms("\"\" \"  \" \"...\" x") == "x");
    const SearchQuery q = parse_search_query("   ");
    CHECK(q.empty());
    CHECK(q.ignored.empty());
    CHECK(parse_search_query("").empty());
}

TEST_CASE("repeated terms are dropped", "[search]") {
    CHECK(terms("data DATA Data \"data\"") == "data");
    CHECK(terms("\"patch management\" „PATCH management“ patch") == "[patch management] patch");
    CHECK(terms("šifr sifr ŠIFR") == "sifr");
}

TEST_CASE("at most kMaxSearchTerms terms, the others reported", "[search]") {
    std::string text;
    for (int i = 1; i <= 20; ++i) text += "w" + std::to_string(i) + " w1 ";
    const SearchQuery q = parse_search_query(text);
    check_sane(q);
    REQUIRE(q.terms.size() == kMaxSearchTerms);
    CHECK(q.terms.back().folded == "w16");
    CHECK(q.ignored == std::vector<std::string>{"w17", "w18", "w19", "w20"});
}

TEST_CASE("long terms are cut at a code point", "[search]") {
    const SearchQuery a = parse_search_query(std::string(100, 'a'));
    check_sane(a);
    REQUIRE(a.terms.size() == 1);
    CHECK(a.terms[0].folded == std::string(64, 'a'));
    CHECK(a.ignored == std::vector<std::string>{std::string(36, 'a')});

    std::string greek = "x";
    for (int i = 0; i < 40; ++i) greek += "α";  // 81 bytes: byte 64 is inside an α
    const SearchQuery g = parse_search_query(greek);
    check_sane(g);
    REQUIRE(g.terms.size() == 1);
    CHECK(g.terms[0].folded.size() == 63);

    // A cut phrase loses its tail; what is left may be a single word.
    const SearchQuery p = parse_search_query("\"" + std::string(60, 'b') + " cdefgh\"");
    check_sane(p);
    REQUIRE(p.terms.size() == 1);
    CHECK(p.terms[0].folded == std::string(60, 'b') + " cde");
    CHECK(p.terms[0].phrase);
    CHECK(p.ignored == std::vector<std::string>{"fgh"});
    const SearchQuery s = parse_search_query("\"" + std::string(64, 'b') + " cdefgh\"");
    REQUIRE(s.terms.size() == 1);
    CHECK_FALSE(s.terms[0].phrase);
}

TEST_CASE("input beyond kMaxQueryBytes is cut at a code point and reported", "[search]") {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "ж ";  // 3 bytes each: byte 256 is inside the 86th ж
    text += "tail";
    const SearchQuery q = parse_search_query(text);
    check_sane(q);
    CHECK(terms(q) == "ж");
    REQUIRE(q.ignored.size() == 1);
    CHECK(q.ignored[0].starts_with("ж ж"));

    // Only what is within the first kMaxQueryBytes counts, even when a quote closes later.
    const SearchQuery late = parse_search_query("\"" + std::string(kMaxQueryBytes, ' ') + "late words\"");
    CHECK(late.empty());
    CHECK(late.ignored == std::vector<std::string>{"late words"});

    // A cut that leaves nothing but separators reports nothing.
    const SearchQuery blank = parse_search_query("key" + std::string(1000, ' '));
    CHECK(terms(blank) == "key");
    CHECK(blank.ignored.empty());
}

TEST_CASE("hostile queries are parsed without harm", "[search]") {
    CHECK(parse_search_query("\"\"\"\"\"\"\"").empty());
    CHECK(parse_search_query("„“”«»\"").empty());
    CHECK(terms("\x01\x02" "abc\x7f\x1b[31mdef") == "abc 31mdef");
    CHECK(terms("\xFF\xFE" "abc\xC3") == "abc");
    CHECK(terms(std::string_view("nul\0byte", 8)) == "nul byte");
    CHECK(terms("\xE2\x80\x9C\xE2\x80") == "");  // an opening quote, then a broken one

    std::string big;
    for (int i = 0; i < 1000; ++i) big += "word" + std::to_string(i % 37) + " \"";
    big.resize(10 * 1024, 'z');
    check_sane(parse_search_query(big));

    std::string bytes;
    for (int i = 0; i < 10 * 1024; ++i) bytes += static_cast<char>((i * 7919) & 0xFF);
    const SearchQuery b = parse_search_query(bytes);
    check_sane(b);
}
