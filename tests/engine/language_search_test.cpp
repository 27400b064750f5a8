// Search in every shipped language: real words from each translated catalogue, typed in capitals and
// without their diacritics, still find their practice. The typed forms are made here from letter
// tables written out per alphabet, not with text_fold, so a letter the folding misses fails the test
// instead of being stripped the same wrong way on both sides.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch_test_macros.hpp>

#include "engine/languages.hpp"
#include "engine/search_index.hpp"
#include "engine/search_query.hpp"
#include "engine/text_fold.hpp"
#include "engine/translation.hpp"
#include "test_files.hpp"

using namespace procure;

namespace {

std::u32string decode(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t cp = n == 1 ? b : n == 2 ? b & 0x1Fu : n == 3 ? b & 0x0Fu : b & 0x07u;
        for (std::size_t k = 1; k < n && i + k < s.size(); ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
        out += cp;
        i += n;
    }
    return out;
}

std::string encode(std::u32string_view s) {
    std::string out;
    for (char32_t c : s) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | c >> 6);
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | c >> 12);
            out += static_cast<char>(0x80 | (c >> 6 & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

// Lower-case letters of the 24 languages' alphabets beside their capitals, position by position.
constexpr std::u32string_view kLower =
    U"àáâãäåæçèéêëìíîïñòóôõöøùúûüýāăąćċčďđēėęěġģħīįķĺļľłńņňőœŕřśşšţťūůűųźżžșț"
    U"αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋ"
    U"абвгдежзийклмнопрстуфхцчшщъьюяѝ";
constexpr std::u32string_view kUpper =
    U"ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝĀĂĄĆĊČĎĐĒĖĘĚĠĢĦĪĮĶĹĻĽŁŃŅŇŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽȘȚ"
    U"ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΣΤΥΦΧΨΩΆΈΉΊΌΎΏΪΫ"
    U"АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯЍ";
static_assert(kLower.size() == kUpper.size());

// What someone types for a letter when leaving out its diacritics: the base letter, or the usual
// spelling of a ligature. Greek loses tonos and dialytika; Bulgarian ѝ is и. Cyrillic й is a letter
// of its own and Greek ς a form of σ, so neither is listed.
const std::map<char32_t, std::u32string>& bare_letters() {
    static const std::map<char32_t, std::u32string> table = [] {
        std::map<char32_t, std::u32string> t;
        const std::vector<std::pair<std::u32string_view, std::u32string_view>> groups{
            {U"a", U"àáâãäåāăąÀÁÂÃÄÅĀĂĄ"}, {U"c", U"çćċčÇĆĊČ"},     {U"d", U"ďđĎĐ"},
            {U"e", U"èéêëēėęěÈÉÊËĒĖĘĚ"},   {U"g", U"ġģĠĢ"},         {U"h", U"ħĦ"},
            {U"i", U"ìíîïīįÌÍÎÏĪĮ"},       {U"k", U"ķĶ"},           {U"l", U"ĺļľłĹĻĽŁ"},
            {U"n", U"ñńņňÑŃŅŇ"},           {U"o", U"òóôõöøőÒÓÔÕÖØŐ"}, {U"r", U"ŕřŔŘ"},
            {U"s", U"śşšșŚŞŠȘ"},           {U"t", U"ţťțŢŤȚ"},       {U"u", U"ùúûüūůűųÙÚÛÜŪŮŰŲ"},
            {U"y", U"ýÝ"},                 {U"z", U"źżžŹŻŽ"},       {U"ae", U"æÆ"},
            {U"oe", U"œŒ"},                {U"ss", U"ß"},
            {U"α", U"άΆ"}, {U"ε", U"έΈ"}, {U"η", U"ήΉ"}, {U"ι", U"ίϊΊΪ"}, {U"ο", U"όΌ"}, {U"υ", U"ύϋΎΫ"}, {U"ω", U"ώΏ"},
            {U"и", U"ѝЍ"},
        };
        for (const auto& [bare, letters] : groups)
            for (char32_t c : letters) t.emplace(c, bare);
        return t;
    }();
    return table;
}

bool capital(char32_t c) { return (c >= U'A' && c <= U'Z') || kUpper.find(c) != std::u32string_view::npos; }

bool known_letter(char32_t c) {
    return c < 0x80 || kLower.find(c) != std::u32string_view::npos || kUpper.find(c) != std::u32string_view::npos || c == U'ß';
}

std::string upper(std::string_view word) {
    std::u32string out;
    for (char32_t c : decode(word)) {
        if (c >= U'a' && c <= U'z') out += static_cast<char32_t>(c - 32);
        else if (c == U'ß') out += U"SS";
        else if (const auto at = kLower.find(c); at != std::u32string_view::npos) out += kUpper[at];
        else out += c;
    }
    return encode(out);
}

std::string bare(std::string_view word) {
    std::string out;
    for (char32_t c : decode(word)) {
        const auto it = bare_letters().find(c);
        if (it == bare_letters().end()) out += encode(std::u32string(1, c));
        else out += capital(c) ? upper(encode(it->second)) : encode(it->second);
    }
    return out;
}

// The words of a text, as written, split where search splits them.
std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::u32string word;
    for (char32_t c : decode(text) + U' ') {
        if (!separates_words(c)) {
            word += c;
        } else if (!word.empty()) {
            out.push_back(encode(word));
            word.clear();
        }
    }
    return out;
}

std::size_t letters(std::string_view word) { return decode(word).size(); }

std::string longest(const std::vector<std::string>& ws, bool (*wanted)(std::string_view)) {
    std::string best;
    for (const std::string& w : ws)
        if (wanted(w) && letters(w) > letters(best)) best = w;
    return best;
}

bool any_word(std::string_view) { return true; }
bool has_diacritic(std::string_view w) { return bare(w) != w; }

const Overlay& content_overlay(const std::string& code) {
    static std::map<std::string, Overlay> cache;
    auto it = cache.find(code);
    if (it == cache.end()) {
        const std::string path = "i18n/content/" + test::bundled_catalogue().id + "/" + code + ".json";
        auto load = load_overlay(test::read_source_file(path));
        INFO(path);
        REQUIRE(load.overlay);
        it = cache.emplace(code, *load.overlay).first;
    }
    return it->second;
}

// The bundled catalogue in one language and its search index.
struct Localised {
    Catalogue catalogue;
    SearchIndex index;
    explicit Localised(const std::string& code)
        : catalogue(localise(test::bundled_catalogue(), {&content_overlay(code)})), index(catalogue) {}
    Localised(const Localised&) = delete;  // the index points into this catalogue

    bool finds(std::string_view typed, std::size_t practice) const {
        std::vector<std::uint64_t> bits;
        std::vector<std::uint16_t> scores;
        index.match(parse_search_query(typed), bits, scores);
        return bits[practice / 64] >> (practice % 64) & 1;
    }
    std::size_t practice(std::string_view id) const {
        for (std::size_t i = 0; i < catalogue.practices.size(); ++i)
            if (catalogue.practices[i].id == id) return i;
        FAIL("no practice " << id);
        return 0;
    }
};

std::vector<std::string> translated_languages() {
    auto load = load_language_registry(test::read_source_file("i18n/languages.json"));
    REQUIRE(load.registry);
    std::vector<std::string> codes;
    for (const Language& l : load.registry->languages)
        if (l.code != "en") codes.push_back(l.code);
    return codes;
}

// Every way of typing `word` checked here finds practice `p`.
void check_typed_forms(const Localised& l, const std::string& word, std::size_t p) {
    for (char32_t c : decode(word)) {
        INFO(word << ": the letter U+" << std::hex << static_cast<std::uint32_t>(c) << " is not in this test's tables");
        CHECK(known_letter(c));
    }
    for (const std::string& typed : {word, upper(word), bare(word), upper(bare(word))}) {
        INFO(l.catalogue.language << ": \"" << typed << "\" should find " << l.catalogue.practices[p].id << " (" << word << ")");
        CHECK(l.finds(typed, p));
    }
}

}  // namespace

