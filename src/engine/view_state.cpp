#include "view_state.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "catalogue_loader.hpp"
#include "utf8.hpp"

namespace procure {

bool operator==(const FacetSelection& a, const FacetSelection& b) {
    return a.phases == b.phases && a.assets == b.assets && a.threats == b.threats;
}

bool operator==(const Query& a, const Query& b) {
    return a.facets == b.facets && a.statuses == b.statuses && a.text == b.text;
}

namespace {

// A fragment of at most 2048 bytes holds up to ~1000 bad items; listing every one would bury the
// one reason the user needs.
constexpr std::size_t kMaxReasons = 20;

constexpr std::array<std::string_view, 3> kViewNames{"list", "matrix", "guide"};

enum class Key : std::uint8_t { q, phase, type, threat, status, lang, open, scenario, view, axis };
constexpr std::array<std::string_view, 10> kKeyNames{"q", "phase", "type", "threat", "status",
                                                     "lang", "open", "scenario", "view", "axis"};

bool unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == '~';
}

std::string percent_encode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (unreserved(c)) {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<std::string> percent_decode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';  // form encoding, which some tools apply to anything that looks like a query
        } else if (s[i] != '%') {
            out += s[i];
        } else {
            if (i + 2 >= s.size()) return std::nullopt;
            const int hi = hex_value(s[i + 1]);
            const int lo = hex_value(s[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        }
    }
    return out;
}

// Cuts at a code point boundary so a shortened text stays valid UTF-8.
std::string truncate_utf8(std::string s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    s.resize(end);
    return s;
}

// BCP 47 in the shape the registry uses: "de", "pt-BR", "sr-Latn".
bool is_language_tag(std::string_view tag) {
    if (tag.empty() || tag.size() > 35) return false;
    std::size_t start = 0;
    bool first = true;
    while (start <= tag.size()) {
        const std::size_t end = std::min(tag.find('-', start), tag.size());
        const std::string_view part = tag.substr(start, end - start);
        if (part.empty() || part.size() > 8) return false;
        for (char c : part) {
            const bool lower = c >= 'a' && c <= 'z';
            const bool alnum = lower || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (first ? !lower : !alnum) return false;
        }
        if (first && part.size() < 2) return false;
        first = false;
        start = end + 1;
    }
    return true;
}

// Quotes untrusted input inside a message: printable ASCII as is, other bytes as %XX, and short, so
// a reason is always valid UTF-8 and fits on a line whatever the link held.
std::string shown(std::string_view raw) {
    constexpr std::size_t kMaxShown = 40;
    std::string body;
    for (char ch : raw) {
        const auto c = static_cast<unsigned char>(ch);
        body += (c >= 0x20 && c < 0x7F && c != '%') ? std::string(1, ch) : percent_encode(std::string_view(&ch, 1));
        if (body.size() >= kMaxShown) {
            body += "\xE2\x80\xA6";  // an ellipsis
            break;
        }
    }
    return "\"" + body + "\"";
}

class Decoder {
public:
    DecodedView result;

    void reason(std::string text) {
        if (result.ignored.size() < kMaxReasons) result.ignored.push_back(std::move(text));
        else ++dropped_reasons_;
    }

    void finish() {
        if (dropped_reasons_ > 0)
            result.ignored.push_back("\xE2\x80\xA6 and " + std::to_string(dropped_reasons_) + " more problems in the link.");
    }

    void pair(std::string_view key_text, std::string_view raw) {
        const auto it = std::find(kKeyNames.begin(), kKeyNames.end(), key_text);
        if (key_text.empty()) return reason("A part of the link without a name (" + shown(raw) + ") was ignored.");
        if (it == kKeyNames.end()) return reason("Unknown setting " + shown(key_text) + " in the link was ignored.");
        const auto index = static_cast<std::size_t>(it - kKeyNames.begin());
        if (seen_[index]) return reason(shown(key_text) + " appears more than once in the link; only the first was used.");
        seen_[index] = true;
        if (raw.empty()) return reason(shown(key_text) + " has no value and was ignored.");
        std::optional<std::string> value = percent_decode(raw);
        if (!value) return reason("The value of " + shown(key_text) + " has a broken %-escape and was ignored.");
        apply(static_cast<Key>(index), std::move(*value));
    }

private:
    std::array<bool, kKeyNames.size()> seen_{};
    std::size_t dropped_reasons_ = 0;

