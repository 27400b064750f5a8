// The spreadsheet export. Hospital staff open it in Excel or LibreOffice, so besides RFC 4180 it
// guards against formula injection: a note or a hand-made catalogue must not run anything there.
#include <string>
#include <string_view>
#include <vector>

#include "checklist_file.hpp"
#include "export.hpp"
#include "export_common.hpp"

namespace procure {
namespace {

using namespace export_detail;

// OWASP's list of characters that make a spreadsheet read a cell as a formula or a command.
bool starts_like_formula(std::string_view text) {
    if (text.empty()) return false;
    const char c = text.front();
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

std::string cell(std::string_view text) {
    std::string value = starts_like_formula(text) ? "'" : "";
    // Other control characters (NUL above all) end a cell early in some readers and mean nothing here.
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') value += c;
    // ';' is not special in RFC 4180, but spreadsheets in comma-decimal locales split on it.
    if (value.find_first_of(",;\"\r\n") == std::string::npos) return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

void row(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += cell(fields[i]);
    }
    out += "\r\n";
}

std::string numbered(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += '\n';
        out += std::to_string(i + 1) + ". " + items[i];
    }
    return out;
}

}  // namespace

std::string export_csv(const ExportInput& in) {
    const ExportLabels& l = labels_of(in);
    // The BOM makes Excel read UTF-8 instead of the local code page.
    std::string out = "\xEF\xBB\xBF";
    row(out, {l.number, l.id, l.title, l.phase, l.asset_types, l.threats, l.summary, l.clauses, l.evidence, l.status,
              l.note, l.last_changed});
    for (const Practice* p : selected_practices(in)) {
        const ChecklistEntry* entry = entry_of(in, *p);
        row(out, {std::to_string(p->number), p->id, p->title, phase_name(in.catalogue, *p),
                  join(asset_names(in.catalogue, *p), "; "), join(threat_names(in.catalogue, *p), "; "), p->summary,
                  numbered(p->clauses), join(p->evidence, "\n"), status_label(l, entry ? entry->status : Status::not_started),
                  entry ? entry->note : "", entry ? format_timestamp(entry->changed_at_ms) : ""});
    }
    return out;
}

}  // namespace procure
