#include "text_fold.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace procure {
namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

struct Decoded {
    char32_t code_point = kInvalid;
    std::size_t size = 1;  // bytes consumed; an invalid byte is consumed alone
};

constexpr bool continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Strict UTF-8 (RFC 3629): no overlongs, no surrogates, nothing above U+10FFFF. Anything else is
// reported byte by byte, so a broken sequence cannot swallow the valid text after it.
Decoded decode(std::string_view s, std::size_t i) {
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = at(i);
    if (lead < 0x80) return {lead, 1};
    std::size_t size = 0;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
    char32_t cp = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        size = 2, cp = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        size = 3, cp = lead & 0x0Fu;
        if (lead == 0xE0) low = 0xA0;   // overlong
        if (lead == 0xED) high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        size = 4, cp = lead & 0x07u;
        if (lead == 0xF0) low = 0x90;   // overlong
        if (lead == 0xF4) high = 0x8F;  // beyond U+10FFFF
    } else {
        return {};
    }
    if (s.size() - i < size) return {};
    if (at(i + 1) < low || at(i + 1) > high) return {};
    for (std::size_t k = 1; k < size; ++k) {
        if (!continuation(at(i + k))) return {};
        cp = (cp << 6) | (at(i + k) & 0x3Fu);
    }
    return {cp, size};
}

// Up to four bytes: what one code point folds to.
struct Piece {
    std::array<char, 4> bytes{};
    std::size_t size = 0;

    constexpr void add(char c) {
        if (size < bytes.size()) bytes[size++] = c;
    }
    constexpr void add(std::string_view s) {
        for (char c : s) add(c);
    }
    constexpr void add_utf8(char32_t cp) {  // only for code points below U+0800: those the folds produce
        if (cp < 0x80) {
            add(static_cast<char>(cp));
        } else {
            add(static_cast<char>(0xC0 | (cp >> 6)));
            add(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }
};

// Latin-1 Supplement letters and Latin Extended-A and -B, 16 code points a row from U+00C0. A
// lower-case letter is the folded form; '.' keeps the code point (symbols, and letters with no
// obvious base letter such as schwa or ezh); an upper-case letter stands for two (see kPairs).
constexpr char32_t kLatinFirst = 0xC0;
constexpr std::string_view kLatin =
    "aaaaaaAceeeeiiii" "dnooooo.ouuuuyTS" "aaaaaaAceeeeiiii" "dnooooo.ouuuuyTy"  // U+00C0
    "aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii" "iiJJjjkkklllllll"  // U+0100
    "lllnnnnnnnnnoooo" "ooOOrrrrrrssssss" "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs"  // U+0140
    "bbbb...ccdddd..." ".ffg...ikkl..nno" "oo..pp.....ttttu" "u.vyyzz........."  // U+0180
    "....DDDLLLNNNaai" "ioouuuuuuuuuu.aa" "aaAAggggkkoooo.." "jDDDgg..nnaaAAoo"  // U+01C0
    "aaaaeeeeiiiioooo" "rrrruuuusstt..hh" "nd..zzaaeeoooooo" "ooyylntj..acclts"  // U+0200
    "z..bu.eejjqqrryy";                                                          // U+0240
static_assert(kLatin.size() == 0x250 - kLatinFirst);

constexpr std::array<std::pair<char, std::string_view>, 8> kPairs{{
    {'A', "ae"}, {'O', "oe"}, {'T', "th"}, {'S', "ss"}, {'J', "ij"}, {'D', "dz"}, {'L', "lj"}, {'N', "nj"},
}};

// Ligatures U+FB00-U+FB06 as found in text copied from PDFs.
constexpr std::array<std::string_view, 7> kLigatures{"ff", "fi", "fl", "ffi", "ffl", "st", "st"};

constexpr char32_t fold_greek(char32_t c) {
    switch (c) {
        case 0x386: case 0x3AC: return 0x3B1;  // ά
        case 0x388: case 0x3AD: return 0x3B5;  // έ
        case 0x389: case 0x3AE: return 0x3B7;  // ή
        case 0x38A: case 0x3AA: case 0x3AF: case 0x3CA: case 0x390: return 0x3B9;  // ί ϊ ΐ
        case 0x38C: case 0x3CC: return 0x3BF;  // ό
        case 0x38E: case 0x3AB: case 0x3CD: case 0x3CB: case 0x3B0: return 0x3C5;  // ύ ϋ ΰ
        case 0x38F: case 0x3CE: return 0x3C9;  // ώ
        case 0x3C2: case 0x3F2: case 0x3F9: return 0x3C3;  // final and lunate sigma
        case 0x3D0: return 0x3B2;  // the symbol variants some fonts and keyboards produce
        case 0x3D1: return 0x3B8;
        case 0x3D5: return 0x3C6;
        case 0x3D6: return 0x3C0;
        case 0x3F0: return 0x3BA;
        case 0x3F1: return 0x3C1;
        default: break;
    }
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;
    return c;
}

constexpr char32_t fold_cyrillic(char32_t c) {
    if (c >= 0x410 && c <= 0x42F) {
        c += 0x20;  // А-Я
    } else if (c >= 0x400 && c <= 0x40F) {
        c += 0x50;  // Ѐ-Џ
    } else if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x4FF)) {
        c |= 1;  // case pairs, capital first
    } else if (c >= 0x4C1 && c <= 0x4CE) {
        c += c & 1;  // case pairs, capital at the odd code point
    } else if (c == 0x4C0) {
        c = 0x4CF;
    }
    // Searchers type е for ё and и for й, and Bulgarian marks ѐ ѝ only to tell homographs apart.
    if (c == 0x450 || c == 0x451) return 0x435;
    if (c == 0x439 || c == 0x45D) return 0x438;
    return c;
}