    void apply(Key key, std::string value) {
        ViewState& s = result.state;
        switch (key) {
        case Key::q: return text(std::move(value));
        case Key::phase: return ids(value, "phase", s.query.facets.phases);
        case Key::type: return ids(value, "type of procurement", s.query.facets.assets);
        case Key::threat: return ids(value, "threat", s.query.facets.threats);
        case Key::status: return statuses(value);
        case Key::lang:
            if (is_language_tag(value)) s.language = value;
            else reason(shown(value) + " is not a language code and was ignored.");
            return;
        case Key::open: return single_id(value, "practice", s.open_practice);
        case Key::scenario: return single_id(value, "scenario", s.scenario);
        case Key::view: {
            const auto v = std::find(kViewNames.begin(), kViewNames.end(), value);
            if (v != kViewNames.end()) s.view = static_cast<ViewMode>(v - kViewNames.begin());
            else reason(shown(value) + " is not a known view (list, matrix or guide); the list is shown.");
            return;
        }
        case Key::axis:
            if (value == "threats") s.matrix_axis = value;
            else if (value != "assets") reason(shown(value) + " is not a matrix axis (assets or threats) and was ignored.");
            return;
        }
    }

    void text(std::string value) {
        if (!is_valid_utf8(value))
            return reason("The search text in the link is not valid UTF-8 and was ignored.");
        if (value.size() > kMaxFragmentTextBytes) {
            reason("The search text in the link is longer than " + std::to_string(kMaxFragmentTextBytes) +
                   " bytes and was shortened.");
            value = truncate_utf8(std::move(value), kMaxFragmentTextBytes);
        }
        result.state.query.text = std::move(value);
    }

    void single_id(const std::string& value, const char* what, std::string& out) {
        if (is_valid_id(value)) out = value;
        else reason(shown(value) + " is not a valid " + what + " id and was ignored.");
    }

    // Calls `take` for each non-empty item, spaces around it trimmed (hand-typed links have them).
    template <typename F>
    static void for_each_item(std::string_view list, F take) {
        std::size_t start = 0;
        while (start <= list.size()) {
            const std::size_t end = std::min(list.find(',', start), list.size());
            std::string_view item = list.substr(start, end - start);
            while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
            while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
            if (!item.empty()) take(item);
            start = end + 1;
        }
    }

    void ids(std::string_view list, const char* what, std::vector<std::string>& out) {
        bool over = false;
        for_each_item(list, [&](std::string_view item) {
            if (!is_valid_id(item)) return reason(shown(item) + " is not a valid " + what + " id and was ignored.");
            if (std::find(out.begin(), out.end(), item) != out.end()) return;
            if (out.size() == kMaxFragmentListItems) over = true;
            else out.emplace_back(item);
        });
        if (over)
            reason("The link selects more than " + std::to_string(kMaxFragmentListItems) + " options of " + what +
                   "; the rest were ignored.");
    }

    void statuses(std::string_view list) {
        std::vector<Status>& out = result.state.query.statuses;
        for_each_item(list, [&](std::string_view item) {
            const std::optional<Status> st = status_from_string(item);
            if (!st) return reason(shown(item) + " is not a checklist status and was ignored.");
            if (std::find(out.begin(), out.end(), *st) == out.end()) out.push_back(*st);
        });
    }
};

void append(std::string& out, std::string_view key, const std::string& value) {
    if (value.empty()) return;
    if (!out.empty()) out += '&';
    out.append(key).append("=").append(value);
}

template <typename T, typename Name>
std::string join(const std::vector<T>& items, Name name) {
    std::string out;
    for (const T& item : items) {
        if (!out.empty()) out += ',';
        out += percent_encode(name(item));
    }
    return out;
}

}  // namespace

