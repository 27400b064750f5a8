// Exports of the current selection with its checklist state. Pure functions: the caller passes
// everything, including the time stamp, so each output can be compared with a golden file.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "catalogue.hpp"
#include "checklist.hpp"

namespace procure {

// Every fixed text an export writes, in one place so that a translation can replace them all.
// The defaults are English.
struct ExportLabels {
    // CSV column headers; the Markdown document reuses several of them.
    std::string number = "Number";
    std::string id = "Id";
    std::string title = "Title";
    std::string phase = "Phase";
    std::string asset_types = "Types of procurement";
    std::string threats = "Threats";
    std::string summary = "Summary";
    std::string clauses = "Tender clauses";
    std::string evidence = "Evidence";
    std::string status = "Status";
    std::string note = "Note";
    std::string last_changed = "Last changed";
    // Checklist statuses.
    std::string not_started = "Not started";
    std::string in_tender = "In tender";
    std::string verified = "Verified";
    std::string not_applicable = "Not applicable";
    // The Markdown document.
    std::string document_title = "Cybersecurity procurement practices";
    std::string catalogue = "Catalogue";
    std::string version = "version";
    std::string generated = "Generated";
    std::string filters = "Filters";
    std::string no_filters = "none (all practices)";
    std::string share_link = "Link to this view";
    std::string source = "Source";
    std::string no_practices = "No practices match the filters.";
    // The tender annex: "Practice 13 — Segregate network".
    std::string annex_title = "Cybersecurity requirements";
    std::string practice = "Practice";
    std::string annex_note =
        "These clauses are a starting point, not ready-made contract text. Adapt them to the product, the hospital's "
        "risk assessment and the procurement law that applies before publishing the tender.";
    // The printable HTML report.
    std::string overview = "Overview";
    std::string matrix_title = "Practices by type of procurement";
    std::string matrix_legend = "\u25CF the practice applies to this type of procurement.";
    std::string why = "Why it matters";
    std::string references = "References";
    std::string checklist = "Checklist";
    std::string editorial = "editorial";  // shown in brackets after a link that is this catalogue's judgement
    std::string likely = "likely";        // shown in brackets after a phase inferred from the publication
};

struct ExportInput {
    const Catalogue& catalogue;          // already localised into the export's language
    std::vector<std::size_t> practices;  // indices into catalogue.practices, in display order
    const Checklist* checklist = nullptr;
    std::string generated_at;            // ISO 8601, e.g. "2026-12-03T10:15:00Z"
    std::string filter_summary;          // the filters in words, e.g. "Phase: Plan; Threat: Malicious actions"
    std::string share_link;              // link that reopens this view; may be empty
    const ExportLabels* labels = nullptr;  // nullptr: the English defaults
};

// Spreadsheet table (RFC 4180): UTF-8 with BOM, CRLF line ends, one row per practice. Cells that a
// spreadsheet would run as a formula (starting with = + - @ tab or CR) get a leading apostrophe.
std::string export_csv(const ExportInput& in);
// A readable Markdown document. User and catalogue text is escaped, so a note cannot add links,
// HTML or headings.
std::string export_markdown(const ExportInput& in);
// Machine-readable JSON with every text, link and checklist entry of the selected practices.
std::string export_json(const ExportInput& in);
// Plain text to paste into a tender: the clauses numbered continuously, grouped by practice.
std::string export_tender_annex(const ExportInput& in);

// OSCAL 1.1.2 catalog JSON of the whole catalogue: phases become groups, practices controls "gp-<id>",
// references back-matter resources. UUIDs are derived from `uuid_seed` and each object's place, so
// the same inputs give the same file byte for byte.
std::string export_oscal_catalog(const Catalogue& c, const std::string& generated_at, const std::string& uuid_seed);
// OSCAL 1.1.2 profile JSON that imports `catalog_href` and selects in.practices, with their checklist
// statuses added as properties when in.checklist is set.
std::string export_oscal_profile(const ExportInput& in, const std::string& catalog_href, const std::string& uuid_seed);

// A self-contained printable HTML5 report (inline CSS, no scripts, no external resources) of the
// selected practices with their checklist state. Every catalogue and checklist text is escaped.
std::string export_html_report(const ExportInput& in);

}  // namespace procure
