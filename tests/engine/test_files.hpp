// Reads files of the source tree from tests.
#pragma once

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

}  // namespace procure::test
