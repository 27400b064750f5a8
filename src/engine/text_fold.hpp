// Text as search compares it: folded so that what people type matches what the catalogue says
// ("sifrovani" finds "šifrování", "οδος" finds "ΟΔΟΣ"), and cut into words the same way for the
// index, the query and the highlights.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace procure {

// Folded text for matching: lower-case, diacritics removed. origin maps each folded byte back to the
// byte offset (in the source) of the code point it came from; origin.size() == text.size() + 1 and the
// last entry is source.size(), so [origin[b], origin[e]) is the source range of folded bytes [b, e).
//
// Folding never makes text longer, always yields valid UTF-8 (each byte of invalid UTF-8 becomes a
// space) and is idempotent. Combining diacritical marks (U+0300-U+036F) and the soft hyphen (U+00AD)
// are dropped, so text in decomposed form folds like its composed form. Sources longer than 4 GiB
// are not supported (origin holds 32-bit offsets).
struct FoldedText {
    std::string text;
    std::vector<std::uint32_t> origin;
};

FoldedText fold_text(std::string_view utf8);
std::string fold(std::string_view utf8);  // text only, faster
// Like fold(), but reuses `out`'s storage: for loops that fold many texts.
void fold_into(std::string_view utf8, std::string& out);

// The longest prefix of `utf8` that has at most `max_bytes` bytes and does not end inside a code point.
std::string_view utf8_prefix(std::string_view utf8, std::size_t max_bytes);

// A word is a run of letters and digits; everything else separates words: ASCII spaces, punctuation
// and controls, Latin-1 punctuation and symbols, U+00A0, U+2000-U+206F (spaces, dashes, quotes),
// currency, arrows, mathematical and other symbols, CJK punctuation and emoji.
bool separates_words(char32_t code_point);

// Half-open byte range [begin, end) of a word in folded text; begin == end == text size when none.
struct WordSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// The first word that starts at or after byte `from`. `from` should be 0 or the end of a word;
// anywhere else the rest of a word counts as a word.
WordSpan next_word(std::string_view folded, std::size_t from);

}  // namespace procure