TEST_CASE("the test's letter tables spell capitals and bare letters as people type them", "[search][languages]") {
    CHECK(upper("šifrování") == "ŠIFROVÁNÍ");
    CHECK(upper("κρυπτογράφησης") == "ΚΡΥΠΤΟΓΡΆΦΗΣΗΣ");
    CHECK(upper("криптиране") == "КРИПТИРАНЕ");
    CHECK(upper("Maßnahme") == "MASSNAHME");
    CHECK(bare("šifrování") == "sifrovani");
    CHECK(bare("Sårbarhedsstyring ØGE æble") == "Sarbarhedsstyring OGE aeble");
    CHECK(bare("κρυπτογράφησης") == "κρυπτογραφησης");
    CHECK(words("d’áiseanna l-Ingliż (RfP)") == std::vector<std::string>{"d", "áiseanna", "l", "Ingliż", "RfP"});
}

TEST_CASE("in every language, title words typed in capitals or without diacritics find their practice", "[search][languages]") {
    for (const std::string& code : translated_languages()) {
        INFO(code);
        const Localised l(code);
        REQUIRE(l.catalogue.language == code);
        std::size_t with_diacritics = 0;
        for (std::size_t p = 0; p < l.catalogue.practices.size(); ++p) {
            const Practice& practice = l.catalogue.practices[p];
            // The title's longest word, and the longest word with diacritics of title and summary.
            check_typed_forms(l, longest(words(practice.title), any_word), p);
            const std::string marked = longest(words(practice.title + " " + practice.summary), has_diacritic);
            if (marked.empty()) continue;
            ++with_diacritics;
            check_typed_forms(l, marked, p);
        }
        // Every Latin and Greek alphabet here writes diacritics (Dutch too: ë, ï); Bulgarian hardly any.
        if (code != "bg") CHECK(with_diacritics >= 5);
    }
}

