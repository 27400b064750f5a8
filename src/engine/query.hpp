// What the user asks for: facet selections, checklist statuses and free text.
// Semantics (shown to the user too): options within a facet are OR-ed, facets are AND-ed, and every
// word of the free text must match (a quoted phrase matches as a whole).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue.hpp"

namespace procure {

// The user's progress on one practice.
enum class Status : std::uint8_t { not_started, in_tender, verified, not_applicable };
inline constexpr Status kAllStatuses[] = {Status::not_started, Status::in_tender, Status::verified, Status::not_applicable};

std::string_view to_string(Status s);  // "not_started", "in_tender", "verified", "not_applicable"
std::optional<Status> status_from_string(std::string_view s);

struct Query {
    FacetSelection facets;         // phases, assets, threats: ids of selected options
    std::vector<Status> statuses;  // selected checklist statuses
    std::string text;              // free text as typed

    bool empty() const {
        return facets.phases.empty() && facets.assets.empty() && facets.threats.empty() && statuses.empty() && text.empty();
    }
};

}  // namespace procure
