#include "translation.hpp"

#include <algorithm>

#include "json_document.hpp"
#include "object_reader.hpp"

namespace procure {

const std::string* Overlay::find(std::string_view key) const {
    auto it = strings.find(key);
    return it == strings.end() ? nullptr : &it->second;
}

OverlayLoad load_overlay(std::string_view json_text, const Limits& limits) {
    OverlayLoad result;
    ParsedJson parsed = parse_json(json_text, limits);
    if (parsed.error) {
        result.problems.push_back(*parsed.error);
        return result;
    }
    Overlay overlay;
    ObjectReader top(parsed.value, "", result.problems, {"$schema", "language", "catalogue", "strings"});
    overlay.language = top.required_text("language");
    overlay.catalogue = top.optional_text("catalogue");
    if (const nlohmann::json* strings = top.member("strings", true)) {
        if (!strings->is_object()) {
            top.report("/strings", "expected an object of key: text pairs, found " + describe_type(*strings));
        } else {
            for (const auto& item : strings->items()) {
                const std::string pointer = "/strings/" + pointer_token(item.key());
                if (!item.value().is_string())
                    result.problems.push_back({pointer, "expected text, found " + describe_type(item.value())});
                else if (!is_blank(item.value().get_ref<const std::string&>()))  // blank means "not translated yet"
                    overlay.strings.emplace(item.key(), item.value().get<std::string>());
            }
        }
    }
    if (result.problems.empty()) result.overlay = std::move(overlay);
    return result;
}

namespace {

// One walk over every translatable field serves both reading (keys, coverage) and writing (localise).
template <typename CatalogueT, typename Visit>
void walk_texts(CatalogueT& c, Visit&& visit) {
    auto list = [&](const std::string& prefix, auto& texts) {
        for (std::size_t i = 0; i < texts.size(); ++i) visit(prefix + "." + std::to_string(i), texts[i]);
    };
    visit(std::string("metadata.title"), c.metadata.title);
    visit(std::string("metadata.notice"), c.metadata.notice);
    visit(std::string("metadata.licence"), c.metadata.licence);
    auto terms = [&](const char* kind, auto& items) {
        for (auto& t : items) {
            const std::string base = std::string(kind) + "." + t.id;
            visit(base + ".name", t.name);
            visit(base + ".description", t.description);
            list(base + ".examples", t.examples);
        }
    };
    terms("phase", c.phases);
    terms("asset", c.asset_types);
    terms("threat", c.threats);
    for (auto& r : c.references) {
        visit("reference." + r.id + ".title", r.title);
        visit("reference." + r.id + ".description", r.description);
    }
    for (auto& p : c.practices) {
        const std::string base = "practice." + p.id;
        visit(base + ".title", p.title);
        visit(base + ".summary", p.summary);
        visit(base + ".why", p.why);
        list(base + ".clauses", p.clauses);
        list(base + ".evidence", p.evidence);
    }
    for (auto& s : c.scenarios) {
        visit("scenario." + s.id + ".name", s.name);
        visit("scenario." + s.id + ".description", s.description);
    }
}

}  // namespace

void for_each_text(const Catalogue& c, const std::function<void(const std::string&, const std::string&)>& visit) {
    walk_texts(c, [&](const std::string& key, const std::string& text) { visit(key, text); });
}

Catalogue localise(const Catalogue& source, const std::vector<const Overlay*>& chain) {
    Catalogue out = source;
    walk_texts(out, [&](const std::string& key, std::string& text) {
        for (const Overlay* overlay : chain) {
            if (!overlay) continue;
            if (const std::string* translated = overlay->find(key)) {
                text = *translated;
                return;
            }
        }
    });
    if (!chain.empty() && chain.front()) out.language = chain.front()->language;
    return out;
}

Overlay source_overlay(const Catalogue& c) {
    Overlay out{c.language.empty() ? "en" : c.language, c.id, {}};
    for_each_text(c, [&](const std::string& key, const std::string& text) {
        if (!is_blank(text)) out.strings.emplace(key, text);  // nothing to translate
    });
    return out;
}

std::vector<std::string> placeholders(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
        const std::size_t close = text.find('}', open + 1);
        if (close == std::string_view::npos) break;
        const std::string_view name = text.substr(open + 1, close - open - 1);
        const bool word = !name.empty() && std::all_of(name.begin(), name.end(), [](char ch) {
            return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
        });
        if (word) out.emplace_back(text.substr(open, close - open + 1));
    }
    std::sort(out.begin(), out.end());
    return out;
}

Coverage coverage(const Overlay& source, const Overlay& overlay) {
    Coverage result;
    for (const auto& [key, text] : source.strings) {
        ++result.total;
        const std::string* translated = overlay.find(key);
        if (!translated) {
            result.missing.push_back(key);
            continue;
        }
        ++result.translated;
        if (placeholders(*translated) != placeholders(text)) result.placeholder_mismatches.push_back(key);
    }
    for (const auto& [key, text] : overlay.strings)
        if (!source.find(key)) result.unknown.push_back(key);
    return result;
}

Coverage coverage(const Catalogue& source, const Overlay& overlay) { return coverage(source_overlay(source), overlay); }

}  // namespace procure
