// Exports of the current selection with its checklist state. Pure functions: the caller passes
// everything, including the time stamp, so each output can be compared with a golden file.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "catalogue.hpp"
#include "checklist.hpp"

namespace procure {

struct ExportInput {
    const Catalogue& catalogue;          // already localised into the export's language
    std::vector<std::size_t> practices;  // indices into catalogue.practices, in display order
    const Checklist* checklist = nullptr;
    std::string generated_at;            // ISO 8601, e.g. "2026-12-03T10:15:00Z"
    std::string filter_summary;          // the filters in words, e.g. "Phase: Plan; Threat: Malicious actions"
    std::string share_link;              // link that reopens this view; may be empty
};

}  // namespace procure
