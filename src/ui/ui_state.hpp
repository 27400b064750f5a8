// Interface-only state that is not part of the engine's view: open dialogs, the phone drawer, notices.
#pragma once

#include <string>
#include <vector>

namespace procure::ui {

enum class Dialog { none, about, sources, help, reset_checklist, export_menu, language };

struct Notice {
    std::string text;
    bool warning = false;
};

struct UiState {
    Dialog dialog = Dialog::none;
    bool filter_drawer_open = false;  // phone layout
    bool focus_search = false;        // set by "/" and consumed by the search box
    std::vector<Notice> notices;      // shown at the top until dismissed
    std::string copied_item;          // the copy button or menu item that last copied
    double copied_until = 0;          // ImGui time until which it says "Copied"; the shell redraws then
    std::string search_buffer;        // the text box's contents (the engine's text follows it)
    std::string note_buffer;          // the note editor's contents for `note_practice`
    std::string note_practice;
    bool reduced_motion = false;
    std::vector<std::string> languages;  // codes offered, in menu order
    std::vector<std::string> language_names;
};

}  // namespace procure::ui
