#include "note_editor.hpp"

#include <algorithm>

#include <imgui_stdlib.h>

#include "engine/limits.hpp"
#include "strings.hpp"

namespace procure::ui {
namespace {

// Called after every edit. An edit inserts at most what ends at the cursor, and the text fitted before
// it, so removing the excess just before the cursor takes back only what was just inserted.
int refuse_excess(ImGuiInputTextCallbackData* data) {
    const int excess = data->BufTextLen - static_cast<int>(kMaxNoteBytes);
    if (excess <= 0) return 0;
    const int end = data->CursorPos;
    int start = std::max(0, end - excess);
    while (start > 0 && (static_cast<unsigned char>(data->Buf[start]) & 0xC0) == 0x80) --start;  // whole characters only
    data->DeleteChars(start, end - start);
    *static_cast<bool*>(data->UserData) = true;
    return 0;
}

}  // namespace

bool note_editor(const char* id, std::string& buffer, ImVec2 size, std::vector<Notice>& notices) {
    bool refused = false;
    const bool changed = ImGui::InputTextMultiline(id, &buffer, size, ImGuiInputTextFlags_CallbackEdit, refuse_excess, &refused);
    if (refused) {
        const std::string text = trf("notice.note_too_long", {{"limit", std::to_string(kMaxNoteBytes)}});
        if (std::none_of(notices.begin(), notices.end(), [&](const Notice& n) { return n.text == text; }))
            notices.push_back({text, true});
    }
    return changed;
}

}  // namespace procure::ui
