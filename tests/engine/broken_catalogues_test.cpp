// Every file in tests/data/broken/ has one distinct fault; tests/data/broken-expected.json says which
// problem the loader must report for it. Written by tests/data/broken/generate.py.
#include <filesystem>

#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include "engine/catalogue_loader.hpp"
#include "test_files.hpp"

using namespace procure;

TEST_CASE("each broken catalogue gives its expected, specific problem") {
    const auto expected = nlohmann::json::parse(test::read_source_file("tests/data/broken-expected.json"));
    REQUIRE(expected.size() >= 20);
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(PROJECT_SOURCE_DIR) + "/tests/data/broken")) {
        if (entry.path().extension() != ".json") continue;
        ++files;
        const std::string name = entry.path().filename().string();
        INFO(name);
        REQUIRE(expected.contains(name));
        const auto want_pointer = expected[name]["pointer"].get<std::string>();
        const auto want_message = expected[name]["message"].get<std::string>();

        auto result = load_catalogue(test::read_source_file("tests/data/broken/" + name));
        CHECK_FALSE(result.catalogue);
        REQUIRE_FALSE(result.problems.empty());
        bool found = false;
        for (const Problem& p : result.problems)
            found = found || (p.pointer == want_pointer && p.message.find(want_message) != std::string::npos);
        if (!found)
            for (const Problem& p : result.problems) UNSCOPED_INFO("got: " << format_problem(p));
        CHECK(found);
        // One fault, one problem: a single mistake must not bury the author in follow-on errors.
        CHECK(result.problems.size() == 1);
    }
    CHECK(files == expected.size());
}
