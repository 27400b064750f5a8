// Where a keystroke's time goes, measured from outside the engine through its public interface, so
// the benchmark needs no hooks in engine code:
//   search = parse_search_query + SearchIndex::match (the text part of QueryEngine::run)
//   sort   = std::stable_sort of the results by score, as QueryEngine::run ranks them
//   rest   = run - search - sort: status sets, facet filters, facet counts and building the result list
#pragma once

#include <string>
#include <vector>

#include "engine/query_engine.hpp"
#include "workload.hpp"

namespace bench {

struct KeystrokeTimes {
    double run_ms = 0, search_ms = 0, sort_ms = 0;  // medians over the passes: a busy machine inflates means
    std::size_t results = 0;
};

// `now_ms` is the clock: steady_clock natively, emscripten_get_now in the browser.
std::vector<KeystrokeTimes> time_keystrokes(const procure::QueryEngine& engine, const std::vector<WorkloadQuery>& workload,
                                            int passes, double (*now_ms)());

// A table: one line a query, then the means and the slowest query.
std::string breakdown_table(const std::string& title, const std::vector<KeystrokeTimes>& times,
                            const std::vector<WorkloadQuery>& workload);

// Natively: times with steady_clock (passes chosen to take about a second) and prints the table.
void print_breakdown(const std::string& title, const procure::QueryEngine& engine, const std::vector<WorkloadQuery>& workload);

}  // namespace bench
