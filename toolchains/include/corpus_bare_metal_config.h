/* Force-included (-include) into every C and C++ file of a bare-metal build
 * (toolchains/arm-none-eabi.cmake). Macros only: safe in C and C++.
 *
 * Why: the default FLATBUFFERS_ASSERT is assert(), which pulls newlib's stdio and
 * syscalls (the firmware link has none). A failed check traps instead (HardFault,
 * or qemu stops), which is the right outcome for a broken invariant on a device. */
#ifndef CORPUS_BARE_METAL_CONFIG_H
#define CORPUS_BARE_METAL_CONFIG_H

#define FLATBUFFERS_ASSERT(x) ((x) ? (void)0 : __builtin_trap())

/* zstd's allocation hook (lib/common/zstd_deps.h): pre-defining ZSTD_DEPS_MALLOC
 * skips its <stdlib.h> malloc/calloc/free. The runtime only uses static contexts
 * (ZSTD_initStaticDCtx/DDict in caller memory), so zstd's never-taken allocation
 * paths get NULL and free nothing; malloc/free are then absent from the link. */
#define ZSTD_DEPS_MALLOC
#define ZSTD_malloc(s) ((void)(s), (void*)0)
#define ZSTD_calloc(n, s) ((void)(n), (void)(s), (void*)0)
#define ZSTD_free(p) ((void)(p))

#endif
