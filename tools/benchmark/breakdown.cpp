#include "breakdown.hpp"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string_view>

#include "engine/search_query.hpp"

namespace bench {
namespace {

double steady_now_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

volatile std::size_t sink = 0;  // keeps the timed work from being optimised away

// `text` cut or padded to `width` code points, so labels in Greek or Cyrillic line up too.
std::string column(std::string_view text, std::size_t width) {
    std::string out;
    std::size_t points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool starts_point = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
        if (starts_point && points == width) break;
        if (starts_point) ++points;
        out += text[i];
    }
    out.append(width - points, ' ');
    return out;
}

}  // namespace

std::vector<KeystrokeTimes> time_keystrokes(const procure::QueryEngine& engine, const std::vector<WorkloadQuery>& workload,
                                            int passes, double (*now_ms)()) {
    passes = std::max(1, passes);
    const std::size_t n = workload.size(), p = static_cast<std::size_t>(passes);
    std::vector<double> runs(n * p), searches(n * p), sorts(n * p);  // query i, pass k at [i * p + k]
    std::vector<KeystrokeTimes> times(n);
    const std::vector<procure::Status> statuses;
    std::vector<std::uint64_t> matches;
    std::vector<std::uint16_t> scores;
    for (std::size_t k = 0; k < p; ++k) {
        for (std::size_t i = 0; i < n; ++i) {
            const procure::Query& q = workload[i].query;
            double t0 = now_ms();
            const procure::Results results = engine.run(q, statuses);
            runs[i * p + k] = now_ms() - t0;
            times[i].results = results.items.size();

            t0 = now_ms();
            const procure::SearchQuery parsed = procure::parse_search_query(q.text);
            if (!parsed.empty()) engine.search_index().match(parsed, matches, scores);
            searches[i * p + k] = now_ms() - t0;

            if (parsed.empty()) continue;  // run() ranks only when searching
            std::vector<procure::ResultItem> items = results.items;
            std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.practice < b.practice; });
            t0 = now_ms();
            std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
            sorts[i * p + k] = now_ms() - t0;
            sink = sink + items.size() + matches.size();
        }
    }
    const auto median = [p](std::vector<double>& v, std::size_t i) {
        const auto first = v.begin() + static_cast<std::ptrdiff_t>(i * p), middle = first + static_cast<std::ptrdiff_t>(p / 2);
        std::nth_element(first, middle, first + static_cast<std::ptrdiff_t>(p));
        return *middle;
    };
    for (std::size_t i = 0; i < n; ++i) {
        times[i].run_ms = median(runs, i);
        times[i].search_ms = median(searches, i);
        times[i].sort_ms = median(sorts, i);
    }
    return times;
}

std::string breakdown_table(const std::string& title, const std::vector<KeystrokeTimes>& times,
                            const std::vector<WorkloadQuery>& workload) {
    std::string out = title + "\n";
    char line[256];
    std::snprintf(line, sizeof line, "  %-34s %8s %9s %9s %9s %9s\n", "query", "results", "run ms", "search", "sort", "rest");
    out += line;
    KeystrokeTimes sum;
    std::size_t slowest = 0;
    for (std::size_t i = 0; i < times.size() && i < workload.size(); ++i) {
        const KeystrokeTimes& t = times[i];
        std::snprintf(line, sizeof line, " %8zu %9.3f %9.3f %9.3f %9.3f\n", t.results, t.run_ms, t.search_ms, t.sort_ms,
                      t.run_ms - t.search_ms - t.sort_ms);
        out += "  " + column(workload[i].label, 34) + line;
        sum.run_ms += t.run_ms;
        sum.search_ms += t.search_ms;
        sum.sort_ms += t.sort_ms;
        if (t.run_ms > times[slowest].run_ms) slowest = i;
    }
    if (times.empty()) return out;
    const auto n = static_cast<double>(times.size());
    std::snprintf(line, sizeof line, "  %-34s %8s %9.3f %9.3f %9.3f %9.3f\n", "mean", "", sum.run_ms / n, sum.search_ms / n,
                  sum.sort_ms / n, (sum.run_ms - sum.search_ms - sum.sort_ms) / n);
    out += line;
    std::snprintf(line, sizeof line, "  slowest: %s, %.3f ms\n", workload[slowest].label.c_str(), times[slowest].run_ms);
    out += line;
    return out;
}

void print_breakdown(const std::string& title, const procure::QueryEngine& engine, const std::vector<WorkloadQuery>& workload) {
    const double t0 = steady_now_ms();
    time_keystrokes(engine, workload, 1, steady_now_ms);  // warm-up, and a measure of one pass
    const double one_pass = std::max(0.001, steady_now_ms() - t0);
    const int passes = static_cast<int>(std::clamp(1000.0 / one_pass, 1.0, 1000.0));
    const std::vector<KeystrokeTimes> times = time_keystrokes(engine, workload, passes, steady_now_ms);
    std::fputs(breakdown_table(title + " (" + std::to_string(passes) + " passes)", times, workload).c_str(), stdout);
}

}  // namespace bench