TEST_CASE("every letter the shipped translations use folds to a bare letter of its alphabet", "[search][languages]") {
    // What someone without that key on their keyboard types must find it: a letter the folding left
    // as it is (a new language, a new word) could only be found by typing it exactly.
    const auto bare_letter = [](char32_t c) {
        return (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9') || (c >= U'α' && c <= U'ω' && c != U'ς') ||
               (c >= U'а' && c <= U'я');
    };
    const std::string catalogue_id = test::bundled_catalogue().id;
    for (const std::string& code : translated_languages()) {
        for (const std::string& path : {"i18n/ui/" + code + ".json", "i18n/content/" + catalogue_id + "/" + code + ".json"}) {
            auto load = load_overlay(test::read_source_file(path));
            REQUIRE(load.overlay);
            std::set<char32_t> letters;
            for (const auto& [key, text] : load.overlay->strings)
                for (char32_t c : decode(text))
                    if (!separates_words(c) && c != U'ª' && c != U'º') letters.insert(c);  // ordinals, as in "n.º"
            for (char32_t c : letters) {
                const std::u32string folded = decode(fold(encode(std::u32string(1, c))));
                INFO(path << ": U+" << std::hex << static_cast<std::uint32_t>(c) << " folds to \"" << encode(folded) << "\"");
                CHECK(!folded.empty());
                CHECK(std::all_of(folded.begin(), folded.end(), bare_letter));
            }
        }
    }
}

TEST_CASE("known words of the translated catalogues, typed the way people type them", "[search][languages]") {
    struct Case {
        const char* language;
        const char* practice;
        const char* written;  // as the translation spells it: the test fails if the translation changes
        const char* typed;
    };
    const std::vector<Case> cases{
        {"cs", "encryption", "šifrování", "sifrovani"},
        {"cs", "encryption", "šifrování", "SIFROVANI"},
        {"sk", "encryption", "šifrovania", "sifrovania"},
        {"el", "encryption", "κρυπτογράφησης", "κρυπτογραφησης"},   // no tonos, final sigma
        {"el", "encryption", "κρυπτογράφησης", "ΚΡΥΠΤΟΓΡΑΦΗΣΗΣ"},   // capitals: Σ for ς
        {"el", "vulnerability-management", "ευπαθειών", "ΕΥΠΑΘΕΙΩΝ"},
        {"bg", "encryption", "криптиране", "КРИПТИРАНЕ"},
        {"bg", "vulnerability-management", "уязвимостите", "УЯЗВИМОСТИТЕ"},
        {"ro", "vulnerability-management", "vulnerabilităților", "vulnerabilitatilor"},
        {"ro", "security-training", "securității", "securităţii"},     // t with cedilla for comma below
        {"ro", "remote-access", "distanță", "distanţă"},
        {"ro", "legacy-systems", "moștenite", "moşTENITE"},             // s with cedilla, mixed case
        {"mt", "update-policy", "ħardwer", "hardwer"},
        {"mt", "encryption", "kriptaġġ", "KRIPTAGG"},
        {"pl", "identify-threats", "zagrożeń", "ZAGROZEN"},
        {"pl", "business-continuity", "ciągłości", "ciaglosci"},        // ł
        {"de", "encryption", "Verschlüsselung", "verschlusselung"},
        {"de", "penetration-testing", "regelmäßig", "REGELMASSIG"},     // ß typed as ss
        {"da", "vulnerability-management", "Sårbarhedsstyring", "sarbarhedsstyring"},
        {"da", "legacy-systems", "forældede", "FORAELDEDE"},            // æ typed as ae
        {"da", "encryption", "nøglehåndtering", "NOGLEHANDTERING"},     // ø and å
        {"ga", "risk-assessment", "Measúnú", "MEASUNU RIOSCA"},         // fada
        {"ga", "encryption", "Criptiú", "criptiu"},
        {"hu", "vulnerability-management", "Sérülékenységkezelés", "SERULEKENYSEGKEZELES"},
        {"hu", "risk-assessment", "Kockázatértékelés", "kockazatertekeles"},
        {"lv", "encryption", "šifrēšanu", "SIFRESANU"},
        {"lv", "interoperability", "Ņemiet", "nemiet"},
        {"lt", "vulnerability-management", "Pažeidžiamumų", "pazeidziamumu"},
        {"lt", "awareness", "sąmoningumą", "SAMONINGUMA"},
        {"et", "encryption", "krüpteerimist", "krupteerimist"},
        {"fi", "encryption", "salausta", "SALAUSTA"},
        {"sv", "vulnerability-management", "Sårbarhetshantering", "sarbarhetshantering"},
        {"fr", "encryption", "chiffrement", "CHIFFREMENT"},
        {"fr", "legacy-systems", "systèmes", "SYSTEMES"},
        {"es", "encryption", "cifrado", "CIFRADO"},
        {"pt", "encryption", "cifragem", "CIFRAGEM"},
        {"it", "encryption", "cifratura", "CIFRATURA"},
        {"nl", "encryption", "versleuteling", "VERSLEUTELING"},
        {"hr", "encryption", "šifriranja", "sifriranja"},
        {"sl", "encryption", "šifriranje", "SIFRIRANJE"},
    };
    std::map<std::string, Localised> localised;
    for (const Case& c : cases) {
        INFO(c.language << " " << c.practice << ": \"" << c.typed << "\" for \"" << c.written << "\"");
        const Localised& l = localised.try_emplace(c.language, c.language).first->second;
        const std::size_t p = l.practice(c.practice);
        const Practice& practice = l.catalogue.practices[p];
        const std::string all = practice.title + " " + practice.summary + " " + practice.why;
        const auto ws = words(all);
        CHECK(std::find(ws.begin(), ws.end(), c.written) != ws.end());
        CHECK(l.finds(c.typed, p));
    }
}
