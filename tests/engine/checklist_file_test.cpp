#include "engine/checklist_file.hpp"

#include <algorithm>
#include <climits>

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <nlohmann/json.hpp>

#include "engine/catalogue_loader.hpp"
#include "test_files.hpp"

using namespace procure;
using Catch::Matchers::ContainsSubstring;

namespace {

constexpr std::int64_t kDec3 = 1796292900000;  // 2026-12-03T10:15:00.000Z

Catalogue load(const std::string& text) { return test::load_valid_catalogue(text); }
const Catalogue& bundled() { return test::bundled_catalogue(); }

Checklist sample() {
    Checklist c{"enisa-hospitals-2020", "1.0.0", {}};
    c.entries["segregate-network"] = {Status::in_tender, "Asked for the flow matrix.", kDec3};
    c.entries["patching"] = {Status::verified, "", kDec3 + 1};
    return c;
}

std::string problems_text(const Problems& problems) {
    std::string out;
    for (const auto& p : problems) out += format_problem(p) + "\n";
    return out;
}

}  // namespace

TEST_CASE("time stamps convert between milliseconds and ISO 8601 UTC", "[checklist]") {
    CHECK(format_timestamp(0) == "1970-01-01T00:00:00.000Z");
    CHECK(format_timestamp(kDec3) == "2026-12-03T10:15:00.000Z");
    CHECK(format_timestamp(951782400000) == "2000-02-29T00:00:00.000Z");
    CHECK(format_timestamp(1709251199999) == "2024-02-29T23:59:59.999Z");
    CHECK(format_timestamp(-1) == "1969-12-31T23:59:59.999Z");
    CHECK(format_timestamp(-2203891200000) == "1900-03-01T00:00:00.000Z");
    CHECK(format_timestamp(-62135596800000) == "0001-01-01T00:00:00.000Z");
    // Out of the four-digit range: clamped, so what is written can always be read back.
    CHECK(format_timestamp(LLONG_MAX) == "9999-12-31T23:59:59.999Z");
    CHECK(format_timestamp(LLONG_MIN) == "0000-01-01T00:00:00.000Z");

    for (std::int64_t ms = -400LL * 366 * 86'400'000; ms < 400LL * 366 * 86'400'000; ms += 86'400'000LL * 17 + 3'723'456) {
        const auto back = parse_timestamp(format_timestamp(ms));
        REQUIRE(back);
        CHECK(*back == ms);
    }
    CHECK(parse_timestamp("9999-12-31T23:59:59.999Z"));
    CHECK(parse_timestamp("0000-01-01T00:00:00.000Z"));
}

TEST_CASE("time stamps that are not real UTC times are rejected", "[checklist]") {
    CHECK(parse_timestamp("2026-12-03T10:15:00.000Z") == kDec3);
    CHECK(parse_timestamp("2000-02-29T00:00:00.000Z"));
    for (const char* bad : {"2023-02-29T00:00:00.000Z", "2100-02-29T00:00:00.000Z", "2026-04-31T00:00:00.000Z",
                            "2026-13-01T00:00:00.000Z", "2026-00-10T00:00:00.000Z", "2026-12-00T00:00:00.000Z",
                            "2026-12-03T24:00:00.000Z", "2026-12-03T10:60:00.000Z", "2026-12-03T10:15:60.000Z",
                            "2026-12-03T10:15:00Z", "2026-12-03T10:15:00.000", "2026-12-03T10:15:00.000+01:00",
                            "2026-12-03 10:15:00.000Z", "2026-12-3T10:15:00.000Z", "-026-12-03T10:15:00.000Z",
                            "2026-12-03T10:15:00.0a0Z", "", "yesterday"}) {
        INFO(bad);
        CHECK_FALSE(parse_timestamp(bad));
    }
}

TEST_CASE("the checklist file has a documented, stable form", "[checklist]") {
    const std::string expected = R"({
  "format": "hospital-procurement-checklist",
  "format_version": 1,
  "catalogue": {
    "id": "enisa-hospitals-2020",
    "version": "1.0.0"
  },
  "entries": {
    "patching": {
      "status": "verified",
      "note": "",
      "changed_at": "2026-12-03T10:15:00.001Z"
    },
    "segregate-network": {
      "status": "in_tender",
      "note": "Asked for the flow matrix.",
      "changed_at": "2026-12-03T10:15:00.000Z"
    }
  }
}
)";
    CHECK(serialize_checklist(sample()) == expected);
}

