// The printable HTML report: a golden file, and hostile catalogue and checklist text that must come
// out as text, never as markup.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include "engine/catalogue_loader.hpp"
#include "engine/export.hpp"
#include "test_files.hpp"

using namespace procure;
using Catch::Matchers::ContainsSubstring;

namespace {

Catalogue load(const char* path) {
    auto r = load_catalogue(test::read_source_file(path));
    REQUIRE(r.catalogue);
    return *r.catalogue;
}

std::size_t index_of(const Catalogue& c, const char* id) {
    const Practice* p = c.find_practice(id);
    REQUIRE(p);
    return static_cast<std::size_t>(p - c.practices.data());
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return s;
}

struct Tag {
    std::string name;                                        // without '/', lower case
    bool closing = false;
    std::vector<std::pair<std::string, std::string>> attrs;  // name, raw value between the quotes
};

// A small reader for the subset of HTML the report writes: every attribute double-quoted. Escaped
// text never holds a raw '<', so each '<' must open a tag this reader understands.
std::vector<Tag> read_tags(const std::string& html, std::vector<std::string>& texts) {
    std::vector<Tag> tags;
    std::size_t i = 0;
    while (i < html.size()) {
        const std::size_t lt = html.find('<', i);
        texts.push_back(html.substr(i, (lt == std::string::npos ? html.size() : lt) - i));
        if (lt == std::string::npos) break;
        const std::size_t gt = html.find('>', lt);
        REQUIRE(gt != std::string::npos);
        std::string inside = html.substr(lt + 1, gt - lt - 1);
        i = gt + 1;
        if (inside.rfind("!DOCTYPE", 0) == 0) continue;
        Tag t;
        if (!inside.empty() && inside[0] == '/') {
            t.closing = true;
            inside.erase(0, 1);
        }
        std::size_t k = 0;
        while (k < inside.size() && std::isalnum(static_cast<unsigned char>(inside[k]))) t.name += inside[k++];
        t.name = lower(t.name);
        while (k < inside.size()) {
            while (k < inside.size() && inside[k] == ' ') ++k;
            if (k >= inside.size()) break;
            const std::size_t eq = inside.find("=\"", k);
            REQUIRE(eq != std::string::npos);
            const std::size_t end = inside.find('"', eq + 2);
            REQUIRE(end != std::string::npos);
            t.attrs.emplace_back(lower(inside.substr(k, eq - k)), inside.substr(eq + 2, end - eq - 2));
            k = end + 1;
        }
        tags.push_back(std::move(t));
    }
    return tags;
}

// The report is well-formed, uses only the expected elements and attributes, and links only to
// http(s) or to its own anchors.
void check_markup(const std::string& html) {
    static const std::set<std::string> kElements{"html", "head", "meta", "title", "style", "body", "header", "main",
                                                 "footer", "section", "h1", "h2", "h3", "p", "dl", "dt", "dd", "table",
                                                 "thead", "tbody", "tr", "th", "td", "ol", "ul", "li", "a", "span"};
    static const std::set<std::string> kAttributes{"lang", "charset", "name", "content", "class", "id", "href", "scope", "colspan"};
    std::vector<std::string> texts;
    const std::vector<Tag> tags = read_tags(html, texts);
    std::vector<std::string> open;
    for (const Tag& t : tags) {
        INFO("<" << (t.closing ? "/" : "") << t.name << ">");
        CHECK(kElements.count(t.name) == 1);
        for (const auto& [name, value] : t.attrs) {
            INFO(name << "=\"" << value << "\"");
            CHECK(kAttributes.count(name) == 1);
            CHECK(value.find_first_of("<>'") == std::string::npos);
            if (name == "href") CHECK((value.rfind("https://", 0) == 0 || value.rfind("http://", 0) == 0 || value.rfind("#p-", 0) == 0));
        }
        if (t.name == "meta") continue;  // a void element
        if (!t.closing) {
            open.push_back(t.name);
        } else {
            REQUIRE(!open.empty());
            CHECK(open.back() == t.name);
            open.pop_back();
        }
    }
    CHECK(open.empty());
    // Text holds no raw quotes; only the style sheet (the one text with braces) may.
    for (const std::string& text : texts) CHECK((text.find_first_of("\"'") == std::string::npos || text.find('{') != std::string::npos));
}

void check_golden(const std::string& name, const std::string& actual) {
    const std::string path = std::string(PROJECT_SOURCE_DIR) + "/tests/data/golden/" + name;
    if (test::read_source_file("tests/data/golden/" + name) != actual) {
        std::ofstream(path + ".actual", std::ios::binary) << actual;
        FAIL("output differs from " << path << "; the new output is in " << path << ".actual");
    }
}

}  // namespace

