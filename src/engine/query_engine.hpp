// Answers a Query over one (localised) catalogue: the matching practices in display order, and for
// every option of every facet the number of results the query would have with that option toggled,
// as e-commerce faceted search does. The interface shows those counts and dims options that lead nowhere.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "catalogue.hpp"
#include "practice_set.hpp"
#include "query.hpp"
#include "search_index.hpp"
#include "search_query.hpp"

namespace procure {

struct FacetOption {
    std::string id;            // term id, or the status name for the status facet
    std::size_t count = 0;     // results if this option were toggled
    bool selected = false;
};

struct FacetCounts {
    std::vector<FacetOption> phases, assets, threats, statuses;  // in catalogue order (statuses: kAllStatuses order)
};

struct ResultItem {
    std::size_t practice = 0;  // index into catalogue.practices
    std::uint16_t score = 0;   // search relevance; 0 without search text
};

struct Results {
    std::vector<ResultItem> items;  // ranked by relevance when searching, else catalogue order; ties keep catalogue order
    FacetCounts facets;
    SearchQuery search;             // the parsed free text (terms and what was ignored)
    std::vector<std::string> unknown_ids;  // selected ids the catalogue does not know (ignored)
};

class QueryEngine {
public:
    // The catalogue must outlive the engine.
    explicit QueryEngine(const Catalogue& catalogue);

    // `status_by_practice` holds the checklist status of each practice, by catalogue index.
    Results run(const Query& query, const std::vector<Status>& status_by_practice) const;

    const Catalogue& catalogue() const { return catalogue_; }
    const SearchIndex& search_index() const { return search_; }

private:
    struct Facet {
        std::vector<std::string> ids;
        std::vector<PracticeSet> members;  // practices linked to each option
    };

    const Catalogue& catalogue_;
    Facet phases_, assets_, threats_;
    SearchIndex search_;
};

}  // namespace procure
