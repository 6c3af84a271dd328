/* bench-util.h: what the benchmarks share: clocks, memory and a large workspace. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

double bench_seconds_since (gint64 start);
long bench_peak_rss_mib (void);
void bench_make_large_workspace (const char *path, guint n_findings);

G_END_DECLS
