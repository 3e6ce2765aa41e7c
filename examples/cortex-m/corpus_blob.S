/* Embeds the corpus blob (and the input file the firmware compares an article
 * against) as read-only data in flash. The blob must be 8-byte aligned: the
 * runtime reads it in place (FlatBuffers scalars, zstd's static contexts).
 * CORPUS_BLOB_FILE and CORPUS_EXPECTED_FILE are string paths set by CMake.
 * blob_data/blob_data_end name the same bytes for C code, where corpus.h's
 * corpus_blob is a type. */
  .section .corpus_blob, "a", %progbits
  .balign 8
  .global corpus_blob
  .global corpus_blob_end
  .global blob_data
  .global blob_data_end
corpus_blob:
blob_data:
  .incbin CORPUS_BLOB_FILE
corpus_blob_end:
blob_data_end:

  .section .rodata.expected_article, "a", %progbits
  .balign 4
  .global expected_article
  .global expected_article_end
expected_article:
  .incbin CORPUS_EXPECTED_FILE
expected_article_end:
