// Every output the engine writes, fed the hostile strings of tests/data/hostile/strings.json (script
// tags, event handlers, spreadsheet formulas, Markdown links, javascript: URLs, line and paragraph
// separators, direction overrides, NUL, path climbing, very long texts) in every catalogue and
// checklist text. Each output is compared with the same output for a harmless text: a hostile text
// may change what is written between the markup, never the markup itself.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include "engine/checklist_file.hpp"
#include "engine/export.hpp"
#include "engine/export_docx.hpp"
#include "engine/file_name.hpp"
#include "engine/static_site.hpp"
#include "engine/translation.hpp"
#include "engine/view_state.hpp"
#include "test_files.hpp"

using namespace procure;

namespace {

const std::vector<std::string>& hostile_strings() {
    static const std::vector<std::string> strings = [] {
        const auto doc = nlohmann::json::parse(test::read_source_file("tests/data/hostile/strings.json"), nullptr, false);
        REQUIRE(doc.is_array());
        std::vector<std::string> out;
        for (const auto& s : doc) out.push_back(s.get<std::string>());
        REQUIRE(out.size() > 20);
        // Very long texts: past the longest a catalogue or a note may hold, each with markup at the end.
        out.push_back(std::string(20000, 'A') + "<script>window.__pwned=1</script>");
        out.push_back(std::string(9000, '=') + "\n" + std::string(9000, '['));
        return out;
    }();
    return strings;
}

constexpr const char* kHarmless = "harmless text";

// The bundled catalogue with `text` in every text a person reads, and a checklist whose note is `text`.
struct Fixture {
    Catalogue catalogue;
    Checklist checklist;
    explicit Fixture(const std::string& text) : catalogue(test::bundled_catalogue()) {
        Catalogue& c = catalogue;
        c.metadata.title = c.metadata.notice = c.metadata.licence = c.metadata.publisher = text;
        c.metadata.source.title = c.metadata.source.publisher = text;
        for (auto* terms : {&c.phases, &c.asset_types, &c.threats})
            for (Term& t : *terms) t.name = t.description = text;
        for (Reference& r : c.references) r.title = r.description = r.identifier = text;
        for (std::size_t i = 0; i < 3; ++i) {
            Practice& p = c.practices[i];
            p.title = p.summary = p.why = text;
            for (std::string& s : p.clauses) s = text;
            for (std::string& s : p.evidence) s = text;
            checklist.entries[p.id] = {Status::in_tender, text, 1'700'000'000'000};
        }
        checklist.catalogue_id = c.id;
        checklist.catalogue_version = c.version;
    }
    ExportInput input(const std::string& text) const {
        ExportInput in{catalogue, {0, 1, 2, 3}, &checklist, "2026-12-04T08:00:00Z", text, "https://example.org/guide/#q=x"};
        return in;
    }
};

// --- HTML and XML: a small tag reader ---------------------------------------------------------------

struct Markup {
    std::vector<std::string> tags;  // element names in order, closing ones with '/'
    std::vector<std::string> problems;
};

// Reads every tag; an attribute must be name="value" or name='value' without '<' inside, so text
// that broke out of an attribute or out of character data shows up as a malformed or extra tag.
Markup read_markup(const std::string& doc) {
    Markup m;
    std::size_t i = 0;
    auto problem = [&](const std::string& what) { m.problems.push_back(what + " at byte " + std::to_string(i)); };
    while ((i = doc.find('<', i)) != std::string::npos) {
        if (doc.compare(i, 4, "<!--") == 0) {
            problem("comment");
            i += 4;
            continue;
        }
        std::size_t j = i + 1;
        while (j < doc.size() && (std::isalnum(static_cast<unsigned char>(doc[j])) || std::string_view("/!?:-_").find(doc[j]) != std::string_view::npos)) ++j;
        std::string name = doc.substr(i + 1, j - i - 1);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (name.empty()) {
            problem("a '<' that opens no tag");
            ++i;
            continue;
        }
        m.tags.push_back(name);
        for (;;) {
            while (j < doc.size() && std::isspace(static_cast<unsigned char>(doc[j]))) ++j;
            if (j >= doc.size()) {
                problem("unterminated tag <" + name);
                return m;
            }
            if (doc[j] == '>' || doc.compare(j, 2, "/>") == 0 || doc.compare(j, 2, "?>") == 0) break;
            const std::size_t start = j;
            while (j < doc.size() && (std::isalnum(static_cast<unsigned char>(doc[j])) || std::string_view(":-_").find(doc[j]) != std::string_view::npos)) ++j;
            std::string attribute = doc.substr(start, j - start);
            std::transform(attribute.begin(), attribute.end(), attribute.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            if (attribute.empty()) {
                problem("malformed attribute in <" + name);
                ++j;
                continue;
            }
            if (attribute.rfind("on", 0) == 0) problem("event handler attribute " + attribute);
            if (j < doc.size() && doc[j] == '=') {
                const char quote = j + 1 < doc.size() ? doc[j + 1] : 0;
                const std::size_t end = quote == '"' || quote == '\'' ? doc.find(quote, j + 2) : std::string::npos;
                if (end == std::string::npos) {
                    problem("unquoted value of " + attribute + " in <" + name);
                    break;
                }
                std::string value = doc.substr(j + 2, end - j - 2);
                if (value.find('<') != std::string::npos) problem("'<' inside attribute " + attribute);
                std::transform(value.begin(), value.end(), value.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                if ((attribute == "href" || attribute == "src") && value.find(':') != std::string::npos &&
                    value.rfind("http://", 0) != 0 && value.rfind("https://", 0) != 0)
                    problem(attribute + " with scheme: " + value.substr(0, 40));
                j = end + 1;
            }
        }
        i = j;
        // A stylesheet's text is not markup.
        if (name == "style") i = doc.find("</style>", i);
        if (i == std::string::npos) return m;
    }
    return m;
}

void check_markup(const std::string& what, const std::string& harmless, const std::string& hostile) {
    const Markup expected = read_markup(harmless), got = read_markup(hostile);
    INFO(what);
    CHECK(expected.problems.empty());
    CHECK(got.problems == std::vector<std::string>{});
    // Paragraph and line breaks follow the text's own blank lines and line breaks; every other tag
    // must be the harmless document's, in the same order.
    auto structural = [](std::vector<std::string> tags) {
        std::erase_if(tags, [](const std::string& t) {
            return t == "p" || t == "/p" || t == "br" || t == "w:br/" || t == "w:t" || t == "/w:t";
        });
        return tags;
    };
    CHECK(structural(got.tags) == structural(expected.tags));
}

// --- Markdown ------------------------------------------------------------------------------------

// Lines that would open a block (heading, quote, list, code, table, thematic break, HTML) and inline
// characters that would open a link, an image, emphasis, code or HTML when not escaped.
std::map<std::string, std::size_t> markdown_structure(const std::string& doc) {
    std::map<std::string, std::size_t> count;
    std::size_t line_start = 0;
    while (line_start < doc.size()) {
        std::size_t end = doc.find('\n', line_start);
        if (end == std::string::npos) end = doc.size();
        const std::string line = doc.substr(line_start, end - line_start);
        line_start = end + 1;
        if (line.rfind("    ", 0) == 0) ++count["indented code"];
        const std::size_t first = line.find_first_not_of(' ');
        if (first == std::string::npos) continue;
        const char c = line[first];
        if (std::string_view("#>-+=*`~|<").find(c) != std::string_view::npos) ++count[std::string("line starts with ") + c];
        std::size_t digits = first;
        while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
        if (digits > first && digits < line.size() && (line[digits] == '.' || line[digits] == ')')) ++count["ordered list item"];
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line[i] == '\\') {
                ++i;  // the next character is escaped
                continue;
            }
            if (std::string_view("[]<>*_`|~").find(line[i]) != std::string_view::npos) ++count[std::string("unescaped ") + line[i]];
            if (line[i] == '&' && i + 1 < line.size() && (std::isalnum(static_cast<unsigned char>(line[i + 1])) || line[i + 1] == '#')) ++count["entity"];
        }
    }
    return count;
}

// --- CSV -----------------------------------------------------------------------------------------

std::vector<std::vector<std::string>> read_csv(const std::string& doc) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 3; i < doc.size(); ++i) {  // after the BOM
        const char c = doc[i];
        if (quoted) {
            if (c == '"' && i + 1 < doc.size() && doc[i + 1] == '"') rows.back().back() += doc[++i];
            else if (c == '"') quoted = false;
            else rows.back().back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\r' && i + 1 < doc.size() && doc[i + 1] == '\n') {
            ++i;
            rows.emplace_back(1);
        } else {
            rows.back().back() += c;
        }
    }
    if (rows.back() == std::vector<std::string>(1)) rows.pop_back();
    return rows;
}

