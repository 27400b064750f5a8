// Interface strings: i18n/ui/<lang>.json overlays, looked up along the language's fallback chain.
// Every visible word goes through tr(), so a translation is a data file, never a code change.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/translation.hpp"

namespace procure::ui {

// Sets the overlays to use, most preferred first (e.g. de, then en). Copies them.
void set_strings(const std::vector<const Overlay*>& chain);

// The text for `key`, or the key itself when no overlay has it (visible, so a gap is noticed).
const std::string& tr(std::string_view key);

// tr() with {name} placeholders replaced.
std::string trf(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> args);

}  // namespace procure::ui
