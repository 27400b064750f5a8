// Upper bounds on untrusted input, all in one place. Catalogues, translations, checklist files and
// links come from strangers (a shared file, a mailed link), so each bound is enforced where the input
// enters the engine, with a message that names it: a hostile or broken input costs bounded memory and
// time instead of hanging a hospital laptop. The unit tests check each one at its boundary.
#pragma once

#include <cstddef>

namespace procure {

// JSON documents: catalogues, translation overlays and the language registry (json_document.hpp).
struct Limits {
    std::size_t max_document_bytes = 8u * 1024 * 1024;  // the real catalogue is ~0.1 MB
    std::size_t max_string_bytes = 16u * 1024;          // any one text or key; the longest practice text is ~1 KB
    std::size_t max_depth = 16;                         // nesting levels; the catalogue format needs 5
    std::size_t max_items = 5000;                       // entries in any one array or object
};

// Checklist files (checklist_file.hpp), opened by the user or restored from the browser's storage.
inline constexpr std::size_t kMaxNoteBytes = 8192;               // one checklist note: a page of text
inline constexpr std::size_t kMaxChecklistEntries = 5000;        // entries in one checklist
inline constexpr std::size_t kMaxChecklistFileBytes = 4u << 20;  // 4 MiB; a full 28-practice checklist is ~0.25 MB
// The longest text a checklist file holds is a note, and its nesting is 3 levels deep.
inline constexpr Limits kChecklistJsonLimits{.max_document_bytes = kMaxChecklistFileBytes,
                                             .max_string_bytes = kMaxNoteBytes,
                                             .max_depth = 8,
                                             .max_items = kMaxChecklistEntries};

// Link fragments (view_state.hpp). Longer links are cut after the last whole setting.
inline constexpr std::size_t kMaxFragmentBytes = 2048;     // what mail clients and browsers keep intact
inline constexpr std::size_t kMaxFragmentTextBytes = 256;  // search text in a link: as much as a query reads
inline constexpr std::size_t kMaxFragmentListItems = 64;   // ids per facet key; catalogues have ~10

// Search text (search_query.hpp). Past these sizes a search means nothing more to a person, and every
// term costs a pass over the index.
inline constexpr std::size_t kMaxQueryBytes = 256;  // the rest of the input is ignored
inline constexpr std::size_t kMaxSearchTerms = 16;  // further terms are ignored
inline constexpr std::size_t kMaxTermBytes = 64;    // longer terms are cut

}  // namespace procure
