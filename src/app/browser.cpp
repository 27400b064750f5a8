#include "browser.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <emscripten.h>

namespace procure::browser {
namespace {

// Every call goes through window.procureApp.bridge, defined in web/shell.js.
EM_JS(void, js_notify_ready, (), { window.procureApp.notifyReady(); });
// Strings come back as C strings from _malloc, freed by adopt() below; null stays null.
EM_JS(char*, js_fragment, (), {
    var s = window.procureApp.bridge.fragment();
    var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});
EM_JS(void, js_set_fragment, (const char* f, int push), { window.procureApp.bridge.setFragment(UTF8ToString(f), !!push); });
EM_JS(char*, js_page_url, (), {
    var s = location.href.split('#')[0];
    var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});
EM_JS(double, js_now_ms, (), { return Date.now(); });
EM_JS(void, js_copy_text, (const char* t), { window.procureApp.bridge.copyText(UTF8ToString(t)); });
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int size), {
    window.procureApp.bridge.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + size));
});
EM_JS(void, js_download_docx, (const char* name, const char* parts), {
    window.procureApp.bridge.downloadDocx(UTF8ToString(name), UTF8ToString(parts));
});
EM_JS(void, js_open_report, (const char* html), { window.procureApp.bridge.openReport(UTF8ToString(html)); });
EM_JS(void, js_pick_file, (), { window.procureApp.bridge.pickFile(); });
EM_JS(void, js_choose_language, (const char* code), { window.procureApp.bridge.chooseLanguage(UTF8ToString(code)); });
EM_JS(char*, js_storage_get, (const char* key), {
    var s = window.procureApp.bridge.storageGet(UTF8ToString(key));
    if (s === null || s === undefined) return 0;
    var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});
EM_JS(int, js_storage_set, (const char* key, const char* value), {
    return window.procureApp.bridge.storageSet(UTF8ToString(key), UTF8ToString(value));
});
EM_JS(void, js_storage_remove, (const char* key), { window.procureApp.bridge.storageRemove(UTF8ToString(key)); });
EM_JS(void, js_set_text_input_active, (int active), { window.procureApp.bridge.setTextInputActive(!!active); });
EM_JS(double, js_root_font_pixels, (), { return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16; });
EM_JS(void, js_leave_canvas, (), { window.procureApp.bridge.leaveCanvas(); });
EM_JS(void, js_update_mirror, (const char* model), { window.procureApp.bridge.updateMirror(UTF8ToString(model)); });

// Takes ownership of a string the page allocated with _malloc (null stays empty).
std::optional<std::string> adopt(char* s) {
    if (!s) return std::nullopt;
    std::string out(s);
    std::free(s);
    return out;
}

}  // namespace

void notify_ready() { js_notify_ready(); }
std::string fragment() { return adopt(js_fragment()).value_or(""); }
void set_fragment(const std::string& f, bool push) { js_set_fragment(f.c_str(), push ? 1 : 0); }
std::string page_url_without_fragment() { return adopt(js_page_url()).value_or(""); }
double now_ms() { return js_now_ms(); }
void copy_text(const std::string& text) { js_copy_text(text.c_str()); }
void download(const std::string& name, const std::string& mime, const std::string& content) {
    js_download(name.c_str(), mime.c_str(), content.data(), static_cast<int>(content.size()));
}
void download_docx(const std::string& name, const std::string& parts_json) { js_download_docx(name.c_str(), parts_json.c_str()); }
void open_report(const std::string& html) { js_open_report(html.c_str()); }
void update_mirror(const std::string& model_json) { js_update_mirror(model_json.c_str()); }
void pick_file() { js_pick_file(); }
void leave_canvas() { js_leave_canvas(); }
float text_scale() {
    const double scale = std::round(js_root_font_pixels() / 16.0 * 8.0) / 8.0;  // no atlas rebuild for sub-pixel noise
    return static_cast<float>(std::clamp(scale, 0.75, 2.0));
}
void choose_language(const std::string& code) { js_choose_language(code.c_str()); }
std::optional<std::string> storage_get(const std::string& key) { return adopt(js_storage_get(key.c_str())); }
StoreResult storage_set(const std::string& key, const std::string& value) {
    const int r = js_storage_set(key.c_str(), value.c_str());
    return r == 0 ? StoreResult::ok : r == 1 ? StoreResult::quota_exceeded : StoreResult::unavailable;
}
void storage_remove(const std::string& key) { js_storage_remove(key.c_str()); }
void set_text_input_active(bool active) { js_set_text_input_active(active ? 1 : 0); }

}  // namespace procure::browser
