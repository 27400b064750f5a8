// Small drawing helpers shared by the views: wrapped text with highlighted ranges, chips and badges,
// and the registry of widget positions that the browser tests click on.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "engine/search_index.hpp"

namespace procure::ui {

struct TextRange {
    std::uint32_t begin = 0, end = 0;  // byte offsets into the text
};

// Text wrapped to the available width (ImGui's own word-wrap rule), with `highlights` painted behind
// the matching bytes. Paragraphs separated by "\n\n" get a gap between them.
// The highlights of one text of a practice (a field, and for clauses and evidence the item).
std::vector<TextRange> highlight_ranges(const std::vector<Highlight>& all, TextField field, std::uint16_t item = 0);

// `width` <= 0 means the available width.
void wrapped_text(std::string_view text, const std::vector<TextRange>& highlights = {}, ImU32 colour = 0, float width = 0);

// A rounded label; returns true when clicked. With `removable`, shows a "×" and reads as a remove button.
bool chip(const char* id, std::string_view label, bool removable = false, ImU32 background = 0);
// A full-width button whose label wraps onto several lines instead of being clipped.
bool wrapped_button(const char* id, std::string_view label, bool active = false);
// A non-interactive coloured label, e.g. the phase of a practice.
void badge(std::string_view label, ImU32 colour);
// A heading in the bold face with space above it.
void section_heading(std::string_view text);
// Draws focus visibly around the last item when it has keyboard focus.
void focus_ring();

// Widget positions by name, in CSS pixels, rebuilt every frame; read by window.procureApp.widgets().
void begin_widget_registry();
void register_widget(std::string_view name);  // the last ImGui item
void register_widget(std::string_view name, ImVec2 min, ImVec2 max);
const std::map<std::string, ImVec4, std::less<>>& widget_registry();  // x, y, width, height
// Scrolls the named widget into view the next time it is drawn (for tests and automation).
void reveal_widget(std::string_view name);
bool reveal_pending();  // the app keeps drawing while a reveal is under way
// The registered widget with the keyboard focus in the last frame ("" if none): for keyboard tests.
const std::string& focused_widget();

}  // namespace procure::ui
