// The app's behaviour without a browser: every intent the interface can send, and what it changes.
#include "engine/session.hpp"

#include <catch2/catch_test_macros.hpp>

#include "engine/catalogue_loader.hpp"
#include "test_files.hpp"

using namespace procure;

namespace {
Session make_session() { return Session(*load_catalogue(test::read_source_file(test::kBundledCatalogue)).catalogue); }

std::vector<std::string> result_ids(const Session& s) {
    std::vector<std::string> ids;
    for (const ResultItem& r : s.results().items) ids.push_back(s.catalogue().practices[r.practice].id);
    return ids;
}
}  // namespace

TEST_CASE("view intents change the results and ask for the URL to follow", "[session]") {
    Session s = make_session();
    CHECK(s.results().items.size() == 28);
    Changes c = s.toggle(FacetKind::asset, "cloud_services");
    CHECK(c.view);
    CHECK_FALSE(c.checklist);
    const auto cloud = result_ids(s);
    CHECK(cloud.size() < 28);
    s.toggle(FacetKind::phase, "plan");
    CHECK(result_ids(s).size() < cloud.size());
    s.clear(FacetKind::phase);
    CHECK(result_ids(s) == cloud);
    s.set_text("encryption");
    CHECK(result_ids(s).front() == "encryption");
    CHECK(s.set_text("encryption").view == false);  // no change, nothing to persist
    s.clear_all();
    CHECK(s.results().items.size() == 28);
    CHECK(s.view().query.empty());
}

TEST_CASE("a scenario sets its filters and is forgotten once they change", "[session]") {
    Session s = make_session();
    REQUIRE(s.apply_scenario("cloud-services").view);
    CHECK(s.view().scenario == "cloud-services");
    CHECK(s.view().query.facets.assets == std::vector<std::string>{"cloud_services"});
    s.toggle(FacetKind::threat, "malicious");
    CHECK(s.view().scenario.empty());
    CHECK_FALSE(s.apply_scenario("no-such-scenario").view);
}

TEST_CASE("opening a practice: only known ids, closing with an empty id", "[session]") {
    Session s = make_session();
    CHECK(s.open("dpia").view);
    REQUIRE(s.open_practice());
    CHECK(s.open_practice()->id == "dpia");
    CHECK_FALSE(s.open("made-up").view);
    CHECK(s.open_practice()->id == "dpia");
    CHECK(s.open("").view);
    CHECK_FALSE(s.open_practice());
}

TEST_CASE("checklist intents ask for saving and feed the status facet", "[session]") {
    Session s = make_session();
    Changes c = s.set_status("patching", Status::verified, 1000);
    CHECK(c.checklist);
    CHECK_FALSE(c.view);
    CHECK(s.status_of(*s.practice_index("patching")) == Status::verified);
    s.toggle(FacetKind::status, "verified");
    CHECK(result_ids(s) == std::vector<std::string>{"patching"});
    CHECK(s.set_note("patching", "Supplier: 30 days for critical", 2000).checklist);
    CHECK(s.checklist().find("patching")->changed_at_ms == 2000);
    CHECK_FALSE(s.set_status("unknown-practice", Status::verified, 3000).checklist);
    s.reset_checklist();
    CHECK(s.checklist().entries.empty());
    CHECK(result_ids(s).empty());  // still filtering on "verified"
}

TEST_CASE("notes are bounded without cutting a character in half", "[session]") {
    Session s = make_session();
    std::string note(kMaxNoteBytes - 1, 'a');
    note += "\xC3\xA9\xC3\xA9";  // é é: the first straddles the limit
    s.set_note("dpia", note, 1);
    const std::string& kept = s.checklist().find("dpia")->note;
    CHECK(kept.size() == kMaxNoteBytes - 1);
    CHECK(kept.back() == 'a');
}

TEST_CASE("a restored link drops unknown ids and says so", "[session]") {
    Session s = make_session();
    ViewState v;
    v.query.facets.assets = {"cloud_services", "hovercraft"};
    v.open_practice = "gone";
    const auto dropped = s.restore_view(v);
    CHECK(dropped.size() == 2);
    CHECK(s.view().query.facets.assets == std::vector<std::string>{"cloud_services"});
    CHECK(s.view().open_practice.empty());
}

TEST_CASE("stored and imported checklists keep notes for practices the catalogue lost", "[session]") {
    Session s = make_session();
    Checklist stored;
    stored.entries["dpia"] = {Status::in_tender, "DPIA started", 10};
    stored.entries["retired-practice"] = {Status::verified, "Old note to keep", 5};
    s.load_checklist(stored);
    CHECK(s.orphaned_notes() == std::vector<std::string>{"retired-practice"});
    CHECK(s.checklist().find("retired-practice")->note == "Old note to keep");

    Checklist incoming;
    incoming.entries["dpia"] = {Status::verified, "DPIA signed off", 20};
    incoming.entries["another-old-one"] = {Status::not_applicable, "kept too", 1};
    const MergeReport report = s.import_checklist(incoming);
    CHECK(s.status_of(*s.practice_index("dpia")) == Status::verified);
    CHECK(report.unknown_practices == std::vector<std::string>{"another-old-one"});
    CHECK(s.checklist().find("another-old-one") != nullptr);
}

TEST_CASE("a language overlay changes texts and search, and keeps ids", "[session]") {
    Session s = make_session();
    auto overlay = load_overlay(R"j({"language": "de", "strings": {"practice.encryption.title": "Verschlüsselung verwenden"}})j");
    REQUIRE(overlay.overlay);
    s.set_language("de", {&*overlay.overlay});
    CHECK(s.catalogue().find_practice("encryption")->title == "Verschlüsselung verwenden");
    CHECK(s.catalogue().find_practice("dpia")->title == "Conduct DPIA");  // falls back to the source
    s.set_text("verschlusselung");
    CHECK(result_ids(s).front() == "encryption");
    CHECK(s.view().language == "de");
}
