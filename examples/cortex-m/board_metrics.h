/* Measurements for the firmware example: a SysTick tick counter and a painted stack.
 *
 * Ticks: SysTick runs from the core clock (25 MHz on mps2-an385/an386) with a wrap
 * interrupt, so board_ticks() is a 64-bit count that does not overflow. Under
 * qemu-system-arm -icount shift=0 every instruction takes 1 ns of virtual time, so
 * one tick is exactly BOARD_INSNS_PER_TICK instructions: deterministic instruction
 * counts (qemu's, not cycles on hardware). Without -icount the ticks follow the host's
 * wall clock and mean little.
 *
 * Stack: board_stack_paint() fills the unused stack below the caller's frame with a
 * pattern; board_stack_peak_bytes() is the deepest use since (the first word whose
 * pattern was overwritten). Call paint early in main(). */
#ifndef CORPUS_EXAMPLE_BOARD_METRICS_H
#define CORPUS_EXAMPLE_BOARD_METRICS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BOARD_INSNS_PER_TICK 40u /* 1 ns per instruction / 25 MHz core clock */

void board_ticks_start(void);
uint64_t board_ticks(void);
void board_stack_paint(void);
uint32_t board_stack_peak_bytes(void);
uint32_t board_stack_size(void);

#ifdef __cplusplus
}
#endif

#endif
