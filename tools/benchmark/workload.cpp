#include "workload.hpp"

#include <string_view>

namespace bench {
namespace {

struct Filters {
    std::vector<std::string> phases, assets, threats;
};

procure::Query query(std::string text, const Filters& f) {
    procure::Query q;
    q.text = std::move(text);
    q.facets.phases = f.phases;
    q.facets.assets = f.assets;
    q.facets.threats = f.threats;
    return q;
}

// One query per keystroke: every prefix of `text` that ends on a code point boundary.
void type(std::vector<WorkloadQuery>& out, std::string_view text, const Filters& f) {
    std::vector<std::size_t> ends;
    for (std::size_t i = 1; i <= text.size(); ++i)
        if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ends.push_back(i);
    for (std::size_t k = 0; k < ends.size(); ++k)
        out.push_back({std::string(text) + " " + std::to_string(k + 1) + "/" + std::to_string(ends.size()),
                       query(std::string(text.substr(0, ends[k])), f)});
}

void ask(std::vector<WorkloadQuery>& out, std::string text, const Filters& f, std::string label = {}) {
    if (label.empty()) label = text;
    out.push_back({std::move(label), query(std::move(text), f)});
}

}  // namespace

std::vector<WorkloadQuery> make_workload() {
    std::vector<WorkloadQuery> w;
    // Typing, letter by letter; the Greek, Bulgarian and Czech words without their accents, as people
    // type them on a keyboard set to another language.
    type(w, "encryption", {});
    type(w, "supplier access", {{}, {"medical_devices"}, {}});
    type(w, "ασφαλεια", {{}, {}, {"malicious"}});
    type(w, "доставчик", {{"source"}, {}, {}});
    type(w, "sifrovani", {{"plan", "source"}, {"cloud_services"}, {}});
    // Whole queries: several words, phrases in two kinds of quotes, a typo, and filters alone.
    ask(w, "patch management policy", {});
    ask(w, "backup recovery test", {{}, {"clinical_information_systems", "networking_equipment"}, {"natural", "system"}});
    ask(w, "\"remote access\"", {});
    ask(w, "\"remote access\" vendor", {{"manage"}, {}, {}});
    ask(w, "bezpieczenstwo danych", {{}, {"medical_devices"}, {}});
    ask(w, "Αξιολόγηση κινδύνου", {});
    ask(w, "\u201Evzd\u00E1len\u00FD p\u0159\u00EDstup\u201C", {{}, {}, {"malicious"}});
    ask(w, "encrpytion", {});
    ask(w, "", {}, "(nothing: the first screen)");
    ask(w, "", {{"general"}, {}, {}}, "(phase filter only)");
    ask(w, "", {{}, {"medical_devices", "cloud_services"}, {"human"}}, "(two types and a threat)");
    return w;
}

nlohmann::ordered_json workload_to_json(const std::vector<WorkloadQuery>& workload) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const WorkloadQuery& q : workload)
        list.push_back({{"label", q.label},
                        {"text", q.query.text},
                        {"phases", q.query.facets.phases},
                        {"assets", q.query.facets.assets},
                        {"threats", q.query.facets.threats}});
    return {{"queries", std::move(list)}};
}

Signature signature_of(const procure::Results& results, const procure::Catalogue& catalogue) {
    Signature s;
    s.count = results.items.size();
    for (const auto* facet : {&results.facets.phases, &results.facets.assets, &results.facets.threats, &results.facets.statuses})
        for (const procure::FacetOption& o : *facet) s.facets.push_back(o.count);
    for (std::size_t i = 0; i < results.items.size() && i < kTopResults; ++i)
        s.top.push_back(catalogue.practices[results.items[i].practice].id);
    return s;
}

nlohmann::ordered_json to_json(const Signature& s) {
    return {{"count", s.count}, {"facets", s.facets}, {"top", s.top}};
}

}  // namespace bench
