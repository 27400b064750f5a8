#include "engine/json_document.hpp"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

using namespace procure;
using Catch::Matchers::ContainsSubstring;

TEST_CASE("parse_json reads a valid document") {
    auto r = parse_json(R"({"a": [1, "two", null], "b": {"c": true}})", {});
    REQUIRE_FALSE(r.error);
    CHECK(r.value["a"][1] == "two");
    CHECK(r.value["b"]["c"] == true);
}

TEST_CASE("parse_json reports syntax errors with line and column") {
    auto r = parse_json("{\n  \"a\": 1\n  \"b\": 2\n}", {});
    REQUIRE(r.error);
    CHECK_THAT(r.error->message, ContainsSubstring("line 3, column 5"));
    CHECK(r.value.is_null());
}

TEST_CASE("parse_json columns count characters, not bytes") {
    auto r = parse_json("{\"é\": x}", {});
    REQUIRE(r.error);
    CHECK_THAT(r.error->message, ContainsSubstring("line 1, column 7"));
}

TEST_CASE("parse_json enforces every limit with the pointer where it hit") {
    Limits tight;
    tight.max_depth = 3;
    tight.max_string_bytes = 5;
    tight.max_items = 2;
    tight.max_document_bytes = 100;

    auto deep = parse_json(R"({"a": {"b": {"c": {}}}})", tight);
    REQUIRE(deep.error);
    CHECK(deep.error->pointer == "/a/b/c");
    CHECK_THAT(deep.error->message, ContainsSubstring("deeper than 3"));

    auto longtext = parse_json(R"({"a": ["ok", "too long"]})", tight);
    REQUIRE(longtext.error);
    CHECK(longtext.error->pointer == "/a/1");

    auto many = parse_json(R"([1, 2, 3])", tight);
    REQUIRE(many.error);
    CHECK(many.error->pointer == "/2");

    auto big = parse_json(std::string(101, ' '), tight);
    REQUIRE(big.error);
    CHECK_THAT(big.error->message, ContainsSubstring("limit is 100 bytes"));
}

TEST_CASE("parse_json refuses duplicate keys, BOM, empty input and bad UTF-8") {
    CHECK_THAT(parse_json(R"({"a": 1, "a": 2})", {}).error->message, ContainsSubstring("appears twice"));
    CHECK_THAT(parse_json("\xEF\xBB\xBF{}", {}).error->message, ContainsSubstring("byte-order mark"));
    CHECK_THAT(parse_json(" \n ", {}).error->message, ContainsSubstring("empty"));
    CHECK_THAT(parse_json("\"\xC3\x28\"", {}).error->message, ContainsSubstring("UTF-8"));
}

TEST_CASE("parse_json escapes keys in pointers") {
    Limits tight;
    tight.max_string_bytes = 3;
    auto r = parse_json(R"({"a/b": {"c~d": "long"}})", tight);
    REQUIRE(r.error);
    CHECK(r.error->pointer == "/a~1b/c~0d");
}