// --- JSON: the same keys, arrays of the same length, values of the same types ---------------------

std::string json_shape(const nlohmann::json& j) {
    if (j.is_object()) {
        std::string out = "{";
        for (const auto& [k, v] : j.items()) out += k + ":" + json_shape(v) + ",";
        return out + "}";
    }
    if (j.is_array()) {
        std::string out = "[";
        for (const auto& v : j) out += json_shape(v) + ",";
        return out + "]";
    }
    return j.type_name();
}

std::string printable(const std::string& s) {
    std::string out;
    for (char c : s.substr(0, 60)) out += std::isprint(static_cast<unsigned char>(c)) ? std::string(1, c) : "\\x" + std::to_string(static_cast<unsigned char>(c));
    return out;
}

}  // namespace

TEST_CASE("hostile texts cannot break out of the printable HTML report", "[hostile][export]") {
    const Fixture plain(kHarmless);
    const std::string expected = export_html_report(plain.input(kHarmless));
    for (const std::string& s : hostile_strings()) {
        const Fixture f(s);
        const std::string out = export_html_report(f.input(s));
        INFO(printable(s));
        check_markup("report", expected, out);
        CHECK(out.find('\0') == std::string::npos);
    }
}

TEST_CASE("hostile texts cannot break out of the Word documents' XML", "[hostile][export]") {
    for (DocxKind kind : {DocxKind::report, DocxKind::tender_annex}) {
        const Fixture plain(kHarmless);
        const DocxParts expected = export_docx(plain.input(kHarmless), kind);
        for (const std::string& s : hostile_strings()) {
            const Fixture f(s);
            const DocxParts parts = export_docx(f.input(s), kind);
            REQUIRE(parts.size() == expected.size());
            INFO(printable(s));
            for (std::size_t i = 0; i < parts.size(); ++i) {
                check_markup(parts[i].first, expected[i].second, parts[i].second);
                // XML 1.0 forbids these; one of them makes Word refuse the whole file.
                CHECK(std::none_of(parts[i].second.begin(), parts[i].second.end(), [](char c) {
                    const auto u = static_cast<unsigned char>(c);
                    return u < 0x20 && c != '\t' && c != '\n' && c != '\r';
                }));
            }
        }
    }
}

