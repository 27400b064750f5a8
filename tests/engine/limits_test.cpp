// Each limit of limits.hpp at its value: exactly at the limit the input is read, one past it is
// refused with a message that names the limit. Catalogues, translations and the language registry
// share the JSON document limits (Limits{}); the checklist file's own limits, the note length, the
// link fragment and the import file size have their boundary tests next to their readers
// (checklist_file_test.cpp, session_test.cpp, view_state_test.cpp) and are repeated here in brief.
#include <functional>
#include <string>

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <nlohmann/json.hpp>

#include "engine/checklist_file.hpp"
#include "engine/json_document.hpp"
#include "engine/limits.hpp"
#include "engine/session.hpp"
#include "engine/translation.hpp"
#include "engine/view_state.hpp"
#include "test_files.hpp"

using namespace procure;
using Catch::Matchers::ContainsSubstring;

namespace {

std::string nested_arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::string array_of(std::size_t n) {
    std::string out = "[";
    for (std::size_t i = 0; i < n; ++i) out += i ? ",0" : "0";
    return out + "]";
}

// The bundled catalogue with one change, as text.
std::string catalogue_with(const std::function<void(nlohmann::json&)>& change) {
    nlohmann::json doc = nlohmann::json::parse(test::read_source_file(test::kBundledCatalogue));
    change(doc);
    return doc.dump();
}

std::string messages(const Problems& problems) {
    std::string out;
    for (const Problem& p : problems) out += format_problem(p) + "\n";
    return out;
}

}  // namespace

TEST_CASE("the limits have the documented values", "[limits]") {
    const Limits json;
    CHECK(json.max_document_bytes == 8u * 1024 * 1024);
    CHECK(json.max_string_bytes == 16u * 1024);
    CHECK(json.max_depth == 16);
    CHECK(json.max_items == 5000);
    CHECK(kMaxNoteBytes == 8192);
    CHECK(kMaxChecklistEntries == 5000);
    CHECK(kMaxChecklistFileBytes == 4u << 20);
    CHECK(kMaxFragmentBytes == 2048);
    CHECK(kMaxFragmentTextBytes == 256);
    CHECK(kMaxQueryBytes == 256);
}

TEST_CASE("catalogue bytes: a catalogue of exactly max_document_bytes loads, one byte more is refused", "[limits]") {
    const std::size_t limit = Limits{}.max_document_bytes;
    std::string text = test::read_source_file(test::kBundledCatalogue);
    text.resize(limit, ' ');  // JSON allows trailing white space
    CHECK(load_catalogue(text).catalogue);
    text += ' ';
    const CatalogueLoad over = load_catalogue(text);
    CHECK_FALSE(over.catalogue);
    REQUIRE(over.problems.size() == 1);
    CHECK(over.problems[0].message == "the file is 8388609 bytes; the limit is 8388608 bytes");
}

TEST_CASE("string length: a text of exactly max_string_bytes is read, one byte more is refused where it is", "[limits]") {
    const std::size_t limit = Limits{}.max_string_bytes;
    const CatalogueLoad at = load_catalogue(catalogue_with([&](nlohmann::json& d) { d["practices"][0]["why"] = std::string(limit, 'w'); }));
    INFO(messages(at.problems));
    CHECK(at.catalogue);
    const CatalogueLoad over =
        load_catalogue(catalogue_with([&](nlohmann::json& d) { d["practices"][0]["why"] = std::string(limit + 1, 'w'); }));
    CHECK_FALSE(over.catalogue);
    REQUIRE(over.problems.size() == 1);
    CHECK(over.problems[0].pointer == "/practices/0/why");
    CHECK(over.problems[0].message == "text is 16385 bytes long; the limit is 16384");
    // Keys count too.
    const ParsedJson key = parse_json("{\"" + std::string(limit + 1, 'k') + "\": 1}", Limits{});
    REQUIRE(key.error);
    CHECK_THAT(key.error->message, ContainsSubstring("the limit is 16384"));
}

