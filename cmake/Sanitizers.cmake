# Hardening builds (issue #9). Both options apply to every project target configured after this file.
#
#   PROCURE_SANITIZE  engine, unit tests, CLI and benchmarks with AddressSanitizer and UBSan; any
#                     finding aborts the test that hit it (build/asan, see tools/asan).
#   PROCURE_FUZZ      clang only: the engine instrumented for libFuzzer and the targets in tests/fuzz,
#                     nothing else (build/fuzz, see tools/fuzz).
option(PROCURE_SANITIZE "Build with -fsanitize=address,undefined" OFF)
option(PROCURE_FUZZ "Build the libFuzzer targets in tests/fuzz (clang only)" OFF)

if(PROCURE_SANITIZE OR PROCURE_FUZZ)
  if(EMSCRIPTEN)
    message(FATAL_ERROR "PROCURE_SANITIZE and PROCURE_FUZZ are for native builds")
  endif()
  # -fno-sanitize-recover: a finding must fail the test or stop the fuzzer, not scroll past in a log.
  # Frame pointers give readable stacks at little cost.
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

if(PROCURE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "PROCURE_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  # Coverage instrumentation everywhere; only the fuzz targets link libFuzzer's main (tests/fuzz).
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
