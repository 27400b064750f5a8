#include "bench_data.hpp"

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "catalogue_parts.hpp"
#include "engine/catalogue_loader.hpp"
#include "engine/query_engine.hpp"
#include "synthetic_catalogue.hpp"
#include "workload.hpp"

namespace bench {
namespace {

using nlohmann::ordered_json;

std::vector<std::string> link_ids(const std::vector<procure::Link>& links) {
    std::vector<std::string> ids;
    for (const procure::Link& l : links) ids.push_back(l.id);
    return ids;
}

// The engine's answers to the whole workload.
ordered_json answers(const procure::Catalogue& catalogue) {
    const procure::QueryEngine engine(catalogue);
    const std::vector<procure::Status> statuses;  // an empty checklist: everything not started
    ordered_json list = ordered_json::array();
    for (const WorkloadQuery& q : make_workload()) list.push_back(to_json(signature_of(engine.run(q.query, statuses), catalogue)));
    return list;
}

struct Written {
    ordered_json manifest_entry;
    ordered_json expected;
};

std::optional<Written> write_real(const DataOptions& o, std::string& error) {
    std::string text;
    if (!read_file(o.real_catalogue, text)) {
        error = "cannot read " + o.real_catalogue;
        return std::nullopt;
    }
    procure::CatalogueLoad load = procure::load_catalogue(text);
    if (!load.catalogue) {
        error = o.real_catalogue + " is not a valid catalogue: " + procure::format_problem(load.problems.front());
        return std::nullopt;
    }
    if (!write_file(o.dir + "/real.json", text)) {
        error = "cannot write " + o.dir + "/real.json";
        return std::nullopt;
    }
    return Written{{{"name", "real"}, {"practices", load.catalogue->practices.size()}, {"files", {"real.json"}}},
                   answers(*load.catalogue)};
}

std::optional<Written> write_synthetic(const DataOptions& o, const std::vector<WordList>& words, std::size_t size, std::string& error) {
    const std::string name = "synthetic-" + size_name(size);
    const procure::Catalogue generated = make_synthetic_catalogue(size, words);
    CatalogueParts parts;
    ordered_json files = ordered_json::array();
    for (std::size_t f = 0; f < json_file_count(generated); ++f) {
        const std::string file = name + "-" + std::to_string(f + 1) + ".json";
        const std::string text = catalogue_json_file(generated, f);
        if (!write_file(o.dir + "/" + file, text)) {
            error = "cannot write " + o.dir + "/" + file;
            return std::nullopt;
        }
        if (!parts.add(text)) {
            error = file + " does not load back: " + parts.problems().front();
            return std::nullopt;
        }
        files.push_back(file);
    }
    const std::optional<procure::Catalogue> loaded = parts.take();
    if (const std::string difference = first_difference(generated, *loaded); !difference.empty()) {
        error = name + " loads back different from what was generated: " + difference;
        return std::nullopt;
    }
    return Written{{{"name", name}, {"practices", size}, {"files", std::move(files)}}, answers(*loaded)};
}

}  // namespace

std::optional<std::size_t> parse_size(std::string_view text) {
    std::size_t multiplier = 1;
    if (!text.empty() && (text.back() == 'k' || text.back() == 'K')) {
        multiplier = 1000;
        text.remove_suffix(1);
    }
    if (text.empty() || text.size() > 9) return std::nullopt;
    std::size_t n = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    if (n == 0) return std::nullopt;
    return n * multiplier;
}

std::string size_name(std::size_t practices) {
    return practices % 1000 == 0 ? std::to_string(practices / 1000) + "k" : std::to_string(practices);
}

bool read_file(const std::string& path, std::string& text) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
    return !in.bad();
}

bool write_file(const std::string& path, std::string_view text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    return static_cast<bool>(out);
}

std::string first_difference(const procure::Catalogue& a, const procure::Catalogue& b) {
    if (a.practices.size() != b.practices.size())
        return std::to_string(a.practices.size()) + " practices against " + std::to_string(b.practices.size());
    for (std::size_t i = 0; i < a.practices.size(); ++i) {
        const procure::Practice &x = a.practices[i], &y = b.practices[i];
        const char* field = x.id != y.id                               ? "id"
                            : x.number != y.number                     ? "number"
                            : x.title != y.title                       ? "title"
                            : x.phase != y.phase                       ? "phase"
                            : x.summary != y.summary                   ? "summary"
                            : x.why != y.why                           ? "why"
                            : x.clauses != y.clauses                   ? "clauses"
                            : x.evidence != y.evidence                 ? "evidence"
                            : link_ids(x.assets) != link_ids(y.assets) ? "assets"
                            : link_ids(x.threats) != link_ids(y.threats) ? "threats"
                            : x.references != y.references             ? "references"
                                                                       : nullptr;
        if (field) return "practice " + std::to_string(i + 1) + " (" + x.id + "), " + field;
    }
    return {};
}

bool write_bench_data(const DataOptions& o, std::string& error) {
    std::error_code ec;
    std::filesystem::create_directories(o.dir, ec);
    if (ec) {
        error = "cannot create " + o.dir + ": " + ec.message();
        return false;
    }
    const std::optional<std::vector<WordList>> words = read_word_lists(o.words_dir, error);
    if (!words) return false;

    ordered_json catalogues = ordered_json::array();
    ordered_json expected = ordered_json::object();
    auto record = [&](std::optional<Written> w) {
        if (!w) return false;
        expected[w->manifest_entry["name"].get<std::string>()] = std::move(w->expected);
        catalogues.push_back(std::move(w->manifest_entry));
        return true;
    };
    if (!record(write_real(o, error))) return false;
    for (std::size_t size : o.sizes) {
        std::fprintf(stderr, "writing synthetic catalogue of %zu practices\n", size);
        if (!record(write_synthetic(o, *words, size, error))) return false;
    }
    ordered_json languages = ordered_json::array();
    for (std::string_view code : kLanguages) languages.push_back(std::string(code));
    const ordered_json manifest{
        {"generator", {{"seed", kDefaultSeed}, {"practices_per_file", kPracticesPerFile}, {"languages", std::move(languages)}}},
        {"workload", "workload.json"},
        {"expected", "expected.json"},
        {"catalogues", std::move(catalogues)},
    };
    const ordered_json workload = workload_to_json(make_workload());
    const std::array<std::pair<const char*, const ordered_json*>, 3> documents{
        {{"manifest.json", &manifest}, {"expected.json", &expected}, {"workload.json", &workload}}};
    for (const auto& [file, json] : documents) {
        if (!write_file(o.dir + "/" + file, json->dump(1, '\t'))) {
            error = std::string("cannot write ") + file;
            return false;
        }
    }
    return true;
}

}  // namespace bench