TEST_CASE("nesting depth: max_depth levels are read, one more is refused", "[limits]") {
    const std::size_t limit = Limits{}.max_depth;
    CHECK_FALSE(parse_json(nested_arrays(limit), Limits{}).error);
    const ParsedJson over = parse_json(nested_arrays(limit + 1), Limits{});
    REQUIRE(over.error);
    CHECK(over.error->message == "nesting is deeper than 16 levels");
    // In a catalogue, where the format needs 5 levels: the same message, with the place.
    const CatalogueLoad deep = load_catalogue(catalogue_with([&](nlohmann::json& d) {
        d["practices"][0]["clauses"][0] = nlohmann::json::parse(nested_arrays(limit));
    }));
    REQUIRE_FALSE(deep.problems.empty());
    CHECK(deep.problems[0].message == "nesting is deeper than 16 levels");
    CHECK_THAT(deep.problems[0].pointer, ContainsSubstring("/practices/0/clauses/0/0/0"));
}

TEST_CASE("number of items: max_items entries are read, one more is refused", "[limits]") {
    const std::size_t limit = Limits{}.max_items;
    CHECK_FALSE(parse_json(array_of(limit), Limits{}).error);
    const ParsedJson over = parse_json(array_of(limit + 1), Limits{});
    REQUIRE(over.error);
    CHECK(over.error->pointer == "/5000");
    CHECK(over.error->message == "more than 5000 entries in one list or object");
    nlohmann::json object = nlohmann::json::object();
    for (std::size_t i = 0; i <= limit; ++i) object["k" + std::to_string(i)] = 0;
    const ParsedJson keys = parse_json(object.dump(), Limits{});
    REQUIRE(keys.error);
    CHECK(keys.error->message == "more than 5000 entries in one list or object");
    // A translation file has the same bound on its number of strings.
    nlohmann::json overlay = {{"language", "de"}, {"strings", object}};
    const OverlayLoad translation = load_overlay(overlay.dump());
    CHECK_FALSE(translation.overlay);
    CHECK_THAT(messages(translation.problems), ContainsSubstring("more than 5000 entries"));
}

TEST_CASE("note length: kMaxNoteBytes in a checklist file; the editor keeps at most that much", "[limits]") {
    Checklist c{"enisa-hospitals-2020", "1.0.0", {}};
    c.entries["patching"] = {Status::in_tender, std::string(kMaxNoteBytes, 'n'), 1};
    CHECK(parse_checklist(serialize_checklist(c)).checklist);
    c.entries["patching"].note += 'n';
    const ChecklistImport over = parse_checklist(serialize_checklist(c));
    CHECK_FALSE(over.checklist);
    REQUIRE_FALSE(over.problems.empty());
    CHECK(over.problems[0].message == "text is 8193 bytes long; the limit is 8192");
}

TEST_CASE("import file size: kMaxChecklistFileBytes", "[limits]") {
    std::string file = serialize_checklist({"enisa-hospitals-2020", "1.0.0", {}});
    file.resize(kMaxChecklistFileBytes, ' ');
    CHECK(parse_checklist(file).checklist);
    file += ' ';
    const ChecklistImport over = parse_checklist(file);
    REQUIRE(over.problems.size() == 1);
    CHECK(over.problems[0].message == "the file is 4194305 bytes; the limit is 4194304 bytes");
    // What the page says when a picked file is too large to be read at all.
    CHECK(file_size_problem(kMaxChecklistFileBytes).empty());
    CHECK(file_size_problem(50u << 20) == "the file is 52428800 bytes; the limit is 4194304 bytes");
}

TEST_CASE("fragment length: kMaxFragmentBytes are read, a longer link is cut after its last whole setting", "[limits]") {
    const std::string at = "view=guide&" + std::string(kMaxFragmentBytes - 11 - 12, 'x') + "&view=matrix";
    REQUIRE(at.size() == kMaxFragmentBytes);
    const DecodedView read = decode_fragment(at);
    CHECK(read.state.view == ViewMode::guide);
    for (const std::string& why : read.ignored) CHECK_THAT(why, !ContainsSubstring("2048"));
    const DecodedView over = decode_fragment(at + "x");
    REQUIRE_FALSE(over.ignored.empty());
    CHECK(over.ignored.front() == "The link is longer than 2048 characters; only the start was read.");
}
