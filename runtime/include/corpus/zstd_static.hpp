// The one place the runtime includes <zstd.h>: with zstd's static API (static DCtx
// and DDict in caller memory), which zstd exposes only under ZSTD_STATIC_LINKING_ONLY.
//
// zstd's documented rule: define ZSTD_STATIC_LINKING_ONLY before including <zstd.h>.
// This header defines it if nobody did, includes <zstd.h>, and then checks zstd.h's
// own guard of the static section (ZSTD_H_ZSTD_STATIC_LINKING_ONLY). zstd 1.4+ keeps
// that section outside its main include guard, so a translation unit that included
// <zstd.h> first still gets it here; a zstd.h that cannot (the static part inside the
// main guard) stops the build with the #error below instead of failing later on
// undeclared ZSTD_initStaticDCtx.
#pragma once

#ifndef ZSTD_STATIC_LINKING_ONLY
#define ZSTD_STATIC_LINKING_ONLY
#endif
#include <zstd.h>

#ifndef ZSTD_H_ZSTD_STATIC_LINKING_ONLY
#error "corpus: <zstd.h> was included without ZSTD_STATIC_LINKING_ONLY and cannot expose its static API now. Fix: #define ZSTD_STATIC_LINKING_ONLY before the first #include <zstd.h> (or -DZSTD_STATIC_LINKING_ONLY), or include the corpus headers first."
#endif
