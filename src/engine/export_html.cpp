// The printable report: one self-contained HTML file that a browser prints to PDF. No scripts and no
// external resources, so it opens the same offline, in a mail attachment or years later; every text
// from the catalogue or the checklist is escaped, because either may come from someone else's file.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "checklist_file.hpp"
#include "export.hpp"
#include "export_common.hpp"
#include "report_style.hpp"  // generated from report.css by CMake

namespace procure {
namespace {

using namespace export_detail;

// Print-first: @page margins, a practice's clauses kept on one page, table headers repeated on every
// page. Status colours are a second cue only; the label is always written out.
// The stylesheet lives in report.css: the site's Content-Security-Policy allows it by its hash.
constexpr std::string_view kStyle = kReportStyle;

// Element content and attribute values alike (export_common.hpp).
std::string esc(std::string_view s) { return html_escape(s); }

std::string element(std::string_view tag, std::string_view text, std::string_view cls = {}) {
    std::string out = "<" + std::string(tag);
    if (!cls.empty()) out += " class=\"" + std::string(cls) + "\"";
    return out + ">" + esc(text) + "</" + std::string(tag) + ">";
}

// Only http(s) becomes a link; anything else (javascript:, data:, file:) stays visible as text.
std::string link_or_text(const std::string& url, const std::string& text) {
    if (is_plain_web_link(url)) return "<a href=\"" + esc(url) + "\">" + esc(text) + "</a>";
    return esc(text);
}

std::string status_badge(const ExportLabels& l, Status s) {
    return "<span class=\"status status-" + std::string(to_string(s)) + "\">" + esc(status_label(l, s)) + "</span>";
}

std::string provenance_marker(const ExportLabels& l, Provenance p) {
    if (p == Provenance::editorial) return " <span class=\"prov\">(" + esc(l.editorial) + ")</span>";
    if (p == Provenance::likely) return " <span class=\"prov\">(" + esc(l.likely) + ")</span>";
    return {};
}

std::string anchor(const Practice& p) { return "p-" + esc(p.id); }

Status status_of(const ExportInput& in, const Practice& p) {
    const ChecklistEntry* e = entry_of(in, p);
    return e ? e->status : Status::not_started;
}

void header(std::string& out, const ExportInput& in, const ExportLabels& l) {
    const Catalogue& c = in.catalogue;
    out += "<header>\n" + element("h1", l.document_title) + "\n<dl class=\"facts\">\n";
    out += "<dt>" + esc(l.catalogue) + "</dt><dd>" + esc(c.metadata.title);
    if (!c.version.empty()) out += ", " + esc(l.version) + " " + esc(c.version);
    out += "</dd>\n";
    const SourcePublication& s = c.metadata.source;
    if (!s.title.empty()) {
        out += "<dt>" + esc(l.source) + "</dt><dd>" + link_or_text(s.url, s.title);
        for (const std::string* part : {&s.publisher, &s.date})
            if (!part->empty()) out += ", " + esc(*part);
        out += "</dd>\n";
    }
    out += "<dt>" + esc(l.generated) + "</dt><dd>" + esc(in.generated_at) + "</dd>\n";
    const std::string filters = single_line(in.filter_summary);
    out += "<dt>" + esc(l.filters) + "</dt><dd>" + esc(filters.empty() ? l.no_filters : filters) + "</dd>\n";
    if (!in.share_link.empty()) out += "<dt>" + esc(l.share_link) + "</dt><dd>" + link_or_text(in.share_link, in.share_link) + "</dd>\n";
    out += "</dl>\n</header>\n";
}

void overview(std::string& out, const ExportInput& in, const ExportLabels& l, const std::vector<const Practice*>& ps) {
    out += "<section class=\"overview\">\n" + element("h2", l.overview) + "\n<table>\n<thead><tr>";
    for (const std::string* h : {&l.number, &l.title, &l.phase, &l.status}) out += "<th scope=\"col\">" + esc(*h) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const Practice* p : ps) {
        out += "<tr><td class=\"num\">" + std::to_string(p->number) + "</td><td><a href=\"#" + anchor(*p) + "\">" +
               esc(p->title) + "</a></td><td>" + esc(phase_name(in.catalogue, *p)) + "</td><td>" +
               status_badge(l, status_of(in, *p)) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n</section>\n";
}

bool links_to(const Practice& p, const std::string& asset) {
    for (const Link& link : p.assets)
        if (link.id == asset) return true;
    return false;
}

// Rows grouped by phase in catalogue order, keeping the display order within each phase; a phase the
// catalogue does not list (only possible in a hand-made one) comes last under its id.
std::vector<std::pair<std::string, std::vector<const Practice*>>> by_phase(const Catalogue& c,
                                                                           const std::vector<const Practice*>& ps) {
    std::vector<std::pair<std::string, std::vector<const Practice*>>> groups;
    for (const Term& phase : c.phases) groups.push_back({phase.id, {}});
    for (const Practice* p : ps) {
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == p->phase; });
        if (it == groups.end()) it = groups.emplace(groups.end(), p->phase, std::vector<const Practice*>{});
        it->second.push_back(p);
    }
    std::erase_if(groups, [](const auto& g) { return g.second.empty(); });
    return groups;
}

