// Facts about the shipped catalogue that the product depends on.
#include <set>

#include <catch2/catch_test_macros.hpp>

#include "engine/catalogue_loader.hpp"
#include "test_files.hpp"

using namespace procure;

namespace {
const Catalogue& bundled() {
    static const Catalogue c = [] {
        auto r = load_catalogue(test::read_source_file(test::kBundledCatalogue));
        for (const auto& p : r.problems) UNSCOPED_INFO(format_problem(p));
        REQUIRE(r.catalogue);
        return *r.catalogue;
    }();
    return c;
}

std::size_t words(const std::string& s) {
    std::size_t n = 0;
    bool in_word = false;
    for (char ch : s) {
        const bool space = ch == ' ' || ch == '\n' || ch == '\t';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}
}  // namespace

TEST_CASE("the bundled catalogue has the structure of the 2020 guidelines") {
    const Catalogue& c = bundled();
    CHECK(c.id == "enisa-hospitals-2020");
    CHECK(c.phases.size() == 4);
    CHECK(c.asset_types.size() == 10);
    CHECK(c.threats.size() == 5);
    REQUIRE(c.practices.size() == 28);
    for (int i = 0; i < 28; ++i) CHECK(c.practices[static_cast<std::size_t>(i)].number == i + 1);
    CHECK(c.metadata.source.date == "2020-02-24");
}

TEST_CASE("the phases follow GUIDELINES.md: 1-9 General, 10-15 Plan confirmed; 16-21 Source, 22-28 Manage likely") {
    for (const Practice& p : bundled().practices) {
        INFO(p.number);
        const char* phase = p.number <= 9 ? "general" : p.number <= 15 ? "plan" : p.number <= 21 ? "source" : "manage";
        CHECK(p.phase == phase);
        CHECK(p.phase_provenance == (p.number <= 15 ? Provenance::confirmed : Provenance::likely));
    }
}

TEST_CASE("every practice is complete enough to act on") {
    for (const Practice& p : bundled().practices) {
        INFO(p.id);
        CHECK(!p.assets.empty());
        CHECK(!p.threats.empty());
        CHECK(p.clauses.size() >= 2);
        CHECK(p.clauses.size() <= 4);
        CHECK(!p.evidence.empty());
        CHECK(!p.references.empty());
        std::size_t total = words(p.summary) + words(p.why);
        for (const auto& s : p.clauses) total += words(s);
        for (const auto& s : p.evidence) total += words(s);
        CHECK(total >= 200);
        CHECK(total <= 400);
    }
}

TEST_CASE("the publication's mapping is unavailable, so every link is marked editorial") {
    for (const Practice& p : bundled().practices) {
        for (const Link& l : p.assets) CHECK(l.provenance == Provenance::editorial);
        for (const Link& l : p.threats) CHECK(l.provenance == Provenance::editorial);
    }
}

TEST_CASE("every reference is cited and every scenario is usable") {
    const Catalogue& c = bundled();
    std::set<std::string> cited;
    for (const Practice& p : c.practices) cited.insert(p.references.begin(), p.references.end());
    for (const Reference& r : c.references) {
        INFO(r.id);
        CHECK(cited.count(r.id) == 1);
    }
    CHECK(c.scenarios.size() >= 4);
}
