// The header: tool name and edition, the three views, language, theme, exports, About/Sources/Help.
// On phones the secondary buttons move into a menu.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "strings.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace procure::ui {
namespace {

bool tab(const char* id, const std::string& label, bool active) {
    ImGui::PushID(id);
    if (active) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetColorU32(ImGuiCol_ButtonActive));
        ImGui::PushFont(fonts().bold);
    }
    const bool clicked = ImGui::Button(label.c_str());
    if (active) {
        ImGui::PopFont();
        ImGui::PopStyleColor();
    }
    ImGui::PopID();
    return clicked;
}

void draw_tabs(Context& ctx) {
    const ViewMode mode = ctx.session.view().view;
    if (tab("tab-list", tr("tab.practices"), mode == ViewMode::list)) ctx.changed(ctx.session.set_view_mode(ViewMode::list));
    register_widget("tab.practices");
    ImGui::PushFont(fonts().bold);  // the widest a tab gets, when it is the active one
    const float matrix_width = button_width(tr("tab.matrix")), guide_width = button_width(tr("tab.guide"));
    ImGui::PopFont();
    same_line_if_fits(matrix_width);
    if (tab("tab-matrix", tr("tab.matrix"), mode == ViewMode::matrix)) ctx.changed(ctx.session.set_view_mode(ViewMode::matrix));
    register_widget("tab.matrix");
    same_line_if_fits(guide_width);
    if (tab("tab-guide", tr("tab.guide"), mode == ViewMode::guide)) ctx.changed(ctx.session.set_view_mode(ViewMode::guide));
    register_widget("tab.guide");
}

void theme_button(Context& ctx) {
    const ThemeChoice choice = ctx.shell.theme_choice();
    const std::string& label = choice == ThemeChoice::automatic ? tr("header.theme_auto")
                               : choice == ThemeChoice::light   ? tr("header.theme_light")
                                                                : tr("header.theme_dark");
    const std::string text = tr("header.theme") + ": " + label;
    if (ImGui::Button(text.c_str())) {
        // auto -> light -> dark -> auto
        ctx.shell.choose_theme(choice == ThemeChoice::automatic ? ThemeChoice::light
                               : choice == ThemeChoice::light   ? ThemeChoice::dark
                                                                : ThemeChoice::automatic);
    }
    register_widget("header.theme");
}

std::string language_label(Context& ctx) {
    const std::string& current = ctx.session.view().language.empty() ? std::string("en") : ctx.session.view().language;
    std::string label = current;
    for (std::size_t i = 0; i < ctx.ui.languages.size(); ++i)
        if (ctx.ui.languages[i] == current) label = ctx.ui.language_names[i];
    return label;
}

void language_button(Context& ctx) {
    if (ImGui::Button((language_label(ctx) + "###language").c_str())) ctx.ui.dialog = Dialog::language;
    register_widget("header.language");
}

void secondary_buttons(Context& ctx) {
    if (ImGui::Button(tr("header.export").c_str())) ctx.ui.dialog = Dialog::export_menu;
    register_widget("header.export");
    ImGui::SameLine();
    language_button(ctx);
    ImGui::SameLine();
    theme_button(ctx);
    ImGui::SameLine();
    if (ImGui::Button(tr("header.about").c_str())) ctx.ui.dialog = Dialog::about;
    register_widget("header.about");
    ImGui::SameLine();
    if (ImGui::Button(tr("header.sources").c_str())) ctx.ui.dialog = Dialog::sources;
    register_widget("header.sources");
    ImGui::SameLine();
    if (ImGui::Button(tr("header.help").c_str())) ctx.ui.dialog = Dialog::help;
    register_widget("header.help");
}

float secondary_width(Context& ctx) {
    const ImGuiStyle& s = ImGui::GetStyle();
    auto w = [&](const std::string& t) { return ImGui::CalcTextSize(t.c_str()).x + s.FramePadding.x * 2 + s.ItemSpacing.x; };
    // The theme button's widest label, so the row does not move when the theme changes.
    float theme = 0;
    for (const char* key : {"header.theme_light", "header.theme_dark", "header.theme_auto"})
        theme = std::max(theme, w(tr("header.theme") + ": " + tr(key)));
    return w(tr("header.export")) + w(language_label(ctx)) + theme + w(tr("header.about")) + w(tr("header.sources")) +
           w(tr("header.help"));
}

}  // namespace

void draw_header(Context& ctx) {
    const Catalogue& c = ctx.session.catalogue();
    ImGui::PushFont(fonts().heading);
    if (ctx.layout == LayoutKind::phone) wrapped_text(tr("app.title"));  // "Przewodnik po zamówieniach…" is wider than a phone
    else ImGui::TextUnformatted(tr("app.title").c_str());
    ImGui::PopFont();
    if (ctx.layout != LayoutKind::phone) {
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 6);
        badge(c.metadata.edition + " \xC2\xB7 v" + c.version, palette().muted);
    }

    if (ctx.layout == LayoutKind::phone) {
        draw_tabs(ctx);
        if (ImGui::Button(tr("header.export").c_str())) ctx.ui.dialog = Dialog::export_menu;
        register_widget("header.export");
        same_line_if_fits(button_width(language_label(ctx)));
        language_button(ctx);
        same_line_if_fits(button_width(tr("header.menu")));
        if (ImGui::Button((tr("header.menu") + "###menu").c_str())) ImGui::OpenPopup("phone-menu");
        register_widget("header.menu");
        if (ImGui::BeginPopup("phone-menu")) {
            theme_button(ctx);
            if (ImGui::Selectable(tr("header.about").c_str())) ctx.ui.dialog = Dialog::about;
            if (ImGui::Selectable(tr("header.sources").c_str())) ctx.ui.dialog = Dialog::sources;
            if (ImGui::Selectable(tr("header.help").c_str())) ctx.ui.dialog = Dialog::help;
            ImGui::EndPopup();
        }
    } else {
        draw_tabs(ctx);
        const float needed = secondary_width(ctx);
        const float right = ImGui::GetWindowContentRegionMax().x;
        ImGui::SameLine();
        if (ImGui::GetCursorPosX() + needed < right) ImGui::SetCursorPosX(right - needed);
        else ImGui::NewLine();
        secondary_buttons(ctx);
    }
    ImGui::Separator();
}

void draw_notices(Context& ctx) {
    for (std::size_t i = 0; i < ctx.ui.notices.size();) {
        const Notice& n = ctx.ui.notices[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushStyleColor(ImGuiCol_ChildBg, n.warning ? palette().highlight : ImGui::GetColorU32(ImGuiCol_FrameBg));
        const float close_width = ImGui::CalcTextSize(tr("dialog.close").c_str()).x + 24;
        ImGui::BeginChild("notice", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border, ImGuiWindowFlags_NavFlattened);
        wrapped_text(n.text, {}, 0, ImGui::GetContentRegionAvail().x - close_width);
        ImGui::SameLine(ImGui::GetContentRegionAvail().x - close_width + ImGui::GetCursorPosX());
        bool dismissed = ImGui::SmallButton(tr("dialog.close").c_str());
        register_widget("notice.close." + std::to_string(i));
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::PopID();
        if (dismissed) ctx.ui.notices.erase(ctx.ui.notices.begin() + static_cast<long>(i));
        else ++i;
    }
}

}  // namespace procure::ui
