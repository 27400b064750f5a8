// Synthetic catalogues for benchmarks: any number of practices with the real taxonomies, random links
// and texts of realistic length in several languages and scripts, so the engine can be measured on
// catalogues far larger than the real one. Deterministic: the same seed and word lists give the same
// catalogue, byte for byte, on every machine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/catalogue.hpp"

namespace bench {

// A language's vocabulary: entries most frequent first (they are drawn with Zipf-like weights, as
// words occur in real text). An entry may hold several words, written next to each other, so that quoted
// phrases such as "remote access" have something to find.
struct WordList {
    std::string language;  // BCP 47 code, e.g. "cs"
    std::vector<std::string> entries;
};

// The lists in tools/benchmark/words/, in the order practices cycle through them.
inline constexpr std::string_view kLanguages[] = {"en", "cs", "pl", "el", "bg"};

// One entry a line; blank lines and lines starting with '#' are skipped.
WordList parse_word_list(std::string language, std::string_view text);
// Reads DIR/<code>.txt for every code in kLanguages. On failure returns nothing and says why in `error`.
std::optional<std::vector<WordList>> read_word_lists(const std::string& dir, std::string& error);

inline constexpr std::uint64_t kDefaultSeed = 20200224;

// A valid catalogue of `practices` practices (ids "syn-000001"..., numbered from 1). Practice i is
// written in languages[i % languages.size()]. Texts: title ~6 words, summary ~25, why ~90 in two
// paragraphs, 3 clauses of ~25 and 3 evidence items of ~8. Each practice has one phase, 1-4 types of
// procurement and 1-3 threats, drawn at random. `languages` must not be empty, nor any list in it.
procure::Catalogue make_synthetic_catalogue(std::size_t practices, const std::vector<WordList>& languages,
                                            std::uint64_t seed = kDefaultSeed);

// The catalogue format numbers practices from 1 to 9999 (catalogue.schema.json, and the loader checks
// it), so one file cannot hold more than 9999 practices. A larger catalogue is written as several
// files, each a complete catalogue of at most `practices_per_file` practices numbered from 1, with the
// same id, taxonomies and references; bench::CatalogueParts puts them back together.
inline constexpr std::size_t kPracticesPerFile = 5000;
std::size_t json_file_count(const procure::Catalogue& catalogue, std::size_t practices_per_file = kPracticesPerFile);
// File `file` (from 0) of json_file_count(): compact JSON text.
std::string catalogue_json_file(const procure::Catalogue& catalogue, std::size_t file,
                                std::size_t practices_per_file = kPracticesPerFile);

}  // namespace bench
