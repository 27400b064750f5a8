#include "widgets.hpp"

#include <algorithm>

#include <imgui_internal.h>  // ScrollToItem, and the windows' sizes for clipped text

#include "theme.hpp"

namespace procure::ui {
namespace {
std::map<std::string, ImVec4, std::less<>> g_widgets;
std::string g_reveal;       // a widget to scroll into view
int g_reveal_frames = 0;    // frames left to find it: a window may need a frame or two to size itself
std::vector<std::string> g_clipped;  // what did not fit in frame g_clipped_frame (see clipped_text)
int g_clipped_frame = -1;
constexpr float kSlack = 1.0f;       // pixels of rounding that do not count as clipping

void note_clipped(std::string what) {
    if (g_clipped_frame != ImGui::GetFrameCount()) {
        g_clipped.clear();
        g_clipped_frame = ImGui::GetFrameCount();
    }
    if (std::find(g_clipped.begin(), g_clipped.end(), what) == g_clipped.end()) g_clipped.push_back(std::move(what));
}

// Whether the current window scrolls sideways, so that its content may reach past its edges.
bool scrolls_sideways() {
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    return (w->Flags & ImGuiWindowFlags_HorizontalScrollbar) && w->ScrollbarX;
}

// Notes the last item when it reaches past the sides of what its window shows.
void check_last_item(std::string_view label) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (!scrolls_sideways() && (ImGui::GetItemRectMin().x < dl->GetClipRectMin().x - kSlack ||
                                ImGui::GetItemRectMax().x > dl->GetClipRectMax().x + kSlack))
        note_clipped("text " + std::string(label));
}
std::string g_focused;      // the registered widget that has the keyboard focus, if any
std::string g_focus_request;  // a widget to give the keyboard focus when it is next drawn
int g_focus_request_frames = 0;

// Draws one wrapped line [begin, end) of `text` at `pos`, with highlight rectangles behind it.
void draw_line(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, std::string_view text, std::size_t begin, std::size_t end,
               const std::vector<TextRange>& highlights, ImU32 colour) {
    const char* base = text.data();
    for (const TextRange& h : highlights) {
        const std::size_t hb = std::max<std::size_t>(h.begin, begin), he = std::min<std::size_t>(h.end, end);
        if (hb >= he) continue;
        const float x0 = font->CalcTextSizeA(size, FLT_MAX, 0.0f, base + begin, base + hb).x;
        const float x1 = font->CalcTextSizeA(size, FLT_MAX, 0.0f, base + begin, base + he).x;
        dl->AddRectFilled(ImVec2(pos.x + x0 - 1, pos.y), ImVec2(pos.x + x1 + 1, pos.y + size * 1.2f), palette().highlight, 3.0f);
    }
    dl->AddText(font, size, pos, colour, base + begin, base + end);
}
}  // namespace

std::vector<TextRange> highlight_ranges(const std::vector<Highlight>& all, TextField field, std::uint16_t item) {
    std::vector<TextRange> out;
    for (const Highlight& h : all)
        if (h.field == field && h.item == item) out.push_back({h.begin, h.end});
    return out;
}

void wrapped_text(std::string_view text, const std::vector<TextRange>& highlights, ImU32 colour, float wrap_width) {
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float line_height = size * 1.35f;
    const float width = std::max(wrap_width > 0 ? wrap_width : ImGui::GetContentRegionAvail().x, size * 4);
    const float scale = size / font->FontSize;
    if (!colour) colour = ImGui::GetColorU32(ImGuiCol_Text);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float y = 0;
    std::size_t pos = 0;
    const char* data = text.data();
    while (pos < text.size()) {
        std::size_t line_end = text.find('\n', pos);
        if (line_end == std::string_view::npos) line_end = text.size();
        if (line_end == pos) {  // an empty line: a paragraph gap
            y += line_height * 0.6f;
            ++pos;
            continue;
        }
        std::size_t start = pos;
        while (start < line_end) {
            const char* wrap = font->CalcWordWrapPositionA(scale, data + start, data + line_end, width);
            std::size_t stop = static_cast<std::size_t>(wrap - data);
            if (stop <= start) stop = start + 1;  // always progress, even for a glyph wider than the line
            while (stop < line_end && (static_cast<unsigned char>(data[stop]) & 0xC0) == 0x80) ++stop;
            draw_line(dl, font, size, ImVec2(origin.x, origin.y + y), text, start, stop, highlights, colour);
            y += line_height;
            start = stop;
            while (start < line_end && data[start] == ' ') ++start;
        }
        pos = line_end + 1;
    }
    ImGui::Dummy(ImVec2(width, std::max(y, line_height) - ImGui::GetStyle().ItemSpacing.y * 0.5f));
}

