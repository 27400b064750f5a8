// The static site's pages. Every text from the catalogue or a translation goes through SiteText,
// which escapes it: either may come from someone else's file. No inline styles and no scripts, so the
// pages work under a strict Content-Security-Policy, and without JavaScript at all.
#include "static_site.hpp"

#include <algorithm>

#include "catalogue_loader.hpp"
#include "export_common.hpp"
#include "static_site_text.hpp"

namespace procure {
namespace {

using export_detail::html_escape;
using export_detail::is_plain_web_link;
using export_detail::single_line;
using export_detail::text_lines;
using static_site_detail::SiteText;

using Practices = std::vector<const Practice*>;

struct Head {
    std::string title;        // escaped
    std::string description;  // escaped; may be empty
    std::string root;         // the way from the page to the site's root folder: "" or "../"
    std::string alternates;   // <link rel="alternate"> to the same page in the other languages
};

// The page's own policy, for hosts that send none: no script can run, whatever a text contains.
constexpr std::string_view kPolicy = "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'";

// The frame every page shares: language, policy, phone-sized viewport, the one stylesheet, a skip link.
std::string page(const SiteText& t, const Head& head, const std::string& header, const std::string& main,
                 const std::string& footer) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + html_escape(t.page_language()) +
                      "\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"" +
                      html_escape(kPolicy) +
                      "\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                      head.title + "</title>\n";
    if (!head.description.empty()) out += "<meta name=\"description\" content=\"" + head.description + "\">\n";
    out += "<link rel=\"stylesheet\" href=\"" + head.root + "style.css\">\n" + head.alternates + "</head>\n<body>\n";
    out += "<a class=\"skip\" href=\"#main\">" + t.label("static.skip") + "</a>\n";
    if (!header.empty()) out += "<header>\n" + header + "</header>\n";
    out += "<main id=\"main\">\n" + main + "</main>\n<footer>\n" + footer + "</footer>\n</body>\n</html>\n";
    return out;
}

// The interactive app, from a page `root` away from the site's root folder, in `language` (none: the
// app picks one as usual) and opened on `practice_id`.
std::string app_href(const StaticSiteInput& in, std::string_view root, std::string_view language, std::string_view practice_id) {
    const bool relative = in.app_page.find("://") == std::string::npos && in.app_page.rfind('/', 0) != 0;
    std::string href = (relative ? std::string(root) : std::string()) + in.app_page;
    if (!language.empty()) href += "#lang=" + std::string(language);
    if (!practice_id.empty()) href += "&open=" + std::string(practice_id);
    return html_escape(href);
}

std::string key(std::string_view kind, std::string_view id, std::string_view field) {
    return std::string(kind) + "." + std::string(id) + "." + std::string(field);
}

// Only what differs from the publication is marked: the reader must never take a guess for a fact.
std::string provenance_mark(const SiteText& t, Provenance p) {
    if (p == Provenance::editorial) return " <span class=\"prov\">(" + t.label("provenance.editorial") + ")</span>";
    if (p == Provenance::likely) return " <span class=\"prov\">(" + t.label("provenance.likely") + ")</span>";
    return {};
}

std::string practice_link(const SiteText& t, const Practice& p) {
    return "<a href=\"" + html_escape(p.id) + ".html\">" + std::to_string(p.number) + ". " +
           t.content(key("practice", p.id, "title"), p.title) + "</a>";
}

std::string link_or_text(const std::string& url, const std::string& html) {
    return is_plain_web_link(url) ? "<a href=\"" + html_escape(url) + "\">" + html + "</a>" : html;
}

// Paragraphs are separated by blank lines, as in the catalogue format.
std::string paragraphs(const SiteText& t, const std::string& text_key, std::string_view text) {
    std::string out, current;
    auto flush = [&] {
        if (!current.empty()) out += "<p>" + t.content(text_key, current) + "</p>\n";
        current.clear();
    };
    for (const std::string& line : text_lines(text)) {
        if (line.empty()) flush();
        else current += (current.empty() ? "" : "\n") + line;
    }
    flush();
    return out;
}

// The kinds of term a practice links to, with the prefix of their keys and of their index anchors.
struct TermKind {
    std::string_view key;     // "asset"
    std::string_view anchor;  // "type-"
    const std::vector<Term> Catalogue::*terms;
    const std::vector<Link> Practice::*links;
};
constexpr TermKind kAssets{"asset", "type-", &Catalogue::asset_types, &Practice::assets};
constexpr TermKind kThreats{"threat", "threat-", &Catalogue::threats, &Practice::threats};

const Term* find_term(const std::vector<Term>& terms, std::string_view id) {
    auto it = std::find_if(terms.begin(), terms.end(), [&](const Term& term) { return term.id == id; });
    return it == terms.end() ? nullptr : &*it;
}

std::string footer(const SiteText& t, const Catalogue& c, std::string_view source_language) {
    std::string out;
    if (!c.metadata.notice.empty()) out += "<p>" + t.content("metadata.notice", c.metadata.notice) + "</p>\n";
    if (!c.metadata.licence.empty()) out += "<p>" + t.content("metadata.licence", c.metadata.licence) + "</p>\n";
    if (t.page_language() != source_language) out += "<p>" + t.label("about.translations") + "</p>\n";
    return out;
}

// Links to `file` in every language. `current` is the language of the page listing them; none on the
// top-level page.
std::string language_list(const StaticSiteInput& in, std::string_view root, std::string_view current,
                          std::string_view file = "index.html") {
    std::string out = "<ul class=\"languages\">\n";
    for (const SiteLanguage& l : in.languages) {
        if (!is_site_language_code(l.code)) continue;
        const std::string code = html_escape(l.code);
        out += "<li><a href=\"" + std::string(root) + code + "/" + std::string(file) + "\" hreflang=\"" + code + "\" lang=\"" + code + "\"" +
               (l.code == current ? " aria-current=\"page\"" : "") + ">" + html_escape(l.native_name) + "</a></li>\n";
    }
    return out + "</ul>\n";
}

// The same page in every language, for search engines (`file` is the page's name in its folder).
std::string alternates(const StaticSiteInput& in, std::string_view file) {
    std::string out;
    for (const SiteLanguage& l : in.languages) {
        if (!is_site_language_code(l.code)) continue;
        const std::string code = html_escape(l.code);
        out += "<link rel=\"alternate\" hreflang=\"" + code + "\" href=\"../" + code + "/" + std::string(file) + "\">\n";
    }
    return out;
}

// The same page in the other languages, for readers (a language page's header).
std::string languages_nav(const StaticSiteInput& in, const SiteText& t, const std::string& file) {
    return "<nav aria-label=\"" + t.label_plain("header.language") + "\">\n" + language_list(in, "../", in.language, html_escape(file)) +
           "</nav>\n";
}

// ---- <lang>/index.html ----

void phases_section(std::string& out, const SiteText& t, const Catalogue& c, const Practices& ps) {
    out += "<section>\n<h2 id=\"phases\">" + t.label("tab.practices") + "</h2>\n";
    if (std::any_of(ps.begin(), ps.end(), [](const Practice* p) { return p->phase_provenance == Provenance::likely; }))
        out += "<p class=\"note\">" + t.label("detail.phase_likely") + "</p>\n";
    // Catalogue order; a phase the catalogue does not list (only in a hand-made one) comes last.
    std::vector<std::string> ids;
    for (const Term& phase : c.phases) ids.push_back(phase.id);
    for (const Practice* p : ps)
        if (std::find(ids.begin(), ids.end(), p->phase) == ids.end()) ids.push_back(p->phase);
    for (const std::string& id : ids) {
        const Term* phase = c.find_phase(id);
        out += "<h3 id=\"phase-" + html_escape(id) + "\">" +
               (phase ? t.content(key("phase", id, "name"), phase->name) : html_escape(id)) + "</h3>\n";
        if (phase && !phase->description.empty())
            out += "<p>" + t.content(key("phase", id, "description"), phase->description) + "</p>\n";
        std::string items;
        for (const Practice* p : ps)
            if (p->phase == id) items += "<li>" + practice_link(t, *p) + provenance_mark(t, p->phase_provenance) + "</li>\n";
        if (!items.empty()) out += "<ul class=\"practices\">\n" + items + "</ul>\n";
    }
    out += "</section>\n";
}

void terms_section(std::string& out, const SiteText& t, const Catalogue& c, const Practices& ps, const TermKind& kind,
                   std::string_view section_id, std::string_view heading_key) {
    out += "<section>\n<h2 id=\"" + std::string(section_id) + "\">" + t.label(heading_key) + "</h2>\n";
    // When every link is editorial, as in the bundled catalogue, one note says so instead of a mark on
    // each of hundreds of entries; otherwise each entry carries its own mark.
    bool all_editorial = true;
    for (const Practice* p : ps)
        for (const Link& link : (*p).*kind.links) all_editorial &= link.provenance == Provenance::editorial;
    if (all_editorial) out += "<p class=\"note\">" + t.label("detail.editorial_links") + "</p>\n";
    for (const Term& term : c.*kind.terms) {
        out += "<h3 id=\"" + std::string(kind.anchor) + html_escape(term.id) + "\">" +
               t.content(key(kind.key, term.id, "name"), term.name) + "</h3>\n";
        if (!term.description.empty())
            out += "<p>" + t.content(key(kind.key, term.id, "description"), term.description) + "</p>\n";
        std::string items;
        for (const Practice* p : ps)
            for (const Link& link : (*p).*kind.links)
                if (link.id == term.id)
                    items += "<li>" + practice_link(t, *p) + (all_editorial ? "" : provenance_mark(t, link.provenance)) + "</li>\n";
        if (!items.empty()) out += "<ul class=\"practices\">\n" + items + "</ul>\n";
    }
    out += "</section>\n";
}

void sources_section(std::string& out, const SiteText& t, const Catalogue& c) {
    const SourcePublication& s = c.metadata.source;
    out += "<section>\n<h2 id=\"sources\">" + t.label("sources.title") + "</h2>\n<dl>\n";
    if (!s.title.empty()) {
        out += "<dt>" + t.label("sources.publication") + "</dt>\n<dd>" + link_or_text(s.url, t.source(s.title));
        if (!s.url.empty() && !is_plain_web_link(s.url)) out += " " + html_escape(s.url);
        if (!s.publisher.empty()) out += ", " + t.source(s.publisher);
        if (!s.date.empty()) out += ", " + html_escape(s.date);  // ISO 8601: no language
        out += "</dd>\n";
    }
    if (!c.version.empty()) out += "<dt>" + t.label("static.version") + "</dt>\n<dd>" + html_escape(c.version) + "</dd>\n";
    out += "</dl>\n</section>\n";
}

SitePage language_index(const StaticSiteInput& in, const SiteText& t, const Catalogue& c, const Practices& ps,
                        std::string_view source_language) {
    const std::string header = languages_nav(in, t, "index.html");
    std::string main = "<h1>" + t.content("metadata.title", c.metadata.title) + "</h1>\n<p class=\"lead\">" +
                       t.label("app.tagline") + "</p>\n<p class=\"app\"><a href=\"" + app_href(in, "../", in.language, {}) + "\">" +
                       t.label("static.open_app") + "</a></p>\n<p class=\"print\"><a href=\"all.html\">" +
                       t.label("static.all_practices") + "</a></p>\n";
    main += "<nav aria-label=\"" + t.label_plain("static.contents") + "\">\n<ul class=\"contents\">\n";
    constexpr std::pair<std::string_view, std::string_view> kContents[]{
        {"phases", "tab.practices"}, {"types", "detail.applies"}, {"threats", "detail.threats"}, {"sources", "sources.title"}};
    for (const auto& [id, label] : kContents)
        main += "<li><a href=\"#" + std::string(id) + "\">" + t.label(label) + "</a></li>\n";
    main += "</ul>\n</nav>\n";
    phases_section(main, t, c, ps);
    terms_section(main, t, c, ps, kAssets, "types", "detail.applies");
    terms_section(main, t, c, ps, kThreats, "threats", "detail.threats");
    sources_section(main, t, c);
    const Head head{html_escape(single_line(c.metadata.title)) + " \u2014 " + t.label_plain("app.title"),
                    t.label_plain("app.tagline"), "../", alternates(in, "index.html")};
    return {in.language + "/index.html", page(t, head, header, main, footer(t, c, source_language))};
}

// ---- <lang>/<practice-id>.html ----

// `h` is the tag of the headings within a practice: "h2" on its own page, "h3" among all practices.
void term_list(std::string& out, const SiteText& t, const Catalogue& c, const Practice& p, const TermKind& kind,
               std::string_view heading_key, const std::string& h) {
    const std::vector<Link>& links = p.*kind.links;
    if (links.empty()) return;
    out += "<" + h + ">" + t.label(heading_key) + "</" + h + ">\n<ul class=\"terms\">\n";
    for (const Link& link : links) {
        const Term* term = find_term(c.*kind.terms, link.id);
        out += "<li>";
        if (term)
            out += "<a href=\"index.html#" + std::string(kind.anchor) + html_escape(term->id) + "\">" +
                   t.content(key(kind.key, term->id, "name"), term->name) + "</a>";
        else
            out += html_escape(link.id);
        out += provenance_mark(t, link.provenance) + "</li>\n";
    }
    out += "</ul>\n";
}

void references(std::string& out, const SiteText& t, const Catalogue& c, const Practice& p, const std::string& h) {
    if (p.references.empty()) return;
    out += "<" + h + ">" + t.label("detail.references") + "</" + h + ">\n<ul class=\"references\">\n";
    for (const std::string& id : p.references) {
        const Reference* r = c.find_reference(id);
        if (!r) {
            out += "<li>" + html_escape(id) + "</li>\n";
            continue;
        }
        out += "<li>" + link_or_text(r->url, t.content(key("reference", id, "title"), r->title));
        if (!r->identifier.empty() && r->identifier != r->title) out += " (" + html_escape(r->identifier) + ")";
        // A link that is not plain http(s) (javascript:, data:) stays visible, as text only.
        if (!r->url.empty() && !is_plain_web_link(r->url)) out += " " + html_escape(r->url);
        if (!r->description.empty())
            out += "\n<span class=\"desc\">" + t.content(key("reference", id, "description"), r->description) + "</span>";
        out += "</li>\n";
    }
    out += "</ul>\n";
}

std::string pager(const SiteText& t, const Practice* previous, const Practice* next) {
    if (!previous && !next) return {};
    std::string out = "<nav class=\"pager\" aria-label=\"" + t.label_plain("static.practice_nav") + "\">\n<ul>\n";
    auto item = [&](const Practice* p, std::string_view rel, std::string_view label) {
        if (!p) return;
        out += "<li class=\"" + std::string(rel) + "\"><a rel=\"" + std::string(rel) + "\" href=\"" + html_escape(p->id) +
               ".html\"><span class=\"dir\">" + t.label(label) + "</span> " + std::to_string(p->number) + ". " +
               t.content(key("practice", p->id, "title"), p->title) + "</a></li>\n";
    };
    item(previous, "prev", "static.previous");
    item(next, "next", "static.next");
    return out + "</ul>\n</nav>\n";
}

// A practice in full, titled at heading `level`: 1 on its own page, 2 on the page with all of them.
std::string practice_article(const SiteText& t, const Catalogue& c, const Practice& p, int level) {
    const std::string h = "h" + std::to_string(level), sub = "h" + std::to_string(level + 1);
    std::string out = (level == 1 ? "<article>\n<" : "<article id=\"practice-" + html_escape(p.id) + "\">\n<") + h +
                      "><span class=\"num\">" + t.label("card.practice", {{"number", std::to_string(p.number)}}) + "</span> " +
                      t.content(key("practice", p.id, "title"), p.title) + "</" + h + ">\n";
    const Term* phase = c.find_phase(p.phase);
    const std::string phase_html = phase ? "<a href=\"index.html#phase-" + html_escape(p.phase) + "\">" +
                                               t.content(key("phase", p.phase, "name"), phase->name) + "</a>"
                                         : html_escape(p.phase);
    out += "<p class=\"meta\">" + t.label("detail.phase", {{"phase", phase_html}}) + provenance_mark(t, p.phase_provenance) + "</p>\n";
    if (!p.summary.empty()) out += "<p class=\"summary\">" + t.content(key("practice", p.id, "summary"), p.summary) + "</p>\n";
    if (!p.why.empty())
        out += "<" + sub + ">" + t.label("detail.why") + "</" + sub + ">\n" + paragraphs(t, key("practice", p.id, "why"), p.why);
    auto list = [&](std::string_view tag, std::string_view field, const std::vector<std::string>& items, std::string_view heading) {
        if (items.empty()) return;
        out += "<" + sub + ">" + t.label(heading) + "</" + sub + ">\n<" + std::string(tag) + " class=\"" + std::string(field) + "\">\n";
        for (std::size_t k = 0; k < items.size(); ++k)
            out += "<li>" + t.content(key("practice", p.id, field) + "." + std::to_string(k), items[k]) + "</li>\n";
        out += "</" + std::string(tag) + ">\n";
    };
    list("ol", "clauses", p.clauses, "detail.how");
    list("ul", "evidence", p.evidence, "detail.evidence");
    term_list(out, t, c, p, kAssets, "detail.applies", sub);
    term_list(out, t, c, p, kThreats, "detail.threats", sub);
    references(out, t, c, p, sub);
    return out + "</article>\n";
}

std::string crumbs(const SiteText& t, const Catalogue& c, const std::string& file, const std::string& title) {
    return "<nav class=\"crumbs\" aria-label=\"" + t.label_plain("static.breadcrumb") + "\">\n<ol>\n<li><a href=\"index.html\">" +
           t.content("metadata.title", c.metadata.title) + "</a></li>\n<li><a href=\"" + file + "\" aria-current=\"page\">" + title +
           "</a></li>\n</ol>\n</nav>\n";
}

SitePage practice_page(const StaticSiteInput& in, const SiteText& t, const Catalogue& c, const Practices& ps,
                       std::size_t i, std::string_view source_language) {
    const Practice& p = *ps[i];
    const std::string header = crumbs(t, c, html_escape(p.id) + ".html", t.content(key("practice", p.id, "title"), p.title)) +
                               languages_nav(in, t, p.id + ".html");
    std::string main = practice_article(t, c, p, 1);
    main += pager(t, i > 0 ? ps[i - 1] : nullptr, i + 1 < ps.size() ? ps[i + 1] : nullptr);
    main += "<p class=\"app\"><a href=\"" + app_href(in, "../", in.language, p.id) + "\">" + t.label("static.open_practice") + "</a></p>\n";

    const Head head{html_escape(std::to_string(p.number) + ". " + single_line(p.title) + " \u2014 " + single_line(c.metadata.title)),
                    html_escape(single_line(p.summary)), "../", alternates(in, p.id + ".html")};
    return {in.language + "/" + p.id + ".html", page(t, head, header, main, footer(t, c, source_language))};
}

// ---- <lang>/all.html: every practice on one page, to print the whole guide at once ----

SitePage all_page(const StaticSiteInput& in, const SiteText& t, const Catalogue& c, const Practices& ps,
                  std::string_view source_language) {
    std::string main = "<h1>" + t.content("metadata.title", c.metadata.title) + "</h1>\n";
    for (const Practice* p : ps) main += practice_article(t, c, *p, 2);
    const Head head{html_escape(single_line(c.metadata.title)) + " \u2014 " + t.label_plain("static.all_practices"),
                    t.label_plain("app.tagline"), "../", alternates(in, "all.html")};
    const std::string header = crumbs(t, c, "all.html", t.label("static.all_practices")) + languages_nav(in, t, "all.html");
    return {in.language + "/all.html", page(t, head, header, main, footer(t, c, source_language))};
}

std::string source_language_of(const Catalogue& c) { return c.language.empty() ? "en" : c.language; }

}  // namespace

