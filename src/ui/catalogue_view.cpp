#include "catalogue_view.hpp"

#include <string>

#include <imgui.h>

namespace procure::ui {
namespace {

void draw_load_problems(const Session& session, const Fonts& fonts) {
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("The catalogue could not be loaded");
    ImGui::PopFont();
    ImGui::TextWrapped("The file data/catalogue.json on this site has %d problem(s). Nothing else is affected; "
                       "the site's publisher can check the file with `catalogue-tool validate`.",
                       static_cast<int>(session.load_problems.size()));
    ImGui::Spacing();
    for (const Problem& p : session.load_problems) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", format_problem(p).c_str());
    }
}

void draw_practices(const Catalogue& c, const Fonts& fonts) {
    const Palette& pal = palette();
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("%s", c.metadata.title.c_str());
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, pal.muted);
    ImGui::TextWrapped("%s, %s edition · %d good practices", c.metadata.source.publisher.c_str(), c.metadata.edition.c_str(),
                       static_cast<int>(c.practices.size()));
    ImGui::PopStyleColor();
    ImGui::Spacing();

    for (std::size_t phase_index = 0; phase_index < c.phases.size(); ++phase_index) {
        const Term& phase = c.phases[phase_index];
        ImGui::Spacing();
        ImGui::PushFont(fonts.bold);
        ImGui::PushStyleColor(ImGuiCol_Text, pal.phase[phase_index % 4]);
        ImGui::TextUnformatted(phase.name.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::Separator();
        for (const Practice& p : c.practices) {
            if (p.phase != phase.id) continue;
            ImGui::PushID(p.id.c_str());
            ImGui::PushFont(fonts.bold);
            ImGui::Text("%2d", p.number);
            ImGui::PopFont();
            ImGui::SameLine(44.0f);
            ImGui::BeginGroup();
            ImGui::PushFont(fonts.bold);
            ImGui::TextWrapped("%s", p.title.c_str());
            ImGui::PopFont();
            ImGui::PushStyleColor(ImGuiCol_Text, pal.muted);
            ImGui::TextWrapped("%s", p.summary.c_str());
            ImGui::PopStyleColor();
            ImGui::EndGroup();
            ImGui::Spacing();
            ImGui::PopID();
        }
    }
}

}  // namespace

void draw_catalogue_view(const Session& session, const Fonts& fonts) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("Catalogue", nullptr, flags);
    const float max_width = 860.0f;
    const float width = ImGui::GetContentRegionAvail().x;
    if (width > max_width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - max_width) * 0.5f);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + (width > max_width ? max_width : width));
    if (session.catalogue) draw_practices(*session.catalogue, fonts);
    else if (!session.load_problems.empty()) draw_load_problems(session, fonts);
    else ImGui::TextUnformatted("Loading the catalogue…");
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::End();
}

}  // namespace procure::ui
