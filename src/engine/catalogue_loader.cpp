#include "catalogue_loader.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "json_document.hpp"
#include "object_reader.hpp"

namespace procure {
namespace {

using nlohmann::json;

bool is_language_code(std::string_view s) {
    if (s.size() < 2 || s.size() > 12) return false;
    std::size_t letters = 0;
    while (letters < s.size() && s[letters] >= 'a' && s[letters] <= 'z') ++letters;
    if (letters < 2 || letters > 3) return false;
    for (std::size_t i = letters; i < s.size(); ++i) {
        const char c = s[i];
        if (!(c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    }
    return true;
}

bool is_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    const int month = (s[5] - '0') * 10 + (s[6] - '0');
    const int day = (s[8] - '0') * 10 + (s[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// Only web links: a catalogue must not be able to smuggle a javascript: or data: URL into the page.
bool is_web_url(std::string_view s) {
    const bool scheme = s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0;
    return scheme && s.size() <= 2048 &&
           std::none_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>'; });
}

bool is_version(std::string_view s) {
    return !s.empty() && s.size() <= 32 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '-' || c == '+';
    });
}

class CatalogueReader {
public:
    explicit CatalogueReader(Problems& problems) : problems_(problems) {}

    void read(const json& root, Catalogue& c) {
        ObjectReader top(root, "", problems_,
                         {"$schema", "schema_version", "id", "version", "language", "metadata", "phases", "asset_types",
                          "threats", "references", "practices", "scenarios"});
        if (!top.is_object()) return;
        if (!read_schema_version(top, c)) return;
        c.id = read_id(top, "id");
        c.version = top.required_text("version");
        if (!c.version.empty() && !is_version(c.version))
            report("/version", "\"" + c.version + "\" is not a version; use digits, letters, '.', '-' or '+', e.g. \"1.2.0\"");
        c.language = top.required_text("language");
        if (!c.language.empty() && !is_language_code(c.language))
            report("/language", "\"" + c.language + "\" is not a language code such as \"en\" or \"pt-BR\"");
        if (const json* m = top.member("metadata", true)) read_metadata(*m, c.metadata);

        read_list(top, "phases", c.phases, [&](const json& v, const std::string& p, Term& t) { read_term(v, p, t); });
        read_list(top, "asset_types", c.asset_types, [&](const json& v, const std::string& p, Term& t) { read_term(v, p, t); });
        read_list(top, "threats", c.threats, [&](const json& v, const std::string& p, Term& t) { read_term(v, p, t); });
        read_list(top, "references", c.references,
                  [&](const json& v, const std::string& p, Reference& r) { read_reference(v, p, r); });
        read_list(top, "practices", c.practices,
                  [&](const json& v, const std::string& p, Practice& pr) { read_practice(v, p, pr); });
        if (top.member("scenarios", false))
            read_list(top, "scenarios", c.scenarios,
                      [&](const json& v, const std::string& p, Scenario& s) { read_scenario(v, p, s); });

        check_references(c);
    }

private:
    void report(std::string pointer, std::string message) { problems_.push_back({std::move(pointer), std::move(message)}); }

    bool read_schema_version(ObjectReader& top, Catalogue& c) {
        const json* v = top.member("schema_version", true);
        if (!v) return false;
        if (!v->is_number_integer()) {
            report("/schema_version", "expected a whole number, found " + describe_type(*v));
            return false;
        }
        // nlohmann stores non-negative integers as unsigned; anything else is negative.
        const unsigned long long n = v->is_number_unsigned() ? v->get<unsigned long long>() : 0;
        if (n > static_cast<unsigned long long>(kSchemaVersion)) {
            report("/schema_version", "the file uses schema version " + v->dump() + ", newer than version " +
                                          std::to_string(kSchemaVersion) +
                                          " that this build reads; use a newer release of the tool");
            return false;  // a newer format may mean anything: do not guess
        }
        if (n < 1) {
            report("/schema_version", "must be " + std::to_string(kSchemaVersion));
            return false;
        }
        c.schema_version = static_cast<int>(n);
        return true;
    }

    std::string read_id(ObjectReader& r, std::string_view key) {
        std::string id = r.required_text(key);
        if (!id.empty() && !is_blank(id) && !is_valid_id(id))
            r.report(r.pointer_to(key), "\"" + id + "\" is not a valid id: use 1-64 lower-case letters, digits, '-' or '_', "
                                        "starting with a letter or digit");
        return id;
    }

    Provenance read_provenance(ObjectReader& r, std::string_view key) {
        const std::string s = r.required_text(key);
        if (s.empty()) return Provenance::editorial;
        if (auto p = provenance_from_string(s)) return *p;
        r.report(r.pointer_to(key), "unknown provenance \"" + s + "\"; use official, confirmed, likely or editorial");
        return Provenance::editorial;
    }

    template <typename T, typename ReadItem>
    void read_list(ObjectReader& top, std::string_view key, std::vector<T>& out, ReadItem read_item) {
        const json* list = top.array(key, true, 1);
        if (!list) return;
        const std::string base = "/" + std::string(key);
        std::set<std::string> seen;
        for (std::size_t i = 0; i < list->size(); ++i) {
            T item;
            const std::string pointer = base + "/" + std::to_string(i);
            read_item((*list)[i], pointer, item);
            if (!item.id.empty() && !seen.insert(item.id).second)
                report(pointer + "/id", "duplicate id \"" + item.id + "\" in " + std::string(key));
            out.push_back(std::move(item));
        }
    }

    void read_metadata(const json& v, Metadata& m) {
        ObjectReader r(v, "/metadata", problems_, {"title", "publisher", "source", "edition", "licence", "notice"});
        m.title = r.required_text("title");
        m.publisher = r.required_text("publisher");
        m.edition = r.required_text("edition");
        m.licence = r.required_text("licence");
        m.notice = r.required_text("notice");
        if (const json* s = r.member("source", true)) {
            ObjectReader sr(*s, "/metadata/source", problems_, {"title", "publisher", "date", "url"});
            m.source.title = sr.required_text("title");
            m.source.publisher = sr.required_text("publisher");
            m.source.date = sr.required_text("date");
            if (!m.source.date.empty() && !is_iso_date(m.source.date))
                sr.report(sr.pointer_to("date"), "\"" + m.source.date + "\" is not a date in the form YYYY-MM-DD");
            m.source.url = read_url(sr);
        }
    }

    std::string read_url(ObjectReader& r) {
        std::string url = r.optional_text("url");
        if (!url.empty() && !is_web_url(url))
            r.report(r.pointer_to("url"), "must be a web address starting with https:// or http://");
        return url;
    }

    void read_term(const json& v, const std::string& pointer, Term& t) {
        ObjectReader r(v, pointer, problems_, {"id", "name", "description", "examples", "provenance"});
        if (!r.is_object()) return;
        t.id = read_id(r, "id");
        t.name = r.required_text("name");
        t.description = r.required_text("description");
        t.examples = r.text_list("examples", 0);
        t.provenance = read_provenance(r, "provenance");
    }

    void read_reference(const json& v, const std::string& pointer, Reference& ref) {
        ObjectReader r(v, pointer, problems_, {"id", "title", "identifier", "kind", "description", "url"});
        if (!r.is_object()) return;
        ref.id = read_id(r, "id");
        ref.title = r.required_text("title");
        ref.identifier = r.optional_text("identifier");
        ref.kind = r.required_text("kind");
        if (!ref.kind.empty() && ref.kind != "law" && ref.kind != "standard" && ref.kind != "guidance")
            r.report(r.pointer_to("kind"), "unknown kind \"" + ref.kind + "\"; use law, standard or guidance");
        ref.description = r.required_text("description");
        ref.url = read_url(r);
    }

    std::vector<Link> read_links(ObjectReader& r, std::string_view key) {
        std::vector<Link> links;
        const json* list = r.array(key, true, 1);
        if (!list) return links;
        for (std::size_t i = 0; i < list->size(); ++i) {
            ObjectReader lr((*list)[i], r.pointer_to(key) + "/" + std::to_string(i), problems_, {"id", "provenance"});
            if (!lr.is_object()) continue;
            Link link;
            link.id = lr.required_text("id");
            link.provenance = read_provenance(lr, "provenance");
            links.push_back(std::move(link));
        }
        return links;
    }

    void read_practice(const json& v, const std::string& pointer, Practice& p) {
        ObjectReader r(v, pointer, problems_,
                       {"id", "number", "title", "phase", "phase_provenance", "summary", "why", "clauses", "evidence",
                        "assets", "threats", "references"});
        if (!r.is_object()) return;
        p.id = read_id(r, "id");
        p.number = static_cast<int>(r.required_integer("number", 1, 9999));
        p.title = r.required_text("title");
        p.phase = r.required_text("phase");
        p.phase_provenance = read_provenance(r, "phase_provenance");
        p.summary = r.required_text("summary");
        p.why = r.required_text("why");
        p.clauses = r.text_list("clauses", 1);
        p.evidence = r.text_list("evidence", 1);
        p.assets = read_links(r, "assets");
        p.threats = read_links(r, "threats");
        p.references = r.text_list("references", 0);
    }

    void read_scenario(const json& v, const std::string& pointer, Scenario& s) {
        ObjectReader r(v, pointer, problems_, {"id", "name", "description", "filters"});
        if (!r.is_object()) return;
        s.id = read_id(r, "id");
        s.name = r.required_text("name");
        s.description = r.required_text("description");
        if (const json* f = r.member("filters", true)) {
            ObjectReader fr(*f, pointer + "/filters", problems_, {"phases", "assets", "threats"});
            s.filters.phases = fr.text_list("phases", 0);
            s.filters.assets = fr.text_list("assets", 0);
            s.filters.threats = fr.text_list("threats", 0);
            if (fr.is_object() && s.filters.phases.empty() && s.filters.assets.empty() && s.filters.threats.empty())
                report(pointer + "/filters", "a scenario must select at least one phase, type of procurement or threat");
        }
    }

    // Every id a practice or scenario mentions must exist in the catalogue's own lists.
    void check_references(const Catalogue& c) {
        std::set<int> numbers;
        for (std::size_t i = 0; i < c.practices.size(); ++i) {
            const Practice& p = c.practices[i];
            const std::string base = "/practices/" + std::to_string(i);
            if (p.number > 0 && !numbers.insert(p.number).second)
                report(base + "/number", "practice number " + std::to_string(p.number) + " is used twice");
            if (!p.phase.empty() && !is_blank(p.phase) && !c.find_phase(p.phase))
                report(base + "/phase", unknown("phase", p.phase, c.phases));
            check_links(p.assets, base + "/assets", "type of procurement", c.asset_types);
            check_links(p.threats, base + "/threats", "threat", c.threats);
            check_ids(p.references, base + "/references", "reference", c.references);
        }
        for (std::size_t i = 0; i < c.scenarios.size(); ++i) {
            const Scenario& s = c.scenarios[i];
            const std::string base = "/scenarios/" + std::to_string(i) + "/filters";
            check_ids(s.filters.phases, base + "/phases", "phase", c.phases);
            check_ids(s.filters.assets, base + "/assets", "type of procurement", c.asset_types);
            check_ids(s.filters.threats, base + "/threats", "threat", c.threats);
        }
    }

    template <typename T>
    static std::string unknown(std::string_view what, const std::string& id, const std::vector<T>& known) {
        std::string message = "unknown " + std::string(what) + " \"" + id + "\"; known: ";
        for (std::size_t i = 0; i < known.size() && i < 12; ++i) message += (i ? ", " : "") + known[i].id;
        if (known.size() > 12) message += ", ...";
        return message;
    }

    template <typename T>
    void check_links(const std::vector<Link>& links, const std::string& base, std::string_view what, const std::vector<T>& known) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < links.size(); ++i) {
            const std::string& id = links[i].id;
            if (id.empty()) continue;
            const std::string pointer = base + "/" + std::to_string(i) + "/id";
            if (std::none_of(known.begin(), known.end(), [&](const T& k) { return k.id == id; }))
                report(pointer, unknown(what, id, known));
            else if (!seen.insert(id).second)
                report(pointer, "\"" + id + "\" is listed twice");
        }
    }

    template <typename T>
    void check_ids(const std::vector<std::string>& ids, const std::string& base, std::string_view what, const std::vector<T>& known) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const std::string pointer = base + "/" + std::to_string(i);
            if (std::none_of(known.begin(), known.end(), [&](const T& k) { return k.id == ids[i]; }))
                report(pointer, unknown(what, ids[i], known));
            else if (!seen.insert(ids[i]).second)
                report(pointer, "\"" + ids[i] + "\" is listed twice");
        }
    }

    Problems& problems_;
};

}  // namespace

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    auto ok = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'; };
    return std::all_of(id.begin(), id.end(), ok) && id.front() != '-' && id.front() != '_';
}

CatalogueLoad load_catalogue(std::string_view json_text, const Limits& limits) {
    CatalogueLoad result;
    ParsedJson parsed = parse_json(json_text, limits);
    if (parsed.error) {
        result.problems.push_back(*parsed.error);
        return result;
    }
    Catalogue catalogue;
    CatalogueReader(result.problems).read(parsed.value, catalogue);
    if (result.problems.empty()) result.catalogue = std::move(catalogue);
    return result;
}

}  // namespace procure
