// The accessible mirror: what the canvas shows, as data for real HTML (web/mirror.js), and the
// intents that HTML sends back. A screen reader or a keyboard works on the mirror; both change the same
// Session, so the canvas follows. No ImGui here: the model is built from the engine state and the
// interface strings only.
#pragma once

#include <string>
#include <string_view>

#include "views.hpp"

namespace procure::ui {

// The view as JSON: headings and labels in the current language, the filters with counts, the search
// text, the results, the open practice with its checklist controls, and a sentence to announce.
std::string mirror_model(const Context& ctx);

// Applies one intent from the mirror, e.g. {"type":"toggle","facet":"asset","id":"cloud_services"}.
// Returns false, changing nothing, for anything malformed or unknown.
bool apply_mirror_intent(Context& ctx, std::string_view json);

}  // namespace procure::ui
