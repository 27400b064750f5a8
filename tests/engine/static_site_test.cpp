// The static site: its pages, the links between them, their structure and languages, escaping of a
// hostile catalogue and hostile translations, and the stylesheet's contrast.
#include "engine/static_site.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include "engine/translation.hpp"
#include "test_files.hpp"

using namespace procure;
using Catch::Matchers::ContainsSubstring;

namespace {

Overlay overlay_file(const std::string& path) {
    auto r = load_overlay(test::read_source_file(path));
    REQUIRE(r.overlay);
    return *r.overlay;
}

struct Site {
    std::vector<SitePage> pages;
    const SitePage* find(const std::string& path) const {
        auto it = std::find_if(pages.begin(), pages.end(), [&](const SitePage& p) { return p.path == path; });
        return it == pages.end() ? nullptr : &*it;
    }
};

const Overlay& english_ui() {
    static const Overlay ui_en = overlay_file("i18n/ui/en.json");
    return ui_en;
}

// The bundled catalogue in English, German (shipped translations) and Danish with no files at all,
// the way catalogue-tool puts it together.
const Site& bundled_site() {
    static const Overlay& ui_en = english_ui();
    static const Overlay ui_de = overlay_file("i18n/ui/de.json");
    static const Overlay content_de = overlay_file("i18n/content/enisa-hospitals-2020/de.json");
    static const Site site = [] {
        const std::vector<SiteLanguage> languages{{"de", "Deutsch"}, {"da", "Dansk"}, {"en", "English"}};
        auto input = [&](const std::string& code) {
            if (code == "de") return StaticSiteInput{test::bundled_catalogue(), {&content_de}, {&ui_de, &ui_en}, code, languages};
            return StaticSiteInput{test::bundled_catalogue(), {}, {&ui_en}, code, languages};
        };
        Site s{static_site_root_pages(input("en"))};
        for (const SiteLanguage& l : languages)
            for (SitePage& page : static_site_language_pages(input(l.code))) s.pages.push_back(std::move(page));
        return s;
    }();
    return site;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return s;
}

struct Tag {
    std::string name;  // lower case, without '/'
    bool closing = false;
    std::map<std::string, std::string> attrs;  // raw values between double quotes
    std::string parent;                        // the enclosing element
    std::string text_after;                    // text up to the next tag
};

// A strict reader for the HTML the site writes: every attribute double-quoted, every non-void element
// closed in order. Escaped text never holds a raw '<', so each '<' must open a tag it understands.
std::vector<Tag> read_tags(const std::string& html) {
    static const std::set<std::string> kVoid{"meta", "link"};
    std::vector<Tag> tags;
    std::vector<std::string> open;
    std::size_t i = html.find('<');
    while (i != std::string::npos) {
        const std::size_t gt = html.find('>', i);
        REQUIRE(gt != std::string::npos);
        std::string inside = html.substr(i + 1, gt - i - 1);
        const std::size_t next = html.find('<', gt);
        const std::string text = html.substr(gt + 1, (next == std::string::npos ? html.size() : next) - gt - 1);
        i = next;
        if (inside == "!DOCTYPE html") continue;
        Tag t;
        t.text_after = text;
        if (!inside.empty() && inside[0] == '/') {
            t.closing = true;
            inside.erase(0, 1);
        }
        std::size_t k = 0;
        while (k < inside.size() && std::isalnum(static_cast<unsigned char>(inside[k]))) t.name += inside[k++];
        INFO("<" << inside << ">");
        REQUIRE(t.name == lower(t.name));
        while (k < inside.size()) {
            REQUIRE(inside[k] == ' ');
            const std::size_t eq = inside.find("=\"", k);
            REQUIRE(eq != std::string::npos);
            const std::size_t end = inside.find('"', eq + 2);
            REQUIRE(end != std::string::npos);
            REQUIRE(t.attrs.emplace(inside.substr(k + 1, eq - k - 1), inside.substr(eq + 2, end - eq - 2)).second);
            k = end + 1;
        }
        if (t.closing) {
            REQUIRE(!open.empty());
            REQUIRE(open.back() == t.name);
            open.pop_back();
        }
        t.parent = open.empty() ? "" : open.back();
        if (!t.closing && !kVoid.count(t.name)) open.push_back(t.name);
        tags.push_back(std::move(t));
    }
    CHECK(open.empty());
    return tags;
}

std::vector<const Tag*> opening(const std::vector<Tag>& tags, const std::string& name) {
    std::vector<const Tag*> out;
    for (const Tag& t : tags)
        if (!t.closing && t.name == name) out.push_back(&t);
    return out;
}

// What every page must be: elements and attributes from a short list (so no script, style, event
// handler or inline style can appear), escaped text, one <h1> and no skipped heading level, lists
// holding list items, named navigation, a skip link to the one <main>, phone-ready and styled by file.
void check_page(const SitePage& page, const std::string& language) {
    INFO(page.path);
    static const std::set<std::string> kElements{"html", "head", "meta", "title", "link", "body", "a", "header", "nav",
                                                 "main", "footer", "section", "article", "h1", "h2", "h3", "p", "ul", "ol",
                                                 "li", "dl", "dt", "dd", "span"};
    static const std::set<std::string> kAttributes{"lang", "charset", "http-equiv", "name", "content", "rel", "href",
                                                   "class", "id", "aria-label", "aria-current", "hreflang"};
    const std::string low = lower(page.content);
    CHECK(low.find("<script") == std::string::npos);
    CHECK(low.find("<style") == std::string::npos);
    CHECK(low.find("style=") == std::string::npos);
    CHECK(page.content.rfind("<!DOCTYPE html>\n<html lang=\"" + language + "\">\n", 0) == 0);
    CHECK_THAT(page.content, ContainsSubstring("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; "
                                               "style-src &#39;self&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;\">"));

    const std::vector<Tag> tags = read_tags(page.content);
    std::vector<int> levels;
    for (const Tag& t : tags) {
        INFO("<" << t.name << "> in <" << t.parent << ">");
        CHECK(kElements.count(t.name) == 1);
        for (const auto& [name, value] : t.attrs) {
            INFO(name << "=\"" << value << "\"");
            CHECK(kAttributes.count(name) == 1);
            CHECK(value.find_first_of("<>\"'") == std::string::npos);
            if (name == "href") CHECK(lower(value).find("javascript:") == std::string::npos);
            if (name == "lang" || name == "hreflang") CHECK((value.empty() || is_site_language_code(value)));
        }
        CHECK(t.text_after.find_first_of("<>\"'") == std::string::npos);
        if (t.closing) continue;
        if (t.name.size() == 2 && t.name[0] == 'h' && std::isdigit(static_cast<unsigned char>(t.name[1])))
            levels.push_back(t.name[1] - '0');
        if (t.name == "li") CHECK((t.parent == "ul" || t.parent == "ol"));
        if (t.name == "dt" || t.name == "dd") CHECK(t.parent == "dl");
        if (t.name == "nav") CHECK(!t.attrs.at("aria-label").empty());
    }
    REQUIRE(!levels.empty());
    CHECK(levels.front() == 1);
    CHECK(std::count(levels.begin(), levels.end(), 1) == 1);
    for (std::size_t k = 1; k < levels.size(); ++k) CHECK(levels[k] <= levels[k - 1] + 1);

    const auto mains = opening(tags, "main");
    REQUIRE(mains.size() == 1);
    CHECK(mains[0]->attrs.at("id") == "main");
    const auto body = std::find_if(tags.begin(), tags.end(), [](const Tag& t) { return t.name == "body"; });
    REQUIRE(body + 1 < tags.end());
    CHECK((body + 1)->name == "a");
    CHECK((body + 1)->attrs.at("href") == "#main");
    CHECK((body + 1)->attrs.at("class") == "skip");
    CHECK_THAT(page.content, ContainsSubstring("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
    const auto links = opening(tags, "link");
    CHECK(std::count_if(links.begin(), links.end(), [](const Tag* t) { return t->attrs.at("rel") == "stylesheet"; }) == 1);
    for (const Tag* link : links) CHECK((link->attrs.at("rel") == "stylesheet" || link->attrs.count("hreflang") == 1));
    CHECK(opening(tags, "title").size() == 1);
}

// The page a link leads to, relative to the site's root; "^/" + path for a page above the root.
std::string resolve(const std::string& from, const std::string& href) {
    std::vector<std::string> parts;
    std::size_t slash = from.rfind('/');
    std::string path = (slash == std::string::npos ? "" : from.substr(0, slash + 1)) + href;
    int above = 0;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string part = path.substr(start, end - start);
        if (part == "..") {
            if (parts.empty()) ++above;
            else parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = end + 1;
    }
    std::string out(static_cast<std::size_t>(above), '^');
    for (std::size_t k = 0; k < parts.size(); ++k) out += (k ? "/" : (above ? "/" : "")) + parts[k];
    return out;
}

std::string hex_colour(const std::string& css, std::size_t from, const std::string& name) {
    const std::size_t at = css.find(name + ":", from);
    REQUIRE(at != std::string::npos);
    const std::size_t hash = css.find('#', at);
    REQUIRE(hash != std::string::npos);
    return css.substr(hash + 1, 6);
}

double luminance(const std::string& hex) {
    double channels[3];
    for (int k = 0; k < 3; ++k) {
        const double c = std::stoi(hex.substr(static_cast<std::size_t>(2 * k), 2), nullptr, 16) / 255.0;
        channels[k] = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

double contrast(const std::string& a, const std::string& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace

TEST_CASE("the site has the language list, a stylesheet, and an index and a page per practice in each language", "[static-site]") {
    const Site& site = bundled_site();
    const Catalogue& c = test::bundled_catalogue();
    CHECK(site.pages.size() == 2 + 3 * (2 + c.practices.size()));
    REQUIRE(site.find("index.html"));
    REQUIRE(site.find("style.css"));
    CHECK(site.find("style.css")->content == static_site_stylesheet());
    for (const char* code : {"de", "da", "en"}) {
        CHECK(site.find(std::string(code) + "/index.html"));
        for (const Practice& p : c.practices) CHECK(site.find(std::string(code) + "/" + p.id + ".html"));
    }
    std::set<std::string> paths;
    for (const SitePage& page : site.pages) CHECK(paths.insert(page.path).second);
}

TEST_CASE("every page of the site is valid, accessible, and free of scripts and inline styles", "[static-site]") {
    for (const SitePage& page : bundled_site().pages) {
        if (page.path == "style.css") continue;
        const std::string language = page.path.find('/') == std::string::npos ? "en" : page.path.substr(0, page.path.find('/'));
        check_page(page, language);
    }
}

TEST_CASE("every link between pages leads to a page and an anchor that exist", "[static-site]") {
    const Site& site = bundled_site();
    std::size_t checked = 0;
    for (const SitePage& page : site.pages) {
        if (page.path == "style.css") continue;
        for (const Tag& t : read_tags(page.content)) {
            auto href = t.attrs.find("href");
            if (href == t.attrs.end() || href->second.rfind("https://", 0) == 0) continue;
            INFO(page.path << " -> " << href->second);
            const std::string& value = href->second;
            const std::size_t hash = value.find('#');
            const std::string file = value.substr(0, hash);
            const std::string fragment = hash == std::string::npos ? "" : value.substr(hash + 1);
            const std::string target = file.empty() ? page.path : resolve(page.path, file);
            ++checked;
            if (target == "^/index.html") {  // the interactive app, beside the site's folder
                CHECK((page.path == "index.html" ? fragment.empty() : fragment.rfind("lang=", 0) == 0));
                continue;
            }
            const SitePage* to = site.find(target);
            REQUIRE(to);
            if (!fragment.empty()) CHECK_THAT(to->content, ContainsSubstring("id=\"" + fragment + "\""));
        }
    }
    CHECK(checked > 1000);
}

TEST_CASE("practice pages show the practice in full, with honest provenance and links onward", "[static-site]") {
    const Site& site = bundled_site();
    const SitePage* page = site.find("en/encryption.html");
    REQUIRE(page);
    const Practice& p = *test::bundled_catalogue().find_practice("encryption");
    const std::string& html = page->content;
    CHECK_THAT(html, ContainsSubstring("<h1><span class=\"num\">Practice " + std::to_string(p.number) + "</span> Use encryption</h1>"));
    CHECK_THAT(html, ContainsSubstring("<ol class=\"clauses\">"));
    CHECK_THAT(html, ContainsSubstring("<ul class=\"evidence\">"));
    CHECK_THAT(html, ContainsSubstring("<span class=\"prov\">(editorial)</span>"));
    CHECK_THAT(html, ContainsSubstring("<a rel=\"prev\" href=\"audit-logging.html\">"));
    CHECK_THAT(html, ContainsSubstring("<a rel=\"next\" href=\"risk-assessment.html\">"));
    CHECK_THAT(html, ContainsSubstring("<a href=\"../../index.html#lang=en&amp;open=encryption\">"));
    CHECK_THAT(html, ContainsSubstring("<a href=\"https://eur-lex.europa.eu/"));
    CHECK(std::count(html.begin(), html.end(), '\n') > 40);  // readable source, one element a line

    // Practices 16-28: the phase is inferred, and says so.
    const SitePage* late = site.find("en/penetration-testing.html");
    REQUIRE(late);
    CHECK_THAT(late->content, ContainsSubstring("<span class=\"prov\">(likely)</span></p>"));
    CHECK(late->content.find("rel=\"next\"") == std::string::npos);
    CHECK(site.find("en/involve-it.html")->content.find("rel=\"prev\"") == std::string::npos);

    const std::string& index = site.find("en/index.html")->content;
    CHECK_THAT(index, ContainsSubstring("<h3 id=\"phase-plan\">"));
    CHECK_THAT(index, ContainsSubstring("<h3 id=\"type-cloud_services\">"));
    CHECK_THAT(index, ContainsSubstring("<h3 id=\"threat-malicious\">"));
    CHECK_THAT(index, ContainsSubstring("editorial judgement"));
    CHECK_THAT(index, ContainsSubstring("this project&#39;s own words"));  // the notice, in the footer
    CHECK_THAT(index, ContainsSubstring("CC BY 4.0"));
}

TEST_CASE("languages: each page says its language, lists the others in their own, and marks fallback text", "[static-site]") {
    const Site& site = bundled_site();
    const std::string& root = site.find("index.html")->content;
    CHECK_THAT(root, ContainsSubstring("<a href=\"de/index.html\" hreflang=\"de\" lang=\"de\">Deutsch</a>"));
    CHECK_THAT(root, ContainsSubstring("<a href=\"da/index.html\" hreflang=\"da\" lang=\"da\">Dansk</a>"));
    CHECK(root.find("aria-current") == std::string::npos);  // no language is chosen yet
    CHECK_THAT(root, ContainsSubstring("<a href=\"../index.html\">"));

    const std::string& de_index = site.find("de/index.html")->content;
    CHECK_THAT(de_index, ContainsSubstring("hreflang=\"de\" lang=\"de\" aria-current=\"page\">Deutsch</a>"));
    CHECK_THAT(de_index, ContainsSubstring("<a href=\"../../index.html#lang=de\">"));
    const std::string& de = site.find("de/encryption.html")->content;
    CHECK_THAT(de, ContainsSubstring("<h1><span class=\"num\">Praktik 9</span> Verschlüsselung einsetzen</h1>"));
    CHECK_THAT(de, ContainsSubstring("<a class=\"skip\" href=\"#main\">Zum Inhalt springen</a>"));
    // A reader switches to the same practice in another language.
    CHECK_THAT(de, ContainsSubstring("<li><a href=\"../da/encryption.html\" hreflang=\"da\" lang=\"da\">Dansk</a></li>"));
    CHECK_THAT(de, ContainsSubstring("<a href=\"../de/encryption.html\" hreflang=\"de\" lang=\"de\" aria-current=\"page\">Deutsch</a>"));
    // The same page in each language, for search engines.
    CHECK_THAT(de, ContainsSubstring("<link rel=\"alternate\" hreflang=\"da\" href=\"../da/encryption.html\">\n"
                                     "<link rel=\"alternate\" hreflang=\"en\" href=\"../en/encryption.html\">"));
    CHECK_THAT(de_index, ContainsSubstring("<link rel=\"alternate\" hreflang=\"de\" href=\"../de/index.html\">"));

    // Danish has no translation at all: every text is English, and says so.
    const std::string& da = site.find("da/encryption.html")->content;
    CHECK_THAT(da, ContainsSubstring("<h1><span class=\"num\"><span lang=\"en\">Practice </span>9</span> <span lang=\"en\">Use encryption</span></h1>"));
    CHECK(da.find("<h2>Why") == std::string::npos);
    CHECK_THAT(da, ContainsSubstring("<h2><span lang=\"en\">Why it matters</span></h2>"));
}

TEST_CASE("a partial translation shows each missing text in English, marked as English", "[static-site]") {
    const Catalogue c = test::load_valid_catalogue(test::read_source_file("tests/data/minimal-catalogue.json"));
    Overlay content{"xx", "minimal", {{"practice.first.title", "Erste"}, {"phase.plan.name", "Planung"}}};
    Overlay ui{"xx", "", {{"detail.why", "Warum"}, {"detail.phase", "Phase {phase} hier"}}};
    StaticSiteInput in{c, {&content}, {&ui, &english_ui()}, "xx", {{"xx", "Xx"}}};
    in.app_page = "index.html";
    const std::vector<SitePage> pages = static_site_language_pages(in);
    REQUIRE(pages.size() == 4);
    const std::string& html = pages[2].content;
    CHECK(pages[2].path == "xx/first.html");
    check_page(pages[2], "xx");
    CHECK_THAT(html, ContainsSubstring("<h1><span class=\"num\"><span lang=\"en\">Practice </span>1</span> Erste</h1>"));
    CHECK_THAT(html, ContainsSubstring("<p class=\"summary\"><span lang=\"en\">Do the first thing.</span></p>"));
    CHECK_THAT(html, ContainsSubstring("<h2>Warum</h2>"));
    // The label's words keep the page's language and the placeholder's value its own.
    CHECK_THAT(html, ContainsSubstring("<p class=\"meta\">Phase <a href=\"index.html#phase-plan\">Planung</a> hier "));
    CHECK_THAT(html, ContainsSubstring("<a href=\"../index.html#lang=xx&amp;open=first\">"));
}

TEST_CASE("hostile catalogue and translation texts come out as text, never as markup", "[static-site]") {
    const std::string script = "<script>alert(1)</script>";
    const std::string style = "</style><style>body{display:none}</style>";
    const std::string attr = "\" onmouseover=\"alert(1)\" x=\"";
    const std::string single = "' onfocus='alert(1)";
    Catalogue c = test::load_valid_catalogue(test::read_source_file("tests/data/minimal-catalogue.json"));
    c.language = "en\" onload=\"alert(1)";
    c.version = script;
    c.metadata.title = script;
    c.metadata.notice = style;
    c.metadata.licence = attr;
    c.metadata.source = {single, script, attr, "javascript:alert(1)"};
    c.phases[0].name = script;
    c.phases[0].description = style;
    c.asset_types[0].name = attr;
    c.threats[0].name = single;
    c.references[0] = {"gdpr", script, attr, "law", style, "javascript:alert(1)"};
    Practice& p = c.practices[0];
    p.title = script;
    p.summary = attr;
    p.why = style + "\n\n" + single + "\r\n" + script;
    p.clauses = {script, attr};
    p.evidence = {style, single};
    p.assets.push_back({"<b>unknown</b>", Provenance::likely});
    p.phase = "<i>nowhere</i>";
    c.practices[1].id = "index";  // would overwrite the language's index page
    Practice escape = c.practices[1];
    escape.id = "../../etc/passwd";
    c.practices.push_back(escape);

    Overlay ui{"xx\" onclick=\"alert(1)", "", {{"static.skip", script}, {"app.title", attr}, {"card.practice", "<i>{number}</i>" + single}}};
    Overlay content{"xx", "minimal", {{"practice.first.summary", style}, {"metadata.title", single}}};
    StaticSiteInput in{c, {&content}, {&ui, &english_ui()}, "xx", {{"xx", script}, {"../evil", "Evil"}, {"yy\" x=\"", "Y"}}};
    in.app_page = "\"><script>alert(1)</script>";

    CHECK(static_site_language_pages({c, {}, {}, "../x", {}}).empty());
    std::vector<SitePage> pages = static_site_root_pages({c, {}, {&ui, &english_ui()}, "en", in.languages});
    for (SitePage& page : static_site_language_pages(in)) pages.push_back(std::move(page));
    REQUIRE(pages.size() == 2 + 3);  // the practices named "index" and "../../etc/passwd" are left out
    CHECK(pages[4].path == "xx/first.html");
    for (const SitePage& page : pages) {
        if (page.path == "style.css") continue;
        check_page(page, page.path == "index.html" ? "en" : "xx");
        const std::string low = lower(page.content);
        CHECK(low.find("href=\"javascript") == std::string::npos);
        CHECK(low.find("evil") == std::string::npos);
        CHECK(low.find("onclick=\"") == std::string::npos);
        CHECK(low.find("onload=\"") == std::string::npos);
    }
    const std::string& html = pages[4].content;
    CHECK_THAT(html, ContainsSubstring("&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK_THAT(html, ContainsSubstring("&lt;/style&gt;&lt;style&gt;body{display:none}&lt;/style&gt;"));
    CHECK_THAT(html, ContainsSubstring("&quot; onmouseover=&quot;alert(1)&quot; x=&quot;"));
    CHECK_THAT(html, ContainsSubstring("&#39; onfocus=&#39;alert(1)"));
    CHECK_THAT(html, ContainsSubstring("&lt;b&gt;unknown&lt;/b&gt; <span class=\"prov\">"));
    CHECK_THAT(html, ContainsSubstring("&lt;i&gt;nowhere&lt;/i&gt;"));
    CHECK_THAT(html, ContainsSubstring("<span lang=\"\">&lt;i&gt;</span>1<span lang=\"\">&lt;/i&gt;&#39; onfocus"));
    CHECK_THAT(html, ContainsSubstring(" javascript:alert(1)"));  // the reference's address, shown as text
    CHECK_THAT(pages[2].content, ContainsSubstring("javascript:alert(1)"));  // the source's, likewise
}

TEST_CASE("language codes and practice ids name files only when they are safe", "[static-site]") {
    CHECK(is_site_language_code("de"));
    CHECK(is_site_language_code("pt-BR"));
    CHECK_FALSE(is_site_language_code(""));
    CHECK_FALSE(is_site_language_code("../de"));
    CHECK_FALSE(is_site_language_code("de/x"));
    CHECK_FALSE(is_site_language_code("de.html"));
    CHECK_FALSE(is_site_language_code(std::string(36, 'a')));
    CHECK(is_site_page_id("encryption"));
    CHECK_FALSE(is_site_page_id("index"));
    CHECK_FALSE(is_site_page_id("all"));
    CHECK_FALSE(is_site_page_id("../x"));
    CHECK_FALSE(is_site_page_id("Encryption"));
}

TEST_CASE("the stylesheet keeps text readable: AA contrast in every scheme, focus shown, print and phone rules", "[static-site]") {
    const std::string css(static_site_stylesheet());
    std::size_t blocks = 0;
    for (std::size_t at = css.find(":root {"); at != std::string::npos; at = css.find(":root {", at + 1)) {
        ++blocks;
        const std::string bg = hex_colour(css, at, "--bg");
        for (const char* text : {"--fg", "--muted", "--link"}) {
            INFO("block " << blocks << ": " << text << " on --bg");
            CHECK(contrast(hex_colour(css, at, text), bg) >= 4.5);
        }
        CHECK(contrast(hex_colour(css, at, "--focus"), bg) >= 3.0);
    }
    CHECK(blocks == 3);  // light, dark, print
    CHECK_THAT(css, ContainsSubstring("@media (prefers-color-scheme: dark)"));
    CHECK_THAT(css, ContainsSubstring("@media print"));
    CHECK_THAT(css, ContainsSubstring(":focus-visible { outline: 3px solid var(--focus)"));
    CHECK_THAT(css, ContainsSubstring(".skip:focus"));
    CHECK_THAT(css, ContainsSubstring("max-width: 46rem"));
    // Colours come only from the :root blocks, so the check above covers every one.
    std::size_t hashes = 0;
    for (std::size_t at = css.find('#'); at != std::string::npos; at = css.find('#', at + 1)) ++hashes;
    CHECK(hashes == 3 * 6);
    CHECK(css.find("url(") == std::string::npos);  // nothing loaded from anywhere
}

TEST_CASE("English has every interface text the pages use, so no page shows a key", "[static-site]") {
    for (std::string_view key : static_site_interface_keys()) {
        INFO(key);
        CHECK(english_ui().find(key));
        for (const SitePage& page : bundled_site().pages) CHECK(page.content.find(">" + std::string(key) + "<") == std::string::npos);
    }
    // Without a text anywhere, the key itself shows: visible, never an empty heading.
    const Catalogue c = test::load_valid_catalogue(test::read_source_file("tests/data/minimal-catalogue.json"));
    const std::vector<SitePage> pages = static_site_language_pages({c, {}, {}, "en", {{"en", "English"}}});
    REQUIRE(!pages.empty());
    CHECK_THAT(pages[2].content, ContainsSubstring("<h2>detail.why</h2>"));
}

TEST_CASE("one page holds every practice in full, to print the whole guide at once", "[static-site]") {
    const Site& site = bundled_site();
    const SitePage* all = site.find("de/all.html");
    REQUIRE(all);
    CHECK_THAT(site.find("de/index.html")->content, ContainsSubstring("<p class=\"print\"><a href=\"all.html\">Alle Praktiken auf einer Seite, zum Drucken</a></p>"));
    // Each practice is an article titled one level below the page's title, with the same sections as its own page.
    for (const Practice& p : test::bundled_catalogue().practices) {
        INFO(p.id);
        const std::size_t at = all->content.find("<article id=\"practice-" + p.id + "\">\n<h2><span class=\"num\">Praktik " + std::to_string(p.number) + "</span> ");
        REQUIRE(at != std::string::npos);
        const std::string own = site.find("de/" + p.id + ".html")->content;
        const std::size_t own_at = own.find("<p class=\"meta\">"), own_end = own.find("</article>");
        std::string body = own.substr(own_at, own_end - own_at);
        for (std::size_t k = body.find("<h2>"); k != std::string::npos; k = body.find("<h2>", k)) body.replace(k, 4, "<h3>");
        for (std::size_t k = body.find("</h2>"); k != std::string::npos; k = body.find("</h2>", k)) body.replace(k, 5, "</h3>");
        CHECK(all->content.find(body, at) != std::string::npos);
    }
    CHECK_THAT(all->content, ContainsSubstring("<li><a href=\"all.html\" aria-current=\"page\">Alle Praktiken auf einer Seite, zum Drucken</a></li>"));
    CHECK_THAT(all->content, ContainsSubstring("<link rel=\"alternate\" hreflang=\"en\" href=\"../en/all.html\">"));
}
