// Reads files of the source tree from tests.
#pragma once

#include <catch2/catch_test_macros.hpp>

#include "engine/catalogue_loader.hpp"

#include <fstream>
#include <sstream>
#include <string>

namespace procure::test {

inline std::string read_source_file(const std::string& relative) {
    std::ifstream in(std::string(PROJECT_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

inline const char* kBundledCatalogue = "assets/catalogues/enisa-hospitals-2020.json";

// Loads a catalogue the test expects to be valid, showing its problems if it is not.
inline Catalogue load_valid_catalogue(const std::string& text) {
    auto r = load_catalogue(text);
    for (const auto& p : r.problems) UNSCOPED_INFO(format_problem(p));
    REQUIRE(r.catalogue);
    return *r.catalogue;
}

inline const Catalogue& bundled_catalogue() {
    static const Catalogue c = load_valid_catalogue(read_source_file(kBundledCatalogue));
    return c;
}

}  // namespace procure::test
