// Names of the files the app offers for download. Parts of a name can come from a catalogue (its id)
// that a stranger wrote, so every name is reduced to characters that are safe on every file system.
#pragma once

#include <string>
#include <string_view>

namespace procure {

// ASCII letters, digits, '-', '_' and '.' only; anything else becomes '-', runs of '-' collapse, and
// leading dots and dashes go, so a name can neither climb folders ("../"), hide itself (".x") nor
// look like an option ("-x"). At most 120 bytes, keeping the extension; never empty ("download").
std::string safe_file_name(std::string_view name);

}  // namespace procure
