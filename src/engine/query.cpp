#include "query.hpp"

#include <array>
#include <utility>

namespace procure {
namespace {
constexpr std::array<std::pair<Status, std::string_view>, 4> kStatusNames{{
    {Status::not_started, "not_started"},
    {Status::in_tender, "in_tender"},
    {Status::verified, "verified"},
    {Status::not_applicable, "not_applicable"},
}};
}  // namespace

std::string_view to_string(Status s) {
    for (const auto& [value, name] : kStatusNames)
        if (value == s) return name;
    return "not_started";
}

std::optional<Status> status_from_string(std::string_view s) {
    for (const auto& [value, name] : kStatusNames)
        if (name == s) return value;
    return std::nullopt;
}

}  // namespace procure
