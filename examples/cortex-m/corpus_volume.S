/* Embeds a volume over the firmware blob (corpusc build --extends) as read-only data
 * in flash, 8-byte aligned like the blob. CORPUS_VOLUME_FILE is set by CMake. */
  .section .corpus_volume, "a", %progbits
  .balign 8
  .global corpus_volume
  .global corpus_volume_end
corpus_volume:
  .incbin CORPUS_VOLUME_FILE
corpus_volume_end:
