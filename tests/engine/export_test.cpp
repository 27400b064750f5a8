// Exports: golden files for a fixed selection of the real catalogue, and hostile text in notes and in
// a hand-made catalogue. On a golden mismatch the actual output is written next to the golden file
// as *.actual, to diff; copy it over the golden file when the change is intended.
#include "engine/export.hpp"

#include <cstdio>
#include <fstream>
#include <optional>

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <nlohmann/json.hpp>

#include "engine/catalogue_loader.hpp"
#include "engine/checklist_file.hpp"
#include "test_files.hpp"

using namespace procure;
using Catch::Matchers::ContainsSubstring;

namespace {

constexpr std::int64_t kDec3 = 1796292900000;  // 2026-12-03T10:15:00.000Z
using Rows = std::vector<std::vector<std::string>>;

Catalogue load(const std::string& text) { return test::load_valid_catalogue(text); }
const Catalogue& bundled() { return test::bundled_catalogue(); }

Checklist fixed_checklist() {
    Checklist c{"enisa-hospitals-2020", "1.0.0", {}};
    c.entries["segregate-network"] = {Status::in_tender,
                                      "Asked the vendor for the network flow matrix.\nFollow up with the network team on 10 December.",
                                      kDec3};
    c.entries["patching"] = {Status::verified, "", kDec3 + 86'400'000};
    c.entries["dpia"] = {Status::not_applicable, "The product processes no personal data (confirmed by the DPO).", kDec3 + 3'600'000};
    return c;
}

ExportInput fixed_input(const Checklist& checklist) {
    // Practices 1, 13, 17 and 24: one without a checklist entry, and one of each other status.
    return ExportInput{bundled(), {0, 12, 16, 23}, &checklist, "2026-12-03T10:15:00Z",
                       "Phase: General, Plan, Source, Manage; Threat: Malicious actions",
                       "https://guide.example.org/#phase=general,plan,source,manage&threat=malicious"};
}

void check_golden(const std::string& name, const std::string& actual) {
    const std::string relative = "tests/data/golden/" + name;
    const std::string actual_path = std::string(PROJECT_SOURCE_DIR) + "/" + relative + ".actual";
    if (test::read_source_file(relative) == actual) {
        std::remove(actual_path.c_str());
        return;
    }
    std::ofstream(actual_path, std::ios::binary) << actual;
    FAIL_CHECK(relative << " differs from the output, which is in " << actual_path);
}

// A strict RFC 4180 reader: every record ends with CRLF, quotes enclose whole fields only.
std::optional<Rows> read_csv(std::string_view s) {
    Rows rows;
    std::vector<std::string> row;
    std::size_t i = 0;
    while (i < s.size()) {
        std::string field;
        if (s[i] == '"') {
            for (++i;; ++i) {
                if (i >= s.size()) return std::nullopt;
                if (s[i] == '"') {
                    if (i + 1 < s.size() && s[i + 1] == '"') {
                        field += s[++i];
                        continue;
                    }
                    ++i;
                    break;
                }
                field += s[i];
            }
        } else {
            for (; i < s.size() && s[i] != ',' && s[i] != '\r'; ++i) {
                if (s[i] == '"' || s[i] == '\n') return std::nullopt;
                field += s[i];
            }
        }
        row.push_back(std::move(field));
        if (i < s.size() && s[i] == ',') {
            ++i;
        } else if (s.substr(i, 2) == "\r\n") {
            rows.push_back(std::move(row));
            row.clear();
            i += 2;
        } else {
            return std::nullopt;
        }
    }
    if (!row.empty()) return std::nullopt;
    return rows;
}

Rows csv_rows(const std::string& csv) {
    REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    auto rows = read_csv(std::string_view(csv).substr(3));
    REQUIRE(rows);
    return *rows;
}

bool starts_like_formula(std::string_view s) {
    return !s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos;
}
std::string neutralised(const std::string& s) { return starts_like_formula(s) ? "'" + s : s; }

// True when `c` occurs in `md` without a backslash escape (an odd run of backslashes before it).
bool has_unescaped(std::string_view md, char c) {
    for (std::size_t i = 0; i < md.size(); ++i) {
        if (md[i] != c) continue;
        std::size_t backslashes = 0;
        while (backslashes < i && md[i - 1 - backslashes] == '\\') ++backslashes;
        if (backslashes % 2 == 0) return true;
    }
    return false;
}

std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> out(1);
    for (char c : text) {
        if (c == '\n') out.emplace_back();
        else out.back() += c;
    }
    return out;
}