void matrix(std::string& out, const ExportInput& in, const ExportLabels& l, const std::vector<const Practice*>& ps) {
    const Catalogue& c = in.catalogue;
    const std::size_t columns = c.asset_types.size() + 3;
    out += "<section class=\"matrix\">\n" + element("h2", l.matrix_title) + "\n" + element("p", l.matrix_legend) +
           "\n<table class=\"matrix\">\n<thead><tr><th scope=\"col\">" + esc(l.number) + "</th><th scope=\"col\">" +
           esc(l.title) + "</th>";
    // Names written bottom-to-top keep ten columns within a printed page.
    for (const Term& t : c.asset_types) out += "<th scope=\"col\" class=\"type\"><span>" + esc(t.name) + "</span></th>";
    out += "<th scope=\"col\">" + esc(l.status) + "</th></tr></thead>\n";
    for (const auto& [phase_id, members] : by_phase(c, ps)) {
        const Term* phase = c.find_phase(phase_id);
        out += "<tbody>\n<tr class=\"phase\"><th scope=\"colgroup\" colspan=\"" + std::to_string(columns) + "\">" +
               esc(phase ? phase->name : phase_id) + "</th></tr>\n";
        for (const Practice* p : members) {
            out += "<tr><td class=\"num\">" + std::to_string(p->number) + "</td><td>" + esc(p->title) + "</td>";
            for (const Term& t : c.asset_types)
                out += links_to(*p, t.id) ? "<td class=\"mark\">\u25CF</td>" : "<td class=\"mark\"></td>";
            out += "<td>" + status_badge(l, status_of(in, *p)) + "</td></tr>\n";
        }
        out += "</tbody>\n";
    }
    out += "</table>\n</section>\n";
}

template <typename Terms>
std::string linked_terms(const std::vector<Link>& links, const Terms& terms, const ExportLabels& l) {
    std::string out = "<ul class=\"terms\">\n";
    for (const Link& link : links) {
        auto it = std::find_if(terms.begin(), terms.end(), [&](const Term& t) { return t.id == link.id; });
        out += "<li>" + esc(it == terms.end() ? link.id : it->name) + provenance_marker(l, link.provenance) + "</li>\n";
    }
    return out + "</ul>\n";
}

std::string list(std::string_view tag, const std::vector<std::string>& items, std::string_view cls = {}) {
    std::string out = "<" + std::string(tag) + (cls.empty() ? "" : " class=\"" + std::string(cls) + "\"") + ">\n";
    for (const std::string& item : items) out += element("li", item) + "\n";
    return out + "</" + std::string(tag) + ">\n";
}

// Paragraphs are separated by blank lines, as in the catalogue format.
std::string paragraphs(std::string_view text) {
    std::string out, current;
    for (const std::string& line : text_lines(text)) {
        if (!line.empty()) {
            current += (current.empty() ? "" : "\n") + line;
        } else if (!current.empty()) {
            out += element("p", current) + "\n";
            current.clear();
        }
    }
    if (!current.empty()) out += element("p", current) + "\n";
    return out;
}

