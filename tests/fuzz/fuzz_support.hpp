// Shared pieces of the fuzz targets: a check that crashes, so libFuzzer keeps the input that broke an
// invariant, and the files and checks several targets use. Not assert(): builds may define NDEBUG.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "engine/catalogue_loader.hpp"
#include "engine/problem.hpp"

#define FUZZ_CHECK(condition, what)                                                                  \
    do {                                                                                             \
        if (!(condition)) {                                                                          \
            std::fprintf(stderr, "\nbroken invariant at %s:%d: %s\n", __FILE__, __LINE__, (what)); \
            std::abort();                                                                            \
        }                                                                                            \
    } while (false)

namespace procure::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// A file of the source tree (FUZZ_SOURCE_DIR is set by tests/fuzz/CMakeLists.txt).
inline std::string read_source_file(const std::string& relative) {
    std::ifstream in(std::string(FUZZ_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

inline Catalogue load_source_catalogue(const std::string& relative) {
    CatalogueLoad r = load_catalogue(read_source_file(relative));
    if (!r.catalogue) {
        std::fprintf(stderr, "cannot load %s\n", relative.c_str());
        std::abort();
    }
    return std::move(*r.catalogue);
}

// Strict UTF-8 (no overlong forms, surrogates or code points past U+10FFFF), written apart from the
// engine's own checks so that a mistake shared with them cannot hide.
inline bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

// Every problem a loader reports points into the document and says something, in valid UTF-8
// whatever the input held: the app shows it and puts it into JSON.
inline void check_problems(const Problems& problems) {
    for (const Problem& p : problems) {
        FUZZ_CHECK(p.pointer.empty() || p.pointer.front() == '/', "a problem's pointer is a JSON Pointer");
        FUZZ_CHECK(!p.message.empty(), "a problem says what is wrong");
        FUZZ_CHECK(valid_utf8(p.pointer) && valid_utf8(p.message), "a problem is valid UTF-8");
    }
}

}  // namespace procure::fuzz