const std::vector<std::string> kHostile = {
    "=cmd|' /C calc'!A0", "+SUM(1)", "@x", "-1", "\t=1+1", "\r=1+1", "<script>alert(1)</script>", "</td>",
    "line one\nline two", "carriage\rreturn", "windows\r\nline", "\"quoted\", with a comma", "a|b|c", "`code`",
    "[link](javascript:x)", "\\[escaped](javascript:x)", "\\<b>bold</b>", "# heading", "  ## indented heading",
    "1. list", "2) list", "- item", "+ item", "===", "---", "> quote", "&lt;script&gt;", "![img](https://x.test/i.png)",
    "<img src=x onerror=alert(1)>", "<!-- comment -->", "*bold* _em_ ~~strike~~", "    code block",
    "ok\n\n- second paragraph\n# third"};

Catalogue hostile_catalogue() {
    nlohmann::json doc = nlohmann::json::parse(test::read_source_file("tests/data/minimal-catalogue.json"));
    auto& first = doc["practices"][0];
    first["title"] = "=cmd|' /C calc'!A0";
    first["summary"] = "<script>alert(1)</script>";
    first["clauses"] = {"[link](javascript:x)", "line one\nline two\r\n# heading", "</td>"};
    first["evidence"] = {"-1", "@x", "a,b \"quoted\" | pipe `tick`"};
    doc["practices"][1]["title"] = "+SUM(1)\r\n## Injected heading";
    doc["phases"][0]["name"] = "@phase";
    doc["asset_types"][0]["name"] = "-devices";
    doc["threats"][0]["name"] = "=threat";
    doc["metadata"]["title"] = "`tick` <b>catalogue</b>";
    return load(doc.dump());
}

}  // namespace

TEST_CASE("exports of a fixed selection match their golden files", "[export]") {
    const Checklist checklist = fixed_checklist();
    const ExportInput in = fixed_input(checklist);
    check_golden("export.csv", export_csv(in));
    check_golden("export.md", export_markdown(in));
    check_golden("export.json", export_json(in));
    check_golden("annex.txt", export_tender_annex(in));
}

TEST_CASE("the CSV export is RFC 4180 with a BOM, CRLF and one row per practice", "[export]") {
    const Checklist checklist = fixed_checklist();
    const Rows rows = csv_rows(export_csv(fixed_input(checklist)));
    REQUIRE(rows.size() == 5);
    CHECK(rows[0] == std::vector<std::string>{"Number", "Id", "Title", "Phase", "Types of procurement", "Threats", "Summary",
                                              "Tender clauses", "Evidence", "Status", "Note", "Last changed"});
    for (const auto& row : rows) CHECK(row.size() == 12);
    CHECK(rows[2][1] == "segregate-network");
    CHECK(rows[2][3] == "Plan");
    CHECK(rows[2][7].rfind("1. The Supplier shall provide", 0) == 0);
    CHECK_THAT(rows[2][7], ContainsSubstring("\n2. The Supplier shall ensure"));
    CHECK(rows[2][9] == "In tender");
    CHECK(rows[2][10] == checklist.find("segregate-network")->note);
    CHECK(rows[2][11] == "2026-12-03T10:15:00.000Z");
    CHECK(rows[1][9] == "Not started");
    CHECK(rows[1][11].empty());
}

