// Reads fields of one JSON object with type checks, collecting a Problem for each mistake
// instead of throwing. Shared by every loader of user files (catalogue, translations, checklists).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "problem.hpp"

namespace procure {

class ObjectReader {
public:
    // Reports a problem if `value` is not an object, or has keys outside `allowed`.
    ObjectReader(const nlohmann::json& value, std::string pointer, Problems& problems,
                 std::initializer_list<std::string_view> allowed);

    bool is_object() const { return object_ != nullptr; }
    const std::string& pointer() const { return pointer_; }
    std::string pointer_to(std::string_view key) const { return pointer_ + "/" + pointer_token(key); }

    // A required string must be present and not blank; an optional one may be absent.
    std::string required_text(std::string_view key);
    std::string optional_text(std::string_view key);
    // Integer within [min, max].
    long long required_integer(std::string_view key, long long min, long long max);
    // A list of non-blank strings; `min_items` of 0 makes the key optional.
    std::vector<std::string> text_list(std::string_view key, std::size_t min_items);
    // The raw member, or nullptr when absent (reported if required).
    const nlohmann::json* member(std::string_view key, bool required);
    // The member's array, or nullptr (reported when present but not an array, or when required and absent).
    const nlohmann::json* array(std::string_view key, bool required, std::size_t min_items = 0);

    void report(std::string pointer, std::string message) { problems_.push_back({std::move(pointer), std::move(message)}); }

private:
    const nlohmann::json* object_ = nullptr;
    std::string pointer_;
    Problems& problems_;
};

// "a string", "a number", ... for messages about the wrong type.
std::string describe_type(const nlohmann::json& value);
bool is_blank(std::string_view s);

}  // namespace procure
