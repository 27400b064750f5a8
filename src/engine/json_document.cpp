#include "json_document.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "utf8.hpp"

namespace procure {
namespace {

using nlohmann::json;

// nlohmann quotes the token it was reading ("...; last read: '<token>'") byte for byte: that may be
// invalid UTF-8 (the very fault it reports) and as long as the file. Keep its end, where the fault
// is, and escape broken bytes, so the message is one short line of valid text.
std::string readable_detail(std::string detail) {
    constexpr std::string_view kLastRead = "; last read: '";
    constexpr std::size_t kMaxTokenBytes = 60;
    const std::size_t at = detail.find(kLastRead);
    if (at != std::string::npos && detail.size() - at - kLastRead.size() > kMaxTokenBytes + 1) {
        std::size_t cut = detail.size() - 1 - kMaxTokenBytes;  // keep the closing quote
        while ((static_cast<unsigned char>(detail[cut]) & 0xC0) == 0x80) ++cut;  // not inside a character
        detail = detail.substr(0, at + kLastRead.size()) + "\xE2\x80\xA6" + detail.substr(cut);
    }
    return escape_invalid_utf8(detail);
}

// Builds the DOM like nlohmann's own SAX DOM parser, and also refuses duplicate keys, over-long
// strings, too many items and too deep nesting. Returning false stops the parser at once.
class BoundedDomBuilder final : public nlohmann::json_sax<json> {
public:
    BoundedDomBuilder(json& root, const Limits& limits) : root_(root), limits_(limits) {}

    std::optional<Problem> error;
    std::size_t syntax_error_position = 0;
    std::string syntax_error_detail;

    bool null() override { return add(json(nullptr)); }
    bool boolean(bool v) override { return add(json(v)); }
    bool number_integer(number_integer_t v) override { return add(json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return add(json(v)); }
    bool number_float(number_float_t v, const string_t&) override { return add(json(v)); }
    bool binary(binary_t&) override { return fail("binary values are not allowed"); }

    bool string(string_t& s) override {
        if (s.size() > limits_.max_string_bytes) return fail(too_long(s.size()));
        return add(json(std::move(s)));
    }

    bool start_object(std::size_t) override { return open(json::object()); }
    bool start_array(std::size_t) override { return open(json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& k) override {
        json& object = *stack_.back();
        keys_.back() = k;
        if (k.size() > limits_.max_string_bytes) return fail(too_long(k.size()));
        if (object.contains(k)) return fail("the key \"" + k + "\" appears twice in the same object");
        if (object.size() >= limits_.max_items) return fail(too_many());
        slot_ = &object[k];
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
        // `position` counts the characters read, so the parser noticed the mistake at position - 1.
        syntax_error_position = position > 0 ? position - 1 : 0;
        // nlohmann's text reads "[json.exception.parse_error.101] parse error at line 1, column 2: <detail>";
        // keep the detail, the position is reported in our own words.
        std::string what = ex.what();
        auto column = what.find("column ");
        auto colon = what.find(": ", column == std::string::npos ? 0 : column);
        syntax_error_detail = readable_detail(colon == std::string::npos ? what : what.substr(colon + 2));
        return false;
    }

private:
    bool open(json&& container) {
        if (stack_.size() >= limits_.max_depth)
            return fail("nesting is deeper than " + std::to_string(limits_.max_depth) + " levels");
        json* placed = place(std::move(container));
        if (!placed) return false;
        stack_.push_back(placed);
        keys_.emplace_back();
        return true;
    }

    bool close() {
        stack_.pop_back();
        keys_.pop_back();
        return true;
    }

    bool add(json&& value) { return place(std::move(value)) != nullptr; }

    json* place(json&& value) {
        if (stack_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        json& parent = *stack_.back();
        if (parent.is_array()) {
            if (parent.size() >= limits_.max_items) {
                fail(too_many());
                return nullptr;
            }
            parent.push_back(std::move(value));
            return &parent.back();
        }
        *slot_ = std::move(value);
        return slot_;
    }

    std::string current_pointer() const {
        std::string pointer;
        for (std::size_t i = 0; i < stack_.size(); ++i) {
            const json& c = *stack_[i];
            pointer += '/';
            if (c.is_object()) {
                pointer += pointer_token(keys_[i]);
            } else {
                // An open child container is already the array's last element; a value being added is not yet in it.
                const bool child_open = i + 1 < stack_.size();
                pointer += std::to_string(child_open ? c.size() - 1 : c.size());
            }
        }
        return pointer;
    }

    bool fail(std::string message) {
        if (!error) error = Problem{current_pointer(), std::move(message)};
        return false;
    }

    std::string too_long(std::size_t n) const {
        return "text is " + std::to_string(n) + " bytes long; the limit is " + std::to_string(limits_.max_string_bytes);
    }
    std::string too_many() const {
        return "more than " + std::to_string(limits_.max_items) + " entries in one list or object";
    }

    json& root_;
    const Limits& limits_;
    std::vector<json*> stack_;
    std::vector<std::string> keys_;  // current key at each object level
    json* slot_ = nullptr;           // where the next object member goes
};

std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;  // count code points, not UTF-8 continuation bytes
        }
    }
    return {line, column};
}

bool only_whitespace(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
}

}  // namespace

std::string document_size_message(std::size_t bytes, std::size_t limit) {
    return "the file is " + std::to_string(bytes) + " bytes; the limit is " + std::to_string(limit) + " bytes";
}

ParsedJson parse_json(std::string_view text, const Limits& limits) {
    ParsedJson out;
    if (text.size() > limits.max_document_bytes) {
        out.error = Problem{"", document_size_message(text.size(), limits.max_document_bytes)};
        return out;
    }
    if (only_whitespace(text)) {
        out.error = Problem{"", "the file is empty; expected a JSON object"};
        return out;
    }
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
        out.error = Problem{"", "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM"};
        return out;
    }
    BoundedDomBuilder builder(out.value, limits);
    const bool ok = json::sax_parse(text.begin(), text.end(), &builder);
    if (ok) return out;
    out.value = nullptr;
    if (builder.error) {
        out.error = builder.error;
    } else {
        auto [line, column] = line_and_column(text, builder.syntax_error_position);
        out.error = Problem{"", "JSON syntax error at line " + std::to_string(line) + ", column " + std::to_string(column) +
                                    ": " + builder.syntax_error_detail};
    }
    return out;
}

}  // namespace procure