TEST_CASE("a checklist survives saving and loading unchanged", "[checklist]") {
    Checklist c = sample();
    c.entries["dpia"] = {Status::not_applicable, "Zürich: „no personal data“ — 日本語\nline 2\r\n\t\"quoted\" \\ / \x01", 42};
    c.entries["encryption"] = {Status::not_started, "", 0};
    c.entries["audit-logging"] = {Status::verified, std::string(kMaxNoteBytes, 'x'), -5};
    const std::string text = serialize_checklist(c);
    auto r = parse_checklist(text);
    INFO(problems_text(r.problems));
    REQUIRE(r.checklist);
    CHECK(r.checklist->catalogue_id == c.catalogue_id);
    CHECK(r.checklist->catalogue_version == c.catalogue_version);
    CHECK(r.checklist->entries == c.entries);
    CHECK(serialize_checklist(*r.checklist) == text);
    CHECK(text.find("日本語") != std::string::npos);  // UTF-8 as is, not \u escapes

    auto empty = parse_checklist(serialize_checklist(Checklist{"x", "1", {}}));
    REQUIRE(empty.checklist);
    CHECK(empty.checklist->entries.empty());
}

TEST_CASE("a checklist made with another catalogue still loads; the caller decides what to say", "[checklist]") {
    Checklist c = sample();
    c.catalogue_id = "nordland-addendum";
    c.catalogue_version = "0.3";
    auto r = parse_checklist(serialize_checklist(c));
    REQUIRE(r.checklist);
    CHECK(r.checklist->catalogue_id == "nordland-addendum");
    CHECK(r.checklist->catalogue_version == "0.3");
}

