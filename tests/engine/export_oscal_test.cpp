// OSCAL export: the structure OSCAL 1.1.2 requires, checked on the real catalogue, plus golden files.
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>

#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include "engine/catalogue_loader.hpp"
#include "engine/export.hpp"
#include "test_files.hpp"

using namespace procure;
using Json = nlohmann::json;

namespace {

const Catalogue& load(const char* path) {
    static std::map<std::string, Catalogue> cache;
    auto it = cache.find(path);
    if (it == cache.end()) {
        auto r = load_catalogue(test::read_source_file(path));
        REQUIRE(r.catalogue);
        it = cache.emplace(path, *r.catalogue).first;
    }
    return it->second;
}
const Catalogue& bundled() { return load(test::kBundledCatalogue); }
const Catalogue& minimal() { return load("tests/data/minimal-catalogue.json"); }

Json parse(const std::string& text) {
    Json doc = Json::parse(text, nullptr, false);
    REQUIRE(!doc.is_discarded());
    return doc;
}

const std::regex kUuid("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
const std::regex kToken("^[_A-Za-z][_A-Za-z0-9.-]*$");
const std::regex kOneLine("^\\S(.*\\S)?$");

bool is_string(const Json& j, const char* key) { return j.is_object() && j.contains(key) && j[key].is_string(); }
std::string str(const Json& j, const char* key) { return is_string(j, key) ? j[key].get<std::string>() : std::string(); }

// Calls `visit(key, value)` for every member of every object in the document.
void walk(const Json& j, const std::function<void(const std::string&, const Json&)>& visit) {
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            visit(it.key(), it.value());
            walk(it.value(), visit);
        }
    } else if (j.is_array()) {
        for (const Json& e : j) walk(e, visit);
    }
}

// What OSCAL requires of every uuid, id and prop in a document.
void check_oscal_basics(const Json& doc) {
    std::set<std::string> uuids, ids;
    walk(doc, [&](const std::string& key, const Json& value) {
        if (key == "uuid") {
            INFO(value.dump());
            REQUIRE(value.is_string());
            CHECK(std::regex_match(value.get<std::string>(), kUuid));
            CHECK(uuids.insert(value.get<std::string>()).second);
        }
        if (key == "id") {
            INFO(value.dump());
            REQUIRE(value.is_string());
            CHECK(std::regex_match(value.get<std::string>(), kToken));
            CHECK(ids.insert(value.get<std::string>()).second);
        }
        if (key == "props") {
            REQUIRE(value.is_array());
            for (const Json& prop : value) {
                INFO(prop.dump());
                CHECK(std::regex_match(str(prop, "name"), kToken));
                CHECK(std::regex_match(str(prop, "value"), kOneLine));
                const std::string name = str(prop, "name");
                if (name != "label" && name != "sort-id") CHECK(str(prop, "ns") == "https://hospital-procurement-guide.example/ns/oscal");
                if (prop.contains("class")) CHECK(std::regex_match(str(prop, "class"), kToken));
            }
        }
    });
}

void check_metadata(const Json& metadata) {
    CHECK(!str(metadata, "title").empty());
    CHECK(std::regex_match(str(metadata, "last-modified"), std::regex("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$")));
    CHECK(!str(metadata, "version").empty());
    CHECK(str(metadata, "oscal-version") == "1.1.2");
}

void check_golden(const std::string& name, const std::string& actual) {
    const std::string path = std::string(PROJECT_SOURCE_DIR) + "/tests/data/golden/" + name;
    const std::string expected = test::read_source_file("tests/data/golden/" + name);
    if (expected != actual) {
        std::ofstream(path + ".actual", std::ios::binary) << actual;
        FAIL("output differs from " << path << "; the new output is in " << path << ".actual");
    }
}

}  // namespace

