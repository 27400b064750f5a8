#include "languages.hpp"

#include <algorithm>
#include <set>

#include "json_document.hpp"
#include "object_reader.hpp"

namespace procure {

const Language* LanguageRegistry::find(std::string_view code) const {
    auto it = std::find_if(languages.begin(), languages.end(), [&](const Language& l) { return l.code == code; });
    return it == languages.end() ? nullptr : &*it;
}

std::vector<std::string> LanguageRegistry::fallback_chain(std::string_view code) const {
    std::vector<std::string> chain;
    const Language* current = find(code);
    while (current && std::find(chain.begin(), chain.end(), current->code) == chain.end()) {
        chain.push_back(current->code);
        current = current->fallback.empty() ? nullptr : find(current->fallback);
    }
    return chain;
}

LanguageRegistryLoad load_language_registry(std::string_view json_text, const Limits& limits) {
    LanguageRegistryLoad result;
    ParsedJson parsed = parse_json(json_text, limits);
    if (parsed.error) {
        result.problems.push_back(*parsed.error);
        return result;
    }
    LanguageRegistry registry;
    ObjectReader top(parsed.value, "", result.problems, {"$schema", "languages"});
    if (const nlohmann::json* list = top.array("languages", true, 1)) {
        std::set<std::string> codes;
        for (std::size_t i = 0; i < list->size(); ++i) {
            ObjectReader r((*list)[i], "/languages/" + std::to_string(i), result.problems,
                           {"code", "name", "native_name", "fallback"});
            Language l{r.required_text("code"), r.required_text("name"), r.required_text("native_name"),
                       r.optional_text("fallback")};
            if (!l.code.empty() && !codes.insert(l.code).second)
                r.report(r.pointer_to("code"), "language \"" + l.code + "\" is listed twice");
            registry.languages.push_back(std::move(l));
        }
        for (std::size_t i = 0; i < registry.languages.size(); ++i) {
            const auto& fb = registry.languages[i].fallback;
            if (!fb.empty() && !registry.find(fb))
                result.problems.push_back({"/languages/" + std::to_string(i) + "/fallback", "unknown language \"" + fb + "\""});
        }
    }
    if (result.problems.empty()) result.registry = std::move(registry);
    return result;
}

}  // namespace procure
