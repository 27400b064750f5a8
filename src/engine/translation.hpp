// Translations are overlays: flat files of key -> text for one language, laid over the catalogue's
// source texts. Keys are built from stable ids ("practice.encryption.summary", "practice.encryption.clauses.0"),
// so a translation never depends on the order of the catalogue. A text missing from every overlay
// in the fallback chain keeps the source text, string by string.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue.hpp"
#include "limits.hpp"
#include "problem.hpp"

namespace procure {

struct Overlay {
    std::string language;   // "de"
    std::string catalogue;  // the catalogue id it translates; empty for interface strings
    std::map<std::string, std::string, std::less<>> strings;

    const std::string* find(std::string_view key) const;
};

struct OverlayLoad {
    std::optional<Overlay> overlay;
    Problems problems;
};

OverlayLoad load_overlay(std::string_view json_text, const Limits& limits = {});

// Calls `visit(key, text)` for every translatable text of the catalogue, in catalogue order.
void for_each_text(const Catalogue& c, const std::function<void(const std::string& key, const std::string& text)>& visit);

// A copy of `source` with each text taken from the first overlay in `chain` that has its key.
Catalogue localise(const Catalogue& source, const std::vector<const Overlay*>& chain);

// The catalogue's own texts as an overlay in its source language: what translators start from
// (`catalogue-tool extract`). Blank texts are left out, as there is nothing to translate.
Overlay source_overlay(const Catalogue& c);

// The "{name}" placeholders of a text, sorted: a translation must keep exactly the same ones.
std::vector<std::string> placeholders(std::string_view text);

// How much of `source` an overlay translates: which keys it lacks, which it has that the source
// does not know, and which translations lost or gained a placeholder.
struct Coverage {
    std::size_t total = 0;
    std::size_t translated = 0;
    std::vector<std::string> missing;
    std::vector<std::string> unknown;
    std::vector<std::string> placeholder_mismatches;
};
Coverage coverage(const Overlay& source, const Overlay& overlay);
Coverage coverage(const Catalogue& source, const Overlay& overlay);

}  // namespace procure
