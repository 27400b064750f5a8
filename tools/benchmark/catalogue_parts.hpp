// Puts a catalogue written as several files (synthetic_catalogue.hpp says why) back together. Each
// file goes through procure::load_catalogue, so every practice is checked exactly as the app checks
// a catalogue; this adds only that the files agree on the taxonomies and that practice ids are unique
// across them. Used natively and in the wasm benchmark module.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/catalogue.hpp"
#include "engine/limits.hpp"

namespace bench {

// The app's limits, raised for benchmark files: 5000 synthetic practices take about 17 MB.
procure::Limits large_catalogue_limits();

class CatalogueParts {
public:
    explicit CatalogueParts(procure::Limits limits = large_catalogue_limits()) : limits_(limits) {}

    // Loads one file and appends its practices. On any problem returns false, records readable
    // messages in problems() and keeps the practices gathered so far unchanged.
    bool add(std::string_view json_text);

    std::size_t files() const { return files_; }
    std::size_t practice_count() const { return merged_ ? merged_->practices.size() : 0; }
    const std::vector<std::string>& problems() const { return problems_; }

    // The catalogue of every file added, practices numbered 1..n in file order (the numbers are
    // display labels; no engine code relies on them). Nothing if no file was added.
    std::optional<procure::Catalogue> take();

private:
    procure::Limits limits_;
    std::optional<procure::Catalogue> merged_;
    std::set<std::string> ids_;
    std::size_t files_ = 0;
    std::vector<std::string> problems_;
};

}  // namespace bench