TEST_CASE("hostile texts cannot add Markdown links, images, HTML or blocks", "[hostile][export]") {
    const Fixture plain(kHarmless);
    const auto expected = markdown_structure(export_markdown(plain.input(kHarmless)));
    for (const std::string& s : hostile_strings()) {
        const Fixture f(s);
        INFO(printable(s));
        CHECK(markdown_structure(export_markdown(f.input(s))) == expected);
    }
}

TEST_CASE("hostile texts cannot run as spreadsheet formulas or shift CSV cells", "[hostile][export]") {
    const Fixture plain(kHarmless);
    const auto expected = read_csv(export_csv(plain.input(kHarmless)));
    for (const std::string& s : hostile_strings()) {
        const Fixture f(s);
        const auto rows = read_csv(export_csv(f.input(s)));
        INFO(printable(s));
        REQUIRE(rows.size() == expected.size());
        for (std::size_t r = 0; r < rows.size(); ++r) {
            REQUIRE(rows[r].size() == expected[r].size());
            for (const std::string& cell : rows[r]) {
                INFO(printable(cell));
                CHECK((cell.empty() || std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos));
                CHECK(cell.find('\0') == std::string::npos);
            }
        }
        // The note comes through whole, behind an apostrophe when it looks like a formula, without
        // control characters other than tab and line breaks.
        std::string kept;
        for (char c : s)
            if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') kept += c;
        const std::string& note = rows[1][10];
        CHECK((note == kept || note == "'" + kept));
    }
}

TEST_CASE("hostile texts keep the JSON exports' shape and come back unchanged", "[hostile][export]") {
    const Fixture plain(kHarmless);
    const std::string expected_json = json_shape(nlohmann::json::parse(export_json(plain.input(kHarmless))));
    const std::string expected_oscal =
        json_shape(nlohmann::json::parse(export_oscal_profile(plain.input(kHarmless), "catalog.json", "seed")));
    const std::string expected_catalog = json_shape(nlohmann::json::parse(export_oscal_catalog(plain.catalogue, "2026-12-04T08:00:00Z", "seed")));
    for (const std::string& s : hostile_strings()) {
        const Fixture f(s);
        INFO(printable(s));
        const auto doc = nlohmann::json::parse(export_json(f.input(s)), nullptr, false);
        REQUIRE_FALSE(doc.is_discarded());
        CHECK(json_shape(doc) == expected_json);
        CHECK(doc.dump().find(nlohmann::json(s).dump()) != std::string::npos);  // the text itself, unchanged
        const auto profile = nlohmann::json::parse(export_oscal_profile(f.input(s), "catalog.json", "seed"), nullptr, false);
        REQUIRE_FALSE(profile.is_discarded());
        CHECK(json_shape(profile) == expected_oscal);
        const auto catalog = nlohmann::json::parse(export_oscal_catalog(f.catalogue, "2026-12-04T08:00:00Z", "seed"), nullptr, false);
        REQUIRE_FALSE(catalog.is_discarded());
        CHECK(json_shape(catalog) == expected_catalog);
        // The checklist file, too: it loads back with the note as written (or refuses a note past its limit).
        const ChecklistImport back = parse_checklist(serialize_checklist(f.checklist));
        if (s.size() <= kMaxNoteBytes) {
            REQUIRE(back.checklist);
            CHECK(back.checklist->find(f.catalogue.practices[0].id)->note == s);
        } else {
            CHECK_FALSE(back.checklist);
        }
    }
}

