// The engine alone in WebAssembly, for the browser benchmark (bench.html, driven by run.mjs): takes
// catalogue files from the page, builds a QueryEngine, runs the workload and times it with
// emscripten_get_now (the page's performance.now()). No UI, no SDL.
#include <emscripten/emscripten.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "breakdown.hpp"
#include "catalogue_parts.hpp"
#include "engine/query_engine.hpp"
#include "workload.hpp"

namespace {

struct Bench {
    bench::CatalogueParts parts;
    std::optional<procure::Catalogue> catalogue;
    std::unique_ptr<procure::QueryEngine> engine;
    const std::vector<bench::WorkloadQuery> workload = bench::make_workload();
    std::vector<double> query_ms;
    std::string text;  // the last string handed to the page; valid until the next call
};

Bench& bench_state() {
    static Bench b;
    return b;
}

volatile std::size_t sink = 0;  // keeps results from being optimised away

double now_ms() { return emscripten_get_now(); }

}  // namespace

extern "C" {

// Adds one catalogue file: `size` bytes of JSON at `json`. 1 if it loaded, else 0 (see bench_problems).
EMSCRIPTEN_KEEPALIVE int bench_add_file(const char* json, int size) {
    if (!json || size < 0) return 0;
    return bench_state().parts.add(std::string_view(json, static_cast<std::size_t>(size))) ? 1 : 0;
}

// The problems of the files added so far, one a line.
EMSCRIPTEN_KEEPALIVE const char* bench_problems() {
    Bench& b = bench_state();
    b.text.clear();
    for (const std::string& p : b.parts.problems()) b.text += p + "\n";
    return b.text.c_str();
}

// Builds the QueryEngine over the files added since the last reset. Milliseconds, or -1 without files.
EMSCRIPTEN_KEEPALIVE double bench_build() {
    Bench& b = bench_state();
    if (!b.catalogue) b.catalogue = b.parts.take();
    if (!b.catalogue) return -1;
    b.engine.reset();
    const double t0 = now_ms();
    b.engine = std::make_unique<procure::QueryEngine>(*b.catalogue);
    return now_ms() - t0;
}

EMSCRIPTEN_KEEPALIVE int bench_practices() {
    const Bench& b = bench_state();
    return b.catalogue ? static_cast<int>(b.catalogue->practices.size()) : 0;
}

EMSCRIPTEN_KEEPALIVE int bench_queries() { return static_cast<int>(bench_state().workload.size()); }

// Runs the workload `passes` times and returns the total milliseconds; bench_query_ms(i) then gives
// query i's mean. -1 before bench_build.
EMSCRIPTEN_KEEPALIVE double bench_run(int passes) {
    Bench& b = bench_state();
    if (!b.engine) return -1;
    const std::vector<procure::Status> statuses;  // an empty checklist
    b.query_ms.assign(b.workload.size(), 0);
    const double start = now_ms();
    for (int pass = 0; pass < passes; ++pass) {
        for (std::size_t i = 0; i < b.workload.size(); ++i) {
            const double t0 = now_ms();
            const procure::Results results = b.engine->run(b.workload[i].query, statuses);
            b.query_ms[i] += now_ms() - t0;
            sink = sink + results.items.size();
        }
    }
    const double total = now_ms() - start;
    for (double& ms : b.query_ms) ms /= passes > 0 ? passes : 1;
    return total;
}

EMSCRIPTEN_KEEPALIVE double bench_query_ms(int i) {
    const Bench& b = bench_state();
    return i >= 0 && static_cast<std::size_t>(i) < b.query_ms.size() ? b.query_ms[static_cast<std::size_t>(i)] : -1;
}

// The engine's answers to the workload as a JSON array of signatures (workload.hpp).
EMSCRIPTEN_KEEPALIVE const char* bench_signatures() {
    Bench& b = bench_state();
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    if (b.engine)
        for (const bench::WorkloadQuery& q : b.workload) list.push_back(bench::to_json(bench::signature_of(b.engine->run(q.query, {}), *b.catalogue)));
    b.text = list.dump();
    return b.text.c_str();
}

// Where each keystroke's time goes (breakdown.hpp), as a text table.
EMSCRIPTEN_KEEPALIVE const char* bench_breakdown(int passes) {
    Bench& b = bench_state();
    b.text = b.engine ? bench::breakdown_table("wasm, " + std::to_string(b.catalogue->practices.size()) + " practices",
                                               bench::time_keystrokes(*b.engine, b.workload, passes, now_ms), b.workload)
                      : "no catalogue\n";
    return b.text.c_str();
}

// Forgets the catalogue and engine, ready for the next catalogue's files.
EMSCRIPTEN_KEEPALIVE void bench_reset() {
    Bench& b = bench_state();
    b.engine.reset();
    b.catalogue.reset();
    b.parts = bench::CatalogueParts();
    b.query_ms.clear();
}

}  // extern "C"