TEST_CASE("the OSCAL catalog of the real catalogue has every practice in its phase's group", "[oscal]") {
    const Catalogue& c = bundled();
    const Json doc = parse(export_oscal_catalog(c, "2026-12-03T10:15:00Z", "seed"));
    REQUIRE(doc.contains("catalog"));
    const Json& catalog = doc["catalog"];
    check_oscal_basics(doc);
    check_metadata(catalog["metadata"]);
    CHECK(str(catalog["metadata"], "last-modified") == "2026-12-03T10:15:00Z");
    CHECK(str(catalog["metadata"], "version") == c.version);
    CHECK(str(catalog["metadata"], "title") == c.metadata.title);

    REQUIRE(catalog["groups"].size() == c.phases.size());
    std::size_t controls = 0;
    for (std::size_t g = 0; g < c.phases.size(); ++g) {
        const Json& group = catalog["groups"][g];
        CHECK(str(group, "id") == c.phases[g].id);
        CHECK(str(group, "title") == c.phases[g].name);
        CHECK(str(group["parts"][0], "name") == "overview");
        for (const Json& control : group["controls"]) {
            ++controls;
            const Practice* p = c.find_practice(str(control, "id").substr(3));
            REQUIRE(p);
            CHECK(p->phase == c.phases[g].id);
            CHECK(str(control, "title") == p->title);
            CHECK(str(control["props"][0], "name") == "label");
            CHECK(str(control["props"][0], "value") == std::to_string(p->number));
            std::set<std::string> part_names;
            for (const Json& part : control["parts"]) part_names.insert(str(part, "name"));
            CHECK(part_names == std::set<std::string>{"statement", "guidance", "tender-clauses", "assessment-objective"});
            const Json& clauses = control["parts"][2];
            CHECK(str(clauses, "ns") == "https://hospital-procurement-guide.example/ns/oscal");
            REQUIRE(clauses["parts"].size() == p->clauses.size());
            for (std::size_t i = 0; i < p->clauses.size(); ++i) {
                CHECK(str(clauses["parts"][i], "name") == "item");
                CHECK(str(clauses["parts"][i], "prose") == p->clauses[i]);
            }
            CHECK(control["parts"][3]["parts"].size() == p->evidence.size());
            std::size_t asset_props = 0;
            for (const Json& prop : control["props"])
                if (str(prop, "name") == "asset-type") {
                    ++asset_props;
                    CHECK(c.find_asset_type(str(prop, "value")));
                    CHECK(str(prop, "class") == "editorial");
                }
            CHECK(asset_props == p->assets.size());
            CHECK(control["links"].size() == p->references.size());
        }
    }
    CHECK(controls == c.practices.size());
    CHECK(!catalog.contains("controls"));
}

TEST_CASE("the OSCAL catalog's reference links resolve to back-matter resources", "[oscal]") {
    const Catalogue& c = bundled();
    const Json doc = parse(export_oscal_catalog(c, "2026-12-03T10:15:00Z", "seed"));
    std::set<std::string> resources;
    const Json& list = doc["catalog"]["back-matter"]["resources"];
    CHECK(list.size() == c.references.size() + 1);  // and the source publication
    for (const Json& r : list) {
        resources.insert("#" + str(r, "uuid"));
        CHECK(!str(r, "title").empty());
        if (r.contains("rlinks")) CHECK(str(r["rlinks"][0], "href").rfind("https://", 0) == 0);
    }
    walk(doc, [&](const std::string& key, const Json& value) {
        if (key == "links")
            for (const Json& link : value) CHECK(resources.count(str(link, "href")) == 1);
    });
}

TEST_CASE("OSCAL UUIDs are a pure function of seed and place", "[oscal]") {
    const Catalogue& c = bundled();
    const std::string a = export_oscal_catalog(c, "2026-12-03T10:15:00Z", "seed");
    CHECK(a == export_oscal_catalog(c, "2026-12-03T10:15:00Z", "seed"));
    const Json other = parse(export_oscal_catalog(c, "2026-12-03T10:15:00Z", "another seed"));
    CHECK(str(parse(a)["catalog"], "uuid") != str(other["catalog"], "uuid"));
}