TEST_CASE("every kind of broken checklist file is refused with a pointer and a clear message", "[checklist]") {
    using nlohmann::json;
    const json good = json::parse(serialize_checklist(sample()));
    auto with = [&](auto change) {
        json doc = good;
        change(doc);
        return doc.dump();
    };
    struct Case {
        std::string name, text, pointer, message;
    };
    const std::vector<Case> cases = {
        {"empty file", "  \n", "", "empty"},
        {"syntax error", "{\"format\": ", "", "JSON syntax error at line 1"},
        {"byte-order mark", "\xEF\xBB\xBF{}", "", "byte-order mark"},
        {"not an object", "[1, 2]", "", "expected a checklist file"},
        {"a catalogue instead", test::read_source_file("tests/data/minimal-catalogue.json"), "", "not a checklist file"},
        {"wrong format name", with([](json& d) { d["format"] = "checklist"; }), "/format", "not a checklist file"},
        {"newer format", with([](json& d) { d["format_version"] = 2; d["entries"] = "new"; }), "/format_version",
         "made by a newer version"},
        {"format version as text", with([](json& d) { d["format_version"] = "1"; }), "/format_version", "whole number"},
        {"format version 0", with([](json& d) { d["format_version"] = 0; }), "/format_version", "must be 1"},
        {"format version missing", with([](json& d) { d.erase("format_version"); }), "/format_version", "missing"},
        {"unknown top-level field", with([](json& d) { d["extra"] = true; }), "/extra", "unknown field"},
        {"catalogue missing", with([](json& d) { d.erase("catalogue"); }), "/catalogue", "missing"},
        {"catalogue id not an id", with([](json& d) { d["catalogue"]["id"] = "ENISA 2020"; }), "/catalogue/id", "not a valid"},
        {"catalogue version empty", with([](json& d) { d["catalogue"]["version"] = " "; }), "/catalogue/version", "empty"},
        {"entries missing", with([](json& d) { d.erase("entries"); }), "/entries", "missing"},
        {"entries as a list", with([](json& d) { d["entries"] = json::array(); }), "/entries", "keyed by practice id"},
        {"practice id not an id", with([](json& d) { d["entries"]["Segregate Network"] = d["entries"]["patching"]; }),
         "/entries/Segregate Network", "not a valid practice id"},
        {"slash in practice id", with([](json& d) { d["entries"]["a/b"] = d["entries"]["patching"]; }), "/entries/a~1b",
         "not a valid practice id"},
        {"entry not an object", with([](json& d) { d["entries"]["patching"] = "verified"; }), "/entries/patching",
         "expected an object"},
        {"unknown entry field", with([&](json& d) { d["entries"]["patching"]["tick"] = 1; }), "/entries/patching/tick",
         "unknown field"},
        {"status missing", with([&](json& d) { d["entries"]["patching"].erase("status"); }), "/entries/patching/status",
         "missing"},
        {"unknown status", with([&](json& d) { d["entries"]["patching"]["status"] = "done"; }), "/entries/patching/status",
         "unknown status \"done\""},
        {"note is a number", with([&](json& d) { d["entries"]["patching"]["note"] = 7; }), "/entries/patching/note",
         "expected text"},
        {"note too long", with([&](json& d) { d["entries"]["patching"]["note"] = std::string(kMaxNoteBytes + 1, 'n'); }),
         "/entries/patching/note", "limit is 8192"},
        {"note far too long", with([&](json& d) { d["entries"]["patching"]["note"] = std::string(20000, 'n'); }),
         "/entries/patching/note", "limit"},
        {"changed_at missing", with([&](json& d) { d["entries"]["patching"].erase("changed_at"); }),
         "/entries/patching/changed_at", "missing"},
        {"changed_at not a date", with([&](json& d) { d["entries"]["patching"]["changed_at"] = "2026-02-30T10:00:00.000Z"; }),
         "/entries/patching/changed_at", "not a UTC time"},
        {"changed_at without milliseconds", with([&](json& d) { d["entries"]["patching"]["changed_at"] = "2026-12-03T10:15:00Z"; }),
         "/entries/patching/changed_at", "with milliseconds"},
        {"changed_at as a number", with([&](json& d) { d["entries"]["patching"]["changed_at"] = kDec3; }),
         "/entries/patching/changed_at", "expected text"},
        {"invalid UTF-8", "{\"format\": \"hospital-procurement-checklist\", \"note\": \"\xC3\x28\"}", "", "syntax error"},
        {"duplicate key", R"({"format": "hospital-procurement-checklist", "format": "again"})", "/format", "appears twice"},
        {"file too large", std::string(kMaxChecklistFileBytes + 1, ' '), "", "the limit is 4194304"},
        {"too many entries", with([](json& d) {
             const json e = d["entries"]["patching"];
             d["entries"] = json::object();
             // Zero-padded, so the 5001st key in the (sorted) file is p5000.
             for (int i = 0; i <= 5000; ++i) d["entries"]["p" + std::string(i < 10 ? "000" : i < 100 ? "00" : i < 1000 ? "0" : "") + std::to_string(i)] = e;
         }),
         "/entries/p5000", "more than 5000"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        auto r = parse_checklist(c.text);
        INFO(problems_text(r.problems));
        CHECK_FALSE(r.checklist);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].pointer == c.pointer);
        CHECK_THAT(r.problems[0].message, ContainsSubstring(c.message));
    }
}

TEST_CASE("a broken checklist file reports every problem at once", "[checklist]") {
    nlohmann::json doc = nlohmann::json::parse(serialize_checklist(sample()));
    doc["entries"]["patching"]["status"] = "finished";
    doc["entries"]["patching"]["changed_at"] = "soon";
    doc["entries"]["segregate-network"]["note"] = false;
    doc["catalogue"]["version"] = 3;
    auto r = parse_checklist(doc.dump());
    CHECK_FALSE(r.checklist);
    REQUIRE(r.problems.size() == 4);
    CHECK(r.problems[0].pointer == "/catalogue/version");
    CHECK(r.problems[1].pointer == "/entries/patching/status");
    CHECK(r.problems[2].pointer == "/entries/patching/changed_at");
    CHECK(r.problems[3].pointer == "/entries/segregate-network/note");
}

TEST_CASE("merging keeps the newer entry of each practice", "[checklist]") {
    Checklist into = sample();
    Checklist incoming{"enisa-hospitals-2020", "1.0.0", {}};
    incoming.entries["segregate-network"] = {Status::verified, "Asked for the flow matrix.", kDec3 + 1000};  // newer
    incoming.entries["patching"] = {Status::in_tender, "", kDec3 - 1000};                                  // older
    incoming.entries["dpia"] = {Status::not_applicable, "No personal data.", kDec3};                       // new
    incoming.entries["encryption"] = {Status::not_started, "", kDec3};
    into.entries["encryption"] = {Status::not_started, "", kDec3 - 5};  // same content, other time

    const MergeReport r = merge_checklist(into, incoming, bundled());
    CHECK(r.added == 1);
    CHECK(r.updated == 1);
    CHECK(r.unchanged == 2);
    CHECK(into.status_of("segregate-network") == Status::verified);
    CHECK(into.find("segregate-network")->changed_at_ms == kDec3 + 1000);
    CHECK(into.status_of("patching") == Status::verified);
    CHECK(into.find("dpia")->note == "No personal data.");
    // Both sides set a different status: the newer wins, and the user is told.
    CHECK(r.conflicts == std::vector<std::string>{"patching", "segregate-network"});
    CHECK(r.unknown_practices.empty());
    CHECK(into.catalogue_id == "enisa-hospitals-2020");
}

TEST_CASE("merging reports conflicts and keeps the losing note under a marker line", "[checklist]") {
    Checklist into{"enisa-hospitals-2020", "1.0.0", {}};
    into.entries["remote-access"] = {Status::in_tender, "Vendor wants a permanent VPN.", kDec3};
    into.entries["maintenance"] = {Status::verified, "Checked on site.", kDec3 + 5};
    into.entries["awareness"] = {Status::in_tender, "Training booked.", kDec3};
    Checklist incoming{"enisa-hospitals-2020", "1.0.0", {}};
    incoming.entries["remote-access"] = {Status::verified, "VPN only on request, logged.", kDec3 + 1};
    incoming.entries["maintenance"] = {Status::in_tender, "Ask about the window.", kDec3};
    // A later edit that only adds to the note and keeps the status loses nothing: no conflict.
    incoming.entries["awareness"] = {Status::in_tender, "Training booked. Done on 4 Dec.", kDec3 + 9};

    const MergeReport r = merge_checklist(into, incoming, bundled());
    CHECK(r.conflicts == std::vector<std::string>{"maintenance", "remote-access"});
    CHECK(r.updated == 3);
    CHECK(into.find("remote-access")->status == Status::verified);
    CHECK(into.find("remote-access")->note ==
          "VPN only on request, logged.\n--- earlier note (kept on import) ---\nVendor wants a permanent VPN.");
    CHECK(into.find("maintenance")->status == Status::verified);
    CHECK(into.find("maintenance")->note == "Checked on site.\n--- earlier note (kept on import) ---\nAsk about the window.");
    CHECK(into.find("maintenance")->changed_at_ms == kDec3 + 5);
    CHECK(into.find("awareness")->note == "Training booked. Done on 4 Dec.");

    SECTION("merging the same file again changes nothing") {
        const Checklist before = into;
        const MergeReport again = merge_checklist(into, incoming, bundled());
        CHECK(into.entries == before.entries);
        CHECK(again.updated == 0);
        CHECK(again.unchanged == 3);
    }
    SECTION("an empty losing note is not marked, and a winner without a note still shows the kept one") {
        Checklist a{"c", "1", {{"patching", {Status::verified, "", kDec3 + 1}}, {"dpia", {Status::in_tender, "Keep me.", kDec3}}}};
        const Checklist b{"c", "1", {{"patching", {Status::in_tender, "", kDec3}}, {"dpia", {Status::verified, "", kDec3 + 1}}}};
        merge_checklist(a, b, bundled());
        CHECK(a.find("patching")->note.empty());
        CHECK(a.find("dpia")->note == "--- earlier note (kept on import) ---\nKeep me.");
    }
    SECTION("on equal times the checklist already open wins") {
        Checklist a{"c", "1", {{"patching", {Status::verified, "mine", kDec3}}}};
        const Checklist b{"c", "1", {{"patching", {Status::in_tender, "theirs", kDec3}}}};
        merge_checklist(a, b, bundled());
        CHECK(a.find("patching")->status == Status::verified);
        CHECK(a.find("patching")->note == "mine\n--- earlier note (kept on import) ---\ntheirs");
    }
}

TEST_CASE("a merged note never grows past the limit, so the checklist can still be saved and loaded", "[checklist]") {
    const std::string winner_note(kMaxNoteBytes - 100, 'w');
    std::string loser_note;
    while (loser_note.size() < 500) loser_note += "é€";  // multi-byte, so the cut must respect UTF-8
    Checklist into{"c", "1", {{"patching", {Status::verified, winner_note, kDec3 + 1}}}};
    const Checklist incoming{"c", "1", {{"patching", {Status::in_tender, loser_note, kDec3}}}};
    const MergeReport r = merge_checklist(into, incoming, bundled());
    CHECK(r.notes_shortened == std::vector<std::string>{"patching"});
    const std::string& note = into.find("patching")->note;
    CHECK(note.size() <= kMaxNoteBytes);
    CHECK(note.rfind(winner_note, 0) == 0);
    CHECK_THAT(note, ContainsSubstring(std::string(kEarlierNoteMarker)));
    CHECK_THAT(note, Catch::Matchers::EndsWith("\xE2\x80\xA6"));
    auto reloaded = parse_checklist(serialize_checklist(into));
    INFO(problems_text(reloaded.problems));
    REQUIRE(reloaded.checklist);
    CHECK(reloaded.checklist->find("patching")->note == note);
}

TEST_CASE("merging keeps entries for practices the catalogue does not know, and lists them", "[checklist]") {
    Checklist into{"enisa-hospitals-2020", "1.0.0", {}};
    const Checklist incoming{"other", "9", {{"old-practice", {Status::verified, "Keep this.", kDec3}}, {"patching", {Status::in_tender, "", kDec3}}}};
    const MergeReport r = merge_checklist(into, incoming, bundled());
    CHECK(r.unknown_practices == std::vector<std::string>{"old-practice"});
    CHECK(r.added == 2);
    REQUIRE(into.find("old-practice"));
    CHECK(into.find("old-practice")->note == "Keep this.");
    CHECK(orphaned_entries(into, bundled()) == std::vector<std::string>{"old-practice"});
}

TEST_CASE("a checklist saved under catalogue v1 loads under a changed catalogue without losing a note", "[checklist]") {
    // The catalogue's next edition drops DPIA and renames the patching practice (a new id).
    nlohmann::json changed = nlohmann::json::parse(test::read_source_file(test::kBundledCatalogue));
    changed["version"] = "1.1.0";
    auto& practices = changed["practices"];
    for (std::size_t i = 0; i < practices.size(); ++i) {
        if (practices[i]["id"] == "dpia") {
            practices.erase(i);
            break;
        }
    }
    for (auto& p : practices) {
        if (p["id"] == "patching") {
            p["id"] = "patch-management";
            p["title"] = "Require timely patch management";
        }
    }
    const Catalogue v1 = bundled();
    const Catalogue v2 = load(changed.dump());
    REQUIRE(v2.practices.size() == 27);

    Checklist saved{v1.id, v1.version, {}};
    for (const Practice& p : v1.practices)
        saved.entries[p.id] = {Status::in_tender, "Note on " + p.id + " \xE2\x80\x94 keep me.", kDec3 + p.number};
    REQUIRE(saved.entries.size() == 28);
    const std::string file = serialize_checklist(saved);

    auto loaded = parse_checklist(file);
    REQUIRE(loaded.checklist);
    CHECK(loaded.checklist->catalogue_version == "1.0.0");  // the caller compares it with v2's and tells the user
    for (const Practice& p : v1.practices) {
        INFO(p.id);
        REQUIRE(loaded.checklist->find(p.id));
        CHECK(loaded.checklist->find(p.id)->note == "Note on " + p.id + " \xE2\x80\x94 keep me.");
    }
    CHECK(orphaned_entries(*loaded.checklist, v2) == std::vector<std::string>{"dpia", "patching"});
    CHECK(orphaned_entries(*loaded.checklist, v1).empty());

    // Saved again under v2, the orphans are still in the file.
    Checklist resaved = *loaded.checklist;
    resaved.catalogue_version = v2.version;
    auto again = parse_checklist(serialize_checklist(resaved));
    REQUIRE(again.checklist);
    CHECK(again.checklist->entries == saved.entries);
    CHECK(again.checklist->catalogue_version == "1.1.0");

    // Importing the old file into a fresh checklist under v2 keeps them too, and says which they are.
    Checklist fresh{v2.id, v2.version, {}};
    const MergeReport r = merge_checklist(fresh, *loaded.checklist, v2);
    CHECK(r.added == 28);
    CHECK(r.unknown_practices == std::vector<std::string>{"dpia", "patching"});
    CHECK(fresh.entries == saved.entries);
}

TEST_CASE("the checklist file's limits hold exactly at their values", "[checklist][limits]") {
    SECTION("file size: kMaxChecklistFileBytes") {
        std::string file = serialize_checklist(sample());
        file.resize(kMaxChecklistFileBytes, ' ');  // JSON allows trailing white space
        CHECK(parse_checklist(file).checklist);
        file += ' ';
        const auto r = parse_checklist(file);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].message == "the file is 4194305 bytes; the limit is 4194304 bytes");
    }
    SECTION("note length: kMaxNoteBytes") {
        Checklist c = sample();
        c.entries["patching"].note = std::string(kMaxNoteBytes - 2, 'n') + "\xC3\xA9";  // ends in a two-byte character
        const auto at_limit = parse_checklist(serialize_checklist(c));
        REQUIRE(at_limit.checklist);
        CHECK(at_limit.checklist->find("patching")->note.size() == kMaxNoteBytes);
        c.entries["patching"].note += "n";
        const auto over = parse_checklist(serialize_checklist(c));
        REQUIRE(over.problems.size() == 1);
        CHECK(over.problems[0].pointer == "/entries/patching/note");
        CHECK(over.problems[0].message == "text is 8193 bytes long; the limit is 8192");
    }
    SECTION("entries: kMaxChecklistEntries") {
        Checklist c = sample();
        for (std::size_t i = c.entries.size(); i < kMaxChecklistEntries; ++i) c.entries["x" + std::to_string(i)] = {};
        CHECK(parse_checklist(serialize_checklist(c)).checklist);
        c.entries["zzz"] = {};
        const auto r = parse_checklist(serialize_checklist(c));
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].pointer == "/entries/zzz");
        CHECK(r.problems[0].message == "more than 5000 entries in one list or object");
    }
    SECTION("nesting: 8 levels") {
        const std::string head = R"({"format": "hospital-procurement-checklist", "format_version": 1, "x": )";
        const auto nested = [&](std::size_t levels) { return head + std::string(levels - 1, '[') + std::string(levels - 1, ']') + "}"; };
        const auto at_limit = parse_checklist(nested(8));
        REQUIRE_FALSE(at_limit.problems.empty());
        CHECK_THAT(at_limit.problems[0].message, !ContainsSubstring("deeper"));  // read, then refused for its content
        const auto over = parse_checklist(nested(9));
        REQUIRE(over.problems.size() == 1);
        CHECK(over.problems[0].message == "nesting is deeper than 8 levels");
    }
}

