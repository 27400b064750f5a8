// Turns catalogue JSON text into a typed Catalogue, checking the schema and referential integrity.
// Reports every problem with its JSON Pointer; never throws, never crashes.
#pragma once

#include <optional>
#include <string_view>

#include "catalogue.hpp"
#include "limits.hpp"
#include "problem.hpp"

namespace procure {

struct CatalogueLoad {
    std::optional<Catalogue> catalogue;  // present only when `problems` is empty
    Problems problems;
};

CatalogueLoad load_catalogue(std::string_view json_text, const Limits& limits = {});

// Ids appear in links, translation keys and file names: lower-case letters, digits, '-' and '_'.
bool is_valid_id(std::string_view id);

}  // namespace procure
