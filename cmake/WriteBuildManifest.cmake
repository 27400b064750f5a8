# Writes build.json into the site: the files the page loads and the real size of app.wasm, which the
# loading screen needs because a compressed transfer hides it.
file(SIZE ${SITE_DIR}/app.wasm wasm_bytes)
file(WRITE ${SITE_DIR}/build.json "{
  \"version\": \"${VERSION}\",
  \"js\": \"app.js\",
  \"wasm\": { \"file\": \"app.wasm\", \"bytes\": ${wasm_bytes} },
  \"catalogue\": \"data/catalogue.json\",
  \"fonts\": { \"regular\": \"fonts/NotoSans-Regular.ttf\", \"bold\": \"fonts/NotoSans-Bold.ttf\" }
}
")
