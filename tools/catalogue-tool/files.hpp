// Reading the files the commands work on, with a message on the error stream for each that fails.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "engine/catalogue.hpp"
#include "engine/languages.hpp"
#include "engine/translation.hpp"

namespace procure::cli {

std::optional<std::string> read_file(const std::string& path);
// A catalogue, or nothing after printing why it could not be loaded.
std::optional<Catalogue> load(const std::string& path, std::ostream& err);
// A translation file; a missing file is not an error (the language falls back), a broken one sets
// `broken` and is printed.
std::optional<Overlay> load_translation(const std::string& path, bool& broken, std::ostream& err);

// I18N_DIR/languages.json, or nothing after printing why it could not be loaded.
std::optional<LanguageRegistry> load_registry(const std::string& i18n_dir, std::ostream& err);

}  // namespace procure::cli
