// Everything the interface shows, and every change a user can ask for. The ImGui views only read this
// and call its intents; the browser layer saves the checklist and mirrors the view state into the URL.
// Plain C++, so the whole behaviour of the app is unit-tested natively.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalogue.hpp"
#include "checklist.hpp"
#include "checklist_file.hpp"
#include "query_engine.hpp"
#include "translation.hpp"
#include "view_state.hpp"

namespace procure {

enum class FacetKind : std::uint8_t { phase, asset, threat, status };

// What changed in the last intent, so the shell knows what to persist.
struct Changes {
    bool view = false;       // the URL fragment should be updated
    bool checklist = false;  // the checklist should be saved
};

class Session {
public:
    // Takes the catalogue in its source language.
    explicit Session(Catalogue source);

    // --- reading -------------------------------------------------------------------------------
    const Catalogue& source() const { return source_; }
    const Catalogue& catalogue() const { return localised_; }  // in the current language
    const ViewState& view() const { return view_; }
    const Results& results() const { return results_; }
    const Checklist& checklist() const { return checklist_; }
    const QueryEngine& engine() const { return *engine_; }
    Status status_of(std::size_t practice) const { return statuses_[practice]; }
    const ChecklistEntry* entry_of(std::size_t practice) const;
    const Practice* open_practice() const;  // nullptr when none is open
    std::optional<std::size_t> practice_index(const std::string& id) const;
    // Checklist entries whose practice this catalogue does not have (after a catalogue update): kept, shown.
    std::vector<std::string> orphaned_notes() const;

    // --- view intents (each returns what to persist) -----------------------------------------------
    Changes toggle(FacetKind facet, const std::string& option_id);
    Changes clear(FacetKind facet);
    Changes clear_all();
    Changes set_text(const std::string& text);
    Changes open(const std::string& practice_id);  // "" closes
    Changes apply_scenario(const std::string& scenario_id);
    Changes set_view_mode(ViewMode mode);
    Changes set_matrix_axis(const std::string& axis);
    // Replaces the view with one decoded from a link; unknown ids are dropped and described in the result.
    std::vector<std::string> restore_view(const ViewState& state);

    // --- language ----------------------------------------------------------------------------------
    // Lays overlays (most preferred first) over the source texts and rebuilds the search index.
    void set_language(const std::string& code, const std::vector<const Overlay*>& chain);

    // --- checklist intents -------------------------------------------------------------------------------
    Changes set_status(const std::string& practice_id, Status status, std::int64_t now_ms);
    Changes set_note(const std::string& practice_id, const std::string& note, std::int64_t now_ms);
    Changes reset_checklist();
    // Replaces the checklist with a stored one (at start-up); entries for unknown practices are kept.
    void load_checklist(Checklist stored);
    MergeReport import_checklist(const Checklist& incoming, MergeTie tie = MergeTie::keep_into);

private:
    void refresh_statuses();
    void rerun();
    void clear_scenario_if_changed();

    Catalogue source_;
    Catalogue localised_;
    std::unique_ptr<QueryEngine> engine_;
    ViewState view_;
    Checklist checklist_;
    std::vector<Status> statuses_;
    Results results_;
};

}  // namespace procure
