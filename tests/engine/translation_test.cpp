#include "engine/translation.hpp"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include "engine/catalogue_loader.hpp"
#include "test_files.hpp"

using namespace procure;

namespace {
Catalogue minimal() { return *load_catalogue(test::read_source_file("tests/data/minimal-catalogue.json")).catalogue; }

Overlay overlay_from(const std::string& json) {
    auto r = load_overlay(json);
    REQUIRE(r.overlay);
    return *r.overlay;
}
}  // namespace

TEST_CASE("translation keys are built from stable ids") {
    std::vector<std::string> keys;
    for_each_text(minimal(), [&](const std::string& key, const std::string&) { keys.push_back(key); });
    auto has = [&](const char* k) { return std::find(keys.begin(), keys.end(), k) != keys.end(); };
    CHECK(has("practice.first.title"));
    CHECK(has("practice.first.clauses.1"));
    CHECK(has("practice.second.evidence.0"));
    CHECK(has("phase.plan.name"));
    CHECK(has("asset.devices.examples.0"));
    CHECK(has("threat.malicious.description"));
    CHECK(has("scenario.buy-cloud.name"));
    CHECK(has("reference.gdpr.description"));
    CHECK(has("metadata.notice"));
}

TEST_CASE("localise walks the fallback chain string by string") {
    const Catalogue source = minimal();
    const Overlay pt_br = overlay_from(R"j({"language": "pt-BR", "strings": {"practice.first.title": "Primeira (BR)"}})j");
    const Overlay pt = overlay_from(R"j({"language": "pt", "strings": {
        "practice.first.title": "Primeira prática", "practice.first.summary": "Fazer a primeira coisa.",
        "practice.first.clauses.1": ""}})j");

    const Catalogue out = localise(source, {&pt_br, &pt});
    const Practice& p = out.practices[0];
    CHECK(p.title == "Primeira (BR)");                   // from the first overlay
    CHECK(p.summary == "Fazer a primeira coisa.");       // from the second
    CHECK(p.why == "Because.");                          // from the source
    CHECK(p.clauses[1] == "The Supplier shall prove it.");  // blank means untranslated: falls back
    CHECK(out.language == "pt-BR");
    CHECK(source.practices[0].title == "First practice");  // the source is untouched
}

TEST_CASE("coverage reports missing and unknown keys") {
    const Overlay de = overlay_from(R"j({"language": "de", "strings": {"practice.first.title": "Erste", "practice.gone.title": "Weg"}})j");
    const Coverage cov = coverage(minimal(), de);
    CHECK(cov.translated == 1);
    CHECK(cov.total > 20);
    CHECK(cov.missing.size() == cov.total - 1);
    CHECK(cov.unknown == std::vector<std::string>{"practice.gone.title"});
}

TEST_CASE("overlay files are validated") {
    auto wrong = load_overlay(R"j({"language": "de", "strings": {"a": 3}, "extra": 1})j");
    CHECK_FALSE(wrong.overlay);
    REQUIRE(wrong.problems.size() == 2);
    CHECK(wrong.problems[0].pointer == "/extra");
    CHECK(wrong.problems[1].pointer == "/strings/a");
    CHECK_FALSE(load_overlay("[1]").overlay);
}

TEST_CASE("placeholders are the {name} tokens of a text, sorted") {
    CHECK(placeholders("{shown} of {total} practices") == std::vector<std::string>{"{shown}", "{total}"});
    CHECK(placeholders("{total} : {shown}") == std::vector<std::string>{"{shown}", "{total}"});
    CHECK(placeholders("no braces, { spaced }, {Upper}, {").empty());
    CHECK(placeholders("{a}{a}").size() == 2);  // a lost duplicate counts too
}

TEST_CASE("coverage flags translations that lose or add a placeholder") {
    const Overlay en = overlay_from(R"j({"language": "en", "strings": {"count": "{shown} of {total}", "plain": "Close"}})j");
    const Overlay de = overlay_from(R"j({"language": "de", "strings": {"count": "{shown} von {gesamt}", "plain": "Schließen {x}"}})j");
    const Coverage cov = coverage(en, de);
    CHECK(cov.translated == 2);
    CHECK(cov.placeholder_mismatches == std::vector<std::string>{"count", "plain"});
    const Overlay fr = overlay_from(R"j({"language": "fr", "strings": {"count": "{total} au total, {shown} affichées"}})j");
    CHECK(coverage(en, fr).placeholder_mismatches.empty());  // order may change with the grammar
}

TEST_CASE("the source overlay holds every non-blank text, so it covers itself fully") {
    const Catalogue c = test::bundled_catalogue();
    const Overlay source = source_overlay(c);
    CHECK(source.language == "en");
    CHECK(source.catalogue == c.id);
    CHECK(source.find("practice.encryption.title"));
    const Coverage cov = coverage(c, source);
    CHECK(cov.translated == cov.total);
    CHECK(cov.missing.empty());
    CHECK(cov.unknown.empty());
}
