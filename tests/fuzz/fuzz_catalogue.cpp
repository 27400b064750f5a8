// Catalogue loading and validation on arbitrary bytes. Beyond "no crash, no leak, no UB": the loader
// returns a catalogue exactly when it reports no problem, and a catalogue it accepts keeps every
// promise the rest of the engine relies on (valid unique ids, resolvable links, bounded texts), can be
// translated by its own texts, and can be searched.
#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "engine/catalogue_loader.hpp"
#include "engine/query_engine.hpp"
#include "engine/translation.hpp"
#include "fuzz_support.hpp"

using namespace procure;
using procure::fuzz::valid_utf8;

namespace {

const Limits kLimits;

template <typename T>
void check_unique_ids(const std::vector<T>& items) {
    std::set<std::string> seen;
    for (const T& item : items) {
        FUZZ_CHECK(is_valid_id(item.id), "every id is valid");
        FUZZ_CHECK(seen.insert(item.id).second, "ids are unique within their list");
    }
}

template <typename T>
bool known(const std::vector<T>& items, const std::string& id) {
    return std::any_of(items.begin(), items.end(), [&](const T& t) { return t.id == id; });
}

void check_model(const Catalogue& c) {
    FUZZ_CHECK(c.schema_version == kSchemaVersion, "the schema version is the one this build reads");
    FUZZ_CHECK(is_valid_id(c.id), "the catalogue id is valid");
    check_unique_ids(c.phases);
    check_unique_ids(c.asset_types);
    check_unique_ids(c.threats);
    check_unique_ids(c.references);
    check_unique_ids(c.practices);
    check_unique_ids(c.scenarios);
    FUZZ_CHECK(!c.practices.empty() && !c.phases.empty(), "a catalogue has practices and phases");
    std::set<int> numbers;
    for (const Practice& p : c.practices) {
        FUZZ_CHECK(p.number >= 1 && p.number <= 9999 && numbers.insert(p.number).second, "practice numbers are 1-9999, unique");
        FUZZ_CHECK(known(c.phases, p.phase), "a practice's phase exists");
        FUZZ_CHECK(!p.clauses.empty() && !p.evidence.empty(), "a practice has clauses and evidence");
        for (const Link& l : p.assets) FUZZ_CHECK(known(c.asset_types, l.id), "asset links resolve");
        for (const Link& l : p.threats) FUZZ_CHECK(known(c.threats, l.id), "threat links resolve");
        for (const std::string& r : p.references) FUZZ_CHECK(known(c.references, r), "references resolve");
    }
    for (const Scenario& s : c.scenarios) {
        for (const std::string& id : s.filters.phases) FUZZ_CHECK(known(c.phases, id), "scenario phases resolve");
        for (const std::string& id : s.filters.assets) FUZZ_CHECK(known(c.asset_types, id), "scenario assets resolve");
        for (const std::string& id : s.filters.threats) FUZZ_CHECK(known(c.threats, id), "scenario threats resolve");
    }
    for (const Reference& r : c.references)
        FUZZ_CHECK(r.url.empty() || r.url.starts_with("https://") || r.url.starts_with("http://"), "only web links");
    for_each_text(c, [](const std::string&, const std::string& text) {
        FUZZ_CHECK(text.size() <= kLimits.max_string_bytes, "texts respect the string limit");
        FUZZ_CHECK(valid_utf8(text), "texts are valid UTF-8");
    });
}

// The catalogue's own texts, laid over it as a translation, change nothing, and cover themselves.
void check_translation(const Catalogue& c) {
    const Overlay own = source_overlay(c);
    const Catalogue same = localise(c, {&own});
    std::vector<std::string> before, after;
    for_each_text(c, [&](const std::string& key, const std::string& text) { before.push_back(key + '\n' + text); });
    for_each_text(same, [&](const std::string& key, const std::string& text) { after.push_back(key + '\n' + text); });
    FUZZ_CHECK(before == after, "localising with the source overlay changes nothing");
    const Coverage cov = coverage(c, own);
    FUZZ_CHECK(cov.translated == cov.total && cov.missing.empty() && cov.unknown.empty() && cov.placeholder_mismatches.empty(),
               "the source overlay covers itself");
}

// Any valid catalogue can be searched: no query lists every practice in order, and each practice is
// found by the words of its own title.
void check_search(const Catalogue& c) {
    const QueryEngine engine(c);
    const std::vector<Status> statuses(c.practices.size(), Status::not_started);
    const Results all = engine.run(Query{}, statuses);
    FUZZ_CHECK(all.items.size() == c.practices.size(), "an empty query finds every practice");
    for (std::size_t i = 0; i < all.items.size(); ++i) FUZZ_CHECK(all.items[i].practice == i, "in catalogue order");
    const std::size_t probe = c.practices.size() / 2;
    Query by_title;
    by_title.text = c.practices[probe].title;
    const Results found = engine.run(by_title, statuses);
    FUZZ_CHECK(std::any_of(found.items.begin(), found.items.end(), [&](const ResultItem& r) { return r.practice == probe; }),
               "a practice is found by its own title");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const CatalogueLoad r = load_catalogue(fuzz::as_text(data, size), kLimits);
    FUZZ_CHECK(r.catalogue.has_value() == r.problems.empty(), "a catalogue exactly when there is no problem");
    fuzz::check_problems(r.problems);
    if (!r.catalogue) return 0;
    check_model(*r.catalogue);
    check_translation(*r.catalogue);
    check_search(*r.catalogue);
    return 0;
}