constexpr std::array<char, 128> kAsciiLower = [] {
    std::array<char, 128> t{};
    for (int i = 0; i < 128; ++i) t[static_cast<std::size_t>(i)] = static_cast<char>(i >= 'A' && i <= 'Z' ? i + 32 : i);
    return t;
}();

// What one valid code point whose UTF-8 bytes are `bytes` folds to. Every branch yields at most as
// many bytes as it consumes, which is why folding never lengthens text.
constexpr Piece fold_code_point(char32_t cp, std::string_view bytes) {
    Piece out;
    if (cp >= kLatinFirst && cp < kLatinFirst + kLatin.size()) {
        const char c = kLatin[cp - kLatinFirst];
        if (c == '.') {
            out.add(bytes);
        } else if (c >= 'a' && c <= 'z') {
            out.add(c);
        } else {
            for (const auto& [code, pair] : kPairs)
                if (code == c) out.add(pair);
        }
    } else if ((cp >= 0x300 && cp <= 0x36F) || cp == 0xAD) {
        // Combining marks and soft hyphens vanish; they never separate words.
    } else if (cp >= 0x370 && cp <= 0x3FF) {
        out.add_utf8(fold_greek(cp));
    } else if (cp >= 0x400 && cp <= 0x4FF) {
        out.add_utf8(fold_cyrillic(cp));
    } else if (cp == 0x1E9E) {
        out.add("ss");  // capital sharp s
    } else if (cp >= 0xFB00 && cp <= 0xFB06) {
        out.add(kLigatures[cp - 0xFB00]);
    } else {
        out.add(bytes);
    }
    return out;
}

struct Range {
    char32_t first, last;
};

// Separators beyond ASCII, ascending. Latin-1 keeps ª µ º as letters.
constexpr std::array<Range, 17> kSeparators{{
    {0x80, 0xA9},       {0xAB, 0xB4},       {0xB6, 0xB9},       {0xBB, 0xBF},     {0xD7, 0xD7},
    {0xF7, 0xF7},       {0x37E, 0x37E},     {0x387, 0x387},     {0x2000, 0x206F}, {0x20A0, 0x20CF},
    {0x2190, 0x2BFF},   {0x3000, 0x303F},   {0xFE10, 0xFE1F},   {0xFE30, 0xFE6F}, {0xFEFF, 0xFEFF},
    {0xFFF0, 0xFFFF},   {0x1F000, 0x1FAFF},
}};

