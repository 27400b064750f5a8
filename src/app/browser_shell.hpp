// ui::Shell for the browser: the URL fragment, browser storage, clipboard, downloads and theme.
#pragma once

#include <functional>
#include <string>

#include "ui/shell.hpp"
#include "ui/ui_state.hpp"

namespace procure::app {

class BrowserShell final : public ui::Shell {
public:
    BrowserShell(ui::UiState& ui, std::function<Session*()> session) : ui_(ui), session_(std::move(session)) {}

    void persist(const Changes& changes, bool new_history_entry) override;
    std::int64_t now_ms() override;
    void copy_text(const std::string& text) override;
    void download(const std::string& file_name, const std::string& mime_type, const std::string& content) override;
    void download_docx(const std::string& file_name, const DocxParts& parts) override;
    void open_report(const std::string& html) override;
    void pick_checklist_file() override;
    void choose_language(const std::string& code) override;
    void choose_theme(ui::ThemeChoice choice) override;
    ui::ThemeChoice theme_choice() const override { return theme_; }
    std::string share_link() const override;
    void leave_canvas() override;

    // Storage keys are per catalogue, so an agency's catalogue never mixes with another's checklist.
    std::string checklist_key() const;
    void save_checklist();
    // Applies the chosen theme, or the system's when the choice is automatic.
    void apply_theme();
    void set_system_dark(bool dark) { system_dark_ = dark; }
    void restore_theme_choice();

private:
    ui::UiState& ui_;
    std::function<Session*()> session_;
    ui::ThemeChoice theme_ = ui::ThemeChoice::automatic;
    bool system_dark_ = false;
};

}  // namespace procure::app