TEST_CASE("hostile text is neutralised in CSV and quoted so it reads back exactly", "[export]") {
    const Catalogue c = hostile_catalogue();
    for (const std::string& h : kHostile) {
        INFO("note: " << h);
        const Checklist checklist{"minimal", "1.0.0", {{"first", {Status::in_tender, h, kDec3}}}};
        const Rows rows = csv_rows(export_csv(ExportInput{c, {0, 1}, &checklist, "", "", ""}));
        REQUIRE(rows.size() == 3);
        CHECK(rows[1][10] == neutralised(h));
        for (const auto& row : rows)
            for (const std::string& cell : row) CHECK_FALSE(starts_like_formula(cell));
        CHECK(rows[1][2] == "'=cmd|' /C calc'!A0");
        CHECK(rows[1][3] == "'@phase");
        CHECK(rows[1][4] == "'-devices");
        CHECK(rows[1][5] == "'=threat");
        CHECK(rows[1][6] == "<script>alert(1)</script>");
        CHECK(rows[1][7] == "1. [link](javascript:x)\n2. line one\nline two\r\n# heading\n3. </td>");
        CHECK(rows[1][8] == "'-1\n@x\na,b \"quoted\" | pipe `tick`");
        CHECK(rows[2][2] == "'+SUM(1)\r\n## Injected heading");
    }
}

TEST_CASE("hostile text cannot add links, HTML, code or headings to the Markdown export", "[export]") {
    const Catalogue c = hostile_catalogue();
    for (const std::string& h : kHostile) {
        INFO("note: " << h);
        const Checklist checklist{"minimal", "1.0.0", {{"first", {Status::in_tender, h, kDec3}}}};
        const std::string md = export_markdown(ExportInput{c, {0, 1}, &checklist, h, h, "javascript:alert(1)"});
        CHECK(md.find("<script>") == std::string::npos);
        for (char special : std::string_view("<>[]`|_~")) {
            INFO("character " << special);
            CHECK_FALSE(has_unescaped(md, special));
        }
        std::size_t headings = 0;
        for (const std::string& line : lines_of(md)) {
            if (!line.empty() && line.front() == '#') ++headings;
            CHECK(line.rfind("    ", 0) == std::string::npos);  // no indented code blocks
        }
        CHECK(headings == 3);  // the title and one per practice
        // In the note, no line may start a block of its own.
        const auto note_at = md.find("**Note:**\n\n");
        REQUIRE(note_at != std::string::npos);
        const std::string note = md.substr(note_at + 11, md.find("\n## ", note_at) - note_at - 11);
        for (const std::string& line : lines_of(note)) {
            INFO("line: " << line);
            if (line.empty()) continue;
            CHECK(std::string_view("-+=#>*<|").find(line.front()) == std::string_view::npos);
            const auto digits = line.find_first_not_of("0123456789");
            CHECK((digits == 0 || digits == std::string::npos || (line[digits] != '.' && line[digits] != ')')));
        }
    }
    const Checklist none;
    const std::string md = export_markdown(ExportInput{c, {0, 1}, &none, "", "", ""});
    CHECK_THAT(md, ContainsSubstring("## 1. \\=cmd\\|' /C calc'!A0\n"));
    CHECK_THAT(md, ContainsSubstring("## 2. \\+SUM(1) \\#\\# Injected heading\n"));
    CHECK_THAT(md, ContainsSubstring("1. \\[link\\](javascript:x)\n2. line one line two \\# heading\n3. \\</td\\>\n"));
}

TEST_CASE("the Markdown export links the view only when the link is a plain web address", "[export]") {
    const Checklist checklist = fixed_checklist();
    ExportInput in = fixed_input(checklist);
    CHECK_THAT(export_markdown(in), ContainsSubstring("- **Link to this view:** <" + in.share_link + ">\n"));
    in.share_link = "https://x.test/a b>\"<script>";
    CHECK_THAT(export_markdown(in), ContainsSubstring("- **Link to this view:** https://x.test/a b\\>\"\\<script\\>\n"));
    in.share_link = "";
    CHECK(export_markdown(in).find("Link to this view") == std::string::npos);
}

TEST_CASE("hostile text survives the JSON export exactly", "[export]") {
    const Catalogue c = hostile_catalogue();
    for (const std::string& h : kHostile) {
        INFO("note: " << h);
        const Checklist checklist{"minimal", "1.0.0", {{"first", {Status::verified, h, kDec3}}}};
        nlohmann::json doc = nlohmann::json::parse(export_json(ExportInput{c, {0, 1}, &checklist, h, h, h}), nullptr, false);
        REQUIRE_FALSE(doc.is_discarded());
        CHECK(doc["generated_at"] == h);
        CHECK(doc["filter_summary"] == h);
        CHECK(doc["share_link"] == h);
        auto& first = doc["practices"][0];
        CHECK(first["title"] == "=cmd|' /C calc'!A0");
        CHECK(first["clauses"][1] == "line one\nline two\r\n# heading");
        CHECK(first["checklist"]["status"] == "verified");
        CHECK(first["checklist"]["note"] == h);
        CHECK(first["checklist"]["changed_at"] == "2026-12-03T10:15:00.000Z");
        CHECK(doc["practices"][1]["title"] == "+SUM(1)\r\n## Injected heading");
        CHECK(doc["practices"][1]["checklist"]["changed_at"].is_null());
    }
}