TEST_CASE("an import that would make the checklist impossible to load again is refused and changes nothing", "[checklist][limits]") {
    // Two files that are each fine can add up to more than one checklist file may hold. Merged, the
    // browser saved a checklist it then refused to load at the next start, setting all the work aside.
    SECTION("too many entries together") {
        Checklist into = sample();
        for (std::size_t i = into.entries.size(); i < kMaxChecklistEntries - 10; ++i) into.entries["a" + std::to_string(i)] = {};
        Checklist incoming{"c", "1", {}};
        for (int i = 0; i < 10; ++i) incoming.entries["b" + std::to_string(i)] = {Status::verified, "", kDec3};
        Checklist exactly_full = into;
        const MergeReport fits = merge_checklist(exactly_full, incoming, bundled());
        CHECK(fits.refused.empty());
        CHECK(fits.added == 10);
        CHECK(parse_checklist(serialize_checklist(exactly_full)).checklist);

        incoming.entries["b10"] = {Status::verified, "", kDec3};
        const Checklist before = into;
        const MergeReport r = merge_checklist(into, incoming, bundled());
        CHECK(r.refused == "the checklist would hold 5001 entries; the limit is 5000");
        CHECK(r.added == 0);
        CHECK(into.entries == before.entries);
    }
    SECTION("too many bytes together") {
        // Quotes are written as \" in the file, so a full note of them takes twice its length there.
        const std::string quotes(kMaxNoteBytes, '"');
        Checklist into = sample();
        const std::size_t start = serialize_checklist(into).size();
        into.entries["q0"] = {Status::in_tender, quotes, kDec3};
        const std::size_t per_entry = serialize_checklist(into).size() - start;  // ±1 byte as the names grow
        for (std::size_t i = 1; start + (i + 2) * per_entry < kMaxChecklistFileBytes; ++i)
            into.entries["q" + std::to_string(i)] = {Status::in_tender, quotes, kDec3};
        REQUIRE(parse_checklist(serialize_checklist(into)).checklist);
        const Checklist incoming{"c", "1", {{"patching", {Status::in_tender, quotes, kDec3 + 9}}, {"zz", {Status::in_tender, quotes, kDec3}}}};
        const Checklist before = into;
        const MergeReport r = merge_checklist(into, incoming, bundled());
        CHECK_THAT(r.refused, ContainsSubstring("bytes saved; the limit is 4194304 bytes"));
        CHECK(r.updated == 0);
        CHECK(r.conflicts.empty());
        CHECK(into.entries == before.entries);
        CHECK(parse_checklist(serialize_checklist(into)).checklist);
    }
}

TEST_CASE("two tabs that keep merging each other's checklist agree after one exchange", "[checklist]") {
    // Each tab changed the same practices without seeing the other's change, some at the same moment.
    Checklist a{"c", "1", {{"patching", {Status::verified, "Tab A: patched monthly.", kDec3}},
                           {"dpia", {Status::in_tender, "Tab A note.", kDec3 + 5}},
                           {"encryption", {Status::in_tender, "A only.", kDec3}}}};
    Checklist b{"c", "1", {{"patching", {Status::in_tender, "Tab B: ask the vendor.", kDec3}},
                           {"dpia", {Status::in_tender, "Tab B note.", kDec3 + 9}},
                           {"segregate-network", {Status::verified, "B only.", kDec3}}}};
    // The storage event hands each tab the other's saved checklist; each saves again only on change.
    Checklist stored = b;
    for (int round = 0; round < 4; ++round) {
        Checklist& receiver = round % 2 == 0 ? a : b;
        const MergeReport r = merge_checklist(receiver, stored, bundled(), MergeTie::by_content);
        if (r.added + r.updated == 0) break;
        stored = receiver;
    }
    CHECK(a.entries == b.entries);
    CHECK(a.entries.size() == 4);
    // Nothing either tab wrote is lost: the tie went to one note and kept the other under the marker.
    const std::string& patching = a.find("patching")->note;
    CHECK_THAT(patching, ContainsSubstring("Tab A: patched monthly."));
    CHECK_THAT(patching, ContainsSubstring("Tab B: ask the vendor."));
    CHECK(std::count(patching.begin(), patching.end(), '\n') == 2);  // merged once, not back and forth
    CHECK(a.find("dpia")->note == "Tab B note.\n--- earlier note (kept on import) ---\nTab A note.");
    // A file import still lets the open checklist win a tie.
    Checklist c{"c", "1", {{"patching", {Status::verified, "mine", kDec3}}}};
    merge_checklist(c, Checklist{"c", "1", {{"patching", {Status::in_tender, "zzz", kDec3}}}}, bundled());
    CHECK(c.find("patching")->status == Status::verified);
}
