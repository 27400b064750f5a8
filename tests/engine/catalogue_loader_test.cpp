#include "engine/catalogue_loader.hpp"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <nlohmann/json.hpp>

#include "test_files.hpp"

using namespace procure;
using Catch::Matchers::ContainsSubstring;

namespace {
nlohmann::json minimal() { return nlohmann::json::parse(test::read_source_file("tests/data/minimal-catalogue.json")); }
}  // namespace

TEST_CASE("the minimal catalogue loads into the typed model") {
    auto r = load_catalogue(minimal().dump());
    INFO((r.problems.empty() ? "" : format_problem(r.problems.front())));
    REQUIRE(r.catalogue);
    const Catalogue& c = *r.catalogue;
    CHECK(c.id == "minimal");
    CHECK(c.version == "1.0.0");
    CHECK(c.schema_version == 1);
    CHECK(c.metadata.source.date == "2024-01-31");
    REQUIRE(c.practices.size() == 2);
    const Practice& p = c.practices[0];
    CHECK(p.number == 1);
    CHECK(p.phase == "plan");
    CHECK(p.clauses.size() == 2);
    CHECK(p.threats[0].provenance == Provenance::official);
    CHECK(c.practices[1].phase_provenance == Provenance::likely);
    CHECK(c.find_scenario("buy-cloud")->filters.assets == std::vector<std::string>{"cloud"});
    CHECK(c.find_asset_type("devices")->examples == std::vector<std::string>{"pump"});
}

TEST_CASE("the loader reports every problem, not only the first") {
    auto doc = minimal();
    doc["practices"][0]["phase"] = "nowhere";
    doc["practices"][1]["title"] = "";
    doc["threats"][0]["provenance"] = "rumour";
    doc["scenarios"][0]["filters"]["threats"] = {"ghosts"};
    auto r = load_catalogue(doc.dump());
    CHECK_FALSE(r.catalogue);
    REQUIRE(r.problems.size() == 4);
    CHECK(r.problems[0].pointer == "/threats/0/provenance");
    CHECK(r.problems[1].pointer == "/practices/1/title");
    CHECK(r.problems[2].pointer == "/practices/0/phase");
    CHECK(r.problems[3].pointer == "/scenarios/0/filters/threats/0");
}

TEST_CASE("a catalogue from a newer schema is refused without guessing") {
    auto doc = minimal();
    doc["schema_version"] = 7;
    doc["practices"] = "would be an error in version 1";
    auto r = load_catalogue(doc.dump());
    REQUIRE(r.problems.size() == 1);
    CHECK_THAT(r.problems[0].message, ContainsSubstring("newer release"));
}

TEST_CASE("ids are restricted to a safe alphabet") {
    CHECK(is_valid_id("vulnerability-management"));
    CHECK(is_valid_id("gp_01"));
    CHECK_FALSE(is_valid_id(""));
    CHECK_FALSE(is_valid_id("-leading"));
    CHECK_FALSE(is_valid_id("Upper"));
    CHECK_FALSE(is_valid_id("with space"));
    CHECK_FALSE(is_valid_id("a\"><script>"));
    CHECK_FALSE(is_valid_id(std::string(65, 'a')));
}

TEST_CASE("provenance names round-trip") {
    for (auto p : {Provenance::official, Provenance::confirmed, Provenance::likely, Provenance::editorial})
        CHECK(provenance_from_string(to_string(p)) == p);
    CHECK_FALSE(provenance_from_string("guess"));
}

TEST_CASE("the fictional national addendum shows the format is general") {
    auto r = load_catalogue(test::read_source_file("tests/data/addendum/nordland-addendum.json"));
    REQUIRE(r.problems.empty());
    CHECK(r.catalogue->id == "nordland-addendum");
    CHECK(r.catalogue->phases.size() == 2);
    CHECK(r.catalogue->practices[0].assets[0].provenance == Provenance::official);
}