std::string encode_fragment(const ViewState& s) {
    const auto same = [](const std::string& id) -> std::string_view { return id; };
    std::string out;
    // decode_fragment reads no more search text than this, so a longer text would only make the link
    // longer than links may be; it is cut at a character boundary.
    std::size_t text_bytes = std::min(s.query.text.size(), kMaxFragmentTextBytes);
    while (text_bytes > 0 && text_bytes < s.query.text.size() && (static_cast<unsigned char>(s.query.text[text_bytes]) & 0xC0) == 0x80)
        --text_bytes;
    append(out, "q", percent_encode(std::string_view(s.query.text).substr(0, text_bytes)));
    append(out, "phase", join(s.query.facets.phases, same));
    append(out, "type", join(s.query.facets.assets, same));
    append(out, "threat", join(s.query.facets.threats, same));
    append(out, "status", join(s.query.statuses, [](Status st) { return to_string(st); }));
    append(out, "lang", percent_encode(s.language));
    append(out, "open", percent_encode(s.open_practice));
    append(out, "scenario", percent_encode(s.scenario));
    if (s.view != ViewMode::list) append(out, "view", std::string(kViewNames[static_cast<std::size_t>(s.view)]));
    if (s.matrix_axis != "assets") append(out, "axis", percent_encode(s.matrix_axis));
    return out;
}

DecodedView decode_fragment(std::string_view fragment) {
    Decoder d;
    if (!fragment.empty() && fragment.front() == '#') fragment.remove_prefix(1);
    if (fragment.size() > kMaxFragmentBytes) {
        d.reason("The link is longer than " + std::to_string(kMaxFragmentBytes) +
                 " characters; only the start was read.");
        // The setting that straddles the limit is cut off: reading half of it would invent a value.
        const bool cut_at_boundary = fragment[kMaxFragmentBytes] == '&';
        fragment = fragment.substr(0, kMaxFragmentBytes);
        if (!cut_at_boundary) {
            const std::size_t last = fragment.rfind('&');
            fragment = fragment.substr(0, last == std::string_view::npos ? 0 : last);
        }
    }
    std::size_t start = 0;
    while (start < fragment.size()) {
        const std::size_t end = std::min(fragment.find('&', start), fragment.size());
        const std::string_view part = fragment.substr(start, end - start);
        start = end + 1;
        if (part.empty()) continue;  // "a=1&&b=2": a slip when editing by hand, not worth a message
        const std::size_t eq = part.find('=');
        if (eq == std::string_view::npos) d.pair(part, {});
        else d.pair(part.substr(0, eq), part.substr(eq + 1));
    }
    d.finish();
    return std::move(d.result);
}

std::vector<std::string> sanitize_view_state(ViewState& state, const Catalogue& catalogue,
                                             const std::vector<std::string>& languages) {
    std::vector<std::string> reasons;
    const auto filter = [&](std::vector<std::string>& ids, const char* what, auto known) {
        std::erase_if(ids, [&](const std::string& id) {
            if (known(id)) return false;
            reasons.push_back("The link's " + std::string(what) + " " + shown(id) + " is not in this catalogue and was ignored.");
            return true;
        });
    };
    filter(state.query.facets.phases, "phase", [&](const std::string& id) { return catalogue.find_phase(id) != nullptr; });
    filter(state.query.facets.assets, "type of procurement",
           [&](const std::string& id) { return catalogue.find_asset_type(id) != nullptr; });
    filter(state.query.facets.threats, "threat", [&](const std::string& id) { return catalogue.find_threat(id) != nullptr; });
    if (!state.open_practice.empty() && !catalogue.find_practice(state.open_practice)) {
        reasons.push_back("The link's practice " + shown(state.open_practice) + " is not in this catalogue and was ignored.");
        state.open_practice.clear();
    }
    if (!state.scenario.empty() && !catalogue.find_scenario(state.scenario)) {
        reasons.push_back("The link's scenario " + shown(state.scenario) + " is not in this catalogue and was ignored.");
        state.scenario.clear();
    }
    if (!state.language.empty() && !languages.empty() &&
        std::find(languages.begin(), languages.end(), state.language) == languages.end()) {
        reasons.push_back("The link's language " + shown(state.language) + " is not available and was ignored.");
        state.language.clear();
    }
    return reasons;
}

}  // namespace procure
