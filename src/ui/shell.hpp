// What the views may ask of the environment they run in. src/app implements it for the browser;
// tests can implement it natively. Views never touch the browser directly.
#pragma once

#include <cstdint>
#include <string>

#include "engine/export_docx.hpp"
#include "engine/session.hpp"

namespace procure::ui {

enum class ThemeChoice { automatic, light, dark };

class Shell {
public:
    virtual ~Shell() = default;
    // After an intent: mirror the view into the URL (push a history entry or replace the current one)
    // and save the checklist.
    virtual void persist(const Changes& changes, bool new_history_entry) = 0;
    virtual std::int64_t now_ms() = 0;
    virtual void copy_text(const std::string& text) = 0;
    virtual void download(const std::string& file_name, const std::string& mime_type, const std::string& content) = 0;
    // A Word document from its package parts; the shell zips them with a kept library.
    virtual void download_docx(const std::string& file_name, const DocxParts& parts) = 0;
    virtual void open_report(const std::string& html) = 0;
    virtual void pick_checklist_file() = 0;
    virtual void choose_language(const std::string& code) = 0;
    virtual void choose_theme(ThemeChoice choice) = 0;
    virtual ThemeChoice theme_choice() const = 0;
    virtual std::string share_link() const = 0;
    // Esc with nothing left to close: hand the keyboard back to the page (its skip link to the text
    // view), because a canvas keeps Tab for its own widgets and would otherwise never let go.
    virtual void leave_canvas() = 0;
};

}  // namespace procure::ui
