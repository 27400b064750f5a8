#include "file_name.hpp"

namespace procure {
namespace {

constexpr std::size_t kMaxFileNameBytes = 120;

bool allowed(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

}  // namespace

std::string safe_file_name(std::string_view name) {
    std::string out;
    for (char c : name) {
        const char kept = allowed(c) ? c : '-';
        if (kept == '-' && !out.empty() && out.back() == '-') continue;
        if ((kept == '.' || kept == '-') && out.empty()) continue;
        // ".." anywhere would still read as "parent folder" to some unzip and sync tools.
        if (kept == '.' && out.back() == '.') continue;
        out += kept;
    }
    if (out.size() > kMaxFileNameBytes) {
        const std::size_t dot = out.rfind('.');
        const std::string extension = dot != std::string::npos && out.size() - dot <= 10 ? out.substr(dot) : "";
        out = out.substr(0, kMaxFileNameBytes - extension.size()) + extension;
    }
    while (!out.empty() && (out.back() == '.' || out.back() == '-')) out.pop_back();  // Windows drops trailing dots
    return out.empty() ? "download" : out;
}

}  // namespace procure
