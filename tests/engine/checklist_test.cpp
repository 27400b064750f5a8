#include "engine/checklist.hpp"

#include <catch2/catch_test_macros.hpp>

using namespace procure;

TEST_CASE("a checklist finds entries by practice id and defaults to not started", "[checklist]") {
    Checklist c;
    c.entries["segregate-network"] = {Status::in_tender, "Asked for the flow matrix.", 1796292900000};
    c.entries["patching"] = {Status::verified, "", 1};

    REQUIRE(c.find("segregate-network"));
    CHECK(c.find("segregate-network")->note == "Asked for the flow matrix.");
    CHECK(c.status_of("segregate-network") == Status::in_tender);
    CHECK(c.status_of("patching") == Status::verified);

    CHECK(c.find("dpia") == nullptr);
    CHECK(c.status_of("dpia") == Status::not_started);
    CHECK(c.status_of("") == Status::not_started);
}

TEST_CASE("checklist lookups take a string_view without copying into a std::string", "[checklist]") {
    Checklist c;
    c.entries["encryption"] = {Status::not_applicable, "n/a", 5};
    const std::string_view key = std::string_view("encryption-and-more").substr(0, 10);
    CHECK(c.status_of(key) == Status::not_applicable);
}
