// Parses untrusted JSON text into a DOM without throwing, within the given limits.
// Syntax errors come back with line and column; limit breaches with the JSON Pointer where they hit.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "limits.hpp"
#include "problem.hpp"

namespace procure {

struct ParsedJson {
    nlohmann::json value;
    std::optional<Problem> error;  // set when the text could not be read; value is then null
};

ParsedJson parse_json(std::string_view text, const Limits& limits);

// "the file is 9000000 bytes; the limit is 8388608 bytes": the message for a document past its size limit.
std::string document_size_message(std::size_t bytes, std::size_t limit);

}  // namespace procure
