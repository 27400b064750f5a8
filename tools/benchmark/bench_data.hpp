// The benchmark's data on disk, so that the browser and Node answer the same queries on the same
// catalogues as the native benchmark:
//   manifest.json        the catalogues, their files and practice counts
//   workload.json        the queries (workload.hpp)
//   expected.json        the engine's answer to every query on every catalogue (signatures)
//   real.json            the bundled catalogue, as it is
//   synthetic-10k-1.json ...  synthetic catalogues, in files of at most kPracticesPerFile practices
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/catalogue.hpp"

namespace bench {

// "1k" -> 1000, "100k" -> 100000, "2500" -> 2500; nothing for anything else or 0.
std::optional<std::size_t> parse_size(std::string_view text);
std::string size_name(std::size_t practices);  // 1000 -> "1k", 2500 -> "2500"

bool read_file(const std::string& path, std::string& text);
bool write_file(const std::string& path, std::string_view text);

// Where the first practice that differs differs (id, field), or "" when the practices are the same.
std::string first_difference(const procure::Catalogue& a, const procure::Catalogue& b);

struct DataOptions {
    std::string dir;
    std::string real_catalogue;  // path of the bundled catalogue
    std::string words_dir;
    std::vector<std::size_t> sizes;
};

// Writes everything listed above into options.dir. Every catalogue file written is loaded back with
// procure::load_catalogue (CatalogueParts) and must give the generated practices again; the
// signatures in expected.json come from the loaded-back catalogues. Says what went wrong in `error`.
bool write_bench_data(const DataOptions& options, std::string& error);

}  // namespace bench
