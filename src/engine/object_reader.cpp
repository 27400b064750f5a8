#include "object_reader.hpp"

#include <algorithm>

namespace procure {

using nlohmann::json;

std::string describe_type(const json& value) {
    switch (value.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "true/false";
        case json::value_t::string: return "text";
        case json::value_t::array: return "a list";
        case json::value_t::object: return "an object";
        case json::value_t::number_float: return "a decimal number";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned: return "a number";
        default: return "an unsupported value";
    }
}

bool is_blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

ObjectReader::ObjectReader(const json& value, std::string pointer, Problems& problems,
                           std::initializer_list<std::string_view> allowed)
    : pointer_(std::move(pointer)), problems_(problems) {
    if (!value.is_object()) {
        report(pointer_, "expected an object, found " + describe_type(value));
        return;
    }
    object_ = &value;
    for (const auto& item : value.items()) {
        if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end())
            report(pointer_to(item.key()), "unknown field \"" + item.key() + "\" (check the spelling)");
    }
}

const json* ObjectReader::member(std::string_view key, bool required) {
    if (!object_) return nullptr;
    auto it = object_->find(key);
    if (it == object_->end()) {
        if (required) report(pointer_to(key), "required field \"" + std::string(key) + "\" is missing");
        return nullptr;
    }
    return &*it;
}

std::string ObjectReader::required_text(std::string_view key) {
    const json* v = member(key, true);
    if (!v) return {};
    if (!v->is_string()) {
        report(pointer_to(key), "expected text, found " + describe_type(*v));
        return {};
    }
    const auto& s = v->get_ref<const std::string&>();
    if (is_blank(s)) report(pointer_to(key), "must not be empty");
    return s;
}

std::string ObjectReader::optional_text(std::string_view key) {
    const json* v = member(key, false);
    if (!v) return {};
    if (!v->is_string()) {
        report(pointer_to(key), "expected text, found " + describe_type(*v));
        return {};
    }
    return v->get_ref<const std::string&>();
}

long long ObjectReader::required_integer(std::string_view key, long long min, long long max) {
    const json* v = member(key, true);
    if (!v) return 0;
    long long n = 0;
    if (v->is_number_unsigned()) {
        const auto u = v->get<unsigned long long>();  // nlohmann keeps non-negative integers unsigned
        n = u > static_cast<unsigned long long>(max) ? max + 1 : static_cast<long long>(u);
    } else if (v->is_number_integer()) {
        n = v->get<long long>();
    } else {
        report(pointer_to(key), "expected a whole number, found " + describe_type(*v));
        return 0;
    }
    if (n < min || n > max) {
        report(pointer_to(key), "must be between " + std::to_string(min) + " and " + std::to_string(max));
        return 0;
    }
    return n;
}

const json* ObjectReader::array(std::string_view key, bool required, std::size_t min_items) {
    const json* v = member(key, required);
    if (!v) return nullptr;
    if (!v->is_array()) {
        report(pointer_to(key), "expected a list, found " + describe_type(*v));
        return nullptr;
    }
    if (v->size() < min_items)
        report(pointer_to(key), "needs at least " + std::to_string(min_items) + (min_items == 1 ? " entry" : " entries"));
    return v;
}

std::vector<std::string> ObjectReader::text_list(std::string_view key, std::size_t min_items) {
    std::vector<std::string> out;
    const json* list = array(key, min_items > 0, min_items);
    if (!list) return out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string where = pointer_to(key) + "/" + std::to_string(i);
        if (!item.is_string()) {
            report(where, "expected text, found " + describe_type(item));
        } else if (is_blank(item.get_ref<const std::string&>())) {
            report(where, "must not be empty");
        } else {
            out.push_back(item.get<std::string>());
        }
    }
    return out;
}

}  // namespace procure
