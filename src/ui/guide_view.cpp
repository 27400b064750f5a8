// The procurement guide: a drawn picture of the lifecycle (Plan -> Source -> Manage, with the General
// practices across all three), what happens in each phase, who takes part, and links to its practices.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "strings.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace procure::ui {
namespace {

int practices_in(const Catalogue& c, const std::string& phase) {
    int n = 0;
    for (const Practice& p : c.practices) n += p.phase == phase ? 1 : 0;
    return n;
}

// Three boxes joined by arrows, with a band underneath for the practices that apply throughout.
void draw_lifecycle(const Catalogue& c) {
    const Term* general = c.find_phase("general");
    std::vector<std::size_t> steps;
    for (std::size_t i = 0; i < c.phases.size(); ++i)
        if (c.phases[i].id != "general") steps.push_back(i);
    if (steps.empty()) return;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float width = std::min(ImGui::GetContentRegionAvail().x, 900.0f);
    const float arrow = 36.0f;
    const float box_w = (width - arrow * static_cast<float>(steps.size() - 1)) / static_cast<float>(steps.size());
    ImFont* bold = fonts().bold;
    // Names wrap inside their boxes, and all boxes grow to the tallest: a phone leaves ~95 px a box.
    // A word too long for its box ("Leverandørvalg", "Pianificazione") makes all names smaller, down
    // to 70 %; past that it would be cut, and is reported.
    const float name_wrap = box_w - 12;
    float widest_word = 0;
    for (std::size_t k : steps) {
        const std::string& name = c.phases[k].name;
        for (std::size_t b = 0, e = 0; b < name.size(); b = e + 1) {
            e = std::min(name.find(' ', b), name.size());
            widest_word = std::max(widest_word, bold->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, 0, name.c_str() + b, name.c_str() + e).x);
        }
    }
    const float scale = widest_word > name_wrap ? std::max(0.7f, name_wrap / widest_word) : 1.0f;
    const float size = ImGui::GetFontSize() * scale;
    note_if_clipped("guide phase names", widest_word * scale, name_wrap);
    float name_h = 0;
    for (std::size_t k : steps) name_h = std::max(name_h, bold->CalcTextSizeA(size, FLT_MAX, name_wrap, c.phases[k].name.c_str()).y);
    const float box_h = name_h + ImGui::GetTextLineHeight() + 28;
    for (std::size_t k = 0; k < steps.size(); ++k) {
        const Term& phase = c.phases[steps[k]];
        const ImU32 colour = palette().phase[steps[k] % 4];
        const ImVec2 a(o.x + static_cast<float>(k) * (box_w + arrow), o.y);
        const ImVec2 b(a.x + box_w, a.y + box_h);
        ImVec4 fill = ImGui::ColorConvertU32ToFloat4(colour);
        fill.w = 0.14f;
        dl->AddRectFilled(a, b, ImGui::ColorConvertFloat4ToU32(fill), 10.0f);
        dl->AddRect(a, b, colour, 10.0f, 0, 2.0f);
        const std::string step = trf("guide.step", {{"n", std::to_string(k + 1)}});
        const ImVec2 ts = bold->CalcTextSizeA(size, FLT_MAX, name_wrap, phase.name.c_str());
        dl->AddText(bold, size, ImVec2(a.x + (box_w - ts.x) / 2, a.y + 10), colour, phase.name.c_str(), nullptr, name_wrap);
        const ImVec2 ss = ImGui::CalcTextSize(step.c_str());
        note_if_clipped(step, ss.x, box_w - 8);
        dl->AddText(ImVec2(a.x + (box_w - ss.x) / 2, a.y + 14 + name_h), palette().muted, step.c_str());
        if (k + 1 < steps.size()) {
            const float y = a.y + box_h / 2, x0 = b.x + 6, x1 = b.x + arrow - 6;
            dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), palette().muted, 2.0f);
            dl->AddTriangleFilled(ImVec2(x1, y), ImVec2(x1 - 8, y - 5), ImVec2(x1 - 8, y + 5), palette().muted);
        }
    }
    // The band's text wraps too, and the band grows with it.
    const std::string& band = tr("guide.general_across");
    const ImVec2 band_text = ImGui::CalcTextSize(band.c_str(), nullptr, false, width - 16);
    const float band_h = general ? std::max(34.0f, band_text.y + 12) : 0;
    if (general) {
        const ImU32 colour = palette().phase[0];
        const ImVec2 a(o.x, o.y + box_h + 14), b(o.x + width, o.y + box_h + 14 + band_h);
        ImVec4 fill = ImGui::ColorConvertU32ToFloat4(colour);
        fill.w = 0.12f;
        dl->AddRectFilled(a, b, ImGui::ColorConvertFloat4ToU32(fill), 8.0f);
        dl->AddRect(a, b, colour, 8.0f, 0, 1.5f);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(a.x + std::max(8.0f, (width - band_text.x) / 2), a.y + (band_h - band_text.y) / 2),
                    colour, band.c_str(), nullptr, width - 16);
    }
    ImGui::Dummy(ImVec2(width, box_h + 14 + band_h + 8));
    register_widget("guide.lifecycle", o, ImVec2(o.x + width, o.y + box_h + 14 + band_h));
}

}  // namespace

void draw_guide(Context& ctx) {
    const Catalogue& c = ctx.session.catalogue();
    const float max_width = std::min(ImGui::GetContentRegionAvail().x, 900.0f);  // readable lines, and no wider than a phone
    ImGui::PushFont(fonts().heading);
    wrapped_text(tr("guide.title"), {}, 0, max_width);
    ImGui::PopFont();
    wrapped_text(tr("guide.intro"), {}, 0, max_width);
    ImGui::Dummy(ImVec2(0, 8));
    draw_lifecycle(c);

    // General last: it spans the other three.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < c.phases.size(); ++i)
        if (c.phases[i].id != "general") order.push_back(i);
    for (std::size_t i = 0; i < c.phases.size(); ++i)
        if (c.phases[i].id == "general") order.push_back(i);

    for (std::size_t i : order) {
        const Term& phase = c.phases[i];
        ImGui::PushID(phase.id.c_str());
        ImGui::Dummy(ImVec2(0, 8));
        ImGui::PushFont(fonts().heading);
        ImGui::PushStyleColor(ImGuiCol_Text, palette().phase[i % 4]);
        ImGui::TextUnformatted(phase.name.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        section_heading(tr("guide.what"));
        wrapped_text(phase.description, {}, 0, max_width);
        const std::string who_key = "guide.who." + phase.id;
        if (tr(who_key) != who_key) {
            section_heading(tr("guide.who"));
            wrapped_text(tr(who_key), {}, 0, max_width);
        }
        const int n = practices_in(c, phase.id);
        if (ImGui::Button(trf("guide.open_phase", {{"count", std::to_string(n)}}).c_str())) {
            ctx.session.clear_all();
            ctx.session.toggle(FacetKind::phase, phase.id);
            ctx.changed(ctx.session.set_view_mode(ViewMode::list));
        }
        register_widget("guide.phase." + phase.id);
        ImGui::PopID();
    }
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace procure::ui