bool chip(const char* id, std::string_view label, bool removable, ImU32 background) {
    ImGui::PushID(id);
    std::string text(label);
    if (removable) text += "  \xC3\x97";  // ×
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 999.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, 3));
    if (background) ImGui::PushStyleColor(ImGuiCol_Button, background);
    const bool clicked = ImGui::Button(text.c_str());
    check_last_item(label);
    if (background) ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    ImGui::PopID();
    return clicked;
}

bool wrapped_button(const char* id, std::string_view label, bool active) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::GetContentRegionAvail().x;
    const float wrap = width - style.FramePadding.x * 2;
    const ImVec2 text = ImGui::CalcTextSize(label.data(), label.data() + label.size(), false, wrap);
    const ImVec2 size(width, text.y + style.FramePadding.y * 2);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(id, size);
    const ImGuiCol col = active || ImGui::IsItemActive() ? ImGuiCol_ButtonActive : ImGui::IsItemHovered() ? ImGuiCol_ButtonHovered : ImGuiCol_Button;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), ImGui::GetColorU32(col), style.FrameRounding);
    if (style.FrameBorderSize > 0)
        dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), ImGui::GetColorU32(ImGuiCol_Border), style.FrameRounding);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + style.FramePadding.x, p.y + style.FramePadding.y),
                ImGui::GetColorU32(ImGuiCol_Text), label.data(), label.data() + label.size(), wrap);
    focus_ring();
    return clicked;
}

float button_width(std::string_view label) {
    return ImGui::CalcTextSize(label.data(), label.data() + label.size(), true).x + ImGui::GetStyle().FramePadding.x * 2;
}

void same_line_if_fits(float width) {
    // Decided before SameLine: a NewLine after it would count the line as reaching where it left off.
    const float x = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
    if (x + width <= ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x) ImGui::SameLine();
}

std::string wrap_to_width(std::string_view text, float width) {
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    std::string out;
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        const char* stop = font->CalcWordWrapPositionA(scale, p, end, width);
        if (stop <= p) stop = p + 1;
        while (stop < end && (static_cast<unsigned char>(*stop) & 0xC0) == 0x80) ++stop;  // whole code points
        if (!out.empty()) out += '\n';
        out.append(p, stop);
        while (out.size() > 1 && out.back() == ' ') out.pop_back();
        p = stop;
        while (p < end && *p == ' ') ++p;
    }
    return out;
}

std::string ellipsize(std::string_view text, float width) {
    const auto text_width = [](std::string_view t) { return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x; };
    if (text_width(text) <= width) return std::string(text);
    const float room = width - text_width("\xE2\x80\xA6");
    std::size_t end = text.size();
    while (end > 0 && text_width(text.substr(0, end)) > room) {
        do --end;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);  // whole code points
    }
    while (end > 0 && text[end - 1] == ' ') --end;
    return std::string(text.substr(0, end)) + "\xE2\x80\xA6";
}

std::string hint_to_fit(std::string_view hint, float width) {
    const auto fits = [&] { return ImGui::CalcTextSize(hint.data(), hint.data() + hint.size()).x <= width; };
    if (!fits()) {
        if (const std::size_t keys = hint.rfind("  ("); keys != std::string_view::npos) hint = hint.substr(0, keys);
        for (std::size_t comma = hint.rfind(", "); !fits() && comma != std::string_view::npos; comma = hint.rfind(", "))
            hint = hint.substr(0, comma);
    }
    return std::string(hint);
}

bool wrapped_selectable(const char* id, std::string_view label) {
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 text = ImGui::CalcTextSize(label.data(), label.data() + label.size(), false, width);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushID(id);
    const bool clicked = ImGui::Selectable("##item", false, ImGuiSelectableFlags_DontClosePopups, ImVec2(0, text.y));
    ImGui::PopID();
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), p, ImGui::GetColorU32(ImGuiCol_Text), label.data(),
                                        label.data() + label.size(), width);
    return clicked;
}

