// The checklist note's text box, bounded by kMaxNoteBytes like the checklist file that keeps it.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "ui_state.hpp"

namespace procure::ui {

// A multi-line text box that never holds more than kMaxNoteBytes. Typed or pasted text that does not
// fit is refused at the cursor (the note already there is never cut) and a notice says why, so the
// box always shows exactly what is saved. Returns true when the text changed.
bool note_editor(const char* id, std::string& buffer, ImVec2 size, std::vector<Notice>& notices);

}  // namespace procure::ui
