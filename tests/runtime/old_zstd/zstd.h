/* A stand-in for a zstd.h whose static section sits inside its main include guard:
 * once included without ZSTD_STATIC_LINKING_ONLY, no later include can expose it.
 * Used only by the runtime_zstd_include_error test (a compile that must fail with
 * corpus/zstd_static.hpp's #error message). */
#ifndef OLD_STYLE_ZSTD_H
#define OLD_STYLE_ZSTD_H
#include <stddef.h>
size_t ZSTD_decompress(void* dst, size_t dst_capacity, const void* src, size_t src_size);
#ifdef ZSTD_STATIC_LINKING_ONLY
#define ZSTD_H_ZSTD_STATIC_LINKING_ONLY
#endif
#endif
