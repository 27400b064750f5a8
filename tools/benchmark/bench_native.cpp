// Native benchmark of the query engine (Google Benchmark): the workload (workload.hpp) on the bundled
// catalogue and on synthetic catalogues, and the time to build a QueryEngine. One iteration of a
// query/ benchmark runs the whole workload; the per_query counter is the mean time of one keystroke.
//
//   bench_native [--sizes=1k,10k,100k] [--catalogue=FILE] [--words=DIR] [Google Benchmark flags]
//   bench_native --write-data=DIR [--sizes=...] [--catalogue=FILE] [--words=DIR]
//
// --write-data writes the catalogues, the workload and the engine's answers as JSON for the browser
// and Node (bench_data.hpp) instead of measuring.
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench_data.hpp"
#include "breakdown.hpp"
#include "engine/catalogue_loader.hpp"
#include "engine/query_engine.hpp"
#include "synthetic_catalogue.hpp"
#include "workload.hpp"

namespace {

struct Options {
    std::string catalogue = BENCH_REAL_CATALOGUE;
    std::string words = BENCH_WORDS_DIR;
    std::vector<std::size_t> sizes{1000, 10000, 100000};
    std::optional<std::string> write_data;
    bool breakdown = false;
};

void usage() {
    std::fprintf(stderr,
                 "usage: bench_native [--sizes=1k,10k,100k] [--catalogue=FILE] [--words=DIR] [--breakdown] [benchmark flags]\n"
                 "       bench_native --write-data=DIR [--sizes=...] [--catalogue=FILE] [--words=DIR]\n"
                 "--sizes= (empty) measures the bundled catalogue only. --breakdown prints where a keystroke's time goes.\n");
}

std::optional<std::vector<std::size_t>> parse_sizes(std::string_view list) {
    std::vector<std::size_t> sizes;
    while (!list.empty()) {
        const std::size_t comma = std::min(list.find(','), list.size());
        const std::optional<std::size_t> n = bench::parse_size(list.substr(0, comma));
        if (!n) return std::nullopt;
        sizes.push_back(*n);
        list.remove_prefix(std::min(list.size(), comma + 1));
    }
    return sizes;
}

// Google Benchmark has taken its own flags out of argv by now; everything left is ours.
std::optional<Options> parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const std::size_t eq = arg.find('=');
        const std::string_view name = arg.substr(0, eq);
        std::string_view value;
        if (eq != std::string_view::npos) value = arg.substr(eq + 1);
        else if (name != "--breakdown" && i + 1 < argc) value = argv[++i];
        if (name == "--catalogue") o.catalogue = value;
        else if (name == "--words") o.words = value;
        else if (name == "--write-data" && !value.empty()) o.write_data = std::string(value);
        else if (name == "--breakdown") o.breakdown = true;
        else if (name == "--sizes") {
            std::optional<std::vector<std::size_t>> sizes = parse_sizes(value);
            if (!sizes) return std::nullopt;
            o.sizes = std::move(*sizes);
        } else {
            std::fprintf(stderr, "unknown argument: %s\n", argv[i]);
            return std::nullopt;
        }
    }
    return o;
}

// A catalogue and its engine, made the first time a benchmark needs them: generating 100k practices
// takes seconds, and a --benchmark_filter may not need it at all.
class Subject {
public:
    Subject(std::string name, std::function<procure::Catalogue()> make) : name_(std::move(name)), make_(std::move(make)) {}
    const std::string& name() const { return name_; }
    const procure::Catalogue& catalogue() {
        if (!catalogue_) catalogue_ = make_();
        return *catalogue_;
    }
    const procure::QueryEngine& engine() {
        if (!engine_) engine_ = std::make_unique<procure::QueryEngine>(catalogue());
        return *engine_;
    }

private:
    std::string name_;
    std::function<procure::Catalogue()> make_;
    std::optional<procure::Catalogue> catalogue_;
    std::unique_ptr<procure::QueryEngine> engine_;
};

const std::vector<bench::WorkloadQuery>& workload() {
    static const std::vector<bench::WorkloadQuery> w = bench::make_workload();
    return w;
}

void run_workload(benchmark::State& state, Subject& subject) {
    const procure::QueryEngine& engine = subject.engine();
    const std::vector<procure::Status> statuses;  // an empty checklist: everything not started
    for (auto _ : state) {
        for (const bench::WorkloadQuery& q : workload()) {
            procure::Results results = engine.run(q.query, statuses);
            benchmark::DoNotOptimize(results.items.data());
            benchmark::ClobberMemory();
        }
    }
    const auto queries = static_cast<double>(workload().size());
    state.counters["queries"] = queries;
    state.counters["practices"] = static_cast<double>(subject.catalogue().practices.size());
    state.counters["per_query"] = benchmark::Counter(queries, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void build_engine(benchmark::State& state, Subject& subject) {
    const procure::Catalogue& catalogue = subject.catalogue();
    for (auto _ : state) {
        procure::QueryEngine engine(catalogue);
        benchmark::DoNotOptimize(&engine);
    }
    state.counters["practices"] = static_cast<double>(catalogue.practices.size());
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    const std::optional<Options> options = parse(argc, argv);
    if (!options) {
        usage();
        return 2;
    }
    if (options->write_data) {
        std::string error;
        if (!bench::write_bench_data({*options->write_data, options->catalogue, options->words, options->sizes}, error)) {
            std::fprintf(stderr, "bench_native: %s\n", error.c_str());
            return 1;
        }
        std::fprintf(stderr, "benchmark data written to %s\n", options->write_data->c_str());
        return 0;
    }

    std::string text;
    if (!bench::read_file(options->catalogue, text)) {
        std::fprintf(stderr, "bench_native: cannot read %s\n", options->catalogue.c_str());
        return 1;
    }
    procure::CatalogueLoad real = procure::load_catalogue(text);
    if (!real.catalogue) {
        std::fprintf(stderr, "bench_native: %s is not a valid catalogue\n", options->catalogue.c_str());
        return 1;
    }
    std::string error;
    const std::optional<std::vector<bench::WordList>> words = bench::read_word_lists(options->words, error);
    if (!words && !options->sizes.empty()) {
        std::fprintf(stderr, "bench_native: %s\n", error.c_str());
        return 1;
    }

    std::vector<std::unique_ptr<Subject>> subjects;
    subjects.push_back(std::make_unique<Subject>("real", [c = *real.catalogue] { return c; }));
    for (std::size_t size : options->sizes)
        subjects.push_back(std::make_unique<Subject>("synthetic-" + bench::size_name(size), [size, &words] {
            return bench::make_synthetic_catalogue(size, *words);
        }));

    if (options->breakdown) {
        for (const auto& s : subjects) bench::print_breakdown(s->name(), s->engine(), workload());
        return 0;
    }
    for (const auto& s : subjects) {
        Subject* subject = s.get();
        benchmark::RegisterBenchmark(("query/" + s->name()).c_str(), [subject](benchmark::State& st) { run_workload(st, *subject); })
            ->Unit(benchmark::kMicrosecond)
            ->UseRealTime();  // wall-clock time, as the browser and Node baselines measure
        benchmark::RegisterBenchmark(("build/" + s->name()).c_str(), [subject](benchmark::State& st) { build_engine(st, *subject); })
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime();
    }
    benchmark::AddCustomContext("engine_build", BENCH_BUILD_INFO);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