TEST_CASE("the OSCAL profile selects exactly the chosen practices, with their checklist status", "[oscal]") {
    const Catalogue& c = bundled();
    Checklist checklist;
    checklist.entries["encryption"] = ChecklistEntry{Status::verified, "note", 1};
    std::vector<std::size_t> chosen;
    for (const char* id : {"encryption", "involve-it", "patching"})
        chosen.push_back(static_cast<std::size_t>(c.find_practice(id) - c.practices.data()));
    chosen.push_back(chosen[0]);      // a repeat is selected once
    chosen.push_back(c.practices.size() + 5);  // out of range: skipped
    ExportInput in{c, chosen, &checklist, "2026-12-03T10:15:00Z", "Phase: Plan", "javascript:alert(1)"};

    const Json doc = parse(export_oscal_profile(in, "hospital-catalog.json", "seed"));
    REQUIRE(doc.contains("profile"));
    const Json& profile = doc["profile"];
    check_oscal_basics(doc);
    check_metadata(profile["metadata"]);
    CHECK(!profile["metadata"].contains("links"));  // only http(s) share links are written
    REQUIRE(profile["imports"].size() == 1);
    const Json& import = profile["imports"][0];
    CHECK(str(import, "href") == "hospital-catalog.json");
    CHECK(import["include-controls"][0]["with-ids"] ==
          Json::array({"gp-encryption", "gp-involve-it", "gp-patching"}));
    const Json& alters = profile["modify"]["alters"];
    REQUIRE(alters.size() == 3);
    CHECK(str(alters[0], "control-id") == "gp-encryption");
    CHECK(str(alters[0]["adds"][0]["props"][0], "value") == "verified");
    CHECK(str(alters[1]["adds"][0]["props"][0], "value") == "not_started");

    in.checklist = nullptr;
    in.share_link = "https://guide.example/#phase=plan";
    const Json plain = parse(export_oscal_profile(in, "hospital-catalog.json", "seed"));
    CHECK(!plain["profile"].contains("modify"));
    CHECK(str(plain["profile"]["metadata"]["links"][0], "href") == "https://guide.example/#phase=plan");
}

TEST_CASE("an OSCAL profile of nothing selects nothing, in a form OSCAL allows", "[oscal]") {
    const Catalogue& c = bundled();
    ExportInput in{c, {}, nullptr, "2026-12-03T10:15:00Z", "", ""};
    const Json doc = parse(export_oscal_profile(in, "catalog.json", "seed"));
    check_oscal_basics(doc);
    const Json& import = doc["profile"]["imports"][0];
    CHECK(!import.contains("include-controls"));
    CHECK(import["include-all"] == Json::object());
    CHECK(import["exclude-controls"][0]["with-ids"].size() == c.practices.size());
}

TEST_CASE("OSCAL text is Markdown-escaped and stays valid JSON whatever the catalogue holds", "[oscal]") {
    Catalogue c = minimal();
    c.practices[0].title = "Use *bold* <script>alert(1)</script> & [links](javascript:x)";
    c.practices[0].summary = std::string("bad UTF-8 \xC3\x28 and \"quotes\"\nline");
    const Json doc = parse(export_oscal_catalog(c, "2026-12-03T10:15:00Z", "seed"));
    const Json& control = doc["catalog"]["groups"][0]["controls"][0];
    CHECK(str(control, "title") == "Use \\*bold\\* \\<script\\>alert(1)\\</script\\> \\& \\[links\\](javascript:x)");
    CHECK(str(control["parts"][0], "prose").find("\"quotes\"\nline") != std::string::npos);
}

TEST_CASE("OSCAL catalog and profile of the minimal catalogue match the golden files", "[oscal]") {
    const Catalogue& c = minimal();
    check_golden("oscal-catalog-minimal.json", export_oscal_catalog(c, "2026-12-03T10:15:00Z", "minimal-1.0.0"));
    Checklist checklist;
    checklist.entries["second"] = ChecklistEntry{Status::in_tender, "", 0};
    ExportInput in{c, {1, 0}, &checklist, "2026-12-03T10:15:00Z", "Type of procurement: Cloud",
                   "https://guide.example/#type=cloud"};
    check_golden("oscal-profile-minimal.json", export_oscal_profile(in, "oscal-catalog-minimal.json", "minimal-1.0.0"));
}
