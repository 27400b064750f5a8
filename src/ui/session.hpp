// What the interface shows: the loaded catalogue, or the problems that stopped it from loading.
#pragma once

#include <optional>

#include "engine/catalogue.hpp"
#include "engine/problem.hpp"

namespace procure::ui {

struct Session {
    std::optional<Catalogue> catalogue;
    Problems load_problems;  // non-empty when the bundled catalogue could not be read
};

}  // namespace procure::ui
