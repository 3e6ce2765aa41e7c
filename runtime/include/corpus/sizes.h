/* Workspace sizes of the corpus runtime, as C macros: the one definition that
 * reader.hpp (C++) and corpus.h (C) share, so both languages size a static
 * workspace alike. All values are bytes. Override CORPUS_DCTX_BYTES or
 * CORPUS_DDICT_BYTES with -D for a zstd built with other settings; the runtime
 * still checks zstd's own estimate at init and refuses a workspace that is short. */
#ifndef CORPUS_SIZES_H
#define CORPUS_SIZES_H

/* Upper bound of ZSTD_estimateDCtxSize() for the zstd builds we support (95,968 B on
 * x86-64 and 95,792 B on Cortex-M4 with zstd 1.5.4 defaults; 31,280 B when zstd is
 * built with ZSTD_DECODER_INTERNAL_BUFFER=1024, which may lower this). */
#ifndef CORPUS_DCTX_BYTES
#define CORPUS_DCTX_BYTES (96u * 1024u + 512u)
#endif
/* Upper bound of ZSTD_estimateDDictSize(n, ZSTD_dlm_byRef) (27,324 B measured; the
 * dictionary bytes themselves stay in the blob). */
#ifndef CORPUS_DDICT_BYTES
#define CORPUS_DDICT_BYTES (28u * 1024u)
#endif
/* The workspace header: who set up the zstd state in the workspace and which frame
 * its buffer holds (reader.hpp, "Sharing a workspace"). */
#define CORPUS_WORKSPACE_HEADER_BYTES 64u

/* Decompressed frame sizes of the build profiles (corpusc --profile default|small). */
#define CORPUS_FRAME_BYTES_DEFAULT (128u * 1024u)
#define CORPUS_FRAME_BYTES_SMALL (16u * 1024u)

/* Workspace bytes for a blob whose largest frame is `frame_bytes` (its max_frame_raw). */
#define CORPUS_WORKSPACE_BYTES(frame_bytes) \
  (CORPUS_WORKSPACE_HEADER_BYTES + CORPUS_DCTX_BYTES + CORPUS_DDICT_BYTES + \
   (((frame_bytes) + 7u) & ~7u))

#endif