TEST_CASE("hostile texts cannot add lines or clauses to the tender annex", "[hostile][export]") {
    const Fixture plain(kHarmless);
    const std::string expected = export_tender_annex(plain.input(kHarmless));
    const auto lines = [](const std::string& t) { return std::count(t.begin(), t.end(), '\n'); };
    for (const std::string& s : hostile_strings()) {
        const Fixture f(s);
        const std::string out = export_tender_annex(f.input(s));
        INFO(printable(s));
        CHECK(lines(out) == lines(expected));
        // Nor through the separators that word processors and browsers take as line breaks.
        CHECK(out.find("\xE2\x80\xA8") == std::string::npos);
        CHECK(out.find("\xE2\x80\xA9") == std::string::npos);
        CHECK(out.find('\0') == std::string::npos);
    }
}

TEST_CASE("a hostile text in the search box gives a share link that stays a link and reads back", "[hostile][view_state]") {
    for (const std::string& s : hostile_strings()) {
        ViewState v;
        v.query.text = s;
        // Ids in a real view come from the catalogue (at most 64 bytes each); text has no such bound.
        if (s.size() <= 64) {
            v.open_practice = s;
            v.query.facets.threats = {s};
        }
        const std::string fragment = encode_fragment(v);
        INFO(printable(s));
        CHECK(fragment.size() <= kMaxFragmentBytes);
        // Nothing that ends a URL, an attribute, an autolink or a line, and nothing outside ASCII.
        for (char c : fragment) {
            INFO(c);
            CHECK((std::isalnum(static_cast<unsigned char>(c)) || std::string_view("-._~%=&,").find(c) != std::string_view::npos));
        }
        const DecodedView back = decode_fragment(fragment);
        // The search text comes back as written, or shortened to the link's limit.
        CHECK(s.rfind(back.state.query.text, 0) == 0);
        if (s.size() <= 64 && s.find_first_of(std::string("\0\r\n\a\x1b", 5)) == std::string::npos) CHECK(back.state.query.text == s);
    }
}

TEST_CASE("hostile texts give safe file names", "[hostile][file_name]") {
    for (const std::string& s : hostile_strings()) {
        for (const std::string& name : {safe_file_name(s), safe_file_name(s + ".csv"), safe_file_name("report-" + s + ".json")}) {
            INFO(printable(s) << " -> " << name);
            CHECK_FALSE(name.empty());
            CHECK(name.size() <= 120);
            CHECK(name.find("..") == std::string::npos);
            CHECK(name.front() != '.');
            CHECK(name.front() != '-');
            CHECK(name.back() != '.');
            CHECK(std::all_of(name.begin(), name.end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
            }));
        }
    }
    CHECK(safe_file_name("../../etc/passwd") == "etc-passwd");
    CHECK(safe_file_name("hospital-procurement-2026-12-04T08-00.csv") == "hospital-procurement-2026-12-04T08-00.csv");
    CHECK(safe_file_name(std::string(300, 'a') + ".docx").size() == 120);
    CHECK(safe_file_name(std::string(300, 'a') + ".docx").ends_with(".docx"));
    CHECK(safe_file_name("") == "download");
}

TEST_CASE("hostile catalogue texts cannot break out of the static HTML pages", "[hostile][static_site]") {
    static const Overlay ui_en = [] {
        auto r = load_overlay(test::read_source_file("i18n/ui/en.json"));
        REQUIRE(r.overlay);
        return *r.overlay;
    }();
    const std::vector<SiteLanguage> languages{{"en", "English"}};
    auto pages = [&](const Catalogue& c) {
        std::vector<SitePage> out = static_site_root_pages(StaticSiteInput{c, {}, {&ui_en}, "en", languages});
        for (SitePage& p : static_site_language_pages(StaticSiteInput{c, {}, {&ui_en}, "en", languages})) out.push_back(std::move(p));
        return out;
    };
    const std::vector<SitePage> expected = pages(Fixture(kHarmless).catalogue);
    for (const std::string& s : hostile_strings()) {
        const std::vector<SitePage> got = pages(Fixture(s).catalogue);
        INFO(printable(s));
        REQUIRE(got.size() == expected.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            CHECK(got[i].path == expected[i].path);
            if (got[i].path.ends_with(".html")) check_markup(got[i].path, expected[i].content, got[i].content);
        }
    }
}
