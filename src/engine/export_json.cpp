// The machine-readable export: everything the other exports show, with ids next to names, so other
// tools (a tender system, a GRC tool) can read it without the catalogue.
#include <string>

#include <nlohmann/json.hpp>

#include "checklist_file.hpp"
#include "export.hpp"
#include "export_common.hpp"

namespace procure {
namespace {

using namespace export_detail;
using Json = nlohmann::ordered_json;  // keys in the order written, for stable diffs

Json links(const std::vector<Link>& items, const std::vector<std::string>& names) {
    Json out = Json::array();
    for (std::size_t i = 0; i < items.size(); ++i)
        out.push_back({{"id", items[i].id}, {"name", names[i]}, {"provenance", to_string(items[i].provenance)}});
    return out;
}

Json references(const Catalogue& c, const Practice& p) {
    Json out = Json::array();
    for (const std::string& id : p.references) {
        const Reference* r = c.find_reference(id);
        if (!r) {
            out.push_back({{"id", id}});
            continue;
        }
        out.push_back({{"id", r->id}, {"title", r->title}, {"identifier", r->identifier}, {"kind", r->kind}, {"url", r->url}});
    }
    return out;
}

Json checklist_entry(const ChecklistEntry* entry) {
    if (!entry) return {{"status", to_string(Status::not_started)}, {"note", ""}, {"changed_at", nullptr}};
    return {{"status", to_string(entry->status)}, {"note", entry->note}, {"changed_at", format_timestamp(entry->changed_at_ms)}};
}

Json practice(const ExportInput& in, const Practice& p) {
    const Catalogue& c = in.catalogue;
    Json out;
    out["id"] = p.id;
    out["number"] = p.number;
    out["title"] = p.title;
    out["phase"] = {{"id", p.phase}, {"name", phase_name(c, p)}, {"provenance", to_string(p.phase_provenance)}};
    out["summary"] = p.summary;
    out["why"] = p.why;
    out["clauses"] = p.clauses;
    out["evidence"] = p.evidence;
    out["asset_types"] = links(p.assets, asset_names(c, p));
    out["threats"] = links(p.threats, threat_names(c, p));
    out["references"] = references(c, p);
    out["checklist"] = checklist_entry(entry_of(in, p));
    return out;
}

}  // namespace

std::string export_json(const ExportInput& in) {
    const Catalogue& c = in.catalogue;
    Json doc;
    doc["format"] = "hospital-procurement-export";
    doc["format_version"] = 1;
    doc["catalogue"] = {{"id", c.id},
                        {"version", c.version},
                        {"language", c.language},
                        {"title", c.metadata.title},
                        {"licence", c.metadata.licence},
                        {"notice", c.metadata.notice}};
    doc["generated_at"] = in.generated_at;
    doc["filter_summary"] = in.filter_summary;
    doc["share_link"] = in.share_link;
    doc["practices"] = Json::array();
    for (const Practice* p : selected_practices(in)) doc["practices"].push_back(practice(in, *p));
    // `replace`: a note with broken UTF-8 must not abort the export.
    return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace procure
