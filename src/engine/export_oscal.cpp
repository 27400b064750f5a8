// OSCAL catalog and profile: lets GRC tools that speak OSCAL (compliance-trestle, oscal-cli, GRC
// suites) import the practices, and lets a hospital hand its selection to such a tool as a profile.
#include <algorithm>
#include <cstdint>
#include <set>

#include <nlohmann/json.hpp>

#include "export.hpp"
#include "export_common.hpp"

namespace procure {
namespace {

using Json = nlohmann::ordered_json;  // OSCAL readers expect uuid and metadata first; diffs stay stable

constexpr const char* kOscalVersion = "1.1.2";
// Names outside OSCAL's own vocabulary need a namespace of their own, so that a validator does not
// mistake them for (unknown) core names.
constexpr const char* kNs = "https://hospital-procurement-guide.example/ns/oscal";

std::uint64_t fnv1a(std::string_view s, std::uint64_t h) {
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// A v4-shaped UUID that is a pure function of seed and path: golden files stay stable, and two exports
// of the same catalogue edition agree, while different seeds never collide in practice.
std::string uuid_for(std::string_view seed, std::string_view path) {
    std::uint64_t state = fnv1a(path, fnv1a(std::string_view("\0", 1), fnv1a(seed, 0xcbf29ce484222325ULL)));
    std::uint64_t hi = splitmix64(state);
    std::uint64_t lo = splitmix64(state);
    hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
    lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // RFC 4122 variant
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 32; ++i) {
        const std::uint64_t word = i < 16 ? hi : lo;
        out += kHex[(word >> (60 - 4 * (i % 16))) & 0xF];
        if (i == 7 || i == 11 || i == 15 || i == 19) out += '-';
    }
    return out;
}

// OSCAL ids are tokens, which cannot start with a digit; catalogue ids can.
std::string token(const std::string& id) {
    const bool letter = !id.empty() && ((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z'));
    return letter ? id : "_" + id;
}

std::string control_id(const Practice& p) { return "gp-" + p.id; }

// Prose and titles are Markdown in OSCAL JSON: backslash-escape what Markdown would act on, so the
// text reads the same in every renderer.
std::string markdown(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (std::string_view("\\`*_[]<>#&|").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

// A prop value is one line without surrounding space; an empty one is not allowed, so the caller skips it.
void add_prop(Json& props, const std::string& name, const std::string& value, bool core = false,
              const std::string& cls = {}) {
    const std::string v = export_detail::single_line(value);
    if (v.empty()) return;
    Json prop = {{"name", name}};
    if (!core) prop["ns"] = kNs;
    prop["value"] = v;
    if (!cls.empty()) prop["class"] = cls;
    props.push_back(std::move(prop));
}

// Members in the order of the OSCAL schema, which is how people expect to read them.
Json part(const std::string& id, const std::string& name, bool core, const std::string& prose, Json props = nullptr) {
    Json p = {{"id", id}, {"name", name}};
    if (!core) p["ns"] = kNs;
    if (!props.is_null()) p["props"] = std::move(props);
    if (!prose.empty()) p["prose"] = markdown(prose);
    return p;
}

// A part of numbered sub-parts, one per text; absent when there are none.
void add_list_part(Json& parts, Json container, const std::string& base, const std::string& item_name, bool item_core,
                   const std::vector<std::string>& texts) {
    if (texts.empty()) return;
    Json items = Json::array();
    for (std::size_t i = 0; i < texts.size(); ++i) {
        Json props = Json::array();
        add_prop(props, "label", std::to_string(i + 1) + ".", true);
        items.push_back(part(base + "." + std::to_string(i + 1), item_name, item_core, texts[i], std::move(props)));
    }
    container["parts"] = std::move(items);
    parts.push_back(std::move(container));
}

Json control(const Catalogue& c, const Practice& p, const std::string& seed) {
    const std::string id = control_id(p);
    Json props = Json::array();
    add_prop(props, "label", std::to_string(p.number), true);
    add_prop(props, "number", std::to_string(p.number));
    add_prop(props, "practice-id", p.id);
    add_prop(props, "phase-provenance", std::string(to_string(p.phase_provenance)));
    // The class carries the provenance, so a reader can tell the publication's mapping from ours.
    for (const Link& l : p.assets) add_prop(props, "asset-type", l.id, false, std::string(to_string(l.provenance)));
    for (const Link& l : p.threats) add_prop(props, "threat", l.id, false, std::string(to_string(l.provenance)));

    Json links = Json::array();
    for (const std::string& ref : p.references)
        if (c.find_reference(ref)) links.push_back({{"href", "#" + uuid_for(seed, "resource/" + ref)}, {"rel", "reference"}});

    Json parts = Json::array();
    if (!p.summary.empty()) parts.push_back(part(id + "_smt", "statement", true, p.summary));
    if (!p.why.empty()) parts.push_back(part(id + "_gdn", "guidance", true, p.why));
    Json clauses = part(id + "_tc", "tender-clauses", false, {});
    clauses["title"] = "Tender clauses";
    add_list_part(parts, std::move(clauses), id + "_tc", "item", true, p.clauses);
    add_list_part(parts, part(id + "_obj", "assessment-objective", true,
                              "The supplier's bid or delivery includes the following evidence."),
                  id + "_obj", "evidence", false, p.evidence);

    Json out = {{"id", id}, {"class", "good-practice"}, {"title", markdown(p.title)}, {"props", std::move(props)}};
    if (!links.empty()) out["links"] = std::move(links);
    if (!parts.empty()) out["parts"] = std::move(parts);
    return out;
}

Json resource(const std::string& uuid, const std::string& title, const std::string& description) {
    Json r = {{"uuid", uuid}, {"title", markdown(title)}};
    if (!description.empty()) r["description"] = markdown(description);
    return r;
}

void add_rlink(Json& r, const std::string& url) {
    if (export_detail::is_plain_web_link(url)) r["rlinks"] = Json::array({Json{{"href", url}}});
}

Json back_matter(const Catalogue& c, const std::string& seed) {
    Json resources = Json::array();
    const SourcePublication& s = c.metadata.source;
    if (!s.title.empty()) {
        Json r = resource(uuid_for(seed, "resource/source"), s.title, {});
        Json props = Json::array();
        add_prop(props, "role", "source-publication");
        add_prop(props, "publisher", s.publisher);
        add_prop(props, "date", s.date);
        r["props"] = std::move(props);
        add_rlink(r, s.url);
        resources.push_back(std::move(r));
    }
    for (const Reference& ref : c.references) {
        Json r = resource(uuid_for(seed, "resource/" + ref.id), ref.title, ref.description);
        Json props = Json::array();
        add_prop(props, "reference-id", ref.id);
        add_prop(props, "kind", ref.kind);
        r["props"] = std::move(props);
        if (!ref.identifier.empty()) r["citation"] = {{"text", markdown(ref.identifier)}};
        add_rlink(r, ref.url);
        resources.push_back(std::move(r));
    }
    return {{"resources", std::move(resources)}};
}

std::string dump(const Json& doc) { return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }

}  // namespace

std::string export_oscal_catalog(const Catalogue& c, const std::string& generated_at, const std::string& uuid_seed) {
    Json props = Json::array();
    add_prop(props, "catalogue-id", c.id);
    add_prop(props, "language", c.language);
    add_prop(props, "edition", c.metadata.edition);
    add_prop(props, "publisher", c.metadata.publisher);
    add_prop(props, "source-title", c.metadata.source.title);
    add_prop(props, "source-publisher", c.metadata.source.publisher);
    add_prop(props, "source-date", c.metadata.source.date);
    add_prop(props, "source-url", c.metadata.source.url);

    std::string remarks = c.metadata.notice;
    if (!c.metadata.licence.empty()) remarks += (remarks.empty() ? "" : "\n\n") + c.metadata.licence;
    remarks += (remarks.empty() ? "" : "\n\n") + std::string(
        "On the asset-type and threat properties of each control, the class says where the link comes from: "
        "official, confirmed, likely or editorial (this catalogue's own judgement).");

    Json metadata = {{"title", markdown(c.metadata.title)},  {"last-modified", generated_at},
                     {"version", c.version.empty() ? "0" : c.version}, {"oscal-version", kOscalVersion},
                     {"props", std::move(props)},            {"remarks", markdown(remarks)}};

    Json groups = Json::array();
    std::set<std::string, std::less<>> grouped;
    for (const Term& phase : c.phases) {
        Json controls = Json::array();
        for (const Practice& p : c.practices)
            if (p.phase == phase.id) controls.push_back(control(c, p, uuid_seed));
        grouped.insert(phase.id);
        Json g = {{"id", token(phase.id)}, {"class", "phase"}, {"title", markdown(phase.name)}};
        Json group_props = Json::array();
        add_prop(group_props, "provenance", std::string(to_string(phase.provenance)));
        g["props"] = std::move(group_props);
        if (!phase.description.empty()) g["parts"] = Json::array({part(token(phase.id) + "_ovw", "overview", true, phase.description)});
        if (!controls.empty()) g["controls"] = std::move(controls);
        groups.push_back(std::move(g));
    }
    // The loader refuses practices in unknown phases; should one slip through, it still belongs in the file.
    Json loose = Json::array();
    for (const Practice& p : c.practices)
        if (!grouped.count(p.phase)) loose.push_back(control(c, p, uuid_seed));

    Json catalog = {{"uuid", uuid_for(uuid_seed, "catalog")}, {"metadata", std::move(metadata)}};
    if (!groups.empty()) catalog["groups"] = std::move(groups);
    if (!loose.empty()) catalog["controls"] = std::move(loose);
    catalog["back-matter"] = back_matter(c, uuid_seed);
    return dump(Json{{"catalog", std::move(catalog)}});
}

std::string export_oscal_profile(const ExportInput& in, const std::string& catalog_href, const std::string& uuid_seed) {
    const ExportLabels& labels = export_detail::labels_of(in);
    const Catalogue& c = in.catalogue;

    Json metadata = {{"title", markdown(labels.document_title + ": " + c.metadata.title)},
                     {"last-modified", in.generated_at},
                     {"version", c.version.empty() ? "0" : c.version},
                     {"oscal-version", kOscalVersion}};
    if (export_detail::is_plain_web_link(in.share_link))
        metadata["links"] = Json::array({Json{{"href", in.share_link}, {"rel", "alternate"}, {"text", markdown(labels.share_link)}}});
    const std::string filters = export_detail::single_line(in.filter_summary);
    metadata["remarks"] = markdown(labels.filters + ": " + (filters.empty() ? labels.no_filters : filters));

    std::vector<std::string> ids;
    Json alters = Json::array();
    for (const Practice* p : export_detail::selected_practices(in)) {
        const std::string id = control_id(*p);
        if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
        ids.push_back(id);
        if (!in.checklist) continue;
        Json props = Json::array();
        add_prop(props, "checklist-status", std::string(to_string(in.checklist->status_of(p->id))));
        alters.push_back({{"control-id", id}, {"adds", Json::array({Json{{"position", "ending"}, {"props", std::move(props)}}})}});
    }

    Json import = {{"href", catalog_href}};
    if (!ids.empty()) {
        import["include-controls"] = Json::array({Json{{"with-ids", ids}}});
    } else if (!c.practices.empty()) {
        // OSCAL reads an import without an include as "everything", and an empty id list is not
        // allowed: an empty selection is spelled as all controls minus all controls.
        std::vector<std::string> every;
        for (const Practice& p : c.practices) every.push_back(control_id(p));
        import["include-all"] = Json::object();
        import["exclude-controls"] = Json::array({Json{{"with-ids", every}}});
    }

    Json profile = {{"uuid", uuid_for(uuid_seed, "profile")}, {"metadata", std::move(metadata)},
                    {"imports", Json::array({std::move(import)})}, {"merge", {{"as-is", true}}}};
    if (!alters.empty()) profile["modify"] = {{"alters", std::move(alters)}};
    return dump(Json{{"profile", std::move(profile)}});
}

}  // namespace procure
