#include "synthetic_catalogue.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace bench {
namespace {

using procure::Catalogue;
using procure::Link;
using procure::Practice;
using procure::Provenance;
using procure::Term;

// SplitMix64 (Steele, Lea and Flood): tiny, fast, and the same numbers everywhere, unlike the
// distributions of <random>, whose output the standard leaves to each library.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
    std::size_t below(std::size_t n) { return std::min(n - 1, static_cast<std::size_t>(unit() * static_cast<double>(n))); }
    bool chance(std::size_t one_in) { return below(one_in) == 0; }

private:
    std::uint64_t state_;
};

// Upper-cases the first letter of a sentence. Covers the letters of the word lists (ASCII, Latin-1,
// Latin Extended-A, Greek with tonos, Cyrillic), and leaves anything else as it is.
char32_t upper(char32_t c) {
    if (c >= 'a' && c <= 'z') return c - 32;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 0x20;
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return c & ~char32_t{1};
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c : c - 1;
    if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 0x20;
    switch (c) {
        case 0x3AC: return 0x386;
        case 0x3AD: return 0x388;
        case 0x3AE: return 0x389;
        case 0x3AF: return 0x38A;
        case 0x3CC: return 0x38C;
        case 0x3CD: return 0x38E;
        case 0x3CE: return 0x38F;
        default: break;
    }
    if (c >= 0x430 && c <= 0x44F) return c - 0x20;
    if (c >= 0x450 && c <= 0x45F) return c - 0x50;
    return c;
}

// The word lists hold code points below U+0800 only, so one- and two-byte UTF-8 is all this needs.
void capitalise(std::string& s, std::size_t at) {
    if (at >= s.size()) return;
    const auto b0 = static_cast<unsigned char>(s[at]);
    if (b0 < 0x80) {
        s[at] = static_cast<char>(upper(b0));
    } else if ((b0 & 0xE0) == 0xC0 && at + 1 < s.size()) {
        const char32_t c = upper((char32_t{b0 & 0x1Fu} << 6) | (static_cast<unsigned char>(s[at + 1]) & 0x3Fu));
        if (c < 0x800) {
            s[at] = static_cast<char>(0xC0 | (c >> 6));
            s[at + 1] = static_cast<char>(0x80 | (c & 0x3F));
        }
    }
}

// Draws entries of one word list with Zipf-Mandelbrot weights 1/(rank + 1.7), which give the most
// common entry about 7 % of the draws (about the share of "the" in English), and strings them into
// texts.
class TextMaker {
public:
    explicit TextMaker(const WordList& list) : list_(&list) {
        double total = 0;
        for (std::size_t i = 0; i < list.entries.size(); ++i) {
            total += 1.0 / (static_cast<double>(i) + 2.7);
            cumulative_.push_back(total);
            words_in_entry_.push_back(1 + static_cast<std::size_t>(std::count(list.entries[i].begin(), list.entries[i].end(), ' ')));
        }
    }

    // About `count` words, the first capitalised; a comma now and then.
    std::string phrase(SplitMix64& rng, std::size_t count) const {
        std::string out;
        append(rng, count, out);
        return out;
    }

    // Sentences of 8-18 words, about `count` words in all.
    std::string sentences(SplitMix64& rng, std::size_t count) const {
        std::string out;
        while (count > 0) {
            std::size_t n = std::min(count, 8 + rng.below(11));
            if (count - n < 4) n = count;
            if (!out.empty()) out += ' ';
            count -= std::min(count, append(rng, n, out));
            out += '.';
        }
        return out;
    }

private:
    std::size_t append(SplitMix64& rng, std::size_t count, std::string& out) const {
        const std::size_t start = out.size();
        std::size_t written = 0;
        while (written < count) {
            const double u = rng.unit() * cumulative_.back();
            const auto i = static_cast<std::size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), u) - cumulative_.begin());
            const std::size_t entry = std::min(i, cumulative_.size() - 1);
            if (written > 0) out += rng.chance(14) ? ", " : " ";
            out += list_->entries[entry];
            written += words_in_entry_[entry];
        }
        capitalise(out, start);
        return written;
    }

    const WordList* list_;
    std::vector<double> cumulative_;
    std::vector<std::size_t> words_in_entry_;
};

// `k` distinct indices below `n`, in ascending order (catalogue order, as a person would list them).
std::vector<std::size_t> pick(SplitMix64& rng, std::size_t n, std::size_t k) {
    std::vector<std::size_t> all(n);
    for (std::size_t i = 0; i < n; ++i) all[i] = i;
    for (std::size_t i = 0; i < k; ++i) std::swap(all[i], all[i + rng.below(n - i)]);
    all.resize(k);
    std::sort(all.begin(), all.end());
    return all;
}