bool is_site_page_id(std::string_view id) { return is_valid_id(id) && id != "index" && id != "all"; }

bool is_site_language_code(std::string_view code) {
    return !code.empty() && code.size() <= 35 && std::all_of(code.begin(), code.end(), [](char ch) {
               return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-';
           });
}

std::vector<SitePage> static_site_language_pages(const StaticSiteInput& in) {
    if (!is_site_language_code(in.language)) return {};
    const std::string source_language = source_language_of(in.catalogue);
    const Catalogue c = localise(in.catalogue, in.content_chain);
    const SiteText t(in, source_language);
    Practices ps;
    for (const Practice& p : c.practices)
        if (is_site_page_id(p.id)) ps.push_back(&p);

    std::vector<SitePage> pages{language_index(in, t, c, ps, source_language), all_page(in, t, c, ps, source_language)};
    for (std::size_t i = 0; i < ps.size(); ++i) pages.push_back(practice_page(in, t, c, ps, i, source_language));
    return pages;
}

std::vector<SitePage> static_site_root_pages(const StaticSiteInput& in) {
    const std::string source_language = source_language_of(in.catalogue);
    const Catalogue c = localise(in.catalogue, in.content_chain);
    const SiteText t(in, source_language);
    const std::string main = "<h1>" + t.label("app.title") + "</h1>\n<p class=\"lead\">" + t.label("app.tagline") +
                             "</p>\n<nav aria-label=\"" + t.label_plain("header.language") + "\">\n" + language_list(in, "", {}) +
                             "</nav>\n<p class=\"app\"><a href=\"" + app_href(in, "", {}, {}) + "\">" + t.label("static.open_app") +
                             "</a></p>\n";
    const Head head{t.label_plain("app.title"), t.label_plain("app.tagline"), "", {}};
    return {{"index.html", page(t, head, {}, main, footer(t, c, source_language))},
            {"style.css", std::string(static_site_stylesheet())}};
}

}  // namespace procure
