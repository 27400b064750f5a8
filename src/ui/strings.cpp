#include "strings.hpp"

#include <map>

namespace procure::ui {
namespace {
std::vector<Overlay> g_chain;
std::map<std::string, std::string, std::less<>> g_missing;  // keys shown as themselves; stable storage
}  // namespace

void set_strings(const std::vector<const Overlay*>& chain) {
    g_chain.clear();
    for (const Overlay* o : chain)
        if (o) g_chain.push_back(*o);
}

const std::string& tr(std::string_view key) {
    for (const Overlay& o : g_chain)
        if (const std::string* s = o.find(key)) return *s;
    auto it = g_missing.find(key);
    if (it == g_missing.end()) it = g_missing.emplace(std::string(key), std::string(key)).first;
    return it->second;
}

std::string trf(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> args) {
    std::string out = tr(key);
    for (const auto& [name, value] : args) {
        const std::string placeholder = "{" + std::string(name) + "}";
        for (std::size_t at = out.find(placeholder); at != std::string::npos; at = out.find(placeholder, at + value.size()))
            out.replace(at, placeholder.size(), value);
    }
    return out;
}

}  // namespace procure::ui