Term term(std::string id, std::string name) {
    Term t;
    t.id = std::move(id);
    t.name = std::move(name);
    t.description = "The category of the real catalogue with this id; the practices linked to it here are random.";
    t.provenance = Provenance::editorial;
    return t;
}

// The taxonomies of assets/catalogues/enisa-hospitals-2020.json: same ids, same order.
void add_taxonomies(Catalogue& c) {
    for (auto [id, name] : std::array<std::pair<const char*, const char*>, 4>{
             {{"general", "General"}, {"plan", "Plan"}, {"source", "Source"}, {"manage", "Manage"}}})
        c.phases.push_back(term(id, name));
    for (auto [id, name] : std::array<std::pair<const char*, const char*>, 10>{{
             {"clinical_information_systems", "Clinical information systems"},
             {"medical_devices", "Medical devices"},
             {"networking_equipment", "Networking equipment"},
             {"remote_care_systems", "Remote care systems"},
             {"mobile_client_devices", "Mobile client devices"},
             {"identification_systems", "Identification systems"},
             {"building_management_systems", "Building management systems"},
             {"industrial_control_systems", "Industrial control systems"},
             {"professional_services", "Professional services"},
             {"cloud_services", "Cloud services"},
         }})
        c.asset_types.push_back(term(id, name));
    for (auto [id, name] : std::array<std::pair<const char*, const char*>, 5>{{
             {"natural", "Natural phenomena"},
             {"supply_chain", "Supply chain failure"},
             {"human", "Human errors"},
             {"malicious", "Malicious actions"},
             {"system", "System failures"},
         }})
        c.threats.push_back(term(id, name));
    c.references.push_back({"iso_27001", "Information security management systems", "ISO/IEC 27001", "standard",
                            "The international standard for running an information security management system.", ""});
    c.references.push_back({"gdpr", "General Data Protection Regulation", "(EU) 2016/679", "law",
                            "EU rules on processing personal data, including health data.", ""});
    c.references.push_back({"enisa_hospitals", "Procurement Guidelines for Cybersecurity in Hospitals", "", "guidance",
                            "The ENISA publication whose taxonomies this synthetic catalogue borrows.",
                            "https://www.enisa.europa.eu/publications/good-practices-for-the-security-of-healthcare-services"});
}

std::string practice_id(std::size_t index) {
    char id[32];
    std::snprintf(id, sizeof id, "syn-%06zu", index + 1);
    return id;
}

using nlohmann::ordered_json;

ordered_json to_json(const Term& t) {
    ordered_json j{{"id", t.id}, {"name", t.name}, {"description", t.description}};
    if (!t.examples.empty()) j["examples"] = t.examples;
    j["provenance"] = std::string(procure::to_string(t.provenance));
    return j;
}

ordered_json to_json(const std::vector<Link>& links) {
    ordered_json list = ordered_json::array();
    for (const Link& l : links) list.push_back({{"id", l.id}, {"provenance", std::string(procure::to_string(l.provenance))}});
    return list;
}

ordered_json to_json(const Practice& p, std::size_t number) {
    return ordered_json{
        {"id", p.id},
        {"number", number},
        {"title", p.title},
        {"phase", p.phase},
        {"phase_provenance", std::string(procure::to_string(p.phase_provenance))},
        {"summary", p.summary},
        {"why", p.why},
        {"clauses", p.clauses},
        {"evidence", p.evidence},
        {"assets", to_json(p.assets)},
        {"threats", to_json(p.threats)},
        {"references", p.references},
    };
}

// Everything but the practices.
ordered_json header_json(const Catalogue& c) {
    const procure::Metadata& m = c.metadata;
    ordered_json source{{"title", m.source.title}, {"publisher", m.source.publisher}, {"date", m.source.date}};
    if (!m.source.url.empty()) source["url"] = m.source.url;
    ordered_json j{
        {"schema_version", c.schema_version},
        {"id", c.id},
        {"version", c.version},
        {"language", c.language},
        {"metadata", {{"title", m.title}, {"publisher", m.publisher}, {"source", source}, {"edition", m.edition},
                      {"licence", m.licence}, {"notice", m.notice}}},
    };
    const std::array<std::pair<const char*, const std::vector<Term>*>, 3> taxonomies{
        {{"phases", &c.phases}, {"asset_types", &c.asset_types}, {"threats", &c.threats}}};
    for (const auto& [key, terms] : taxonomies) {
        ordered_json list = ordered_json::array();
        for (const Term& t : *terms) list.push_back(to_json(t));
        j[key] = std::move(list);
    }
    ordered_json references = ordered_json::array();
    for (const procure::Reference& r : c.references) {
        ordered_json ref{{"id", r.id}, {"title", r.title}};
        if (!r.identifier.empty()) ref["identifier"] = r.identifier;
        ref["kind"] = r.kind;
        ref["description"] = r.description;
        if (!r.url.empty()) ref["url"] = r.url;
        references.push_back(std::move(ref));
    }
    j["references"] = std::move(references);
    return j;
}

}  // namespace

