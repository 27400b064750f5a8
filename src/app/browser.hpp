// The app's calls into the page (web/shell.js, window.procureApp.bridge). The only C++ that talks to
// JavaScript; each function is a one-line wrapper so the JS side stays small and documented.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace procure::browser {

void notify_ready();
std::string fragment();  // location.hash without '#'
void set_fragment(const std::string& fragment, bool new_history_entry);
std::string page_url_without_fragment();
double now_ms();
void copy_text(const std::string& text);
void download(const std::string& file_name, const std::string& mime_type, const std::string& content);
void download_docx(const std::string& file_name, const std::string& parts_json);
void open_report(const std::string& html);
void pick_file();
void choose_language(const std::string& code);
void leave_canvas();
// The page's root font size over 16 px: the default text size the reader chose in the browser's
// settings (zoom is already in devicePixelRatio). Rounded to 1/8 and kept within 0.75..2.
float text_scale();  // moves the page's focus from the canvas to the skip link

enum class StoreResult { ok, quota_exceeded, unavailable };
std::optional<std::string> storage_get(const std::string& key);
StoreResult storage_set(const std::string& key, const std::string& value);
void storage_remove(const std::string& key);

// Hands the accessible mirror its new model (src/ui/mirror.hpp; web/mirror.js draws it as HTML).
void update_mirror(const std::string& model_json);

// Shows a hidden text field so phones open their on-screen keyboard while an ImGui text field is active.
void set_text_input_active(bool active);

}  // namespace procure::browser
