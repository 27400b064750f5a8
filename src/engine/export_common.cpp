#include "export_common.hpp"

#include <algorithm>

namespace procure::export_detail {
namespace {

bool is_space_or_control(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7F;
}

template <typename Terms>
std::vector<std::string> names(const std::vector<Link>& links, const Terms& terms) {
    std::vector<std::string> out;
    for (const Link& link : links) {
        auto it = std::find_if(terms.begin(), terms.end(), [&](const Term& t) { return t.id == link.id; });
        out.push_back(it == terms.end() ? link.id : it->name);
    }
    return out;
}

}  // namespace

const ExportLabels& labels_of(const ExportInput& in) {
    static const ExportLabels kDefaults;
    return in.labels ? *in.labels : kDefaults;
}

const std::string& status_label(const ExportLabels& labels, Status s) {
    switch (s) {
        case Status::in_tender: return labels.in_tender;
        case Status::verified: return labels.verified;
        case Status::not_applicable: return labels.not_applicable;
        case Status::not_started: break;
    }
    return labels.not_started;
}

std::vector<const Practice*> selected_practices(const ExportInput& in) {
    std::vector<const Practice*> out;
    for (std::size_t i : in.practices)
        if (i < in.catalogue.practices.size()) out.push_back(&in.catalogue.practices[i]);
    return out;
}

const ChecklistEntry* entry_of(const ExportInput& in, const Practice& p) {
    return in.checklist ? in.checklist->find(p.id) : nullptr;
}

std::string phase_name(const Catalogue& c, const Practice& p) {
    const Term* phase = c.find_phase(p.phase);
    return phase ? phase->name : p.phase;
}

std::vector<std::string> asset_names(const Catalogue& c, const Practice& p) { return names(p.assets, c.asset_types); }
std::vector<std::string> threat_names(const Catalogue& c, const Practice& p) { return names(p.threats, c.threats); }

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += separator;
        out += items[i];
    }
    return out;
}

// NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029): word processors and
// browsers break lines at them, so one-line texts treat them as white space. Returns their length.
namespace {
std::size_t unicode_line_break_at(std::string_view text, std::size_t i) {
    if (text.compare(i, 2, "\xC2\x85") == 0) return 2;
    if (text.compare(i, 3, "\xE2\x80\xA8") == 0 || text.compare(i, 3, "\xE2\x80\xA9") == 0) return 3;
    return 0;
}
}  // namespace

std::string single_line(std::string_view text) {
    std::string out;
    bool pending_space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (const std::size_t n = unicode_line_break_at(text, i)) {
            pending_space = !out.empty();
            i += n - 1;
            continue;
        }
        if (is_space_or_control(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

std::vector<std::string> text_lines(std::string_view text) {
    std::vector<std::string> lines(1);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            lines.emplace_back();
        } else {
            lines.back() += is_space_or_control(c) ? ' ' : c;
        }
    }
    for (std::string& line : lines)
        while (!line.empty() && line.back() == ' ') line.pop_back();
    return lines;
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if (!is_space_or_control(c) || c == ' ' || c == '\n' || c == '\t' || c == '\r') out += c;
        }
    }
    return out;
}

bool is_plain_web_link(std::string_view s) {
    const bool scheme = s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0;
    return scheme && s.size() <= 4096 && std::none_of(s.begin(), s.end(), [](char c) {
               return is_space_or_control(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' || c == '\\';
           });
}

}  // namespace procure::export_detail