void references(std::string& out, const Catalogue& c, const Practice& p, const ExportLabels& l) {
    if (p.references.empty()) return;
    out += element("h3", l.references) + "\n<ul>\n";
    for (const std::string& id : p.references) {
        const Reference* r = c.find_reference(id);
        if (!r) {
            out += element("li", id) + "\n";
            continue;
        }
        out += "<li>" + link_or_text(r->url, r->title);
        if (!r->identifier.empty() && r->identifier != r->title) out += " (" + esc(r->identifier) + ")";
        if (!r->url.empty() && !is_plain_web_link(r->url)) out += " " + esc(r->url);
        out += "</li>\n";
    }
    out += "</ul>\n";
}

void checklist(std::string& out, const ExportInput& in, const Practice& p, const ExportLabels& l) {
    const ChecklistEntry* e = entry_of(in, p);
    out += element("h3", l.checklist) + "\n<dl class=\"facts\">\n<dt>" + esc(l.status) + "</dt><dd>" +
           status_badge(l, e ? e->status : Status::not_started) + "</dd>\n";
    if (e && e->changed_at_ms != 0)
        out += "<dt>" + esc(l.last_changed) + "</dt><dd>" + esc(format_timestamp(e->changed_at_ms)) + "</dd>\n";
    if (e && !e->note.empty()) out += "<dt>" + esc(l.note) + "</dt><dd><p class=\"note\">" + esc(e->note) + "</p></dd>\n";
    out += "</dl>\n";
}

void practice(std::string& out, const ExportInput& in, const Practice& p, const ExportLabels& l) {
    const Catalogue& c = in.catalogue;
    out += "<section class=\"practice\" id=\"" + anchor(p) + "\">\n<h2><span class=\"num\">" + std::to_string(p.number) +
           ".</span> " + esc(p.title) + "</h2>\n";
    out += "<p class=\"meta\">" + esc(l.phase) + ": " + esc(phase_name(c, p)) + provenance_marker(l, p.phase_provenance) + "</p>\n";
    if (!p.summary.empty()) out += element("p", p.summary, "summary") + "\n";
    if (!p.why.empty()) out += element("h3", l.why) + "\n" + paragraphs(p.why);
    if (!p.clauses.empty()) out += element("h3", l.clauses) + "\n" + list("ol", p.clauses, "clauses");
    if (!p.evidence.empty()) out += element("h3", l.evidence) + "\n" + list("ul", p.evidence);
    if (!p.assets.empty()) out += element("h3", l.asset_types) + "\n" + linked_terms(p.assets, c.asset_types, l);
    if (!p.threats.empty()) out += element("h3", l.threats) + "\n" + linked_terms(p.threats, c.threats, l);
    references(out, c, p, l);
    checklist(out, in, p, l);
    out += "</section>\n";
}

}  // namespace

std::string export_html_report(const ExportInput& in) {
    const ExportLabels& l = labels_of(in);
    const Catalogue& c = in.catalogue;
    // A practice listed twice would repeat its anchor id; once is what the reader wants anyway.
    std::vector<const Practice*> ps;
    for (const Practice* p : selected_practices(in))
        if (std::find(ps.begin(), ps.end(), p) == ps.end()) ps.push_back(p);

    std::string out = "<!DOCTYPE html>\n<html";
    if (!c.language.empty()) out += " lang=\"" + esc(c.language) + "\"";
    out += ">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + esc(l.document_title) + (c.metadata.title.empty() ? "" : " \u2014 " + esc(c.metadata.title)) + "</title>\n";
    out += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
    header(out, in, l);
    out += "<main>\n";
    if (ps.empty()) {
        out += element("p", l.no_practices) + "\n";
    } else {
        overview(out, in, l, ps);
        matrix(out, in, l, ps);
        for (const Practice* p : ps) practice(out, in, *p, l);
    }
    out += "</main>\n<footer>\n";
    if (!c.metadata.notice.empty()) out += element("p", c.metadata.notice) + "\n";
    if (!c.metadata.licence.empty()) out += element("p", c.metadata.licence) + "\n";
    out += "</footer>\n</body>\n</html>\n";
    return out;
}

}  // namespace procure
