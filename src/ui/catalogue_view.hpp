// The main window: the catalogue's practices, grouped by phase, or a clear message when it failed to load.
#pragma once

#include "session.hpp"
#include "theme.hpp"

namespace procure::ui {

void draw_catalogue_view(const Session& session, const Fonts& fonts);

}  // namespace procure::ui
