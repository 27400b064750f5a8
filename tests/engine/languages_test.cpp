#include "engine/languages.hpp"

#include <catch2/catch_test_macros.hpp>

#include "test_files.hpp"

using namespace procure;

TEST_CASE("fallback chains end at the source language and survive cycles") {
    auto r = load_language_registry(R"j({"languages": [
        {"code": "en", "name": "English", "native_name": "English"},
        {"code": "pt", "name": "Portuguese", "native_name": "Português", "fallback": "en"},
        {"code": "pt-BR", "name": "Portuguese (Brazil)", "native_name": "Português (Brasil)", "fallback": "pt"},
        {"code": "xa", "name": "Loop A", "native_name": "A", "fallback": "xb"},
        {"code": "xb", "name": "Loop B", "native_name": "B", "fallback": "xa"}]})j");
    REQUIRE(r.registry);
    CHECK(r.registry->fallback_chain("pt-BR") == std::vector<std::string>{"pt-BR", "pt", "en"});
    CHECK(r.registry->fallback_chain("en") == std::vector<std::string>{"en"});
    CHECK(r.registry->fallback_chain("xa") == std::vector<std::string>{"xa", "xb"});
    CHECK(r.registry->fallback_chain("zz").empty());
}

TEST_CASE("the registry rejects unknown fallbacks and duplicates") {
    auto r = load_language_registry(R"j({"languages": [
        {"code": "en", "name": "English", "native_name": "English"},
        {"code": "en", "name": "English", "native_name": "English"},
        {"code": "de", "name": "German", "native_name": "Deutsch", "fallback": "xx"}]})j");
    CHECK_FALSE(r.registry);
    CHECK(r.problems.size() == 2);
}

TEST_CASE("the bundled language registry is valid and every language falls back to English") {
    auto r = load_language_registry(test::read_source_file("i18n/languages.json"));
    REQUIRE(r.registry);
    CHECK(r.registry->languages.size() == 24);
    for (const Language& l : r.registry->languages) {
        INFO(l.code);
        CHECK(r.registry->fallback_chain(l.code).back() == "en");
    }
}
