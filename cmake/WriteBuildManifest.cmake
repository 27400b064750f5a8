# Writes build.json into the site: the files the page loads and the real size of app.wasm, which the
# loading screen needs because a compressed transfer hides it.
file(SIZE ${SITE_DIR}/app.wasm wasm_bytes)
# Which translation files exist, so the page never asks for one that is not there.
function(json_list out pattern)
  file(GLOB files RELATIVE ${SITE_DIR}/i18n ${SITE_DIR}/i18n/${pattern})
  set(items "")
  foreach(f ${files})
    string(REGEX REPLACE "^[^/]+/(.*)\\.json$" "\\1" name "${f}")
    list(APPEND items "\"${name}\"")
  endforeach()
  list(JOIN items ", " joined)
  set(${out} "${joined}" PARENT_SCOPE)
endfunction()
json_list(ui_list "ui/*.json")
json_list(content_list "content/*/*.json")
file(WRITE ${SITE_DIR}/build.json "{
  \"version\": \"${VERSION}\",
  \"js\": \"app.js\",
  \"wasm\": { \"file\": \"app.wasm\", \"bytes\": ${wasm_bytes} },
  \"catalogue\": \"data/catalogue.json\",
  \"translations\": { \"ui\": [${ui_list}], \"content\": [${content_list}] },
  \"fonts\": { \"regular\": \"fonts/NotoSans-Regular.ttf\", \"bold\": \"fonts/NotoSans-Bold.ttf\" }
}
")
