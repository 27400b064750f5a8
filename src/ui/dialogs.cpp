// Modal dialogs: About, Sources, Help, the language list, the export menu and the checklist reset
// confirmation. One dialog at a time, chosen by UiState::dialog.
#include <string>

#include <imgui.h>

#include "strings.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace procure::ui {
namespace {

const char* dialog_title(Dialog d) {
    switch (d) {
        case Dialog::about: return "about.title";
        case Dialog::sources: return "sources.title";
        case Dialog::help: return "help.title";
        case Dialog::language: return "header.language";
        case Dialog::export_menu: return "header.export";
        case Dialog::reset_checklist: return "checklist.reset";
        case Dialog::none: break;
    }
    return "dialog.close";
}

void about(Context& ctx) {
    wrapped_text(tr("about.body"));
    ImGui::Dummy(ImVec2(0, 4));
    ImGui::PushFont(fonts().bold);
    wrapped_text(tr("about.editorial"));
    ImGui::PopFont();
    wrapped_text(tr("about.translations"));
    ImGui::Dummy(ImVec2(0, 4));
    wrapped_text(ctx.session.catalogue().metadata.notice);
}

void sources(Context& ctx) {
    const Catalogue& c = ctx.session.catalogue();
    section_heading(tr("sources.publication"));
    wrapped_text(c.metadata.source.title + " \xE2\x80\x94 " + c.metadata.source.publisher + ", " + c.metadata.source.date);
    if (!c.metadata.source.url.empty()) wrapped_text(c.metadata.source.url);
    section_heading(tr("sources.notice"));
    wrapped_text(c.metadata.notice);
    section_heading(tr("sources.licence"));
    wrapped_text(c.metadata.licence);
    section_heading(tr("sources.references"));
    for (const Reference& r : c.references) {
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::BeginGroup();
        ImGui::PushFont(fonts().bold);
        wrapped_text(r.identifier.empty() ? r.title : r.title + " \xE2\x80\x94 " + r.identifier);
        ImGui::PopFont();
        wrapped_text(r.description);
        if (!r.url.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, palette().muted);
            wrapped_text(r.url);
            ImGui::PopStyleColor();
        }
        ImGui::EndGroup();
    }
}

void help() {
    wrapped_text(tr("help.body"));
    ImGui::Dummy(ImVec2(0, 4));
    wrapped_text(tr("help.keys"));
    wrapped_text(tr("help.leave"));
}

void languages(Context& ctx) {
    const std::string current = ctx.session.view().language.empty() ? "en" : ctx.session.view().language;
    for (std::size_t i = 0; i < ctx.ui.languages.size(); ++i) {
        const std::string& code = ctx.ui.languages[i];
        if (ImGui::Selectable((ctx.ui.language_names[i] + "###" + code).c_str(), code == current)) {
            ctx.shell.choose_language(code);
            ctx.ui.dialog = Dialog::none;
        }
        register_widget("language." + code);
    }
}

void reset_checklist(Context& ctx) {
    wrapped_text(tr("checklist.reset_confirm"));
    // Red in every state: the default hover colour would make a destructive button look harmless.
    const ImVec4 danger = ImGui::ColorConvertU32ToFloat4(palette().danger);
    ImGui::PushStyleColor(ImGuiCol_Button, danger);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(danger.x * 0.9f, danger.y * 0.9f, danger.z * 0.9f, danger.w));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(danger.x * 0.8f, danger.y * 0.8f, danger.z * 0.8f, danger.w));
    ImGui::PushStyleColor(ImGuiCol_Text, palette().surface);
    if (ImGui::Button(tr("checklist.reset_yes").c_str())) {
        ctx.changed(ctx.session.reset_checklist());
        ctx.ui.note_practice.clear();
        ctx.ui.dialog = Dialog::none;
    }
    ImGui::PopStyleColor(4);
    register_widget("reset.confirm");
    ImGui::SameLine();
    if (ImGui::Button(tr("checklist.cancel").c_str())) ctx.ui.dialog = Dialog::none;
    register_widget("reset.cancel");
}

}  // namespace

void draw_dialogs(Context& ctx) {
    if (ctx.ui.dialog == Dialog::none) return;
    // Each kind of dialog is its own popup, so one never inherits another's size or scroll position.
    const std::string popup = "###dialog" + std::to_string(static_cast<int>(ctx.ui.dialog));
    if (!ImGui::IsPopupOpen(popup.c_str())) ImGui::OpenPopup(popup.c_str());
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float width = std::min(640.0f, display.x - 24.0f);
    ImGui::SetNextWindowPos(ImVec2(display.x / 2, std::min(display.y * 0.08f, 60.0f)), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, display.y * 0.86f));
    bool open = true;
    const Dialog shown = ctx.ui.dialog;
    if (ImGui::BeginPopupModal(popup.c_str(), &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove)) {
        ImGui::PushFont(fonts().heading);
        ImGui::TextUnformatted(tr(dialog_title(ctx.ui.dialog)).c_str());
        ImGui::PopFont();
        switch (ctx.ui.dialog) {
            case Dialog::about: about(ctx); break;
            case Dialog::sources: sources(ctx); break;
            case Dialog::help: help(); break;
            case Dialog::language: languages(ctx); break;
            case Dialog::export_menu: draw_export_menu(ctx); break;
            case Dialog::reset_checklist: reset_checklist(ctx); break;
            case Dialog::none: break;
        }
        ImGui::Dummy(ImVec2(0, 6));
        if (ctx.ui.dialog != Dialog::reset_checklist && ImGui::Button(tr("dialog.close").c_str())) ctx.ui.dialog = Dialog::none;
        register_widget("dialog.close");
        // Closed, or replaced by another dialog (the export menu opens the reset question): close this
        // popup now, so the next one opens on its own and not stacked behind a stale modal.
        if (ctx.ui.dialog != shown) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (!open) ctx.ui.dialog = Dialog::none;
}

}  // namespace procure::ui
