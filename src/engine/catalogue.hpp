// The typed catalogue model: taxonomies, good practices, references and scenarios.
// Filled by catalogue_loader.cpp from JSON; everything else in the engine reads it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace procure {

// Where a statement in the catalogue comes from. The interface shows this to the user,
// so an editorial mapping is never presented as if the publication said it.
enum class Provenance {
    official,   // taken directly from the publication by whoever wrote the catalogue
    confirmed,  // confirmed by more than one public summary of the publication
    likely,     // inferred (for example from the order of a confirmed list)
    editorial,  // this catalogue's own judgement
};

std::string_view to_string(Provenance p);
std::optional<Provenance> provenance_from_string(std::string_view s);

// A phase, a type of procurement or a threat category.
struct Term {
    std::string id;
    std::string name;
    std::string description;
    std::vector<std::string> examples;
    Provenance provenance = Provenance::editorial;
};

// A practice's link to a term, with where that link comes from.
struct Link {
    std::string id;
    Provenance provenance = Provenance::editorial;
};

struct Reference {
    std::string id;
    std::string title;
    std::string identifier;  // "(EU) 2016/679", "ANSI/NEMA HN 1-2019"; may be empty
    std::string kind;        // law | standard | guidance
    std::string description;
    std::string url;         // may be empty
};

struct Practice {
    std::string id;  // stable across editions and languages: used in links, checklists, translations
    int number = 0;
    std::string title;
    std::string phase;
    Provenance phase_provenance = Provenance::editorial;
    std::string summary;
    std::string why;                   // paragraphs separated by a blank line
    std::vector<std::string> clauses;  // tender or contract requirements, numbered by the reader
    std::vector<std::string> evidence;
    std::vector<Link> assets;
    std::vector<Link> threats;
    std::vector<std::string> references;
};

// A set of filter selections. Within a facet options are OR-ed; facets are AND-ed.
struct FacetSelection {
    std::vector<std::string> phases;
    std::vector<std::string> assets;
    std::vector<std::string> threats;
};

struct Scenario {
    std::string id;
    std::string name;
    std::string description;
    FacetSelection filters;
};

struct SourcePublication {
    std::string title;
    std::string publisher;
    std::string date;  // ISO 8601, YYYY-MM-DD
    std::string url;
};

struct Metadata {
    std::string title;
    std::string publisher;
    SourcePublication source;
    std::string edition;
    std::string licence;
    std::string notice;  // says whose words the texts are
};

struct Catalogue {
    int schema_version = 0;
    std::string id;       // e.g. "enisa-hospitals-2020"
    std::string version;  // content version, e.g. "1.0.0"
    std::string language; // language of the source texts
    Metadata metadata;
    std::vector<Term> phases;
    std::vector<Term> asset_types;
    std::vector<Term> threats;
    std::vector<Reference> references;
    std::vector<Practice> practices;
    std::vector<Scenario> scenarios;

    // Linear lookups: catalogues hold tens of items per list, and the engine builds its own
    // indexes where speed matters.
    const Practice* find_practice(std::string_view item_id) const;
    const Term* find_phase(std::string_view item_id) const;
    const Term* find_asset_type(std::string_view item_id) const;
    const Term* find_threat(std::string_view item_id) const;
    const Reference* find_reference(std::string_view item_id) const;
    const Scenario* find_scenario(std::string_view item_id) const;
};

// The schema version this build reads. A file with a higher version is refused with a message
// telling the agency to use a newer release, rather than being half-understood.
inline constexpr int kSchemaVersion = 1;

}  // namespace procure
