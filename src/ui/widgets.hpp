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
// Width of a button with this label in the current font, and a SameLine that starts a new line
// instead when an item that wide would not fit: rows of buttons wrap like words on narrow screens.
float button_width(std::string_view label);
void same_line_if_fits(float width);
// `text` with line breaks where ImGui's word wrap would put them at `width`, for labels of widgets that
// draw their text on one line otherwise (checkboxes): the item grows taller instead of being clipped.
std::string wrap_to_width(std::string_view text, float width);
// `text` cut at a word or letter and ended with "…" so that it fits `width`, for one-line labels in
// fixed columns whose full text is shown elsewhere (a tooltip); `text` itself when it fits.
std::string ellipsize(std::string_view text, float width);
// A one-line hint made to fit `width`: without its trailing "( / )" key hint, then without its last
// ", example" parts, as far as needed; the hint texts of every language are written that way.
std::string hint_to_fit(std::string_view hint, float width);
// A menu item (a Selectable that leaves popups open) whose label wraps instead of being clipped.
bool wrapped_selectable(const char* id, std::string_view label);
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
bool reveal_pending();  // the app keeps drawing while a reveal or a focus request is under way
// Keyboard focus that follows the reader: opening a practice or the filter drawer by keyboard moves
// the focus into it, closing returns it to where it came from (the pane that had it may be gone).
// request_focus names the widget; the code that draws it calls focus_if_requested just before it.
void request_focus(std::string_view name);
void focus_if_requested(std::string_view name);
// The registered widget with the keyboard focus in the last frame ("" if none): for keyboard tests.
const std::string& focused_widget();

// Text that did not fit where the last frame drew it, for the pseudo-localisation test: registered
// widgets that reach past the right or left edge of what is shown of their window, windows whose
// content is wider than they are (with no horizontal scrolling to reach it) or that reach past the
// display, and labels noted by the code that draws them in a box of fixed width.
void note_if_clipped(std::string_view label, float text_width, float box_width);
std::vector<std::string> clipped_text();

}  // namespace procure::ui