constexpr std::array<bool, 128> kAsciiWord = [] {
    std::array<bool, 128> t{};
    for (int i = 0; i < 128; ++i)
        t[static_cast<std::size_t>(i)] = (i >= '0' && i <= '9') || (i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z');
    return t;
}();

constexpr bool is_separator(char32_t code_point) {
    if (code_point < 0x80) return !kAsciiWord[code_point];
    for (const Range& r : kSeparators) {
        if (code_point < r.first) return false;
        if (code_point <= r.last) return true;
    }
    return false;
}

// Everything about the two-byte code points (U+0080-U+07FF), which hold every letter the folds
// change, worked out at compile time: indexing a catalogue in Greek or Czech meets one in every word.
struct TwoByte {
    std::array<char, 2> folded{};
    std::uint8_t size = 0;
    bool separator = false;
};

constexpr std::array<TwoByte, 0x800 - 0x80> kTwoByte = [] {
    std::array<TwoByte, 0x800 - 0x80> table{};
    for (char32_t cp = 0x80; cp < 0x800; ++cp) {
        const std::array<char, 2> utf8{static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
        const Piece piece = fold_code_point(cp, std::string_view(utf8.data(), utf8.size()));
        TwoByte& entry = table[cp - 0x80];
        entry.size = static_cast<std::uint8_t>(piece.size < 2 ? piece.size : 2);
        entry.folded = {piece.bytes[0], piece.bytes[1]};
        entry.separator = is_separator(cp);
    }
    return table;
}();

constexpr bool two_byte_folds_fit() {
    for (char32_t cp = 0x80; cp < 0x800; ++cp) {
        const std::array<char, 2> utf8{static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
        if (fold_code_point(cp, std::string_view(utf8.data(), utf8.size())).size > 2) return false;
    }
    return true;
}
static_assert(two_byte_folds_fit(), "folding must never lengthen text");

// The table entry of the two-byte code point at s[i], or null when there is none there.
inline const TwoByte* two_byte_at(std::string_view s, std::size_t i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0xC2 || lead > 0xDF || i + 1 >= s.size() || !continuation(static_cast<unsigned char>(s[i + 1]))) return nullptr;
    return &kTwoByte[((lead & 0x1Fu) << 6 | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu)) - 0x80];
}

// One loop for both folds; fold() skips the origin map. The output is sized for the source up front
// and written through pointers: this loop runs over every text of a catalogue when it is indexed.
template <bool kWithOrigin>
void fold_impl(std::string_view in, std::string& out, std::vector<std::uint32_t>* origin) {
    out.resize(in.size());
    char* w = out.data();
    std::uint32_t* o = nullptr;
    if constexpr (kWithOrigin) {
        origin->resize(in.size() + 1);
        o = origin->data();
    }
    std::size_t i = 0;
    while (i < in.size()) {
        const auto byte = static_cast<unsigned char>(in[i]);
        if (byte < 0x80) {
            *w++ = kAsciiLower[byte];
            if constexpr (kWithOrigin) *o++ = static_cast<std::uint32_t>(i);
            ++i;
            continue;
        }
        if (const TwoByte* t = two_byte_at(in, i)) {
            for (std::size_t k = 0; k < t->size; ++k) {
                *w++ = t->folded[k];
                if constexpr (kWithOrigin) *o++ = static_cast<std::uint32_t>(i);
            }
            i += 2;
            continue;
        }
        const Decoded d = decode(in, i);
        Piece piece;
        if (d.code_point == kInvalid) piece.add(' ');
        else piece = fold_code_point(d.code_point, in.substr(i, d.size));
        // The min restates the promise above, so that a slip in a table could never overrun `out`.
        for (std::size_t k = 0; k < std::min(piece.size, d.size); ++k) {
            *w++ = piece.bytes[k];
            if constexpr (kWithOrigin) *o++ = static_cast<std::uint32_t>(i);
        }
        i += d.size;
    }
    out.resize(static_cast<std::size_t>(w - out.data()));
    if constexpr (kWithOrigin) {
        *o++ = static_cast<std::uint32_t>(in.size());
        origin->resize(static_cast<std::size_t>(o - origin->data()));
    }
}

// Whether the code point at byte i belongs to a word, and how many bytes it has.
inline bool word_at(std::string_view s, std::size_t i, std::size_t& size) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80) {
        size = 1;
        return kAsciiWord[byte];
    }
    if (const TwoByte* t = two_byte_at(s, i)) {
        size = 2;
        return !t->separator;
    }
    const Decoded d = decode(s, i);
    size = d.size;
    return d.code_point != kInvalid && !is_separator(d.code_point);
}

}  // namespace

FoldedText fold_text(std::string_view utf8) {
    FoldedText result;
    fold_impl<true>(utf8, result.text, &result.origin);
    return result;
}

std::string fold(std::string_view utf8) {
    std::string out;
    fold_impl<false>(utf8, out, nullptr);
    return out;
}

void fold_into(std::string_view utf8, std::string& out) { fold_impl<false>(utf8, out, nullptr); }

std::string_view utf8_prefix(std::string_view utf8, std::size_t max_bytes) {
    if (utf8.size() <= max_bytes) return utf8;
    std::size_t cut = max_bytes;
    // A code point has at most three continuation bytes; past that the text is not UTF-8 anyway.
    for (int back = 0; back < 3 && cut > 0 && continuation(static_cast<unsigned char>(utf8[cut])); ++back) --cut;
    return utf8.substr(0, cut);
}

bool separates_words(char32_t code_point) { return is_separator(code_point); }

WordSpan next_word(std::string_view folded, std::size_t from) {
    std::size_t i = std::min(from, folded.size()), size = 1;
    // Skips ASCII bytes inside (or outside) a word without a call, as indexing runs this over every
    // byte of a catalogue; true when it stopped at a byte that starts a longer code point.
    const auto skip_ascii = [&](bool in_word) {
        for (; i < folded.size(); ++i) {
            const auto byte = static_cast<unsigned char>(folded[i]);
            if (byte >= 0x80) return true;
            if (kAsciiWord[byte] != in_word) return false;
        }
        return false;
    };
    while (skip_ascii(false) && !word_at(folded, i, size)) i += size;
    const std::size_t begin = i;
    while (skip_ascii(true) && word_at(folded, i, size)) i += size;
    return {begin, i};
}

}  // namespace procure