WordList parse_word_list(std::string language, std::string_view text) {
    WordList list{std::move(language), {}};
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        std::string_view line = text.substr(0, end);
        text.remove_prefix(std::min(text.size(), end + 1));
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
        if (!line.empty() && line.front() != '#') list.entries.emplace_back(line);
    }
    return list;
}

std::optional<std::vector<WordList>> read_word_lists(const std::string& dir, std::string& error) {
    std::vector<WordList> lists;
    for (std::string_view code : kLanguages) {
        const std::string path = dir + "/" + std::string(code) + ".txt";
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in) {
            error = "cannot read " + path;
            return std::nullopt;
        }
        lists.push_back(parse_word_list(std::string(code), text.str()));
        if (lists.back().entries.empty()) {
            error = path + " has no words";
            return std::nullopt;
        }
    }
    return lists;
}

Catalogue make_synthetic_catalogue(std::size_t practices, const std::vector<WordList>& languages, std::uint64_t seed) {
    Catalogue c;
    c.schema_version = procure::kSchemaVersion;
    c.id = "synthetic-" + std::to_string(practices);
    c.version = "1.0.0";
    c.language = "mul";  // ISO 639 "multiple languages": each practice is in one of several
    c.metadata.title = "Synthetic catalogue of " + std::to_string(practices) + " practices, for benchmarks";
    c.metadata.publisher = "Hospital Procurement Guide project";
    c.metadata.source = {"Synthetic data", "Hospital Procurement Guide project", "2020-02-24", ""};
    c.metadata.edition = "synthetic";
    c.metadata.licence = "CC BY 4.0";
    c.metadata.notice = "Random words drawn from word lists: not advice. Generated by tools/benchmark for measuring the engine.";
    add_taxonomies(c);

    std::vector<TextMaker> makers;
    for (const WordList& list : languages) makers.emplace_back(list);
    SplitMix64 rng(seed);
    c.practices.reserve(practices);
    for (std::size_t i = 0; i < practices; ++i) {
        const TextMaker& text = makers[i % makers.size()];
        Practice p;
        p.id = practice_id(i);
        p.number = static_cast<int>(std::min<std::size_t>(i + 1, 1u << 30));
        p.title = text.phrase(rng, 4 + rng.below(5));
        p.phase = c.phases[rng.below(c.phases.size())].id;
        p.phase_provenance = Provenance::editorial;
        p.summary = text.sentences(rng, 20 + rng.below(11));
        const std::size_t why = 75 + rng.below(31);
        p.why = text.sentences(rng, why / 2) + "\n\n" + text.sentences(rng, why - why / 2);
        for (int k = 0; k < 3; ++k) p.clauses.push_back(text.sentences(rng, 20 + rng.below(11)));
        for (int k = 0; k < 3; ++k) p.evidence.push_back(text.phrase(rng, 5 + rng.below(7)));
        for (std::size_t a : pick(rng, c.asset_types.size(), 1 + rng.below(4))) p.assets.push_back({c.asset_types[a].id, Provenance::editorial});
        for (std::size_t t : pick(rng, c.threats.size(), 1 + rng.below(3))) p.threats.push_back({c.threats[t].id, Provenance::editorial});
        for (std::size_t r : pick(rng, c.references.size(), rng.below(3))) p.references.push_back(c.references[r].id);
        c.practices.push_back(std::move(p));
    }
    return c;
}

std::size_t json_file_count(const Catalogue& catalogue, std::size_t practices_per_file) {
    const std::size_t per_file = std::max<std::size_t>(1, practices_per_file);
    return std::max<std::size_t>(1, (catalogue.practices.size() + per_file - 1) / per_file);
}

std::string catalogue_json_file(const Catalogue& catalogue, std::size_t file, std::size_t practices_per_file) {
    const std::size_t per_file = std::max<std::size_t>(1, practices_per_file);
    const std::size_t n = catalogue.practices.size();
    const std::size_t begin = std::min(n, file * per_file), end = std::min(n, begin + per_file);
    ordered_json j = header_json(catalogue);
    ordered_json list = ordered_json::array();
    for (std::size_t i = begin; i < end; ++i) list.push_back(to_json(catalogue.practices[i], i - begin + 1));
    j["practices"] = std::move(list);
    // Texts here are valid UTF-8; `replace` keeps dump() from ever throwing if one were not.
    return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace bench
