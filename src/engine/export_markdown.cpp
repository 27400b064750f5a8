// The readable document. Every text from a note or a catalogue is escaped, because the file may be
// rendered by a wiki, a Git host or an intranet page: a note must not turn into a link, HTML or a heading.
#include <string>
#include <string_view>
#include <vector>

#include "checklist_file.hpp"
#include "export.hpp"
#include "export_common.hpp"

namespace procure {
namespace {

using namespace export_detail;

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Escapes one line of text. CommonMark lets any ASCII punctuation be backslash-escaped, so escaping
// too much is harmless while escaping too little is not.
std::string escape_line(std::string_view line) {
    std::string out;
    std::size_t start = 0;
    while (start < line.size() && line[start] == ' ') ++start;  // indentation would make a code block
    line.remove_prefix(start);
    // At the start of a line these open a list, a setext heading underline or a thematic break.
    if (!line.empty() && (line.front() == '-' || line.front() == '+' || line.front() == '=')) out += '\\';
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    const bool ordered_marker = digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')');
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        const bool special = std::string_view("\\`*_[]<>#|~").find(c) != std::string_view::npos;
        const bool entity = c == '&' && i + 1 < line.size() && (is_ascii_alnum(line[i + 1]) || line[i + 1] == '#');
        if (special || entity || (ordered_marker && i == digits)) out += '\\';
        out += c;
    }
    return out;
}

// For one-paragraph texts: titles, summaries, clauses, labels.
std::string md(std::string_view text) { return escape_line(single_line(text)); }

// Keeps the note's own line breaks (as hard breaks) and blank lines (as paragraph breaks).
std::string md_multiline(std::string_view text) {
    std::string out;
    bool in_paragraph = false, blank_pending = false;
    for (const std::string& line : text_lines(text)) {
        const std::string escaped = escape_line(line);
        if (escaped.empty()) {
            blank_pending = in_paragraph;
            continue;
        }
        if (in_paragraph) out += blank_pending ? "\n\n" : "\\\n";
        out += escaped;
        in_paragraph = true;
        blank_pending = false;
    }
    return out;
}

std::string field(std::string_view label, std::string_view value_markdown) {
    return "- **" + md(label) + ":** " + std::string(value_markdown) + "\n";
}

void write_practice(std::string& out, const ExportInput& in, const ExportLabels& l, const Practice& p) {
    const ChecklistEntry* entry = entry_of(in, p);
    out += "## " + std::to_string(p.number) + ". " + md(p.title) + "\n\n";
    out += field(l.phase, md(phase_name(in.catalogue, p)));
    out += field(l.status, md(status_label(l, entry ? entry->status : Status::not_started)));
    if (entry) out += field(l.last_changed, format_timestamp(entry->changed_at_ms));
    out += "\n" + md(p.summary) + "\n\n";
    out += "**" + md(l.clauses) + ":**\n\n";
    for (std::size_t i = 0; i < p.clauses.size(); ++i) out += std::to_string(i + 1) + ". " + md(p.clauses[i]) + "\n";
    out += "\n**" + md(l.evidence) + ":**\n\n";
    for (const std::string& item : p.evidence) out += "- " + md(item) + "\n";
    out += "\n";
    if (entry && !single_line(entry->note).empty()) out += "**" + md(l.note) + ":**\n\n" + md_multiline(entry->note) + "\n\n";
}

}  // namespace

std::string export_markdown(const ExportInput& in) {
    const ExportLabels& l = labels_of(in);
    const Catalogue& c = in.catalogue;
    std::string out = "# " + md(l.document_title) + "\n\n";
    out += field(l.catalogue, md(c.metadata.title + ", " + l.version + " " + c.version));
    out += field(l.generated, md(in.generated_at));
    out += field(l.filters, md(in.filter_summary.empty() ? l.no_filters : in.filter_summary));
    // An autolink is taken literally, so only a link that cannot break out of <...> is written as one.
    if (!in.share_link.empty())
        out += field(l.share_link, is_plain_web_link(in.share_link) ? "<" + in.share_link + ">" : md(in.share_link));
    out += "\n";
    const std::vector<const Practice*> practices = selected_practices(in);
    if (practices.empty()) out += md(l.no_practices) + "\n\n";
    for (const Practice* p : practices) write_practice(out, in, l, *p);
    out += "---\n\n";
    const SourcePublication& s = c.metadata.source;
    out += "**" + md(l.source) + ":** " + md(s.title + " (" + s.publisher + ", " + s.date + ")") + "\n\n";
    out += md(c.metadata.notice) + "\n\n";
    out += md(c.metadata.licence) + "\n";
    return out;
}

}  // namespace procure
