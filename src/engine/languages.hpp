// The registry of interface languages (i18n/languages.json) and the fallback chain of each.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "limits.hpp"
#include "problem.hpp"

namespace procure {

struct Language {
    std::string code;         // "pt"
    std::string name;         // English name, "Portuguese"
    std::string native_name;  // "Português"
    std::string fallback;     // next language to try; empty only for the source language
};

struct LanguageRegistry {
    std::vector<Language> languages;
    const Language* find(std::string_view code) const;
    // code, its fallback, its fallback's fallback, ... ending at the source language; cycles are cut.
    std::vector<std::string> fallback_chain(std::string_view code) const;
};

struct LanguageRegistryLoad {
    std::optional<LanguageRegistry> registry;
    Problems problems;
};

LanguageRegistryLoad load_language_registry(std::string_view json_text, const Limits& limits = {});

}  // namespace procure
