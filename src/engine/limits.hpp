// Upper bounds on untrusted input. Each is enforced with a clear message, so a hostile or broken
// file costs bounded memory and time instead of hanging a hospital laptop.
#pragma once

#include <cstddef>

namespace procure {

struct Limits {
    std::size_t max_document_bytes = 8u * 1024 * 1024;  // the real catalogue is ~0.2 MB
    std::size_t max_string_bytes = 16u * 1024;          // longest practice text is ~1 KB
    std::size_t max_depth = 16;                         // the catalogue format needs 5
    std::size_t max_items = 5000;                       // entries in any one array or object
};

}  // namespace procure
