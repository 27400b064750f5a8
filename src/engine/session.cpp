#include "session.hpp"

#include <algorithm>

namespace procure {
namespace {

template <typename T>
bool toggle_in(std::vector<T>& list, const T& value) {
    auto it = std::find(list.begin(), list.end(), value);
    if (it == list.end()) list.push_back(value);
    else list.erase(it);
    return true;
}

}  // namespace

Session::Session(Catalogue source) : source_(std::move(source)), localised_(source_) {
    engine_ = std::make_unique<QueryEngine>(localised_);
    checklist_.catalogue_id = source_.id;
    checklist_.catalogue_version = source_.version;
    statuses_.assign(localised_.practices.size(), Status::not_started);
    rerun();
}

const ChecklistEntry* Session::entry_of(std::size_t practice) const {
    return practice < localised_.practices.size() ? checklist_.find(localised_.practices[practice].id) : nullptr;
}

const Practice* Session::open_practice() const {
    return view_.open_practice.empty() ? nullptr : localised_.find_practice(view_.open_practice);
}

std::optional<std::size_t> Session::practice_index(const std::string& id) const {
    for (std::size_t i = 0; i < localised_.practices.size(); ++i)
        if (localised_.practices[i].id == id) return i;
    return std::nullopt;
}

std::vector<std::string> Session::orphaned_notes() const { return orphaned_entries(checklist_, source_); }

void Session::refresh_statuses() {
    for (std::size_t i = 0; i < localised_.practices.size(); ++i) statuses_[i] = checklist_.status_of(localised_.practices[i].id);
}

void Session::rerun() { results_ = engine_->run(view_.query, statuses_); }

// A scenario is a named starting point; once the user changes the filters it no longer describes them.
void Session::clear_scenario_if_changed() {
    if (view_.scenario.empty()) return;
    const Scenario* s = localised_.find_scenario(view_.scenario);
    if (!s || s->filters.phases != view_.query.facets.phases || s->filters.assets != view_.query.facets.assets ||
        s->filters.threats != view_.query.facets.threats)
        view_.scenario.clear();
}

Changes Session::toggle(FacetKind facet, const std::string& option_id) {
    FacetSelection& f = view_.query.facets;
    switch (facet) {
        case FacetKind::phase: toggle_in(f.phases, option_id); break;
        case FacetKind::asset: toggle_in(f.assets, option_id); break;
        case FacetKind::threat: toggle_in(f.threats, option_id); break;
        case FacetKind::status:
            if (auto s = status_from_string(option_id)) toggle_in(view_.query.statuses, *s);
            break;
    }
    clear_scenario_if_changed();
    rerun();
    return {true, false};
}

Changes Session::clear(FacetKind facet) {
    FacetSelection& f = view_.query.facets;
    switch (facet) {
        case FacetKind::phase: f.phases.clear(); break;
        case FacetKind::asset: f.assets.clear(); break;
        case FacetKind::threat: f.threats.clear(); break;
        case FacetKind::status: view_.query.statuses.clear(); break;
    }
    clear_scenario_if_changed();
    rerun();
    return {true, false};
}

Changes Session::clear_all() {
    view_.query = Query{};
    view_.scenario.clear();
    rerun();
    return {true, false};
}

Changes Session::set_text(const std::string& text) {
    if (text == view_.query.text) return {};
    view_.query.text = text;
    rerun();
    return {true, false};
}

Changes Session::open(const std::string& practice_id) {
    if (!practice_id.empty() && !localised_.find_practice(practice_id)) return {};
    if (view_.open_practice == practice_id) return {};
    view_.open_practice = practice_id;
    return {true, false};
}

Changes Session::apply_scenario(const std::string& scenario_id) {
    const Scenario* s = localised_.find_scenario(scenario_id);
    if (!s) return {};
    view_.query.facets = s->filters;
    view_.query.statuses.clear();
    view_.query.text.clear();
    view_.scenario = scenario_id;
    view_.view = ViewMode::list;
    rerun();
    return {true, false};
}

Changes Session::set_view_mode(ViewMode mode) {
    if (view_.view == mode) return {};
    view_.view = mode;
    return {true, false};
}

Changes Session::set_matrix_axis(const std::string& axis) {
    const std::string normalised = axis == "threats" ? "threats" : "";
    if (view_.matrix_axis == normalised) return {};
    view_.matrix_axis = normalised;
    return {true, false};
}

std::vector<std::string> Session::restore_view(const ViewState& state) {
    ViewState next = state;
    std::vector<std::string> dropped = sanitize_view_state(next, localised_);
    next.language = view_.language;  // the shell switches languages itself, with the overlays it loads
    view_ = std::move(next);
    rerun();
    return dropped;
}

void Session::set_language(const std::string& code, const std::vector<const Overlay*>& chain) {
    localised_ = localise(source_, chain);
    engine_ = std::make_unique<QueryEngine>(localised_);
    view_.language = code;
    rerun();
}

Changes Session::set_status(const std::string& practice_id, Status status, std::int64_t now_ms) {
    if (!source_.find_practice(practice_id)) return {};
    ChecklistEntry& e = checklist_.entries[practice_id];
    if (e.status == status && e.changed_at_ms != 0) return {};
    e.status = status;
    e.changed_at_ms = now_ms;
    refresh_statuses();
    rerun();
    return {false, true};
}

Changes Session::set_note(const std::string& practice_id, const std::string& note, std::int64_t now_ms) {
    if (!source_.find_practice(practice_id)) return {};
    std::string bounded = note.substr(0, kMaxNoteBytes);
    // Never cut a UTF-8 sequence in half.
    while (!bounded.empty() && bounded.size() < note.size() && (static_cast<unsigned char>(note[bounded.size()]) & 0xC0) == 0x80)
        bounded.pop_back();
    ChecklistEntry& e = checklist_.entries[practice_id];
    if (e.note == bounded) return {};
    e.note = std::move(bounded);
    e.changed_at_ms = now_ms;
    return {false, true};
}

Changes Session::reset_checklist() {
    checklist_.entries.clear();
    refresh_statuses();
    rerun();
    return {false, true};
}

void Session::load_checklist(Checklist stored) {
    checklist_ = std::move(stored);
    checklist_.catalogue_id = source_.id;
    checklist_.catalogue_version = source_.version;
    refresh_statuses();
    rerun();
}

MergeReport Session::import_checklist(const Checklist& incoming, MergeTie tie) {
    MergeReport report = merge_checklist(checklist_, incoming, source_, tie);
    refresh_statuses();
    rerun();
    return report;
}

}  // namespace procure
