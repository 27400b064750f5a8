#include "mirror.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "engine/limits.hpp"
#include "strings.hpp"

namespace procure::ui {
namespace {

using nlohmann::json;

json facet(const Session& s, FacetKind kind, const char* label_key, const std::vector<FacetOption>& options) {
    static const char* kinds[] = {"phase", "asset", "threat", "status"};
    json out = {{"kind", kinds[static_cast<int>(kind)]}, {"label", tr(label_key)}, {"clear", tr("facets.clear")}};
    json list = json::array();
    for (const FacetOption& o : options)
        list.push_back({{"id", o.id}, {"label", facet_option_label(s.catalogue(), kind, o.id)}, {"count", o.count}, {"selected", o.selected}});
    out["options"] = list;
    return out;
}

json links(const Catalogue& c, FacetKind kind, const std::vector<Link>& items) {
    json out = json::array();
    for (const Link& l : items)
        out.push_back({{"label", facet_option_label(c, kind, l.id)}, {"provenance", tr("provenance." + std::string(to_string(l.provenance)))}});
    return out;
}

json detail(const Context& ctx, const Practice& p) {
    const Session& s = ctx.session;
    const Catalogue& c = s.catalogue();
    const Term* phase = c.find_phase(p.phase);
    json references = json::array();
    for (const std::string& id : p.references)
        if (const Reference* r = c.find_reference(id)) references.push_back(r->title + (r->identifier.empty() ? "" : " " + r->identifier));
    json statuses = json::array();
    for (Status st : kAllStatuses) statuses.push_back({{"id", to_string(st)}, {"label", status_label(st)}});
    const ChecklistEntry* entry = s.practice_index(p.id) ? s.entry_of(*s.practice_index(p.id)) : nullptr;
    return {
        {"id", p.id}, {"number", p.number}, {"title", p.title}, {"phase", phase ? phase->name : p.phase},
        {"summary", p.summary}, {"why", p.why}, {"clauses", p.clauses}, {"evidence", p.evidence},
        {"assets", links(c, FacetKind::asset, p.assets)}, {"threats", links(c, FacetKind::threat, p.threats)},
        {"references", references}, {"statuses", statuses},
        {"status", std::string(to_string(entry ? entry->status : Status::not_started))},
        {"note", entry ? entry->note : std::string()},
        {"labels", {{"why", tr("detail.why")}, {"how", tr("detail.how")}, {"evidence", tr("detail.evidence")},
                    {"applies", tr("detail.applies")}, {"threats", tr("detail.threats")}, {"references", tr("detail.references")},
                    {"checklist", tr("detail.checklist")}, {"note", tr("detail.note")}, {"close", tr("detail.close")},
                    {"phase", tr("detail.phase")}}},
    };
}

}  // namespace

std::string mirror_model(const Context& ctx) {
    const Session& s = ctx.session;
    const Catalogue& c = s.catalogue();
    const Results& r = s.results();
    json results = json::array();
    for (const ResultItem& item : r.items) {
        const Practice& p = c.practices[item.practice];
        const Term* phase = c.find_phase(p.phase);
        results.push_back({{"id", p.id}, {"number", p.number}, {"title", p.title}, {"summary", p.summary}, {"phase", phase ? phase->name : p.phase}});
    }
    json scenarios = json::array();
    for (const Scenario& sc : c.scenarios)
        scenarios.push_back({{"id", sc.id}, {"name", sc.name}, {"description", sc.description}, {"active", s.view().scenario == sc.id}});
    json languages = json::array();
    for (std::size_t i = 0; i < ctx.ui.languages.size() && i < ctx.ui.language_names.size(); ++i)
        languages.push_back({{"code", ctx.ui.languages[i]}, {"name", ctx.ui.language_names[i]}});
    const std::string count = trf("results.count", {{"shown", std::to_string(r.items.size())}, {"total", std::to_string(c.practices.size())}});
    json model = {
        {"language", s.view().language.empty() ? "en" : s.view().language},
        {"languages", languages},
        {"title", tr("app.title")},
        {"edition", c.metadata.title},
        {"labels", {{"filters", tr("facets.heading")}, {"semantics", tr("facets.semantics")}, {"clearAll", tr("facets.clear_all")},
                    {"search", tr("search.hint")}, {"scenarios", tr("scenarios.heading")}, {"language", tr("header.language")},
                    {"results", tr("tab.practices")}, {"textView", tr("mirror.text_view")}, {"canvasView", tr("mirror.canvas_view")},
                    {"noDetail", tr("detail.none")}, {"skip", tr("mirror.skip")},
                    {"canvas", trf("mirror.canvas_label", {{"title", tr("app.title")}})}}},
        {"scenarios", scenarios},
        {"facets", json::array({facet(s, FacetKind::phase, "facet.phase", r.facets.phases), facet(s, FacetKind::asset, "facet.asset", r.facets.assets),
                                facet(s, FacetKind::threat, "facet.threat", r.facets.threats), facet(s, FacetKind::status, "facet.status", r.facets.statuses)})},
        {"search", s.view().query.text},
        {"count", count},
        {"results", results},
        {"empty", r.items.empty() ? tr("results.empty_title") : std::string()},
        {"detail", nullptr},
    };
    if (const Practice* p = s.open_practice()) model["detail"] = detail(ctx, *p);
    // What a screen reader hears after a change: the result count, and the practice that opened.
    json notices = json::array();
    for (const Notice& n : ctx.ui.notices) notices.push_back(n.text);
    model["notices"] = notices;  // problems and confirmations the canvas shows at its top
    model["announce"] = count + (s.open_practice() ? " · " + s.open_practice()->title : std::string());
    return model.dump();
}

bool apply_mirror_intent(Context& ctx, std::string_view text) {
    const json intent = json::parse(text, nullptr, false);
    if (!intent.is_object() || !intent.contains("type") || !intent["type"].is_string()) return false;
    auto str = [&](const char* key) -> std::string {
        auto it = intent.find(key);
        return it != intent.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const std::string type = str("type");
    Session& s = ctx.session;
    auto facet_kind = [&](const std::string& name) -> std::optional<FacetKind> {
        if (name == "phase") return FacetKind::phase;
        if (name == "asset") return FacetKind::asset;
        if (name == "threat") return FacetKind::threat;
        if (name == "status") return FacetKind::status;
        return std::nullopt;
    };
    if (type == "toggle" || type == "clear") {
        const auto kind = facet_kind(str("facet"));
        if (!kind) return false;
        ctx.changed(type == "toggle" ? s.toggle(*kind, str("id")) : s.clear(*kind));
    } else if (type == "clear_all") {
        ctx.changed(s.clear_all());
    } else if (type == "search") {
        ctx.ui.search_buffer = str("text");
        ctx.changed(s.set_text(ctx.ui.search_buffer), false);
    } else if (type == "open") {
        ctx.changed(s.open(str("id")));
    } else if (type == "scenario") {
        ctx.changed(s.apply_scenario(str("id")));
    } else if (type == "status") {
        const auto status = status_from_string(str("status"));
        if (!status) return false;
        ctx.changed(s.set_status(str("id"), *status, ctx.shell.now_ms()));
    } else if (type == "note") {
        const std::string id = str("id");
        const std::string note = str("note");
        if (note.size() > kMaxNoteBytes) {
            // Refused whole, with the same notice as the canvas's editor: the text area keeps what was
            // typed (it is not redrawn while it has the focus), so the reader can shorten it.
            const std::string refusal = trf("notice.note_too_long", {{"limit", std::to_string(kMaxNoteBytes)}});
            if (std::none_of(ctx.ui.notices.begin(), ctx.ui.notices.end(), [&](const Notice& n) { return n.text == refusal; }))
                ctx.ui.notices.push_back({refusal, true});
            return false;
        }
        if (ctx.ui.note_practice == id) ctx.ui.note_buffer = note;
        ctx.changed(s.set_note(id, note, ctx.shell.now_ms()), false);
    } else if (type == "language") {
        ctx.shell.choose_language(str("code"));
    } else {
        return false;
    }
    return true;
}

}  // namespace procure::ui