TEST_CASE("the JSON export does not abort on a note with broken UTF-8", "[export]") {
    const Checklist checklist{"minimal", "1.0.0", {{"first", {Status::verified, "bad \xC3\x28 byte", kDec3}}}};
    const Catalogue c = hostile_catalogue();
    nlohmann::json doc = nlohmann::json::parse(export_json(ExportInput{c, {0}, &checklist, "", "", ""}), nullptr, false);
    REQUIRE_FALSE(doc.is_discarded());
    CHECK(doc["practices"][0]["checklist"]["note"] == "bad \xEF\xBF\xBD( byte");
}

TEST_CASE("the tender annex is plain text with one clause per line, numbered across practices", "[export]") {
    const Catalogue c = hostile_catalogue();
    const std::string annex = export_tender_annex(ExportInput{c, {0, 1}, nullptr, "", "", ""});
    CHECK(annex.find('\r') == std::string::npos);
    CHECK_THAT(annex, ContainsSubstring("Practice 1 \xE2\x80\x94 =cmd|' /C calc'!A0\n1. [link](javascript:x)\n"
                                        "2. line one line two # heading\n3. </td>\n\n"
                                        "Practice 2 \xE2\x80\x94 +SUM(1) ## Injected heading\n4. The Supplier shall maintain it.\n"));
    const std::string real = export_tender_annex(fixed_input(fixed_checklist()));
    CHECK_THAT(real, ContainsSubstring("Practice 13 \xE2\x80\x94 Segregate network\n"));
    for (const char* markdown : {"**", "## ", "- ", "`"}) CHECK(real.find(markdown) == std::string::npos);
}

TEST_CASE("all fixed texts of the exports come from the labels", "[export]") {
    ExportLabels de;
    de.number = "Nr.";
    de.in_tender = "In der Ausschreibung";
    de.document_title = "Beschaffungspraktiken";
    de.practice = "Maßnahme";
    de.annex_title = "Anforderungen";
    const Checklist checklist = fixed_checklist();
    ExportInput in = fixed_input(checklist);
    in.labels = &de;
    const Rows rows = csv_rows(export_csv(in));
    CHECK(rows[0][0] == "Nr.");
    CHECK(rows[2][9] == "In der Ausschreibung");
    CHECK(export_markdown(in).rfind("# Beschaffungspraktiken\n", 0) == 0);
    CHECK_THAT(export_markdown(in), ContainsSubstring("- **Status:** In der Ausschreibung\n"));
    CHECK(export_tender_annex(in).rfind("Anforderungen\n\nMaßnahme 1 \xE2\x80\x94 ", 0) == 0);
}

TEST_CASE("exports handle an empty selection, a missing checklist and indices out of range", "[export]") {
    ExportInput in{bundled(), {999, 3}, nullptr, "", "", ""};
    const Rows rows = csv_rows(export_csv(in));
    REQUIRE(rows.size() == 2);
    CHECK(rows[1][1] == "secure-wireless");
    CHECK(rows[1][9] == "Not started");
    CHECK(rows[1][10].empty());
    CHECK_THAT(export_markdown(in), ContainsSubstring("- **Filters:** none (all practices)\n"));

    in.practices.clear();
    CHECK(csv_rows(export_csv(in)).size() == 1);
    CHECK_THAT(export_markdown(in), ContainsSubstring("No practices match the filters."));
    CHECK_THAT(export_tender_annex(in), ContainsSubstring("No practices match the filters."));
    nlohmann::json doc = nlohmann::json::parse(export_json(in), nullptr, false);
    CHECK(doc["practices"] == nlohmann::json::array());
}
