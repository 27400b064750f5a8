#include "engine/text_fold.hpp"

#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch_test_macros.hpp>

using namespace procure;

namespace {

// An independent strict UTF-8 check (no overlongs, surrogates or code points above U+10FFFF).
bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        std::uint32_t cp = 0, min = 0;
        if (b < 0x80) n = 1, cp = b;
        else if ((b & 0xE0) == 0xC0) n = 2, cp = b & 0x1Fu, min = 0x80;
        else if ((b & 0xF0) == 0xE0) n = 3, cp = b & 0x0Fu, min = 0x800;
        else if ((b & 0xF8) == 0xF0) n = 4, cp = b & 0x07u, min = 0x10000;
        else return false;
        if (s.size() - i < n) return false;
        for (std::size_t k = 1; k < n; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            if ((c & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (c & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += n;
    }
    return true;
}

// What every fold must guarantee, whatever the input.
void check_invariants(std::string_view source) {
    const FoldedText f = fold_text(source);
    CHECK(valid_utf8(f.text));
    CHECK(f.text.size() <= source.size());
    REQUIRE(f.origin.size() == f.text.size() + 1);
    CHECK(f.origin.back() == source.size());
    for (std::size_t i = 1; i < f.origin.size(); ++i) CHECK(f.origin[i - 1] <= f.origin[i]);
    CHECK(fold(source) == f.text);
    CHECK(fold(f.text) == f.text);  // idempotent
}

std::string words_of(std::string_view folded) {
    std::string out;
    for (WordSpan w = next_word(folded, 0); w.begin < folded.size(); w = next_word(folded, w.end)) {
        if (!out.empty()) out += '|';
        out.append(folded.substr(w.begin, w.end - w.begin));
    }
    return out;
}

}  // namespace

TEST_CASE("folding lower-cases ASCII and leaves other ASCII alone", "[fold]") {
    CHECK(fold("Use ENCRYPTION: AES-256, TLS 1.3!") == "use encryption: aes-256, tls 1.3!");
    CHECK(fold("") == "");
    CHECK(fold(std::string_view("a\0B", 3)) == std::string("a\0b", 3));
}

TEST_CASE("folding removes the diacritics of the EU's Latin alphabets", "[fold]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"šifrování", "sifrovani"},                     // Czech
        {"ŠIFROVÁNÍ", "sifrovani"},
        {"Straße", "strasse"},                          // German
        {"Zażółć gęślą jaźń", "zazolc gesla jazn"},     // Polish
        {"ZAŻÓŁĆ GĘŚLĄ JAŹŃ", "zazolc gesla jazn"},
        {"Ș ș Ț ț", "s s t t"},                         // Romanian, comma below
        {"Ş ş Ţ ţ", "s s t t"},                         // Romanian, cedilla
        {"ħ ġ ż ċ Ħ Ġ Ż Ċ", "h g z c h g z c"},         // Maltese
        {"áàâäãåāąă ÁÀÂÄÃÅĀĄĂ", "aaaaaaaaa aaaaaaaaa"},
        {"čćç ČĆÇ ďđ ĎĐ", "ccc ccc dd dd"},
        {"éěęėēèêë ÉĚĘĖĒÈÊË", "eeeeeeee eeeeeeee"},
        {"ģ Ģ ġ Ġ ħ Ħ", "g g g g h h"},
        {"íìîïīįı ÍÌÎÏĪĮİ", "iiiiiii iiiiiii"},
        {"ķ Ķ ĺľļł ĹĽĻŁ", "k k llll llll"},
        {"ňńņñ ŇŃŅÑ", "nnnn nnnn"},
        {"óöőôõøōò ÓÖŐÔÕØŌÒ", "oooooooo oooooooo"},
        {"řŕ ŘŔ šśşș ŠŚŞȘ ťţț ŤŢȚ", "rr rr ssss ssss ttt ttt"},
        {"úůüűūųùû ÚŮÜŰŪŲÙÛ", "uuuuuuuu uuuuuuuu"},
        {"ýÿ ÝŸ žźż ŽŹŻ", "yy yy zzz zzz"},
        {"ß ẞ æ Æ œ Œ þ Þ ð Ð", "ss ss ae ae oe oe th th d d"},
        {"ﬁle ﬂow", "file flow"},
    };
    for (const auto& [in, out] : cases) {
        INFO(in);
        CHECK(fold(in) == out);
    }
}

TEST_CASE("folding lower-cases Greek and drops tonos and dialytika", "[fold]") {
    CHECK(fold("Κρυπτογράφηση") == "κρυπτογραφηση");
    CHECK(fold("ΟΔΟΣ") == fold("οδός"));
    CHECK(fold("οδός") == "οδοσ");  // final sigma
    CHECK(fold("ά έ ή ί ϊ ΐ ό ύ ϋ ΰ ώ") == "α ε η ι ι ι ο υ υ υ ω");
    CHECK(fold("Ά Έ Ή Ί Ό Ύ Ώ Ϊ Ϋ") == "α ε η ι ο υ ω ι υ");
    CHECK(fold("ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ") == "αβγδεζηθικλμνξοπρστυφχψω");
}

TEST_CASE("folding lower-cases Cyrillic and treats ё й ѝ as е и", "[fold]") {
    CHECK(fold("ШИФРОВАНЕ") == "шифроване");  // Bulgarian
    CHECK(fold("Ёлка") == "елка");
    CHECK(fold("ёлка") == "елка");
    CHECK(fold("Й й Ѝ ѝ") == "и и и и");
    CHECK(fold("АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ") == "абвгдежзиклмнопрстуфхцчшщъыьэюя");
    CHECK(fold("ЂЃЄЅІЇЈЉЊЋЌЎЏ") == "ђѓєѕіїјљњћќўџ");  // Serbian, Macedonian, Ukrainian
    CHECK(fold("ҐӁӘ") == "ґӂә");
}

TEST_CASE("folding passes other scripts through and drops combining marks", "[fold]") {
    CHECK(fold("日本語 😀 עברית") == "日本語 😀 עברית");
    CHECK(fold("e\u0301te\u0301") == "ete");  // decomposed "été"
    CHECK(fold("encryp\u00ADtion") == "encryption");  // soft hyphen
    CHECK(fold("Ə ə") == "Ə ə");  // a letter with no base letter is kept as it is
}

TEST_CASE("the origin map leads folded ranges back to the source", "[fold]") {
    const std::string source = "Šifrování";
    const FoldedText f = fold_text(source);
    REQUIRE(f.text == "sifrovani");
    const std::vector<std::uint32_t> expected{0, 2, 3, 4, 5, 6, 7, 9, 10, 12};
    CHECK(f.origin == expected);
    CHECK(source.substr(f.origin[0], f.origin[4] - f.origin[0]) == "Šifr");
    CHECK(source.substr(f.origin[5], f.origin[9] - f.origin[5]) == "vání");

    const FoldedText s = fold_text("Straße!");
    REQUIRE(s.text == "strasse!");
    CHECK(s.origin == std::vector<std::uint32_t>{0, 1, 2, 3, 4, 4, 6, 7, 8});

    const FoldedText d = fold_text("Cafe\u0301 ok");  // the mark belongs to the code point before it
    REQUIRE(d.text == "cafe ok");
    CHECK(d.origin[4] == 6);
}

TEST_CASE("every folded range between code points folds back from its source range", "[fold]") {
    for (const std::string source : {"Šifrování dat", "Straße und ÆRØ", "Κρυπτογράφηση ΟΔΟΣ", "Ёлка ѝ ﬁ", "a\u0301b\xFF\xC3x"}) {
        INFO(source);
        const FoldedText f = fold_text(source);
        check_invariants(source);
        std::vector<std::size_t> bounds{0};
        for (std::size_t b = 1; b < f.text.size(); ++b)
            if (f.origin[b] != f.origin[b - 1]) bounds.push_back(b);
        bounds.push_back(f.text.size());
        for (std::size_t i = 0; i < bounds.size(); ++i)
            for (std::size_t j = i; j < bounds.size(); ++j) {
                const std::size_t b = bounds[i], e = bounds[j];
                // A source range also holds the marks after its last code point; they fold to nothing.
                const std::string part = source.substr(f.origin[b], f.origin[e] - f.origin[b]);
                CHECK(fold(part) == f.text.substr(b, e - b));
            }
    }
}

TEST_CASE("invalid UTF-8 becomes spaces, one per byte, and the rest survives", "[fold]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"a\xC3", "a "},                       // truncated two-byte sequence
        {"\xE2\x82z", "  z"},                  // truncated three-byte sequence
        {"\xF0\x9F\x98", "   "},               // truncated four-byte sequence
        {"x\x80\xBFy", "x  y"},                // lone continuation bytes
        {"\xC0\xAF", "  "},                    // overlong "/"
        {"\xE0\x80\xAF", "   "},               // overlong "/"
        {"\xED\xA0\x80", "   "},               // surrogate
        {"\xF4\x90\x80\x80", "    "},          // beyond U+10FFFF
        {"\xFE\xFF", "  "},
        {"\xC3\xA9\xC3", "e "},                // valid, then truncated
    };
    for (const auto& [in, out] : cases) {
        INFO(in);
        CHECK(fold(in) == out);
        check_invariants(in);
    }
}