TEST_CASE("the HTML report of four practices with a checklist matches the golden file", "[report]") {
    const Catalogue c = load(test::kBundledCatalogue);
    Checklist checklist;
    checklist.entries["encryption"] = ChecklistEntry{Status::verified, "Checked the data sheet.\n  - AES-256 at rest\n  - TLS 1.3", 1796292900000};
    checklist.entries["segregate-network"] = ChecklistEntry{Status::in_tender, "", 1796292900000};
    ExportInput in{c,
                   {index_of(c, "involve-it"), index_of(c, "segregate-network"), index_of(c, "encryption"), index_of(c, "patching")},
                   &checklist,
                   "2026-12-03T10:15:00Z",
                   "Type of procurement: Medical devices",
                   "https://guide.example/#type=medical_devices"};
    const std::string html = export_html_report(in);
    check_markup(html);
    check_golden("report.html", html);
}

TEST_CASE("the HTML report is a complete document that prints well", "[report]") {
    const Catalogue c = load(test::kBundledCatalogue);
    ExportInput in{c, {0, 1}, nullptr, "2026-12-03T10:15:00Z", "", ""};
    const std::string html = export_html_report(in);
    check_markup(html);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK_THAT(html, ContainsSubstring("<meta charset=\"utf-8\">"));
    CHECK_THAT(html, ContainsSubstring("@page"));
    CHECK_THAT(html, ContainsSubstring("thead { display: table-header-group; }"));
    CHECK_THAT(html, ContainsSubstring("ol.clauses { break-inside: avoid;"));
    CHECK_THAT(html, ContainsSubstring("<footer>\n<p>The summaries, explanations, tender clauses and evidence lists are this project&#39;s own words"));
    CHECK_THAT(html, ContainsSubstring("none (all practices)"));
    CHECK_THAT(html, ContainsSubstring("(editorial)"));
    CHECK(html.find("src=") == std::string::npos);  // nothing loaded from anywhere
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("<a href=\"http") != std::string::npos);  // reference links

    ExportInput none{c, {}, nullptr, "2026-12-03T10:15:00Z", "Phase: Nowhere", ""};
    const std::string empty = export_html_report(none);
    check_markup(empty);
    CHECK_THAT(empty, ContainsSubstring("No practices match the filters."));
    CHECK(empty.find("<table") == std::string::npos);
}

TEST_CASE("the HTML report escapes hostile catalogue and checklist text everywhere", "[report]") {
    const std::string script = "<script>alert(1)</script>";
    const std::string cell = "</td></tr></table>";
    const std::string attr = "\"><img src=x onerror=alert(1)>";
    const std::string quote = "it's \"quoted\"\nand\r\nbroken\x01\x7F";
    Catalogue c = load("tests/data/minimal-catalogue.json");
    c.language = "en\" onload=\"alert(1)";
    c.metadata.title = script;
    c.metadata.notice = attr;
    c.metadata.licence = cell;
    c.metadata.source.url = "javascript:alert(1)";
    c.phases[0].name = attr;
    c.asset_types[0].name = script;
    c.threats[0].name = cell;
    c.references[0].title = attr;
    c.references[0].url = "https://example.org/\"onmouseover=\"alert(1)";
    c.references[0].identifier = script;
    Practice& p = c.practices[0];
    p.id = "x\" onclick=\"alert(1)";
    p.title = script;
    p.summary = attr;
    p.why = quote + "\n\n" + cell;
    p.clauses = {script, attr};
    p.evidence = {cell, quote};

    Checklist checklist;
    checklist.entries[p.id] = ChecklistEntry{Status::in_tender, script + "\n" + attr + "\n  " + quote, 1};
    ExportLabels labels;
    labels.overview = script;
    labels.editorial = attr;
    ExportInput in{c, {0, 1}, &checklist, script, attr, "javascript:alert(1)", &labels};

    const std::string html = export_html_report(in);
    check_markup(html);
    const std::string low = lower(html);
    CHECK(low.find("<script") == std::string::npos);
    CHECK(low.find("<img") == std::string::npos);
    CHECK(low.find("javascript:alert(1)\"") == std::string::npos);  // never as an attribute value
    CHECK(low.find("href=\"javascript") == std::string::npos);
    const auto count = [&](const std::string& needle) {
        std::size_t n = 0;
        for (std::size_t at = low.find(needle); at != std::string::npos; at = low.find(needle, at + 1)) ++n;
        return n;
    };
    CHECK(count("onerror=") == count("&lt;img src=x onerror="));  // only inside escaped text
    CHECK(low.find("onclick=\"") == std::string::npos);
    CHECK(low.find("onload=\"") == std::string::npos);
    CHECK_THAT(html, ContainsSubstring("&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK_THAT(html, ContainsSubstring("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    CHECK_THAT(html, ContainsSubstring("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;"));
    CHECK_THAT(html, ContainsSubstring("it&#39;s &quot;quoted&quot;"));
    CHECK_THAT(html, ContainsSubstring("javascript:alert(1)"));  // still shown, as text
    CHECK(html.find('\x01') == std::string::npos);
    CHECK(html.find('\x7F') == std::string::npos);
    // The note keeps its line breaks and indentation (the report styles it white-space: pre-wrap).
    CHECK_THAT(html, ContainsSubstring("&lt;/script&gt;\n&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\n  it&#39;s"));
}