void badge(std::string_view label, ImU32 colour) {
    const ImVec2 pad(8, 2);
    const ImVec2 size = ImGui::CalcTextSize(label.data(), label.data() + label.size());
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
    dl->AddRectFilled(p, ImVec2(p.x + size.x + pad.x * 2, p.y + size.y + pad.y * 2),
                      ImGui::ColorConvertFloat4ToU32(ImVec4(c.x, c.y, c.z, 0.14f)), 999.0f);
    dl->AddText(ImVec2(p.x + pad.x, p.y + pad.y), colour, label.data(), label.data() + label.size());
    ImGui::Dummy(ImVec2(size.x + pad.x * 2, size.y + pad.y * 2));
    check_last_item(label);
}

void section_heading(std::string_view text) {
    ImGui::Dummy(ImVec2(0, 6));
    ImGui::PushFont(fonts().bold);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    check_last_item(text);
    ImGui::PopFont();
}

void focus_ring() {
    if (!ImGui::IsItemFocused() || !ImGui::GetIO().NavVisible) return;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x - 3, a.y - 3), ImVec2(b.x + 3, b.y + 3), palette().accent, 6.0f, 0, 2.0f);
}

void begin_widget_registry() {
    g_widgets.clear();
    g_focused.clear();
    if (g_reveal_frames > 0 && --g_reveal_frames == 0) g_reveal.clear();  // not drawn: give up
    if (g_focus_request_frames > 0 && --g_focus_request_frames == 0) g_focus_request.clear();  // gone: forget it
}

void register_widget(std::string_view name) {
    register_widget(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (ImGui::IsItemFocused()) g_focused = name;
    // Keep asking until the widget is really on screen, then stop.
    if (!g_reveal.empty() && name == g_reveal) {
        if (g_widgets.count(name)) {
            g_reveal.clear();
            g_reveal_frames = 0;
        } else {
            ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleCenterY);
        }
    }
}

void reveal_widget(std::string_view name) {
    g_reveal = name;
    g_reveal_frames = 30;
}

bool reveal_pending() { return !g_reveal.empty() || !g_focus_request.empty(); }

const std::string& focused_widget() { return g_focused; }

void request_focus(std::string_view name) {
    g_focus_request = name;
    g_focus_request_frames = 3;  // the widget may appear only once its pane has been laid out
}

void focus_if_requested(std::string_view name) {
    if (g_focus_request.empty() || name != g_focus_request) return;
    ImGui::SetKeyboardFocusHere();
    g_focus_request.clear();
    g_focus_request_frames = 0;
}

void register_widget(std::string_view name, ImVec2 min, ImVec2 max) {
    // Only what is on screen counts: a click on a widget scrolled out of view would hit something else.
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
    if (!scrolls_sideways() && (min.x < clip_min.x - kSlack || max.x > clip_max.x + kSlack)) note_clipped("widget " + std::string(name));
    const float x0 = std::max({min.x, clip_min.x, 0.0f}), y0 = std::max({min.y, clip_min.y, 0.0f});
    const float x1 = std::min({max.x, clip_max.x, display.x}), y1 = std::min({max.y, clip_max.y, display.y});
    if (x1 <= x0 || y1 <= y0) return;
    g_widgets[std::string(name)] = ImVec4(x0, y0, x1 - x0, y1 - y0);
}

const std::map<std::string, ImVec4, std::less<>>& widget_registry() { return g_widgets; }

void note_if_clipped(std::string_view label, float text_width, float box_width) {
    if (text_width > box_width + kSlack) note_clipped("text " + std::string(label));
}

std::vector<std::string> clipped_text() {
    std::vector<std::string> out;
    if (g_clipped_frame == ImGui::GetFrameCount()) out = g_clipped;
    const float display = ImGui::GetIO().DisplaySize.x;
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
        if (!w->Active || w->Hidden) continue;
        // A multi-line text field is a child window that ImGui alone makes NoMove; it scrolls its text itself.
        const ImGuiWindowFlags text_field = ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_NoMove;
        if ((w->Flags & text_field) == text_field && !(w->Flags & ImGuiWindowFlags_Popup)) continue;
        const bool sideways = (w->Flags & ImGuiWindowFlags_HorizontalScrollbar) && w->ScrollbarX;
        if ((!sideways && w->ScrollMax.x > kSlack) || w->Pos.x < -kSlack || w->Pos.x + w->Size.x > display + kSlack)
            out.push_back("window " + std::string(w->Name) + " (" + std::to_string(static_cast<int>(w->ScrollMax.x + 0.5f)) + " px too wide)");
    }
    return out;
}

}  // namespace procure::ui