TEST_CASE("random bytes never break the invariants of folding", "[fold]") {
    std::mt19937 random(20200224);
    const std::string alphabet = "aZ \xC3\xA9\xC5\xA0\xCE\x86\xD0\x81\xE2\x80\x9C\xF0\x9F\x98\x80\x80\xBF\xFF\xCC\x81\xC2\xAD";
    for (int round = 0; round < 2000; ++round) {
        std::string s;
        const auto length = random() % 24;
        for (unsigned i = 0; i < length; ++i) {
            s += round % 2 ? static_cast<char>(random() & 0xFF) : alphabet[random() % alphabet.size()];
        }
        check_invariants(s);
    }
}

TEST_CASE("utf8_prefix cuts only between code points", "[fold]") {
    CHECK(utf8_prefix("abc", 5) == "abc");
    CHECK(utf8_prefix("abc", 2) == "ab");
    CHECK(utf8_prefix("aš", 2) == "a");
    CHECK(utf8_prefix("aš", 3) == "aš");
    CHECK(utf8_prefix("a😀", 4) == "a");
    CHECK(utf8_prefix("\x80\x80\x80\x80\x80", 4).size() == 1);  // not UTF-8: cut anyway, close by
    CHECK(utf8_prefix("", 0) == "");
}

TEST_CASE("words are runs of letters and digits", "[fold]") {
    CHECK(words_of(fold("Hello, world")) == "hello|world");
    CHECK(words_of(fold("  AES-256/TLS1.3  ")) == "aes|256|tls1|3");
    CHECK(words_of(fold("šifrování\u00A0dat\u2014nyní")) == "sifrovani|dat|nyni");
    CHECK(words_of(fold("„Zitat“ «citation» l’ospedale")) == "zitat|citation|l|ospedale");
    CHECK(words_of(fold("κρυπτογράφηση· δεδομένων; ΟΚ")) == "κρυπτογραφηση|δεδομενων|οκ");
    CHECK(words_of(fold("100 € × 2 → ✓ 😀 end")) == "100|2|end");
    CHECK(words_of(fold("tab\there\x01" "control")) == "tab|here|control");
    CHECK(words_of("") == "");
    CHECK(words_of("...") == "");
    const WordSpan w = next_word("ab cd", 99);
    CHECK(w.begin == 5);
    CHECK(w.end == 5);
}
