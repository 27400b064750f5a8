// Translation files on arbitrary bytes: the overlay loader (i18n/ui, i18n/content) and the language
// registry (i18n/languages.json) both read each input. An accepted overlay only ever replaces texts,
// never ids, and its coverage figures add up; an accepted registry gives finite fallback chains.
#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "engine/languages.hpp"
#include "engine/object_reader.hpp"
#include "engine/translation.hpp"
#include "fuzz_support.hpp"

using namespace procure;
using procure::fuzz::valid_utf8;

namespace {

const Catalogue& minimal() {
    static const Catalogue c = fuzz::load_source_catalogue("tests/data/minimal-catalogue.json");
    return c;
}

std::vector<std::string> ids_of(const Catalogue& c) {
    std::vector<std::string> ids{c.id};
    for (const Practice& p : c.practices) ids.push_back(p.id);
    for (const auto* terms : {&c.phases, &c.asset_types, &c.threats})
        for (const Term& t : *terms) ids.push_back(t.id);
    for (const Scenario& s : c.scenarios) ids.push_back(s.id);
    return ids;
}

void check_overlay(const Overlay& overlay) {
    const Limits limits;
    for (const auto& [key, text] : overlay.strings) {
        FUZZ_CHECK(!is_blank(text), "blank texts are left out (not translated yet)");
        FUZZ_CHECK(key.size() <= limits.max_string_bytes && text.size() <= limits.max_string_bytes, "bounded texts");
        FUZZ_CHECK(valid_utf8(key) && valid_utf8(text), "texts are valid UTF-8");
        const std::vector<std::string> names = placeholders(text);
        FUZZ_CHECK(std::is_sorted(names.begin(), names.end()), "placeholders come sorted");
        for (const std::string& n : names) FUZZ_CHECK(n.size() >= 3 && n.front() == '{' && n.back() == '}', "placeholders are {name}");
    }
    // Over a real catalogue: texts may change, ids and structure may not; every text comes from
    // the overlay or the source.
    const Catalogue& source = minimal();
    const Catalogue translated = localise(source, {&overlay});
    FUZZ_CHECK(ids_of(translated) == ids_of(source), "a translation never changes ids");
    FUZZ_CHECK(translated.language == overlay.language, "the translated catalogue takes the overlay's language");
    std::vector<std::pair<std::string, std::string>> before;
    for_each_text(source, [&](const std::string& key, const std::string& text) { before.emplace_back(key, text); });
    std::size_t i = 0;
    for_each_text(translated, [&](const std::string& key, const std::string& text) {
        FUZZ_CHECK(i < before.size() && before[i].first == key, "the same texts in the same order");
        const std::string* replaced = overlay.find(key);
        FUZZ_CHECK(text == (replaced ? *replaced : before[i].second), "each text from the overlay, else the source");
        ++i;
    });
    FUZZ_CHECK(i == before.size(), "no text lost");
    const Coverage cov = coverage(source, overlay);
    FUZZ_CHECK(cov.translated + cov.missing.size() == cov.total, "coverage adds up");
    FUZZ_CHECK(cov.placeholder_mismatches.size() <= cov.translated, "mismatches are among the translated");
    for (const std::string& key : cov.unknown) FUZZ_CHECK(overlay.find(key), "unknown keys are the overlay's");
}

void check_registry(const LanguageRegistry& registry) {
    std::set<std::string> codes;
    for (const Language& l : registry.languages) FUZZ_CHECK(codes.insert(l.code).second, "language codes are unique");
    for (const Language& l : registry.languages) {
        const std::vector<std::string> chain = registry.fallback_chain(l.code);
        FUZZ_CHECK(!chain.empty() && chain.front() == l.code, "a chain starts at its language");
        FUZZ_CHECK(chain.size() <= registry.languages.size(), "a chain is finite, cycles cut");
        FUZZ_CHECK(std::set<std::string>(chain.begin(), chain.end()).size() == chain.size(), "no language twice in a chain");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);

    const OverlayLoad overlay = load_overlay(text);
    FUZZ_CHECK(overlay.overlay.has_value() == overlay.problems.empty(), "an overlay exactly when there is no problem");
    fuzz::check_problems(overlay.problems);
    if (overlay.overlay) check_overlay(*overlay.overlay);

    const LanguageRegistryLoad registry = load_language_registry(text);
    FUZZ_CHECK(registry.registry.has_value() == registry.problems.empty(), "a registry exactly when there is no problem");
    fuzz::check_problems(registry.problems);
    if (registry.registry) check_registry(*registry.registry);
    return 0;
}
