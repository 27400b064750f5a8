# Writes build.json into the site: the files the page loads and the real size of app.wasm, which the
# loading screen needs because a compressed transfer hides it.
file(SIZE ${SITE_DIR}/app.wasm wasm_bytes)
# Which translation files exist, so the page never asks for one that is not there, and their sizes,
# for the progress shown while a language loads.
set(translation_bytes "")
function(json_list out pattern)
  file(GLOB files RELATIVE ${SITE_DIR}/i18n ${SITE_DIR}/i18n/${pattern})
  set(items "")
  set(sizes "${translation_bytes}")
  foreach(f ${files})
    string(REGEX REPLACE "^[^/]+/(.*)\\.json$" "\\1" name "${f}")
    list(APPEND items "\"${name}\"")
    file(SIZE ${SITE_DIR}/i18n/${f} bytes)
    list(APPEND sizes "\"${f}\": ${bytes}")
  endforeach()
  list(JOIN items ", " joined)
  set(${out} "${joined}" PARENT_SCOPE)
  set(translation_bytes "${sizes}" PARENT_SCOPE)
endfunction()
json_list(ui_list "ui/*.json")
json_list(content_list "content/*/*.json")
list(JOIN translation_bytes ", " bytes_joined)
file(WRITE ${SITE_DIR}/build.json "{
  \"version\": \"${VERSION}\",
  \"js\": \"app.js\",
  \"wasm\": { \"file\": \"app.wasm\", \"bytes\": ${wasm_bytes} },
  \"catalogue\": \"data/catalogue.json\",
  \"translations\": { \"ui\": [${ui_list}], \"content\": [${content_list}], \"bytes\": { ${bytes_joined} } },
  \"fonts\": { \"regular\": \"fonts/NotoSans-Regular.ttf\", \"bold\": \"fonts/NotoSans-Bold.ttf\" }
}
")
