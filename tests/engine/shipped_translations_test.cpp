// The translation files in i18n/: every language of the registry has its interface strings and the
// bundled catalogue's content; every English key is present in each file (a blank text is the one way to
// fall back to English on purpose); no unknown keys; no placeholder lost or added.
#include <filesystem>
#include <set>

#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include "engine/languages.hpp"
#include "engine/translation.hpp"
#include "test_files.hpp"

using namespace procure;

namespace {

const LanguageRegistry& registry() {
    static const LanguageRegistry r = [] {
        auto load = load_language_registry(test::read_source_file("i18n/languages.json"));
        REQUIRE(load.registry);
        return *load.registry;
    }();
    return r;
}

bool exists(const std::string& relative) { return std::filesystem::exists(std::string(PROJECT_SOURCE_DIR) + "/" + relative); }

// Checks one translation file against its English source.
void check_file(const std::string& relative, const Overlay& source, const std::string& code) {
    INFO(relative);
    const std::string text = test::read_source_file(relative);
    const OverlayLoad load = load_overlay(text);
    for (const auto& p : load.problems) UNSCOPED_INFO(format_problem(p));
    REQUIRE(load.overlay);
    CHECK(load.overlay->language == code);
    const Coverage cov = coverage(source, *load.overlay);
    for (const std::string& key : cov.unknown) UNSCOPED_INFO("unknown key " << key);
    CHECK(cov.unknown.empty());
    for (const std::string& key : cov.placeholder_mismatches) UNSCOPED_INFO("placeholders differ: " << key);
    CHECK(cov.placeholder_mismatches.empty());
    // Present in the file, blank or not: a missing key is an oversight, a blank one a decision.
    const nlohmann::json raw = nlohmann::json::parse(text, nullptr, false);
    std::size_t absent = 0;
    for (const auto& [key, english] : source.strings)
        if (!raw["strings"].contains(key)) {
            UNSCOPED_INFO("missing key " << key);
            ++absent;
        }
    CHECK(absent == 0);
}

}  // namespace

TEST_CASE("every language has interface strings and the bundled catalogue's content") {
    const std::string catalogue_id = test::bundled_catalogue().id;
    for (const Language& l : registry().languages) {
        INFO(l.code);
        CHECK(exists("i18n/ui/" + l.code + ".json"));
        if (l.code != "en") CHECK(exists("i18n/content/" + catalogue_id + "/" + l.code + ".json"));
    }
}

TEST_CASE("each shipped translation has every English key and the same placeholders") {
    const Overlay ui_source = *load_overlay(test::read_source_file("i18n/ui/en.json")).overlay;
    const Catalogue& catalogue = test::bundled_catalogue();
    const Overlay content_source = source_overlay(catalogue);
    for (const Language& l : registry().languages) {
        if (l.code == "en") continue;
        const std::string ui = "i18n/ui/" + l.code + ".json";
        const std::string content = "i18n/content/" + catalogue.id + "/" + l.code + ".json";
        if (exists(ui)) check_file(ui, ui_source, l.code);
        if (exists(content)) check_file(content, content_source, l.code);
    }
}
