// The benchmark's query workload: what people type into the search box, keystroke by keystroke, in
// several languages and scripts, with and without filters. One query is one keystroke: a full
// QueryEngine::run (facet filters, text search, facet counts and ranking). The same list runs natively,
// in the browser and in the JavaScript baselines (as workload.json), and signatures of the engine's
// answers let the baselines check that they answer the same thing.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/query_engine.hpp"

namespace bench {

struct WorkloadQuery {
    std::string label;  // what the step is, e.g. "encryption 3/10"
    procure::Query query;
};

// Fixed: the same list on every run and machine.
std::vector<WorkloadQuery> make_workload();

// {"queries": [{"label", "text", "phases", "assets", "threats"}, ...]}
nlohmann::ordered_json workload_to_json(const std::vector<WorkloadQuery>& workload);

// What an answer must be: the number of results, every facet option's count, and the first results.
struct Signature {
    std::size_t count = 0;
    std::vector<std::size_t> facets;  // phases, then types of procurement, threats and statuses, in catalogue order
    std::vector<std::string> top;     // ids of the first kTopResults results, in ranked order
};
inline constexpr std::size_t kTopResults = 5;

Signature signature_of(const procure::Results& results, const procure::Catalogue& catalogue);
nlohmann::ordered_json to_json(const Signature& signature);

}  // namespace bench
