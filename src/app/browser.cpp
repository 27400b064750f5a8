#include "browser.hpp"

#include <emscripten.h>

namespace procure::browser {

EM_JS(void, js_notify_ready, (), {
    if (window.procureApp && window.procureApp.notifyReady) window.procureApp.notifyReady();
});

void notify_ready() { js_notify_ready(); }

}  // namespace procure::browser
