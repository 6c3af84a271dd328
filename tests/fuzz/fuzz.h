/* fuzz.h: what every harness in tests/fuzz defines.
 *
 * A harness is one LLVMFuzzerTestOneInput. Built with clang and
 * -fsanitize=fuzzer (run-fuzzers) libFuzzer drives it; built by meson with
 * any compiler it is linked with fuzz-replay.c, which feeds it every file of
 * its committed corpus, so the corpus runs in the normal test suite.
 *
 * A harness returns 0 for every input, valid or not; a wrong result is a
 * g_assert, which aborts, and libFuzzer or the replay test reports it.
 */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

G_BEGIN_DECLS

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Every message a user may read is valid UTF-8, whatever the input was:
 * GTK labels and the CLI's stderr both depend on it. */
#define FUZZ_ASSERT_MESSAGE(error)                                                                 \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_assert_nonnull (error);                                                                      \
    g_assert_true (g_utf8_validate ((error)->message, -1, NULL));                                  \
  }                                                                                                \
  G_STMT_END

G_END_DECLS
