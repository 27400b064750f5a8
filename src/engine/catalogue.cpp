#include "catalogue.hpp"

#include <algorithm>
#include <array>

namespace procure {

namespace {
constexpr std::array<std::pair<Provenance, std::string_view>, 4> kProvenanceNames{{
    {Provenance::official, "official"},
    {Provenance::confirmed, "confirmed"},
    {Provenance::likely, "likely"},
    {Provenance::editorial, "editorial"},
}};

template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}
}  // namespace

std::string_view to_string(Provenance p) {
    for (const auto& [value, name] : kProvenanceNames)
        if (value == p) return name;
    return "editorial";
}

std::optional<Provenance> provenance_from_string(std::string_view s) {
    for (const auto& [value, name] : kProvenanceNames)
        if (name == s) return value;
    return std::nullopt;
}

const Practice* Catalogue::find_practice(std::string_view item_id) const { return find_by_id(practices, item_id); }
const Term* Catalogue::find_phase(std::string_view item_id) const { return find_by_id(phases, item_id); }
const Term* Catalogue::find_asset_type(std::string_view item_id) const { return find_by_id(asset_types, item_id); }
const Term* Catalogue::find_threat(std::string_view item_id) const { return find_by_id(threats, item_id); }
const Reference* Catalogue::find_reference(std::string_view item_id) const { return find_by_id(references, item_id); }
const Scenario* Catalogue::find_scenario(std::string_view item_id) const { return find_by_id(scenarios, item_id); }

}  // namespace procure
